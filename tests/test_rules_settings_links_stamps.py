"""A project's settings, evidence links, time stamps and records, each guarded against a
small change to store/core/settings.py, links.py, stamps.py or records.py (a dropped
condition, a bound moved, the other value returned) that the rest of the suite let pass
(rv171's mutation review)."""

from __future__ import annotations

import json

import pytest

from store.core import appearances, articles, settings, stamps
from store.core.links import (
    as_iri,
    as_uri,
    is_web_link,
    links_in,
    readable_link,
    same_link,
    trimmed_link,
    with_scheme,
)
from store.core.records import (
    Appearance,
    Claim,
    HistoryEntry,
    Label,
    Review,
    parse_sources,
    read_json,
)
from store.errors import InvalidSetting, NotPublishable
from store.exchange import exporting


@pytest.fixture
def article(project):
    return articles.add_article(project, "قال الوزير إن النمو بلغ خمسة بالمئة ثم غادر القاعة.",
                                "مقال")


# -- store/core/settings.py ------------------------------------------------------------------
def test_a_template_without_an_organisation_publishes_no_claimreview(project, article):
    """A ClaimReview needs its publisher: an address alone is not enough (an export named
    no author)."""
    appearances.tag_quote(project, article.id, "خمسة بالمئة", "verified")
    settings.update_settings(project, url_template="https://desk.example/c/{id}")
    assert not settings.get_settings(project).publishes_claimreview
    with pytest.raises(NotPublishable):
        exporting.export_text(project, "claimreview")


def test_a_claims_address_puts_its_id_where_the_template_says_and_only_there(project):
    settings.update_settings(project, organization="Desk",
                             url_template="https://desk.example/id/{id}?ref=id")
    assert settings.get_settings(project).claim_url("c-1") == \
        "https://desk.example/id/c-1?ref=id"


def test_a_setting_a_newer_tahqiq_wrote_does_not_stop_this_one_reading_the_others(project):
    project.execute("INSERT INTO settings (key, value, updated, updated_by) "
                    "VALUES ('theme', 'dark', '2026-01-01T00:00:00.000000Z', 'x')")
    settings.update_settings(project, organization="Desk")
    assert settings.get_settings(project).organization == "Desk"


def _article_in(project, language: str, deleted: bool = False) -> None:
    added = articles.add_article(project, f"words in {language} {stamps.new_id()}", "t",
                                 language=language)
    if deleted:
        project.execute("UPDATE articles SET deleted = ? WHERE id = ?",
                        [stamps.utcnow(), added.id])


@pytest.mark.parametrize(("languages", "expected"), [
    (["fr", "fr", "ar"], "en"),  # (most articles in a language with no verdict names)
    (["ar", "ar", "en"], "ar"),
    (["ar_EG", "ar_SY", "en"], "ar"),  # (a region written with «_», as a locale is)
    (["AR", "Ar-eg", "en"], "ar"),
    ([], "en"),
])
def test_the_projects_language_is_that_of_most_of_its_articles(project, languages, expected):
    for language in languages:
        _article_in(project, language)
    assert settings.project_language(project) == expected


def test_a_deleted_articles_language_does_not_decide_the_projects(project):
    for _ in range(3):
        _article_in(project, "en", deleted=True)
    _article_in(project, "ar")
    assert settings.project_language(project) == "ar"


def test_settings_are_stored_without_the_spaces_and_marks_around_them(project):
    """An address pasted out of right-to-left text brings its direction marks; a name
    or language typed brings spaces."""
    now = settings.update_settings(project, organization="  مرصد  ", language=" ar ",
                                   url_template="\u200fhttps://desk.example/{id}\u200f ")
    assert now == settings.ProjectSettings("مرصد", "https://desk.example/{id}", "ar")


