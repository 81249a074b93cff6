"""The streaming graph for Dataflow (pipeline/streaming_graph.py): its dry run offline, its
step labels (the contract a running job is updated by), and its stateful parts: the feed
poller (conditional GET across polls) and the TTL de-duplication, on the DirectRunner."""
from __future__ import annotations

import datetime as dt
import importlib.util
import re
import time
from pathlib import Path
from typing import Any, Tuple

import apache_beam as beam
import pytest
from apache_beam.metrics.metric import MetricsFilter
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.test_stream import TestStream as BeamTestStream
from apache_beam.testing.util import assert_that, equal_to
from apache_beam.transforms.window import TimestampedValue
from apache_beam.utils.timestamp import Timestamp

from orewire.pipeline.local_runner import LOCAL_RUNNER
from orewire.destinations.bigquery import BigQueryWarehouse, parse_spec
from orewire.query import run_sql
from orewire.urls import article_id, normalize_url
from orewire.destinations import parse_destination
from orewire.destinations.duckdb import DuckDBWarehouse
from orewire.pipeline.build import RunContext
from orewire.pipeline.cli import run
from orewire.pipeline.runs import prepare
from orewire.pipeline.options import OrewireOptions
from orewire.pipeline.streaming_graph import STEP_LABELS, build_streaming_pipeline
from tests.bq_service import bq  # noqa: F401 (fixture)
from tests.conftest import Route
from tests.fixtures import BOLIVIA, CHILE, MYANMAR, paragraphs_html, rss
from tests.test_dataflow import DATAFLOW, no_network  # noqa: F401 (fixture)
from orewire.transforms.common import DEAD_LETTERS, NAMESPACE, dead_letter
from orewire.transforms.deduplicate_stream import (SKIPPED, DeduplicateStream, FirstSightingFn,
                                           first_sighting)
from orewire.transforms.poll_feeds import PollFeeds
from orewire.transforms.read_feeds import FEED_STATE
from orewire.transforms.record_run import WindowRunId, record_window_seconds
from orewire.transforms.write_bigquery import StreamToBigQueryTables

ROOT = Path(__file__).resolve().parent.parent
STREAMING = [*DATAFLOW, "--streaming", "--warehouse", "bigquery:orewire-test.news"]
FETCH = {"allow_private": True, "per_host_delay": 0.0, "retries": 0}
HOUR = 3600

# The top-level steps of the streaming job. A running Dataflow job is updated in place
# (--update) only if the new graph has the same step names: changing this list means
# giving the update a --transform_name_mapping (docs/operations.md, Streaming).
TOP_LEVEL_LABELS = [
    "PollStart", "PollSchedule", "PollTicks", "PollFeeds", "DeduplicateAcrossPolls",
    "WindowReadDeadLetters", "WindowFeedState", "FetchArticles", "CleanArticles",
    "ExtractEntities", "TagMinerals", "StoredSignatures", "MarkDuplicates",
    "LinkMentions", "AllDeadLetters", "StampRows", "ArticleBands", "WriteToBigQuery",
    "FeedStateFacts", "SkippedFacts", "WindowSkippedFacts", "RowFacts", "DeadLetterFacts", "RefusedFacts",
    "WrittenFacts", "PollFacts", "WindowPollFacts", "AllFacts", "RecordRuns",
]


def counters(result) -> dict:
    """Counter totals by name (over the steps that count under one name)."""
    out: dict = {}
    for c in result.metrics().query(MetricsFilter().with_namespace(NAMESPACE))["counters"]:
        out[c.key.metric.name] = out.get(c.key.metric.name, 0) + c.committed
    return out


# ---------------------------------------------------------------- the job graph, offline

