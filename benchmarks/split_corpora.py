"""Split the shared labelled mineral corpora into dev and test, once, by story.

    .venv/bin/python benchmarks/split_corpora.py            # prints the split it would write
    .venv/bin/python benchmarks/split_corpora.py --write    # (re)writes minerals_split.json

The split was made once (seed below) and committed as ``benchmarks/minerals_split.json``
(item ids only: the texts stay in ``../shared/corpora/``). Rules are written looking at
dev items only; test items are looked at only through ``eval_minerals.py``'s scores.
Re-running with ``--write`` reproduces the committed file byte for byte; changing the seed
or the fraction would be a new split and invalidates every test figure quoted before.

Items about the same story stay on one side. A story is the item's slug without its
collection prefix and its "neg-" marker, reduced to its leading country codes plus its
first other word: "dev2-id-bauxite-export-ban-dec2022-..." and "dev2-id-bauxite-ban-
easing-2024-..." are both story "id|bauxite"; "dev2-neg-golf-iron-sets-..." and
"dev2-golf-forged-irons-..." are both "|golf". The key over-groups on purpose (two
unrelated Chilean copper stories share a side), which only costs balance, never leakage.
The shuffle is over stories, seeded; stories are taken for test until at least
``TEST_FRACTION`` of the items are in it.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
GOLD_FILES = ("minerals_dev.jsonl", "minerals_dev2.jsonl")
SPLIT_FILE = ROOT / "benchmarks" / "minerals_split.json"
SEED = 20261206
TEST_FRACTION = 0.42


def story_key(item_id: str) -> str:
    words = re.sub(r"^dev\w*?-", "", item_id).split("-")
    words = [w for w in words if w != "neg"]
    codes = []
    while words and len(words[0]) == 2 and words[0].isalpha():
        codes.append(words.pop(0))
    return "-".join(codes) + "|" + (words[0] if words else "")


def load_items(corpora: Path = CORPORA) -> list[dict]:
    items = []
    for name in GOLD_FILES:
        path = corpora / name
        items += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                  if line.strip()]
    return items


def make_split(ids: list[str], seed: int = SEED, fraction: float = TEST_FRACTION) -> dict:
    stories: dict[str, list[str]] = {}
    for item_id in ids:
        stories.setdefault(story_key(item_id), []).append(item_id)
    order = sorted(stories)
    random.Random(seed).shuffle(order)
    test: list[str] = []
    for key in order:
        if len(test) >= fraction * len(ids):
            break
        test += stories[key]
    test_set = set(test)
    return {"seed": seed, "test_fraction": fraction,
            "story_key": "benchmarks/split_corpora.py story_key()",
            "dev": sorted(i for i in ids if i not in test_set), "test": sorted(test_set)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {SPLIT_FILE.name}")
    ns = parser.parse_args(argv)
    try:
        items = load_items()
    except FileNotFoundError as err:
        print(f"split_corpora: {err}", file=sys.stderr)
        return 2
    split = make_split([it["id"] for it in items])
    by_id = {it["id"]: it for it in items}
    for side in ("dev", "test"):
        langs: dict[str, int] = {}
        for i in split[side]:
            langs[by_id[i]["lang"]] = langs.get(by_id[i]["lang"], 0) + 1
        negs = sum(by_id[i]["kind"] == "hard_negative" for i in split[side])
        figs = sum(len(by_id[i]["figures"]) for i in split[side])
        print(f"{side:<5} {len(split[side]):>3} items, {negs} hard negatives, {figs} figures, "
              f"languages {dict(sorted(langs.items()))}")
    if ns.write:
        SPLIT_FILE.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {SPLIT_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