def test_a_setting_given_its_own_value_again_is_no_change_in_the_history(project):
    settings.update_settings(project, organization="Desk")
    settings.update_settings(project, organization="Desk", language="en")
    entries = project.execute("SELECT entity_id, before, after FROM history "
                              "WHERE entity = 'settings' ORDER BY rowid").fetchall()
    assert [(key, json.loads(before), json.loads(after)) for key, before, after in entries] \
        == [("organization", {"value": ""}, {"value": "Desk"}),
            ("language", {"value": ""}, {"value": "en"})]


@pytest.mark.parametrize("template", [
    "https://desk.example/claims/",  # (no {id})
    "https://desk.example/{id}}",  # (a brace left over)
    "https://desk.example/{{id}",
    "ftp://desk.example/{id}",
    "javascript:alert(1)//{id}",
])
def test_a_template_that_is_no_web_address_with_an_id_is_refused(project, template):
    with pytest.raises(InvalidSetting):
        settings.update_settings(project, url_template=template)
    assert not settings.acceptable("url_template", template)


def test_a_language_other_than_arabic_or_english_is_refused(project):
    with pytest.raises(InvalidSetting):
        settings.update_settings(project, language="fr")
    assert not settings.acceptable("language", "fr")
    assert settings.acceptable("language", "ar")


def test_a_setting_this_tahqiq_does_not_know_is_not_acceptable():
    """(a merge takes no unknown setting from a colleague's file)"""
    assert not settings.acceptable("theme", "dark")
    assert not settings.acceptable("organization", 7)
    assert settings.acceptable("organization", "Desk")


def test_a_setting_changed_on_a_clock_set_back_is_still_the_newer_one(project, monkeypatch):
    """A laptop's clock reset to 2001: the setting changed there after seeing one set
    today must win a merge by its time, so it is stamped after it."""
    settings.update_settings(project, organization="Old Desk")
    seen = project.execute("SELECT updated FROM settings WHERE key = 'organization'"
                           ).fetchone()[0]
    monkeypatch.setattr(stamps, "utcnow", lambda: "2001-01-01T00:00:00.000000Z")
    settings.update_settings(project, organization="New Desk")
    updated = project.execute("SELECT updated FROM settings WHERE key = 'organization'"
                              ).fetchone()[0]
    assert updated > seen


# -- store/core/stamps.py --------------------------------------------------------------------
NOW = "2026-03-01T10:00:00.000000Z"


def test_a_change_stamped_now_after_one_stamped_the_same_moment_is_later(monkeypatch):
    monkeypatch.setattr(stamps, "utcnow", lambda: NOW)
    assert stamps.later_than(NOW) == "2026-03-01T10:00:00.000001Z"
    assert stamps.later_than(None, "2026-02-01T00:00:00.000000Z") == NOW


def test_a_stamp_another_program_wrote_otherwise_gives_way_to_now(monkeypatch):
    """(«yesterday» sorts after every year: taken as the latest, it was stamped so)"""
    monkeypatch.setattr(stamps, "utcnow", lambda: NOW)
    assert stamps.later_than("yesterday") == NOW


def test_the_users_name_is_taken_without_the_spaces_around_it(monkeypatch, tmp_path):
    path = tmp_path / "annotator.json"
    monkeypatch.setattr(stamps, "name_file", lambda: path)
    monkeypatch.setenv("TAHQIQ_USER", "  Samira Hassan \t")
    assert stamps.default_annotator() == "Samira Hassan"
    monkeypatch.setenv("TAHQIQ_USER", "   ")  # (blank: the name given in the window)
    assert stamps.save_annotator("  سميرة  ")
    assert json.loads(path.read_text(encoding="utf-8")) == {"annotator": "سميرة"}
    assert stamps.default_annotator() == "سميرة"
    path.write_text('{"annotator": " Omar "}', encoding="utf-8")  # (another program's)
    assert stamps.saved_annotator() == "Omar"


def test_no_name_found_at_all_is_anonymous(monkeypatch, tmp_path):
    import getpass

    monkeypatch.setattr(stamps, "name_file", lambda: tmp_path / "annotator.json")
    monkeypatch.delenv("TAHQIQ_USER", raising=False)
    monkeypatch.setattr(getpass, "getuser", lambda: "")
    assert stamps.default_annotator() == "anonymous"


