"""What a destination is, whatever its kind: the protocol the rest of orewire writes to.

A destination is a small, picklable value (Beam sends it to the workers inside the
transforms that use it) made once from ``--warehouse`` by
``orewire.destinations.parse_destination``. It owns a run's life:

    dest.prepare_run(run_id)            # claim it (DuckDB: the run lock), create what is
                                        # missing, staging (BigQuery: staging tables);
                                        # returns the open warehouse for the driver's reads
    tables | dest.staged_writer(...)    # the PTransform that writes the run's rows
    dest.commit_run(run_id, staging)    # after the graph: what the graph staged, stored
    dest.store_run(runs_row)            # the run's ``runs`` row
    dest.release_run()                  # the claim, given back

and answers ``sql(text, dialect)`` (every statement's result, analyst SQL) and
``stored(ids)`` (which article ids it holds). What differs between kinds is declared once,
in ``Capabilities``; code outside ``orewire/destinations/`` asks for a capability or calls
a method, and never asks which kind it has (tests/test_layout.py checks it).

dlt's destinations are the model: a destination is a value plus capabilities; the engine
never branches on the destination's name.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

Result = tuple[list[str], list[tuple]]   # (column names, rows)


class WarehouseError(RuntimeError):
    """A warehouse that cannot be opened or used, said in one line."""


class Warehouse:
    """An open warehouse connection (DuckDBWarehouse, BigQueryWarehouse): a context
    manager that closes itself."""

    def close(self) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------ reprocess's reads
    # ``orewire reprocess`` reads the stored articles in shards, each in a worker, and
    # updates the changed ones from staged Parquet files: the kind-specific SQL of that
    # (how a row is assigned to a shard, how files become an UPDATE) lives here.

    @staticmethod
    def _since(since) -> tuple[str, list]:
        """The filter of ``since`` (SQL both dialects read) and its parameters."""
        if since is None:
            return "", []
        return "COALESCE(published_at, ingested_at) >= ?", [since]

    def count(self, table: str, where: str = "", params: list | None = None) -> int:
        raise NotImplementedError

    def article_count(self, since=None) -> int:
        """Stored articles published (else ingested) at or after ``since``, or all."""
        where, params = self._since(since)
        return self.count("articles", where, params)

    def article_shard(self, columns, shard: int, shards: int, since=None) -> Result:
        """``columns`` of the stored articles in shard ``shard`` of ``shards`` (by a hash
        of article_id, so the shards partition the table), ``since`` as in
        ``article_count``."""
        raise NotImplementedError

    def update_from_files(self, table: str, paths: list[str], columns) -> int:
        """Set ``columns`` of the stored rows of ``table`` that share a key with a row of
        the Parquet files ``paths`` (written by orewire/shards.py, with the key and
        ``columns``), without reading them into Python; returns rows updated."""
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class DestinationError(ValueError):
    """A ``--warehouse`` (with its endpoint and location) that names no usable
    destination, or asks it for what it cannot do: one line, for the user."""


@dataclass(frozen=True)
class Capabilities:
    """What a kind of destination can do, declared once per kind."""
    # Workers on other machines (Dataflow) can write it: DuckDB's file cannot be shared.
    remote_workers: bool
    # The graph ends at staged files that the driver loads once the graph has run
    # (``commit_run``), after the worker processes have exited; else the graph's own
    # last step stores the rows.
    load_after_run: bool
    # An unbounded graph (a Dataflow streaming job) can write straight into its tables.
    streaming_graph: bool
    # One writing run at a time (``prepare_run`` takes a lock, ``release_run`` frees it).
    one_writing_run: bool


class Destination:
    """The base of every kind (see the module's docstring). Subclasses are frozen
    dataclasses, set ``kind`` and ``capabilities``, and implement ``open``."""

    kind: ClassVar[str]
    capabilities: ClassVar[Capabilities]

    @property
    def spec(self) -> str:
        """The ``--warehouse`` value that names it."""
        raise NotImplementedError

    def __str__(self) -> str:
        return self.spec

    # ------------------------------------------------------------ connections

    def open(self, read_only: bool = False, create: bool = True):
        """The warehouse itself (a context manager with ``sql``, ``count``,
        ``insert_rows``, ``update_from_files``, ``feed_states``, ``stored_article_ids``, the band
        index's lookups); ``create``: make missing tables. Raises WarehouseError."""
        raise NotImplementedError

    def exists(self) -> bool:
        """Whether there is anything to read (a missing file is not; a remote dataset is
        checked when read)."""
        return True

    def stored(self, ids, since=None) -> set[str]:
        """Which of ``ids`` are stored (ingested at or after ``since``, when given)."""
        with self.open(read_only=True) as wh:
            return wh.stored_article_ids(ids, since)

    def sql(self, text: str, dialect: str = "bigquery",
            params: list | None = None) -> list[Result]:
        """The result of each statement of ``text`` (``dialect``: the SQL it is written
        in; ``bigquery`` is the house dialect); raises orewire.dialect.QueryError."""
        raise NotImplementedError

    # ------------------------------------------------------------ a run's life

    def check_runner(self, runner: str, remote: bool) -> None:
        """Refuse a runner whose workers cannot write here; DestinationError."""
        if remote and not self.capabilities.remote_workers:
            raise DestinationError(
                f"the {runner} runs on remote workers, which cannot share {self.spec}: "
                "use --warehouse bigquery:PROJECT.DATASET")

    def prepare_run(self, run_id: str, *, staged: bool = True):
        """Claim the warehouse for run ``run_id``, create what is missing and, with
        ``staged``, what the run's staged writes need; returns the open warehouse (close
        it). Raises WarehouseError, or orewire.runlock.WarehouseBusy."""
        return self.open()

    def staging_dir(self, run_id: str) -> str:
        """The local folder the run's writes are staged in ("" when none is used)."""
        return ""

    def staged_writer(self, run_id: str, staging_dir: str, *,
                      write_method: str = "STREAMING_INSERTS", batch_size: int = 500):
        """The PTransform ({table: PCollection of rows} -> PCollection) that writes a
        batch run's rows (``load_after_run``: stages them for ``commit_run``)."""
        raise NotImplementedError

    def stream_writer(self, run_id_at):
        """The streaming job's PTransform, straight into the tables (``streaming_graph``);
        ``run_id_at``: a timestamp's bookkeeping run_id."""
        raise DestinationError(
            f"the streaming graph cannot write to {self.spec}: use --warehouse "
            "bigquery:PROJECT.DATASET (a local --streaming run polls in a loop instead, "
            "see pipeline/streaming.py)")

    def commit_run(self, run_id: str, staging_dir: str) -> dict[str, int]:
        """After the graph has run: store what it staged (``load_after_run``); returns
        rows added per table."""
        return {}

    def store_run(self, row: dict, warehouse=None) -> None:
        """Store (upsert on run_id) the run's ``runs`` row, through ``warehouse`` when
        one is open."""
        if warehouse is not None:
            warehouse.insert_rows("runs", [row])
            return
        with self.open(create=False) as wh:
            wh.insert_rows("runs", [row])

    def claim(self, run_id: str) -> None:
        """Take the warehouse for a writing run (``one_writing_run``); WarehouseBusy."""

    def release_run(self) -> None:
        """Give back what ``prepare_run`` or ``claim`` took (this process's claim)."""
