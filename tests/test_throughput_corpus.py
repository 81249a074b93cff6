"""The throughput benchmark's corpus builder, on paragraphs of our own writing: distinct
articles spread evenly over hosts and feeds, feeds of teasers (so pages are fetched), and
pages whose main text the pipeline's cleaner recovers without the page furniture."""
from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

from orewire.cleaning import extract_page
from orewire.feeds import entry_to_item, parse_feed

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "throughput.py"
_spec = importlib.util.spec_from_file_location("throughput", _PATH)
tp = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("throughput", tp)  # benchmarks/ is scripts, not a package
_spec.loader.exec_module(tp)

COUNTRIES = ["Chile", "Australia", "Indonesia", "Canada", "Brazil", "Kazakhstan"]
METALS = ["lithium", "copper", "nickel", "cobalt", "graphite", "tungsten"]
PARAGRAPHS = [f"Paragraph {i}: output of {METALS[i % 6]} in {COUNTRIES[i % 5]} rose by "
              f"{i + 3} percent last quarter, according to figures the ministry released "
              f"on Tuesday, while exporters in the region waited for new permits."
              for i in range(300)]


def test_articles_are_distinct_and_spread_over_hosts_and_feeds():
    articles = tp.build_corpus(PARAGRAPHS, 100, hosts=10, feeds=5, min_words=150,
                               max_words=300)
    assert len(articles) == 100
    assert len({a.text for a in articles}) == 100
    by_host: dict[str, int] = {}
    for a in articles:
        by_host[a.host] = by_host.get(a.host, 0) + 1
        assert a.host.startswith("127.")
        assert 150 <= a.words <= 300 + max(len(p.split()) for p in PARAGRAPHS)
    # no two alike: any two share at most a quarter of the shorter one's words
    for i, a in enumerate(articles):
        for b in articles[i + 1:]:
            shared = sum(len(p.split()) for p in set(a.paragraphs) & set(b.paragraphs))
            assert shared <= tp.MAX_SHARED * min(a.words, b.words)
    assert sorted(by_host.values()) == [10] * 10
    assert sorted({a.feed for a in articles}) == [0, 1, 2, 3, 4]
    assert len({(a.host, a.path) for a in articles}) == 100
    # seeded: the same corpus every time, and a larger one starts with the smaller
    again = tp.build_corpus(PARAGRAPHS, 150, hosts=10, feeds=5, min_words=150,
                            max_words=300)
    assert [a.text for a in again[:100]] == [a.text for a in articles]


def test_feed_entries_are_teasers_so_pages_get_fetched():
    articles = tp.build_corpus(PARAGRAPHS, 20, hosts=4, feeds=2)
    in_feed = [a for a in articles if a.feed == 0]
    parsed = parse_feed(tp.render_feed(in_feed, 8080, 0), "http://127.43.0.1:8080/feed.xml")
    assert len(parsed.entries) == len(in_feed) == 10
    now = dt.datetime.now(dt.timezone.utc)
    items = [entry_to_item(e, feed_url="http://127.43.0.1:8080/feed.xml",
                           feed_title=parsed.title, base_url=None, now=now)
             for e in parsed.entries]
    assert all(not item.get("full_text") for item in items)
    assert {item["url"] for item in items} == {f"http://{a.host}:8080{a.path}"
                                              for a in in_feed}


def test_pages_give_back_their_article_text():
    articles = tp.build_corpus(PARAGRAPHS, 8, hosts=2, feeds=1)
    a = articles[0]
    html = tp.render_page(a, 8080, articles[1:4]).decode("utf-8")
    page = extract_page(html, f"http://{a.host}:8080{a.path}")
    for paragraph in a.paragraphs:
        assert paragraph in page["text"]
    assert "Related" not in page["text"] and "All rights reserved" not in page["text"]
    assert page["canonical_url"] == f"http://{a.host}:8080{a.path}"


def test_process_tree_rss_counts_this_process():
    rss, procs = tp.tree_rss(__import__("os").getpid())
    assert rss > 10 * 2**20 and procs >= 1


def _own():
    import re  # noqa: PLC0415
    return re.compile(r"(?<![\w.])(?:" + re.escape(str(tp.ROOT)) + r"[/\\])?transforms[/\\](\w+)\.py")


WORKER = ('process 10:"python -m orewire.pipeline.cli run --warehouse /tmp/x.duckdb";'
          'process 12:"python -m apache_beam.runners.worker.sdk_worker_main"')
BUNDLE = ("run (apache_beam/utils/thread_pool_executor.py:37);"
          "process_bundle (apache_beam/runners/worker/bundle_processor.py:1358)")


def test_profile_stack_goes_to_the_deepest_project_transform():
    stack = f"{WORKER};{BUNDLE};process (transforms/tag_minerals.py:42);" \
            "tag_doc (orewire/linking.py:105);pipe (spacy/language.py:1618)"
    assert tp.classify_stack(stack, _own()) == "tag_minerals"


def test_profile_stack_without_its_stage_frame_goes_to_the_library():
    # py-spy lost the DoFn's frame; the process header naming a .duckdb file must not
    # make it a warehouse write
    stack = f"{WORKER};{BUNDLE};pipe (spacy/language.py:1618);_pipe (spacy/util.py:1763)"
    assert tp.classify_stack(stack, _own()).startswith("spaCy/thinc")
    stack = f"{WORKER};{BUNDLE};bare_extraction (trafilatura/core.py:278)"
    assert tp.classify_stack(stack, _own()) == "clean_articles"


def test_profile_stack_that_only_waits_is_set_aside():
    stack = f"{WORKER};_bootstrap (threading.py:1002);channel_spin (grpc/_channel.py:1725)"
    assert tp.classify_stack(stack, _own()) == tp.WAITING
    stack = f"{WORKER};{BUNDLE};process_encoded (apache_beam/runners/worker/bundle_processor.py:263)"
    assert tp.classify_stack(stack, _own()) == "Beam runtime and other"
