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
