"""Saved web pages: the article text and metadata only, decoded right, nothing fetched."""

from __future__ import annotations

import codecs
import socket

import pytest

from store.core import search
from store.errors import ImportRejected
from store.exchange import importing, web_page
from store.exchange.importing import HTML_EXTRACTED, import_file

PARA_1 = ("وقع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون اليوم "
          "الأربعاء معاهدة للدفاع المشترك، في خطوة وصفها الطرفان بأنها أقوى معاهدة على "
          "الإطلاق بين البلدين منذ نهاية الحرب الباردة.")
PARA_2 = ("وقال بوتين في مؤتمر صحفي مشترك في بيونغ يانغ إن الاتفاق ينص على تقديم المساعدة "
          "المتبادلة في حال تعرض أي من البلدين لعدوان، مضيفا أن التعاون العسكري بين موسكو "
          "وبيونغ يانغ سيتعزز في السنوات المقبلة، وذلك بعد محادثات استمرت ساعات.")
NOISE = ("SCRIPTWORD", "STYLEWORD", "ADWORD", "NAVSPORT", "NAVECO", "FOOTWORD", "ASIDEWORD")


def page(*, head: str = "", body: str = "", charset: str = "utf-8",
         paragraphs: tuple[str, ...] = (PARA_1, PARA_2)) -> str:
    """A news page as a browser saves it: everything around the article, too."""
    article = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="{charset}">
