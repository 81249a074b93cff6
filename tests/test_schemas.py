"""schemas: BigQuery JSON schemas as the single source; DuckDB DDL and Arrow derived."""
from __future__ import annotations

import datetime as dt
import json
import re

import duckdb
import pyarrow as pa
import pytest

from orewire.schemas import (SCHEMA_DIR, TABLES, arrow_schema, bigquery_schema, column_names,
                     duckdb_ddl, load_schema)

BQ_TYPES = {"STRING", "INT64", "INTEGER", "FLOAT64", "FLOAT", "BOOL", "BOOLEAN", "TIMESTAMP",
            "DATE", "NUMERIC", "RECORD", "STRUCT"}


def _walk(fields, prefix=""):
    for f in fields:
        yield prefix + f["name"], f
        if f.get("fields"):
            yield from _walk(f["fields"], prefix + f["name"] + ".")


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_table_has_a_json_schema(table):
    path = SCHEMA_DIR / f"{table}.json"
    assert path.is_file()
    fields = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(fields, list) and fields
    assert list(load_schema(table)) == fields


def test_no_stray_schema_files():
    assert {p.stem for p in SCHEMA_DIR.glob("*.json")} == set(TABLES)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_fields_are_valid_bigquery(table):
    for path, f in _walk(load_schema(table)):
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", f["name"]), path
        assert f["type"] in BQ_TYPES, path
        assert f.get("mode", "NULLABLE") in ("NULLABLE", "REQUIRED", "REPEATED"), path
        assert bool(f.get("fields")) == (f["type"] in ("RECORD", "STRUCT")), path
    names = column_names(table)
    assert len(names) == len(set(names))


@pytest.mark.parametrize("table", sorted(TABLES))
def test_storage_facts_name_real_columns(table):
    fields = {f["name"]: f for f in load_schema(table)}
    facts = TABLES[table]
    for key in facts.get("key", []):
        assert fields[key]["mode"] == "REQUIRED"
    if "partition" in facts:
        assert fields[facts["partition"]]["type"] in ("TIMESTAMP", "DATE")
    for col in facts.get("cluster", []):
        assert col in fields


def test_unknown_table_raises():
    with pytest.raises(KeyError):
        load_schema("no_such_table")


def test_duckdb_creates_all_tables():
    con = duckdb.connect(":memory:")
    for table in TABLES:
        con.execute(duckdb_ddl(table))
        con.execute(duckdb_ddl(table))  # IF NOT EXISTS: a second run is harmless
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    assert tables == set(TABLES)
    for table in TABLES:
        cols = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position", [table]).fetchall()]
        assert cols == column_names(table)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_required_is_not_null(table):
    con = duckdb.connect(":memory:")
    con.execute(duckdb_ddl(table))
    nullable = dict(con.execute(
        "SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = ?",
        [table]).fetchall())
    for f in load_schema(table):
        assert (nullable[f["name"]] == "NO") == (f.get("mode") == "REQUIRED"), f["name"]


def test_required_field_rejects_null():
    con = duckdb.connect(":memory:")
    con.execute(duckdb_ddl("mineral_catalog"))
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO mineral_catalog (id, name) VALUES (NULL, 'Lithium')")


def test_primary_key_enforced():
    con = duckdb.connect(":memory:")
    con.execute(duckdb_ddl("mineral_catalog"))
    con.execute("INSERT INTO mineral_catalog (id, name) VALUES ('lithium', 'Lithium')")
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO mineral_catalog (id, name) VALUES ('lithium', 'Again')")


def test_nested_types_in_ddl():
    ddl = duckdb_ddl("articles")
    assert re.search(r'"authors" VARCHAR\[\]', ddl)
    assert re.search(r'"entities" STRUCT\(.*"normalized" VARCHAR\)\[\]', ddl)
    assert re.search(r'"minerals" STRUCT\(.*"countries" VARCHAR\[\].*'
                     r'"figures" STRUCT\("value" DOUBLE, "unit" VARCHAR, "kind" VARCHAR, '
                     r'"quote" VARCHAR, "year" BIGINT\)\[\], "events" STRUCT\("type" VARCHAR, '
                     r'"direction" VARCHAR, "country" VARCHAR\)\[\]\)\[\]', ddl)
    assert '"published_at" TIMESTAMPTZ' in ddl


@pytest.mark.parametrize("table", sorted(TABLES))
def test_arrow_schema_names_equal_column_names(table):
    assert arrow_schema(table).names == column_names(table)


def test_arrow_nested_types():
    s = arrow_schema("articles")
    assert s.field("authors").type == pa.list_(pa.string())
    minerals = s.field("minerals").type
    assert pa.types.is_list(minerals)
    item = minerals.value_type
    assert pa.types.is_struct(item)
    assert item.field("countries").type == pa.list_(pa.string())
    figures = item.field("figures").type
    assert pa.types.is_list(figures)
    assert figures.value_type.field("value").type == pa.float64()
    assert s.field("published_at").type == pa.timestamp("us", tz="UTC")
    assert not s.field("article_id").nullable
    assert s.field("title").nullable


