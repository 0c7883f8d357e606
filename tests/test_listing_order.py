"""Project-wide listings come in the article list's order, as the CSV does, not in the
order of the articles' random ids."""

from __future__ import annotations

import csv
import io
import json

from test_cli import tahqiq_here


def _project(tmp_path, count=6):
    path = tmp_path / "order.tahqiq"
    ids = []
    for i in range(count):
        text = tmp_path / f"a{i}.txt"
        text.write_text(f"Title {i}\n\nThe minister said inflation fell in March {i}.\n",
                        encoding="utf-8")
        result = tahqiq_here("import", str(text), "--project", str(path))
        assert result.returncode == 0, result.stderr
        ids.append(result.stdout.split("\t")[0])
        tagged = tahqiq_here("tag", ids[-1], "--quote", "inflation fell", "--label", "disputed",
                             "--project", str(path))
        assert tagged.returncode == 0, tagged.stderr
    return path, ids


def test_claims_w3c_json_and_csv_list_the_articles_in_the_article_lists_order(tmp_path):
    """`tahqiq claims` of a whole project, the W3C and JSON exports listed the articles'
    places by the articles' random ids; the CSV, by the article list (rv102)."""
    path, ids = _project(tmp_path)
    listed = [line.split("\t")[0] for line in
              tahqiq_here("articles", "--project", str(path)).stdout.splitlines()]
    assert listed == ids
    rows = csv.DictReader(io.StringIO(tahqiq_here("export", "--format", "csv", "--project",
                                                  str(path)).stdout.lstrip("\ufeff")))
    assert [row["article_id"] for row in rows] == ids
    w3c = json.loads(tahqiq_here("export", "--format", "w3c", "--project", str(path)).stdout)
    assert [a["target"]["source"].rsplit(":", 1)[-1] for a in w3c] == ids
    whole = json.loads(tahqiq_here("export", "--format", "json", "--project", str(path)).stdout)
    assert [place["article_id"] for place in whole["appearances"]] == ids
    claims = tahqiq_here("claims", "--project", str(path)).stdout.splitlines()
    by_claim = {line.split("\t")[0]: line for line in claims}
    csv_claims = [row["claim_id"] for row in csv.DictReader(io.StringIO(tahqiq_here(
        "export", "--format", "csv", "--project", str(path)).stdout.lstrip("\ufeff")))]
    assert [line.split("\t")[0] for line in claims] == csv_claims
    assert len(by_claim) == len(ids)
