"""Score mineral, country, link and figure extraction against a gold file.

    .venv/bin/python benchmarks/eval_minerals.py            # both shared files, dev | test
    .venv/bin/python benchmarks/eval_minerals.py -v         # with the dev items' errors

Each gold item (``corpora/README.md`` describes the format) is served as an article page
from a local HTTP server on 127.0.0.1 behind a local RSS feed of teasers, the real pipeline
(``orewire run``) fetches, cleans, tags and links them into a temporary DuckDB file, and
the rows read back are compared with the gold labels: precision, recall and F1 for mineral
ids, countries, mineral-country links and figures, article level, micro-averaged. Optional
minerals and countries and implied links are neither rewarded nor penalised; a figure
matches on mineral and value within 1%. The false mineral ids found on ``hard_negative``
items are listed.

Items are grouped by the committed split (``benchmarks/minerals_split.json``, made once by
``split_corpora.py``): dev and test side by side, all languages and then per language. The
per-item errors are printed for dev with ``-v``; test's only with ``--test-errors``, because
rules are written on dev and test is for measuring.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT_GOLD = (CORPORA / "minerals_dev.jsonl", CORPORA / "minerals_dev2.jsonl")
DEFAULT_SPLIT = ROOT / "benchmarks" / "minerals_split.json"


# ------------------------------------------------------------------ scoring (no I/O)

class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def compare_sets(predicted: set, gold: set, ignore: set = frozenset()):
    """(tp, fp, fn, false positives, misses) with ``ignore`` neither rewarded nor penalised."""
    pred = predicted - ignore
    gold = gold - ignore
    return (len(pred & gold), len(pred - gold), len(gold - pred),
            sorted(pred - gold), sorted(gold - pred))


def compare_figures(predicted: list[tuple], gold: list[tuple], ignore_minerals: set):
    """Greedy one-to-one match on mineral and value within 1%."""
    pred = [p for p in predicted if p[0] not in ignore_minerals]
    unmatched_gold = list(gold)
    tp, fps = 0, []
    for mineral, value in pred:
        hit = next((g for g in unmatched_gold if g[0] == mineral and
                    abs(g[1] - value) <= 0.01 * max(abs(g[1]), 1e-9)), None)
        if hit is None:
            fps.append((mineral, value))
        else:
            unmatched_gold.remove(hit)
            tp += 1
    return tp, len(fps), len(unmatched_gold), fps, unmatched_gold


def score_item(gold: dict, row: dict) -> dict:
    """Per-item comparison of one gold item with the stored row's fields."""
    opt_m = set(gold.get("optional_minerals") or [])
    opt_c = set(gold.get("optional_countries") or [])
    implied = {tuple(x) for x in gold.get("implied_links") or []}
    pred_links = {(m["mineral"], c) for m in row["minerals"] for c in m["countries"] or []}
    ignored_links = implied | {p for p in pred_links if p[0] in opt_m or p[1] in opt_c}
    pred_figs = [(m["mineral"], f["value"]) for m in row["minerals"] for f in m["figures"] or []]
    gold_figs = [(f["mineral"], float(f["value"])) for f in gold.get("figures") or []]
    return {
        "minerals": compare_sets(set(row["mineral_ids"]), set(gold["minerals"]), opt_m),
        "countries": compare_sets(set(row["country_codes"]), set(gold["countries"]), opt_c),
        "links": compare_sets(pred_links, {tuple(x) for x in gold["links"]}, ignored_links),
        "figures": compare_figures(pred_figs, gold_figs, opt_m),
    }


# ------------------------------------------------------------------ serving and running

def page(item: dict) -> bytes:
    # each line of an excerpt is a paragraph of its page (blank lines or not)
    paras = [p.strip() for p in item["text"].split("\n") if p.strip()]
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paras)
    return (f"<!doctype html><html lang=\"{item.get('lang', 'en')}\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(item.get('title') or item['id'])}</title></head><body>"
            f"<article>{body}</article></body></html>").encode("utf-8")


def feed(items: list[dict], base: str) -> bytes:
    entries = []
    for it in items:
        teaser = " ".join(it["text"].split()[:20]) + " …"
        entries.append(f"<item><title>{escape(it.get('title') or it['id'])}</title>"
                       f"<link>{base}/item/{escape(it['id'])}</link>"
                       f"<guid>{escape(it['id'])}</guid>"
                       f"<description>{escape(teaser)}</description></item>")
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
            "<title>gold</title><link>http://127.0.0.1/</link><description>gold items"
            f"</description>{''.join(entries)}</channel></rss>").encode("utf-8")


def serve(items: list[dict]):
    routes: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = routes.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "application/rss+xml" if self.path == "/feed.xml"
                             else "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    for it in items:
        routes[f"/item/{it['id']}"] = page(it)
    routes["/feed.xml"] = feed(items, base)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, base


def run_pipeline(items: list[dict], workdir: str) -> dict[str, dict]:
    """Rows by gold id, produced by the real pipeline."""
    import duckdb

    from orewire.pipeline.cli import run

    httpd, base = serve(items)
    try:
        warehouse = str(Path(workdir) / "eval.duckdb")
        code = run(["--feeds", f"{base}/feed.xml", "--warehouse", warehouse,
                    "--allow-private-network", "--per-host-delay", "0", "--quiet"])
        if code != 0:
            raise SystemExit(f"orewire run exited {code}")
    finally:
        httpd.shutdown()
    con = duckdb.connect(warehouse, read_only=True)
    cur = con.execute("SELECT url, mineral_ids, country_codes, minerals FROM articles")
    rows = {}
    for url, mineral_ids, country_codes, minerals in cur.fetchall():
        rows[url.rsplit("/item/", 1)[1]] = {"mineral_ids": mineral_ids,
                                            "country_codes": country_codes,
                                            "minerals": minerals}
    con.close()
    return rows


