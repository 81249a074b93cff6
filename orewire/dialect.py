"""BigQuery Standard SQL (the dialect of ``sql/``) translated for DuckDB with sqlglot:
what orewire/query.py runs on a DuckDB warehouse and ``DuckDBWarehouse.sql`` uses, kept
apart so that neither of those modules imports the other."""
from __future__ import annotations

import sqlglot
from sqlglot import exp


class QueryError(RuntimeError):
    pass


def first_line(err: Exception) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0][:500]


def to_duckdb(sql: str, dialect: str = "bigquery") -> str:
    """Translate one statement to DuckDB, dropping dataset/project qualifiers."""
    try:
        trees = [t for t in sqlglot.parse(sql, read=dialect) if t is not None]
    except sqlglot.errors.SqlglotError as err:
        raise QueryError(f"cannot parse SQL: {first_line(err)}") from err
    for tree in trees:
        for table in tree.find_all(exp.Table):
            table.set("db", None)
            table.set("catalog", None)
    if not trees:
        raise QueryError("no SQL statement given")
    return ";\n".join(tree.sql(dialect="duckdb") for tree in trees)
