"""The ``orewire`` command: a dispatcher that imports a subcommand's module only when that
subcommand runs, so that ``orewire --help``, ``--version`` and ``orewire query`` start
without loading Beam (about 1.5 s of imports); ``orewire query``, the analyst's SQL.

    orewire query top_sources                       # a query of sql/ by its name
    orewire query sql/supply_events.sql --format csv
    orewire query "SELECT title, mineral_ids FROM articles LIMIT 5"
"""
from __future__ import annotations

import argparse
import datetime as dt
import difflib
import importlib
import os
import sys

from orewire import DEFAULT_WAREHOUSE, PIPELINE_VERSION

# name: (module, function, one line of help). Modules are imported when the command runs.
COMMANDS = {
    "run": ("orewire.pipeline.cli", "run",
            "read feeds and write article rows to the warehouse (orewire run --help)"),
    "query": ("orewire.command", "query",
              "run SQL or a named query on the warehouse (orewire query --help)"),
    "report": ("orewire.command", "report",
               "write the interactive HTML report (orewire report --help)"),
    "digest": ("orewire.command", "digest",
               "what is new this week: links, supply events, surges (orewire digest --help)"),
    "retry": ("orewire.pipeline.cli", "retry",
              "re-attempt the retryable dead letters and mark what now succeeds resolved"),
    "reprocess": ("orewire.pipeline.cli", "reprocess",
                  "re-run entities, minerals and links over the stored text (no refetch)"),
}


class StrictParser(argparse.ArgumentParser):
    """argparse without prefix matching, whose unknown-option error names the closest
    option ("--warehose": did you mean --warehouse?)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message):
        if message.startswith("unrecognized arguments:"):
            options = [o for a in self._actions for o in a.option_strings]
            for arg in message.split(":", 1)[1].split():
                close = difflib.get_close_matches(arg.split("=")[0], options, n=1)
                if close:
                    message += f" (did you mean {close[0]}?)"
                    break
        super().error(message)


def usage() -> str:
    names = ",".join(COMMANDS)
    lines = [f"usage: orewire {{{names}}} [options]", ""]
    lines += [f"  {name:<10} {help_}" for name, (_m, _f, help_) in COMMANDS.items()]
    return "\n".join(lines + ["", f"orewire {PIPELINE_VERSION}"])


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] in (["--version"], ["-V"]):
        print(f"orewire {PIPELINE_VERSION.removeprefix('orewire-')}")
        return 0
    if argv[:1] in (["-h"], ["--help"]):
        print(usage())
        return 0
    if not argv or argv[0] not in COMMANDS:
        if argv:
            close = difflib.get_close_matches(argv[0], COMMANDS, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            print(f"orewire: error: unknown command {argv[0]!r}{hint}", file=sys.stderr)
        print(usage(), file=sys.stderr)
        return 2
    module, function, _help = COMMANDS[argv[0]]
    return getattr(importlib.import_module(module), function)(argv[1:])


def _reader_parser(prog: str, description: str, *, location: bool = False) -> StrictParser:
    """A parser with the flags every command that reads the warehouse takes."""
    parser = StrictParser(prog=prog, description=description)
    parser.add_argument("--warehouse", default=DEFAULT_WAREHOUSE,
                        metavar="PATH.duckdb|bigquery:PROJECT.DATASET")
    parser.add_argument("--bigquery-endpoint", "--bigquery_endpoint", dest="bigquery_endpoint",
                        default=None, metavar="URL",
                        help="BigQuery API endpoint (an emulator's URL), for bigquery: "
                             "warehouses; anonymous credentials")
    if location:
        parser.add_argument("--bigquery-location", "--bigquery_location",
                            dest="bigquery_location", default="US", metavar="LOCATION")
    return parser


def _readable(ns, error):
    """The warehouse to read, parsed once (orewire/destinations/); ``error`` (the
    command's one-line error) when the value is unusable or names nothing to read (a
    missing file; a remote dataset is checked when read)."""
    from orewire.destinations import DestinationError, parse_destination  # noqa: PLC0415
    try:
        dest = parse_destination(ns.warehouse, endpoint=ns.bigquery_endpoint,
                                 location=getattr(ns, "bigquery_location", None))
    except DestinationError as err:
        raise error(str(err)) from err
    if not dest.exists():
        raise error(f"warehouse not found: {ns.warehouse}")
    return dest


def query(argv: list[str]) -> int:
    """``orewire query``: every statement's result, as a table, CSV or JSON."""
    parser = _reader_parser(
        "orewire query",
        "Run SQL on the warehouse: a query's name (orewire query --list), the "
        "path of a .sql file, or SQL text. SQL is BigQuery Standard SQL, the "
        "dialect of sql/; on DuckDB it is translated with sqlglot (--dialect "
        "duckdb runs DuckDB SQL as is). Each statement's result is printed.", location=True)
    parser.add_argument("sql", nargs="?", help="a query's name, a .sql file or SQL text")
    parser.add_argument("--list", action="store_true",
                        help="list the named queries with the question each answers")
    parser.add_argument("--dialect", choices=("bigquery", "duckdb"), default="bigquery")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.add_argument("--max-width", type=int, default=None, metavar="N",
                        help="cut table cells to N characters (default 60; 0: never cut)")
    ns = parser.parse_args(argv)
    if ns.max_width is not None and ns.max_width < 0:
        parser.error("--max-width must be 0 (no limit) or more")
    from orewire import query as q  # noqa: PLC0415 (duckdb and sqlglot: only to run SQL)
    from orewire.tables import DEFAULT_MAX_WIDTH, format_rows  # noqa: PLC0415
    if ns.list:
        return _print(_query_list(q))
    if not ns.sql:
        parser.error("give a query's name, a .sql file or SQL text (or --list)")
    width = DEFAULT_MAX_WIDTH if ns.max_width is None else (ns.max_width or 10**9)
    try:
        results = q.run_statements(ns.warehouse, q.resolve_sql(ns.sql), ns.dialect,
                                   endpoint=ns.bigquery_endpoint,
                                   location=ns.bigquery_location)
    except q.QueryError as err:
        print(f"orewire query: error: {err}", file=sys.stderr)
        return 1
    if ns.format == "json" and len(results) > 1:
        import json  # noqa: PLC0415
        text = json.dumps([{"statement": i + 1, "rows": [dict(zip(c, r)) for r in rows]}
                           for i, (c, rows) in enumerate(results)],
                          default=str, ensure_ascii=False, indent=1)
    else:
        text = "\n\n".join(format_rows(cols, rows, ns.format, width) for cols, rows in results)
    return _print(text)