<title>بوتين وكيم يوقعان معاهدة | الجزيرة نت</title>
<meta property="og:title" content="بوتين وكيم يوقعان معاهدة دفاع مشترك">
<meta property="og:site_name" content="الجزيرة نت">
<link rel="canonical" href="https://www.example.net/news/putin-kim-treaty">
<meta property="article:published_time" content="2024-06-19T10:30:00+03:00">
<link rel="stylesheet" href="https://cdn.example.net/site.css">
<style>body {{ color: red; }} .x::after {{ content: "STYLEWORD"; }}</style>
<script>document.title = "SCRIPTWORD"; document.write("SCRIPTWORD");</script>
<script src="https://ads.example.com/ad.js"></script>
{head}
</head>
<body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">NAVSPORT رياضة</a></li>
<li><a href="/eco">NAVECO اقتصاد</a></li></ul></nav>
<div class="advert">ADWORD اشترك الآن في النشرة الإخبارية <img src="https://ads.example.com/p.gif"></div>
<article>
<h1>بوتين وكيم يوقعان معاهدة دفاع مشترك</h1>
{article}</article>
<aside class="related"><h3>اقرأ أيضا</h3>
<ul><li><a href="/a">ASIDEWORD خبر آخر</a></li></ul></aside>
<iframe src="https://video.example.com/embed/1"></iframe>
{body}
<footer>FOOTWORD جميع الحقوق محفوظة 2024</footer>
</body>
</html>
"""


def counts(project) -> tuple[int, int]:
    return (project.db.execute("SELECT count(*) FROM articles").fetchone()[0],
            project.db.execute("SELECT count(*) FROM history").fetchone()[0])


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to reach the network fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_main_text_without_navigation_adverts_scripts_or_styles(project, tmp_path, no_network):
    path = tmp_path / "treaty.html"
    path.write_text(page(), encoding="utf-8")
    outcome = import_file(project, path)
    text = outcome.article.text
    assert PARA_1 in text and PARA_2 in text
    assert text.index(PARA_1) < text.index(PARA_2)
    for word in NOISE:
        assert word not in text
    assert "اشترك الآن" not in text and "جميع الحقوق" not in text
    assert outcome.changes[0] == HTML_EXTRACTED
    assert outcome.encoding == "UTF-8"


def test_metadata_comes_from_the_page(project, tmp_path, no_network):
    path = tmp_path / "treaty.htm"
    # A date in the text must not be taken for the publication date.
    path.write_text(page(paragraphs=(PARA_1 + " في 1 يناير 2020", PARA_2)), encoding="utf-8")
    article = import_file(project, path).article
    assert article.title == "بوتين وكيم يوقعان معاهدة دفاع مشترك"
    assert article.url == "https://www.example.net/news/putin-kim-treaty"
    assert article.published == "2024-06-19"
    assert article.outlet == "الجزيرة نت"
    assert article.language == "ar"
    assert article.source_name == "treaty.htm"


def test_og_url_is_used_without_a_canonical_link(tmp_path, no_network):
    html = page(head='<meta property="og:url" content="https://www.example.net/og-only">')
    html = html.replace('<link rel="canonical" href="https://www.example.net/news/'
                        'putin-kim-treaty">', "")
    path = tmp_path / "og.html"
    path.write_text(html, encoding="utf-8")
    assert importing.load_file(path).metadata["url"] == "https://www.example.net/og-only"


def test_a_sidecar_overrides_what_the_page_says(project, tmp_path):
    path = tmp_path / "treaty.html"
    path.write_text(page(), encoding="utf-8")
    (tmp_path / "treaty.json").write_text('{"title": "عنوان المحرر"}', encoding="utf-8")
    article = import_file(project, path).article
    assert article.title == "عنوان المحرر" and article.outlet == "الجزيرة نت"


def test_scrape_markers_inside_the_page_are_cleaned_and_reported(project, tmp_path):
    path = tmp_path / "ads.html"
    path.write_text(page(paragraphs=(PARA_1, "[ad_1]", PARA_2)), encoding="utf-8")
    outcome = import_file(project, path)
    assert "[ad_1]" not in outcome.article.text
    assert any("scrape marker" in change for change in outcome.changes)
    assert outcome.changes[0] == HTML_EXTRACTED


def test_a_page_that_is_only_a_url_is_not_fetched(project, tmp_path, no_network):
    """htmldate downloads any string that looks like a URL; we never hand it one. (Such a
    page is no article either: it is refused as a link alone is.)"""
    url = "https://www.example.net/news/putin-kim-treaty"
    path = tmp_path / "link.html"
    path.write_text(url, encoding="utf-8")
    with pytest.raises(ImportRejected, match="holds a link, not an article's text"):
        import_file(project, path)


@pytest.mark.parametrize("html", [
    "<!DOCTYPE html><html><head><title>فارغ</title><script>var SCRIPTWORD;</script>"
    "</head><body></body></html>",
    "<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>",
    "<html><body><div><a href='/'>الرئيسية</a> | <a href='/s'>رياضة</a></div></body></html>",
    "<!doctype html>",
    "<html><body><img src='https://example.net/a.png'></body></html>",
], ids=["script-only", "nav-only", "links-only", "doctype-only", "image-only"])
def test_a_page_without_article_text_is_refused_and_changes_nothing(project, tmp_path, html,
                                                                    no_network):
    path = tmp_path / "empty.html"
    path.write_text(html, encoding="utf-8")
    before = counts(project)
    with pytest.raises(ImportRejected, match="No article text was found in the web page"):
        import_file(project, path)
    assert counts(project) == before


def test_xhtml_with_an_external_dtd_is_parsed_offline(project, tmp_path, no_network):
    html = page().replace(
        "<!DOCTYPE html>",
        '<?xml version="1.0" encoding="windows-1256"?>\n<!DOCTYPE html PUBLIC '
        '"-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">').replace(
        '<meta charset="utf-8">', "")
    path = tmp_path / "page.xhtml"
    path.write_bytes(html.encode("cp1256", errors="ignore"))
    outcome = import_file(project, path)
    assert outcome.encoding == "Windows-1256" and PARA_1 in outcome.article.text


# -- recognising HTML ------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "data", "expected"), [
    ("a.html", b"anything", True),
    ("a.HTM", b"anything", True),
    ("a.xhtml", b"anything", True),
    ("a.txt", b"\n  <!DOCTYPE html>\n<html>", True),
    ("a.txt", b"<html lang='ar'><body>", True),
    ("a", codecs.BOM_UTF8 + b"<!doctype HTML>", True),
    ("a", b"<!-- saved from url=(0042)https://example.net/ -->\r\n<html>", True),
    ("a", b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', True),
    ("a", codecs.BOM_UTF16_LE + "<!DOCTYPE html>".encode("utf-16-le"), True),
    ("a.txt", "قال إن <html> وسم\n<!doctype html>".encode(), False),
    ("a.txt", b"An article about <html> tags.", False),
    ("a.txt", b"<htmlfoo>", False),
])
def test_html_is_recognised_by_extension_or_by_how_it_starts(name, data, expected):
    assert web_page.looks_like_html(name, data) is expected


def test_a_txt_file_holding_a_web_page_is_extracted(project, tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(page(), encoding="utf-8")
    text = import_file(project, path).article.text
    assert PARA_1 in text and "SCRIPTWORD" not in text


# -- decoding ----------------------------------------------------------------------------
@pytest.mark.parametrize(("charset", "codec", "shown"), [
    ("windows-1256", "cp1256", "Windows-1256"),
    ("ISO-8859-6", "iso8859_6", "ISO-8859-6"),
    ("arabic", "iso8859_6", "ISO-8859-6"),
])
def test_the_meta_charset_is_respected(project, tmp_path, charset, codec, shown):
    html = page(charset=charset).replace("،", ",")  # ISO-8859-6 has its own comma
    path = tmp_path / "legacy.html"
    path.write_bytes(html.encode(codec, errors="ignore"))
    outcome = import_file(project, path)
    assert outcome.encoding == shown
    assert PARA_1.replace("،", ",") in outcome.article.text


def test_http_equiv_content_type_is_respected(tmp_path):
    html = page().replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" '
                          'content="text/html; charset=windows-1256">')
    path = tmp_path / "old.html"
    path.write_bytes(html.encode("cp1256"))
    loaded = importing.load_file(path)
    assert loaded.encoding == "Windows-1256" and PARA_2 in loaded.text


def test_a_declared_latin_page_is_read_as_declared(tmp_path):
    html = ('<html><head><meta charset="iso-8859-1"><title>Accord</title></head><body>'
            '<article><p>Le président a déclaré que l\'accord de défense mutuelle était signé '
            'à Pyongyang, et que la coopération militaire serait renforcée.</p>'
            '<p>Les deux dirigeants ont échangé des cadeaux après des heures de discussions '
            'à huis clos, selon les médias d\'État.</p></article></body></html>')
    path = tmp_path / "fr.html"
    path.write_bytes(html.encode("latin-1"))
    loaded = importing.load_file(path)
    assert loaded.encoding == "Windows-1252" and "président a déclaré" in loaded.text


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252"])
@pytest.mark.parametrize("codec, name", [("cp1256", "Windows-1256"),
                                         ("iso8859_6", "ISO-8859-6")])
def test_arabic_labelled_western_is_read_as_the_arabic_it_is(tmp_path, label, codec, name):
    """A server's or CMS's default label over Windows-1256 or ISO-8859-6 Arabic: every
    byte reads as a Latin letter, so the label alone gave Latin garble, silently. The
    rules for plain text read it as Arabic; a French page so labelled stays as labelled
    (above). (ISO-8859-6 was left as garble: the list of Arabic code pages it was
    compared with spelt it «iso8859-6».)"""
    path = tmp_path / "mislabelled.html"
    path.write_bytes(page(charset=label).encode(codec))
    loaded = importing.load_file(path)
    assert loaded.encoding == name and PARA_1 in loaded.text


def test_a_bom_wins_over_the_meta_charset(tmp_path):
    path = tmp_path / "utf16.html"
    path.write_bytes(codecs.BOM_UTF16_BE + page(charset="windows-1256").encode("utf-16-be"))
    loaded = importing.load_file(path)
    assert loaded.encoding == "UTF-16" and PARA_1 in loaded.text


def test_a_page_re_saved_as_utf8_keeps_its_text_despite_an_old_declaration(tmp_path):
    path = tmp_path / "resaved.html"
    path.write_text(page(charset="windows-1256"), encoding="utf-8")
    loaded = importing.load_file(path)
    assert loaded.encoding == "UTF-8" and PARA_1 in loaded.text


def test_without_a_declaration_legacy_arabic_is_detected(tmp_path):
    path = tmp_path / "undeclared.html"
    path.write_bytes(page().replace('<meta charset="utf-8">', "").encode("cp1256"))
    loaded = importing.load_file(path)
    assert loaded.encoding == "Windows-1256" and PARA_1 in loaded.text


def test_bytes_that_break_the_declared_charset_are_refused(project, tmp_path):
    path = tmp_path / "broken.html"
    path.write_bytes(page(charset="iso-8859-6").encode("utf-8")[:-40] + b"\xd7\xff\xfe")
    before = counts(project)
    with pytest.raises(ImportRejected, match="claims to be ISO-8859-6"):
        import_file(project, path)
    assert counts(project) == before


def test_an_imported_page_is_searchable(project, tmp_path):
    path = tmp_path / "treaty.html"
    path.write_text(page(), encoding="utf-8")
    article = import_file(project, path).article
    hits = search.search(project, "الإتفاق")
    assert [(h.article_id, article.text[h.start:h.end]) for h in hits] == [
        (article.id, "الاتفاق")]


def test_a_layout_table_is_not_read_as_one_row_of_a_data_table(tmp_path, project):
    """An old Arabic site lays its article out in table cells, paragraphs split by <br>:
    it was one line between «|» marks, the menu's row above it."""
    body = "<br><br>\n".join((PARA_1, PARA_2))
    path = tmp_path / "old.htm"
    path.write_bytes(f"""<html dir="rtl"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>الشرق الأوسط - معاهدة</title></head><body>
<table width="100%"><tr><td><a href="/">الرئيسية</a> | <a href="/a">أخبار عربية</a> |
<a href="/w">دولية</a></td></tr></table>
<table width="770"><tr><td><font class="text">{body}</font></td></tr></table>
</body></html>""".encode("cp1256"))
    text = import_file(project, path).article.text
    assert "|" not in text
    assert text.split("\n")[-2:] == [PARA_1, PARA_2]


