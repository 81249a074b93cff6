"""The DuckDB destination: a local file, the default (``--warehouse news.duckdb``).

Tables from ``schemas/``, batched Arrow writes, one writing run per file.

DuckDB allows one writing process per file, and the local runner may run several worker
processes, so the graph's workers write Parquet shards (orewire/shards.py, one per batch)
into a staging folder beside the warehouse, and the driver loads them all in one
transaction once the graph has run (``commit_run``), after the worker processes have
exited, so the load's memory never adds to theirs. ``INSERT OR IGNORE`` on the primary key
makes a re-run over the same feeds add no rows.
"""
from __future__ import annotations

import dataclasses
import os
import re
import shutil
import time
from pathlib import Path

import duckdb
import pyarrow as pa

from orewire import schemas
from orewire import runlock
from orewire.destinations.base import (Capabilities, Destination, DestinationError, Warehouse,
                                       WarehouseError)
from orewire.dialect import QueryError, split_statements, to_duckdb
from orewire.shards import rows_to_table, staged_shards
from orewire import neardup

# How each table takes rows that are already there (schemas.TABLES' on_conflict); a table
# without a DuckDB key (duckdb_key False) is appended to.
_CONFLICT = {table: "OR " + facts["on_conflict"].upper()
             if facts.get("duckdb_key", True) else ""
             for table, facts in schemas.TABLES.items()}


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


def load_staged(warehouse_path: str, staging_dir: str) -> dict[str, int]:
    """Load every shard of ``staging_dir`` into the warehouse in one transaction, then
    remove the folder; returns rows added per table."""
    with DuckDBWarehouse(warehouse_path) as wh:
        added = wh.load_shards(staged_shards(staging_dir))
    shutil.rmtree(staging_dir, ignore_errors=True)
    return added


def _plain(duck_type: str) -> str:
    """A DuckDB type without quotes or spaces, to compare DESCRIBE with the DDL."""
    return re.sub(r'[\s"]', "", duck_type.upper().replace("TIMESTAMP WITH TIME ZONE",
                                                          "TIMESTAMPTZ"))


