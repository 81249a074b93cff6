"""WriteToBigQueryWarehouse: rows of every table -> BigQuery, idempotently.

Each table's rows go through Beam's ``WriteToBigQuery`` into the run's staging table
(``STREAMING_INSERTS`` with insert ids by default; ``FILE_LOADS`` for large backfills on
Dataflow). When every write is done (the merge step takes the writes' outputs as side
inputs, so it runs after them), one MERGE per table on its key moves the rows into the
real table and drops the staging table: a re-run over the same feeds adds nothing.
Rows BigQuery refuses (invalid for the schema) become dead letters, not silent losses.

With an endpoint (an emulator or a private endpoint) the writes use ``EndpointBigQueryClient``
as Beam's ``test_client``: Beam's own BigQuery sink has no endpoint option.

These are the BigQuery destination's Beam writes (``BigQueryDestination.staged_writer``
and ``stream_writer`` make them): they take the destination value and use only its
methods, so this module does not import orewire/destinations/.
"""
from __future__ import annotations

import apache_beam as beam
from apache_beam.io.gcp.bigquery import BigQueryDisposition, WriteToBigQuery
from apache_beam.io.gcp.bigquery_tools import RetryStrategy
from apache_beam.io.gcp.internal.clients.bigquery import BigqueryV2

from orewire import schemas
from orewire.transforms.common import DEAD_LETTERS, REFUSED, counter, dead_letter

WRITE_METHODS = ("STREAMING_INSERTS", "FILE_LOADS")


class EndpointBigQueryClient(BigqueryV2):
    """Beam's apitools BigQuery client aimed at the destination's endpoint, with
    anonymous access.

    Beam's streaming-insert path calls ``insert_rows_json`` on its client, which this
    delegates to a google-cloud-bigquery client on the same endpoint. Pickled by its
    destination, so workers rebuild it."""

    def __init__(self, destination):
        super().__init__(url=destination.endpoint.rstrip("/") + "/bigquery/v2/",
                         get_credentials=False, response_encoding="utf8")
        self.destination = destination
        self._gcp_client = None

    def __reduce__(self):
        return type(self), (self.destination,)

    def insert_rows_json(self, table, json_rows, **kwargs):
        if self._gcp_client is None:
            self._gcp_client = self.destination.client()
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

    def __init__(self, destination, run_id, tables):
        self.destination, self.run_id, self.tables = destination, run_id, tuple(tables)

    def process(self, _trigger, *_writes_done):
        with self.destination.open(create=False) as wh:
            added = wh.merge_staging(self.run_id, self.tables)
        for table, n in added.items():
            counter(f"rows_added_{table}").inc(n)
        yield added


class WriteToBigQueryWarehouse(beam.PTransform):
    """{table: PCollection of row dicts} -> PCollection with one {table: rows added}."""

    def __init__(self, destination, run_id: str, method: str = "STREAMING_INSERTS"):
        super().__init__()
        if method not in WRITE_METHODS:
            raise ValueError(f"unknown BigQuery write method {method!r}")
        self.destination, self.run_id, self.method = destination, run_id, method

    def _write(self, table: str, rows, stamp: dict | None):
        dest = self.destination
        client = EndpointBigQueryClient(dest) if dest.endpoint else None
        staging = dest.staging_table_ref(self.run_id, table)
        return (rows
                | f"ToJson_{table}" >> beam.Map(lambda row: dest.json_row(table, row, stamp))
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
                    MergeStagingFn(self.destination, self.run_id, written),
                    *[beam.pvalue.AsList(pc) for pc in done]))


# ---------------------------------------------------------------- the streaming job's writes

# insertAll reasons that a retry cannot cure (Beam's RETRY_ON_TRANSIENT_ERROR uses these).
_PERMANENT_REASONS = {"invalid", "invalidQuery", "notImplemented"}
STREAM_BATCH = 500  # rows per insertAll request (BigQuery's recommended size)


