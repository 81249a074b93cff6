"""SQL with sqlglot: BigQuery Standard SQL (the dialect of ``sql/``) translated for DuckDB,
and a text split into its statements; what the destinations' ``sql`` uses
(orewire/destinations/)."""
from __future__ import annotations

import sqlglot
from sqlglot import exp
from sqlglot.tokens import TokenType


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


def split_statements(sql: str, dialect: str = "bigquery") -> list[str]:
    """The statements of ``sql`` as written, split at the semicolons the dialect's
    tokenizer sees (not those inside strings or comments)."""
    try:
        tokens = sqlglot.Dialect.get_or_raise(dialect).tokenize(sql)
    except sqlglot.errors.SqlglotError as err:
        raise QueryError(f"cannot parse SQL: {first_line(err)}") from err
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