def test_streaming_dry_run_builds_the_dataflow_job_offline(no_network, tmp_path, capsys,
                                                           monkeypatch):
    monkeypatch.chdir(tmp_path)  # nothing may be written here
    started = time.monotonic()
    assert run([*STREAMING, "--feeds", str(ROOT / "seeds/sample"),
                "--poll-interval", "120", "--dedup-ttl-hours", "48"]) == 0
    assert time.monotonic() - started < 120
    out = capsys.readouterr().out
    m = re.search(r"dry run: DataflowRunner job graph of (\d+) transforms, 2 feeds -> "
                  r"bigquery:orewire-test.news \(DONE\)", out)
    assert m, out
    assert int(m.group(1)) > 80
    assert no_network == [], f"the dry run reached for the network: {no_network}"
    assert list(tmp_path.iterdir()) == []


def _labels(argv: list[str]) -> set[str]:
    options, ctx = prepare(argv)
    p = beam.Pipeline(options=options)
    build_streaming_pipeline(p, options.view_as(OrewireOptions), ctx)
    return {t.unique_name for t in p.to_runner_api().components.transforms.values()
            if t.unique_name and not t.unique_name.startswith("ref_AppliedPTransform")}


def test_step_labels_are_stable(no_network):
    feeds = ["--feeds", str(ROOT / "seeds/sample")]
    first = _labels([*STREAMING, *feeds])
    # Another launch: another run id and start time, other settings; the same steps.
    second = _labels([*STREAMING, *feeds, "--poll-interval", "60", "--max-polls", "5",
                      "--dedup-ttl-hours", "24"])
    assert first == second
    assert sorted(label for label in first if "/" not in label) == sorted(TOP_LEVEL_LABELS)
    assert list(STEP_LABELS) == TOP_LEVEL_LABELS
    # No label may depend on a line of source code (Beam names an unlabelled lambda by
    # its file and line: an upgrade would rename the step).
    assert [label for label in first if "<lambda" in label or re.search(r"\.py:\d", label)] \
        == []
    for stateful in ("PollFeeds/PollFeed", "DeduplicateAcrossPolls/FirstSighting",
                     "DeduplicateAcrossPolls/SkipStored", "WriteToBigQuery/Stream_articles",
                     "WriteToBigQuery/Stream_dead_letters", "WriteToBigQuery/UpsertFeedState",
                     "RecordRuns/StoreRun"):
        assert stateful in first, stateful


def test_streaming_graph_needs_bigquery():
    options, ctx = prepare([f"--runner={LOCAL_RUNNER}", "--dry_run=True", "--warehouse",
                            "x.duckdb", "--feeds", str(ROOT / "seeds/sample")])
    with pytest.raises(ValueError, match="bigquery:PROJECT.DATASET"):
        build_streaming_pipeline(beam.Pipeline(options=options),
                                 options.view_as(OrewireOptions), ctx)


@pytest.mark.parametrize("args, message", [
    (["--poll-interval", "0"], "--poll-interval must be more than 0"),
    (["--max-polls", "0"], "--max-polls must be at least 1"),
    (["--dedup-ttl-hours", "-1"], "--dedup-ttl-hours must be more than 0"),
])
def test_unusable_streaming_arguments_exit_2(args, message, no_network, capsys):
    assert run([*STREAMING, "--feeds", str(ROOT / "seeds/sample"), *args]) == 2
    assert message in capsys.readouterr().err


def test_flex_template_launcher_passes_streaming_as_beam_takes_it():
    spec = importlib.util.spec_from_file_location("deploy_main", ROOT / "deploy/main.py")
    main = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(main)
    assert main.launcher_args(["--streaming=true", "--poll_interval=60"]) == [
        "--streaming", "--poll_interval=60"]
    assert main.launcher_args(["--streaming=false", "--feeds=x"]) == ["--feeds=x"]
    assert main.launcher_args(["--streaming=", "--feeds=x"]) == ["--feeds=x"]


