"""What every transform shares: the metrics namespace and the dead-letter record."""
from __future__ import annotations

import datetime as dt
import hashlib

import apache_beam as beam

from orewire import PIPELINE_VERSION

NAMESPACE = "orewire"
DEAD_LETTERS = "dead_letters"
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
    }


def to_dead_letter(stage: str, retryable: bool = False):
    """Map the ``(element, (type, message, traceback))`` pairs of Beam's
    ``with_exception_handling`` to dead-letter rows."""
    def convert(failure):
        element, exc_info = failure
        element = element[1] if isinstance(element, tuple) and len(element) == 2 else element
        if isinstance(element, list):  # a failed batch: report its first item's reference
            element = element[0] if element else {}
        ref = element if isinstance(element, dict) else {}
        exc_type, message = exc_info[0], exc_info[1]
        row = dead_letter(stage, ref.get("url") or ref.get("feed_url"),
                          f"{getattr(exc_type, '__name__', exc_type)}: {message}",
                          feed_url=ref.get("feed_url"), article_id=ref.get("article_id"),
                          payload=ref.get("title") or ref, retryable=retryable)
        row["error_type"] = getattr(exc_type, "__name__", str(exc_type))
        row["error"] = str(message)[:2000]
        return row
    return convert
