"""Run analyst SQL (BigQuery Standard SQL, the dialect of ``sql/``) on the warehouse.

On DuckDB the statement is translated with sqlglot first; table names may be written bare
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

import duckdb
import sqlglot
from sqlglot.tokens import TokenType

from orewire.bigquery import is_bigquery_spec
from orewire.dialect import QueryError, first_line as _first_line, to_duckdb  # noqa: F401
from orewire.warehouse import DuckDBWarehouse, WarehouseError, open_warehouse


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


def split_statements(sql: str, dialect: str = "bigquery") -> list[str]:
    """The statements of ``sql`` as written, split at the semicolons the dialect's
    tokenizer sees (not those inside strings or comments)."""
    try:
        tokens = sqlglot.Dialect.get_or_raise(dialect).tokenize(sql)
    except sqlglot.errors.SqlglotError as err:
        raise QueryError(f"cannot parse SQL: {_first_line(err)}") from err
    out, start = [], 0
    for tok in tokens:
        if tok.token_type == TokenType.SEMICOLON:
            out.append(sql[start:tok.start])
            start = tok.end + 1
    out.append(sql[start:])
    statements = [s.strip() for s in out if _has_code(s, dialect)]
    if not statements:
        raise QueryError("no SQL statement given")
    return statements


def _has_code(text: str, dialect: str) -> bool:
    return bool(text.strip()) and bool(sqlglot.Dialect.get_or_raise(dialect).tokenize(text))


def _duckdb_message(err: Exception) -> str:
    """DuckDB's message with its hint lines ("Did you mean ...", candidate columns, the
    line and caret), blank lines dropped."""
    return "\n".join(line for line in str(err).splitlines() if line.strip())


def run_duckdb(path: str, sql: str, dialect: str = "bigquery",
               params: list | None = None) -> list[Result]:
    if not os.path.exists(path):
        raise QueryError(f"warehouse not found: {path} (orewire run --warehouse {path} "
                         "creates it)")
    statements = split_statements(sql, dialect)
    translated = [to_duckdb(s, dialect) if dialect != "duckdb" else s for s in statements]
    results = []
    try:
        with DuckDBWarehouse(path, read_only=True) as wh:
            for statement in translated:
                try:
                    results.append(wh.query(statement, params))
                except duckdb.CatalogException as err:
                    if not wh.query("SELECT COUNT(*) FROM information_schema.tables")[1][0][0]:
                        raise QueryError(
                            f"{path} holds no tables: it is not a warehouse orewire has "
                            f"written yet (orewire run --warehouse {path} fills it)") from err
                    raise
    except (duckdb.Error, WarehouseError) as err:
        raise QueryError(_duckdb_message(err)) from err
    return results


def to_bigquery(sql: str, dialect: str) -> str:
    if dialect == "bigquery":
        return sql
    try:
        return ";\n".join(sqlglot.transpile(sql, read=dialect, write="bigquery"))
    except sqlglot.errors.SqlglotError as err:
        raise QueryError(f"cannot parse SQL: {_first_line(err)}") from err


def run_bigquery(spec: str, sql: str, dialect: str = "bigquery", params: list | None = None,
                 endpoint: str | None = None, location: str = "US") -> list[Result]:
    from google.api_core.exceptions import GoogleAPIError  # noqa: PLC0415
    from google.auth.exceptions import GoogleAuthError  # noqa: PLC0415
    statements = [to_bigquery(s, dialect) for s in split_statements(sql, dialect)]
    try:
        with open_warehouse(spec, endpoint, location, read_only=True) as wh:
            return [wh.query(s, params) for s in statements]
    except WarehouseError as err:
        raise QueryError(str(err)) from err
    except (GoogleAPIError, GoogleAuthError, OSError) as err:
        message = getattr(err, "message", None) or str(err)
        raise QueryError(message.splitlines()[0][:500]) from err


def run_statements(warehouse: str, sql: str, dialect: str = "bigquery",
                   params: list | None = None, *, endpoint: str | None = None,
                   location: str = "US") -> list[Result]:
    """The result of each statement of ``sql`` on ``warehouse``: a .duckdb path or
    ``bigquery:PROJECT.DATASET`` (``endpoint``, ``location`` for BigQuery only)."""
    if is_bigquery_spec(warehouse):
        return run_bigquery(warehouse, sql, dialect, params, endpoint, location)
    return run_duckdb(warehouse, sql, dialect, params)


def run_sql(warehouse: str, sql: str, dialect: str = "bigquery",
            params: list | None = None, *, endpoint: str | None = None,
            location: str = "US", **_kw) -> Result:
    """(column names, rows) of the last statement of ``sql`` (see run_statements)."""
    return run_statements(warehouse, sql, dialect, params, endpoint=endpoint,
                          location=location)[-1]