def test_window_run_ids_and_bookkeeping_windows():
    assert record_window_seconds(300) == 900
    assert record_window_seconds(60) == 900
    assert record_window_seconds(1000) == 1000
    assert record_window_seconds(7) == 7 * 129
    run_id_at = WindowRunId("20250101T000000Z-ab12", 900)
    at = Timestamp.from_utc_datetime(dt.datetime(2025, 5, 1, 8, 14, 59,
                                                 tzinfo=dt.timezone.utc))
    assert run_id_at(at) == "20250101T000000Z-ab12-w20250501T080000Z"
    assert run_id_at(at + 1) == "20250101T000000Z-ab12-w20250501T081500Z"


# ---------------------------------------------------------------- de-duplication with a TTL

def test_first_sighting_logic():
    ttl = 72 * HOUR * 10**6
    assert first_sighting(None, 5, ttl)
    assert not first_sighting(5, 5, ttl)
    assert not first_sighting(0, ttl - 1, ttl)
    assert first_sighting(0, ttl, ttl)  # state that outlived its TTL counts as gone


def _streaming_pipeline():
    options = PipelineOptions([f"--runner={LOCAL_RUNNER}"])
    options.view_as(StandardOptions).streaming = True
    return BeamTestPipeline(options=options)


def test_first_sighting_forgets_ids_after_the_ttl():
    """Event time is the polls' ticks: an id is skipped while its state lives, and new
    again once the timer cleared it (TestStream drives the watermark)."""
    def at(key, seconds):
        return TimestampedValue((key, {"article_id": key, "t": seconds}), seconds)

    stream = (BeamTestStream()
              .advance_watermark_to(0)
              .add_elements([at("a", 0), at("b", 0)])
              .advance_watermark_to(60)
              .add_elements([at("a", 60), at("c", 60)])          # a: a repeat
              .advance_watermark_to(HOUR + 30)
              .add_elements([at("b", HOUR + 30)])                # b: within the TTL
              .advance_watermark_to(2 * HOUR + 90)               # a's and c's timers fire
              .add_elements([at("a", 2 * HOUR + 90), at("c", 2 * HOUR + 90)])
              .advance_watermark_to_infinity())
    p = _streaming_pipeline()
    out = (p | stream
           | beam.ParDo(FirstSightingFn(ttl_seconds=2 * HOUR)).with_input_types(
               Tuple[str, Any]).with_outputs(SKIPPED, main="items"))
    assert_that(out.items | "Seen" >> beam.Map(lambda i: (i["article_id"], i["t"])),
                equal_to([("a", 0), ("b", 0), ("c", 60), ("a", 2 * HOUR + 90),
                          ("c", 2 * HOUR + 90)]), label="New")
    assert_that(out[SKIPPED], equal_to(["a", "b"]), label="Skipped")
    # (Not the counter: the streaming DirectRunner of Beam 2.77 loses the counts of a
    # stateful DoFn's later bundles; the skipped output shows the same.)
    p.run().wait_until_finish()


def _item(link: str) -> dict:
    url = normalize_url(link)
    return {"article_id": article_id(url), "url": url, "feed_url": "f"}


def test_deduplicate_stream_skips_repeats_and_stored_ids(tmp_path):
    warehouse = str(tmp_path / "w.duckdb")
    stored = _item("https://news.example.org/stored")
    with DuckDBWarehouse(warehouse) as wh:
        wh.insert_rows("articles", [stored])
    new = _item("https://news.example.org/new")
    # The same story with tracking parameters: the same article_id, so a repeat.
    tracked = _item("https://news.example.org/new?utm_source=rss&utm_medium=feed")
    assert tracked["article_id"] == new["article_id"]
    other = _item("https://news.example.org/other")
    p = BeamTestPipeline(options=PipelineOptions([f"--runner={LOCAL_RUNNER}"]))
    out = (p | beam.Create([stored, new, tracked, other])
           | DeduplicateStream(72 * HOUR, 300, parse_destination(warehouse)))
    assert_that(out["items"] | beam.Map(lambda i: i["article_id"]),
                equal_to([new["article_id"], other["article_id"]]), label="New")
    assert_that(out[SKIPPED], equal_to([stored["article_id"], new["article_id"]]),
                label="Skipped")
    result = p.run()
    result.wait_until_finish()
    assert counters(result)["duplicates_skipped"] == 2


