"""Rows of a table as Parquet shards (one per batch, through Arrow, never row by row): how
a run's workers stage rows for a destination that loads them after the run, and how
``orewire reprocess`` gathers its re-tagged rows. The Arrow schema is the table's, from
``schemas/``."""
from __future__ import annotations

import os
import uuid

import pyarrow as pa
import pyarrow.parquet as pq

from orewire import schemas
def rows_to_table(table: str, rows: list[dict]) -> pa.Table:
    schema = schemas.arrow_schema(table)
    return pa.Table.from_pylist([{k: r.get(k) for k in schema.names} for r in rows],
                                schema=schema)


def write_shard(table: str, rows: list[dict], staging_dir: str) -> str:
    """Write one Parquet shard of ``rows`` for ``table``; returns its path."""
    os.makedirs(staging_dir, exist_ok=True)
    path = os.path.join(staging_dir, f"{table}-{uuid.uuid4().hex}.parquet")
    pq.write_table(rows_to_table(table, rows), path)
    return path


def staged_shards(staging_dir: str) -> dict[str, list[str]]:
    """The shards in ``staging_dir`` by table (named ``<table>-<hex>.parquet`` by
    ``write_shard``); empty when the folder does not exist."""
    by_table: dict[str, list[str]] = {}
    names = sorted(os.listdir(staging_dir)) if os.path.isdir(staging_dir) else []
    for name in names:
        if name.endswith(".parquet"):
            by_table.setdefault(name.rsplit("-", 1)[0], []).append(
                os.path.join(staging_dir, name))
    return by_table
