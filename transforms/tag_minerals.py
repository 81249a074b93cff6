"""TagMinerals: Articles -> (article_id, {mentions, figures}) from the lexicon.

A blank tokenizer for the article's language with the rule-based sentencizer gives tokens
and sentences; phrase matchers built from ``seeds/minerals.yaml`` find the mentions, and
figures are read from the sentences that mention a mineral. Runs beside ExtractEntities, joined later by
article_id.
"""
from __future__ import annotations

import apache_beam as beam

from orewire.figures import find_figures
from orewire.lexicon import MineralMatcher
from orewire.linking import article_year, tag_doc
from orewire.nlp import NER_MAX_CHARS, TOKENIZER_LANGS, parser_model, sentence_model
from orewire.transforms.common import DEAD_LETTERS, counter, dead_letter


class TagMineralsFn(beam.DoFn):
    def __init__(self):
        self.tools = {}
        self.parser = None
        self.mentions = counter("mineral_mentions")

    def setup(self):
        self._tools("en")
        self.parser = parser_model()

    def _tools(self, lang):
        """(tokenizer pipeline, matcher) for a language, built once per worker."""
        lang = lang if lang in TOKENIZER_LANGS else "en"
        if lang not in self.tools:
            nlp = sentence_model(lang)
            self.tools[lang] = (nlp, MineralMatcher(nlp, lang))
        return lang, self.tools[lang]

    def process(self, batch: list):
        by_lang: dict[str, list] = {}
        for article in batch:
            by_lang.setdefault(self._tools(article.get("language"))[0], []).append(article)
        for lang, articles in by_lang.items():
            yield from self._tag(lang, articles)

    def _tag(self, lang, articles):
        nlp, matcher = self.tools[lang]
        texts = [(a.get("text") or "")[:NER_MAX_CHARS] for a in articles]
        for article, doc in zip(articles, nlp.pipe(texts)):
            try:
                tagged = tag_doc(doc, matcher, find_figures, lang,
                                 article_year(article.get("published_at")), self.parser)
            except (ValueError, RuntimeError, IndexError) as err:
                yield beam.pvalue.TaggedOutput(DEAD_LETTERS, dead_letter(
                    "tag_minerals", article.get("url"), err,
                    feed_url=article.get("feed_url"), article_id=article["article_id"]))
                continue
            self.mentions.inc(len(tagged["mentions"]))
            yield article["article_id"], tagged


class TagMinerals(beam.PTransform):
    """Articles -> {"minerals": (article_id, tagged), "dead_letters": ...}."""

    def __init__(self, batch_size: int = 64):
        super().__init__()
        self.batch_size = batch_size

    def expand(self, articles):
        results = (articles
                   | "BatchForTagging" >> beam.BatchElements(min_batch_size=1,
                                                             max_batch_size=self.batch_size)
                   | "Tag" >> beam.ParDo(TagMineralsFn())
                   .with_outputs(DEAD_LETTERS, main="minerals"))
        return {"minerals": results.minerals, DEAD_LETTERS: results[DEAD_LETTERS]}