# ---------------------------------------------------------------- the stateful feed poller

def _feed(server) -> str:
    return rss("Metals Desk", [
        {"title": "Chile copper", "link": server.url("/news/chile?utm_source=rss"),
         "content": paragraphs_html(CHILE)},
        {"title": "Bolivia lithium", "link": server.url("/news/bolivia"),
         "content": paragraphs_html(BOLIVIA)},
    ])


def _poll(server, ticks: int, check_items, check_states, prior_states: dict | None = None):
    """Poll the server's feed ``ticks`` times; the checks get the items and the
    feed_state rows (inside the pipeline, as assert_that matchers)."""
    url = server.url("/feed.xml")
    p = BeamTestPipeline(options=PipelineOptions([f"--runner={LOCAL_RUNNER}"]))
    out = (p | beam.Create(list(range(ticks)))
           | PollFeeds([{"feed_url": url, "kind": "url"}], FETCH, prior_states))
    assert_that(out["items"], check_items, label="Items")
    assert_that(out[FEED_STATE], check_states, label="States")
    p.run().wait_until_finish()


def _conditional_headers(server) -> list[tuple]:
    return [(h.get("If-None-Match"), h.get("If-Modified-Since"))
            for path, h in server.requests if path == "/feed.xml"]


def test_poller_carries_the_etag_from_poll_to_poll(server):
    modified = "Tue, 04 Mar 2025 10:00:00 GMT"
    server.routes["/feed.xml"] = [
        Route(_feed(server), headers={"Content-Type": "application/rss+xml",
                                      "ETag": '"v1"', "Last-Modified": modified}),
        Route(b"", 304, headers={"ETag": '"v1"'})]
    urls = sorted([server.url("/news/bolivia"), server.url("/news/chile")])

    def check_items(items):
        assert sorted(i["url"] for i in items) == urls  # once: the second poll got a 304

    def check_states(states):
        assert sorted(s["last_status"] for s in states) == ["not_modified", "ok"]
        assert {s["etag"] for s in states} == {'"v1"'}

    _poll(server, 2, check_items, check_states)
    assert _conditional_headers(server) == [(None, None), ('"v1"', modified)]


def test_poller_keeps_the_etag_while_the_feed_is_down(server):
    server.routes["/feed.xml"] = [
        Route(_feed(server), headers={"Content-Type": "application/rss+xml",
                                      "ETag": '"v1"'}),
        Route(b"unavailable", 503),
        Route(b"", 304)]

    def check_items(items):
        assert len(items) == 2

    def check_states(states):
        by_status = {s["last_status"]: s for s in states}
        assert sorted(by_status) == ["error", "not_modified", "ok"]
        assert by_status["error"]["consecutive_failures"] == 1
        assert by_status["error"]["etag"] == '"v1"'
        assert by_status["not_modified"]["consecutive_failures"] == 0

    _poll(server, 3, check_items, check_states)
    # The poll after the outage is a conditional GET with the ETag from before it.
    assert [h[0] for h in _conditional_headers(server)] == [None, '"v1"', '"v1"']


def test_poller_starts_from_the_stored_feed_state(server):
    server.routes["/feed.xml"] = Route(b"", 304)
    url = server.url("/feed.xml")

    def check_states(states):
        assert [s["last_status"] for s in states] == ["not_modified"]

    _poll(server, 1, equal_to([]), check_states, prior_states={url: {
        "feed_url": url, "etag": '"v7"', "last_modified": None, "consecutive_failures": 0,
        "last_polled_at": dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)}})
    assert _conditional_headers(server) == [('"v7"', None)]


# ---------------------------------------------------------------- against the emulator

