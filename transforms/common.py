"""What every transform shares: the metrics namespace and the dead-letter record."""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import apache_beam as beam

from orewire import PIPELINE_VERSION
from orewire.urls import redact

NAMESPACE = "orewire"
DEAD_LETTERS = "dead_letters"
# The streaming writes' output of rows the warehouse refused (as dead letters).
REFUSED = "refused"
PAYLOAD_LIMIT = 2000


def counter(name: str):
    return beam.metrics.Metrics.counter(NAMESPACE, name)


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def dead_letter(stage: str, source: str | None, error: BaseException | str, *,
                feed_url: str | None = None, article_id: str | None = None,
                payload=None, retryable: bool | None = None) -> dict:
    """A ``dead_letters`` row. ``retryable`` defaults to the error's own flag, else False."""
    if isinstance(error, BaseException):
        error_type = type(error).__name__
        message = str(error) or error_type
        if retryable is None:
            retryable = bool(getattr(error, "retryable", False))
    else:
        error_type, message = "Rejected", error
    failed_at = now_utc()
    source, feed_url, article_id = (None if v is None else redact(str(v))[:2000]
                                    for v in (source, feed_url, article_id))
    message = redact(message)
    payload = None if payload is None else redact(str(payload))
    key = f"{stage}|{source}|{article_id}|{failed_at.isoformat()}"
    return {
        "dead_letter_id": hashlib.sha256(key.encode("utf-8")).hexdigest()[:32],
        "stage": stage,
        "source": source,
        "feed_url": feed_url,
        "article_id": article_id,
        "error_type": error_type,
        "error": message[:2000],
        "payload": None if payload is None else str(payload)[:PAYLOAD_LIMIT],
        "failed_at": failed_at,
        "pipeline_version": PIPELINE_VERSION,
        "retryable": bool(retryable),
        "attempts": 1,   # orewire retry counts on (pipeline/maintenance.py)
    }


def is_feed_level(row: dict) -> bool:
    """A dead letter for a whole feed that could not be read (its entries were never seen),
    not for an entry or a page: ReadFeeds names such a feed by its own URL, and never an
    entry so (transforms/read_feeds.py). The SQL twin is ``summary.FEED_LEVEL``."""
    return (row.get("stage") == "read_feeds" and row.get("article_id") is None
            and row.get("source") is not None and row.get("source") == row.get("feed_url"))


RETRY_FIELDS = ("article_id", "url", "feed_url", "source", "title", "authors",
                "published_at", "summary")


def item_payload(item: dict) -> str:
    """A failed FeedItem as JSON, enough for `orewire retry` to fetch it again."""
    keep = {k: item.get(k) for k in RETRY_FIELDS}
    if keep.get("summary"):
        keep["summary"] = keep["summary"][:600]
    if isinstance(keep.get("title"), str):
        keep["title"] = keep["title"][:500]
    published = keep.get("published_at")
    keep["published_at"] = published.isoformat() if hasattr(published, "isoformat") else None
    return json.dumps(keep, ensure_ascii=False)[:PAYLOAD_LIMIT]
