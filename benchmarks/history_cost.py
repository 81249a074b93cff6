"""Does a run's cost grow with the warehouse's history? The same new articles, into a
warehouse that already holds many stored articles and into an empty one.

    .venv/bin/python -u benchmarks/history_cost.py                  # 1,000,000 stored
    .venv/bin/python -u benchmarks/history_cost.py --stored 100000  # a quick run

1. A DuckDB warehouse of ``--stored`` synthetic articles (default 1,000,000), ingested
   evenly over two years, so about 125,000 fall in any 90-day window (the near-duplicate
   lookback); each has a 64-value MinHash signature (random hex), an id, a URL, a title, a
   short text. Written by DuckDB itself in one INSERT ... SELECT (not through the
   pipeline), in ingestion order as a warehouse grows. The band index of the window is then
   built by the same statement a run's backfill uses (``index_bands``), as it stands after
   the first run with this version; ``--no-index`` leaves it to the measured run.
   One stored article is the original of a planted syndicated copy: the text of one of the
   new articles, under another URL, ingested three days before.
2. ``--new`` articles (default 200) built as ``benchmarks/throughput.py`` builds them, from
   the shared corpora's real paragraphs, served as pages from loopback hosts (127.42.x.y)
   behind feeds of teasers on 127.43.0.x.
3. ``orewire run`` (a subprocess; ``--per-host-delay 0`` so that the run's own work, not
   politeness waits, is what is compared) into the history warehouse and into an empty
   one, wall time and the peak of the summed RSS of its whole process tree sampled every
   0.2 s. The order alternates over ``--repeat`` rounds; the medians are compared. On a
   machine shared with other work the wall times move with its load: the CPU seconds
   of the run's processes are printed beside them.

Prints both runs, the ratios and pass/fail against issue 14's targets (at most 1.3x the
time and at most 300·10⁶ bytes more peak memory), and checks that all new articles were
stored and that the planted copy is marked ``duplicate_of`` the stored original. Exit
status 0 when every check passes, 1 otherwise.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.throughput import (Sites, build_corpus, load_paragraphs,  # noqa: E402
                                   mb, run_pipeline)

TIME_RATIO_TARGET = 1.3
MEMORY_TARGET = 300 * 10**6       # bytes more peak RSS, all processes
HISTORY_DAYS = 730
PLANTED_ID = "feedfacefeedfacefeedfacefeedface"   # the stored original of the copy
STORED_URL = "https://stored.example/"


def build_history(path: Path, stored: int, original_text: str, index: bool) -> float:
    """The history warehouse at ``path``; returns the seconds it took."""
    from orewire.neardup import signature
    from orewire.destinations.duckdb import DuckDBWarehouse
    from orewire.transforms.mark_duplicates import lookback_start

    started = time.perf_counter()
    now = dt.datetime.now(dt.timezone.utc)
    first = now - dt.timedelta(days=HISTORY_DAYS)
    step_us = int(HISTORY_DAYS * 86400 * 10**6 / max(stored, 1))
    with DuckDBWarehouse(str(path)) as wh:
        # 16 md5 digests of 32 hex digits: a 512-digit signature, 64 values of 8 digits.
        sig = " || ".join(f"md5(i::VARCHAR || '-{k}')" for k in range(16))
        wh.con.execute(
            "INSERT INTO articles (article_id, url, feed_url, source, title, published_at, "
            "fetched_at, ingested_at, language, text, word_count, content_signature, "
            "run_id, text_source, mineral_ids, country_codes) "
            f"SELECT md5(i::VARCHAR), '{STORED_URL}' || i, 'https://feeds.example/' || "
            "(i % 50), 'Source ' || (i % 50), 'Stored story ' || i, ts, ts, ts, 'en', "
            "'Stored text of story ' || i || ' about lithium and copper.', 9, "
            f"{sig}, 'history', 'page', ['lithium'], ['CL'] "
            f"FROM (SELECT i, ?::TIMESTAMPTZ + to_microseconds(i * {step_us}) AS ts "
            "      FROM range(?) AS r(i))",
            [first, stored])
        published = now - dt.timedelta(days=3)
        wh.insert_rows("articles", [{
            "article_id": PLANTED_ID, "url": STORED_URL + "original",
            "title": "The original", "text": original_text,
            "content_signature": signature(original_text), "published_at": published,
            "ingested_at": published, "fetched_at": published, "run_id": "history"}])
        if index:
            wh.index_bands(lookback_start())
        wh.con.execute("CHECKPOINT")
    return time.perf_counter() - started


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stored", type=int, default=1_000_000)
    ap.add_argument("--new", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=1, help="rounds, alternating the order")
    ap.add_argument("--no-index", action="store_true",
                    help="leave the band index to the measured run (its one-time backfill)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args(argv)

    articles = build_corpus(load_paragraphs(), args.new, hosts=50, feeds=4)
    copy = articles[0]     # served as new; its text was stored before under another URL
    workdir = Path(tempfile.mkdtemp(prefix="orewire-history-"))
    history = workdir / "history.duckdb"
    print(f"building {args.stored:,} stored articles in {history} ...", flush=True)
    seconds = build_history(history, args.stored, copy.text, not args.no_index)
    import duckdb
    con = duckdb.connect(str(history), read_only=True)
    window, bands = con.execute(
        "SELECT (SELECT count(*) FROM articles WHERE ingested_at >= now() - INTERVAL 90 DAY "
        "AND content_signature IS NOT NULL), (SELECT count(*) FROM article_bands)").fetchone()
    con.close()
    pristine = workdir / "history.pristine.duckdb"
    shutil.copyfile(history, pristine)
    print(f"  {seconds:.1f} s, {os.path.getsize(history) / 1e9:.2f} GB; {window:,} articles "
          f"with a signature in the 90-day window, {bands:,} band rows", flush=True)

    extra = ["--per-host-delay", "0", "--quiet"]
    results: dict[str, list] = {"empty": [], "history": []}
    with Sites(articles, feeds=4) as sites:
        for round_ in range(args.repeat):
            order = ("empty", "history") if round_ % 2 == 0 else ("history", "empty")
            for label in order:
                target = workdir / f"{label}.duckdb"
                if label == "history":
                    shutil.copyfile(pristine, target)
                else:
                    target.unlink(missing_ok=True)
                r = run_pipeline(label, sites, workdir, extra)
                results[label].append(r)
                print(f"  round {round_ + 1} {label:>7}: {r.seconds:6.1f} s, peak RSS "
                      f"{mb(r.peak_rss)} ({r.breakdown}), {r.cpu_seconds:.0f} CPU s, "
                      f"load {r.load:.1f}", flush=True)

    con = duckdb.connect(str(workdir / "history.duckdb"), read_only=True)
    new_stored = con.execute("SELECT count(*) FROM articles WHERE url NOT LIKE ?",
                             [STORED_URL + "%"]).fetchone()[0]
    marked = con.execute(
        "SELECT duplicate_of FROM articles WHERE url LIKE ?",
        [f"%{copy.path}"]).fetchall()
    con.close()
    empty_stored = duckdb.connect(str(workdir / "empty.duckdb"), read_only=True).execute(
        "SELECT count(*) FROM articles").fetchone()[0]

    t_empty = statistics.median(r.seconds for r in results["empty"])
    t_hist = statistics.median(r.seconds for r in results["history"])
    m_empty = statistics.median(r.peak_rss for r in results["empty"])
    m_hist = statistics.median(r.peak_rss for r in results["history"])
    ratio, extra_mem = t_hist / t_empty, m_hist - m_empty
    checks = {
        f"time ratio {ratio:.2f} <= {TIME_RATIO_TARGET}": ratio <= TIME_RATIO_TARGET,
        f"extra peak memory {extra_mem / 1e6:+.0f} MB <= {MEMORY_TARGET / 1e6:.0f} MB":
            extra_mem <= MEMORY_TARGET,
        f"all {args.new} new articles stored (history {new_stored}, empty {empty_stored})":
            new_stored == args.new and empty_stored == args.new,
        f"the planted copy is duplicate_of the stored original ({marked})":
            marked == [(PLANTED_ID,)],
    }
    print(f"\n{args.new} new articles, {args.stored:,} stored ({window:,} in the window), "
          f"median of {args.repeat} round(s)")
    for name, t, m in (("empty", t_empty, m_empty), ("history", t_hist, m_hist)):
        cpu = statistics.median(r.cpu_seconds for r in results[name])
        print(f"  {name + ' warehouse:':<19}{t:6.1f} s ({cpu:.0f} CPU s), peak RSS "
              f"{mb(m)} ({m / 1e6:.0f} MB)")
    for text, ok in checks.items():
        print(f"  {'PASS' if ok else 'FAIL'}  {text}")
    if args.keep:
        print(f"work folder kept: {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
