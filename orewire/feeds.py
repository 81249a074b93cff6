"""Feed lists and feed parsing.

``resolve_feed_args`` turns the ``--feeds`` items (URLs, feed files, directories, .opml and
.txt lists) into feed sources, failing fast on unusable items. ``parse_feed`` reads the
bytes of one feed (RSS/Atom through feedparser, JSON Feed directly) into plain entry dicts.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser

from orewire.cleaning import clean_text, html_to_text
from orewire.urls import BadURL, article_id, host_of, normalize_url

LIST_SUFFIXES = (".opml", ".txt")
FULL_TEXT_MIN_WORDS = 150
_TEASER_END = re.compile(r"(…|\.\.\.|\[…\]|\[\.\.\.\]|read more\W*|continue reading\W*"
                         r"|the post .{0,300} appeared first on .{0,200})\s*$",
                         re.IGNORECASE | re.DOTALL)


class FeedArgumentError(ValueError):
    """An unusable --feeds item (missing file, bad scheme, unreadable list)."""


@dataclass(frozen=True)
class FeedSource:
    feed_url: str   # http(s) URL, or an absolute local path
    kind: str       # "url", "file", or "forbidden" (a list entry that is not read)
    reason: str | None = None   # why a forbidden entry is not read


def _inside(path: Path, directory: Path) -> bool:
    """``path`` lies under ``directory`` without any symlink on the way (whether it exists
    is checked by the caller)."""
    try:
        rel = Path(os.path.abspath(path)).relative_to(os.path.abspath(directory))
    except ValueError:
        return False
    here = Path(os.path.abspath(directory))
    for part in rel.parts:
        here = here / part
        if here.is_symlink():
            return False
    return True


def _feed_files(directory: Path) -> list[Path]:
    """The feed files of a directory tree: no hidden files, no symlinks followed."""
    found = []
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and
                         not os.path.islink(os.path.join(root, d)))
        for name in sorted(files):
            full = Path(root) / name
            if not name.startswith(".") and not full.is_symlink() and full.is_file():
                found.append(full.resolve())
    return sorted(found)


def resolve_feed_args(items: list[str], _depth: int = 0,
                      list_dir: Path | None = None) -> list[FeedSource]:
    """Expand --feeds items into feed sources, in order, without duplicates. Items from
    a local feed list (``list_dir``: its directory) may be URLs or files under that
    directory; anything else becomes a "forbidden" source, reported as a dead letter."""
    if _depth > 5:
        raise FeedArgumentError("feed lists nested more than 5 deep")
    out: list[FeedSource] = []
    for item in items:
        item = item.strip()
        if not item:
            continue
        scheme = urlsplit(item).scheme.lower()
        if scheme in ("http", "https"):
            if not urlsplit(item).hostname:
                raise FeedArgumentError(f"feed URL without host: {item}")
            out.append(FeedSource(item, "url"))
            continue
        if scheme == "gs":
            out.extend(_resolve_gcs(item, _depth))
            continue
        if len(scheme) > 1:  # a one-letter scheme is a Windows drive, not a URL
            raise FeedArgumentError(
                f"unsupported feed scheme {scheme!r} in {item!r} (use http(s) URLs or paths)")
        if list_dir is not None and not _inside(Path(item), list_dir):
            # a list may name files under its own directory only ("/proc/self/environ",
            # "../../secrets" and symlinks out of it are not read)
            out.append(FeedSource(item, "forbidden",
                                  f"feed list entry {item!r} is not a file under the "
                                  f"list's directory {list_dir}; not read"))
            continue
        path = Path(item).expanduser()
        if path.is_dir():
            out.extend(FeedSource(str(p), "file") for p in _feed_files(path))
        elif path.is_file():
            if path.suffix.lower() == ".opml":
                out.extend(resolve_feed_args(read_opml(path), _depth + 1,
                                             Path(os.path.abspath(path)).parent))
            elif path.suffix.lower() == ".txt":
                out.extend(resolve_feed_args(read_text_list(path), _depth + 1,
                                             Path(os.path.abspath(path)).parent))
            else:
                out.append(FeedSource(str(path.resolve()), "file"))
        else:
            raise FeedArgumentError(f"feed file or list not found: {item}")
    seen, unique = set(), []
    for src in out:
        if src.feed_url not in seen:
            seen.add(src.feed_url)
            unique.append(src)
    return unique


def _resolve_gcs(item: str, depth: int) -> list[FeedSource]:
    """A gs:// feed file, folder (ending in /) or list (.opml/.txt), read through Beam's
    FileSystems so a Dataflow launcher's credentials apply; workers read the feed files.
    Relative entries of a gs:// list are taken relative to the list."""
    from apache_beam.io.filesystem import CompressionTypes  # noqa: PLC0415
    from apache_beam.io.filesystems import FileSystems  # noqa: PLC0415
    try:
        if item.endswith("/"):
            found = FileSystems.match([item + "*"])[0].metadata_list
            return [FeedSource(m.path, "file") for m in sorted(found, key=lambda m: m.path)
                    if not m.path.endswith("/")]
        if not FileSystems.exists(item):
            raise FeedArgumentError(f"feed file or list not found: {item}")
        if not item.lower().endswith(LIST_SUFFIXES):
            return [FeedSource(item, "file")]
        with FileSystems.open(item, compression_type=CompressionTypes.UNCOMPRESSED) as fh:
            data = fh.read()
        if item.lower().endswith(".opml"):
            entries = [o.get("xmlUrl").strip() for o in ET.fromstring(data).iter("outline")
                       if o.get("xmlUrl")]
        else:
            entries = [ln.strip() for ln in data.decode("utf-8").splitlines()
                       if ln.strip() and not ln.strip().startswith("#")]
    except FeedArgumentError:
        raise
    except Exception as err:  # noqa: BLE001 (Beam's IO errors, auth, XML, encoding)
        raise FeedArgumentError(f"cannot read {item}: {str(err).splitlines()[0][:300]}") \
            from err
    base = item.rsplit("/", 1)[0] + "/"
    return resolve_feed_args([e if urlsplit(e).scheme else base + e for e in entries],
                             depth + 1)