def test_a_data_table_in_an_article_stays_a_table():
    html = page().replace("</article>", "<table><tr><th>المحافظة</th><th>النسبة</th></tr>"
                          "<tr><td>العاصمة</td><td>41.2%</td></tr></table></article>")
    assert "| العاصمة | 41.2% |" in web_page.extract_page(html).text


@pytest.mark.parametrize("lang", ["ar-EG", "AR", "ar_SA"])
def test_a_page_lang_with_a_region_is_still_arabic(tmp_path, project, lang):
    """The project's language (ClaimReview's verdict names, its inLanguage) is chosen
    on «ar»: a project of pages saying «ar-EG» was told in English."""
    from store.core.settings import project_language

    path = tmp_path / "page.html"
    path.write_text(page().replace('lang="ar"', f'lang="{lang}"'), "utf-8")
    assert import_file(project, path).article.language.split("-")[0] == "ar"
    assert project_language(project) == "ar"


@pytest.mark.parametrize(("title", "headline", "outlet"), [
    ("Inflation hits 3.5% in March | Reuters", "Inflation hits 3.5% in March", "Reuters"),
    ("U.S. says it will send aid - AP News", "U.S. says it will send aid", "AP News"),
    ("اليوم السابع - وزير المالية: لا زيادة في الأسعار", "وزير المالية: لا زيادة في الأسعار",
     "اليوم السابع"),
    ("الأمم المتحدة : 3 ملايين نازح في السودان", "الأمم المتحدة : 3 ملايين نازح في السودان",
     None)])
