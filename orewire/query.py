"""Run analyst SQL (BigQuery Standard SQL, the dialect of ``sql/``) on the warehouse.

The warehouse is a destination (orewire/destinations/), whose ``sql`` runs the text: on
DuckDB each statement is translated with sqlglot first; table names may be written bare
(``articles``) or dataset-qualified (``news.articles``), the dataset being dropped locally.
On BigQuery (``bigquery:PROJECT.DATASET``) it runs as is, bare table names resolving in
the dataset; ``endpoint`` points the client at an emulator or a private endpoint.

A text may hold several statements: each runs in turn and each result is returned. The
analyst queries of ``sql/`` are installed with the package (``orewire/sql``) and can be
named without their folder or suffix (``top_sources``).
"""
from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from orewire.destinations import Destination, DestinationError, parse_destination
from orewire.dialect import QueryError, split_statements  # noqa: F401 (the API's names)


Result = tuple[list[str], list[tuple]]   # (column names, rows)

_NAME = re.compile(r"[A-Za-z_][\w-]*")


def sql_dir() -> Path:
    """The analyst queries: ``orewire/sql`` when installed, the checkout's ``sql/`` else."""
    installed = Path(__file__).resolve().parent / "sql"
    return installed if installed.is_dir() else installed.parent.parent / "sql"


def query_names() -> list[str]:
    return sorted(p.stem for p in sql_dir().glob("*.sql"))


def resolve_sql(arg: str) -> str:
    """The SQL text ``arg`` stands for: a query's name (``top_sources``), a ``.sql`` file,
    or SQL itself."""
    if arg.endswith(".sql"):
        if os.path.isfile(arg):
            return Path(arg).read_text(encoding="utf-8")
        if not os.path.exists(arg) and _NAME.fullmatch(arg[:-4]) and \
                (sql_dir() / arg).is_file():
            return (sql_dir() / arg).read_text(encoding="utf-8")
        raise QueryError(f"SQL file not found: {arg}")
    if _NAME.fullmatch(arg):
        path = sql_dir() / f"{arg}.sql"
        if path.is_file():
            return path.read_text(encoding="utf-8")
        close = difflib.get_close_matches(arg, query_names(), n=1)
        hint = f"; did you mean {close[0]}?" if close else ""
        raise QueryError(f"no query named {arg}{hint} (orewire query --list names them)")
    return arg


def run_statements(warehouse, sql: str, dialect: str = "bigquery",
                   params: list | None = None, *, endpoint: str | None = None,
                   location: str = "US") -> list[Result]:
    """The result of each statement of ``sql`` on ``warehouse``: a Destination, or a
    ``--warehouse`` value (a .duckdb path or ``bigquery:PROJECT.DATASET``, with
    ``endpoint`` and ``location``) parsed into one."""
    if not isinstance(warehouse, Destination):
        try:
            warehouse = parse_destination(warehouse, endpoint=endpoint, location=location)
        except DestinationError as err:
            raise QueryError(str(err)) from err
    return warehouse.sql(sql, dialect, params)


def run_sql(warehouse, sql: str, dialect: str = "bigquery",
            params: list | None = None, *, endpoint: str | None = None,
            location: str = "US", **_kw) -> Result:
    """(column names, rows) of the last statement of ``sql`` (see run_statements)."""
    return run_statements(warehouse, sql, dialect, params, endpoint=endpoint,
                          location=location)[-1]
