"""Preferences, keyboard shortcuts and the label editor: loaded when first opened."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QHelpEvent, QIcon, QKeyEvent, QPaintEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QStylePainter,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.article_pane import label_description
from gui.commands import EditLabel
from gui.contrast import colour_words, text_on
from gui.i18n import LANGUAGES, error_text
from gui.icons import swatch
from gui.plain_text import plain_label, plain_tip
from gui.session import Session
from gui.table_columns import OwnDirectionDelegate, own_direction_cells
from store.core.labels import suggested_colour
from store.core.settings import ProjectSettings
from store.errors import TahqiqError
from store.text.display import isolated


class PreferencesDialog(QDialog):
    """Your name and the interface language."""

    def __init__(self, name: str, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.name = QLineEdit(name)
        self.name.setObjectName("preferenceName")
        self.name.setAccessibleName(self.tr("Your name, recorded on your claims"))
        self.language = QComboBox()
        self.language.setObjectName("preferenceLanguage")
        self.language.setAccessibleName(self.tr("Interface language"))
        for code, title in LANGUAGES.items():
            self.language.addItem(title, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        # A name is who made a claim: renamed, one's own claims were a colleague's (one
        # could accept one's own verdict, and disagree with oneself), unsaid.
        self.renamed = plain_label(self.tr("Claims you tagged as %1 keep that name: under a new "
                                      "one they count as a colleague's, and you could "
                                      "review them.").replace("%1", f"«{isolated(name)}»"))
        self.renamed.setObjectName("nameChangeNote")
        self.renamed.setWordWrap(True)
        self.renamed.hide()
        self.name.textChanged.connect(lambda text: (
            self.renamed.setVisible(bool(name.strip()) and text.strip() != name.strip()),
            self.adjustSize()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Your name"), self.name)
        form.addRow("", self.renamed)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return self.name.text().strip(), self.language.currentData()


def read_only_notice(text: str) -> QLabel:
    """The line a dialog that edits the project shows when it is open read-only (*text*
    translated by the dialog, where lupdate finds it)."""
    notice = plain_label(text)
    notice.setObjectName("readOnlyNotice")
    notice.setWordWrap(True)
    return notice


class ProjectSettingsDialog(QDialog):
    """File ▸ Project Settings: who publishes this project's fact-checks, and where.

    OK saves them itself, and the dialog closes only once they are saved: a setting the
    store refuses is shown and the dialog stays open with what was typed, to be
    corrected (saved after the dialog closed, a refusal lost all of it). In a project
    open read-only they are only shown, with a line saying why, as in Labels."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("projectSettingsDialog")
        self.setWindowTitle(self.tr("Project Settings"))
        self.session = session
        self.current: ProjectSettings = session.project_settings()
        current = self.current  # what changes() compares the fields with
        self.organization = QLineEdit(current.organization)
        self.organization.setObjectName("settingOrganization")
        self.organization.setAccessibleName(self.tr("Organisation publishing the fact-checks"))
        self.url_template = QLineEdit(current.url_template)
        self.url_template.setObjectName("settingUrlTemplate")
        self.url_template.setAccessibleName(self.tr("Address of a fact-check"))
        self.url_template.setPlaceholderText("https://factcheck.example/claims/{id}")
        self.url_template.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.language = QComboBox()
        self.language.setObjectName("settingLanguage")
        self.language.setAccessibleName(self.tr("The project's language"))
        self.language.addItem(self.tr("As most articles"), "")
        for code, title in LANGUAGES.items():
            self.language.addItem(title, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        hint = plain_label(self.tr("A ClaimReview export needs both: {id} in the address stands "
                              "for the claim's id."))
        hint.setWordWrap(True)
        writable = not session.read_only
        self.organization.setReadOnly(not writable)
        self.url_template.setReadOnly(not writable)
        self.language.setEnabled(writable)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel if writable
                                   else QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        if not writable:
            form.addRow(read_only_notice(self.tr("This project is open read-only.")))
        form.addRow(self.tr("Organisation"), self.organization)
        form.addRow(self.tr("Fact-check address"), self.url_template)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(hint)
        form.addRow(buttons)
        # As tall as the hint's wrapped lines need: Qt sizes a window by its rows'
        # minimum, and at a large font the hint was cut at its top and bottom.
        form.activate()
        self.resize(560, max(form.totalHeightForWidth(560), self.minimumSizeHint().height()))

    def changes(self) -> dict[str, str]:
        """Only the settings the user changed."""
        values = {"organization": self.organization.text().strip(),
                  "url_template": self.url_template.text().strip(),
                  "language": self.language.currentData()}
        return {k: v for k, v in values.items() if v != getattr(self.current, k)}

    def accept(self) -> None:
        """Save the changes; on a refusal say why and stay open with the typing."""
        changes = self.changes()
        if changes:
            try:
                self.session.update_project_settings(**changes)
            except TahqiqError as exc:
                dialogs.show_error(self, error_text(exc))
                return
        super().accept()


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard Shortcuts: every action that has a key, and the reader's own keys."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        table = QTableWidget(len(rows), 2)
        table.setObjectName("shortcutsTable")
        own_direction_cells(table)  # "Ctrl+," stays "Ctrl+," in the Arabic interface
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.horizontalHeader().setAccessibleName(self.tr("Shortcut columns"))
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab goes on to Close
        for row, (action, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(action))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
        # (wide enough for both columns: at 16 points the keys were cut to «Ctrl+Sh»)
        dialogs.fit_screen(self, max(520, table.horizontalHeader().length() + 40), 560)


class _NameCells(OwnDirectionDelegate):
    """A label's name on one line, elided if its column is narrower, and then whole in
    the cell's tooltip: wrapped, a long name made every row of its label taller."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt's name
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.features &= ~type(option).ViewItemFeature.WrapText

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802 - Qt's name
                  option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        if event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        if self.sizeHint(option, index).width() > option.rect.width():
            QToolTip.showText(event.globalPos(), plain_tip(str(index.data())), view,
                              option.rect)
        else:
            QToolTip.hideText()
        return True


class LabelsDialog(QDialog):
    """Project ▸ Labels: add, rename and recolour verdict labels. Changes apply at once.

    In a project open read-only the labels are shown but nothing can be edited, and a
    line says why (as the window turns off its editing actions): every edit was let
    through, then refused by the store, one message each."""

    COLUMNS = ("key", "name_en", "name_ar", "color", "shortcut", "rating", "description")
    NAME_EMS, DESCRIPTION_EMS = 25, 20  # widths, in lines of the dialog's font

    def __init__(self, session: Session, parent: QWidget | None = None,
                 undo_stack: QUndoStack | None = None):
        super().__init__(parent)
        self.setObjectName("labelsDialog")
        self.undo_stack = undo_stack  # the window's: a change is a step Edit ▸ Undo undoes
        self.setWindowTitle(self.tr("Verdict Labels"))
        self.session = session
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("labelsTable")
        own_direction_cells(self.table)  # colours, English names and descriptions
        self.table.setAccessibleName(self.tr("Verdict labels"))
        self.table.setHorizontalHeaderLabels([
            self.tr("ID"), self.tr("English name"), self.tr("Arabic name"), self.tr("Colour"),
            self.tr("Shortcut"), self.tr("Rating"), self.tr("Description")])
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)  # the description has the rest
        # A name on one line, elided past NAME_EMS, whole in its tooltip (_NameCells).
        names = _NameCells(self.table)
        for column, field in enumerate(self.COLUMNS):
            if field.startswith("name_"):
                self.table.setItemDelegateForColumn(column, names)
        # Tab leaves the table for Add Label… and Close (it walked the cells, and a
        # keyboard could not reach Add Label… at all); the arrows walk the cells.
        self.table.setTabKeyNavigation(False)
        # Each row as tall as its description wraps (a row of one line clipped the
        # default labels' two), at whatever width the dialog is given: fitted again once
        # the description's column has its width (rows kept the height their text took in
        # a 100-pixel column before the dialog showed, 176 to 226 pixels at 16 pt).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._fit_rows = QTimer(self, singleShot=True, interval=0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())
        add = QPushButton(self.tr("&Add Label…"))
        add.setObjectName("addLabel")
        add.setAccessibleName(self.tr("Add a verdict label"))
        add.clicked.connect(self.add_label)
        add.setEnabled(not session.read_only)
        # Not the dialog's default button: Return on a cell of the table, which the table
        # passes on, pressed it and a New Label dialog opened. Escape closes.
        add.setAutoDefault(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        if session.read_only:
            layout.addWidget(read_only_notice(self.tr("This project is open read-only.")))
        layout.addWidget(self.table)
        layout.addLayout(row)
        self._loading = False
        self.table.itemChanged.connect(self._item_changed)
        self.table.cellDoubleClicked.connect(self._cell_double_clicked)
        self.table.installEventFilter(self)  # Enter, F2, Space on a cell: _cell_key
        session.labelsChanged.connect(self.reload)
        self.reload()
        # Grown with the font (a fixed 760x300 showed one row at an 18 pt system font,
        # its headers cut), and with the columns fitted (a long name), within the
        # screen: at the usual size an 800-pixel screen shows all of it.
        em = self.fontMetrics().height()
        room = self.screen().availableGeometry()
        margins = layout.contentsMargins()
        columns = header.length() + self.table.verticalHeader().sizeHint().width() \
            + 2 * self.table.frameWidth() + margins.left() + margins.right() \
            + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.resize(min(max(760, 54 * em, columns), room.width()),
                    min(max(300, 21 * em), room.height()))

    def reload(self) -> None:
        self._loading = True
        labels = self.session.labels()
        self.table.setRowCount(len(labels))
        for row, label in enumerate(labels):
            for col, field in enumerate(self.COLUMNS):
                # A default label's description as shipped reads in the interface
                # language, as in the legend; one the user wrote shows as written.
                item = QTableWidgetItem(label_description(label) if field == "description"
                                        else str(getattr(label, field)))
                # What the cell showed: typing it again is no change (a translation
                # must not be saved as if the user had written it).
                item.setData(Qt.ItemDataRole.UserRole, item.text())
                if field in ("key", "color") or self.session.read_only:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if field == "color":
                    item.setData(Qt.ItemDataRole.AccessibleTextRole,
                                 colour_words(QColor(label.color)))
                    item.setBackground(QColor(label.color))
                    item.setForeground(text_on(QColor(label.color)))
                    if not self.session.read_only:
                        item.setToolTip(
                            self.tr("Press Enter or double-click to choose a colour"))
                self.table.setItem(row, col, item)
        self._loading = False
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Each column as wide as its text and header, a name at most NAME_EMS and the
        description at least DESCRIPTION_EMS, fitted as the labels are shown and left to
        the user's dragging between: at 16 pt a 100-pixel column showed «nglish nam» over
        «unche…», and fitted for good (ResizeToContents), one long name pushed the
        description off view, 100 pixels wide, and no column could be narrowed (rv236)."""
        header, em = self.table.horizontalHeader(), self.fontMetrics().height()
        last = len(self.COLUMNS) - 1
        for column, field in enumerate(self.COLUMNS[:last]):
            self.table.resizeColumnToContents(column)
            if field.startswith("name_"):
                header.resizeSection(column, min(header.sectionSize(column),
                                                 self.NAME_EMS * em))
        # (the last section stretches to the room left, and keeps this size where none is)
        header.resizeSection(last, self.DESCRIPTION_EMS * em)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        field = self.COLUMNS[item.column()]
        key = self.table.item(item.row(), 0).text()
        row, column, typed = item.row(), item.column(), item.text()
        if typed == item.data(Qt.ItemDataRole.UserRole):
            return  # as shown: a default description stays the stored one, untranslated
        if not self.apply(key, **{field: typed}):
            # The cell shows the label as stored again; what was typed is not lost but
            # back in the cell's editor, to be corrected, once the refused one has closed.
            QTimer.singleShot(0, self, lambda: self._edit_again(row, column, typed))

    def _edit_again(self, row: int, column: int, typed: str) -> None:
        """Open a cell's editor again holding *typed* (an edit the store refused)."""
        item = self.table.item(row, column)
        if item is None or not self.isVisible():
            return
        self.table.setCurrentCell(row, column)
        self.table.editItem(item)
        editor = self.table.indexWidget(self.table.model().index(row, column))
        if isinstance(editor, QLineEdit):
            editor.setText(typed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and self.table.state() != QAbstractItemView.State.EditingState:
            return self._cell_key(event)
        return super().eventFilter(watched, event)

    def _cell_key(self, event: QKeyEvent) -> bool:
        """A key on the current cell, not being edited. A colour is chosen in a colour
        dialog, which only a double-click opened: Enter, F2 and Space open it too, so a
        label is recoloured without a mouse. Enter on another cell edits it, as F2 does
        (a key cell: nothing); the table passed Enter on to the dialog, which pressed a
        button."""
        keys = Qt.Key
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        enter = event.key() in (keys.Key_Return, keys.Key_Enter)
        row, column = self.table.currentRow(), self.table.currentColumn()
        if row < 0 or column < 0:
            return enter
        if self.COLUMNS[column] == "color" and (enter or event.key() in (keys.Key_F2,
                                                                         keys.Key_Space)):
            self._choose_colour(row)
            return True
        if enter:
            item = self.table.item(row, column)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsEditable:
                self.table.editItem(item)
            return True
        return False

    def _cell_double_clicked(self, row: int, column: int) -> None:
        if self.COLUMNS[column] == "color":
            self._choose_colour(row)

    def _choose_colour(self, row: int) -> None:
        """The colour dialog for a row's label; the colour chosen is saved at once."""
        if self.session.read_only:
            return
        column = self.COLUMNS.index("color")
        key = self.table.item(row, 0).text()
        color = QColorDialog.getColor(QColor(self.table.item(row, column).text()), self)
        if color.isValid():
            self.apply(key, color=color.name().upper())

    def apply(self, key: str, **changes: object) -> bool:
        label = self.session.label(key)
        if self.undo_stack is not None and label is not None:
            step = EditLabel(self.session, label, changes)
            self.undo_stack.push(step)  # (a refusal is told by the window)
            if step.refused:
                self.reload()
            return not step.refused
        try:
            self.session.update_label(key, **changes)
        except TahqiqError as exc:
            dialogs.show_error(self, error_text(exc))
            self.reload()
            return False
        return True

    def add_label(self) -> None:
        dialogs.run(NewLabelDialog(self.session, self))  # adds it on OK, open until added


class LeftToRightButton(QPushButton):
    """A button whose label reads left to right in either interface ("#B3D9FF"). Qt's
    styles draw a button's label in the painter's direction, which is the
    application's, not the button's: its layout direction alone left "B3D9FF#"."""

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QStylePainter(self)
        painter.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)


class NewLabelDialog(QDialog):
    """Add Label: OK adds the label itself, and the dialog closes only once it is added:
    a label the store refuses (a key or shortcut taken) is shown and the dialog stays
    open with what was typed, to be corrected (added after the dialog closed, a refusal
    lost all of it)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Label"))
        self.session = session
        self.key = QLineEdit()
        self.key.setAccessibleName(self.tr("ID"))
        self.key.setPlaceholderText("misleading")
        self.name_en = QLineEdit()
        self.name_en.setAccessibleName(self.tr("English name"))
        self.name_ar = QLineEdit()
        self.name_ar.setAccessibleName(self.tr("Arabic name"))
        self.shortcut = QLineEdit()
        self.shortcut.setAccessibleName(self.tr("Shortcut"))
        self.rating = QSpinBox()
        self.rating.setAccessibleName(self.tr("Rating"))
        self.rating.setRange(0, 5)
        # (a colour apart from the labels' own: each was offered the same light blue)
        self.color = QColor(suggested_colour(label.color for label in session.labels()))
        self.color_button = LeftToRightButton(self.color.name())  # not "b3d9ff#"
        self.color_button.clicked.connect(self._pick_color)
        self._show_color()
        form = QFormLayout(self)
        form.addRow(self.tr("ID"), self.key)
        form.addRow(self.tr("English name"), self.name_en)
        form.addRow(self.tr("Arabic name"), self.name_ar)
        form.addRow(self.tr("Colour"), self.color_button)
        form.addRow(self.tr("Shortcut"), self.shortcut)
        form.addRow(self.tr("Rating"), self.rating)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _pick_color(self) -> None:
        color = QColorDialog.getColor(self.color, self)
        if color.isValid():
            self.color = color
            self._show_color()

    def _show_color(self) -> None:
        """The colour on its button: a sample beside its code (the code alone said
        nothing of the colour), and in words for a screen reader."""
        button, color = self.color_button, self.color
        button.setText(color.name())
        button.setIcon(QIcon(swatch(color, button.fontMetrics().height())))
        button.setAccessibleName(self.tr("Colour: %1").replace("%1", colour_words(color)))

    def values(self) -> dict[str, object]:
        return {"key": self.key.text().strip(), "name_en": self.name_en.text().strip(),
                "name_ar": self.name_ar.text().strip(), "color": self.color.name().upper(),
                "shortcut": self.shortcut.text().strip(), "rating": self.rating.value()}

    def accept(self) -> None:
        """Add the label; on a refusal say why and stay open with the typing."""
        try:
            self.session.add_label(**self.values())
        except TahqiqError as exc:
            dialogs.show_error(self, error_text(exc))
            return
        super().accept()
