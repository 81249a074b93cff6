"""Rows of a table as Parquet shards (one per batch, through Arrow, never row by row): how
a run's workers stage rows for a destination that loads them after the run, and how
``orewire reprocess`` stages the rows it changed. The Arrow schema is the table's, from
``schemas/``."""
from __future__ import annotations

import os
import uuid

import pyarrow as pa
import pyarrow.parquet as pq

from orewire import schemas


def rows_to_table(table: str, rows: list[dict], columns=None) -> pa.Table:
    """``rows`` as an Arrow table with ``table``'s schema (only ``columns`` of it, in the
    schema's order, when given)."""
    schema = schemas.arrow_schema(table)
    if columns is not None:
        schema = pa.schema([f for f in schema if f.name in set(columns)])
    return pa.Table.from_pylist([{k: r.get(k) for k in schema.names} for r in rows],
                                schema=schema)


def write_shard(table: str, rows: list[dict], staging_dir: str) -> str:
    """Write one Parquet shard of ``rows`` for ``table``; returns its path."""
    return write_arrow_shard(table, rows_to_table(table, rows), staging_dir)


def write_arrow_shard(table: str, arrow_table: pa.Table, staging_dir: str) -> str:
    """Write ``arrow_table`` as one Parquet shard for ``table``; returns its path."""
    os.makedirs(staging_dir, exist_ok=True)
    path = os.path.join(staging_dir, f"{table}-{uuid.uuid4().hex}.parquet")
    pq.write_table(arrow_table, path)
    return path


def concat_shards(paths: list[str], out_path: str) -> str:
    """The shards ``paths`` (one schema) as one Parquet file ``out_path``, copied a row
    group at a time (never all rows in memory); returns ``out_path``."""
    writer = None
    try:
        for path in paths:
            shard = pq.ParquetFile(path)
            if writer is None:
                writer = pq.ParquetWriter(out_path, shard.schema_arrow)
            for i in range(shard.num_row_groups):
                writer.write_table(shard.read_row_group(i))
    finally:
        if writer is not None:
            writer.close()
    return out_path


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
