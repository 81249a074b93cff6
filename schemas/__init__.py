"""Table schemas: BigQuery JSON schema files are the single source.

Each ``<table>.json`` in this folder is a BigQuery schema (the format ``bq mk --schema``
takes). The DuckDB DDL and the Arrow schema used for batched writes are derived from it
here, so a column is added in one place only.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

SCHEMA_DIR = Path(__file__).resolve().parent

# Per-table storage facts that are not part of a BigQuery field list.
# on_conflict: what a write does with a row whose key is already stored ("ignore": keep the
# stored row, so re-runs add nothing; "replace": the new row wins). duckdb_key: False for a
# table that DuckDB stores without its primary key (it then appends, see article_bands).
TABLES = {
    "articles": {"key": ["article_id"], "partition": "published_at",
                 "cluster": ["source", "language"], "on_conflict": "ignore"},
    "mineral_catalog": {"key": ["id"], "on_conflict": "replace"},
    "dead_letters": {"key": ["dead_letter_id"], "partition": "failed_at",
                     "cluster": ["stage"], "on_conflict": "ignore"},
    "feed_state": {"key": ["feed_url"], "on_conflict": "replace"},
    "runs": {"key": ["run_id"], "partition": "started_at", "on_conflict": "replace"},
    # The near-duplicate band index (32 rows an article, orewire.neardup). DuckDB holds a
    # primary key's index in memory whole on every insert (measured: 600 MB at 4,000,000
    # band rows), so there it has none and rows are appended: a run writes the bands of
    # the articles it adds, which are new by article_id. BigQuery MERGEs on the key.
    "article_bands": {"key": ["band", "article_id"], "partition": "ingested_at",
                      "cluster": ["band"], "on_conflict": "ignore", "duckdb_key": False},
}

_DUCK_TYPES = {
    "STRING": "VARCHAR", "INT64": "BIGINT", "INTEGER": "BIGINT", "FLOAT64": "DOUBLE",
    "FLOAT": "DOUBLE", "BOOL": "BOOLEAN", "BOOLEAN": "BOOLEAN", "TIMESTAMP": "TIMESTAMPTZ",
    "DATE": "DATE", "NUMERIC": "DECIMAL(38,9)",
}
_ARROW_TYPES = {
    "STRING": pa.string(), "INT64": pa.int64(), "INTEGER": pa.int64(),
    "FLOAT64": pa.float64(), "FLOAT": pa.float64(), "BOOL": pa.bool_(),
    "BOOLEAN": pa.bool_(), "TIMESTAMP": pa.timestamp("us", tz="UTC"), "DATE": pa.date32(),
}


@lru_cache(maxsize=None)
def load_schema(table: str) -> tuple:
    """The BigQuery field list of ``table`` (a tuple of dicts, read once)."""
    if table not in TABLES:
        raise KeyError(f"unknown table {table!r}; known: {', '.join(sorted(TABLES))}")
    with open(SCHEMA_DIR / f"{table}.json", encoding="utf-8") as fh:
        return tuple(json.load(fh))


def column_names(table: str) -> list[str]:
    return [f["name"] for f in load_schema(table)]


def _duck_type(field: dict) -> str:
    if field["type"] in ("RECORD", "STRUCT"):
        inner = ", ".join(f'"{f["name"]}" {_duck_type(f)}' for f in field["fields"])
        base = f"STRUCT({inner})"
    else:
        base = _DUCK_TYPES[field["type"]]
    return base + "[]" if field.get("mode") == "REPEATED" else base


def duckdb_ddl(table: str) -> str:
    """CREATE TABLE IF NOT EXISTS statement for DuckDB, derived from the JSON schema."""
    cols = []
    for field in load_schema(table):
        col = f'"{field["name"]}" {_duck_type(field)}'
        if field.get("mode") == "REQUIRED":
            col += " NOT NULL"
        cols.append(col)
    key = TABLES[table].get("key")
    if key and TABLES[table].get("duckdb_key", True):
        cols.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in key) + ")")
    return f'CREATE TABLE IF NOT EXISTS "{table}" (\n  ' + ",\n  ".join(cols) + "\n)"


def added_fields(stored: list[dict], wanted: list[dict], prefix: str = "") -> list[str]:
    """Dotted names of the fields of ``wanted`` (BigQuery JSON schema) that ``stored``
    lacks, nested ones included ("minerals.figures.year"): what a migration adds."""
    have = {f["name"]: f for f in stored}
    out = []
    for field in wanted:
        name = prefix + field["name"]
        if field["name"] not in have:
            out.append(name)
        elif field.get("fields"):
            out += added_fields(have[field["name"]].get("fields") or [], field["fields"],
                                name + ".")
    return out


def duckdb_column_types(table: str) -> dict[str, str]:
    """{column: DuckDB type} as the DDL of ``table`` declares them."""
    return {f["name"]: _duck_type(f) for f in load_schema(table)}


def _arrow_type(field: dict) -> pa.DataType:
    if field["type"] in ("RECORD", "STRUCT"):
        base = pa.struct([pa.field(f["name"], _arrow_type(f)) for f in field["fields"]])
    else:
        base = _ARROW_TYPES[field["type"]]
    return pa.list_(base) if field.get("mode") == "REPEATED" else base


@lru_cache(maxsize=None)
def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([pa.field(f["name"], _arrow_type(f),
                               nullable=f.get("mode") != "REQUIRED")
                      for f in load_schema(table)])


def bigquery_schema(table: str) -> list[dict]:
    """The JSON field list as google-cloud-bigquery's ``SchemaField.from_api_repr`` takes it."""
    return [dict(f) for f in load_schema(table)]