class StreamRowsFn(beam.DoFn):
    """A batch of JSON rows -> streamed straight into ``table`` with insertAll, each row's
    insert id its key (article_id, dead_letter_id), so a retried request adds no second
    copy. Emits (table, rows inserted); refused rows go to ``refused`` as Beam's
    (destination, row, errors), after ``attempts`` tries for rows refused transiently."""

    def __init__(self, destination, table: str, attempts: int = 3, backoff: float = 1.0):
        self.destination, self.table = destination, table
        self.attempts, self.backoff = attempts, backoff
        self.keys = schemas.TABLES[table]["key"]
        self.client = None

    def insert_id(self, row: dict) -> str:
        """The row's key as insertAll's insert id: one column's value, or the key's
        columns joined (article_bands: band and article_id)."""
        return "|".join(str(row[k]) for k in self.keys)

    def setup(self):
        self.client = self.destination.client()

    def teardown(self):
        if self.client is not None:
            self.client.close()

    def process(self, batch: list):
        import time  # noqa: PLC0415
        from google.cloud.bigquery.retry import DEFAULT_RETRY  # noqa: PLC0415
        table_id = self.destination.table_id(self.table)
        pending, inserted = list(batch), 0
        for attempt in range(self.attempts):
            errors = self.client.insert_rows_json(
                table_id, pending, row_ids=[self.insert_id(r) for r in pending],
                skip_invalid_rows=True,
                retry=DEFAULT_RETRY.with_deadline(self.destination.api_deadline))
            failed = {e["index"]: e.get("errors") or [] for e in errors}
            inserted += len(pending) - len(failed)
            again = []
            for index, errs in sorted(failed.items()):
                permanent = any(e.get("reason") in _PERMANENT_REASONS for e in errs)
                if permanent or attempt + 1 == self.attempts:
                    yield beam.pvalue.TaggedOutput(REFUSED, (table_id, pending[index], errs))
                else:
                    again.append(pending[index])
            if not again:
                break
            time.sleep(self.backoff * 2 ** attempt)
            pending = again
        counter(f"rows_added_{self.table}").inc(inserted)
        yield self.table, inserted


class UpsertFeedStateFn(beam.DoFn):
    """(None, feed_state rows of one window) -> the latest row per feed upserted (a load
    job and a MERGE: feed_state is small, and the MERGE keeps it free of duplicates);
    emits ("feed_state", feeds upserted)."""

    def __init__(self, destination):
        self.destination = destination

    def process(self, keyed):
        _key, rows = keyed
        latest: dict[str, dict] = {}
        for row in rows:
            seen = latest.get(row["feed_url"])
            if seen is None or (row.get("last_polled_at"), row.get("entries_last_poll") or 0) \
                    > (seen.get("last_polled_at"), seen.get("entries_last_poll") or 0):
                latest[row["feed_url"]] = row
        with self.destination.open(create=False) as wh:
            wh.insert_rows("feed_state", list(latest.values()))
        yield "feed_state", len(latest)


class StreamToBigQueryTables(beam.PTransform):
    """The streaming job's writes, straight into the tables (no per-run staging and MERGE,
    which need the end of a batch run):

    - ``articles``, ``dead_letters`` and (when given) ``article_bands``: streaming
      inserts, insert id = the row's key;
      articles BigQuery refuses become dead letters; a dead letter it refuses is counted
      (``dead_letters_refused``);
    - ``feed_state``: one upsert per window of its input (load job + MERGE).

    ``run_id_at``: a function of a dead letter's timestamp giving the run_id it is stored
    with (the streaming job's window). Returns {table: PCollection of (table, rows)}, and
    "refused": the dead letters made of refused articles."""

    def __init__(self, destination, run_id_at=None):
        super().__init__()
        self.destination, self.run_id_at = destination, run_id_at

    def _stream(self, table: str, rows, run_id_at=None):
        json_row = self.destination.json_row

        def to_json(row, timestamp=beam.DoFn.TimestampParam):
            stamp = {"run_id": run_id_at(timestamp)} if run_id_at else None
            return json_row(table, row, stamp)

        return (rows
                | f"ToJson_{table}" >> beam.Map(to_json)
                | f"Batch_{table}" >> beam.BatchElements(min_batch_size=1,
                                                         max_batch_size=STREAM_BATCH)
                | f"Stream_{table}" >> beam.ParDo(StreamRowsFn(self.destination, table))
                .with_outputs(REFUSED, main="written"))

    def expand(self, tables: dict):
        articles = self._stream("articles", tables["articles"])
        refused = (articles[REFUSED]
                   | "RefusedArticles" >> beam.Map(_rejected_to_dead_letter("articles")))
        dead = ((tables[DEAD_LETTERS], refused) | "DeadAndRefused" >> beam.Flatten())
        dead_written = self._stream(DEAD_LETTERS, dead, self.run_id_at)
        if "article_bands" in tables:   # the index: a refused band is counted, not kept
            bands = self._stream("article_bands", tables["article_bands"])
            _ = (bands[REFUSED]
                 | "CountRefusedBands" >> beam.Map(lambda _f: counter("bands_refused").inc()))
        _ = (dead_written[REFUSED]
             | "CountRefusedDeadLetters" >> beam.Map(
                 lambda _f: counter("dead_letters_refused").inc()))
        states = (tables["feed_state"]
                  | "OneUpsertPerWindow" >> beam.Map(lambda row: (None, row))
                  | "GatherFeedState" >> beam.GroupByKey()
                  | "UpsertFeedState" >> beam.ParDo(UpsertFeedStateFn(self.destination)))
        return {"articles": articles.written, DEAD_LETTERS: dead_written.written,
                "feed_state": states, REFUSED: refused}