def test_stored_article_ids_asks_with_an_array_parameter(bq):  # noqa: F811
    project, dataset = parse_spec(bq.new_dataset("ids"))
    with BigQueryWarehouse(project, dataset, endpoint=bq.endpoint) as wh:
        wh.insert_rows("articles", [_item("https://news.example.org/a"),
                                    _item("https://news.example.org/b")])
        a, b, c = (_item(f"https://news.example.org/{x}")["article_id"] for x in "abc")
        assert wh.stored_article_ids([a, c, a]) == {a}
        assert wh.stored_article_ids([b, a]) == {a, b}
        assert wh.stored_article_ids([]) == set()


def test_stream_writes_go_straight_into_the_tables(bq):  # noqa: F811
    spec = bq.new_dataset("stream")
    project, dataset = parse_spec(spec)
    BigQueryWarehouse(project, dataset, endpoint=bq.endpoint).close()  # the tables
    now = dt.datetime(2025, 5, 1, 8, tzinfo=dt.timezone.utc)
    good = dict(_item("https://news.example.org/good"), published_at=now, title="Good")
    bad = dict(_item("https://news.example.org/bad"), published_at=now,
               word_count="many")  # not an INT64: refused by BigQuery, a dead letter
    failed = dead_letter("fetch_articles", "https://news.example.org/gone", "HTTP 404",
                         feed_url="f")
    states = [{"feed_url": "f", "etag": '"v1"', "last_polled_at": now,
               "last_status": "ok", "entries_last_poll": 2, "consecutive_failures": 0},
              {"feed_url": "f", "etag": '"v2"', "last_polled_at": now + dt.timedelta(
                  seconds=60), "last_status": "ok", "entries_last_poll": 3,
               "consecutive_failures": 0}]
    p = BeamTestPipeline(options=PipelineOptions([f"--runner={LOCAL_RUNNER}"]))
    written = ({"articles": p | "Articles" >> beam.Create([good, bad]),
                DEAD_LETTERS: p | "Dead" >> beam.Create([failed]),
                FEED_STATE: p | "States" >> beam.Create(states)}
               | StreamToBigQueryTables(parse_destination(spec, endpoint=bq.endpoint),
                                        lambda _ts: "stream-run"))
    assert_that(written["articles"] | beam.CombinePerKey(sum), equal_to([("articles", 1)]),
                label="Articles")
    assert_that(written["feed_state"], equal_to([("feed_state", 1)]), label="States")
    p.run().wait_until_finish()
    rows = run_sql(spec, "SELECT article_id, title FROM articles", endpoint=bq.endpoint)[1]
    assert [tuple(r) for r in rows] == [(good["article_id"], "Good")]
    dead = run_sql(spec, "SELECT stage, article_id, run_id FROM dead_letters ORDER BY stage",
                   endpoint=bq.endpoint)[1]
    assert [tuple(r) for r in dead] == [("fetch_articles", None, "stream-run"),
                                        ("write_warehouse", bad["article_id"], "stream-run")]
    state = run_sql(spec, "SELECT feed_url, etag, entries_last_poll FROM feed_state",
                    endpoint=bq.endpoint)[1]
    assert [tuple(r) for r in state] == [("f", '"v2"', 3)]  # the latest poll's row


