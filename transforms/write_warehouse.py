"""WriteToWarehouse: rows of every table -> the warehouse (DuckDB, or BigQuery).

A ``bigquery:PROJECT.DATASET`` warehouse is written by ``WriteToBigQueryWarehouse``
(transforms/write_bigquery.py: staging tables, then a MERGE). For DuckDB, workers write batches as Parquet shards (Arrow, never row by row) into a staging folder
beside the warehouse. Then either one loader step (a single key, so a single writer
process) inserts every shard in one transaction, removes the folder and emits the number
of rows each table gained; or, with ``load=False``, the transform ends at the shards and
the driver loads them once the pipeline has finished (``orewire.warehouse.load_staged``):
what ``orewire run`` does locally, so the load's memory never adds to the workers'.
"""
from __future__ import annotations

import apache_beam as beam

from orewire.bigquery import is_bigquery_spec, parse_spec
from orewire.warehouse import load_staged, write_shard
from transforms.common import counter
from transforms.write_bigquery import WriteToBigQueryWarehouse


class WriteShardFn(beam.DoFn):
    def __init__(self, table: str, staging_dir: str, stamp: dict | None = None):
        self.table = table
        self.staging_dir = staging_dir
        self.stamp = stamp or {}

    def process(self, batch: list):
        rows = [dict(r, **self.stamp) for r in batch] if self.stamp else batch
        yield self.table, write_shard(self.table, rows, self.staging_dir)


class LoadShardsFn(beam.DoFn):
    def __init__(self, warehouse_path: str, staging_dir: str):
        self.warehouse_path = warehouse_path
        self.staging_dir = staging_dir

    def process(self, keyed):
        _key, shards = keyed
        by_table: dict[str, list[str]] = {}
        for table, path in shards:
            by_table.setdefault(table, []).append(path)
        added = load_staged(self.warehouse_path, self.staging_dir, by_table)
        for table, n in added.items():
            counter(f"rows_added_{table}").inc(n)
        yield added


class WriteToWarehouse(beam.PTransform):
    """{table: PCollection of row dicts} -> PCollection with one {table: rows added}
    (``load=False``: the (table, shard path) pairs written)."""

    # Rows a Parquet shard holds: an article row (text, entities, mentions) is tens of KB
    # in memory, and a worker holds a batch twice while Arrow converts it.
    def __init__(self, warehouse_path: str, staging_dir: str, run_id: str,
                 batch_size: int = 500, *, endpoint: str | None = None,
                 location: str = "US", write_method: str = "STREAMING_INSERTS",
                 load: bool = True):
        super().__init__()
        self.load = load
        self.warehouse_path = warehouse_path
        self.staging_dir = staging_dir
        self.run_id = run_id
        self.batch_size = batch_size
        self.endpoint = endpoint
        self.location = location
        self.write_method = write_method

    def expand(self, tables: dict):
        if is_bigquery_spec(self.warehouse_path):
            project, dataset = parse_spec(self.warehouse_path)
            return tables | "BigQuery" >> WriteToBigQueryWarehouse(
                project, dataset, self.run_id, endpoint=self.endpoint,
                location=self.location, method=self.write_method)
        shards = []
        for table, rows in sorted(tables.items()):
            stamp = {"run_id": self.run_id} if table == "dead_letters" else None
            shards.append(rows
                          | f"Batch_{table}" >> beam.BatchElements(
                              min_batch_size=1, max_batch_size=self.batch_size)
                          | f"Shard_{table}" >> beam.ParDo(
                              WriteShardFn(table, self.staging_dir, stamp)))
        if not self.load:
            return shards | "AllShards" >> beam.Flatten()
        # Runs once even when no table has rows, so the warehouse always exists.
        start = (shards[0].pipeline | "LoadTrigger" >> beam.Create([("__none__", "")]))
        return ((*shards, start)
                | "AllShards" >> beam.Flatten()
                | "OneWriter" >> beam.Map(lambda s: (None, s))
                | "GatherShards" >> beam.GroupByKey()
                | "DropTrigger" >> beam.Map(lambda kv: (kv[0], [s for s in kv[1]
                                                                if s[0] != "__none__"]))
                | "LoadShards" >> beam.ParDo(LoadShardsFn(self.warehouse_path,
                                                          self.staging_dir)))