def test_a_page_naming_no_headline_is_titled_by_its_titles_headline(title, headline, outlet):
    """With no og:title, JSON-LD headline or single <h1>, trafilatura kept the first
    piece of <title> without a dot: an article titled «Reuters» from the outlet
    «Inflation hits 3.5% in March», another «الأمم المتحدة» (cut at its colon)."""
    html = (f'<html lang="ar"><head><meta charset="utf-8"><title>{title}</title></head>'
            "<body><article>" + "".join(f"<p>{p}</p>" for p in (PARA_1, PARA_2))
            + "</article></body></html>")
    metadata = web_page.extract_page(html).metadata
    assert (metadata.get("title"), metadata.get("outlet")) == (headline, outlet)


def test_a_pages_no_break_spaces_are_read_as_a_browser_copies_them(tmp_path, project):
    """«800&nbsp;ألف» stayed a no-break space: a quote typed or copied from the browser
    with a space was «not in the article»."""
    from store.core import appearances

    path = tmp_path / "page.html"
    path.write_text(page(paragraphs=(PARA_1, "وفر نحو 800&nbsp;ألف آخرين إلى الدول المجاورة.")),
                    "utf-8")
    article = import_file(project, path).article
    assert "\xa0" not in article.text
    appearances.tag_quote(project, article.id, "نحو 800 ألف آخرين", "disputed")