def _relative_to(base: Path, item: str) -> str:
    if urlsplit(item).scheme.lower() in ("http", "https") or Path(item).is_absolute():
        return item
    return str((base.parent / item))


def read_text_list(path: Path) -> list[str]:
    """One URL or path a line; blank lines and # comments skipped; paths relative to the list."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise FeedArgumentError(f"cannot read feed list {path}: {err}") from err
    return [_relative_to(path, ln.strip()) for ln in lines
            if ln.strip() and not ln.strip().startswith("#")]


def read_opml(path: Path) -> list[str]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as err:
        raise FeedArgumentError(f"cannot read OPML {path}: {err}") from err
    return [_relative_to(path, o.get("xmlUrl").strip()) for o in root.iter("outline")
            if o.get("xmlUrl")]


# ---------------------------------------------------------------- parsing one feed

@dataclass
class ParsedFeed:
    title: str | None
    link: str | None = None     # the site's address, the base for relative entry links
    entries: list[dict] = field(default_factory=list)
    bozo_reason: str | None = None
    format: str = ""


def _struct_to_dt(st) -> dt.datetime | None:
    if not st:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(st), tz=dt.timezone.utc)
    except (OverflowError, ValueError, TypeError):
        return None


def _parse_iso(value) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        d = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return d if d.tzinfo else d.replace(tzinfo=dt.timezone.utc)


_BAD_CHAR_REFS = re.compile(rb"&#(?:[xX]0*(?:[dD][89a-fA-F][0-9a-fA-F]{2}|0{0,2})|"
                            rb"0*(?:5529[6-9]|55[3-9]\d\d|56\d{3}|57[0-2]\d\d|573[0-3]\d|"
                            rb"5734[0-3]|0))\s*;")


def parse_feed(data: bytes, feed_url: str) -> ParsedFeed:
    """Parse feed bytes. Raises ValueError when the bytes are no feed at all."""
    head = data[:64].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{"):
        return _parse_json_feed(data)
    # Our cleaner handles the HTML, so feedparser's sanitiser and URI resolution are off
    # (they cost about 4x its parse time).
    # A character reference to a surrogate or NUL ("&#xD800;") makes feedparser fail on
    # the whole feed; it is the replacement character, like any undecodable character.
    data = _BAD_CHAR_REFS.sub(b"&#xFFFD;", data)
    try:
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except (KeyError, IndexError, AttributeError, TypeError) as exc:
        # feedparser's loose parser can fail inside on broken markup ("<channel<item<link
        # </entry</link>" raises KeyError 'links', found by tests/test_fuzz.py): no feed
        raise ValueError(f"not a feed (feedparser failed: {type(exc).__name__}: {exc})"[:500]) \
            from exc
    bozo = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        bozo = f"{type(exc).__name__}: {exc}"[:500] if exc else "malformed feed"
    version = parsed.get("version") or ""
    if not parsed.entries and not version:
        raise ValueError(f"not a feed ({bozo or 'no RSS/Atom root element'})")
    feed = parsed.get("feed", {})
    entries = []
    for e in parsed.entries:
        content_html = ""
        if e.get("content"):
            content_html = max((c.get("value") or "" for c in e["content"]), key=len)
        authors = [a.get("name") for a in e.get("authors", []) if a.get("name")]
        if not authors and e.get("author"):
            authors = [e["author"]]
        entries.append({
            "link": e.get("link") or (e.get("id") if str(e.get("id", "")).startswith("http")
                                      else None),
            "title": e.get("title"),
            "authors": authors,
            "published": _struct_to_dt(e.get("published_parsed") or e.get("updated_parsed")),
            "summary_html": e.get("summary") or "",
            "content_html": content_html,
        })
    return ParsedFeed(title=clean_text(feed.get("title")), link=clean_text(feed.get("link")),
                      entries=[_clean_entry(e) for e in entries], bozo_reason=bozo,
                      format=version)


def _parse_json_feed(data: bytes) -> ParsedFeed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ValueError(f"invalid JSON feed: {err}") from err
    if not isinstance(doc, dict) or "jsonfeed.org" not in str(doc.get("version", "")):
        raise ValueError("JSON document is not a JSON Feed (no jsonfeed.org version)")
    entries = []
    items = doc.get("items")
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        authors = item.get("authors") if isinstance(item.get("authors"), list) else \
            [item.get("author")]
        entries.append({
            "link": _text(item.get("url")) or _text(item.get("external_url")),
            "title": _text(item.get("title")),
            "authors": [_text(a.get("name")) for a in authors
                        if isinstance(a, dict) and _text(a.get("name"))],
            "published": _parse_iso(item.get("date_published") or item.get("date_modified")),
            "summary_html": _text(item.get("summary")) or "",
            "content_html": _text(item.get("content_html")) or
                            (_text(item.get("content_text")) or "").replace("\n", "<br>"),
        })
    return ParsedFeed(title=clean_text(_text(doc.get("title"))),
                      link=clean_text(_text(doc.get("home_page_url"))),
                      entries=[_clean_entry(e) for e in entries], format="json")


def _clean_entry(entry: dict) -> dict:
    """Every string of an entry cleaned once, where it enters (orewire.cleaning.clean_text)."""
    return {k: [clean_text(x) for x in v] if isinstance(v, list) else clean_text(v)
            for k, v in entry.items()}


def _text(value) -> str | None:
    """A JSON Feed field when it is text; anything else counts as missing."""
    return value if isinstance(value, str) else None


def carries_full_text(content_text: str) -> bool:
    """True when the entry's own content is the article: ~150+ words and not a teaser."""
    if len(content_text.split()) < FULL_TEXT_MIN_WORDS:
        return False
    return not _TEASER_END.search(content_text[-400:])


def entry_to_item(entry: dict, *, feed_url: str, feed_title: str | None,
                  base_url: str | None, now: dt.datetime) -> dict:
    """A FeedItem dict from a parsed entry; raises BadURL when the link is unusable."""
    link = entry.get("link")
    if not isinstance(link, str):
        raise BadURL(f"entry link is not text: {link!r}"[:200] if link else "empty link")
    link = link.strip()
    if base_url and link and not urlsplit(link).scheme:
        link = urljoin(base_url, link)
    url = normalize_url(link)
    content_text = html_to_text(entry.get("content_html") or "")
    summary_text = html_to_text(entry.get("summary_html") or "")
    published = entry.get("published")
    if published and published > now:
        published = now  # a date in the future is a feed error; never store one
    return {
        "article_id": article_id(url),
        "url": url,
        "feed_url": feed_url,
        "source": (feed_title or "").strip() or host_of(url),
        "title": (entry.get("title") or "").strip() or None,
        "authors": [a.strip() for a in entry.get("authors") or [] if a and a.strip()],
        "published_at": published,
        "summary": summary_text[:2000] or None,
        "content_text": content_text or summary_text,
        "full_text": carries_full_text(content_text),
        "fetched_at": now,
    }