def test_streaming_graph_runs_bounded_on_the_direct_runner(bq, server):  # noqa: F811
    """The whole graph, bounded by --max-polls, on the DirectRunner (which runs it as a
    batch: Dataflow runs it as a stream): the second poll's 304 adds nothing, the rows,
    feed_state and the window's runs row are stored. (Not a test of de-duplication across
    polls: Beam's local runner fires the TTL timers after every bundle; the TestStream
    test above covers it.)"""
    spec = bq.new_dataset("graph")
    server.routes["/feed.xml"] = [
        Route(_feed(server), headers={"Content-Type": "application/rss+xml",
                                      "ETag": '"v1"'}),
        Route(b"", 304)]
    argv = [f"--runner={LOCAL_RUNNER}", "--warehouse", spec, "--bigquery-endpoint",
            bq.endpoint, "--poll-interval", "1", "--max-polls", "2", "--fetch", "never",
            "--allow-private-network", "--per-host-delay", "0"]
    dest = parse_destination(spec, endpoint=bq.endpoint)
    with dest.open():
        pass  # the tables, as `orewire run` makes them before submitting
    options = PipelineOptions(argv)
    ctx = RunContext(run_id="graphtest", started_at=dt.datetime.now(dt.timezone.utc),
                     destination=dest,
                     sources=[{"feed_url": server.url("/feed.xml"), "kind": "url"}])
    p = beam.Pipeline(options=options)
    build_streaming_pipeline(p, options.view_as(OrewireOptions), ctx)
    p.run().wait_until_finish()

    def rows(sql):
        return [tuple(r) for r in run_sql(spec, sql, endpoint=bq.endpoint)[1]]

    assert rows("SELECT url, ARRAY_TO_STRING(mineral_ids, ',') FROM articles ORDER BY url") \
        == [(server.url("/news/bolivia"), "lithium"), (server.url("/news/chile"), "copper")]
    window_run = rows("SELECT DISTINCT run_id FROM articles")
    assert len(window_run) == 1 and window_run[0][0].startswith("graphtest-w")
    assert rows("SELECT run_id, mode, feeds, entries_seen, articles_written, "
                "duplicates_skipped, dead_letters FROM runs") == [
        (window_run[0][0], "streaming", 2, 2, 2, 0, 0)]
    assert rows("SELECT etag, last_status FROM feed_state") == [('"v1"', "not_modified")]
    assert [h[0] for h in _conditional_headers(server)] == [None, '"v1"']
    # the stream indexes its articles' bands as it writes them, as a batch run does
    assert rows("SELECT COUNT(DISTINCT article_id), COUNT(*) FROM article_bands") == [(2, 64)]


def test_streaming_graph_ends_at_its_deadline(bq, server):  # noqa: F811
    """A deadline before the last poll: the job polls until the deadline, stores what it
    read and ends (Dataflow drains it the same way)."""
    import time  # noqa: PLC0415
    spec = bq.new_dataset("deadline")
    # later polls are answered 304 (the local runner processes all polls' items at once,
    # so a repeat would not yet be seen as stored: the bounded test above says why)
    server.routes["/feed.xml"] = [Route(_feed(server), headers={
        "Content-Type": "application/rss+xml", "ETag": '"v1"'})] + [Route(b"", 304)] * 10
    argv = [f"--runner={LOCAL_RUNNER}", "--warehouse", spec, "--bigquery-endpoint",
            bq.endpoint, "--poll-interval", "1", "--fetch", "never",
            "--allow-private-network", "--per-host-delay", "0",
            "--max-polls", "40"]   # a safety net only: without the deadline, 40 polls
    dest = parse_destination(spec, endpoint=bq.endpoint)
    with dest.open():
        pass
    options = PipelineOptions(argv)
    started = dt.datetime.now(dt.timezone.utc)
    ctx = RunContext(run_id="deadlinetest", started_at=started, destination=dest,
                     sources=[{"feed_url": server.url("/feed.xml"), "kind": "url"}],
                     deadline_at=started.timestamp() + 3.0)
    p = beam.Pipeline(options=options)
    build_streaming_pipeline(p, options.view_as(OrewireOptions), ctx)
    t0 = time.monotonic()
    p.run().wait_until_finish()
    assert time.monotonic() - t0 < 30           # it ended: the deadline stopped the polls
    polls = len(_conditional_headers(server))
    assert 1 <= polls <= 4                       # about one a second for three seconds
    assert [tuple(r) for r in run_sql(spec, "SELECT COUNT(*) FROM articles",
                                      endpoint=bq.endpoint)[1]] == [(2,)]


