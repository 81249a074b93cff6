"""The warehouses: ``open_warehouse(spec)`` gives a DuckDB file or a BigQuery dataset.

Both offer the same methods (``known_article_ids``, ``stored_article_ids``, the
near-duplicate band index's ``near_duplicate_candidates``, ``band_index_complete`` and
``index_bands``, ``feed_states``, ``insert_rows``, ``count``, ``sql`` for BigQuery Standard SQL,
``prepare_run``/``finish_run`` around a pipeline's writes); the BigQuery one is in
``orewire.bigquery``.

The DuckDB warehouse: tables from ``schemas/``, batched Arrow writes, run bookkeeping.

DuckDB allows one writing process per file, and the DirectRunner may run several worker
processes, so workers write Parquet shards (one per batch, through Arrow) and a single
loader step inserts them all in one transaction. ``INSERT OR IGNORE`` on the primary
key makes a re-run over the same feeds add no rows.
"""
from __future__ import annotations

import os
import shutil
import re
import time
import uuid
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

import schemas
from orewire import neardup

# How each table takes rows that are already there (schemas.TABLES' on_conflict); a table
# without a DuckDB key (duckdb_key False) is appended to.
_CONFLICT = {table: "OR " + facts["on_conflict"].upper()
             if facts.get("duckdb_key", True) else ""
             for table, facts in schemas.TABLES.items()}


class WarehouseError(RuntimeError):
    pass


def check_duckdb_path(path: str) -> None:
    """Fail fast with one clear line when the warehouse cannot be written."""
    p = Path(path)
    parent = p.resolve().parent
    if not parent.is_dir():
        raise WarehouseError(f"warehouse directory does not exist: {parent}")
    if p.exists():
        if p.is_dir():
            raise WarehouseError(f"warehouse path is a directory: {p}")
        if not os.access(p, os.W_OK):
            raise WarehouseError(f"warehouse file is not writable: {p}")
    elif not os.access(parent, os.W_OK):
        raise WarehouseError(f"cannot create the warehouse in {parent}: not writable")


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


def load_staged(warehouse_path: str, staging_dir: str,
                paths_by_table: dict[str, list[str]] | None = None) -> dict[str, int]:
    """Load a run's shards into the DuckDB warehouse in one transaction, then remove the
    staging folder; returns rows added per table. ``paths_by_table`` defaults to every
    shard in the folder (named ``<table>-<hex>.parquet`` by ``write_shard``)."""
    if paths_by_table is None:
        paths_by_table = {}
        names = sorted(os.listdir(staging_dir)) if os.path.isdir(staging_dir) else []
        for name in names:
            if name.endswith(".parquet"):
                table = name.rsplit("-", 1)[0]
                paths_by_table.setdefault(table, []).append(os.path.join(staging_dir, name))
    with DuckDBWarehouse(warehouse_path) as wh:
        added = wh.load_shards(paths_by_table)
    shutil.rmtree(staging_dir, ignore_errors=True)
    return added


def open_warehouse(spec: str, endpoint: str | None = None, location: str = "US",
                   read_only: bool = False, create: bool = True):
    """The warehouse named by ``spec``: ``bigquery:PROJECT.DATASET`` or a DuckDB path.

    ``create``: make missing tables (BigQuery: also the dataset). Raises WarehouseError."""
    from orewire import bigquery  # noqa: PLC0415 (google-cloud-bigquery only when used)
    if bigquery.is_bigquery_spec(spec):
        try:
            return bigquery.BigQueryWarehouse.from_spec(
                spec, endpoint=endpoint, location=location, create=create and not read_only)
        except ValueError as err:
            raise WarehouseError(str(err)) from err
        except Exception as err:  # noqa: BLE001 (auth, transport and API errors alike)
            from orewire.urls import redact  # noqa: PLC0415
            where = f" at {redact(endpoint)}" if endpoint else ""
            raise WarehouseError(f"cannot open BigQuery warehouse {spec}{where}: "
                                 f"{redact(str(err).splitlines()[0][:300])}") from err
    return DuckDBWarehouse(spec, read_only=read_only)


def _plain(duck_type: str) -> str:
    """A DuckDB type without quotes or spaces, to compare DESCRIBE with the DDL."""
    return re.sub(r'[\s"]', "", duck_type.upper().replace("TIMESTAMP WITH TIME ZONE",
                                                          "TIMESTAMPTZ"))


