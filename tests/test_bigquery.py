"""BigQuery: the same feeds written to BigQuery (the emulator) and to DuckDB, compared.

Needs the BigQuery emulator (``make test`` starts it; see tests/bq_service.py).
"""
from __future__ import annotations

import datetime as dt

import pytest

from orewire.destinations import parse_destination
from orewire.destinations.bigquery import (BigQueryWarehouse, parse_spec, staging_table_name,
                                           to_json_row)
from orewire.shards import rows_to_table, write_arrow_shard
from orewire.query import run_sql
from orewire.pipeline.cli import main, run
from tests.bq_service import bq  # noqa: F401 (fixture)
from tests.conftest import Route
from tests.fixtures import CHILE, paragraphs_html, rss
from tests.test_e2e import _serve_news, summary_count

FAST = ["--per-host-delay", "0", "--quiet"]
ARTICLES = ("SELECT article_id, url, title, source, text_source, ARRAY_TO_STRING(mineral_ids, ',') "
            "AS minerals, ARRAY_TO_STRING(country_codes, ',') AS countries, "
            "published_at IS NULL AS undated FROM articles")
MINERAL_IDS = ("SELECT article_id, mineral FROM articles, UNNEST(mineral_ids) AS mineral")
DEAD = "SELECT stage, source, error_type, retryable FROM dead_letters"


# ---------------------------------------------------------------- no emulator needed

def test_spec_parsing():
    assert parse_spec("bigquery:orewire-test.news") == ("orewire-test", "news")
    assert parse_spec("bigquery:example.com:my-proj.news_2") == ("example.com:my-proj",
                                                                 "news_2")
    assert parse_spec("bigquery:proj.news") == ("proj", "news")
    for bad in ("bigquery:orewire-test", "bigquery:Orewire.news", "bigquery:-x.news",
                "bigquery:orewire-test.news-x", "bq:orewire-test.news"):
        with pytest.raises(ValueError):
            parse_spec(bad)
    assert parse_destination("bigquery:x.y").kind == "bigquery"
    assert parse_destination("x.duckdb").kind == "duckdb"


def test_json_rows_follow_the_schema():
    when = dt.datetime(2025, 5, 1, 8, tzinfo=dt.timezone.utc)
    row = to_json_row("articles", {
        "article_id": "a", "url": "u", "published_at": when, "authors": None,
        "not_a_column": 1, "minerals": [{"mineral": "tin", "figures": [
            {"value": float("nan"), "unit": "percent"}]}]}, {"run_id": "r1"})
    assert row["published_at"] == "2025-05-01T08:00:00+00:00"
    assert row["authors"] == [] and row["run_id"] == "r1" and "not_a_column" not in row
    assert row["minerals"][0]["figures"][0]["value"] is None
    assert row["minerals"][0]["countries"] == []
    assert staging_table_name("20250101T000000Z-ab12", "articles") == \
        "_staging_20250101T000000Z_ab12_articles"


