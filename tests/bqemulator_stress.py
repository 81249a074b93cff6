"""Send concurrent requests of mixed kinds to a running bqemulator (stdlib only; see
DEVELOPERS.md, "One DuckDB connection, two threads"). Not a test: a reproducer.

    make bqemulator &     # or tests/bqemulator_serve.py on another port
    python3 tests/bqemulator_stress.py http://127.0.0.1:9050 60 query,insert,list,list,list,get

Each kind in the comma list is one thread looping for SECONDS: ``query`` (jobs.query, an
async route), ``insert`` (insertAll, async), ``list`` (tabledata.list, a sync route),
``get`` (tables.get, sync). Prints the requests served per kind and the distinct errors;
exits 1 if any request failed or timed out.
"""
from __future__ import annotations

import json
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

PROJECT = "orewire-test"


def main(base: str, seconds: float, kinds: list[str]) -> int:
    def call(method: str, path: str, body: dict | None = None) -> dict:
        req = urllib.request.Request(
            f"{base}/bigquery/v2/projects/{PROJECT}{path}", method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as resp:  # noqa: S310 (loopback)
            return json.loads(resp.read() or b"{}")

    ds = "stress_" + uuid.uuid4().hex[:8]
    call("POST", "/datasets", {"datasetReference": {"projectId": PROJECT, "datasetId": ds}})
    call("POST", f"/datasets/{ds}/tables", {
        "tableReference": {"projectId": PROJECT, "datasetId": ds, "tableId": "t"},
        "schema": {"fields": [{"name": "i", "type": "INTEGER"},
                              {"name": "s", "type": "STRING"}]}})
    counts = dict.fromkeys(kinds, 0)
    errors: list[str] = []
    deadline = time.monotonic() + seconds

    def worker(kind: str) -> None:
        n = 0
        while time.monotonic() < deadline:
            n += 1
            try:
                if kind == "insert":
                    call("POST", f"/datasets/{ds}/tables/t/insertAll", {"rows": [
                        {"json": {"i": n * 20 + j, "s": "x" * 50}} for j in range(20)]})
                elif kind == "query":
                    call("POST", "/queries", {"useLegacySql": False, "query":
                         f"SELECT s, COUNT(*) AS c, SUM(i) AS t FROM `{ds}.t` GROUP BY s"})
                elif kind == "list":
                    call("GET", f"/datasets/{ds}/tables/t/data?maxResults=500")
                elif kind == "get":
                    call("GET", f"/datasets/{ds}/tables/t")
                else:
                    raise SystemExit(f"unknown kind {kind!r}")
                counts[kind] += 1
            except urllib.error.HTTPError as err:
                errors.append(f"{kind}: HTTP {err.code} {err.read()[:200]!r}")
            except OSError as err:  # refused, reset, timed out: the emulator hung or died
                errors.append(f"{kind}: {err}")
                return

    threads = [threading.Thread(target=worker, args=(k,)) for k in kinds]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("served", counts, "failed", len(errors))
    for line in sorted(set(errors))[:10]:
        print(" ", line)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2]), sys.argv[3].split(",")))
