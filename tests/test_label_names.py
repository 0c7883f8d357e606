"""Label names as people type them, and two labels of one name (rv61)."""

import pytest

from store.core import labels
from store.errors import InvalidLabel, LabelNotFound


def test_a_label_is_found_by_its_arabic_name_typed_without_marks(project):
    assert labels.find_label(project, "لم يتحقق منه").key == "unchecked"  # stored «يُتحقق»
    assert labels.find_label(project, "صحيـح").key == "verified"  # a tatweel


def test_a_name_two_labels_answer_to_is_refused_not_guessed(project):
    labels.update_label(project, "disputed", name_en="Fabricated", name_ar="مفبرك")
    labels.add_label(project, "contested", "Disputed", "#CCCCFF", shortcut="4")
    with pytest.raises(LabelNotFound, match="more than one"):
        labels.find_label(project, "Disputed")  # contested's name, disputed's key
    assert labels.find_label(project, "disputed").key == "disputed"  # a key as written


def test_two_labels_cannot_take_one_name(project):
    with pytest.raises(InvalidLabel, match="already"):
        labels.add_label(project, "true", "verified ", "#00AA00")
    labels.add_label(project, "misleading", "Misleading", "#FFA500", name_ar="مضلل")
    with pytest.raises(InvalidLabel, match="already"):
        labels.add_label(project, "misleading2", "Misleading 2", "#AA00FF", name_ar="مُضلِّل")
    with pytest.raises(InvalidLabel, match="already"):
        labels.update_label(project, "unchecked", name_en="Verified")
    assert labels.update_label(project, "misleading", name_ar="مضلل").name_ar == "مضلل"


def test_a_rename_keeps_no_space_typed_at_its_ends(project):
    renamed = labels.update_label(project, "disputed", name_en="Fabricated ", name_ar=" مفبرك")
    assert (renamed.name_en, renamed.name_ar) == ("Fabricated", "مفبرك")
    assert labels.find_label(project, "Fabricated").key == "disputed"


def test_marks_pasted_at_a_names_ends_are_left_out(project):
    """A name copied out of right-to-left text came with a direction mark nothing shows
    («Misleading\u200f»), which a refusal then quoted."""
    added = labels.add_label(project, "misleading", "\u200fMisleading\u200f", "#FFA500",
                             name_ar="\u200fمضلل\u200b")
    assert (added.name_en, added.name_ar) == ("Misleading", "مضلل")
    renamed = labels.update_label(project, "misleading", name_en="Misleading\u200e ")
    assert renamed.name_en == "Misleading"
    with pytest.raises(InvalidLabel) as refused:
        labels.add_label(project, "misleading2", "\u200fMisleading", "#AA00FF")
    assert "\u200f" not in str(refused.value)


def test_a_merge_bringing_a_label_of_a_name_here_says_so(tmp_path):
    """Found by a review (rv61): Huda's «مضلل» (key misleading) and Badr's (key mislead)
    met in one file as two verdicts of one name - 0% agreement, both claims kept out of
    ClaimReview - and the summary spoke only of their shortcut."""
    from store.core.project import Project
    from store.exchange.merge import merge_project

    huda = Project.open(tmp_path / "huda.tahqiq", "huda")
    badr = Project.open(tmp_path / "badr.tahqiq", "badr")
    labels.add_label(huda, "misleading", "Misleading", "#FFA500", name_ar="مضلل")
    labels.add_label(badr, "mislead", "Misleading ", "#AA7700", name_ar="مُضلِّل")
    badr.close()
    summary = merge_project(huda, tmp_path / "badr.tahqiq")
    assert summary.shared_names == [labels.SharedName("mislead", "misleading", "Misleading")]
    said = "\n".join(map(str, summary.lines()))
    assert "mislead and misleading are both called 'Misleading'" in said
    again = merge_project(huda, tmp_path / "badr.tahqiq")  # no label came: nothing said
    assert again.shared_names == [] and "both called" not in "\n".join(map(str, again.lines()))
    with pytest.raises(LabelNotFound, match="more than one"):
        labels.find_label(huda, "مضلل")
    assert labels.find_label(huda, "mislead").key == "mislead"
    huda.close()


