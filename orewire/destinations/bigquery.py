"""The BigQuery warehouse: dataset and tables from ``schemas/``, staging tables, MERGE.

``--warehouse bigquery:PROJECT.DATASET`` selects it. With ``--bigquery-endpoint URL`` (an
emulator such as ``bqemulator``, or a private endpoint) the client talks to that URL with
anonymous credentials; otherwise it uses Application Default Credentials.

Rows reach a table in two steps, so that a re-run adds nothing:
1. the pipeline streams them (insert ids) into per-run staging tables
   ``_staging_<run>_<table>`` (created by the driver, expiring after two days);
2. once every write is done, one MERGE per table on its key moves them into the table
   (``articles`` and ``dead_letters``: insert the missing keys; ``feed_state``: upsert).
Small driver-side writes (``mineral_catalog``, ``runs``) go through a load job into a
temporary table and the same MERGE. The tables themselves are only ever written by DML,
so their rows are never in a streaming buffer.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import json
import math
import os
import re
import tempfile
import uuid
from urllib.parse import urlsplit

import pyarrow.parquet as pq
import sqlglot

from orewire import schemas
from orewire import neardup
from orewire.destinations.base import (Capabilities, Destination, DestinationError, Warehouse,
                                       WarehouseError)
from orewire.dialect import QueryError, first_line, split_statements
from orewire.shards import concat_shards
from orewire.urls import redact

SPEC_PREFIX = "bigquery:"
# PROJECT (optionally domain-scoped, "example.com:proj") "." DATASET
# (Lenient on length: BigQuery itself refuses what does not exist.)
_SPEC = re.compile(r"^bigquery:(?P<project>(?:[a-z0-9.-]+:)?[a-z](?:[a-z0-9-]{0,28}[a-z0-9])?)"
                   r"\.(?P<dataset>[A-Za-z0-9_]{1,1024})$")
DEFAULT_LOCATION = "US"
STAGING_EXPIRY = dt.timedelta(days=2)
# Tables the pipeline writes through staging tables (the others are written by the driver).
PIPELINE_TABLES = ("articles", "dead_letters", "feed_state", "article_bands")
# Which copy wins when a staging table holds one key twice (a retried write).
_LATEST_FIRST = {"feed_state": "last_polled_at DESC", "runs": "finished_at DESC"}


def parse_spec(spec: str) -> tuple[str, str]:
    """``bigquery:PROJECT.DATASET`` -> (project, dataset); DestinationError (a
    ValueError) when malformed."""
    m = _SPEC.match(spec)
    if not m:
        raise DestinationError(f"--warehouse {spec!r} is not bigquery:PROJECT.DATASET (project id: "
                         "lower-case letters, digits, hyphens; dataset: letters, digits, _)")
    return m.group("project"), m.group("dataset")


# Every HTTP request to the BigQuery API is bounded: (connect, read) seconds when the call
# gives no timeout of its own. google-cloud-bigquery passes ``timeout=None`` by default,
# and requests then waits for ever on an endpoint that accepts the connection and never
# answers (measured: `orewire query` sat for more than 10 minutes).
REQUEST_TIMEOUT = (10.0, 60.0)


def make_client(project: str, endpoint: str | None = None,
                location: str = DEFAULT_LOCATION):
    """A google-cloud-bigquery client: anonymous at ``endpoint``, else with ADC; its
    requests bounded by REQUEST_TIMEOUT unless a call sets its own."""
    from google.cloud import bigquery  # noqa: PLC0415 (only BigQuery runs need it)
    if endpoint:
        from google.api_core.client_options import ClientOptions  # noqa: PLC0415
        from google.auth.credentials import AnonymousCredentials  # noqa: PLC0415
        client = bigquery.Client(project=project, location=location,
                                 credentials=AnonymousCredentials(),
                                 client_options=ClientOptions(api_endpoint=endpoint))
    else:
        client = bigquery.Client(project=project, location=location)
    _bound_requests(client._http)  # noqa: SLF001 (the client's requests session)
    return client


def _bound_requests(session, timeout=REQUEST_TIMEOUT) -> None:
    """Give ``session``'s requests ``timeout`` when the caller passes None."""
    unbounded = session.request

    def request(method, url, *args, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = timeout
        return unbounded(method, url, *args, **kwargs)

    session.request = request


def staging_table_name(run_id: str, table: str) -> str:
    return f"_staging_{re.sub(r'[^A-Za-z0-9_]', '_', run_id)}_{table}"


def to_json_row(table: str, row: dict, stamp: dict | None = None) -> dict:
    """A row dict as BigQuery's JSON takes it: schema columns only, timestamps as ISO
    strings, NaN as NULL, missing repeated fields as []."""
    row = dict(row, **stamp) if stamp else row
    return _json_record(schemas.load_schema(table), row)


def _json_record(fields, record: dict) -> dict:
    out = {}
    for f in fields:
        value = record.get(f["name"])
        if f.get("mode") == "REPEATED":
            out[f["name"]] = [_json_value(f, v) for v in (value or []) if v is not None]
        else:
            out[f["name"]] = None if value is None else _json_value(f, value)
    return out


def _json_value(field: dict, value):
    kind = field["type"]
    if kind in ("RECORD", "STRUCT"):
        return _json_record(field["fields"], value)
    if kind == "TIMESTAMP" and isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc).isoformat()
    if kind == "DATE" and isinstance(value, dt.date):
        return value.isoformat()
    if kind in ("FLOAT64", "FLOAT") and isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _param(value):
    from google.cloud import bigquery  # noqa: PLC0415
    if isinstance(value, (list, tuple)):
        kind = _param_type(value[0]) if value else "STRING"
        return bigquery.ArrayQueryParameter(None, kind, list(value))
    return bigquery.ScalarQueryParameter(None, _param_type(value), value)


