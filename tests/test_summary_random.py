"""The summary's figures against an independent count from the JSON export,
over seeded random projects built by the store's public functions, with merges of
copies edited by different annotators."""

from __future__ import annotations

import random
import shutil
from collections import Counter

import pytest

from store.core import appearances, article_deletion, claims
from store.core.project import Project
from store.errors import TahqiqError
from store.exchange import exporting, merge
from store.exchange.importing import import_text
from store.review import reviews, summary

TEXTS = [
    "The treaty is the strongest ever, the minister said. Russia vetoed the resolution "
    "in March. Exports rose by forty percent in 2024 and critics said the figures were "
    "made up. The dam will be finished next year.",
    "Again: the treaty is the strongest ever. Exports rose by forty percent, said the "
    "ministry, and the dam will be finished.",
    "قالت الحكومة إن المعاهدة الجديدة أقوى معاهدة على الإطلاق، وفق البيان الرسمي.",
    "Nobody may tag this article. It talks about the weather and the strongest winds.",
]
QUOTES = ["the strongest ever", "vetoed the resolution", "in March", "forty percent",
          "the minister said", "the dam will be finished", "critics said", "strongest",
          "the ministry", "أقوى معاهدة", "البيان الرسمي", "the weather", "Exports rose"]
NAMES = ["amal", "badr", "chadi"]
KEYS = ["verified", "disputed", "unchecked"]


def oracle(project: Project, since: str = "") -> dict:
    data = exporting.project_json(project)
    live_articles = {a["id"] for a in data["articles"] if a["deleted"] is None}
    live_claims = {c["id"]: c for c in data["claims"] if c["deleted"] is None}
    places = Counter()
    tagged = set()
    for a in data["appearances"]:
        if a["deleted"] is None and a["claim_id"] in live_claims \
                and a["article_id"] in live_articles:
            places[a["claim_id"]] += 1
            tagged.add(a["article_id"])
    counted = [c for cid, c in live_claims.items() if places[cid]
               and c["created"][:10] >= (since or "0000")]
    by_claim: dict[str, list] = {}
    for r in data["reviews"]:
        by_claim.setdefault(r["claim_id"], []).append(r)
    acc = rej = changed = 0
    for c in counted:
        rs = sorted(by_claim.get(c["id"], []), key=lambda r: (r["created"], r["id"]),
                    reverse=True)
        standing = [r for r in rs if r["label"] is None or r["label"] == c["label"]]
        if standing:
            acc += standing[0]["decision"] == "accept"
            rej += standing[0]["decision"] == "reject"
        elif rs:
            changed += 1
    label_counts = Counter(c["label"] for c in counted)
    return dict(
        articles=len(live_articles),
        untagged=sorted(live_articles - tagged),
        claims=len(counted), places=sum(places[c["id"]] for c in counted),
        by_label={k: label_counts[k] for k in {lab["key"] for lab in data["labels"]}
                  | set(label_counts)},
        by_annotator=dict(Counter(c["annotator"] for c in counted)),
        accepted=acc, rejected=rej, unreviewed=len(counted) - acc - rej,
        changed=changed)


def figures(project: Project, since: str = "") -> dict:
    f = summary.project_summary(project, since)
    return dict(
        articles=f.articles, untagged=sorted(i for i, _ in f.untagged), claims=f.claims,
        places=f.places, by_label={lab.key: n for lab, n in f.by_label},
        by_annotator=dict(f.by_annotator), accepted=f.accepted, rejected=f.rejected,
        unreviewed=f.unreviewed, changed=f.changed_after_review)


def step(rng: random.Random, p: Project) -> None:
    p.annotator = rng.choice(NAMES)
    arts = [a for a in exporting.project_json(p)["articles"]]
    live = [a for a in arts if a["deleted"] is None]
    data = exporting.project_json(p)
    cl = [c for c in data["claims"]]
    ap = [a for a in data["appearances"]]
    op = rng.choice([0, 1, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 8, 9, 9, 10, 11])
    try:
        if op == 0 or not live:
            import_text(p, rng.choice(TEXTS), title=f"T{rng.randrange(99)}")
        elif op in (1, 2):
            art = rng.choice(live)
            same = rng.choice(cl)["id"] if cl and rng.random() < 0.3 else None
            appearances.tag_quote(p, art["id"], rng.choice(QUOTES),
                                  None if same else rng.choice(KEYS), same_as=same)
        elif op == 3 and ap:
            appearances.delete(p, rng.choice(ap)["id"])
        elif op == 4 and ap:
            appearances.restore(p, rng.choice(ap)["id"])
        elif op == 5 and cl:
            claims.update_claim(p, rng.choice(cl)["id"], label=rng.choice(KEYS))
        elif op == 6 and cl:
            if rng.random() < 0.5:
                claims.delete_claim(p, rng.choice(cl)["id"])
            else:
                appearances.restore_claim(p, rng.choice(cl)["id"])
        elif op == 7 and arts:
            a = rng.choice(arts)
            if a["deleted"] is None and rng.random() < 0.5:
                article_deletion.delete_article(p, a["id"])
            else:
                article_deletion.restore_article(p, a["id"])
        elif op in (8, 9) and cl:
            reviews.review_claim(p, rng.choice(cl)["id"], rng.choice(["accept", "reject"]))
        elif op == 10 and ap and cl:
            appearances.link(p, rng.choice(ap)["id"], rng.choice(cl)["id"])
        elif op == 11 and ap:
            a = rng.choice(ap)
            text = next(x for x in arts if x["id"] == a["article_id"])["text"]
            s = rng.randrange(len(text) - 5)
            appearances.move(p, a["id"], s, s + rng.randrange(3, 20))
    except TahqiqError:
        pass


@pytest.mark.parametrize("seed", range(int(__import__("os").environ.get("SEEDS", "30"))))
def test_summary_matches_the_export(tmp_path, seed):
    rng = random.Random(seed)
    a = Project.open(tmp_path / "a.tahqiq", "amal")
    for _ in range(rng.randrange(20, 60)):
        step(rng, a)
    a.close()
    shutil.copy(tmp_path / "a.tahqiq", tmp_path / "b.tahqiq")
    a = Project.open(tmp_path / "a.tahqiq", "amal")
    b = Project.open(tmp_path / "b.tahqiq", "badr")
    try:
        for _ in range(rng.randrange(10, 40)):
            step(rng, a)
            step(rng, b)
        b.close()
        merge.merge_project(a, tmp_path / "b.tahqiq")
        for _ in range(rng.randrange(0, 10)):
            step(rng, a)
        for since in ("", "2000-01-01", "2999-01-01",
                      exporting.project_json(a)["claims"][0]["created"][:10]
                      if exporting.project_json(a)["claims"] else ""):
            assert figures(a, since) == oracle(a, since), (seed, since)
    finally:
        a.close()