@pytest.mark.parametrize("args, message", [
    (["--warehouse", "bigquery:My_Project.news"], "not bigquery:PROJECT.DATASET"),
    (["--warehouse", "bigquery:orewire-test.news", "--bigquery-endpoint", "ftp://x"],
     "must be an http(s) URL"),
    (["--warehouse", "x.duckdb", "--bigquery-endpoint", "http://127.0.0.1:9"],
     "needs --warehouse bigquery:"),
    (["--warehouse", "x.duckdb", "--runner", "DataflowRunner"], "use --warehouse bigquery:"),
    (["--dry_run=perhaps"], "--dry_run takes True or False"),
])
def test_unusable_bigquery_arguments_exit_2(args, message, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(args) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1


# ---------------------------------------------------------------- against the emulator

def _serve_more(server):
    _serve_news(server)
    server.routes["/undated.xml"] = Route(rss("Undated Desk", [
        {"title": "Chile copper, undated", "link": server.url("/news/chile-undated"),
         "description": "Chile stays top.", "content": paragraphs_html(CHILE), "pubDate": ""},
    ]), headers={"Content-Type": "application/rss+xml", "ETag": '"u1"'})


def _rows(warehouse, sql, endpoint=None):
    kw = {"endpoint": endpoint} if endpoint else {}
    return sorted(run_sql(warehouse, sql, **kw)[1])


def test_same_feeds_give_the_same_rows_in_bigquery_and_duckdb(bq, server, tmp_path,  # noqa: F811
                                                               capsys):
    _serve_more(server)
    feeds = ["--feeds", server.url("/feed.xml"), server.url("/feed.atom"),
             server.url("/undated.xml"), "seeds/sample", "--allow-private-network", *FAST]
    duck = str(tmp_path / "x.duckdb")
    spec = bq.new_dataset("e2e")
    bq_args = ["--warehouse", spec, "--bigquery-endpoint", bq.endpoint]

    assert run([*feeds, "--warehouse", duck]) == 0
    assert run([*feeds, *bq_args]) == 0
    out = capsys.readouterr().out
    assert "new articles written" in out

    d_articles, b_articles = _rows(duck, ARTICLES), _rows(spec, ARTICLES, bq.endpoint)
    assert len(d_articles) >= 20  # 18 sample articles + 5 served
    assert b_articles == d_articles
    assert _rows(spec, MINERAL_IDS, bq.endpoint) == _rows(duck, MINERAL_IDS)
    assert any(r[-1] for r in b_articles), "an undated article must land too"
    assert _rows(spec, DEAD, bq.endpoint) == _rows(duck, DEAD)
    assert len(_rows(spec, DEAD, bq.endpoint)) == 2
    catalog = "SELECT id, name, usgs_critical_2025 FROM mineral_catalog"
    assert _rows(spec, catalog, bq.endpoint) == _rows(duck, catalog)

    # The run row and feed state are stored in BigQuery too.
    (run_row,) = _rows(spec, "SELECT entries_seen, articles_written, duplicates_skipped, "
                             "dead_letters FROM runs", bq.endpoint)
    assert run_row[1] == len(b_articles) and run_row[0] == sum(run_row[1:])
    etags = dict(_rows(spec, "SELECT feed_url, etag FROM feed_state", bq.endpoint))
    assert etags[server.url("/feed.xml")] == '"v1"'

    # A second run adds nothing, asks with the stored ETag, and leaves one row per article.
    server.requests.clear()
    assert run([*feeds, *bq_args]) == 0
    out = capsys.readouterr().out
    assert summary_count(out, "new articles written") == 0
    # Every stored article is skipped (plus the story two feeds carry), nothing is lost.
    assert summary_count(out, "duplicates skipped") == len(b_articles) + 1
    assert summary_count(out, "entries seen") == sum(summary_count(out, k) for k in (
        "new articles written", "duplicates skipped", "dead letters"))
    (counts,) = _rows(spec, "SELECT COUNT(*), COUNT(DISTINCT article_id) FROM articles",
                      bq.endpoint)
    assert counts == (len(b_articles), len(b_articles))
    runs = run_sql(spec, "SELECT articles_written FROM runs ORDER BY started_at",
                   endpoint=bq.endpoint)[1]
    assert runs == [(len(b_articles),), (0,)]
    feed_gets = [h for p, h in server.requests if p == "/feed.xml"]
    assert feed_gets and feed_gets[-1].get("If-None-Match") == '"v1"'

    # Partitioned by day on published_at, clustered; the run's staging tables are gone.
    client = bq.client()
    project, dataset = parse_spec(spec)
    table = client.get_table(f"{project}.{dataset}.articles")
    assert table.time_partitioning.field == "published_at"
    assert table.time_partitioning.type_ == "DAY"
    assert table.clustering_fields == ["source", "language"]
    names = [t.table_id for t in client.list_tables(f"{project}.{dataset}")]
    assert sorted(names) == ["article_bands", "articles", "dead_letters", "feed_state",
                             "mineral_catalog", "runs"]


def test_merge_keeps_one_row_per_key_and_replaces_feed_state(bq):  # noqa: F811
    project, dataset = parse_spec(bq.new_dataset("merge"))
    with BigQueryWarehouse(project, dataset, endpoint=bq.endpoint) as wh:
        wh.create_staging("r1")
        rows = [{"article_id": "a1", "url": "https://x.example/1", "title": "first"},
                {"article_id": "a1", "url": "https://x.example/1", "title": "retry copy"},
                {"article_id": "a2", "url": "https://x.example/2", "title": "undated"}]
        staging = wh.table_id(staging_table_name("r1", "articles"))
        assert wh.client.insert_rows_json(staging, [to_json_row("articles", r)
                                                    for r in rows]) == []
        state = {"feed_url": "https://x.example/feed", "last_status": "ok",
                 "last_polled_at": dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)}
        wh.client.insert_rows_json(wh.table_id(staging_table_name("r1", "feed_state")),
                                   [to_json_row("feed_state", state)])
        added = wh.merge_staging("r1")
        assert added["articles"] == 2 and added["feed_state"] == 1
        assert wh.count("articles") == 2
        # Upsert: the newer feed_state replaces the row; articles are never replaced.
        wh.insert_rows("feed_state", [dict(state, last_status="error",
                                           consecutive_failures=2)])
        wh.insert_rows("articles", [{"article_id": "a1", "url": "https://x.example/1",
                                     "title": "changed"}])
        assert wh.query("SELECT last_status, consecutive_failures FROM feed_state")[1] == [
            ("error", 2)]
        assert wh.query("SELECT title FROM articles WHERE article_id = ?", ["a1"])[1][0][0] \
            in ("first", "retry copy")
        assert wh.count("articles") == 2
        tables = [t.table_id for t in wh.client.list_tables(f"{project}.{dataset}")]
        assert not [t for t in tables if t.startswith(("_staging_", "_load_"))]


