"""`orewire reprocess` reads, compares and stages in the workers: only the changed rows
reach the update, the driver never holds the stored articles, and the shards of both
warehouses partition the table (the BigQuery ones on the emulator)."""
from __future__ import annotations

import datetime as dt
import inspect

import apache_beam as beam
import duckdb
import pyarrow.parquet as pq
import pytest

from orewire.destinations import parse_destination
from orewire.destinations.bigquery import BigQueryWarehouse
from orewire.destinations.duckdb import DuckDBWarehouse
from orewire.pipeline.cli import main, run
from orewire.retag import (ARTICLES_PER_SHARD, REPROCESSED_COLUMNS, STORED_TAGS, TAGS,
                           VERSION, change, fingerprint, shard_count)
from orewire.shards import rows_to_table, staged_shards, write_arrow_shard
from orewire.transforms.stage_changed_rows import StageChangedRows
from tests.bq_service import bq  # noqa: F401 (fixture)
from tests.test_maintenance import _q
from tests.test_transforms import counters, pipeline

NOW = dt.datetime(2025, 6, 2, 9, tzinfo=dt.timezone.utc)


def _articles(n: int) -> list[dict]:
    return [{"article_id": f"id-{i:03d}", "url": f"https://news.example/{i}",
             "text": f"Story {i} about a smelter.", "mineral_ids": ["tin"] if i % 3 else [],
             "pipeline_version": "orewire-0.1.0", "ingested_at": NOW,
             "published_at": NOW - dt.timedelta(days=i)} for i in range(n)]


def write_shard(table, rows, folder):
    """Rows staged as reprocess stages them: the key and the columns it rewrites."""
    return write_arrow_shard(table, rows_to_table(table, rows, ("article_id",) +
                                                  REPROCESSED_COLUMNS), folder)


# ---------------------------------------------------------------- Beam-free logic

def test_shard_count_follows_the_articles_and_the_workers():
    assert shard_count(0, 4) == 0
    assert shard_count(10, 1) == 1
    assert shard_count(10, 4) == 4                       # every worker reads
    assert shard_count(ARTICLES_PER_SHARD * 5 + 1, 2) == 6


def test_a_change_is_told_apart_from_a_new_version_only():
    stored = {"mineral_ids": ["tin"], "minerals": None, "entities": [],
              "country_codes": ["BO"], "pipeline_version": "old"}
    same_tags = dict(stored, minerals=[], pipeline_version="new")   # NULL list == []
    assert change(same_tags, fingerprint(stored)) == VERSION
    assert change(dict(same_tags, mineral_ids=["tin", "zinc"]), fingerprint(stored)) == TAGS
    assert change(dict(stored), fingerprint(stored)) is None
    assert change(same_tags, None) == TAGS              # nothing stored to compare with


# ---------------------------------------------------------------- the transform

def test_stage_changed_rows_stages_only_what_changed_and_counts_it(tmp_path):
    stored = {"article_id": "same", "mineral_ids": ["lithium"], "country_codes": ["CL"],
              "minerals": [{"mineral": "lithium", "figures": [{"value": 41.0,
                                                               "unit": "percent"}]}],
              "entities": [], "pipeline_version": "v2"}
    # as the warehouse gives it back: every field of the structs, the float a float
    stored = rows_to_table("articles", [stored], ("article_id",) + REPROCESSED_COLUMNS
                           ).to_pylist()[0]
    # The re-tagged rows as LinkMentions gives them: an int where the table stores a
    # float is no change; each carries its stored fingerprint.
    same = dict(stored, minerals=[{"mineral": "lithium", "figures": [
        {"value": 41, "unit": "percent"}]}])
    rows = [dict(same, **{STORED_TAGS: fingerprint(stored)}),
            dict(same, article_id="newer", **{STORED_TAGS: fingerprint(
                dict(stored, pipeline_version="v1"))}),
            dict(same, article_id="retagged", **{STORED_TAGS: fingerprint(
                dict(stored, mineral_ids=[], minerals=[]))})]
    p = pipeline()
    _ = p | beam.Create(rows) | StageChangedRows(str(tmp_path))
    result = p.run()
    result.wait_until_finish()
    staged = [r for path in staged_shards(str(tmp_path))["articles"]
              for r in pq.read_table(path).to_pylist()]
    assert sorted(r["article_id"] for r in staged) == ["newer", "retagged"]
    assert set(staged[0]) == {"article_id", *REPROCESSED_COLUMNS}
    got = counters(result)
    assert (got["articles_retagged"], got["retagged_tags_changed"],
            got["retagged_version_only"]) == (3, 1, 1)


# ---------------------------------------------------------------- DuckDB

