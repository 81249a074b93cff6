"""Start the bqemulator test service with one fix applied (run it with the emulator's venv).

    .venv-bqemu/bin/python tests/bqemulator_serve.py start --project orewire-test

bqemulator 1.4.0 writes the field names of nested RECORDs unquoted into its DuckDB DDL,
so a nested field named like a SQL keyword (``articles.entities.end``) fails table
creation with a parser error. This wraps its schema mapping so nested names are quoted,
then hands over to the emulator's own command line; nothing else is changed.
"""
from __future__ import annotations

import sys

from bqemulator.storage import type_map

_original = type_map.bq_schema_to_duckdb_columns


def bq_schema_to_duckdb_columns(fields):
    out = []
    for field in fields:
        if str(field.get("type", "")).upper() in ("RECORD", "STRUCT"):
            inner = bq_schema_to_duckdb_columns(field.get("fields", []))
            dtype = "STRUCT(" + ", ".join(f'"{n}" {t}' for n, t in inner) + ")"
            if str(field.get("mode", "NULLABLE")).upper() == "REPEATED":
                dtype += "[]"
            out.append((field["name"], dtype))
        else:
            out.extend(_original([field]))
    return out


type_map.bq_schema_to_duckdb_columns = bq_schema_to_duckdb_columns
for _mod in ("bqemulator.api.routes.tables", "bqemulator.commands.seed"):
    __import__(_mod)
    sys.modules[_mod].bq_schema_to_duckdb_columns = bq_schema_to_duckdb_columns

if __name__ == "__main__":
    from bqemulator.cli import main
    sys.argv[0] = "bqemulator"
    sys.exit(main())