def test_query_command_reads_bigquery(bq, capsys):  # noqa: F811
    spec = bq.new_dataset("q")
    assert run(["--warehouse", spec, "--bigquery-endpoint", bq.endpoint, "--quiet"]) == 0
    capsys.readouterr()
    assert main(["query", "--warehouse", spec, "--bigquery-endpoint", bq.endpoint,
                 "--format", "csv", "sql/top_sources.sql"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "source,articles,on_topic,feeds,latest"
    assert len(out) == 3  # the sample's two sources
    assert main(["query", "--warehouse", spec, "--bigquery-endpoint", bq.endpoint,
                 "SELECT no_such_column FROM articles"]) == 1
    assert "no_such_column" in capsys.readouterr().err


def test_a_job_on_a_remote_runner_stores_its_own_run_row(bq):  # noqa: F811
    """What a Dataflow job does (its launcher does not wait): RecordRun writes ``runs``."""
    import apache_beam as beam

    from orewire.pipeline.build import build_pipeline
    from orewire.pipeline.runs import prepare
    from orewire.pipeline.options import OrewireOptions

    spec = bq.new_dataset("rec")
    stored = ("SELECT feeds, entries_seen, articles_written, duplicates_skipped, "
              "dead_letters FROM runs ORDER BY started_at")
    for _ in range(2):
        options, ctx = prepare(["--warehouse", spec, "--bigquery-endpoint", bq.endpoint])
        assert not ctx.record_run  # the DirectRunner's driver waits and records
        ctx.record_run = True
        p = beam.Pipeline(options=options)
        build_pipeline(p, options.view_as(OrewireOptions), ctx)
        p.run().wait_until_finish()
    # The bundled sample: 2 feeds, 18 entries; then the same again, all skipped.
    assert run_sql(spec, stored, endpoint=bq.endpoint)[1] == [(2, 18, 18, 0, 0),
                                                              (2, 18, 0, 18, 0)]


def test_update_from_files_and_retry_resolution_on_bigquery(bq, tmp_path):  # noqa: F811
    """The DML of `orewire reprocess` (update_from_files) and `orewire retry` (RESOLVE)."""
    from orewire.pipeline.maintenance import RESOLVE
    spec = bq.new_dataset("maint")
    now = dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc)
    with parse_destination(spec, endpoint=bq.endpoint).open() as wh:
        wh.insert_rows("articles", [
            {"article_id": "a1", "url": "https://x.example/1", "mineral_ids": ["tin"],
             "pipeline_version": "old", "ingested_at": now},
            {"article_id": "a2", "url": "https://x.example/2", "mineral_ids": [],
             "pipeline_version": "old", "ingested_at": now}])
        columns = ["mineral_ids", "pipeline_version"]
        shard = write_arrow_shard("articles", rows_to_table("articles", [
            {"article_id": "a1", "mineral_ids": ["lithium"], "pipeline_version": "new"}],
            ["article_id", *columns]), str(tmp_path))
        assert wh.update_from_files("articles", [shard], columns) == 1
        rows = dict(wh.sql("SELECT article_id, pipeline_version FROM articles")[1])
        assert rows == {"a1": "new", "a2": "old"}
        wh.insert_rows("dead_letters", [
            {"dead_letter_id": "d1", "stage": "fetch_articles", "source": "https://x.example/1",
             "article_id": "a1", "retryable": True, "failed_at": now},
            {"dead_letter_id": "d2", "stage": "fetch_articles", "source": "https://x.example/9",
             "article_id": "a9", "retryable": True, "failed_at": now}])
        wh.sql(RESOLVE, [now + dt.timedelta(hours=1), "run-r"])
        resolved = dict(wh.sql("SELECT dead_letter_id, resolved_by_run FROM dead_letters")[1])
        assert resolved == {"d1": "run-r", "d2": None}


def _without_figure_year(fields: list[dict]) -> list[dict]:
    """The articles schema as an earlier version stored it: figures without ``year`` and
    mentions without ``events``."""
    out = []
    for f in fields:
        f = dict(f)
        if f.get("fields"):
            f["fields"] = [x for x in _without_figure_year(f["fields"])
                           if not (f["name"] == "figures" and x["name"] == "year")
                           and not (f["name"] == "minerals" and x["name"] == "events")]
        out.append(f)
    return out


def test_schema_diff_names_the_nested_field_a_migration_adds():
    from orewire.schemas import added_fields, bigquery_schema
    wanted = bigquery_schema("articles")
    assert added_fields(_without_figure_year(wanted), wanted) == ["minerals.figures.year",
                                                                 "minerals.events"]
    assert added_fields(wanted, wanted) == []


def test_an_older_articles_table_gains_the_figure_year_or_says_why_not(bq):  # noqa: F811
    from google.cloud import bigquery as gbq
    project, dataset = parse_spec(bq.new_dataset("migrate"))
    client = bq.client()
    client.create_dataset(f"{project}.{dataset}", exists_ok=True)
    old = [gbq.SchemaField.from_api_repr(f)
           for f in _without_figure_year(__import__("schemas").bigquery_schema("articles"))]
    table_id = f"{project}.{dataset}.articles"
    client.create_table(gbq.Table(table_id, schema=old))
    assert client.insert_rows_json(table_id, [{"article_id": "a1", "url": "https://x.example/1",
                                               "minerals": [{"mineral": "tin", "figures": [
                                                   {"value": 5.0, "unit": "percent"}]}]}]) == []
    try:
        with BigQueryWarehouse(project, dataset, endpoint=bq.endpoint) as wh:
            fields = schemas_of(wh.client.get_table(table_id).schema)
            assert "minerals.figures.year" in fields and "minerals.events.type" in fields
            assert wh.count("articles") == 1       # the stored row survived the update
    except ValueError as err:
        # The emulator may refuse a nested field addition: the run's error is one line
        # naming what is missing.
        message = str(err)
        assert "\n" not in message and "minerals.figures.year" in message
        assert "minerals.events" in message


def schemas_of(fields, prefix=""):
    names = []
    for f in fields:
        names.append(prefix + f.name)
        names += schemas_of(f.fields or [], prefix + f.name + ".")
    return names


def test_syndicated_copies_are_marked_through_the_band_index(bq, server, tmp_path):  # noqa: F811
    """An article stored before the band index existed (no bands) is indexed by the next
    run, whose syndicated copy is marked duplicate_of it; that run's own articles are
    indexed with their write, and a later copy finds the original too."""
    from orewire.neardup import signature  # noqa: PLC0415
    spec = bq.new_dataset("bands")
    project, dataset = parse_spec(spec)
    story = " ".join(CHILE)
    now = dt.datetime.now(dt.timezone.utc)
    with BigQueryWarehouse(project, dataset, endpoint=bq.endpoint) as wh:
        wh.insert_rows("articles", [{
            "article_id": "orig", "url": "https://a.example/chile",
            "content_signature": signature(story), "ingested_at": now - dt.timedelta(days=3),
            "published_at": dt.datetime(2025, 3, 3, 8, tzinfo=dt.timezone.utc)}])
    copy = paragraphs_html(["Republished with permission from our partner agency."] + CHILE)
    server.routes["/b.xml"] = Route(rss("Desk B", [
        {"title": "Chile still top copper miner", "link": "https://b.example/copper",
         "pubDate": "Mon, 03 Mar 2025 11:00:00 GMT", "content": copy}]),
        headers={"Content-Type": "application/rss+xml"})
    common = ["--warehouse", spec, "--bigquery-endpoint", bq.endpoint,
              "--allow-private-network", *FAST]
    assert run(["--feeds", server.url("/b.xml"), *common]) == 0
    server.routes["/c.xml"] = Route(rss("Desk C", [
        {"title": "Copper: Chile leads", "link": "https://c.example/x",
         "pubDate": "Tue, 04 Mar 2025 08:00:00 GMT", "content": copy}]),
        headers={"Content-Type": "application/rss+xml"})
    assert run(["--feeds", server.url("/c.xml"), *common]) == 0
    rows = dict(_rows(spec, "SELECT url, duplicate_of FROM articles", bq.endpoint))
    assert rows == {"https://a.example/chile": None, "https://b.example/copper": "orig",
                    "https://c.example/x": "orig"}
    per_article = _rows(spec, "SELECT article_id, COUNT(*) FROM article_bands "
                              "GROUP BY article_id", bq.endpoint)
    assert len(per_article) == 3 and {n for _, n in per_article} == {32}
    with BigQueryWarehouse(project, dataset, endpoint=bq.endpoint, create=False) as wh:
        assert wh.band_index_complete(now - dt.timedelta(days=90))


def test_bands_older_than_the_window_are_pruned(bq):
    spec = bq.new_dataset("prune")
    project, dataset = parse_spec(spec)
    now = dt.datetime.now(dt.timezone.utc)
    since = now - dt.timedelta(days=90)
    with BigQueryWarehouse(project, dataset, endpoint=bq.endpoint) as wh:
        wh.insert_rows("article_bands", [
            {"band": "0:aa", "article_id": "old", "ingested_at": now - dt.timedelta(days=200)},
            {"band": "0:bb", "article_id": "new", "ingested_at": now - dt.timedelta(days=2)}])
    with BigQueryWarehouse(project, dataset, endpoint=bq.endpoint, create=False) as wh:
        assert wh.stale_bands(since)
        assert wh.prune_bands(since) == 1
        assert not wh.stale_bands(since)
    assert _rows(spec, "SELECT article_id FROM article_bands", bq.endpoint) == [("new",)]


def _dead(dl_id, run_id, source, error, *, attempts=None, retryable=True, stage="read_feeds"):
    return {"dead_letter_id": dl_id, "stage": stage, "source": source, "feed_url": source,
            "error_type": "FetchError", "error": error, "retryable": retryable,
            "failed_at": dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc), "run_id": run_id,
            "attempts": attempts}


