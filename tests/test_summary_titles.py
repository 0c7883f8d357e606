"""rv119: an untagged article's title holding «: 3» was set as a table row in Review ▸
Summary, split at its colon (the colon lost; in Arabic its halves swapped)."""

from __future__ import annotations

from store.core.project import Project
from store.exchange.importing import import_text


def test_a_title_with_a_colon_and_a_figure_stays_whole(qapp, tmp_path):
    from PySide6.QtGui import QTextDocument

    from gui.dialogs import summary_html
    from gui.i18n import message_text
    from store.review import summary
    from store.text.display import isolated_name

    project = Project.open(tmp_path / "p.tahqiq", "huda")
    try:
        import_text(project, "Budget text nobody tagged yet.",
                    title="Budget 2025: 3 billion for schools")
        lines = [message_text(line) for line in summary.project_summary(project).lines(
            shown=isolated_name)]
    finally:
        project.close()
    for rtl in (False, True):
        document = QTextDocument()
        document.setHtml(summary_html("\n".join(lines), rtl))
        text = document.toPlainText()
        assert "Budget 2025: 3 billion for schools" in text, text