class DuckDBWarehouse:
    dialect = "duckdb"

    # DuckDB lets one process write a file, or several read it, at a time: a writer waits
    # for readers (an analyst's query while a streaming job loads) and vice versa.
    lock_wait = 60.0

    def __init__(self, path: str, read_only: bool = False):
        self.path = path
        deadline = time.monotonic() + self.lock_wait
        while True:
            try:
                self.con = duckdb.connect(path, read_only=read_only)
                break
            except duckdb.IOException as err:
                if "lock" not in str(err).lower() or time.monotonic() > deadline:
                    raise WarehouseError(f"cannot open DuckDB warehouse {path}: "
                                         f"{str(err).splitlines()[0]}") from err
                time.sleep(0.2)
            except duckdb.Error as err:
                raise WarehouseError(f"cannot open DuckDB warehouse {path}: {err}") from err
        self.con.execute("SET TimeZone = 'UTC'")
        if not read_only:
            self.ensure_tables()

    def close(self) -> None:
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def ensure_tables(self) -> None:
        for table in schemas.TABLES:
            self.con.execute(schemas.duckdb_ddl(table))
        self.migrated = self.migrate()

    def migrate(self) -> list[str]:
        """Bring tables made by an earlier version up to ``schemas/``: add missing columns,
        widen struct columns that lack newer fields (DuckDB casts the stored values, the
        new fields NULL). Returns what changed, as "table.column"; rows are kept."""
        changed = []
        for table in schemas.TABLES:
            stored = {name: typ for name, typ, *_ in
                      self.con.execute(f'DESCRIBE "{table}"').fetchall()}
            for column, wanted in schemas.duckdb_column_types(table).items():
                if column not in stored:
                    self.con.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {wanted}')
                    changed.append(f"{table}.{column}")
                elif _plain(stored[column]) != _plain(wanted):
                    try:
                        self.con.execute(
                            f'ALTER TABLE "{table}" ALTER "{column}" TYPE {wanted}')
                    except duckdb.Error as err:
                        raise WarehouseError(
                            f"cannot migrate {table}.{column} of {self.path} to the current "
                            f"schema: {str(err).splitlines()[0]}") from err
                    changed.append(f"{table}.{column}")
        return changed

    def known_article_ids(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT article_id FROM articles").fetchall()]

    def stored_article_ids(self, ids, since=None) -> set[str]:
        """Which of ``ids`` are stored (ingested at or after ``since``, when given): one
        query for the lot, a hash semi-join of the ids with the key column."""
        ids = sorted(set(ids))
        if not ids:
            return set()
        sql = ("SELECT article_id FROM articles "
               "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))")
        params = [ids]
        if since is not None:
            sql += " AND ingested_at >= ?"
            params.append(since)
        return {r[0] for r in self.con.execute(sql, params).fetchall()}

    def near_duplicate_candidates(self, bands, since) -> list[dict]:
        """{article_id, signature, published_at} of the stored articles ingested at or
        after ``since`` that have one of ``bands`` in ``article_bands``."""
        bands = sorted(set(bands))
        if not bands:
            return []
        cur = self.con.execute(
            "SELECT article_id, content_signature AS signature, published_at FROM articles "
            "WHERE ingested_at >= $since AND content_signature IS NOT NULL AND article_id IN "
            "(SELECT article_id FROM article_bands WHERE ingested_at >= $since "
            " AND band IN (SELECT unnest($bands::VARCHAR[])))",
            {"since": since, "bands": bands})
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def band_index_complete(self, since) -> bool:
        """Whether every article with a signature ingested since ``since`` has its bands
        in ``article_bands`` (two counts; the bands of an article are written together)."""
        n_articles, n_bands = self.con.execute(
            "SELECT (SELECT count(*) FROM articles WHERE ingested_at >= $since "
            "        AND content_signature IS NOT NULL), "
            "       (SELECT count(*) FROM article_bands WHERE ingested_at >= $since)",
            {"since": since}).fetchone()
        return n_bands == neardup.NUM_BANDS * n_articles

    def index_bands(self, since) -> int:
        """Write the bands of the articles with a signature ingested since ``since`` that
        have none in ``article_bands`` (computed in SQL, as ``neardup.bands``); returns
        how many articles were indexed."""
        width = 8 * neardup.ROWS_PER_BAND
        self.con.execute("SET threads = 1")   # memory: see load_shards
        self.con.execute("BEGIN TRANSACTION")
        try:
            todo = self.con.execute(
                "CREATE TEMP TABLE _unindexed AS SELECT article_id, content_signature, "
                "ingested_at FROM articles WHERE ingested_at >= $since "
                "AND content_signature IS NOT NULL AND article_id NOT IN "
                "(SELECT article_id FROM article_bands WHERE ingested_at >= $since)",
                {"since": since}).fetchone()[0]
            self.con.execute(
                "INSERT INTO article_bands (band, article_id, ingested_at) "
                f"SELECT CAST(k AS VARCHAR) || ':' || substr(content_signature, "
                f"{width} * k + 1, {width}), article_id, ingested_at "
                f"FROM _unindexed, range(0, {neardup.NUM_BANDS}) AS r(k)")
            self.con.execute("DROP TABLE _unindexed")
            self.con.execute("COMMIT")
        except duckdb.Error:
            self.con.execute("ROLLBACK")
            raise
        return todo

    def feed_states(self) -> dict[str, dict]:
        cur = self.con.execute("SELECT * FROM feed_state")
        names = [d[0] for d in cur.description]
        return {row[0]: dict(zip(names, row)) for row in cur.fetchall()}

    def insert_rows(self, table: str, rows: list[dict]) -> None:
        if rows:
            self.insert_arrow(table, rows_to_table(table, rows))

    def insert_arrow(self, table: str, arrow_table: pa.Table) -> None:
        self.con.register("_incoming", arrow_table)
        try:
            self.con.execute(f'INSERT {_CONFLICT[table]} INTO "{table}" BY NAME '
                             "SELECT * FROM _incoming")
        finally:
            self.con.unregister("_incoming")

    def load_shards(self, paths_by_table: dict[str, list[str]]) -> dict[str, int]:
        """Insert every shard in one transaction; returns rows added per table.

        One DuckDB thread: the load is short, and each thread of the default (one a core)
        buffers its own part of the rows (measured: 4,000 articles' shards took 234 MB on
        two threads, 142 MB on one shard a statement and one thread, 0.3 s either way)."""
        added = {}
        self.con.execute("SET threads = 1")
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, paths in paths_by_table.items():
                if not paths:
                    continue
                before = self.count(table)
                for path in sorted(paths):   # a shard a statement: less memory than one
                    self.con.execute(f'INSERT {_CONFLICT[table]} INTO "{table}" BY NAME '
                                     "SELECT * FROM read_parquet(?)", [path])
                added[table] = self.count(table) - before
            self.con.execute("COMMIT")
        except duckdb.Error:
            self.con.execute("ROLLBACK")
            raise
        return added

    def update_rows(self, table: str, rows: list[dict], columns) -> int:
        """Set ``columns`` of the stored rows that share ``rows``' keys; rows updated."""
        if not rows:
            return 0
        key = schemas.TABLES[table]["key"]
        self.con.register("_updates", rows_to_table(table, rows))
        try:
            sets = ", ".join(f'"{c}" = s."{c}"' for c in columns)
            on = " AND ".join(f't."{k}" = s."{k}"' for k in key)
            return self.con.execute(f'UPDATE "{table}" AS t SET {sets} FROM _updates AS s '
                                    f"WHERE {on}").fetchall()[0][0]
        finally:
            self.con.unregister("_updates")

    def count(self, table: str, where: str = "", params: list | None = None) -> int:
        sql = f'SELECT count(*) FROM "{table}"' + (f" WHERE {where}" if where else "")
        return self.con.execute(sql, params or []).fetchall()[0][0]

    def sql(self, sql: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
        """BigQuery Standard SQL (the house dialect), translated to DuckDB with sqlglot."""
        from orewire.dialect import to_duckdb  # noqa: PLC0415 (sqlglot only for this)
        return self.query(to_duckdb(sql), params)

    def prepare_run(self, run_id: str) -> None:
        """Nothing to prepare: the pipeline's loader inserts straight into the tables."""

    def finish_run(self, run_id: str, tables=()) -> dict[str, int]:
        return {}

    def query(self, sql: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
        cur = self.con.execute(sql, params or [])
        return [d[0] for d in cur.description], cur.fetchall()