def test_an_older_dead_letters_table_gains_attempts_and_a_retry_counts_up(bq):  # noqa: F811
    """A dead_letters table made before `attempts` and `last_error` gains them through
    migrate(); then `orewire retry`'s DML folds a retry run's repeated failures into the
    open dead letters (attempts + 1, last_error) and drops the run's own copies."""
    from google.cloud import bigquery as gbq
    from orewire import schemas
    from orewire.pipeline.maintenance import count_up_retried
    project, dataset = parse_spec(bq.new_dataset("attempts"))
    client = bq.client()
    client.create_dataset(f"{project}.{dataset}", exists_ok=True)
    old = [gbq.SchemaField.from_api_repr(f) for f in schemas.bigquery_schema("dead_letters")
           if f["name"] not in ("attempts", "last_error")]
    table_id = f"{project}.{dataset}.dead_letters"
    client.create_table(gbq.Table(table_id, schema=old))
    with BigQueryWarehouse(project, dataset, endpoint=bq.endpoint) as wh:
        names = [f.name for f in wh.client.get_table(table_id).schema]
        assert names[-2:] == ["attempts", "last_error"]
        wh.insert_rows("dead_letters", [
            _dead("old1", "run-1", "https://a.example/f", "HTTP 503 from a"),  # attempts NULL
            _dead("old2", "run-1", "https://b.example/f", "HTTP 503 from b", attempts=1),
            _dead("old3", "run-1", "https://c.example/f", "HTTP 503 from c", attempts=1),
            _dead("new1", "run-r", "https://a.example/f", "HTTP 502 from a", attempts=1),
            _dead("new2", "run-r", "https://b.example/f", "HTTP 404 from b", attempts=1,
                  retryable=False)])
        assert count_up_retried(wh, "run-r") == 2
        rows = sorted(wh.sql("SELECT dead_letter_id, attempts, last_error, retryable, "
                             "error FROM dead_letters")[1])
    assert rows == [("old1", 2, "HTTP 502 from a", True, "HTTP 503 from a"),
                    ("old2", 2, "HTTP 404 from b", False, "HTTP 503 from b"),
                    ("old3", 1, None, True, "HTTP 503 from c")]   # c succeeded or was not retried
