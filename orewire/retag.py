"""What ``orewire reprocess`` decides, without Beam: how many shards the stored articles are
read in, the fingerprint of a row's tags, and whether a re-tagged row changed.

The graph (pipeline/maintenance.py) reads the stored articles shard by shard in its
workers (transforms/read_stored_articles.py), each carrying the fingerprint of its stored
tags; the workers compare it with the re-tagged row's (transforms/changed_rows.py) and
stage only what changed, so no list of stored articles is ever built in the driver.
"""
from __future__ import annotations

import hashlib
import json
import math

# The columns reprocess rewrites, and those of a stored article it re-tags from.
REPROCESSED_COLUMNS = ("entities", "minerals", "mineral_ids", "country_codes",
                       "pipeline_version")
STORED_FOR_REPROCESS = ("article_id", "url", "feed_url", "text", "language", "published_at")
# The key a stored article carries its stored tags' fingerprint under, through the graph
# to the re-tagged row (LinkMentions' keep_fields); no table has such a column, so the
# writers drop it.
STORED_TAGS = "stored_tags"

# Articles a shard reads: a worker holds a shard's rows (text and stored tags, some tens
# of KB an article) while it hands them on, so a few thousand at most.
ARTICLES_PER_SHARD = 2000

# What changed in a re-tagged row.
TAGS = "tags"
VERSION = "version"


def shard_count(articles: int, workers: int = 1) -> int:
    """Shards to read ``articles`` stored articles in: about ARTICLES_PER_SHARD each, and
    at least one per worker (so that every worker reads), none when there is nothing."""
    if articles <= 0:
        return 0
    return max(1, workers, math.ceil(articles / ARTICLES_PER_SHARD))


def _canonical(value):
    """A stored or new tag value in one form: NULL lists as empty, mappings by key."""
    if value is None:
        return []
    if isinstance(value, dict):
        return {k: _canonical(v) if isinstance(v, (list, dict)) else v
                for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) if isinstance(v, (list, dict, tuple)) else v for v in value]
    return value


def fingerprint(row: dict) -> tuple[str, str | None]:
    """(a digest of the row's tags as canonical JSON, its pipeline_version): what reprocess
    compares. A digest rather than the JSON itself: it travels with the article through
    the graph, and a SHA-1 is 40 characters whatever the article's tags."""
    tags = {c: _canonical(row.get(c)) for c in REPROCESSED_COLUMNS if c != "pipeline_version"}
    text = json.dumps(tags, sort_keys=True, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest(), row.get("pipeline_version")  # noqa: S324 (a fingerprint, not security)


def change(retagged: dict, stored: tuple[str, str | None] | list | None) -> str | None:
    """What a re-tagged row changes against its stored fingerprint: TAGS, VERSION (only
    its pipeline_version), or None. ``retagged`` is the row as the warehouse stores it
    (Arrow's values: a float stays a float)."""
    tags, version = fingerprint(retagged)
    stored_tags, stored_version = tuple(stored) if stored else (None, None)
    if tags != stored_tags:
        return TAGS
    if version != stored_version:
        return VERSION
    return None