def test_duckdb_shards_partition_the_articles_and_since_filters_them(tmp_path):
    path = str(tmp_path / "p.duckdb")
    with DuckDBWarehouse(path) as wh:
        wh.insert_rows("articles", _articles(40))
    with DuckDBWarehouse(path, read_only=True) as wh:
        assert wh.article_count() == 40
        ids = [r[0] for s in range(7) for r in wh.article_shard(["article_id"], s, 7)[1]]
        recent = [r[0] for s in range(3)
                  for r in wh.article_shard(["article_id"], s, 3, NOW - dt.timedelta(days=9))[1]]
        assert wh.article_count(NOW - dt.timedelta(days=9)) == len(recent) == 10
    assert sorted(ids) == [f"id-{i:03d}" for i in range(40)]    # each row once
    assert sorted(recent) == [f"id-{i:03d}" for i in range(10)]


def test_update_from_files_sets_only_the_rows_in_the_files(tmp_path):
    path = str(tmp_path / "u.duckdb")
    with DuckDBWarehouse(path) as wh:
        wh.insert_rows("articles", _articles(5))
    staged = tmp_path / "staged"
    write_shard("articles", [{"article_id": "id-001", "mineral_ids": ["lithium"],
                              "pipeline_version": "v2"}], str(staged))
    write_shard("articles", [{"article_id": "id-004", "mineral_ids": [],
                              "pipeline_version": "v2"}], str(staged))
    with DuckDBWarehouse(path) as wh:
        paths = sorted(str(p) for p in staged.iterdir())
        assert wh.update_from_files("articles", paths, ["mineral_ids", "pipeline_version"]) == 2
    assert _q(path, "SELECT article_id, mineral_ids, pipeline_version FROM articles "
                    "ORDER BY 1") == [
        ("id-000", [], "orewire-0.1.0"), ("id-001", ["lithium"], "v2"),
        ("id-002", ["tin"], "orewire-0.1.0"), ("id-003", [], "orewire-0.1.0"),
        ("id-004", [], "v2")]


@pytest.fixture(scope="module")
def sample_warehouse(tmp_path_factory):
    """The bundled sample, stored once for this module's tests (each copies it)."""
    wh = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    assert run(["--warehouse", str(wh), "--quiet"]) == 0
    return wh


def _copy(src, tmp_path):
    dst = tmp_path / "w.duckdb"
    dst.write_bytes(src.read_bytes())
    return dst


