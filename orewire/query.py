"""Run analyst SQL (BigQuery Standard SQL, the dialect of ``sql/``) on the warehouse.

On DuckDB the statement is translated with sqlglot first; table names may be written bare
(``articles``) or dataset-qualified (``news.articles``), the dataset being dropped locally.
On BigQuery (``bigquery:PROJECT.DATASET``) it runs as is, bare table names resolving in
the dataset; ``endpoint`` points the client at an emulator or a private endpoint.
"""
from __future__ import annotations

import os

import duckdb
import sqlglot
from sqlglot import exp

from orewire.bigquery import is_bigquery_spec
from orewire.warehouse import DuckDBWarehouse, WarehouseError, open_warehouse


class QueryError(RuntimeError):
    pass


def to_duckdb(sql: str, dialect: str = "bigquery") -> str:
    """Translate one or more statements to DuckDB, dropping dataset/project qualifiers."""
    try:
        trees = sqlglot.parse(sql, read=dialect)
    except sqlglot.errors.ParseError as err:
        raise QueryError(f"cannot parse SQL: {str(err).splitlines()[0]}") from err
    out = []
    for tree in trees:
        if tree is None:
            continue
        for table in tree.find_all(exp.Table):
            table.set("db", None)
            table.set("catalog", None)
        out.append(tree.sql(dialect="duckdb"))
    if not out:
        raise QueryError("no SQL statement given")
    return ";\n".join(out)


def run_duckdb(path: str, sql: str, dialect: str = "bigquery",
               params: list | None = None) -> tuple[list[str], list[tuple]]:
    if not os.path.exists(path):
        raise QueryError(f"warehouse not found: {path}")
    translated = to_duckdb(sql, dialect) if dialect != "duckdb" else sql
    try:
        with DuckDBWarehouse(path, read_only=True) as wh:
            return wh.query(translated, params)
    except (duckdb.Error, WarehouseError) as err:
        raise QueryError(str(err).splitlines()[0]) from err


def to_bigquery(sql: str, dialect: str) -> str:
    if dialect == "bigquery":
        return sql
    try:
        return ";\n".join(sqlglot.transpile(sql, read=dialect, write="bigquery"))
    except sqlglot.errors.ParseError as err:
        raise QueryError(f"cannot parse SQL: {str(err).splitlines()[0]}") from err


def run_bigquery(spec: str, sql: str, dialect: str = "bigquery", params: list | None = None,
                 endpoint: str | None = None, location: str = "US"):
    from google.api_core.exceptions import GoogleAPIError  # noqa: PLC0415
    from google.auth.exceptions import GoogleAuthError  # noqa: PLC0415
    try:
        with open_warehouse(spec, endpoint, location, read_only=True) as wh:
            return wh.query(to_bigquery(sql, dialect), params)
    except WarehouseError as err:
        raise QueryError(str(err)) from err
    except (GoogleAPIError, GoogleAuthError, OSError) as err:
        message = getattr(err, "message", None) or str(err)
        raise QueryError(message.splitlines()[0][:500]) from err


def run_sql(warehouse: str, sql: str, dialect: str = "bigquery",
            params: list | None = None, *, endpoint: str | None = None,
            location: str = "US", **_kw) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of ``sql`` on ``warehouse``: a .duckdb path or
    ``bigquery:PROJECT.DATASET`` (``endpoint``, ``location`` for BigQuery only)."""
    if is_bigquery_spec(warehouse):
        return run_bigquery(warehouse, sql, dialect, params, endpoint, location)
    return run_duckdb(warehouse, sql, dialect, params)