def test_streaming_graph_in_streaming_mode_stores_each_story_once(bq, server):  # noqa: F811
    """The whole graph in streaming mode (the DirectRunner's, with TestStream ticks in place
    of the clock: 4 polls 10 minutes apart, two bookkeeping windows of 20 minutes). The
    feed slides (the latest stories only), is down for a poll, and repeats an old story
    with tracking parameters: each story is stored once, each window has its runs row."""
    spec = bq.new_dataset("tstream")
    chile = {"title": "Chile copper", "link": server.url("/news/chile"),
             "content": paragraphs_html(CHILE)}
    bolivia = {"title": "Bolivia lithium", "link": server.url("/news/bolivia"),
               "content": paragraphs_html(BOLIVIA)}
    myanmar = {"title": "Myanmar tin", "link": server.url("/news/myanmar"),
               "content": paragraphs_html(MYANMAR)}
    chile_tracked = dict(chile, link=server.url("/news/chile?utm_source=x&utm_medium=rss"))
    headers = {"Content-Type": "application/rss+xml"}
    down = Route(b"unavailable", 503)
    server.routes["/feed.xml"] = [
        Route(rss("Desk", [chile, bolivia]), headers=headers),
        Route(rss("Desk", [bolivia, myanmar]), headers=headers),
        down, down, down,  # the third poll: a request and its two retries
        Route(rss("Desk", [myanmar, chile_tracked]), headers=headers)]
    dest = parse_destination(spec, endpoint=bq.endpoint)
    with dest.open():
        pass
    options = PipelineOptions([
        f"--runner={LOCAL_RUNNER}", "--streaming", "--warehouse", spec, "--bigquery-endpoint",
        bq.endpoint, "--poll-interval", "600", "--fetch", "never", "--allow-private-network",
        "--per-host-delay", "0"])
    start = 1_800_000_000  # a multiple of the 20-minute bookkeeping window
    ctx = RunContext(run_id="tstream", destination=dest, started_at=dt.datetime.fromtimestamp(
        start, dt.timezone.utc), sources=[{"feed_url": server.url("/feed.xml"),
                                           "kind": "url"}])
    ticks = BeamTestStream().advance_watermark_to(start)
    for poll in range(4):
        at = start + 600 * poll
        ticks = ticks.add_elements([TimestampedValue(at, at)]).advance_watermark_to(at + 599)
    p = beam.Pipeline(options=options)
    build_streaming_pipeline(p, options.view_as(OrewireOptions), ctx,
                             ticks=p | "TestTicks" >> ticks.advance_watermark_to_infinity())
    p.run().wait_until_finish()

    def rows(sql):
        return [tuple(r) for r in run_sql(spec, sql, endpoint=bq.endpoint)[1]]

    first, second = "tstream-w20270115T080000Z", "tstream-w20270115T082000Z"
    assert rows("SELECT url, run_id FROM articles ORDER BY url") == [
        (server.url("/news/bolivia"), first), (server.url("/news/chile"), first),
        (server.url("/news/myanmar"), first)]
    # the third poll's failure is a feed dead letter, outside the entries' identity
    # (DESIGN.md, runs): entries_seen + retried = written + duplicates + dead_letters
    assert rows("SELECT run_id, mode, feeds, entries_seen, articles_written, "
                "duplicates_skipped, dead_letters, feed_dead_letters FROM runs "
                "ORDER BY run_id") == [
        (first, "streaming", 2, 4, 3, 1, 0, 0), (second, "streaming", 2, 2, 0, 2, 0, 1)]
    assert rows("SELECT stage, run_id FROM dead_letters") == [("read_feeds", second)]
    assert rows("SELECT last_status, consecutive_failures FROM feed_state") == [("ok", 0)]


def test_insert_ids_are_the_whole_key():
    from orewire.transforms.write_bigquery import StreamRowsFn  # noqa: PLC0415
    bands_fn = StreamRowsFn(None, "article_bands")
    # two articles sharing a band are two rows, not one row sent twice
    assert bands_fn.insert_id({"band": "3:ab", "article_id": "x"}) != \
        bands_fn.insert_id({"band": "3:ab", "article_id": "y"})
    assert StreamRowsFn(None, "articles").insert_id({"article_id": "x"}) == "x"