def test_only_the_rows_whose_tags_changed_are_updated(sample_warehouse, tmp_path, capsys,
                                                       monkeypatch):
    wh = _copy(sample_warehouse, tmp_path)
    before = _q(wh, "SELECT article_id, mineral_ids, minerals FROM articles ORDER BY 1")
    blanked = [r[0] for r in before if r[1]][:2]
    con = duckdb.connect(str(wh))
    con.execute("UPDATE articles SET minerals = NULL, mineral_ids = [] "
                "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [blanked])
    con.close()
    updated = []
    original = DuckDBWarehouse.update_from_files

    def spy(self, table, paths, columns):   # the driver's update: what was staged
        updated.extend(i for p in paths for i in pq.read_table(p)["article_id"].to_pylist())
        return original(self, table, paths, columns)

    monkeypatch.setattr(DuckDBWarehouse, "update_from_files", spy)
    capsys.readouterr()
    assert main(["reprocess", "--warehouse", str(wh), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert sorted(updated) == sorted(blanked)
    assert (f"orewire reprocess: {len(before)} of {len(before)} articles re-tagged with "
            f"orewire-") in out
    assert out.rstrip().endswith("; 2 changed their tags"), out
    assert _q(wh, "SELECT article_id, mineral_ids, minerals FROM articles ORDER BY 1") == before
    # DESIGN.md's runs table: one row per run, mode reprocess, the identity kept (0 = 0)
    runs = _q(wh, "SELECT mode, entries_seen, articles_written, summary, "
                  "finished_at >= started_at FROM runs WHERE mode = 'reprocess'")
    assert len(runs) == 1 and runs[0][:3] == ("reprocess", 0, 0) and runs[0][4]
    assert runs[0][3] == out.strip()


def test_the_driver_never_holds_the_stored_articles(sample_warehouse, tmp_path, capsys,
                                                    monkeypatch):
    """One worker, in this process: the stored texts are selected only inside the shard
    DoFn, and no Create receives articles (only shard numbers)."""
    wh = _copy(sample_warehouse, tmp_path)
    created, selects = [], []

    class SpyCreate(beam.Create):
        def __init__(self, values, *args, **kwargs):
            created.append(list(values))
            super().__init__(values, *args, **kwargs)

    query = DuckDBWarehouse.query

    def spy_query(self, sql, params=None):
        if '"text"' in sql or " text" in sql:
            selects.append(any(f.function == "process" and
                               f.filename.endswith("read_stored_articles.py")
                               for f in inspect.stack()))
        return query(self, sql, params)

    monkeypatch.setattr(beam, "Create", SpyCreate)
    monkeypatch.setattr(DuckDBWarehouse, "query", spy_query)
    assert main(["reprocess", "--warehouse", str(wh), "--quiet",
                 "--direct_num_workers=1"]) == 0
    assert "; 0 changed their tags" in capsys.readouterr().out
    assert created and all(isinstance(v, int) for values in created for v in values)
    assert selects and all(selects), selects


def test_reprocess_of_an_empty_warehouse_says_so(tmp_path, capsys):
    wh = tmp_path / "empty.duckdb"
    with DuckDBWarehouse(str(wh)):
        pass
    assert main(["reprocess", "--warehouse", str(wh), "--quiet"]) == 0
    assert capsys.readouterr().out == "orewire reprocess: no stored articles to reprocess\n"


def test_a_warehouse_that_cannot_be_read_is_one_line_and_exit_2(tmp_path, capsys):
    bad = tmp_path / "not-a-db.duckdb"
    bad.write_text("these bytes are no DuckDB file\n")
    assert main(["reprocess", "--warehouse", str(bad), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("orewire reprocess: error:") and len(err.splitlines()) == 1


# ---------------------------------------------------------------- BigQuery (emulator)

def test_bigquery_shards_partition_and_update_from_files(bq, tmp_path):  # noqa: F811
    spec = bq.new_dataset("reshard")
    dest = parse_destination(spec, endpoint=bq.endpoint)
    with dest.open() as wh:
        wh.insert_rows("articles", _articles(25))
    with dest.open(read_only=True) as wh:
        assert isinstance(wh, BigQueryWarehouse) and wh.article_count() == 25
        ids = [r[0] for s in range(4) for r in wh.article_shard(["article_id"], s, 4)[1]]
        assert wh.article_count(NOW - dt.timedelta(days=4)) == 5
    assert sorted(ids) == [f"id-{i:03d}" for i in range(25)]
    staged = tmp_path / "staged"
    write_shard("articles", [{"article_id": "id-002", "mineral_ids": ["cobalt", "copper"],
                              "minerals": [{"mineral": "cobalt", "countries": ["CD"],
                                            "figures": [{"value": 70.0, "unit": "percent"}]}],
                              "pipeline_version": "v2"}], str(staged))
    write_shard("articles", [{"article_id": "id-007", "mineral_ids": [],
                              "pipeline_version": "v2"}], str(staged))
    paths = sorted(str(p) for p in staged.iterdir())
    with dest.open() as wh:
        assert wh.update_from_files("articles", paths, REPROCESSED_COLUMNS) == 2
        rows = {r[0]: r[1:] for r in wh.sql(
            "SELECT article_id, mineral_ids, pipeline_version, "
            "(SELECT COUNT(*) FROM UNNEST(minerals)) FROM articles")[1]}
    assert rows["id-002"] == (["cobalt", "copper"], "v2", 1)
    assert rows["id-007"] == ([], "v2", 0)
    assert rows["id-001"] == (["tin"], "orewire-0.1.0", 0)
    assert sum(1 for r in rows.values() if r[1] == "v2") == 2


def test_reprocess_on_bigquery_updates_the_changed_rows(bq, capsys):  # noqa: F811
    spec = bq.new_dataset("reproc")
    args = ["--warehouse", spec, "--bigquery-endpoint", bq.endpoint, "--quiet"]
    assert run(args) == 0
    dest = parse_destination(spec, endpoint=bq.endpoint)
    with dest.open() as wh:
        before = sorted(wh.sql("SELECT article_id, ARRAY_TO_STRING(mineral_ids, ',') "
                               "FROM articles")[1])
        blanked = [r[0] for r in before if r[1]][:3]
        wh.sql("UPDATE articles SET mineral_ids = [], pipeline_version = 'orewire-0.0.1' "
               "WHERE article_id IN UNNEST(?)", [blanked])
    capsys.readouterr()
    assert main(["reprocess", *args]) == 0
    out = capsys.readouterr().out
    assert f"{len(before)} of {len(before)} articles re-tagged" in out
    assert out.rstrip().endswith("; 3 changed their tags"), out
    with dest.open() as wh:
        after = sorted(wh.sql("SELECT article_id, ARRAY_TO_STRING(mineral_ids, ',') "
                              "FROM articles")[1])
        versions = wh.sql("SELECT DISTINCT pipeline_version FROM articles")[1]
        runs = wh.sql("SELECT summary FROM runs WHERE mode = 'reprocess'")[1]
    assert after == before and versions != [("orewire-0.0.1",)]
    assert runs == [(out.strip(),)]
