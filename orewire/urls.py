"""URL normalisation and article ids.

Scheme, host, port and path are normalised by courlan (trafilatura's URL library:
lower-cased scheme and host, default ports removed); the query keeps every parameter but
the click trackers of ``seeds/tracking_params.txt``, removed with w3lib's
``url_query_cleaner``, which keeps value-less keys ("story.php?12345") and the order;
the fragment is dropped. Normalisation never merges two different articles.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from urllib.parse import urldefrag, urlsplit, urlunsplit

import courlan
from w3lib.url import url_query_cleaner

from orewire.seeds import SEEDS_DIR

HTTP_SCHEMES = ("http", "https")


class BadURL(ValueError):
    """A link that cannot be an article URL (no host, unsupported scheme)."""


def normalize_url(url: str) -> str:
    """The link as stored in ``articles.url``; raises BadURL for non-http(s) links."""
    if not url or not isinstance(url, str):
        raise BadURL("empty link")
    url = url.strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port out of range)
    except ValueError as err:  # "http://[::1" and the like
        raise BadURL(f"malformed link {url[:200]!r}: {err}") from err
    scheme = parts.scheme.lower()
    if scheme not in HTTP_SCHEMES:
        raise BadURL(f"unsupported link scheme {scheme or '(none)'!r} in {url[:200]!r}")
    if not parts.hostname:
        raise BadURL(f"link without host: {url[:200]!r}")
    if "@" in parts.netloc:   # credentials are never part of an article's address
        parts = parts._replace(netloc=parts.netloc.rsplit("@", 1)[1])
    try:
        # Given a split URL courlan skips its html.unescape step, which would read
        # "&section=" as the entity "&sect;". The query is left out of it: courlan drops
        # value-less keys and more parameters than trackers.
        base = courlan.normalize_url(parts._replace(query="", fragment=""))
    except ValueError as err:  # courlan raises on malformed netlocs (bad port, IPv6)
        raise BadURL(f"malformed link {url[:200]!r}: {err}") from err
    base = urldefrag(base)[0]
    if not parts.query:
        return base
    cleaned = url_query_cleaner(urlunsplit(parts._replace(fragment="")),
                                _trackers_in(parts.query), remove=True,
                                keep_fragments=False)
    query = urlsplit(cleaned).query
    return f"{base}?{query}" if query else base


@lru_cache(maxsize=1)
def _tracking_rules() -> tuple[frozenset, tuple]:
    names, prefixes = set(), []
    with open(SEEDS_DIR / "tracking_params.txt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip().lower()
            if line and not line.startswith("#"):
                (prefixes.append(line[:-1]) if line.endswith("*") else names.add(line))
    return frozenset(names), tuple(prefixes)


def _trackers_in(query: str) -> list[str]:
    """The keys of ``query`` that are click trackers, as written."""
    names, prefixes = _tracking_rules()
    keys = {part.split("=", 1)[0] for part in query.split("&") if part}
    return sorted(k for k in keys if k.lower() in names or k.lower().startswith(prefixes))


_USERINFO = re.compile(r"(?i)\b((?:https?|ftp|gs)://)[^/?#@\s]*@")


def redact(text):
    """``text`` with the userinfo ("user:password@") of every URL in it removed: feed
    URLs may carry credentials, which are for the request only, never stored or shown."""
    return _USERINFO.sub(r"\1", text) if isinstance(text, str) else text


def article_id(normalized_url: str) -> str:
    """Stable id of an article: sha256 of its normalised URL, 32 hex characters."""
    return hashlib.sha256(normalized_url.encode("utf-8")).hexdigest()[:32]


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
