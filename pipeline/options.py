"""The one options class: orewire's flags, on top of every Beam pipeline option."""
from __future__ import annotations

import argparse
import difflib

from apache_beam.options.pipeline_options import PipelineOptions

from orewire import DEFAULT_WAREHOUSE  # noqa: F401 (one default for every command)
from orewire.http import DEFAULT_USER_AGENT


def add_orewire_arguments(parser) -> None:
    """orewire's own flags; used by the options class and by ``orewire run --help``."""
    parser.add_argument(
        "--feeds", nargs="+", default=None, metavar="ITEM",
        help="feed URLs (http/https), feed files, directories of feed files, and list files "
             "(.opml, or .txt with one URL or path a line); local paths or gs:// paths "
             "(for feed lists on Dataflow). Default: the bundled offline sample in "
             "seeds/sample/.")
    parser.add_argument(
        "--warehouse", default=DEFAULT_WAREHOUSE, metavar="PATH.duckdb|bigquery:PROJECT.DATASET",
        help="DuckDB file to write (created on first run), or a BigQuery dataset "
             "(bigquery:PROJECT.DATASET; the dataset and tables are created when missing). "
             "Default: %(default)s in the working directory.")
    parser.add_argument(
        "--bigquery-endpoint", "--bigquery_endpoint", dest="bigquery_endpoint", default=None,
        metavar="URL",
        help="BigQuery API endpoint for an emulator or a private endpoint, used with "
             "anonymous credentials. Default: Google's, with Application Default Credentials.")
    parser.add_argument(
        "--bigquery-location", "--bigquery_location", dest="bigquery_location",
        default="US", metavar="LOCATION",
        help="location of a BigQuery dataset created by the run, and of its jobs "
             "(default %(default)s).")
    parser.add_argument(
        "--bigquery-write-method", "--bigquery_write_method", dest="bigquery_write_method",
        choices=("STREAMING_INSERTS", "FILE_LOADS"), default="STREAMING_INSERTS",
        help="how rows reach BigQuery's per-run staging tables: STREAMING_INSERTS (default, "
             "with insert ids) or FILE_LOADS (load jobs through --temp_location, for large "
             "backfills on Dataflow). Either way a MERGE on the key then adds only new rows.")
    parser.add_argument(
        "--allow-private-network", "--allow_private_network", dest="allow_private_network",
        action="store_true", default=False,
        help="permit fetching from loopback, private and link-local addresses "
             "(off by default: a feed could point at internal services).")
    parser.add_argument(
        "--fetch", choices=("auto", "always", "never"), default="auto",
        help="fetch article pages: auto (default) unless the feed entry carries the full "
             "text (about 150+ words, not a teaser ending in '…', '[…]' or 'Read more'); "
             "always; never (use the feed's text only).")
    parser.add_argument(
        "--http-user-agent", "--http_user_agent", dest="http_user_agent", default=DEFAULT_USER_AGENT,
        help="User-Agent header for feed and page requests.")
    parser.add_argument(
        "--per-host-concurrency", "--per_host_concurrency", dest="per_host_concurrency",
        type=int, default=2, help="requests in flight per host, per worker (default 2).")
    parser.add_argument(
        "--per-host-delay", "--per_host_delay", dest="per_host_delay", type=float,
        default=0.5, help="seconds between request starts to one host (default 0.5).")
    parser.add_argument(
        "--max-bytes", "--max_bytes", dest="max_bytes", type=int, default=10 * 1024 * 1024,
        help="largest response body read, in bytes (default 10 MB).")
    parser.add_argument(
        "--fetch-timeout", "--fetch_timeout", dest="fetch_timeout", type=float, default=45.0,
        help="seconds one request may take in all, a slow drip included (default 45; "
             "connect 5 s and read gaps 15 s at most).")
    parser.add_argument(
        "--deadline", dest="deadline", type=float, default=None, metavar="SECONDS",
        help="time budget of the run, from its start: no feed or page is fetched after "
             "it and fetches in flight are cut off; what was not fetched becomes a "
             "retryable dead letter (orewire retry) and the run ends normally, writing "
             "what it has. With --streaming: locally each poll's budget; on Dataflow "
             "the job's (no poll after it; the job drains and ends). A Dataflow batch "
             "job is cancelled by the service an hour after it (a day without it). "
             "Default: none.")
    parser.add_argument(
        "--poll-interval", "--poll_interval", dest="poll_interval", type=float, default=300.0,
        metavar="SECONDS",
        help="with --streaming: seconds between the starts of two polls of every feed "
             "(default 300).")
    parser.add_argument(
        "--max-polls", "--max_polls", dest="max_polls", type=int, default=None, metavar="N",
        help="with --streaming: stop after N polls (default: run until stopped: locally by "
             "SIGINT/SIGTERM, which finishes the poll in flight; on Dataflow by a drain).")
    parser.add_argument(
        "--dedup-ttl-hours", "--dedup_ttl_hours", dest="dedup_ttl_hours", type=float,
        default=72.0, metavar="HOURS",
        help="with --streaming: how long an article id is remembered to skip it when a feed "
             "shows it again (default 72; the warehouse's key still refuses a second row).")
    parser.add_argument(
        "--quiet", action="store_true", default=False,
        help="print only the summary, no Beam log lines.")


