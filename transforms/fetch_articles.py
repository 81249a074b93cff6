"""FetchArticles: FeedItems -> RawArticles, fetching the page when the feed lacks the text.

``--fetch auto`` fetches unless the entry carries the full text (150+ words, not a teaser);
``always`` fetches every page, ``never`` none. Pages are fetched concurrently within a
batch (a thread pool over one shared Fetcher per worker), politely per host.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import apache_beam as beam

from orewire.http import Fetcher, FetchError
from transforms.common import DEAD_LETTERS, counter, dead_letter

FETCH_MODES = ("auto", "always", "never")


def needs_fetch(item: dict, mode: str) -> bool:
    if mode == "always":
        return True
    if mode == "never":
        return False
    return not item.get("full_text")


class FetchPagesFn(beam.DoFn):
    """Fetches a batch of items concurrently; one Fetcher (session) per worker process."""

    def __init__(self, fetcher_config: dict, threads: int = 16):
        self.fetcher_config = fetcher_config
        self.threads = threads
        self.fetcher = None
        self.pool = None
        self.fetched = counter("pages_fetched")
        self.failed = counter("page_fetch_failures")

    def setup(self):
        self.fetcher = Fetcher(**self.fetcher_config)
        self.pool = ThreadPoolExecutor(max_workers=self.threads)

    def teardown(self):
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
        if self.fetcher is not None:
            self.fetcher.close()

    def _fetch(self, item: dict):
        try:
            return item, self.fetcher.get(item["url"], headers={
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"},
                robots=True), None
        except FetchError as err:
            return item, None, err

    def process(self, batch: list):
        for item, resp, err in self.pool.map(self._fetch, batch):
            if err is not None:
                self.failed.inc()
                yield beam.pvalue.TaggedOutput(DEAD_LETTERS, dead_letter(
                    "fetch_articles", item["url"], err, feed_url=item["feed_url"],
                    article_id=item["article_id"], payload=item.get("title")))
                continue
            self.fetched.inc()
            raw = dict(item)
            raw.update(page=resp.body, page_url=resp.url, content_type=resp.content_type,
                       charset=_charset(resp.headers.get("content-type", "")),
                       text_source="page")
            yield raw


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


class FetchArticles(beam.PTransform):
    """FeedItems -> {"articles": RawArticles, "dead_letters": ...}."""

    def __init__(self, fetcher_config: dict, mode: str = "auto", batch_size: int = 16):
        super().__init__()
        if mode not in FETCH_MODES:
            raise ValueError(f"fetch mode must be one of {FETCH_MODES}, not {mode!r}")
        self.fetcher_config = fetcher_config
        self.mode = mode
        self.batch_size = batch_size

    def expand(self, items):
        mode = self.mode
        to_fetch, from_feed = (items | "NeedsFetch" >> beam.Partition(
            lambda item, _n: 0 if needs_fetch(item, mode) else 1, 2))
        fetched = (to_fetch
                   | "SpreadFetches" >> beam.Reshuffle()
                   | "BatchFetches" >> beam.BatchElements(min_batch_size=1,
                                                          max_batch_size=self.batch_size)
                   | "FetchPages" >> beam.ParDo(FetchPagesFn(self.fetcher_config))
                   .with_outputs(DEAD_LETTERS, main="articles"))
        feed_text = from_feed | "UseFeedText" >> beam.Map(
            lambda item: dict(item, text_source="feed"))
        articles = (fetched.articles, feed_text) | "AllRawArticles" >> beam.Flatten()
        return {"articles": articles, DEAD_LETTERS: fetched[DEAD_LETTERS]}
