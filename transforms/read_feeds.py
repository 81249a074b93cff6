"""ReadFeeds: feed sources -> FeedItems (one per entry), feed_state rows, dead letters.

Each feed is read once: local files from disk (only files named on the command line),
URLs with a conditional GET (ETag / Last-Modified from the previous ``feed_state``), then
parsed with feedparser on the bytes (JSON Feed directly). Entries without a usable http(s)
link become dead letters; a feed that cannot be read or yields no entries is recorded in
``feed_state`` with the reason, and an unreadable one is also a dead letter.
"""
from __future__ import annotations

import apache_beam as beam

from orewire.feeds import entry_to_item, parse_feed
from orewire.http import Fetcher, FetchError
from orewire.urls import redact
from orewire.transforms.common import DEAD_LETTERS, counter, dead_letter, now_utc

FEED_STATE = "feed_state"
MAX_FEED_FILE_BYTES = 50 * 1024 * 1024


class ReadFeedFn(beam.DoFn):
    def __init__(self, fetcher_config: dict, prior_states: dict | None = None):
        self.fetcher_config = fetcher_config
        self.prior_states = prior_states or {}
        self.fetcher = None
        self.feeds_read = counter("feeds_read")
        self.feed_failures = counter("feed_failures")
        self.entries_seen = counter("entries_seen")

    def setup(self):
        self.fetcher = Fetcher(**self.fetcher_config)

    def teardown(self):
        if self.fetcher is not None:
            self.fetcher.close()

    def process(self, source: dict):
        yield from self.read(source,
                             self.prior_states.get(redact(source.get("feed_url"))) or {})

    def read(self, source: dict, prior: dict):
        """Read one feed, given its previous ``feed_state`` row ``prior`` (conditional GET):
        yields its FeedItems, and its new ``feed_state`` row and dead letters as tagged
        outputs. Batch runs take ``prior`` from the warehouse; the streaming poller
        (transforms/poll_feeds.py) keeps it in Beam state from one poll to the next."""
        try:
            yield from self._read(source, prior)
        except Exception as err:  # noqa: BLE001 (a feed must never fail the run)
            # Anything the parsers did not foresee: the feed becomes a dead letter with
            # the error's type and message; entries already emitted stay counted.
            self.feed_failures.inc()
            yield beam.pvalue.TaggedOutput(DEAD_LETTERS, dead_letter(
                "read_feeds", source.get("feed_url"), err, feed_url=source.get("feed_url"),
                retryable=False))

    def _read(self, source: dict, prior: dict):
        # The feed's URL as given (credentials included) is used for the request only;
        # what is stored and shown is ``feed_url``, without them.
        request_url, kind = source["feed_url"], source["kind"]
        feed_url = redact(request_url)
        if kind == "forbidden":   # a feed-list entry naming a file it may not (not read)
            self.feed_failures.inc()
            yield beam.pvalue.TaggedOutput(DEAD_LETTERS, dead_letter(
                "read_feeds", feed_url, source.get("reason") or "forbidden feed-list entry",
                feed_url=feed_url, retryable=False))
            return
        now = now_utc()
        state = {"feed_url": feed_url, "etag": prior.get("etag"),
                 "last_modified": prior.get("last_modified"), "last_polled_at": now,
                 "last_status": "ok", "last_error": None, "entries_last_poll": 0,
                 "consecutive_failures": 0}
        try:
            data, base_url = self._load(request_url, kind, prior, state)
            base_url = redact(base_url)
        except (FetchError, OSError) as err:
            self.feed_failures.inc()
            state.update(last_status="error", last_error=redact(str(err))[:1000],
                         consecutive_failures=(prior.get("consecutive_failures") or 0) + 1)
            yield beam.pvalue.TaggedOutput(FEED_STATE, state)
            yield beam.pvalue.TaggedOutput(DEAD_LETTERS, dead_letter(
                "read_feeds", feed_url, err, feed_url=feed_url))
            return
        if data is None:  # 304 Not Modified
            state["last_status"] = "not_modified"
            self.feeds_read.inc()
            yield beam.pvalue.TaggedOutput(FEED_STATE, state)
            return
        try:
            parsed = parse_feed(data, feed_url)
        except ValueError as err:
            self.feed_failures.inc()
            state.update(last_status="error", last_error=str(err)[:1000],
                         consecutive_failures=(prior.get("consecutive_failures") or 0) + 1)
            yield beam.pvalue.TaggedOutput(FEED_STATE, state)
            # a remote answer is kept for a look; a local file's bytes never are (a file
            # that is no feed may hold anything)
            yield beam.pvalue.TaggedOutput(DEAD_LETTERS, dead_letter(
                "read_feeds", feed_url, err, feed_url=feed_url,
                payload=data[:500] if kind == "url" else None))
            return
        self.feeds_read.inc()
        if parsed.bozo_reason:
            state.update(last_status="bozo", last_error=parsed.bozo_reason)
        if not parsed.entries:
            state.update(last_status="empty",
                         last_error=parsed.bozo_reason or "feed has no entries")
        state["entries_last_poll"] = len(parsed.entries)
        yield beam.pvalue.TaggedOutput(FEED_STATE, state)
        for position, entry in enumerate(parsed.entries, start=1):
            self.entries_seen.inc()
            try:
                yield entry_to_item(entry, feed_url=feed_url, feed_title=parsed.title,
                                    base_url=base_url or _http_or_none(parsed.link), now=now)
            except Exception as err:  # noqa: BLE001 (an entry never fails its feed)
                # Every entry counted is an item or a dead letter (the runs identity). One
                # without a usable link is named by its place in the feed; never by the
                # feed's own URL, which names a feed that could not be read.
                source = entry.get("link") if isinstance(entry.get("link"), str) else None
                if not source or redact(source) == feed_url:
                    source = f"{feed_url}#entry-{position}"
                yield beam.pvalue.TaggedOutput(DEAD_LETTERS, dead_letter(
                    "read_feeds", source, err, feed_url=feed_url,
                    payload=entry.get("title")))

    def _load(self, feed_url: str, kind: str, prior: dict, state: dict):
        if kind == "file":
            with _open_feed_file(feed_url) as fh:
                data = fh.read(MAX_FEED_FILE_BYTES + 1)
            if len(data) > MAX_FEED_FILE_BYTES:
                raise OSError(f"feed file over {MAX_FEED_FILE_BYTES} bytes: {feed_url}")
            return data, None
        headers = {"Accept": "application/rss+xml, application/atom+xml, "
                             "application/feed+json, application/xml;q=0.9, */*;q=0.8"}
        if prior.get("etag"):
            headers["If-None-Match"] = prior["etag"]
        if prior.get("last_modified"):
            headers["If-Modified-Since"] = prior["last_modified"]
        resp = self.fetcher.get(feed_url, headers=headers)
        state["etag"] = resp.headers.get("etag") or state["etag"]
        state["last_modified"] = resp.headers.get("last-modified") or state["last_modified"]
        if resp.status == 304:
            return None, resp.url
        return resp.body, resp.url


def _open_feed_file(path: str):
    if path.startswith("gs://"):  # Beam's FileSystems: the workers' credentials apply
        from apache_beam.io.filesystems import FileSystems  # noqa: PLC0415
        return FileSystems.open(path)
    return open(path, "rb")


def _http_or_none(link):
    return link if isinstance(link, str) and link.lower().startswith(("http://", "https://")) \
        else None


class ReadFeeds(beam.PTransform):
    """PCollection of {feed_url, kind} -> {"items", "feed_state", "dead_letters"}."""

    def __init__(self, fetcher_config: dict, prior_states: dict | None = None):
        super().__init__()
        self.fetcher_config = fetcher_config
        self.prior_states = prior_states

    def expand(self, sources):
        results = (sources
                   | "SpreadFeeds" >> beam.Reshuffle()
                   | "ReadFeed" >> beam.ParDo(ReadFeedFn(self.fetcher_config,
                                                         self.prior_states))
                   .with_outputs(FEED_STATE, DEAD_LETTERS, main="items"))
        return {"items": results.items, FEED_STATE: results[FEED_STATE],
                DEAD_LETTERS: results[DEAD_LETTERS]}