class OrewireOptions(PipelineOptions):
    @classmethod
    def _add_argparse_args(cls, parser):
        add_orewire_arguments(parser)

    def fetcher_config(self) -> dict:
        return {"user_agent": self.http_user_agent,
                "allow_private": self.allow_private_network,
                "per_host_concurrency": self.per_host_concurrency,
                "per_host_delay": self.per_host_delay,
                "max_bytes": self.max_bytes,
                "total_timeout": self.fetch_timeout,
                "connect_timeout": min(5.0, self.fetch_timeout),
                "read_timeout": min(15.0, self.fetch_timeout)}


RETRY_DESCRIPTION = (
    "Re-attempt the retryable dead letters that are not resolved yet (feeds that could "
    "not be read, pages that timed out, answered 5xx/429, did not resolve or were cut "
    "off by --deadline): what now succeeds is stored and its dead letter marked "
    "resolved; what fails again stays one open dead letter, its attempts counted up and "
    "its last_error set (no second row). Takes orewire run's options except --feeds "
    "(the dead letters say what to retry); its summary is stored in runs with mode "
    "'retry'.")


def run_help_parser(prog: str = "orewire run",
                    description: str | None = None) -> argparse.ArgumentParser:
    """``orewire run``'s options for --help and parsing; ``orewire retry`` takes the same
    ones under its own name and description."""
    parser = argparse.ArgumentParser(
        prog=prog, allow_abbrev=False,
        description=description or "Read news feeds, clean the articles, tag entities and minerals, and "
                    "write one row per article to the warehouse. Any Apache Beam pipeline "
                    "option (--runner, --direct_num_workers, --project, --region, "
                    "--temp_location, ...) passes through; the default runner is "
                    "orewire.pipeline.local_runner.LocalRunner (Beam's DirectRunner without its "
                    "Prism download). --dry_run=True builds the job graph (on the "
                    "DataflowRunner: the Dataflow job) offline, reading and writing nothing.",
        epilog="Exit status: 0 when the run completes (items that failed are in the "
               "dead_letters table); 2 for unusable arguments, or a DuckDB warehouse "
               "that another run is writing (one run per file; run again when it has "
               "finished); 1 when the run itself fails (full disk, a worker process "
               "died), with the cause in one line.")
    add_orewire_arguments(parser)
    # Beam's own flag (StandardOptions), listed here for --help and the flex template.
    parser.add_argument(
        "--streaming", action="store_true", default=False,
        help="run until stopped, polling the feeds every --poll-interval seconds and "
             "writing as it goes: on a remote runner (Dataflow) a streaming job "
             "(pipeline/streaming_graph.py), on a local runner a loop of polls.")
    return parser


def unknown_flags(argv: list[str]) -> list[str]:
    """The ``--flags`` of ``argv`` that neither orewire nor any Beam option class defines
    (Beam only logs and drops them: "--warehose x.duckdb" would write elsewhere)."""
    from apache_beam.options.pipeline_options import (  # noqa: PLC0415
        PipelineOptions as BeamOptions, _BeamArgumentParser)
    parser = _BeamArgumentParser(allow_abbrev=False)
    classes = {}
    for cls in BeamOptions.__subclasses__():
        classes.setdefault(str(cls), cls)
    for cls in classes.values():
        cls._add_argparse_args(parser)  # noqa: SLF001 (how Beam builds its own parser)
    _known, unknown = parser.parse_known_args(argv)
    return [a.split("=", 1)[0] for a in unknown if a.startswith("-")]


def closest_option(flag: str) -> str | None:
    """orewire's own option nearest to a mistyped ``flag`` ("--warehose": --warehouse)."""
    parser = argparse.ArgumentParser(add_help=False)
    add_orewire_arguments(parser)
    names = [o for action in parser._actions for o in action.option_strings]  # noqa: SLF001
    close = difflib.get_close_matches(flag, names, n=1)
    return close[0] if close else None
