"""What mineral tagging and linking cost beside NER, on real article text.

    .venv/bin/python benchmarks/extraction_cost.py [--repeat 3]

Texts: the human-marked article bodies of ``../shared/corpora/extraction_dev`` (61 news
articles) plus the excerpts of ``minerals_dev.jsonl``. Three steps are timed on the same
texts in one process, each the way the pipeline runs it: NER (the spaCy model, ``ner``
only, ``nlp.pipe``), TagMinerals (tokenizer + sentencizer + lexicon matchers + figures),
and LinkMentions (assembling the rows from both). The issue's bar: TagMinerals and
LinkMentions together under 10% of the NER step.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPORA = ROOT.parent / "shared" / "corpora"


def load_texts() -> list[str]:
    texts = []
    gt = CORPORA / "extraction_dev" / "ground-truth.json"
    if gt.is_file():
        texts += [v["articleBody"] for v in json.loads(gt.read_text()).values()
                  if v.get("articleBody")]
    gold = CORPORA / "minerals_dev.jsonl"
    if gold.is_file():
        texts += [json.loads(line)["text"] for line in gold.read_text().splitlines()
                  if line.strip()]
    return texts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (best is kept)")
    ns = parser.parse_args(argv)
    texts = load_texts()
    if not texts:
        print(f"no texts under {CORPORA}", file=sys.stderr)
        return 2
    from orewire.countries import CountryMatcher
    from orewire.figures import find_figures
    from orewire.lexicon import MineralMatcher
    from orewire.linking import build_row, entities_from_doc, tag_doc
    from orewire.nlp import ner_model, sentence_model

    ner = ner_model()
    countries = CountryMatcher(ner)
    sent = sentence_model("en")
    matcher = MineralMatcher(sent, "en")
    words = sum(len(t.split()) for t in texts)

    def best(fn):
        times = []
        for _ in range(ns.repeat):
            t0 = time.perf_counter()
            out = fn()
            times.append(time.perf_counter() - t0)
        return min(times), out

    t_ner, docs = best(lambda: list(ner.pipe(texts, batch_size=64)))
    t_ents, ents = best(lambda: [entities_from_doc(d, countries, "en") for d in docs])
    t_tag, tagged = best(lambda: [tag_doc(d, matcher, find_figures, "en")
                                  for d in sent.pipe(texts)])
    articles = [{"article_id": str(i), "url": f"u{i}", "text": t} for i, t in enumerate(texts)]
    t_link, _rows = best(lambda: [build_row(a, e, g, ingested_at=None, run_id="r")
                                  for a, e, g in zip(articles, ents, tagged)])
    tokens = sum(len(d) for d in docs)
    print(f"{len(texts)} texts, {words} words, {tokens} tokens; best of {ns.repeat} passes")
    print(f"  NER (nlp.pipe, ner only)      {t_ner:7.3f}s  {tokens / t_ner:8.0f} tokens/s")
    print(f"  entities + country terms      {t_ents:7.3f}s  {100 * t_ents / t_ner:5.1f}% of NER")
    print(f"  TagMinerals                   {t_tag:7.3f}s  {100 * t_tag / t_ner:5.1f}% of NER")
    print(f"  LinkMentions                  {t_link:7.3f}s  {100 * t_link / t_ner:5.1f}% of NER")
    share = (t_tag + t_link) / t_ner
    print(f"TagMinerals + LinkMentions = {100 * share:.1f}% of NER "
          f"({'under' if share < 0.10 else 'OVER'} the 10% budget)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
