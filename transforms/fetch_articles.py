"""FetchArticles: FeedItems -> RawArticles, fetching the page when the feed lacks the text.

``--fetch auto`` fetches unless the entry carries the full text (150+ words, not a teaser);
``always`` fetches every page, ``never`` none.

The items to fetch are grouped by host, so one worker holds all of a host's pages and its
politeness (requests in flight, delay between starts) holds for the whole run, however
many workers there are; items that carry their text are spread over 256 buckets of their
id instead, on every runner (``fetch_key`` says why). Each worker fetches on a thread pool
across all the hosts it holds (``orewire.fetchqueue.PoliteQueue``) and hands each page on
as soon as it arrives: the steps fused after this one (cleaning, NER, mineral tagging)
work on the first pages while later ones are still being fetched, instead of waiting for
a fetching stage to end. For the same reason the feed-text items
leave through the same DoFn rather than a Flatten: Beam's local runner materialises every
Flatten of two inputs, which would make everything downstream wait for the last page.
"""
from __future__ import annotations

from urllib.parse import urlsplit

import apache_beam as beam
from apache_beam.utils.windowed_value import WindowedValue

from orewire.fetchqueue import PoliteQueue
from orewire.http import Fetcher, FetchError
from orewire.transforms.common import DEAD_LETTERS, counter, dead_letter, item_payload

FETCH_MODES = ("auto", "always", "never")


def needs_fetch(item: dict, mode: str) -> bool:
    if mode == "always":
        return True
    if mode == "never":
        return False
    return not item.get("full_text")


def host_of(item: dict) -> str:
    return (urlsplit(item["url"]).hostname or "").lower()


def fetch_key(item: dict, mode: str) -> str:
    """The host for an item to fetch; for one that carries its text, one of 256 buckets
    of its id. Host names have no spaces, so the two kinds of key never meet.

    The buckets are a portable choice, not a local-runner workaround: the key decides
    which worker holds an item after the GroupByKey, and the steps fused after this one
    (cleaning, NER, tagging) run where it lands. An item with its own text has no host
    politeness to keep, so keying it by host would only pile a full-text feed's entries
    on one key (one worker, a hot key on Dataflow); buckets of its id spread them evenly
    over the workers any runner gives, and 256 of them keep the number of keys bounded
    (more than the workers of a batch job) whatever the number of items."""
    if needs_fetch(item, mode):
        return host_of(item)
    return f"feed text {item['article_id'][:2]}"


class FetchPagesFn(beam.DoFn):
    """(key, FeedItems) -> RawArticles, a page as soon as it arrives; one Fetcher (session)
    and one PoliteQueue of ``threads`` threads per DoFn instance.

    ``process`` passes on the items that need no fetch, queues the others and passes on
    the pages fetched so far; ``finish_bundle`` passes on the rest as they complete. Each
    output keeps its input's window and timestamp."""

    def __init__(self, fetcher_config: dict, mode: str = "auto", threads: int = 32):
        self.fetcher_config = fetcher_config
        self.mode = mode
        self.threads = threads
        self.fetcher = None
        self.queue = None
        self.fetched = counter("pages_fetched")
        self.failed = counter("page_fetch_failures")

    def setup(self):
        self.fetcher = Fetcher(**self.fetcher_config)
        self.queue = PoliteQueue(self._fetch, threads=self.threads,
                                 per_host=self.fetcher.throttle.concurrency)

    def teardown(self):
        if self.queue is not None:
            self.queue.close()
        if self.fetcher is not None:
            self.fetcher.close()

    def _fetch(self, queued):
        item = queued[0]
        try:
            return self.fetcher.get(item["url"], headers={
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"},
                robots=True), None
        except FetchError as err:
            return None, err

    def process(self, keyed, window=beam.DoFn.WindowParam,
                timestamp=beam.DoFn.TimestampParam):
        _key, items = keyed
        for item in items:
            if needs_fetch(item, self.mode):
                self.queue.put(host_of(item), (item, window, timestamp))
            else:
                yield dict(item, text_source="feed")
        for queued, result in self.queue.ready():
            yield from self._emit(queued, *result)

    def finish_bundle(self):
        for queued, result in self.queue.drain():
            yield from self._emit(queued, *result)

    def _emit(self, queued, resp, err):
        """The output for one fetched item, in its own window (a page fetched during
        another element's ``process`` call must not take that element's window)."""
        item, window, timestamp = queued
        if err is not None:
            self.failed.inc()
            yield beam.pvalue.TaggedOutput(DEAD_LETTERS, WindowedValue(dead_letter(
                "fetch_articles", item["url"], err, feed_url=item["feed_url"],
                article_id=item["article_id"], payload=item_payload(item)),
                timestamp, (window,)))
            return
        self.fetched.inc()
        raw = dict(item)
        raw.update(page=resp.body, page_url=resp.url, content_type=resp.content_type,
                   charset=_charset(resp.headers.get("content-type", "")),
                   text_source="page")
        yield WindowedValue(raw, timestamp, (window,))


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


class FetchArticles(beam.PTransform):
    """FeedItems -> {"articles": RawArticles, "dead_letters": ...}."""

    def __init__(self, fetcher_config: dict, mode: str = "auto", threads: int = 32):
        super().__init__()
        if mode not in FETCH_MODES:
            raise ValueError(f"fetch mode must be one of {FETCH_MODES}, not {mode!r}")
        self.fetcher_config = fetcher_config
        self.mode = mode
        self.threads = threads

    def expand(self, items):
        mode = self.mode
        fetched = (items
                   | "KeyByHost" >> beam.Map(lambda item: (fetch_key(item, mode), item))
                   | "GroupByHost" >> beam.GroupByKey()
                   | "FetchPages" >> beam.ParDo(FetchPagesFn(self.fetcher_config, mode,
                                                             self.threads))
                   .with_outputs(DEAD_LETTERS, main="articles"))
        return {"articles": fetched.articles, DEAD_LETTERS: fetched[DEAD_LETTERS]}