def _param_type(value) -> str:
    if isinstance(value, bool):
        return "BOOL"
    if isinstance(value, int):
        return "INT64"
    if isinstance(value, float):
        return "FLOAT64"
    if isinstance(value, dt.datetime):
        return "TIMESTAMP"
    if isinstance(value, dt.date):
        return "DATE"
    return "STRING"


class BigQueryWarehouse(Warehouse):
    """The warehouse interface of ``orewire.destinations.duckdb.DuckDBWarehouse``, on BigQuery."""

    dialect = "bigquery"
    # Seconds the client keeps retrying transient errors of one call (its default is 600).
    api_deadline = 120.0
    # Seconds a query or load job may take before its caller gives up waiting for it.
    job_timeout = 1800.0
    # The first call of every warehouse: is the API there at all? Answered in well under
    # a second by BigQuery; an endpoint that does not answer is reported within about
    # probe_deadline + a request's timeout, not after api_deadline.
    probe_timeout = (5.0, 10.0)
    probe_deadline = 15.0

    def _retry(self):
        from google.cloud.bigquery.retry import DEFAULT_RETRY  # noqa: PLC0415
        return DEFAULT_RETRY.with_deadline(self.api_deadline)

    def _job_retry(self):
        from google.cloud.bigquery.retry import DEFAULT_JOB_RETRY  # noqa: PLC0415
        return DEFAULT_JOB_RETRY.with_deadline(self.api_deadline)

    def __init__(self, project: str, dataset: str, endpoint: str | None = None,
                 location: str = DEFAULT_LOCATION, create: bool = True, client=None):
        self.project, self.dataset = project, dataset
        self.endpoint, self.location = endpoint, location
        self.client = client or make_client(project, endpoint, location)
        self.probe(create)
        if create:
            self.ensure_tables()

    def probe(self, create: bool) -> None:
        """Ask for the dataset, briefly: one line when the API cannot be reached or (when
        nothing is to be created) the dataset does not exist."""
        from google.api_core import exceptions  # noqa: PLC0415
        from google.cloud.bigquery.retry import DEFAULT_RETRY  # noqa: PLC0415
        where = (f"the BigQuery API at {redact(self.endpoint)}" if self.endpoint
                 else "Google's BigQuery API")
        try:
            self.client.get_dataset(f"{self.project}.{self.dataset}",
                                    retry=DEFAULT_RETRY.with_deadline(self.probe_deadline),
                                    timeout=self.probe_timeout)
        except exceptions.NotFound as err:
            if not create:
                raise ValueError(f"BigQuery dataset {self.project}.{self.dataset} not "
                                 "found") from err
        except exceptions.RetryError as err:
            cause = err.cause if err.cause is not None else err
            raise ValueError(f"{where} did not answer within {self.probe_deadline:.0f}s "
                             f"({type(cause).__name__})") from err

    @classmethod
    def from_spec(cls, spec: str, **kw) -> "BigQueryWarehouse":
        project, dataset = parse_spec(spec)
        return cls(project, dataset, **kw)

    def close(self) -> None:
        self.client.close()

    # ------------------------------------------------------------ tables

    def table_id(self, table: str) -> str:
        return f"{self.project}.{self.dataset}.{table}"

    def _schema(self, table: str):
        from google.cloud import bigquery  # noqa: PLC0415
        return [bigquery.SchemaField.from_api_repr(f) for f in schemas.bigquery_schema(table)]

    def ensure_tables(self) -> None:
        """Create the dataset and every table of ``schemas/`` that is missing."""
        from google.cloud import bigquery  # noqa: PLC0415
        ds = bigquery.Dataset(f"{self.project}.{self.dataset}")
        ds.location = self.location
        self.client.create_dataset(ds, exists_ok=True, retry=self._retry())
        for table, facts in schemas.TABLES.items():
            t = bigquery.Table(self.table_id(table), schema=self._schema(table))
            if facts.get("partition"):
                # Rows whose partition column is NULL land in the __NULL__ partition.
                t.time_partitioning = bigquery.TimePartitioning(
                    type_=bigquery.TimePartitioningType.DAY, field=facts["partition"])
            if facts.get("cluster"):
                t.clustering_fields = list(facts["cluster"])
            self.client.create_table(t, exists_ok=True, retry=self._retry())
            self.migrate(table)

    def migrate(self, table: str) -> list[str]:
        """Add the fields ``schemas/`` has and the stored table lacks (a schema update
        with field additions: BigQuery keeps the rows, the new fields NULL). Returns the
        dotted names added; a service that refuses says so in one line."""
        stored = self.client.get_table(self.table_id(table), retry=self._retry())
        wanted = schemas.bigquery_schema(table)
        missing = schemas.added_fields([f.to_api_repr() for f in stored.schema], wanted)
        if missing:
            from google.api_core import exceptions  # noqa: PLC0415
            # New top-level scalar columns by DDL first (one a statement), which both
            # BigQuery and the emulator apply to the stored table; the emulator takes a
            # schema update as metadata only, so its rows would lack the column. Nested
            # fields, and whatever the DDL did not add, by the schema update below.
            added_by_ddl = False
            for field in wanted:
                if field["name"] in missing and field.get("type") not in (
                        "RECORD", "STRUCT") and field.get("mode", "NULLABLE") == "NULLABLE":
                    added_by_ddl = True
                    self._add_column(table, field)
            if added_by_ddl:   # the table changed: update its current version, if need be
                stored = self.client.get_table(self.table_id(table), retry=self._retry())
            try:
                if schemas.added_fields([f.to_api_repr() for f in stored.schema], wanted):
                    stored.schema = self._schema(table)
                    self.client.update_table(stored, ["schema"], retry=self._retry())
            except exceptions.GoogleAPICallError as err:
                # BigQueryDestination.open turns this into the run's one-line error
                raise ValueError(
                    f"BigQuery table {self.table_id(table)} lacks {', '.join(missing)} and "
                    f"the service refused to add them: {str(err).splitlines()[0][:300]}"
                ) from err
        return missing

    def _add_column(self, table: str, field: dict) -> None:
        from google.api_core import exceptions  # noqa: PLC0415
        sql = (f"ALTER TABLE `{self.table_id(table)}` ADD COLUMN IF NOT EXISTS "
               f"`{field['name']}` {field['type']}")
        try:
            self.client.query(sql, retry=self._retry(), job_retry=self._job_retry()
                              ).result(timeout=self.job_timeout)
        except exceptions.GoogleAPICallError as err:
            raise ValueError(f"BigQuery table {self.table_id(table)} lacks {field['name']} "
                             f"and the service refused to add it: "
                             f"{str(err).splitlines()[0][:300]}") from err

    def create_staging(self, run_id: str) -> None:
        """Create this run's staging tables (they expire by themselves if the run dies)."""
        from google.cloud import bigquery  # noqa: PLC0415
        expires = dt.datetime.now(dt.timezone.utc) + STAGING_EXPIRY
        for table in PIPELINE_TABLES:
            t = bigquery.Table(self.table_id(staging_table_name(run_id, table)),
                               schema=self._schema(table))
            t.expires = expires
            self.client.create_table(t, exists_ok=True, retry=self._retry())

    def merge_staging(self, run_id: str, tables=PIPELINE_TABLES) -> dict[str, int]:
        """MERGE each staging table of ``run_id`` into its table, drop it; rows added."""
        added = {}
        for table in tables:
            staging = self.table_id(staging_table_name(run_id, table))
            added[table] = self._merge(table, staging)
            self.client.delete_table(staging, not_found_ok=True, retry=self._retry())
        return added

    def _merge(self, table: str, source_table: str) -> int:
        cols = schemas.column_names(table)
        key = schemas.TABLES[table]["key"]
        order = _LATEST_FIRST.get(table, ", ".join(f"`{k}`" for k in key))
        on = " AND ".join(f"T.`{k}` = S.`{k}`" for k in key)
        col_list = ", ".join(f"`{c}`" for c in cols)
        values = ", ".join(f"S.`{c}`" for c in cols)
        sql = (f"MERGE `{self.table_id(table)}` T\n"
               f"USING (SELECT * FROM `{source_table}` WHERE TRUE\n"
               f"       QUALIFY ROW_NUMBER() OVER (PARTITION BY "
               f"{', '.join(f'`{k}`' for k in key)} ORDER BY {order}) = 1) S\n"
               f"ON {on}\n")
        if schemas.TABLES[table].get("on_conflict") == "replace":
            sets = ", ".join(f"`{c}` = S.`{c}`" for c in cols if c not in key)
            sql += f"WHEN MATCHED THEN UPDATE SET {sets}\n"
        sql += f"WHEN NOT MATCHED THEN INSERT ({col_list}) VALUES ({values})"
        job = self.client.query(sql, retry=self._retry(), job_retry=self._job_retry())
        job.result(timeout=self.job_timeout)
        return job.num_dml_affected_rows or 0

    @contextlib.contextmanager
    def _scratch(self, table: str, rows: list[dict], purpose: str):
        """``rows`` loaded into a scratch table with ``table``'s schema, dropped after."""
        from google.cloud import bigquery  # noqa: PLC0415
        tmp = self.table_id(f"_{purpose}_{table}_{uuid.uuid4().hex[:12]}")
        data = "\n".join(json.dumps(to_json_row(table, r), ensure_ascii=False)
                         for r in rows).encode("utf-8")
        config = bigquery.LoadJobConfig(schema=self._schema(table),
                                        source_format="NEWLINE_DELIMITED_JSON",
                                        write_disposition="WRITE_TRUNCATE")
        try:
            # No size given: a resumable upload (one request per load, any size).
            self.client.load_table_from_file(io.BytesIO(data), tmp, job_config=config,
                                             timeout=REQUEST_TIMEOUT
                                             ).result(timeout=self.job_timeout)
            yield tmp
        finally:
            self.client.delete_table(tmp, not_found_ok=True, retry=self._retry())

    def insert_rows(self, table: str, rows: list[dict]) -> int:
        """Add (or, for replace tables, upsert) ``rows``: a load job, then a MERGE."""
        if not rows:
            return 0
        with self._scratch(table, rows, "load") as tmp:
            return self._merge(table, tmp)

    @contextlib.contextmanager
    def _scratch_files(self, table: str, paths: list[str], purpose: str):
        """The Parquet files ``paths`` loaded into a scratch table with their columns of
        ``table``'s schema (one load job: the files are joined into one upload a row group
        at a time, so their rows never sit in the driver), dropped after."""
        from google.cloud import bigquery  # noqa: PLC0415
        from google.cloud.bigquery.format_options import ParquetOptions  # noqa: PLC0415
        tmp = self.table_id(f"_{purpose}_{table}_{uuid.uuid4().hex[:12]}")
        names = set(pq.read_schema(paths[0]).names)
        options = ParquetOptions()
        options.enable_list_inference = True   # Arrow's lists as REPEATED fields
        config = bigquery.LoadJobConfig(
            schema=[f for f in self._schema(table) if f.name in names],
            source_format=bigquery.SourceFormat.PARQUET, write_disposition="WRITE_TRUNCATE")
        config.parquet_options = options
        with tempfile.TemporaryDirectory(prefix="orewire-load-") as folder:
            upload = concat_shards(sorted(paths), os.path.join(folder, "rows.parquet"))
            try:
                with open(upload, "rb") as data:
                    self.client.load_table_from_file(data, tmp, job_config=config,
                                                     timeout=REQUEST_TIMEOUT
                                                     ).result(timeout=self.job_timeout)
                yield tmp
            finally:
                self.client.delete_table(tmp, not_found_ok=True, retry=self._retry())

    def update_from_files(self, table: str, paths: list[str], columns) -> int:
        """Set ``columns`` of the stored rows that share a key with the rows of the
        Parquet files ``paths``: a load job of the files into a scratch table, then a
        MERGE that only updates; rows updated."""
        from google.api_core.exceptions import GoogleAPIError  # noqa: PLC0415
        if not paths:
            return 0
        try:
            with self._scratch_files(table, paths, "update") as tmp:
                return self._merge_update(table, tmp, columns)
        except (GoogleAPIError, OSError) as err:
            raise WarehouseError(f"cannot update {self.table_id(table)}: "
                                 f"{str(err).splitlines()[0][:300]}") from err

    def _merge_update(self, table: str, source_table: str, columns) -> int:
        key = schemas.TABLES[table]["key"]
        on = " AND ".join(f"T.`{k}` = S.`{k}`" for k in key)
        sets = ", ".join(f"`{c}` = S.`{c}`" for c in columns)
        job = self.client.query(
            f"MERGE `{self.table_id(table)}` T USING `{source_table}` S ON {on}\n"
            f"WHEN MATCHED THEN UPDATE SET {sets}",
            retry=self._retry(), job_retry=self._job_retry())
        job.result(timeout=self.job_timeout)
        return job.num_dml_affected_rows or 0

    # ------------------------------------------------------------ reads

    def article_shard(self, columns, shard: int, shards: int, since=None):
        """One shard of the stored articles: FARM_FINGERPRINT of article_id modulo
        ``shards`` (ABS of the remainder, not of the fingerprint, which may be INT64's
        minimum)."""
        where, params = self._since(since)
        cols = ", ".join(f"`{c}`" for c in columns)
        return self.query(f"SELECT {cols} FROM articles WHERE "
                          f"ABS(MOD(FARM_FINGERPRINT(article_id), {int(shards)})) = ?"
                          + (f" AND {where}" if where else ""), [int(shard), *params])

    def stored_article_ids(self, ids, since=None) -> set[str]:
        """Which of ``ids`` are stored (ingested at or after ``since``, when given): one
        query with an ARRAY<STRING> parameter (both graphs ask this per batch of new ids;
        rows still in the streaming buffer are found too)."""
        ids = sorted(set(ids))
        if not ids:
            return set()
        sql, params = "SELECT article_id FROM articles WHERE article_id IN UNNEST(?)", [ids]
        if since is not None:
            sql += " AND ingested_at >= ?"
            params.append(since)
        _, rows = self.query(sql, params)
        return {r[0] for r in rows}

    def near_duplicate_candidates(self, bands, since) -> list[dict]:
        """{article_id, signature, published_at} of the stored articles ingested at or
        after ``since`` that have one of ``bands`` in ``article_bands``."""
        bands = sorted(set(bands))
        if not bands:
            return []
        cols, rows = self.query(
            "SELECT article_id, content_signature AS signature, published_at FROM articles "
            "WHERE ingested_at >= ? AND content_signature IS NOT NULL AND article_id IN "
            "(SELECT article_id FROM article_bands WHERE ingested_at >= ? "
            " AND band IN UNNEST(?))", [since, since, bands])
        return [dict(zip(cols, r)) for r in rows]

    def band_index_complete(self, since) -> bool:
        """Whether every article with a signature ingested since ``since`` has its bands
        in ``article_bands`` (two counts; the bands of an article are written together)."""
        _, rows = self.query(
            "SELECT (SELECT COUNT(*) FROM articles WHERE ingested_at >= ? "
            "        AND content_signature IS NOT NULL), "
            "       (SELECT COUNT(*) FROM article_bands WHERE ingested_at >= ?)",
            [since, since])
        n_articles, n_bands = rows[0]
        return n_bands == neardup.NUM_BANDS * n_articles

    def stale_bands(self, before) -> bool:
        """Whether ``article_bands`` holds bands of articles ingested before ``before``."""
        _, rows = self.query(
            f"SELECT EXISTS (SELECT 1 FROM `{self.table_id('article_bands')}` "
            "WHERE ingested_at < ?)", [before])
        return bool(rows[0][0])

    def prune_bands(self, before) -> int:
        """Delete the bands of articles ingested before ``before`` (long out of the
        streaming buffer, which DML may not touch); returns the rows deleted."""
        job = self.client.query(
            f"DELETE FROM `{self.table_id('article_bands')}` WHERE ingested_at < @since",
            job_config=self._since_config(before), retry=self._retry(),
            job_retry=self._job_retry())
        job.result()
        return job.num_dml_affected_rows or 0

    def index_bands(self, since) -> int:
        """Write the bands of the articles with a signature ingested since ``since`` that
        have none in ``article_bands`` (computed in SQL, as ``neardup.bands``); returns
        the band rows written."""
        width = 8 * neardup.ROWS_PER_BAND
        job = self.client.query(
            f"INSERT INTO `{self.table_id('article_bands')}` (band, article_id, ingested_at)\n"
            f"SELECT CONCAT(CAST(k AS STRING), ':', SUBSTR(a.content_signature, "
            f"{width} * k + 1, {width})), a.article_id, a.ingested_at\n"
            f"FROM `{self.table_id('articles')}` AS a\n"
            f"CROSS JOIN UNNEST(GENERATE_ARRAY(0, {neardup.NUM_BANDS - 1})) AS k\n"
            "WHERE a.ingested_at >= @since AND a.content_signature IS NOT NULL\n"
            "  AND a.article_id NOT IN (SELECT b.article_id FROM "
            f"`{self.table_id('article_bands')}` AS b WHERE b.ingested_at >= @since)",
            job_config=self._since_config(since), retry=self._retry(),
            job_retry=self._job_retry())
        job.result()
        return job.num_dml_affected_rows or 0

    @staticmethod
    def _since_config(since):
        from google.cloud import bigquery  # noqa: PLC0415
        return bigquery.QueryJobConfig(query_parameters=[
            bigquery.ScalarQueryParameter("since", "TIMESTAMP", since)])

    def feed_states(self) -> dict[str, dict]:
        cols, rows = self.query("SELECT * FROM feed_state")
        return {row[0]: dict(zip(cols, row)) for row in rows}

    def count(self, table: str, where: str = "", params: list | None = None) -> int:
        sql = f"SELECT COUNT(*) FROM `{table}`" + (f" WHERE {where}" if where else "")
        return self.query(sql, params)[1][0][0]

    def query(self, sql: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
        """BigQuery Standard SQL; bare table names resolve in this dataset; ``?`` params."""
        from google.cloud import bigquery  # noqa: PLC0415
        config = bigquery.QueryJobConfig(
            default_dataset=f"{self.project}.{self.dataset}",
            query_parameters=[_param(v) for v in params or []])
        result = self.client.query(sql, job_config=config, retry=self._retry(),
                                   job_retry=self._job_retry()
                                   ).result(timeout=self.job_timeout)
        return [f.name for f in result.schema], [tuple(r.values()) for r in result]

    # The house dialect is BigQuery's: nothing to translate here.
    sql = query


def to_bigquery(sql: str, dialect: str) -> str:
    """``sql`` in ``dialect`` as BigQuery Standard SQL (the house dialect: as it is)."""
    if dialect == "bigquery":
        return sql
    try:
        return ";\n".join(sqlglot.transpile(sql, read=dialect, write="bigquery"))
    except sqlglot.errors.SqlglotError as err:
        raise QueryError(f"cannot parse SQL: {first_line(err)}") from err


@dataclasses.dataclass(frozen=True)
class BigQueryDestination(Destination):
    """``--warehouse bigquery:PROJECT.DATASET`` (``endpoint``: an emulator or a private
    endpoint, with anonymous credentials; ``location``: of the dataset and its jobs)."""

    project: str
    dataset: str
    endpoint: str | None = None
    location: str = DEFAULT_LOCATION
    kind = "bigquery"
    capabilities = Capabilities(remote_workers=True, load_after_run=False,
                                streaming_graph=True, one_writing_run=False)
    # Seconds the client keeps retrying transient errors of one call.
    api_deadline = BigQueryWarehouse.api_deadline

    @classmethod
    def parse(cls, spec: str, endpoint: str | None = None,
              location: str | None = None) -> "BigQueryDestination":
        project, dataset = parse_spec(spec)
        if endpoint:
            parts = urlsplit(endpoint)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise DestinationError(f"--bigquery-endpoint must be an http(s) URL, "
                                       f"not {endpoint!r}")
        return cls(project, dataset, endpoint or None, location or DEFAULT_LOCATION)

    @property
    def spec(self) -> str:
        return f"{SPEC_PREFIX}{self.project}.{self.dataset}"

    def _where(self) -> str:
        return f" at {redact(self.endpoint)}" if self.endpoint else ""

    def open(self, read_only: bool = False, create: bool = True) -> BigQueryWarehouse:
        try:
            return BigQueryWarehouse(self.project, self.dataset, endpoint=self.endpoint,
                                     location=self.location,
                                     create=create and not read_only)
        except ValueError as err:
            raise WarehouseError(str(err)) from err
        except Exception as err:  # noqa: BLE001 (auth, transport and API errors alike)
            raise WarehouseError(f"cannot open BigQuery warehouse {self.spec}"
                                 f"{self._where()}: "
                                 f"{redact(str(err).splitlines()[0][:300])}") from err

    def client(self):
        """A google-cloud-bigquery client for this destination (close it)."""
        return make_client(self.project, self.endpoint, self.location)

    def table_id(self, table: str) -> str:
        return f"{self.project}.{self.dataset}.{table}"

    def staging_table_ref(self, run_id: str, table: str) -> str:
        """Run ``run_id``'s staging table for ``table``, as Beam's BigQuery sink names
        tables (``PROJECT:DATASET.TABLE``)."""
        return f"{self.project}:{self.dataset}.{staging_table_name(run_id, table)}"

    json_row = staticmethod(to_json_row)

    def sql(self, text, dialect="bigquery", params=None):
        from google.api_core.exceptions import GoogleAPIError  # noqa: PLC0415
        from google.auth.exceptions import GoogleAuthError  # noqa: PLC0415
        statements = [to_bigquery(s, dialect) for s in split_statements(text, dialect)]
        try:
            with self.open(read_only=True) as wh:
                return [wh.query(s, params) for s in statements]
        except WarehouseError as err:
            raise QueryError(str(err)) from err
        except (GoogleAPIError, GoogleAuthError, OSError) as err:
            message = getattr(err, "message", None) or str(err)
            raise QueryError(message.splitlines()[0][:500]) from err

    # ------------------------------------------------------------ a run's life

    def prepare_run(self, run_id: str, *, staged: bool = True) -> BigQueryWarehouse:
        """The dataset and tables created when missing and, for a batch run
        (``staged``), the run's staging tables (they expire by themselves if the run
        dies); a streaming job writes straight into the tables."""
        from google.api_core.exceptions import GoogleAPIError  # noqa: PLC0415
        from google.auth.exceptions import GoogleAuthError  # noqa: PLC0415
        wh = self.open()
        try:
            if staged:
                wh.create_staging(run_id)
        except (GoogleAPIError, GoogleAuthError, OSError) as err:
            wh.close()
            raise WarehouseError(f"BigQuery warehouse {self.spec}: "
                                 f"{str(err).splitlines()[0][:300]}") from err
        return wh

    def staged_writer(self, run_id, staging_dir, *, write_method="STREAMING_INSERTS",
                      batch_size=500):
        # The step's name "BigQuery" is part of the Dataflow job's contract (its steps
        # are WriteToWarehouse/BigQuery/...; tests/test_dataflow.py).
        from orewire.transforms.write_bigquery import WriteToBigQueryWarehouse  # noqa: PLC0415
        return "BigQuery" >> WriteToBigQueryWarehouse(self, run_id, method=write_method)

    def stream_writer(self, run_id_at):
        from orewire.transforms.write_bigquery import StreamToBigQueryTables  # noqa: PLC0415
        return StreamToBigQueryTables(self, run_id_at)
