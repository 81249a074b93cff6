"""Score supply events (DESIGN.md "Supply events") against the shared labelled corpora.

    .venv/bin/python benchmarks/eval_events.py          # dev | test side by side
    .venv/bin/python benchmarks/eval_events.py -v       # with each dev item's errors

The items of ``../shared/corpora/minerals_dev.jsonl`` and ``minerals_dev2.jsonl`` run
through the real pipeline as in ``eval_minerals.py`` (pages on 127.0.0.1 behind a local
feed, ``orewire run`` into a temporary DuckDB file). Per article, the set of (mineral,
type) pairs of the stored ``minerals[].events`` is compared with the labelled ``events``;
``optional_events`` (and pairs of optional minerals) are neither rewarded nor penalised.
Printed per group of the committed split (dev, test): micro P/R/F1, macro F1 over the
types present, per-type P/R/F1, direction accuracy on matched pairs whose label states a
direction (a predicted pair's direction is that of its last mention in the text that
states one, as the labels take the latest stated direction), country accuracy on every
matched pair (the label's country or its null), and events predicted on
hard negatives.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.eval_minerals import (DEFAULT_GOLD, DEFAULT_SPLIT, Tally,  # noqa: E402
                                      gold_and_split, groups_by_split, run_pipeline)
from orewire.events import TYPES  # noqa: E402


def predicted_pairs(row: dict) -> dict[tuple, str | None]:
    """{(mineral, type): the direction of the pair's last mention in the text that states
    one} (a mention stating no change does not undo an earlier stated one: the labels
    take the latest direction stated)."""
    out: dict[tuple, str | None] = {}
    for m in sorted(row.get("minerals") or [], key=lambda m: m["start"] or 0):
        for e in m.get("events") or []:
            key = (m["mineral"], e["type"])
            if e["direction"] or key not in out:
                out[key] = e["direction"]
    return out


def predicted_countries(row: dict) -> dict[tuple, str | None]:
    """{(mineral, type): the country of the pair's last mention that names one}."""
    out: dict[tuple, str | None] = {}
    for m in sorted(row.get("minerals") or [], key=lambda m: m["start"] or 0):
        for e in m.get("events") or []:
            key = (m["mineral"], e["type"])
            if e.get("country") or key not in out:
                out[key] = e.get("country")
    return out


def score(items: list[dict], rows: dict[str, dict]) -> dict:
    micro = Tally()
    per_type = {t: Tally() for t in TYPES}
    directions = [0, 0]            # right, judged
    countries = [0, 0]             # right, judged (every matched pair; null is a value)
    on_negatives, errors, wrong_direction, wrong_country = [], [], [], []
    for it in items:
        row = rows.get(it["id"]) or {"minerals": []}
        pred = predicted_pairs(row)
        pred_country = predicted_countries(row)
        gold_country = {(e["mineral"], e["type"]): e.get("country")
                        for e in it.get("events") or []}
        ignore = {tuple(x) for x in it.get("optional_events") or []}
        opt_minerals = set(it.get("optional_minerals") or [])
        gold = {(e["mineral"], e["type"]): e.get("direction") for e in it.get("events") or []}
        keep = lambda pair: pair not in ignore and pair[0] not in opt_minerals  # noqa: E731
        p = {k for k in pred if keep(k)}
        g = {k for k in gold if keep(k)}
        micro.add(len(p & g), len(p - g), len(g - p))
        for t in TYPES:
            pt, gt = {k for k in p if k[1] == t}, {k for k in g if k[1] == t}
            per_type[t].add(len(pt & gt), len(pt - gt), len(gt - pt))
        for pair in sorted(p & g):
            countries[1] += 1
            countries[0] += pred_country.get(pair) == gold_country.get(pair)
            if pred_country.get(pair) != gold_country.get(pair):
                wrong_country.append((it["id"], pair, pred_country.get(pair),
                                      gold_country.get(pair)))
            if gold[pair]:
                directions[1] += 1
                directions[0] += pred[pair] == gold[pair]
                if pred[pair] != gold[pair]:
                    wrong_direction.append((it["id"], pair, pred[pair], gold[pair]))
        if it.get("kind") == "hard_negative" and p:
            on_negatives.append((it["id"], sorted(p)))
        if p != g:
            errors.append((it["id"], sorted(p - g), sorted(g - p)))
    present = [t for t in TYPES if per_type[t].tp + per_type[t].fn + per_type[t].fp]
    macro = sum(per_type[t].f1 for t in present) / len(present) if present else 0.0
    return {"micro": micro, "per_type": per_type, "macro": macro, "present": present,
            "directions": directions, "countries": countries, "negatives": on_negatives, "errors": errors,
            "wrong_direction": wrong_direction, "wrong_country": wrong_country}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", nargs="+", default=[str(p) for p in DEFAULT_GOLD])
    parser.add_argument("--split", default=str(DEFAULT_SPLIT))
    parser.add_argument("--verbose", "-v", action="store_true", help="dev items' errors")
    parser.add_argument("--test-errors", action="store_true",
                        help="also the test items' errors (for the record)")
    ns = parser.parse_args(argv)
    loaded = gold_and_split(ns, "eval_events")
    if loaded is None:
        return 2
    items, side = loaded
    with tempfile.TemporaryDirectory(prefix="orewire-events-") as tmp:
        rows = run_pipeline(items, tmp)
    groups = groups_by_split(items, side)
    names = list(groups)
    results = {n: score(groups[n], rows) for n in names}
    print(f"\n{len(items)} items; (mineral, type) pairs per article")
    print(f"{'':<20}" + "".join(f"{f'{n} ({len(groups[n])})':>26}" for n in names))
    print(f"{'':<20}" + "".join(f"{'P':>6}{'R':>6}{'F1':>6}{'gold':>8}" for _ in names))
    for t in ("micro",) + TYPES:
        line = f"{t:<20}"
        for n in names:
            tally = results[n]["micro"] if t == "micro" else results[n]["per_type"][t]
            line += (f"{tally.precision:>6.2f}{tally.recall:>6.2f}{tally.f1:>6.2f}"
                     f"{tally.tp + tally.fn:>8}")
        print(line)
    print(f"{'macro F1':<20}" + "".join(f"{results[n]['macro']:>18.2f}{'':>8}" for n in names))
    line = f"{'direction accuracy':<20}"
    for n in names:
        right, judged = results[n]["directions"]
        line += f"{(right / judged if judged else 1.0):>18.2f}{f'of {judged}':>8}"
    print(line)
    line = f"{'country accuracy':<20}"
    for n in names:
        right, judged = results[n]["countries"]
        line += f"{(right / judged if judged else 1.0):>18.2f}{f'of {judged}':>8}"
    print(line)
    print(f"{'on hard negatives':<20}" + "".join(f"{len(results[n]['negatives']):>18}{'':>8}"
                                                for n in names))
    for n in names:
        if n == "test" and not ns.test_errors:
            continue
        if ns.verbose or (n == "test" and ns.test_errors):
            print(f"\n{n}: per-item errors (false | missed)")
            for item_id, fps, fns in results[n]["errors"]:
                print(f"  {item_id[:50]:<50} false {fps} missed {fns}")
            print(f"{n}: directions (predicted | labelled)")
            for item_id, pair, got, want in results[n]["wrong_direction"]:
                print(f"  {item_id[:50]:<50} {pair} {got} | {want}")
            print(f"{n}: countries (predicted | labelled)")
            for item_id, pair, got, want in results[n]["wrong_country"]:
                print(f"  {item_id[:50]:<50} {pair} {got} | {want}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
