"""WriteToBigQueryWarehouse: rows of every table -> BigQuery, idempotently.

Each table's rows go through Beam's ``WriteToBigQuery`` into the run's staging table
(``STREAMING_INSERTS`` with insert ids by default; ``FILE_LOADS`` for large backfills on
Dataflow). When every write is done (the merge step takes the writes' outputs as side
inputs, so it runs after them), one MERGE per table on its key moves the rows into the
real table and drops the staging table: a re-run over the same feeds adds nothing.
Rows BigQuery refuses (invalid for the schema) become dead letters, not silent losses.

With ``endpoint`` (an emulator or a private endpoint) the writes use ``EndpointBigQueryClient``
as Beam's ``test_client``: Beam's own BigQuery sink has no endpoint option.
"""
from __future__ import annotations

import apache_beam as beam
from apache_beam.io.gcp.bigquery import BigQueryDisposition, WriteToBigQuery
from apache_beam.io.gcp.bigquery_tools import RetryStrategy
from apache_beam.io.gcp.internal.clients.bigquery import BigqueryV2

import schemas
from orewire.bigquery import BigQueryWarehouse, make_client, staging_table_name, to_json_row
from transforms.common import DEAD_LETTERS, counter, dead_letter

WRITE_METHODS = ("STREAMING_INSERTS", "FILE_LOADS")


class EndpointBigQueryClient(BigqueryV2):
    """Beam's apitools BigQuery client aimed at ``endpoint``, with anonymous access.

    Beam's streaming-insert path calls ``insert_rows_json`` on its client, which this
    delegates to a google-cloud-bigquery client on the same endpoint. Pickled by its
    arguments, so workers rebuild it."""

    def __init__(self, endpoint: str, project: str, location: str = "US"):
        super().__init__(url=endpoint.rstrip("/") + "/bigquery/v2/", get_credentials=False,
                         response_encoding="utf8")
        self.endpoint, self.project, self.location = endpoint, project, location
        self._gcp_client = None

    def __reduce__(self):
        return type(self), (self.endpoint, self.project, self.location)

    def insert_rows_json(self, table, json_rows, **kwargs):
        if self._gcp_client is None:
            self._gcp_client = make_client(self.project, self.endpoint, self.location)
        return self._gcp_client.insert_rows_json(table, json_rows, **kwargs)


def _rejected_to_dead_letter(table: str):
    def convert(failed):
        _destination, row, errors = failed
        ref = row.get("url") or row.get("feed_url") or row.get("source")
        message = "; ".join(e.get("message") or e.get("reason") or str(e)
                            for e in errors) if isinstance(errors, list) else str(errors)
        return dead_letter("write_warehouse", ref, f"BigQuery refused the {table} row: "
                           f"{message}", feed_url=row.get("feed_url"),
                           article_id=row.get("article_id"), payload=row.get("title"))
    return convert


class MergeStagingFn(beam.DoFn):
    """MERGE the run's staging tables into the tables; emits {table: rows added}."""

    def __init__(self, project, dataset, run_id, endpoint, location, tables):
        self.project, self.dataset, self.run_id = project, dataset, run_id
        self.endpoint, self.location, self.tables = endpoint, location, tuple(tables)

    def process(self, _trigger, *_writes_done):
        with BigQueryWarehouse(self.project, self.dataset, endpoint=self.endpoint,
                               location=self.location, create=False) as wh:
            added = wh.finish_run(self.run_id, self.tables)
        for table, n in added.items():
            counter(f"rows_added_{table}").inc(n)
        yield added


class WriteToBigQueryWarehouse(beam.PTransform):
    """{table: PCollection of row dicts} -> PCollection with one {table: rows added}."""

    def __init__(self, project: str, dataset: str, run_id: str, endpoint: str | None = None,
                 location: str = "US", method: str = "STREAMING_INSERTS"):
        super().__init__()
        if method not in WRITE_METHODS:
            raise ValueError(f"unknown BigQuery write method {method!r}")
        self.project, self.dataset, self.run_id = project, dataset, run_id
        self.endpoint, self.location, self.method = endpoint, location, method

    def _write(self, table: str, rows, stamp: dict | None):
        client = (EndpointBigQueryClient(self.endpoint, self.project, self.location)
                  if self.endpoint else None)
        staging = f"{self.project}:{self.dataset}.{staging_table_name(self.run_id, table)}"
        return (rows
                | f"ToJson_{table}" >> beam.Map(lambda row: to_json_row(table, row, stamp))
                | f"Write_{table}" >> WriteToBigQuery(
                    staging, schema={"fields": schemas.bigquery_schema(table)},
                    create_disposition=BigQueryDisposition.CREATE_NEVER,
                    write_disposition=BigQueryDisposition.WRITE_APPEND,
                    method=self.method, test_client=client,
                    insert_retry_strategy=RetryStrategy.RETRY_ON_TRANSIENT_ERROR))

    def _done(self, result) -> list:
        """PCollections complete only once the write's inserts or load jobs finished."""
        if self.method == "FILE_LOADS":
            return [result.destination_load_jobid_pairs, result.destination_copy_jobid_pairs]
        return [result.failed_rows_with_errors]

    def expand(self, tables: dict):
        p = next(iter(tables.values())).pipeline
        done, rejected = [], []
        # Tables other than dead_letters first: their refused rows become dead letters.
        for table in sorted(t for t in tables if t != DEAD_LETTERS):
            result = self._write(table, tables[table], None)
            done.extend(self._done(result))
            if self.method == "STREAMING_INSERTS":
                rejected.append(result.failed_rows_with_errors
                                | f"Refused_{table}" >> beam.Map(
                                    _rejected_to_dead_letter(table)))
        dead = ((tables[DEAD_LETTERS], *rejected) | "DeadAndRefused" >> beam.Flatten())
        result = self._write(DEAD_LETTERS, dead, {"run_id": self.run_id})
        done.extend(self._done(result))
        if self.method == "STREAMING_INSERTS":
            _ = (result.failed_rows_with_errors
                 | "CountRefusedDeadLetters" >> beam.Map(
                     lambda _f: counter("dead_letters_refused").inc()))
        written = sorted(tables)
        return (p
                | "MergeTrigger" >> beam.Create([None])
                | "MergeStaging" >> beam.ParDo(
                    MergeStagingFn(self.project, self.dataset, self.run_id, self.endpoint,
                                   self.location, written),
                    *[beam.pvalue.AsList(pc) for pc in done]))