@pytest.mark.parametrize("layout", [
    '<div class="page-header">{h1}</div><article>{body}</article>',
    '<article><header>{h1}</header><div class="article-body">{body}</div></article>'])
def test_the_pages_headline_starts_the_text_where_trafilatura_left_it_out(layout):
    """The <h1> outside the body's container (most news pages) was left out of the text:
    the claim a headline makes could not be tagged. A logo's <h1> is not a headline."""
    body = "".join(f"<p>{p}</p>" for p in (PARA_1, PARA_2))
    html = ('<html lang="ar"><head><meta charset="utf-8"><title>الوقود | الموقع</title>'
            '</head><body><h1 class="logo"><a href="/">الموقع</a></h1><nav><a href="/">'
            "الرئيسية</a></nav>" + layout.format(h1="<h1>الحكومة تخفض أسعار الوقود 15%</h1>",
                                                 body=body) + "</body></html>")
    lines = web_page.extract_page(html).text.split("\n")
    assert lines == ["الحكومة تخفض أسعار الوقود 15%", PARA_1, PARA_2]


def test_text_a_reader_never_sees_is_not_the_article(tmp_path, project):
    hidden = page(paragraphs=(PARA_1, PARA_2)).replace(
        f"<p>{PARA_2}</p>", f"<p hidden>نص مخفي لا يظهر للقارئ</p><template><p>محتوى قالب"
        f"</p></template><p>{PARA_2}</p><p>هذا المحتوى متاح للمشتركين فقط. اشترك الآن "
        "للحصول على وصول غير محدود.</p>")
    path = tmp_path / "page.html"
    path.write_text(hidden, "utf-8")
    text = import_file(project, path).article.text
    assert text.endswith(PARA_2) and "مخفي" not in text and "قالب" not in text


# -- rv56: the heuristics of a34bc6b/717cbc0 on pages they went wrong on ----------------
_BODY = "".join(f"<p>{p}</p>" for p in (PARA_1, PARA_2))


@pytest.mark.parametrize("title", ["مصر - السودان: اتفاق على تقاسم مياه النيل",
                                   "وزير المالية: « لا زيادة في الأسعار » هذا العام"])
def test_a_headline_holding_a_separator_keeps_its_title_without_the_site(title):
    html = (f'<html lang="ar"><head><meta charset="utf-8"><title>{title} | الموقع</title>'
            f"</head><body><article>{_BODY}</article></body></html>")
    assert web_page.extract_page(html).metadata["title"] == title


def test_a_site_named_first_is_cut_off_a_headline_holding_a_separator():
    """trafilatura cut <title> at its last separator, the headline's own: the title was
    «الموقع | مصر», the site's name and half the headline (rv172)."""
    html = ('<html lang="ar"><head><meta charset="utf-8"><title>الموقع | مصر - السودان: '
            f"اتفاق على تقاسم مياه النيل</title></head><body><article>{_BODY}</article>"
            "</body></html>")
    assert web_page.extract_page(html).metadata["title"] == \
        "مصر - السودان: اتفاق على تقاسم مياه النيل"