def test_arrow_rows_load_into_duckdb():
    row = {c: None for c in column_names("articles")}
    row.update({
        "article_id": "a" * 32, "url": "https://orewire.example/a", "authors": ["Ana Rojas"],
        "published_at": dt.datetime(2025, 5, 1, 8, tzinfo=dt.timezone.utc),
        "word_count": 120, "mineral_ids": ["lithium"], "country_codes": ["CL"],
        "entities": [{"text": "Chile", "label": "GPE", "start": 0, "end": 5,
                      "normalized": "CL"}],
        "minerals": [{"mineral": "lithium", "surface": "lithium", "start": 20, "end": 27,
                      "sentence": "Chile raised its lithium royalty by 2%.",
                      "countries": ["CL"], "organizations": [],
                      "figures": [{"value": 2.0, "unit": "percent", "kind": "share",
                                   "quote": "2%"}]}],
    })
    batch = pa.Table.from_pylist([row], schema=arrow_schema("articles"))
    con = duckdb.connect(":memory:")
    con.execute(duckdb_ddl("articles"))
    con.register("batch", batch)
    con.execute("INSERT INTO articles SELECT * FROM batch")
    got = con.execute("SELECT minerals[1].figures[1].quote, minerals[1].countries, "
                      "authors, epoch(published_at) FROM articles").fetchone()
    assert got[0] == "2%"
    assert got[1] == ["CL"]
    assert got[2] == ["Ana Rojas"]
    assert got[3] == dt.datetime(2025, 5, 1, 8, tzinfo=dt.timezone.utc).timestamp()


def test_bigquery_schema_is_a_copy():
    fields = bigquery_schema("runs")
    fields[0]["name"] = "changed"
    assert load_schema("runs")[0]["name"] == "run_id"


def test_articles_contract_columns():
    names = set(column_names("articles"))
    assert {"article_id", "url", "canonical_url", "feed_url", "source", "title", "authors",
            "published_at", "fetched_at", "ingested_at", "language", "summary", "text",
            "word_count", "pipeline_version", "duplicate_of", "content_signature",
            "entities", "minerals", "mineral_ids", "country_codes"} <= names
    assert set(column_names("mineral_catalog")) == {
        "id", "name", "mineral_group", "usgs_critical_2025", "eu_critical_2023",
        "eu_strategic_2023"}
    assert {"stage", "source", "feed_url", "error_type", "error", "payload", "failed_at",
            "pipeline_version", "retryable"} <= set(column_names("dead_letters"))
    assert {"feed_url", "etag", "last_modified", "last_polled_at", "last_status",
            "last_error", "entries_last_poll", "consecutive_failures"} <= set(
        column_names("feed_state"))
    assert {"run_id", "mode", "started_at", "finished_at", "feeds", "entries_seen",
            "articles_written", "duplicates_skipped", "dead_letters",
            "pipeline_version"} <= set(column_names("runs"))


def test_an_older_duckdb_warehouse_is_migrated_without_losing_rows(tmp_path):
    """A file made before figures had ``year`` (and before some later column) gains both on
    the next open; the stored rows and their nested values are kept."""
    from orewire.destinations.duckdb import DuckDBWarehouse
    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)
    ddl = duckdb_ddl("articles").replace(', "year" BIGINT', "")
    ddl = re.sub(r', "events" STRUCT\([^)]*\)\[\]', "", ddl)
    ddl = ddl.replace(',\n  "run_id" VARCHAR', "")
    assert '"year"' not in ddl and '"run_id"' not in ddl and '"events"' not in ddl
    con.execute(ddl)
    con.execute("""INSERT INTO articles (article_id, url, minerals) VALUES
        ('a1', 'https://x.example/1',
         [{'mineral': 'tin', 'surface': 'tin', 'start': 0, 'end': 3, 'sentence': 's',
           'countries': ['MM'], 'organizations': [],
           'figures': [{'value': 5.0, 'unit': 'percent', 'kind': 'share', 'quote': '5%'}]}])""")
    con.close()
    with DuckDBWarehouse(path) as wh:
        assert sorted(wh.migrated) == ["articles.minerals", "articles.run_id"]
        rows = wh.con.execute("SELECT minerals, run_id FROM articles").fetchall()
        assert rows[0][0][0]["figures"][0] == {"value": 5.0, "unit": "percent",
                                               "kind": "share", "quote": "5%", "year": None}
        assert rows[0][0][0]["countries"] == ["MM"] and rows[0][1] is None
        assert rows[0][0][0]["events"] is None     # a new field of a stored mention
    with DuckDBWarehouse(path) as wh:
        assert wh.migrated == []        # nothing left to do the second time