def test_a_name_file_that_is_a_broken_link_is_said_to_be_unreadable(monkeypatch, tmp_path):
    path = tmp_path / "annotator.json"
    path.symlink_to(tmp_path / "gone.json")
    monkeypatch.setattr(stamps, "name_file", lambda: path)
    assert stamps.unreadable_name_file() == path


def test_a_time_shown_in_utc_is_to_the_minute_unless_seconds_are_asked():
    at = "2026-11-29T15:40:02.547998Z"
    assert stamps.shown_time(at, utc=True) == "2026-11-29 15:40"
    assert stamps.shown_time(at, utc=True, seconds=True) == "2026-11-29 15:40:02"


def test_a_time_another_program_wrote_is_shown_without_its_t(monkeypatch):
    import time

    assert stamps.shown_time("2026-11-29T15:40:02 UTC+3") == "2026-11-29 15:40"
    try:
        monkeypatch.setenv("TZ", "America/New_York")  # (the year 1 moved before the year 1)
        time.tzset()
        assert stamps.shown_time("0001-01-01T00:00:00.000000Z") == "0001-01-01 00:00"
    finally:
        monkeypatch.undo()
        time.tzset()


# -- store/core/links.py ---------------------------------------------------------------------
@pytest.mark.parametrize(("pasted", "links"), [
    ("\u061chttps://x.org/a\u061c", ["https://x.org/a"]),  # (an Arabic letter mark)
    ("«https://x.org/a»", ["https://x.org/a"]),
    ("https://x.org/a…", ["https://x.org/a"]),
    ("https://x.org/a)", ["https://x.org/a"]),
    ("(https://x.org/a_(b))", ["https://x.org/a_(b)"]),
    ("HTTPS://a.org/x,HTTPS://b.org/y", ["HTTPS://a.org/x", "HTTPS://b.org/y"]),
    ("https://a.org/x؛https://b.org/y", ["https://a.org/x", "https://b.org/y"]),
])
def test_a_links_own_characters_stay_and_the_sentences_go(pasted, links):
    assert links_in(pasted) == links


def test_a_link_typed_from_www_is_an_https_link_whatever_its_case():
    assert with_scheme("www.bbc.com/news") == "https://www.bbc.com/news"
    assert with_scheme("WWW.bbc.com/news") == "https://WWW.bbc.com/news"
    assert with_scheme("bbc.com") == "bbc.com"


def test_a_link_with_a_control_or_direction_character_is_no_web_link():
    assert not is_web_link("https://x.org/a\x9bb")  # (C1: a control sequence introducer)
    assert not is_web_link("https://x.org/a\u202eb")
    assert not is_web_link("ftp://x.org/a")
    assert trimmed_link(" \u200fhttps://x.org/a\u061c ") == "https://x.org/a"


@pytest.mark.parametrize(("one", "other"), [
    ("https://alice@x.org/a", "https://x.org/a"),  # (another account's page)
    ("http://x.org:8080/a", "http://x.org/a"),
    ("https://x.org/a%252F", "https://x.org/a%2F"),  # (a «%2F» in the text, an escaped «/»)
    ("https://x.org/?a%3Db", "https://x.org/?a=b"),
])
def test_links_that_lead_to_other_places_are_two_links(one, other):
    assert not same_link(one, other)


@pytest.mark.parametrize(("one", "other"), [
    ("http://x.org:80/a", "http://x.org/a"),
    ("https://x.org", "https://x.org/"),
    ("https://ex\u00adample.com/a", "https://example.com/a"),  # (a soft hyphen)
    ("https://ＢＢＣ.com/a", "https://bbc.com/a"),  # (full-width capitals)
    ("https://\u210cost.com/a", "https://host.com/a"),  # (a black-letter H: «H», then «h»)
    ("https://xn--bcher-kva.de/a", "https://bücher.de/a"),
])
def test_links_a_browser_takes_to_the_same_place_are_one(one, other):
    assert same_link(one, other)