# -- rv172: a page naming its site but not its headline, or its headline but not its site
@pytest.mark.parametrize(("title", "headline", "site"), [
    ("U.S. says it will send aid - AP News", "U.S. says it will send aid", "AP News"),
    ("Inflation hits 3.5% in March | Reuters", "Inflation hits 3.5% in March", "Reuters"),
    ("الموقع | مصر - السودان: اتفاق على تقاسم مياه النيل",
     "مصر - السودان: اتفاق على تقاسم مياه النيل", "الموقع")])
def test_a_page_naming_its_site_alone_is_titled_by_its_title_without_the_site(
        title, headline, site):
    """og:site_name but no og:title: trafilatura's cut of <title> was trusted, which takes
    its first piece without a dot, and «U.S.» or «3.5%» made the article «AP News» from
    the outlet «AP News»; the site's name is cut off <title>'s end instead."""
    html = (f'<html lang="ar"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:site_name" content="{site}"></head><body><article>{_BODY}'
            "</article></body></html>")
    metadata = web_page.extract_page(html).metadata
    assert (metadata.get("title"), metadata.get("outlet")) == (headline, site)


@pytest.mark.parametrize("title", ["Inflation hits 3.5% in March | Reuters",
                                   "Reuters - Inflation hits 3.5% in March"])
def test_a_json_ld_headline_is_not_also_the_outlet(title):
    """With no site's name given, trafilatura took the piece of <title> with a dot for the
    site's: the outlet was the headline, «Inflation hits 3.5% in March»."""
    html = (f'<html lang="ar"><head><meta charset="utf-8"><title>{title}</title>'
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
            '"NewsArticle", "headline": "Inflation hits 3.5% in March"}</script></head>'
            f"<body><article>{_BODY}</article></body></html>")
    metadata = web_page.extract_page(html).metadata
    assert (metadata.get("title"), metadata.get("outlet")) == (
        "Inflation hits 3.5% in March", "Reuters")


@pytest.mark.parametrize("h1", ['<header><h1 class="site-title">صحيفة الموقع</h1></header>',
                                "<header><h1 hidden>تسجيل الدخول</h1></header>",
                                '<h1 class="sr-only">صحيفة الموقع</h1>'])
def test_a_sites_name_or_a_hidden_h1_does_not_start_the_text(h1):
    html = (f'<html lang="ar"><head><meta charset="utf-8"><title>x</title></head><body>{h1}'
            f"<article><h2>الحكومة تخفض أسعار الوقود</h2>{_BODY}</article></body></html>")
    assert web_page.extract_page(html).text.split("\n")[0] == "الحكومة تخفض أسعار الوقود"


def test_a_headline_broken_by_br_is_not_written_twice():
    html = ('<html lang="ar"><head><meta charset="utf-8"><title>x</title></head><body>'
            f"<article><h1>الحكومة تخفض<br>أسعار الوقود</h1>{_BODY}</article></body></html>")
    text = web_page.extract_page(html).text
    assert "تخفضأسعار" not in text and text.count("أسعار الوقود") == 1


@pytest.mark.parametrize("table", [
    "<table><tr><th>المحافظة</th><th>النسبة</th></tr><tr><td>العاصمة</td><td>41.2%</td></tr>"
    "<tr><td>الجيزة</td><td>30.1%</td></tr></table>",
    "<table><tr><td><b>المحافظة</b></td><td><b>النسبة</b></td></tr><tr><td>العاصمة</td>"
    "<td>41.2%</td></tr><tr><td>الجيزة</td><td>30.1%</td></tr></table>"])
def test_a_data_table_inside_a_layout_table_stays_a_table(table):
    html = ('<html lang="ar"><head><meta charset="utf-8"><title>x</title></head><body>'
            f'<table width="770"><tr><td><div>{_BODY}{table}</div></td></tr>'
            "<tr><td>جميع الحقوق</td></tr></table></body></html>")
    assert "| العاصمة | 41.2% |" in web_page.extract_page(html).text