@pytest.mark.parametrize("rating", [7, -2, "6"])
def test_a_rating_off_claimreviews_scale_is_refused(project, rating):
    """Found by a review (rv61): the Labels table took 7 or -2, and ClaimReview then
    left the rating out unsaid (the New Label dialog offers 0 to 5)."""
    with pytest.raises(InvalidLabel, match="from 1 to 5, or 0 for none"):
        labels.update_label(project, "disputed", rating=rating)
    assert labels.update_label(project, "disputed", rating=" 2 ").rating == 2
    assert labels.update_label(project, "disputed", rating=0).rating == 0


# Typed in the window's line edits («Insert Unicode control character») or given to
# `tahqiq label`/`settings`: an override and a terminal's escapes (rv279)
RENAMED_EN, RENAMED_AR = "Dis\u202eputed\x1b[31m", "موضع\u202e خلاف\x9b2J"
ORGANISATION = "Fact\x1b]0;owned\x07Check\u202e Unit\x9b2J"


def _published(project) -> tuple[str, str, str]:
    """The organisation, reviewRating's name and alternateName of the project's one
    ClaimReview (its verdict named in Arabic)."""
    import json

    from store.core import appearances, articles, settings
    from store.exchange import exporting

    article = articles.add_article(project, "قال الوزير إن النمو بلغ خمسة بالمئة.", "مقال")
    appearances.tag_quote(project, article.id, "خمسة بالمئة", "disputed")
    settings.update_settings(project, url_template="https://desk.example/c/{id}",
                             language="ar")
    [review] = json.loads(exporting.export_text(project, "claimreview"))
    return (review["author"]["name"], review["reviewRating"]["name"],
            review["reviewRating"]["alternateName"])


def test_a_labels_and_the_organisations_names_lose_controls_as_an_outlet_does(project):
    """Both were kept as typed (trimmed only) and published so in ClaimReview, an RLO
    turning the verdict and the publisher around wherever it was shown, while the same
    text given as an article's outlet was stored «FactCheck Unit»."""
    from store.core import articles, settings
    from store.text.clean import clean_field

    renamed = labels.update_label(project, "disputed", name_en=RENAMED_EN, name_ar=RENAMED_AR)
    assert (renamed.name_en, renamed.name_ar) == ("Disputed", "موضع خلاف")
    assert labels.get_label(project, "disputed") == renamed
    added = labels.add_label(project, "fake", "Fa\u202dke\x1b]0;t\x07", "#AA00FF",
                             name_ar="\u202bمفبرك\x85")
    assert (added.name_en, added.name_ar) == ("Fake", "مفبرك")
    kept = settings.update_settings(project, organization=ORGANISATION).organization
    article = articles.add_article(project, "نص", "عنوان", outlet=ORGANISATION)
    assert kept == articles.get_article(project, article.id).outlet == \
        clean_field(ORGANISATION) == "FactCheck Unit"
    assert _published(project) == ("FactCheck Unit", "موضع خلاف", "موضع خلاف")


def test_names_an_older_tahqiq_stored_as_typed_are_read_and_published_cleaned(project):
    """A project holding such names already (no upgrade rewrites them) reads them as they
    are kept now: the window, the CLI and every export get them so."""
    project.execute("UPDATE labels SET name_en = ?, name_ar = ? WHERE key = 'disputed'",
                    [RENAMED_EN, RENAMED_AR])
    project.execute("INSERT INTO settings (key, value, updated, updated_by) VALUES "
                    "('organization', ?, '2026-01-01T00:00:00.000000Z', 'old')",
                    [ORGANISATION])
    label = labels.get_label(project, "disputed")
    assert (label.name_en, label.name_ar) == ("Disputed", "موضع خلاف")
    assert labels.find_label(project, "Disputed").key == "disputed"
    assert _published(project) == ("FactCheck Unit", "موضع خلاف", "موضع خلاف")
    from store.core import articles
    from store.exchange import exporting
    from store.exchange.packet import build_packet

    [article] = articles.list_articles(project)
    assert [row.verdict for row in build_packet(project, article["id"], "ar").claims] == [
        "موضع خلاف"]
    for form in exporting.FORMATS:
        written = exporting.export_text(project, form)
        assert not {"\u202e", "\x1b", "\x9b"} & set(written), form
        assert "\\u001b" not in written and "\\u009b" not in written, form
