"""URL normalisation and article ids.

Normalisation is courlan's (trafilatura's URL library: lower-cased scheme and host,
default ports and tracking parameters such as utm_*, fbclid, ref removed) plus dropping
the fragment, which courlan keeps.
"""
from __future__ import annotations

import hashlib
from urllib.parse import urldefrag, urlsplit

import courlan

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
    try:
        # Given a split URL courlan skips its html.unescape step, which would read
        # "&section=" as the entity "&sect;".
        normalized = courlan.normalize_url(urlsplit(urldefrag(url)[0]))
    except ValueError as err:  # courlan raises on malformed netlocs (bad port, IPv6)
        raise BadURL(f"malformed link {url[:200]!r}: {err}") from err
    return urldefrag(normalized)[0]


def article_id(normalized_url: str) -> str:
    """Stable id of an article: sha256 of its normalised URL, 32 hex characters."""
    return hashlib.sha256(normalized_url.encode("utf-8")).hexdigest()[:32]


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