@pytest.mark.parametrize("hidden", ['<body hidden>', '<body><div hidden="until-found">'])
def test_text_a_browser_shows_or_finds_is_kept(hidden):
    html = (f'<html lang="ar"><head><meta charset="utf-8"><title>x</title></head>{hidden}'
            f"<article>{_BODY}</article></body></html>")
    assert PARA_2 in web_page.extract_page(html).text


def test_a_page_dated_ahead_of_this_computers_day_keeps_its_date():
    """A Riyadh page published at 03:15 on the 6th, imported where it is still the 5th
    (New York, St John's: an outlet's day runs ahead of a checker's west of it): its date
    was past htmldate's limit (this computer's today) and read as the 1st of the month."""
    from datetime import date, timedelta

    from store.exchange.web_page import extract_page

    ahead = date.today() + timedelta(days=1)
    page = ('<html lang="ar"><head><meta charset="utf-8"><title>خبر</title>'
            f'<meta property="article:published_time" content="{ahead}T03:15:00+03:00">'
            '</head><body><article><h1>الوزير: التضخم بلغ 40 بالمئة</h1>'
            + "<p>قال وزير المالية في مؤتمر صحفي فجر اليوم إن معدل التضخم بلغ أربعين "
              "بالمئة في شهر نوفمبر الماضي، وهو أعلى مستوى منذ عشر سنوات.</p>" * 3
            + "</article></body></html>")
    assert extract_page(page).metadata.get("published") == ahead.isoformat()


@pytest.mark.parametrize("control", ["\x0b", "&#11;", "&#x1b;", "\x08", "&#x7;"])
def test_a_control_character_in_a_paragraph_does_not_lose_the_page(project, tmp_path,
                                                                   control):
    """Word's manual line break (VT) or an ESC in one paragraph, raw or as a reference:
    trafilatura found no text in the whole page, refused as «No article text» (rv101)."""
    path = tmp_path / "page.html"
    path.write_text(page(paragraphs=(PARA_1.replace("اليوم ", f"اليوم{control} "), PARA_2)),
                    encoding="utf-8")
    article = import_file(project, path).article
    assert "اليوم" in article.text and PARA_2 in article.text
    assert not any(ch in article.text for ch in "\x07\x08\x0b\x1b")


def test_a_page_of_more_elements_than_an_articles_is_refused_before_it_is_read(
        project, tmp_path, monkeypatch):
    """A 8 MB page of a million tiny elements ran for minutes at 1.2-1.6 GB (trafilatura
    takes 80 µs an element, rv261): past MAX_ELEMENTS the page is refused before
    trafilatura reads it, and before it is parsed when its «<» alone are ten times that."""
    import trafilatura
    from lxml import html as lxml_html

    monkeypatch.setattr(web_page, "MAX_ELEMENTS", 300, raising=False)
    path = tmp_path / "many.html"
    path.write_text(page(body="<b>a</b>" * 200), encoding="utf-8")
    assert import_file(project, path).created
    before = counts(project)
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: pytest.fail("read"))
    for tags in (300, 1500):
        path.write_text(page(body="<b>a</b>" * tags), encoding="utf-8")
        with pytest.raises(ImportRejected, match="^many.html is a web page of more than 300 "
                                                 "elements, far more than an article's page"):
            import_file(project, path)
        monkeypatch.setattr(lxml_html, "document_fromstring",
                            lambda *a, **k: pytest.fail("parsed"))
    assert counts(project) == before


@pytest.mark.parametrize("code", ["\x1b[1;31m", "&#x1b;[0m", "&#x1b;]0;title&#x7;"])
def test_a_terminals_escape_sequence_in_a_page_goes_whole(project, tmp_path, code):
    """A page holding a terminal's colour code or window title (a build log's, raw or as
    references) kept «[1;31m» in its text where the ESC went (rv268)."""
    path = tmp_path / "page.html"
    path.write_text(page(paragraphs=(PARA_1.replace("اليوم ", f"اليوم{code} "), PARA_2)),
                    encoding="utf-8")
    article = import_file(project, path).article
    assert PARA_1 in article.text and PARA_2 in article.text
