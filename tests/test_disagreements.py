from __future__ import annotations

from store.core import appearances, articles, claims
from store.core.project import Project
from store.review.disagreements import disagreements


def test_overlapping_claims_by_two_annotators_with_different_labels(tmp_path):
    path = tmp_path / "d.tahqiq"
    alice = Project.open(path, "alice")
    text = "The strongest treaty ever was signed on Tuesday in the capital."
    article = articles.add_article(alice, text, "t")
    a1 = appearances.tag_quote(alice, article.id, "strongest treaty ever", "disputed")
    appearances.tag_quote(alice, article.id, "Tuesday", "verified")
    bob = Project.open(path, "bob")
    b1 = appearances.tag_quote(bob, article.id, "treaty ever was signed", "verified")
    appearances.tag_quote(bob, article.id, "Tuesday", "verified")  # same label: no disagreement
    appearances.tag_quote(bob, article.id, "capital", "disputed")  # no overlap
    (found,) = disagreements(alice, article.id)
    assert {found.first.id, found.second.id} == {a1.id, b1.id}
    assert text[slice(*found.span)] == "treaty ever"
    assert appearances.annotators(alice, article.id) == ["alice", "bob"]
    claims.update_claim(bob, b1.id, label="disputed")
    assert disagreements(alice, article.id) == []
    alice.close()
    bob.close()


def test_annotators_are_listed_alphabetically_in_any_case(project):
    """By code point «Zaid» came before «amal» in the Annotators panel and `tahqiq
    agreement`, while the claims table's Annotator column sorted them in any case (rv102)."""
    from store.core import articles
    from store.review import agreement

    article = articles.add_article(project, "one two three four five six seven", "t")
    for start, name in ((0, "huda"), (4, "Zaid"), (8, "amal")):
        project.annotator = name
        appearances.create_claim(project, article.id, start, start + 3, "verified")
    assert appearances.annotators(project, article.id) == ["amal", "huda", "Zaid"]
    from store.text.display import by_name
    names = ["Zoé", "Émilie", "Çelik", "Deniz", "Ömer", "ali", "Şule"]  # (rv107)
    assert sorted(names, key=by_name) == ["ali", "Çelik", "Deniz", "Émilie", "Ömer", "Şule",
                                          "Zoé"]
    assert agreement.agreement(project, article.id).annotators == [
        "amal", "huda", "Zaid"]
