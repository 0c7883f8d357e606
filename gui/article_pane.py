"""The article pane: the article's title and details, the verdict legend, the find bar
and the reader, stacked in the window's centre."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.flow_layout import FlowLayout
from gui.i18n import filled
from gui.icons import keycap_style, outline_swatch, underlined_swatch
from gui.places import ArticlePlaces
from gui.plain_text import plain_label, plain_tip
from gui.reader import ArticleView, align_paragraphs
from store.core.links import readable_link
from store.core.records import Appearance, Article, Label, Place
from store.text.display import isolated

if TYPE_CHECKING:
    from gui.find_bar import FindBar

URL_SHOWN = 90  # characters of an article's address the header shows (the rest: its tooltip)
TITLE_SHOWN = 240  # and of its title (about three lines)
LEGEND_ROWS = 3  # of verdicts the legend shows at most; more are scrolled to

# The default labels' descriptions as resources/labels.json ships them (a test keeps the
# two the same), marked here so that lupdate keeps their Arabic in the .ts.
DEFAULT_DESCRIPTIONS = frozenset({
    QT_TRANSLATE_NOOP("labels", "A claim worth checking that nobody has verified yet."),
    QT_TRANSLATE_NOOP("labels", "The claim is supported by the evidence in its sources."),
    QT_TRANSLATE_NOOP("labels",
                      "The evidence contradicts the claim, or credible sources dispute it."),
})


def label_description(label: Label) -> str:
    """A label's description in the interface language while it is the one shipped with
    the default labels; one the user wrote (in whichever language) is shown as written.

    The project stores one description, in the language it was written in: the default
    labels' are English, and storing an Arabic copy would need a column that every edit,
    merge and export must then keep in step, for text that only the interface shows."""
    text = label.description
    return QCoreApplication.translate("labels", text) if text in DEFAULT_DESCRIPTIONS else text


class LegendArea(QScrollArea):
    """The legend, as tall as its rows up to LEGEND_ROWS of them, the rest scrolled: a
    newsroom's 40 verdicts made 16 rows, a third of the article's height on a laptop, and
    with the Disagreements panel open the article was three lines (rv91)."""

    def __init__(self, legend: QWidget):
        super().__init__()
        self.setObjectName("legendArea")
        self.setWidget(legend)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        legend.setAutoFillBackground(False)
        sizes = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizes.setHeightForWidth(True)
        self.setSizePolicy(sizes)
        legend.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """The legend's rows changed (the known-claim key shown, verdicts added): the pane
        asks this area's height again. The request stopped at the viewport, which has no
        layout: the key wrapped to a second row behind a one-row area's tiny arrows."""
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def _most(self) -> int:
        chip = next((child.sizeHint().height() for child in self.widget().findChildren(
            QWidget) if child.objectName().startswith("legend_")), 20)
        return LEGEND_ROWS * (chip + 2)  # (the flow layout's spacing)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return min(self.widget().heightForWidth(width), self._most())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = self.widget().sizeHint()
        return QSize(hint.width(), min(hint.height(), self._most()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = self.widget().minimumSizeHint()
        return QSize(hint.width(), min(hint.height(), self._most()))


class ArticlePane(QWidget):
    # Widgets made after the window (the find bar): its text fields pass dropped files
    # on to the window as the others do (gui.mainwindow._FilesToTheWindow)
    widgetsMade = Signal(QWidget)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.reader = ArticleView()
        self.reader.setAccessibleName(self.tr("Article text"))
        self.reader.setAccessibleDescription(
            self.tr("The article being checked. Select words and press a verdict key to tag."))
        self.header = plain_label()
        self.header.setObjectName("articleHeader")
        self.header.setAccessibleDescription(self.tr("Article title and details"))
        self.header.setWordWrap(True)
        # Its width is the pane's: a word it cannot break (a long address, a title with no
        # spaces) made the whole window wider than the screen.
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.legend = QWidget()
        self.legend.setObjectName("legend")
        self.legend.setAccessibleName(self.tr("Verdict colours"))
        self._legend_layout = FlowLayout(self.legend, spacing=2)  # (wraps: see FlowLayout)
        self._legend_layout.setContentsMargins(0, 0, 0, 0)
        self._suggestion_key = self._suggestion_chip()
        self._find_bar: FindBar | None = None  # made when first opened: see find_bar
        self._column = QVBoxLayout(self)
        self._column.addWidget(self.header)
        self._column.addWidget(LegendArea(self.legend))
        self._column.addWidget(self.reader, 1)

    @property
    def find_bar(self) -> FindBar:
        """Find in the article (Ctrl+F), between the legend and the reader. Hidden until
        it is opened, so it is made, and its module loaded, when first asked for."""
        if self._find_bar is None:
            from gui.find_bar import FindBar

            self._find_bar = FindBar(self.reader)
            self._column.insertWidget(self._column.indexOf(self.reader), self._find_bar)
            self.widgetsMade.emit(self._find_bar)
        return self._find_bar

    def take_find_of(self, other: ArticlePane) -> None:
        """The find bar as *other*'s (the window this one replaces in another language):
        open with its words and its match, if it was open (it was closed, its words
        lost: rv276)."""
        if other._find_bar is not None and not other._find_bar.isHidden():
            self.find_bar.take_find_of(other._find_bar)

    def show_article(self, article: Article, claims: ArticlePlaces | list[Place] | list[Appearance],
                     labels: list[Label]) -> None:
        """Show the article with every claim highlighted (*claims*: see
        ArticleView.show_article)."""
        self.reader.show_article(article.id, article.text, claims, labels)
        self.reader.setPlaceholderText("")
        self.show_suggestion_key(False)  # the reader's outlines went with the old text
        self.show_header(article)
        if self._find_bar is not None:
            self._find_bar.article_changed()

    def show_nothing(self, labels: list[Label], hint: str) -> None:
        """No article: an empty reader saying *hint* (how to bring one in), no title."""
        self.reader.show_article(None, "", [], labels)
        align_paragraphs(self.reader, self.layoutDirection())  # the caret where the hint starts
        self.reader.setPlaceholderText(hint)
        self.show_suggestion_key(False)
        self.header.clear()
        if self._find_bar is not None:
            self._find_bar.article_changed()

    def show_header(self, article: Article) -> None:
        """The title and details above the text, each shortened past a few lines (whole
        in the tooltip): a title of 1,700 characters took fifteen lines of the reader's
        room. Each detail isolated: an outlet holding a right-to-left override drew the
        address after it backwards."""
        title = dialogs.shortened(article.title, TITLE_SHOWN)
        url = readable_link(article.url)
        if len(url) > URL_SHOWN:
            url = url[:URL_SHOWN // 2] + "…" + url[-URL_SHOWN // 3:]
        details = [isolated(d) for d in (article.outlet, article.published, url) if d]
        self.header.setText(title + ("\n" + " · ".join(details) if details else ""))
        whole = [text for shown, text in ((title, article.title), (url, article.url))
                 if shown != text]
        self.header.setToolTip(plain_tip("\n".join(whole)))

    def set_labels(self, labels: list[Label], language: str) -> None:
        """New label names or colours: the highlights and the legend follow."""
        self.reader.set_labels(labels)
        self._fill_legend(labels, language)

    def _fill_legend(self, labels: list[Label], language: str) -> None:
        while self._legend_layout.count():
            item = self._legend_layout.takeAt(0)
            if item.widget() and item.widget() is not self._suggestion_key:
                item.widget().deleteLater()
        for label in labels:
            self._legend_layout.addWidget(self._chip(label, " ".join(label.name(language).split())))
        self._legend_layout.addWidget(self._suggestion_key)

    def show_suggestion_key(self, shown: bool) -> None:
        """The legend's key to the dashed outlines, while the article has some: a new user
        meets them before the Known Claims panel, which explains them."""
        self._suggestion_key.setVisible(shown)

    def _suggestion_chip(self) -> QWidget:
        chip = QWidget()
        chip.setObjectName("legend_suggestion")
        row = QHBoxLayout(chip)
        row.setContentsMargins(0, 0, 10, 0)
        row.setSpacing(5)
        self._outline = plain_label()
        self._outline.setPixmap(outline_swatch(chip.palette().text().color()))
        row.addWidget(self._outline)
        name = self.tr("Known claim")
        row.addWidget(plain_label(name))
        chip.setToolTip(self.tr("A dashed outline, in the verdict's colour: a claim already "
                                "checked, in another article or on other words of this one, "
                                "appears in these words. Accept it (Y) or dismiss it (X) in "
                                "the Known Claims panel."))
        chip.setAccessibleName(name)
        chip.setAccessibleDescription(chip.toolTip())
        chip.hide()
        return chip

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A theme switched light or dark (at sunset, say): the legend's keys and its
        known-claim outline drawn in the palette as it is now. A style sheet reads the
        palette once: they kept a light theme's white keys and black outline (1.5:1)."""
        if event.type() == QEvent.Type.PaletteChange:
            for key in self.legend.findChildren(QLabel, "keycap"):
                key.setStyleSheet(keycap_style(self.palette()))
            self._outline.setPixmap(outline_swatch(self.palette().text().color()))
        super().changeEvent(event)

    def _chip(self, label: Label, name: str) -> QWidget:
        """A verdict as the reader shows it: its colour, its name and the key that tags
        with it, drawn as a key (a bracketed digit read as a count)."""
        chip = QWidget()
        chip.setObjectName(f"legend_{label.key}")
        row = QHBoxLayout(chip)
        row.setContentsMargins(0, 0, 10, 0)
        row.setSpacing(5)
        colour = plain_label()
        look = self.reader.highlighter.look(label.key, 1)
        colour.setPixmap(underlined_swatch(label.color, look.underlineStyle(),
                                           look.underlineColor()))
        row.addWidget(colour)
        row.addWidget(plain_label(name))
        description = label_description(label)
        if label.shortcut:
            key = plain_label(label.shortcut)
            key.setObjectName("keycap")
            key.setStyleSheet(keycap_style(self.palette()))
            row.addWidget(key)
            tip = (filled(self.tr("Press %1 to tag the selected words as %2"),
                          label.shortcut, name)
                   + (f"\n{description}" if description else ""))
        else:
            tip = description
        chip.setToolTip(plain_tip(tip))
        chip.setAccessibleName(self.tr("Verdict %s") % name)
        chip.setAccessibleDescription(tip)
        return chip
