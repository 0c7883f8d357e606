"""An imported article's language, told from its letters and commonest words."""

from __future__ import annotations

import pytest
from conftest import ROOT

from store.exchange.importing import import_file, import_text
from store.text.display import display_for_terminal
from store.text.language import detect_language

SEED = ROOT / "seeds" / "putin-kim-treaty.txt"


@pytest.mark.parametrize(("text", "language"), [
    ("وقع الرئيسان معاهدة للدفاع المشترك خلال زيارة إلى بيونغ يانغ.", "ar"),
    ("قال المتحدث باسم Reuters إن وكالة AFP وBBC نشرتا الخبر نفسه.", "ar"),  # names in Latin
    ("غزة", "ar"),
    ("The two leaders signed a mutual defence treaty during the visit to Pyongyang.", "en"),
    ("Les deux dirigeants ont signé un traité de défense mutuelle lors de la visite.", "fr"),
    ("Los dos líderes firmaron un tratado de defensa mutua durante la visita a la ciudad.",
     "es"),
    ("Die beiden Staatschefs haben während des Besuchs einen Vertrag und eine Erklärung "
     "unterzeichnet.", "de"),
    ("I due leader hanno firmato un trattato di difesa reciproca durante la visita.", "it"),
    ("Os dois líderes assinaram um tratado de defesa mútua durante a visita à cidade.", "pt"),
    ("دو رهبر در جریان این سفر یک پیمان دفاعی مشترک امضا کردند و گفتند که این توافق "
     "برای منطقه مهم است.", "fa"),
    ("دونوں رہنماؤں نے دورے کے دوران ایک مشترکہ دفاعی معاہدے پر دستخط کیے ہیں۔", "ur"),
    ("Оба лидера подписали договор о взаимной обороне во время визита.", "ru"),
    ("Обидва лідери підписали договір про взаємну оборону під час візиту.", "uk"),
    ("Οι δύο ηγέτες υπέγραψαν συνθήκη αμοιβαίας άμυνας.", "el"),
    ("19/06/2024 — 12:30", ""),  # no letters
    ("ok", ""),  # too few
    ("Putin Kim Pyongyang Moscow", ""),  # Latin letters, but no language's common words
    ("The treaty was signed. وقع الرئيسان معاهدة للدفاع", ""),  # an even mix
])
def test_languages_are_told_apart(text, language):
    assert detect_language(text) == language


def test_text_copied_out_of_a_pdf_is_arabic_too():
    line = "وقع الرئيس الروسي معاهدة مع كيم"
    assert detect_language(display_for_terminal(line)) == "ar"  # presentation forms


def test_an_imported_article_gets_its_language(project, tmp_path):
    assert import_file(project, SEED).article.language == "ar"
    english = tmp_path / "english.txt"
    english.write_text("The two leaders signed a treaty in Pyongyang on Wednesday, and the "
                       "agreement was described as the strongest ever.", encoding="utf-8")
    assert import_file(project, english).article.language == "en"


def test_a_language_the_file_gives_is_kept(project, tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<html lang="ar-EG"><head><title>عنوان</title></head><body><article>'
                    "<p>" + "وقع الرئيسان معاهدة للدفاع المشترك خلال زيارة. " * 20 +
                    "</p></article></body></html>", encoding="utf-8")
    assert import_file(project, page).article.language == "ar-EG"
    story = tmp_path / "story.txt"
    story.write_text("وقع الرئيسان معاهدة للدفاع المشترك.", encoding="utf-8")
    (tmp_path / "story.json").write_text('{"language": "arz"}', encoding="utf-8")
    assert import_file(project, story).article.language == "arz"
    assert import_text(project, "نص آخر تماما", language="ar-SA").article.language == "ar-SA"


def test_importing_the_importer_compiles_no_pattern_of_a_whole_script():
    """The Han, Hangul and East Asian classes (20,000 and 50,000 code points) were
    compiled by every start that imports the importer (the window's): 14 ms of CPU
    before anything was asked. They are compiled when first used, and used as before
    (test_languages_are_told_apart; UTF-16 detection: test_importing)."""
    import subprocess
    import sys

    probe = ("import re, sys\n"
             "compiled = []\n"
             "original = re.compile\n"
             "re.compile = lambda pattern, flags=0: compiled.append(pattern) "
             "or original(pattern, flags)\n"
             "import store.exchange.importing\n"
             "def width(pattern):\n"
             "    pairs = original('(.)-(.)', re.S).findall(pattern) "
             "if isinstance(pattern, str) else []\n"
             "    return sum(max(ord(b) - ord(a), 0) for a, b in pairs)\n"
             "print(len(compiled), max(map(width, compiled)))\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    count, widest = map(int, result.stdout.split())
    assert count > 20  # (the probe saw the module's patterns compiled)
    assert widest < 10_000
