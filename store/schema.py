"""The project file's schema and its migrations.

``PRAGMA user_version`` holds the schema version; ``PRAGMA application_id``
marks the file as a Tahqiq project so a foreign SQLite file is never mistaken
for one. Each migration moves the schema up by exactly one version and runs in
the same transaction as the version bump, so a file is never half-migrated.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

APPLICATION_ID = 0x54514951  # "TQIQ"


def _v1_initial(db: sqlite_utils.Database) -> None:
    db["articles"].create(
        {
            "id": str,
            "title": str,
            "text": str,
            "fingerprint": str,  # SHA-256 of text: the same text is the same article
            "outlet": str,
            "url": str,
            "published": str,
            "language": str,
            "encoding": str,
            "source_name": str,
            "created": str,
            "created_by": str,
            "updated": str,
            "deleted": str,
        },
        pk="id",
        not_null={"title", "text", "fingerprint", "created", "updated"},
        defaults={"outlet": "", "url": "", "published": "", "language": "", "encoding": ""},
    )
    db["articles"].create_index(["fingerprint"])
    db["labels"].create(
        {
            "key": str,
            "name_en": str,
            "name_ar": str,
            "color": str,
            "shortcut": str,
            "description": str,
            "rating": int,
            "position": int,
            "created": str,
            "updated": str,
        },
        pk="key",
        not_null={"name_en", "color", "position"},
        defaults={"name_ar": "", "shortcut": "", "description": "", "rating": 0},
    )
    db["claims"].create(
        {
            "id": str,
            "article_id": str,
            "start": int,
            "end": int,
            "quote": str,
            "prefix": str,
            "suffix": str,
            "label": str,
            "note": str,
            "sources": str,  # JSON array of URLs
            "annotator": str,
            "created": str,
            "updated": str,
            "updated_by": str,
            "deleted": str,  # tombstone: UTC time of deletion, NULL while alive
            "deleted_by": str,
        },
        pk="id",
        not_null={"article_id", "start", "end", "quote", "label", "annotator", "created",
                  "updated"},
        defaults={"prefix": "", "suffix": "", "note": "", "sources": "[]"},
        foreign_keys=[("article_id", "articles", "id"), ("label", "labels", "key")],
    )
    db["claims"].create_index(["article_id", "start"])
    db["reviews"].create(
        {
            "id": str,
            "claim_id": str,
            "reviewer": str,
            "decision": str,  # "accept" | "reject"
            "comment": str,
            "created": str,
        },
        pk="id",
        not_null={"claim_id", "reviewer", "decision", "created"},
        defaults={"comment": ""},
        foreign_keys=[("claim_id", "claims", "id")],
    )
    db["reviews"].create_index(["claim_id", "created"])
    db["history"].create(
        {
            "id": str,
            "entity": str,  # "article" | "claim" | "label" | "review"
            "entity_id": str,
            "action": str,
            "who": str,
            "at": str,
            "before": str,  # JSON of the record before the change, NULL on create
            "after": str,  # JSON of the record after the change, NULL on purge
        },
        pk="id",
        not_null={"entity", "entity_id", "action", "who", "at"},
    )
    db["history"].create_index(["entity_id", "at"])


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_v1_initial]
SCHEMA_VERSION = len(MIGRATIONS)
