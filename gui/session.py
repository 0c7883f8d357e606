"""The open project as the GUI sees it: store calls in, Qt signals out.

Views never call the store to change anything; undo commands call a session
method, which calls one store function and announces what changed. Models and
the reader listen and refresh only what the signal names.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from gui.i18n import error_text, message_text
from store.core import articles, claims, history, labels
from store.core.project import Project
from store.core.records import Article, Claim, Label, Review
from store.errors import TahqiqError
from store.review import reviews

POLL_INTERVAL_MS = 1000


class Session(QObject):
    claimChanged = Signal(str)  # claim id: created, edited, deleted or restored
    claimsAboutToReset = Signal()  # views save typing and remember the selection
    claimsReset = Signal()  # many claims may have changed (merge, outside writer)
    articlesChanged = Signal()
    labelsChanged = Signal()
    errorOccurred = Signal(str)  # a one-line message for the user

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.language = "en"  # the interface language; label names follow it
        self._labels: list[Label] = labels.list_labels(project)
        self._data_version = project.data_version()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_INTERVAL_MS)
        self._poll.timeout.connect(self.check_outside_changes)
        self._poll.start()

    # -- reading -------------------------------------------------------------------
    @property
    def annotator(self) -> str:
        return self.project.annotator

    @property
    def read_only(self) -> bool:
        return self.project.read_only

    def labels(self) -> list[Label]:
        return self._labels

    def label(self, key: str) -> Label | None:
        return next((lab for lab in self._labels if lab.key == key), None)

    def article_list(self) -> list[dict]:
        return articles.list_articles(self.project)

    def article(self, article_id: str) -> Article:
        return articles.get_article(self.project, article_id)

    def claims_of(self, article_id: str) -> list[Claim]:
        return claims.list_claims(self.project, article_id)

    def live_claim_count(self, article_id: str) -> int:
        return claims.count_live(self.project, article_id)

    def claim(self, claim_id: str) -> Claim:
        return claims.get_claim(self.project, claim_id)

    def reviews_for(self, claim_id: str) -> list[Review]:
        return reviews.reviews_for(self.project, claim_id)

    def latest_reviews(self, article_id: str) -> dict[str, Review]:
        return reviews.latest_reviews(self.project, article_id)

    def search(self, query: str, limit: int = 200) -> list:
        from store.core import search

        return search.search(self.project, query, limit)

    def history_lines(self, claim_id: str) -> list[str]:
        """A claim's history, told in the interface language."""
        from store.review import story

        def label_name(key: str) -> str:
            label = self.label(key)
            return label.name(self.language) if label else key

        return [message_text(story.tell(entry, label_name))
                for entry in history.for_entity(self.project, claim_id)]

    # -- writing: each is one store call and one announcement ----------------------------
    def create_claim(self, article_id: str, start: int, end: int, label: str) -> Claim:
        claim = claims.create_claim(self.project, article_id, start, end, label)
        self._changed(claim.id)
        return claim

    def update_claim(self, claim_id: str, **changes) -> Claim:
        claim = claims.update_claim(self.project, claim_id, **changes)
        self._changed(claim_id)
        return claim

    def delete_claim(self, claim_id: str) -> Claim:
        claim = claims.delete_claim(self.project, claim_id)
        self._changed(claim_id)
        return claim

    def restore_claim(self, claim_id: str) -> Claim:
        claim = claims.restore_claim(self.project, claim_id)
        self._changed(claim_id)
        return claim

    def review(self, claim_id: str, decision: str, comment: str = "") -> Review:
        review = reviews.review_claim(self.project, claim_id, decision, comment)
        self._changed(claim_id)
        return review

    def add_label(self, key: str, name_en: str, color: str, **extra) -> Label:
        label = labels.add_label(self.project, key, name_en, color, **extra)
        self._reload_labels()
        return label

    def update_label(self, key: str, **changes) -> Label:
        label = labels.update_label(self.project, key, **changes)
        self._reload_labels()
        return label

    def update_article(self, article_id: str, **changes: str) -> Article:
        article = articles.update_metadata(self.project, article_id, **changes)
        self.articlesChanged.emit()
        return article

    def set_annotator(self, name: str) -> None:
        self.project.annotator = name

    def report(self, error: TahqiqError) -> None:
        self.errorOccurred.emit(error_text(error))

    # -- keeping up with other writers -------------------------------------------------------
    def check_outside_changes(self) -> bool:
        """Refresh everything if another process committed to the file since we looked."""
        try:
            version = self.project.data_version()
        except Exception:  # a closed project during shutdown
            return False
        if version == self._data_version:
            return False
        self._data_version = version
        self.claimsAboutToReset.emit()
        self._reload_labels()
        self.articlesChanged.emit()
        self.claimsReset.emit()
        return True

    def _changed(self, claim_id: str) -> None:
        self.claimChanged.emit(claim_id)

    def _reload_labels(self) -> None:
        self._labels = labels.list_labels(self.project)
        self.labelsChanged.emit()

    def close(self) -> None:
        self._poll.stop()
        self.project.close()

