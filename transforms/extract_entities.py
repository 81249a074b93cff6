"""ExtractEntities: Articles -> (article_id, entities) with spaCy NER.

The model (NER component only) is loaded once per worker process in ``setup``; texts are
processed in batches with ``nlp.pipe``. Country mentions are normalised to ISO 3166-1
alpha-2, and country names or demonyms the model missed are added from the gazetteer.
"""
from __future__ import annotations

import apache_beam as beam

from orewire.countries import CountryMatcher
from orewire.linking import entities_from_doc
from orewire.nlp import NER_MAX_CHARS, ner_model
from orewire.transforms.common import DEAD_LETTERS, counter, dead_letter

# Texts per nlp.pipe call. The model's activations take about 4 MB a news article while a
# batch runs: 32 holds a worker near 130 MB of it, 64 near 250 MB, for the same speed
# (measured on the corpus of benchmarks/throughput.py; 16 is some 6% slower).
NER_BATCH_SIZE = 32


class ExtractEntitiesFn(beam.DoFn):
    def __init__(self, batch_size: int = NER_BATCH_SIZE):
        self.batch_size = batch_size
        self.nlp = None
        self.countries = None
        self.docs = counter("ner_docs")
        self.tokens = counter("ner_tokens")

    def setup(self):
        self.nlp = ner_model()
        self.countries = CountryMatcher(self.nlp)

    def process(self, batch: list):
        texts = [(a.get("text") or "")[:NER_MAX_CHARS] for a in batch]
        try:
            docs = list(self.nlp.pipe(texts, batch_size=self.batch_size))
        except (ValueError, RuntimeError, MemoryError):
            docs = None  # isolate the failing text below
        for i, article in enumerate(batch):
            try:
                doc = docs[i] if docs is not None else self.nlp(texts[i])
                entities = entities_from_doc(doc, self.countries, article.get("language"))
            except (ValueError, RuntimeError, MemoryError) as err:
                yield beam.pvalue.TaggedOutput(DEAD_LETTERS, dead_letter(
                    "extract_entities", article.get("url"), err,
                    feed_url=article.get("feed_url"), article_id=article["article_id"]))
                continue
            self.docs.inc()
            self.tokens.inc(len(doc))
            yield article["article_id"], entities


class ExtractEntities(beam.PTransform):
    """Articles -> {"entities": (article_id, [entity]), "dead_letters": ...}."""

    def __init__(self, batch_size: int = NER_BATCH_SIZE):
        super().__init__()
        self.batch_size = batch_size

    def expand(self, articles):
        results = (articles
                   | "BatchForNer" >> beam.BatchElements(min_batch_size=1,
                                                         max_batch_size=self.batch_size)
                   | "Ner" >> beam.ParDo(ExtractEntitiesFn(self.batch_size))
                   .with_outputs(DEAD_LETTERS, main="entities"))
        return {"entities": results.entities, DEAD_LETTERS: results[DEAD_LETTERS]}
