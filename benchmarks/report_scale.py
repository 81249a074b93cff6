"""The report at scale: does the report of 10,000 articles open in under 3 seconds in
headless Chromium, and does its folder stay under 15 MB (15·10⁶ bytes)?

    .venv/bin/python benchmarks/report_scale.py                  # 10,000 articles, 3 opens
    .venv/bin/python benchmarks/report_scale.py --articles 20000 --opens 5 --keep build/scale

It builds a synthetic DuckDB warehouse from rows it generates itself (random titles from
a small word list, 74 mineral ids, 60 countries, a year of dates, 1-4 mentions an article,
links, supply events on a fifth of the mentions, figures on a sixth, one article in ten a
syndicated copy, 200 dead letters, 30 runs; seeded, so every run builds the same), writes
the report with ``orewire report``'s own code, then opens ``index.html`` in Debian's
chromium through Playwright with the network off, ``--opens`` times in fresh contexts.

"Opens" is timed to ``document.body.dataset.ready = "1"`` (every view drawn): printed as
the page's own clock at that moment (``performance.now()``, from navigation start) and as
the wall time of the whole ``goto`` + wait, the median of the opens. Exit status 0 when
the median page time is under ``--max-seconds`` (3) and the folder under ``--max-bytes``,
1 otherwise, 2 without chromium. The machine's load moves the times: run it on a quiet
machine, and read a failure on a busy one with that in mind.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time

from orewire import report
from orewire.destinations.duckdb import DuckDBWarehouse

WORDS = ("mine output export quota smelter refinery talks deal price rally slump permit "
         "project supply demand battery grid tariff ban license plant expansion strike "
         "flood study reserve offtake stake state ministry market").split()
EVENT_TYPES = ("export_restriction", "import_measure", "discovery", "production",
               "disruption", "project_milestone", "deal", "investment", "price", "policy")
DIRECTIONS = {"export_restriction": ("tightening", "easing"),
              "import_measure": ("tightening", "easing"), "production": ("up", "down", None),
              "price": ("up", "down", None)}
COUNTRIES = ("CN AU CL AR BO CD ZA ZW ID PH US CA MX PE BR RU KZ MN IN JP KR VN MY TH DE FR "
             "GB NO SE FI PL UA TR SA AE EG MA NA BW ZM MZ TZ MG GN GH NG ML NE KE ET NZ PG "
             "CO EC VE GT CU UZ TJ").split()


def minerals() -> list[str]:
    from orewire import lexicon  # noqa: PLC0415
    return sorted(r["id"] for r in lexicon.catalog_rows())


def make_rows(n: int, seed: int = 17):
    rng = random.Random(seed)
    ids = minerals()
    start = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
    articles = []
    for i in range(n):
        when = start + dt.timedelta(minutes=rng.randrange(365 * 24 * 60))
        mentions = []
        for k in range(rng.choice((1, 1, 2, 2, 3, 4))):
            mineral = rng.choice(ids[:20] if rng.random() < 0.7 else ids)
            countries = rng.sample(COUNTRIES[:15] if rng.random() < 0.6 else COUNTRIES,
                                   rng.choice((0, 1, 1, 2)))
            sentence = (f"{' '.join(rng.choice(WORDS) for _ in range(6)).capitalize()} "
                        f"{mineral.replace('_', ' ')} in {', '.join(countries) or 'markets'} "
                        f"{' '.join(rng.choice(WORDS) for _ in range(8))}.")
            events = []
            if rng.random() < 0.2:
                t = rng.choice(EVENT_TYPES)
                events.append({"type": t, "direction": rng.choice(DIRECTIONS.get(t, (None,))),
                               "country": countries[0] if countries else None})
            figures = []
            if rng.random() < 0.17:
                figures.append({"value": float(rng.randrange(1, 900)), "unit": "percent"
                                if rng.random() < 0.5 else "tonnes", "kind": "production",
                                "quote": f"{rng.randrange(1, 900)} units", "year": None})
            mentions.append({"mineral": mineral, "surface": mineral, "start": k * 100,
                             "end": k * 100 + 8, "sentence": sentence, "countries": countries,
                             "organizations": [], "figures": figures, "events": events})
        copy_of = None
        if i > 10 and rng.random() < 0.1:
            original = articles[rng.randrange(len(articles))]
            copy_of, mentions = original["article_id"], original["minerals"]
            when = original["published_at"] + dt.timedelta(hours=rng.randrange(1, 48))
        aid = f"{i:08d}{rng.getrandbits(64):016x}"
        articles.append({
            "article_id": aid, "url": f"https://news{i % 40}.example.org/story/{aid}",
            "source": f"Desk {i % 40}", "feed_url": f"https://news{i % 40}.example.org/feed",
            "title": " ".join(rng.choice(WORDS) for _ in range(rng.randrange(5, 12))).capitalize(),
            "published_at": when, "ingested_at": when, "fetched_at": when, "language": "en",
            "text": "", "word_count": 400, "duplicate_of": copy_of, "minerals": mentions,
            "mineral_ids": sorted({m["mineral"] for m in mentions}),
            "country_codes": sorted({c for m in mentions for c in m["countries"]}),
            "run_id": f"run{i % 30}"})
    dead = [{"dead_letter_id": f"d{i}", "stage": rng.choice(("fetch_articles", "read_feeds")),
             "source": f"https://news{i % 40}.example.org/x/{i}",
             "feed_url": f"https://news{i % 40}.example.org/feed", "error_type": "FetchError",
             "error": rng.choice(("HTTP 404 from x", "timeout fetching x", "HTTP 503 from x")),
             "failed_at": start + dt.timedelta(hours=i * 40), "retryable": i % 2 == 0,
             "run_id": f"run{i % 30}"} for i in range(200)]
    runs = [{"run_id": f"run{i}", "mode": "batch", "started_at": start + dt.timedelta(days=i * 12),
             "finished_at": start + dt.timedelta(days=i * 12, minutes=20), "feeds": 40,
             "entries_seen": 400, "articles_written": 330, "duplicates_skipped": 63,
             "dead_letters": 7} for i in range(30)]
    return articles, dead, runs


def build_warehouse(path: str, n: int) -> None:
    articles, dead, runs = make_rows(n)
    from orewire import lexicon  # noqa: PLC0415
    with DuckDBWarehouse(path) as wh:
        wh.insert_rows("mineral_catalog", lexicon.catalog_rows())
        for i in range(0, len(articles), 2000):
            wh.insert_rows("articles", articles[i:i + 2000])
        wh.insert_rows("dead_letters", dead)
        wh.insert_rows("runs", runs)


def folder_bytes(folder: str) -> int:
    return sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder))


def open_times(index: str, opens: int) -> list[tuple[float, float, list[str]]]:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=["--no-sandbox"])
        for _ in range(opens):
            ctx = browser.new_context(offline=True, viewport={"width": 1280, "height": 1000})
            problems: list[str] = []
            ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                      else (problems.append(r.request.url), r.abort()))
            page = ctx.new_page()
            page.on("requestfailed", lambda r: problems.append(f"failed {r.url}"))
            page.on("pageerror", lambda e: problems.append(str(e)))
            t0 = time.perf_counter()
            page.goto(f"file://{os.path.abspath(index)}")
            page.wait_for_function("document.body.dataset.ready === '1'", timeout=60000)
            wall = time.perf_counter() - t0
            in_page = page.evaluate("window.orewireReport.readyMs") / 1000
            out.append((in_page, wall, problems))
            ctx.close()
        browser.close()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--opens", type=int, default=3)
    ap.add_argument("--max-seconds", type=float, default=3.0)
    ap.add_argument("--max-bytes", type=int, default=15_000_000)
    ap.add_argument("--keep", metavar="DIR", help="write the warehouse and report here")
    ns = ap.parse_args(argv)
    if not shutil.which("chromium"):
        print("chromium is not installed (make chromium)", file=sys.stderr)
        return 2
    work = ns.keep or tempfile.mkdtemp(prefix="orewire-scale-")
    os.makedirs(work, exist_ok=True)
    wh = os.path.join(work, "scale.duckdb")
    if os.path.exists(wh):
        os.remove(wh)
    t = time.perf_counter()
    build_warehouse(wh, ns.articles)
    print(f"warehouse: {ns.articles:,} synthetic articles in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    index = report.build_report(wh, os.path.join(work, "report"))
    print(f"orewire report: written in {time.perf_counter() - t:.1f} s")
    size = folder_bytes(os.path.dirname(index))
    times = open_times(index, ns.opens)
    page_s = statistics.median(x[0] for x in times)
    wall_s = statistics.median(x[1] for x in times)
    problems = sorted({p for x in times for p in x[2]})
    ok_time, ok_size = page_s < ns.max_seconds, size < ns.max_bytes
    print(f"folder: {size:,} bytes (limit {ns.max_bytes:,}): {'pass' if ok_size else 'FAIL'}")
    print(f"open to ready: median {page_s:.2f} s on the page's clock, {wall_s:.2f} s wall "
          f"(opens: {', '.join(f'{x[0]:.2f}' for x in times)}; limit {ns.max_seconds} s): "
          f"{'pass' if ok_time else 'FAIL'}")
    print(f"failed or refused requests, script errors: {problems or 'none'}")
    if not ns.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok_time and ok_size and not problems else 1


if __name__ == "__main__":
    sys.exit(main())
