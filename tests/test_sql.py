"""Every analyst query in sql/ gives the same result on DuckDB and on BigQuery.

The same rows go into both engines: the bundled sample written by the pipeline into
DuckDB, plus rows made here for what the sample lacks (a syndicated copy, dead letters, a
failing feed), copied table by table into a BigQuery emulator dataset. Each query then
runs as written on BigQuery and translated by sqlglot on DuckDB.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import pytest
import sqlglot

from orewire import schemas
from orewire.destinations.bigquery import BigQueryWarehouse, parse_spec
from orewire.query import run_sql
from orewire.destinations.duckdb import DuckDBWarehouse
from orewire.pipeline.cli import run
from tests.bq_service import bq  # noqa: F401 (fixture)

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
QUERIES = sorted(SQL_DIR.glob("*.sql"))
UTC = dt.timezone.utc


def _extra_rows(con_rows: dict) -> dict:
    """Rows the sample lacks, so that every query has something to find."""
    original = next(r for r in con_rows["articles"] if "lithium" in (r["mineral_ids"] or []))
    copy = dict(original, article_id="c" * 32, url="https://syndicator.example/copy-1",
                source="Syndicator", duplicate_of=original["article_id"],
                published_at=(original["published_at"] or dt.datetime(2025, 1, 1, tzinfo=UTC))
                + dt.timedelta(hours=5))
    failed = dt.datetime(2025, 6, 1, 12, tzinfo=UTC)
    dead = [{"dead_letter_id": f"d{i}", "stage": stage, "source": src, "feed_url": feed,
             "article_id": None, "error_type": etype, "error": f"{etype}: test {i}",
             "payload": None, "failed_at": failed + dt.timedelta(minutes=i),
             "pipeline_version": "test", "retryable": retry, "run_id": "r-test"}
            for i, (stage, src, feed, etype, retry) in enumerate([
                ("fetch_articles", "https://a.example/x", "https://a.example/feed", "HTTPError", True),
                ("fetch_articles", "https://a.example/y", "https://a.example/feed", "HTTPError", False),
                ("read_feeds", "https://b.example/feed", "https://b.example/feed", "ValueError", False),
                ("read_feeds", "javascript:alert(1)", None, "BadURL", False)])]
    feed = {"feed_url": "https://b.example/feed", "etag": None, "last_modified": None,
            "last_polled_at": failed, "last_status": "error", "last_error": "not a feed",
            "entries_last_poll": 0, "consecutive_failures": 3}
    return {"articles": [copy], "dead_letters": dead, "feed_state": [feed]}


def copy_to_bigquery(bq, duck: str, prefix: str) -> str:  # noqa: F811
    """A new emulator dataset holding every row of every table of the DuckDB warehouse
    ``duck``; returns its --warehouse spec."""
    with DuckDBWarehouse(duck, read_only=True) as wh:
        rows = {}
        for table in schemas.TABLES:
            cols, data = wh.query(f'SELECT * FROM "{table}"')
            rows[table] = [dict(zip(cols, r)) for r in data]
    spec = bq.new_dataset(prefix)
    project, dataset = parse_spec(spec)
    with BigQueryWarehouse(project, dataset, endpoint=bq.endpoint) as bw:
        for table, data in rows.items():
            if data:
                bw.insert_rows(table, data)
        for table, data in rows.items():
            assert bw.count(table) == len(data), table
    return spec


@pytest.fixture(scope="module")
def engines(bq, tmp_path_factory):  # noqa: F811
    """(duckdb path, bigquery spec, endpoint) holding the same rows."""
    path = str(tmp_path_factory.mktemp("sql") / "same.duckdb")
    assert run(["--warehouse", path, "--quiet"]) == 0
    with DuckDBWarehouse(path) as wh:
        rows = {}
        for table in schemas.TABLES:
            cols, data = wh.query(f'SELECT * FROM "{table}"')
            rows[table] = [dict(zip(cols, r)) for r in data]
        for table, extra in _extra_rows(rows).items():
            wh.insert_rows(table, extra)
    return path, copy_to_bigquery(bq, path, "sql"), bq.endpoint


def _norm(value):
    if isinstance(value, float):
        return round(value, 6) if math.isfinite(value) else str(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, dict):
        return tuple(sorted((k, _norm(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_norm(v) for v in value)
    return value


def _ordered(sql: str) -> bool:
    tree = sqlglot.parse_one(sql, read="bigquery")
    return tree.args.get("order") is not None


def test_there_are_at_least_ten_queries_each_saying_what_it_answers():
    assert len(QUERIES) >= 10
    for path in QUERIES:
        lines = path.read_text(encoding="utf-8").strip().splitlines()
        header = " ".join(ln[2:].strip() for ln in lines if ln.startswith("--"))
        assert lines[0].startswith("-- Question: ")
        assert re.match(r"Question: \S[^?]+\?", header), f"{path.name}: no question asked"


def same_result_on_both_engines(duck: str, spec: str, endpoint: str, sql: str) -> list:
    """Run ``sql`` (BigQuery Standard SQL) on DuckDB, translated, and on the emulator, as
    written; assert the columns and rows are the same (in order where the statement
    orders them) and return the rows, normalised."""
    d_cols, d_rows = run_sql(duck, sql)
    b_cols, b_rows = run_sql(spec, sql, endpoint=endpoint)
    assert d_cols == b_cols
    d_rows = [_norm(r) for r in d_rows]
    b_rows = [_norm(r) for r in b_rows]
    if not _ordered(sql):
        d_rows, b_rows = sorted(d_rows, key=repr), sorted(b_rows, key=repr)
    assert d_rows == b_rows
    return d_rows


# Queries whose result may legitimately be empty on this data: none.
@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_query_gives_the_same_result_on_both_engines(engines, path):
    duck, spec, endpoint = engines
    rows = same_result_on_both_engines(duck, spec, endpoint, path.read_text(encoding="utf-8"))
    assert rows, f"{path.name} found nothing: the test data should exercise it"
