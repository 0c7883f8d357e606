"""Scale check for store.merge: 100,000 claims (not part of the test suite)."""
import json, shutil, sys, time, uuid
from pathlib import Path
from store import articles, merge
from store.claims import list_claims
from store.seeding import open_or_create

root = Path(sys.argv[1]); shutil.rmtree(root, ignore_errors=True); root.mkdir()
N = 100_000
b = open_or_create(root / "b.tahqiq", "bob")
aid = articles.list_articles(b)[0]["id"]
text = articles.get_article(b, aid).text
cols = ["id","article_id","start","end","quote","prefix","suffix","label","note","sources",
        "annotator","created","updated","updated_by","deleted","deleted_by"]
rows, hist = [], []
for i in range(N):
    s = (i * 7) % (len(text) - 40); e = s + 20 + i % 15
    t = f"2024-01-01T00:00:{i % 60:02d}.{i:06d}Z"
    r = dict(id=str(uuid.uuid4()), article_id=aid, start=s, end=e, quote=text[s:e],
             prefix=text[max(0, s-32):s], suffix=text[e:e+32], label="unchecked", note="",
             sources="[]", annotator="bob", created=t, updated=t, updated_by="bob",
             deleted=None, deleted_by=None)
    rows.append(tuple(r[c] for c in cols))
    hist.append((str(uuid.uuid4()), "claim", r["id"], "create", "bob", t, None,
                 json.dumps(r, ensure_ascii=False)))
with b.transaction():
    b.db.conn.executemany(f"INSERT INTO claims ({','.join(map(repr, cols)).replace(chr(39), chr(34))}) VALUES ({','.join('?'*len(cols))})", rows)
    b.db.conn.executemany("INSERT INTO history VALUES (?,?,?,?,?,?,?,?)", hist)
b.close()
print("bob file MB", (root / "b.tahqiq").stat().st_size / 1e6)

a = open_or_create(root / "a.tahqiq", "alice")
t0 = time.perf_counter(); s1 = merge.merge_project(a, root / "b.tahqiq"); t1 = time.perf_counter()
print(f"first merge (100k new): {t1 - t0:.2f}s", s1.new_claims, s1.new_history)
t0 = time.perf_counter(); s2 = merge.merge_project(a, root / "b.tahqiq"); t1 = time.perf_counter()
print(f"re-merge (100k unchanged): {t1 - t0:.2f}s", s2.unchanged_claims, s2.changed)
# Bob changes 10k claims (new versions with history), Alice changes 10k others + 5k of his
b = open_or_create(root / "b.tahqiq", "bob")
from store.claims import update_claim
ids = [c.id for c in list_claims(b)]
with b.transaction():
    for cid in ids[:10_000]:
        update_claim(b, cid, label="verified")
b.close()
with a.transaction():
    for cid in ids[5_000:20_000]:
        update_claim(a, cid, label="disputed")
t0 = time.perf_counter(); s3 = merge.merge_project(a, root / "b.tahqiq"); t1 = time.perf_counter()
print(f"merge with 10k changed there, 15k here (5k both): {t1 - t0:.2f}s",
      s3.updated_claims, s3.conflicts, s3.unchanged_claims)
a.close()