class DuckDBWarehouse(Warehouse):
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

    def stale_bands(self, before) -> bool:
        """Whether ``article_bands`` holds bands of articles ingested before ``before``
        (outside every lookup's window: dead weight)."""
        return bool(self.con.execute(
            "SELECT EXISTS (SELECT 1 FROM article_bands WHERE ingested_at < $before)",
            {"before": before}).fetchone()[0])

    def prune_bands(self, before) -> int:
        """Delete the bands of articles ingested before ``before``; returns the rows
        deleted. The articles themselves stay."""
        return self.con.execute("DELETE FROM article_bands WHERE ingested_at < $before",
                                {"before": before}).fetchone()[0]

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

    # ------------------------------------------------------------ reprocess

    def article_shard(self, columns, shard: int, shards: int, since=None):
        """One shard of the stored articles: DuckDB's ``hash`` of article_id modulo
        ``shards`` (an unsigned 64-bit hash, so the remainder is never negative)."""
        where, params = self._since(since)
        cols = ", ".join(f'"{c}"' for c in columns)
        return self.query(f"SELECT {cols} FROM articles WHERE hash(article_id) % "
                          f"{int(shards)} = ?" + (f" AND {where}" if where else ""),
                          [int(shard), *params])

    def update_from_files(self, table: str, paths: list[str], columns) -> int:
        """One UPDATE ... FROM read_parquet([...]): DuckDB reads the files itself, in one
        statement (one transaction). One thread, as for load_shards."""
        if not paths:
            return 0
        key = schemas.TABLES[table]["key"]
        sets = ", ".join(f'"{c}" = s."{c}"' for c in columns)
        on = " AND ".join(f't."{k}" = s."{k}"' for k in key)
        self.con.execute("SET threads = 1")
        try:
            return self.con.execute(f'UPDATE "{table}" AS t SET {sets} FROM '
                                    f"read_parquet(?::VARCHAR[]) AS s WHERE {on}",
                                    [sorted(paths)]).fetchall()[0][0]
        except duckdb.Error as err:
            raise WarehouseError(f"cannot update {table} of {self.path}: "
                                 f"{str(err).splitlines()[0]}") from err

    def count(self, table: str, where: str = "", params: list | None = None) -> int:
        sql = f'SELECT count(*) FROM "{table}"' + (f" WHERE {where}" if where else "")
        return self.con.execute(sql, params or []).fetchall()[0][0]

    def sql(self, sql: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
        """BigQuery Standard SQL (the house dialect), translated to DuckDB with sqlglot."""
        return self.query(to_duckdb(sql), params)

    def query(self, sql: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
        cur = self.con.execute(sql, params or [])
        return [d[0] for d in cur.description], cur.fetchall()


def _duckdb_message(err: Exception) -> str:
    """DuckDB's message with its hint lines ("Did you mean ...", candidate columns, the
    line and caret), blank lines dropped."""
    return "\n".join(line for line in str(err).splitlines() if line.strip())


@dataclasses.dataclass(frozen=True)
class DuckDBDestination(Destination):
    """``--warehouse PATH.duckdb``: a file, created on first run."""

    path: str
    kind = "duckdb"
    capabilities = Capabilities(remote_workers=False, load_after_run=True,
                                streaming_graph=False, one_writing_run=True)
    SUFFIXES = (".duckdb", ".db")

    @classmethod
    def parse(cls, spec: str, endpoint: str | None = None,
              location: str | None = None) -> "DuckDBDestination":
        if not spec.endswith(cls.SUFFIXES):
            raise DestinationError(f"--warehouse must be a DuckDB file path ending in "
                                   f".duckdb, or bigquery:PROJECT.DATASET, not {spec!r}")
        if endpoint:
            raise DestinationError("--bigquery-endpoint needs --warehouse "
                                   "bigquery:PROJECT.DATASET")
        return cls(spec)

    @property
    def spec(self) -> str:
        return self.path

    def open(self, read_only: bool = False, create: bool = True) -> DuckDBWarehouse:
        return DuckDBWarehouse(self.path, read_only=read_only)

    def exists(self) -> bool:
        return os.path.exists(self.path)

    def sql(self, text, dialect="bigquery", params=None):
        if not self.exists():
            raise QueryError(f"warehouse not found: {self.path} (orewire run --warehouse "
                             f"{self.path} creates it)")
        statements = split_statements(text, dialect)
        translated = [to_duckdb(s, dialect) if dialect != "duckdb" else s
                      for s in statements]
        results = []
        try:
            with DuckDBWarehouse(self.path, read_only=True) as wh:
                for statement in translated:
                    try:
                        results.append(wh.query(statement, params))
                    except duckdb.CatalogException as err:
                        if not wh.query("SELECT COUNT(*) FROM information_schema.tables"
                                        )[1][0][0]:
                            raise QueryError(
                                f"{self.path} holds no tables: it is not a warehouse "
                                f"orewire has written yet (orewire run --warehouse "
                                f"{self.path} fills it)") from err
                        raise
        except (duckdb.Error, WarehouseError) as err:
            raise QueryError(_duckdb_message(err)) from err
        return results

    # ------------------------------------------------------------ a run's life

    def claim(self, run_id: str) -> None:
        # One writing run per file (orewire/runlock.py).
        runlock.acquire_run_lock(self.path, run_id)

    def release_run(self) -> None:
        runlock.release_run_lock(self.path)

    def prepare_run(self, run_id: str, *, staged: bool = True) -> DuckDBWarehouse:
        """The file checked and claimed; holding the claim, every staging folder beside
        the warehouse is a dead run's, and goes. Nothing else to prepare: the driver
        loads the run's shards straight into the tables."""
        try:
            check_duckdb_path(self.path)
            self.claim(run_id)
            runlock.remove_dead_staging(self.path)
            return self.open()
        except (WarehouseError, OSError) as err:
            self.release_run()
            if isinstance(err, OSError):
                raise WarehouseError(f"DuckDB warehouse {self.path}: {err}") from err
            raise

    def staging_dir(self, run_id: str) -> str:
        return os.path.join(runlock.staging_root(self.path), run_id)

    def staged_writer(self, run_id, staging_dir, *, write_method="STREAMING_INSERTS",
                      batch_size=500):
        from orewire.transforms.write_warehouse import WriteParquetShards  # noqa: PLC0415 (Beam)
        return "Shards" >> WriteParquetShards(staging_dir, run_id, batch_size)

    def commit_run(self, run_id: str, staging_dir: str) -> dict[str, int]:
        """Load the shards the graph wrote, in one transaction; remove the staging
        folder (and its root once empty)."""
        added = load_staged(self.path, staging_dir)
        runlock.remove_empty_staging_root(self.path)
        return added