def test_what_an_iri_may_not_hold_is_escaped_for_the_json_ld():
    assert as_iri("https://x.org/a|b") == "https://x.org/a%7Cb"
    assert as_iri("https://x.org/100%4") == "https://x.org/100%254"
    assert as_iri("https://x.org/100%4a") == "https://x.org/100%4a"


def test_a_pdfs_link_is_seven_bit_its_host_in_punycode_unless_idna_2003_changes_it():
    assert as_uri("https://bücher.de/معاهدة") == \
        "https://xn--bcher-kva.de/%D9%85%D8%B9%D8%A7%D9%87%D8%AF%D8%A9"
    assert as_uri("https://faß.de/a") == "https://fa%C3%9F.de/a"


def test_a_link_is_shown_with_its_letters_and_without_what_does_not_show():
    assert readable_link("https://x.org/a%E2%80%8Bb") == "https://x.org/a%E2%80%8Bb"  # ZWSP
    assert readable_link("https://x.org/caf%E9") == "https://x.org/caf%E9"  # (Latin-1)
    assert readable_link("https://x.org/%D9%85%D8%B9") == "https://x.org/مع"


# -- store/core/records.py -------------------------------------------------------------------
def test_a_verdict_without_an_arabic_name_is_named_in_english_then_by_its_key():
    label = Label("verified", "Verified", "#00ff00", 0)
    assert label.name("ar") == "Verified"
    assert label._replace(name_ar="صحيح").name("ar") == "صحيح"
    assert label._replace(name_en="").name("ar") == "verified"


def test_null_text_another_program_wrote_reads_as_empty(project, article):
    """(a colleague's file merged, or an older Tahqiq's: NULL «updated_by» or «suffix»
    were shown as «None»)"""
    made = appearances.tag_quote(project, article.id, "خمسة بالمئة", "verified")
    project.execute("UPDATE claims SET updated_by = NULL, note = NULL WHERE id = ?",
                    [made.claim_id])
    project.execute("UPDATE appearances SET prefix = NULL, suffix = NULL, updated_by = NULL "
                    "WHERE id = ?", [made.id])
    place = appearances.get_appearance(project, made.id)
    assert (place.prefix, place.suffix, place.updated_by) == ("", "", "")
    assert (place.claim.note, place.claim.updated_by) == ("", "")
    entry = HistoryEntry.from_row({"id": "h", "who": None, "at": None, "before": "[1]"})
    assert (entry.who, entry.at, entry.before, entry.after) == ("", "", None, None)


def test_a_place_of_a_deleted_claim_is_gone_and_changed_when_its_claim_was():
    claim = Claim("c", "verified", "me", "2026-01-01T00:00:00.000000Z",
                  "2026-02-01T00:00:00.000000Z")
    place = Appearance("a", "c", "x", 0, 3, "one", "me", "2026-01-01T00:00:00.000000Z",
                       "2026-01-05T00:00:00.000000Z", claim)
    assert place.last_change == "2026-02-01T00:00:00.000000Z"
    assert not place.is_deleted
    assert place._replace(claim=claim._replace(deleted="2026-03-01T00:00:00.000000Z")
                          ).is_deleted
    assert Claim("c", "v", "me", "t", "t", deleted="").is_deleted  # (a stamp, however odd)


def test_a_review_written_before_its_verdict_was_recorded_says_none():
    review = Review.from_row({"id": "r", "claim_id": "c", "reviewer": "me",
                              "decision": "accept", "created": "t", "label": None})
    assert review.label is None and review.comment == ""


def test_sources_another_program_wrote_as_no_list_of_links_read_as_the_links_there_are():
    assert parse_sources('["https://x.org/a", 7, null, ["https://y.org"]]') == (
        "https://x.org/a",)
    assert parse_sources('{"a": 1}') == () == parse_sources("not json")
    assert parse_sources(b"\xff\xfe") == () == parse_sources(7)  # (a number in the column)
    with pytest.raises(ValueError):
        read_json("[" * 100_000 + "]" * 100_000)
