"""Country names, short forms and demonyms to ISO 3166-1 alpha-2.

Names come from pycountry (English names plus its gettext translations for fr, de, es,
pt, ru); ``seeds/country_terms.csv`` adds what the library lacks: demonyms and adjectives
in six languages, short forms ("DRC", "the US", "UK") and news conventions (bare "Congo"
is CD). Blocs such as the EU are not countries and are in neither source.
"""
from __future__ import annotations

import csv
import gettext
import re
from functools import lru_cache

import pycountry

from orewire.seeds import SEEDS_DIR

LANGS = ("fr", "de", "es", "pt", "ru")
COUNTRY_LABELS = {"GPE", "NORP", "LOC"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")


@lru_cache(maxsize=1)
def country_terms_by_lang() -> dict[str, dict[str, str]]:
    """{lang: {surface form: ISO2}}; the seeds table overrides pycountry's names."""
    by_lang: dict[str, dict[str, str]] = {lang: {} for lang in ("en",) + LANGS}
    translations = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR,
                                              languages=[lang], fallback=True)
                    for lang in LANGS}
    for c in pycountry.countries:
        names = [n for n in (c.name, getattr(c, "common_name", None),
                             getattr(c, "official_name", None)) if n]
        for name in names:
            if "," not in name and "(" not in name:
                by_lang["en"][name] = c.alpha_2
            for lang, t in translations.items():
                local = t.gettext(name)
                if local != name and "," not in local and "(" not in local:
                    by_lang[lang][local] = c.alpha_2
    with open(SEEDS_DIR / "country_terms.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            term, lang = (row.get("term") or "").strip(), (row.get("lang") or "").strip()
            if term and row.get("iso2") and lang in by_lang:
                by_lang[lang][term] = row["iso2"].strip().upper()
    return by_lang


@lru_cache(maxsize=1)
def _demonyms() -> frozenset:
    """Lower-cased ``demonym`` terms of ``seeds/country_terms.csv``, all languages."""
    with open(SEEDS_DIR / "country_terms.csv", encoding="utf-8", newline="") as fh:
        return frozenset((row.get("term") or "").strip().lower() for row in csv.DictReader(fh)
                         if (row.get("kind") or "").strip() == "demonym")


def is_demonym(text: str) -> bool:
    """The term is a demonym or a country's adjective ("Chilean", "chilenisches"), not a
    country's name."""
    return _POSSESSIVE.sub("", text.strip()).lower() in _demonyms()


def country_terms(lang: str = "en") -> dict[str, str]:
    return country_terms_by_lang().get(lang) or country_terms_by_lang()["en"]


@lru_cache(maxsize=1)
def not_country_phrases() -> list[str]:
    with open(SEEDS_DIR / "not_countries.txt", encoding="utf-8") as fh:
        return [ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=4096)
def phrases_holding(term: str) -> tuple[str, ...]:
    """Phrases of ``seeds/not_countries.txt`` that hold the country term."""
    return tuple(p for p in not_country_phrases() if term in p and p != term)


def inside_not_country(text: str, start: int, end: int) -> bool:
    """The span ``text[start:end]`` lies inside a phrase of ``seeds/not_countries.txt``
    as written there ("US" in "US-Dollar", "США" in "долларов США")."""
    for p in phrases_holding(text[start:end]):
        lo = max(0, end - len(p))
        k = text.find(p, lo, start + len(p))
        while k >= 0:
            if k <= start and end <= k + len(p) and \
                    not text[k - 1:k].isalnum() and not text[k + len(p):k + len(p) + 1].isalnum():
                return True
            k = text.find(p, k + 1, start + len(p))
    return False


@lru_cache(maxsize=8)
def _folded_terms(lang: str) -> dict[str, str]:
    folded: dict[str, str] = {}
    for term, code in country_terms(lang).items():
        folded.setdefault(term.casefold(), code)
    return folded


@lru_cache(maxsize=20000)
def code_for(text: str, lang: str = "en") -> str | None:
    """ISO2 for an entity's text ("China's", "the US", "Kazakh", "DRC"), or None."""
    t = _LEADING_THE.sub("", _POSSESSIVE.sub("", text.strip())).strip(" ,;:")
    if not t or t in not_country_phrases():
        return None
    terms = country_terms(lang)
    for candidate in (t, t.rstrip("."), t + "."):  # "U.S." / "U.S" / "Inc."
        if candidate in terms:
            return terms[candidate]
    # Case-insensitive only for longer forms: "US"/"us" and "Chad"/"chad" stay apart.
    return _folded_terms(lang).get(t.casefold()) if len(t) > 4 else None


class CountryMatcher:
    """Finds country terms in a spaCy Doc by exact token match (case as written).

    English terms apply to every text (news in any language quotes English names); the
    terms of another language only to texts in that language ("indiana" is Portuguese for
    Indian, not the US state).
    """

    def __init__(self, nlp):
        from spacy.matcher import PhraseMatcher  # noqa: PLC0415 (orewire/nlp.py: lazy)
        self.vocab = nlp.vocab
        self.matchers = {}
        for lang in country_terms_by_lang():
            self.matchers[lang] = self._build(PhraseMatcher, nlp, ("en",) if lang == "en"
                                              else (lang,))
        # Text in another language is matched on that language's own tokens (French
        # "L'Inde" is two tokens there, one in English), with its terms and the English ones.
        self._local: dict[str, tuple] = {}
        self._phrase_matcher = PhraseMatcher

    @staticmethod
    def _build(PhraseMatcher, nlp, langs):  # noqa: N803 (the class, passed in)
        matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_code: dict[str, list[str]] = {}
        for lang in langs:
            for term, code in country_terms(lang).items():
                by_code.setdefault(code, []).append(term)
                if lang != "en" and term[:1].islower():
                    # adjectives are written lower case, but a sentence may start with one
                    by_code[code].append(term[:1].upper() + term[1:])
        for code, items in by_code.items():
            matcher.add(code, list(nlp.tokenizer.pipe(items)))
        matcher.add("-", list(nlp.tokenizer.pipe(not_country_phrases())))
        return matcher

    def local_tools(self, lang: str):
        """(tokenizer pipeline, matcher) for text in ``lang``, built on first use."""
        if lang not in self._local:
            from orewire.nlp import sentence_model  # noqa: PLC0415 (cycle-free, lazy)
            nlp = sentence_model(lang)
            self._local[lang] = (nlp, self._build(self._phrase_matcher, nlp, ("en", lang)))
        return self._local[lang]

    def find_in_text(self, text: str, lang: str) -> list[tuple[int, int, str, str]]:
        """Matches in ``text`` of another language, tokenised by that language's rules."""
        nlp, matcher = self.local_tools(lang)
        doc = nlp.make_doc(text)
        return self._resolve(doc, [(s, e, nlp.vocab.strings[mid]) for mid, s, e in matcher(doc)],
                             lang)

    def find(self, doc, lang: str | None = "en") -> list[tuple[int, int, str, str]]:
        """Longest non-overlapping matches as (start_char, end_char, text, iso2)."""
        spans = [(s, e, self.vocab.strings[mid]) for mid, s, e in self.matchers["en"](doc)]
        if lang in self.matchers and lang != "en":
            spans += [(s, e, self.vocab.strings[mid]) for mid, s, e in self.matchers[lang](doc)]
        return self._resolve(doc, spans, lang)

    @staticmethod
    def _resolve(doc, spans, lang):
        # Headlines and datelines in capitals: "RUSSIA'S largest miner".
        matched = {i for s, e, _c in spans for i in range(s, e)}
        for tok in doc:
            if tok.i not in matched and tok.is_upper and tok.is_alpha and len(tok) > 4:
                code = code_for(tok.text, lang or "en")
                if code:
                    spans.append((tok.i, tok.i + 1, code))
        spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        joined = []   # "U.S.–China", "China-Russia": names joined by a dash in one token
        for tok in doc:
            if tok.i not in matched and len(tok) > 4 and re.search(r"[\w.][-–—]\w", tok.text):
                offset = tok.idx
                for part in re.split(r"([-–—])", tok.text):
                    code = code_for(part, lang or "en") if len(part) > 1 else None
                    if code and part[:1].isupper():
                        joined.append((offset, offset + len(part), part, code))
                    offset += len(part)
        out, last_end = [], -1
        for start, end, code in spans:
            if start < last_end:
                continue
            last_end = end
            if code == "-":
                continue  # "New South Wales", "Inner Mongolia": not the country
            span = doc[start:end]
            out.append((span.start_char, span.end_char, span.text, code))
        return sorted(out + joined)