def evaluate(items: list[dict], rows: dict[str, dict], verbose: bool = False) -> dict:
    tallies = {k: Tally() for k in ("minerals", "countries", "links", "figures")}
    negatives, missing, errors = [], [], []
    for it in items:
        row = rows.get(it["id"])
        if row is None:
            missing.append(it["id"])
            row = {"mineral_ids": [], "country_codes": [], "minerals": []}
        result = score_item(it, row)
        for key, (tp, fp, fn, fps, fns) in result.items():
            tallies[key].add(tp, fp, fn)
            if fps or fns:
                errors.append((it["id"], key, fps, fns))
                if verbose:
                    print(f"  {it['id'][:48]:<48} {key:<9} false: {fps}  missed: {fns}")
        if it.get("kind") == "hard_negative":
            opt = set(it.get("optional_minerals") or [])
            negatives.extend((it["id"], m) for m in row["mineral_ids"] if m not in opt)
    return {"tallies": tallies, "negatives": negatives, "missing": missing, "errors": errors}


def load_gold(paths) -> list[dict]:
    """The items of the gold JSONL files, in order; FileNotFoundError names a missing one."""
    items = []
    for name in paths:
        path = Path(name)
        if not path.is_file():
            raise FileNotFoundError(f"gold file not found: {path}")
        items += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                  if line.strip()]
    return items


def groups_by_split(items: list[dict], side: dict[str, str]) -> dict[str, list[dict]]:
    """{"dev": items, "test": items, "other": items not in the split}, in that order."""
    groups: dict[str, list[dict]] = {}
    for it in items:
        groups.setdefault(side.get(it["id"], "other"), []).append(it)
    return {k: groups[k] for k in ("dev", "test", "other") if k in groups}


def gold_and_split(ns, prog: str) -> tuple[list[dict], dict[str, str]] | None:
    """The gold items of ``ns.gold`` and the split of ``ns.split`` (empty when the file is
    missing); None, with one line on stderr, when a gold file is missing."""
    try:
        items = load_gold(ns.gold)
    except FileNotFoundError as err:
        print(f"{prog}: {err}", file=sys.stderr)
        return None
    return items, (load_split(Path(ns.split)) if Path(ns.split).is_file() else {})


def load_split(path: Path) -> dict[str, str]:
    """{item id: "dev" | "test"} from the committed split (benchmarks/split_corpora.py)."""
    split = json.loads(path.read_text(encoding="utf-8"))
    return {**{i: "dev" for i in split["dev"]}, **{i: "test" for i in split["test"]}}


KEYS = ("minerals", "countries", "links", "figures")


def report(groups: dict[str, list[dict]], rows: dict[str, dict]) -> dict[str, dict]:
    """Print one line per metric with a P/R/F1 block per group; return the results."""
    results = {name: evaluate(items, rows) for name, items in groups.items()}
    names = list(groups)
    print(f"{'':<10}" + "".join(f"{f'{n} ({len(groups[n])})':>29}" for n in names))
    print(f"{'':<10}" + "".join(f"{'P':>7}{'R':>7}{'F1':>7}{'fn+fp':>8}" for _ in names))
    for key in KEYS:
        line = f"{key:<10}"
        for n in names:
            t = results[n]["tallies"][key]
            line += f"{t.precision:>7.3f}{t.recall:>7.3f}{t.f1:>7.3f}{t.fn + t.fp:>8}"
        print(line)
    line = f"{'false ids':<10}"
    for n in names:
        negs = results[n]["negatives"]
        line += f"{len(negs):>29}"
    print(line + "   (on hard negatives)")
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", nargs="+", default=[str(p) for p in DEFAULT_GOLD],
                        help="gold JSONL files (default: both shared files)")
    parser.add_argument("--split", default=str(DEFAULT_SPLIT),
                        help="the committed dev/test split (ids); items not in it are 'other'")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="list each dev item's false and missed labels")
    parser.add_argument("--test-errors", action="store_true",
                        help="also list the test items' errors (for the record: rules are "
                             "written on dev only)")
    ns = parser.parse_args(argv)
    loaded = gold_and_split(ns, "eval_minerals")
    if loaded is None:
        return 2
    items, side = loaded
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="orewire-eval-") as tmp:
        rows = run_pipeline(items, tmp)
    elapsed = time.perf_counter() - started
    print(f"{len(items)} gold items from {', '.join(Path(g).name for g in ns.gold)}, "
          f"pipeline {elapsed:.1f}s; split {Path(ns.split).name}")
    groups = groups_by_split(items, side)
    print("\nall languages, micro-averaged")
    results = report(groups, rows)
    for lang in sorted({it.get("lang", "en") for it in items}):
        print(f"\nlanguage {lang}")
        report({k: [it for it in v if it.get("lang", "en") == lang] for k, v in groups.items()},
               rows)
    for name, result in results.items():
        if name == "test" and not ns.test_errors:
            continue
        if result["negatives"]:
            print(f"\n{name}: false mineral ids on hard negatives: {result['negatives']}")
        if result["missing"]:
            print(f"{name}: items with no stored row: {result['missing']}")
        if ns.verbose or (name == "test" and ns.test_errors):
            print(f"\n{name}: per-item errors")
            for item_id, key, fps, fns in result["errors"]:
                print(f"  {item_id[:52]:<52} {key:<9} false: {fps}  missed: {fns}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