def report(argv: list[str]) -> int:
    """``orewire report``: the analyst's interactive report folder (orewire/report.py)."""
    parser = _reader_parser(
        "orewire report",
        "Write an interactive report folder (open index.html; it needs no "
        "server and loads nothing from the network) of what the warehouse "
        "holds: what is new, the article list, stories over time, a map of "
        "countries linked to minerals, trends, mentions per mineral, supply "
        "events, figures, sources, dead letters and runs, all filtered by "
        "mineral, country, period and event type, each table as CSV.")
    parser.add_argument("--since", metavar="DATE",
                        help="only articles published from DATE on (YYYY-MM-DD, or 30d / "
                             "4w for the last 30 days / 4 weeks). Default: all.")
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="directory to write index.html and its scripts into")
    ns = parser.parse_args(argv)
    from orewire import report as rep  # noqa: PLC0415 (altair and vl-convert only for this command)
    from orewire.query import QueryError  # noqa: PLC0415
    try:
        since = rep.parse_since(ns.since)
        dest = _readable(ns, rep.ReportError)
        if os.path.exists(ns.out) and not os.path.isdir(ns.out):
            raise rep.ReportError(f"--out must be a directory, and {ns.out} is a file")
    except rep.ReportError as err:
        print(f"orewire report: error: {err}", file=sys.stderr)
        return 2
    try:
        index = rep.build_report(dest, ns.out, since)
    except QueryError as err:
        print(f"orewire report: error: {err}", file=sys.stderr)
        return 1
    print(f"report written: {index}")
    return 0


def digest(argv: list[str]) -> int:
    """``orewire digest``: what is new in a window (see orewire/digest.py)."""
    parser = _reader_parser(
        "orewire digest",
        "List what is new in the window against the four weeks before it: new "
        "country-mineral links, export restrictions (new or lifted) and other "
        "supply events, and minerals named by at least 3 stories and more than "
        "twice as often as before; each with its sentence and link, one item "
        "per story (syndicated copies are not repeated).")
    parser.add_argument("--since", default="7d", metavar="DATE|Nd|Nw",
                        help="start of the window: YYYY-MM-DD, or 7d / 2w before --until "
                             "(default 7d)")
    parser.add_argument("--until", metavar="DATE",
                        help="end of the window, YYYY-MM-DD (midnight UTC, excluded); "
                             "default: now")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    ns = parser.parse_args(argv)
    from orewire import digest as dig, report as rep  # noqa: PLC0415
    from orewire.query import QueryError  # noqa: PLC0415
    try:
        until = None
        if ns.until:
            until = dt.datetime.combine(rep.parse_since(ns.until), dt.time(), dt.timezone.utc)
        window = dig.make_window(rep.parse_since(ns.since, (until or dt.datetime.now(
            dt.timezone.utc)).date()), until)
        dest = _readable(ns, rep.ReportError)
    except rep.ReportError as err:
        print(f"orewire digest: error: {err}", file=sys.stderr)
        return 2
    try:
        found = dig.collect_digest(dest, window)
        names = rep.mineral_names(dest) if ns.format == "text" else {}
    except QueryError as err:
        print(f"orewire digest: error: {err}", file=sys.stderr)
        return 1
    print(dig.format_json(found) if ns.format == "json" else dig.format_text(
        found, lambda m: names.get(m) or rep.fallback_name(m), rep.country_label))
    return 0


def _query_list(q) -> str:
    out = []
    for name in q.query_names():
        first = (q.sql_dir() / f"{name}.sql").read_text(encoding="utf-8").splitlines()[:1]
        question = first[0].removeprefix("--").strip() if first and \
            first[0].startswith("--") else ""
        out.append(f"{name:<28} {question.removeprefix('Question:').strip()}")
    return "\n".join(out)


def _print(text: str) -> int:
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # "orewire query ... | head": the reader has all it wants; no traceback, and no
        # second error when Python flushes stdout at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
