"""Start the bqemulator test service with two fixes applied (run it with the emulator's venv).

    .venv-bqemu/bin/python tests/bqemulator_serve.py start --project orewire-test

1. bqemulator 1.4.0 writes the field names of nested RECORDs unquoted into its DuckDB DDL,
   so a nested field named like a SQL keyword (``articles.entities.end``) fails table
   creation with a parser error. This wraps its schema mapping so nested names are quoted.
2. bqemulator 1.4.0 keeps one DuckDB connection for the whole process and uses it from two
   threads at once: its ``async def`` routes (jobs.insert/query, insertAll, tables.insert,
   ...) run on the event loop's thread, its plain ``def`` routes (tabledata.list,
   getQueryResults, jobs.get, tables.get, ...) on Starlette's thread pool. A DuckDB Python
   connection is not safe across threads: under concurrent requests the emulator answers
   500 "Attempting to execute an unsuccessful or closed pending query result", deadlocks
   (one thread holds DuckDB's client-context lock and waits for the GIL, the other the
   reverse) or dies with a segmentation fault. This runs FastAPI's sync routes and sync
   dependencies on the event loop's thread, as the async routes already are, so only
   that thread touches DuckDB (see DEVELOPERS.md). The handlers are short; the async ones
   already block the loop while DuckDB runs.

Then it hands over to the emulator's own command line; nothing else is changed.
"""
from __future__ import annotations

import sys
import threading

import fastapi.dependencies.utils
import fastapi.routing

from bqemulator.storage import engine as _engine
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



async def _run_on_loop_thread(func, *args, **kwargs):
    """Stands in for Starlette's ``run_in_threadpool``: call ``func`` on this thread."""
    return func(*args, **kwargs)


# FastAPI looks these names up in its own modules when a request comes in.
fastapi.routing.run_in_threadpool = _run_on_loop_thread
fastapi.dependencies.utils.run_in_threadpool = _run_on_loop_thread

# A tripwire: should any other path still reach the connection from a second thread
# (bqemulator's gRPC servicers would; our clients use REST only), say so in the log.
_connection = _engine.DuckDBEngine.connection.fget
_threads: set[int] = set()


def _connection_once_per_thread(self):
    ident = threading.get_ident()
    if ident not in _threads:
        _threads.add(ident)
        if len(_threads) > 1:
            print(f"bqemulator_serve: DuckDB connection used from a further thread "
                  f"({threading.current_thread().name}); cross-thread use can crash DuckDB",
                  file=sys.stderr, flush=True)
    return _connection(self)


_engine.DuckDBEngine.connection = property(_connection_once_per_thread)

if __name__ == "__main__":
    from bqemulator.cli import main
    sys.argv[0] = "bqemulator"
    sys.exit(main())
