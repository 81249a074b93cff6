"""The mineral lexicon (``seeds/minerals.yaml``) and the matcher built from it.

Aliases written in lower case match case-insensitively; aliases with an upper-case letter
(LCE, REE, NdPr, Li-ion) match exactly. An alias listed under several minerals gives each
of them ("NdPr" -> neodymium and praseodymium). A match inside one of the lexicon's
false friends ("gold medal", "iron out", "took the lead") is not a mention, nor is a
capitalised alias that is part of a company name ("Lithium Americas", "Barrick Gold").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml
from spacy.matcher import PhraseMatcher

from seeds import SEEDS_DIR

LEXICON_FILE = SEEDS_DIR / "minerals.yaml"

# Words that follow a mineral word in company names: "Lithium Americas", "Cobalt Blue
# Holdings", "Nickel Industries", "Gold Fields". Only applied when the mineral word itself is
# capitalised mid-sentence, so "gold mining" and "lithium resources" stay mentions.
_CORP_WORDS = {"americas", "corp", "corp.", "corporation", "inc", "inc.", "ltd", "ltd.",
               "limited", "plc", "group", "holdings", "industries", "fields", "blue",
               "company", "co", "co.", "resources", "mining", "minerals", "metals", "energy",
               "ventures", "capital", "partners", "one", "power", "royalties", "x",
               "exploration", "tech", "technologies", "robotics", "sachs", "lake", "road",
               "street", "bay", "coast", "city", "creek", "mountain", "river", "hill", "inc"}


@dataclass(frozen=True)
class Mineral:
    id: str
    name: str
    group: str
    usgs_critical_2025: bool
    eu_critical_2023: bool
    eu_strategic_2023: bool


@lru_cache(maxsize=1)
def load_lexicon() -> dict:
    with open(LEXICON_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict) or not isinstance(data.get("minerals"), list):
        raise ValueError(f"{LEXICON_FILE}: expected a mapping with a 'minerals' list")
    return data


def minerals() -> list[Mineral]:
    return [Mineral(id=m["id"], name=m["name"], group=m.get("group") or "",
                    usgs_critical_2025=bool(m.get("usgs_critical_2025")),
                    eu_critical_2023=bool(m.get("eu_critical_2023")),
                    eu_strategic_2023=bool(m.get("eu_strategic_2023")))
            for m in load_lexicon()["minerals"]]


def catalog_rows() -> list[dict]:
    """Rows of the ``mineral_catalog`` table."""
    return [{"id": m.id, "name": m.name, "mineral_group": m.group,
             "usgs_critical_2025": m.usgs_critical_2025,
             "eu_critical_2023": m.eu_critical_2023,
             "eu_strategic_2023": m.eu_strategic_2023} for m in minerals()]


def alias_table() -> tuple[dict[str, set[str]], dict[str, set[str]], set[str], set[str]]:
    """(case-insensitive alias -> ids, exact alias -> ids, false friends, ambiguous)."""
    lower: dict[str, set[str]] = {}
    exact: dict[str, set[str]] = {}
    false_friends: set[str] = set()
    data = load_lexicon()
    for m in data["minerals"]:
        names = list(m.get("aliases") or [])
        for lang_names in (m.get("i18n") or {}).values():
            names.extend(lang_names or [])
        for alias in names:
            alias = str(alias).strip()
            if not alias:
                continue
            target = lower if alias == alias.lower() else exact
            target.setdefault(alias, set()).add(m["id"])
        false_friends.update(str(f).strip() for f in m.get("false_friends") or [] if f)
    false_friends.update(str(f).strip() for f in data.get("false_friends") or [] if f)
    ambiguous = {str(a).strip().lower() for a in data.get("ambiguous_aliases") or []}
    return lower, exact, false_friends, ambiguous


@dataclass
class Mention:
    mineral: str
    surface: str
    start: int      # character offsets in the text
    end: int
    token_start: int
    token_end: int


class MineralMatcher:
    """Finds mineral mentions in a spaCy Doc."""

    CONTEXT_WORDS = {"metal", "metals", "ore", "ores", "mine", "mines", "mining", "miner",
                     "miners", "smelter", "smelting", "refinery", "refining", "price",
                     "prices", "tonnes", "tons", "concentrate", "concentrates", "battery",
                     "batteries", "acid", "production", "output", "reserves", "deposit",
                     "deposits", "exports", "imports", "export", "import", "supply",
                     "futures", "stockpile", "zinc", "copper", "silver", "nickel", "tin",
                     "ingot", "ingots", "alloy", "alloys", "poisoning", "pipes", "paint",
                     "mineral", "minerals", "commodity", "commodities", "producer",
                     "producers", "lme", "bullion", "cathode", "cathodes"}

    def __init__(self, nlp):
        self.vocab = nlp.vocab
        lower, exact, false_friends, ambiguous = alias_table()
        self.ambiguous = ambiguous
        self._ids: dict[str, frozenset] = {}
        self.lower_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for matcher, table in ((self.lower_matcher, lower), (self.exact_matcher, exact)):
            for alias, ids in table.items():
                key = "|".join(sorted(ids))
                self._ids[key] = frozenset(ids)
                matcher.add(key, [nlp.make_doc(alias)])
        self.ff_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.ff_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for phrase in false_friends:
            target = self.ff_lower if phrase == phrase.lower() else self.ff_exact
            target.add("FF", [nlp.make_doc(phrase)])

    def find(self, doc) -> list[Mention]:
        spans = [(s, e, self.vocab.strings[mid])
                 for matcher in (self.lower_matcher, self.exact_matcher)
                 for mid, s, e in matcher(doc)]
        spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        blocked = set()
        for matcher in (self.ff_lower, self.ff_exact):
            for _mid, s, e in matcher(doc):
                blocked.update(range(s, e))
        out, last_end = [], -1
        for start, end, key in spans:
            if start < last_end:
                continue
            last_end = end
            if any(i in blocked for i in range(start, end)):
                continue
            if self._is_company_name(doc, start, end) or not self._ambiguous_ok(doc, start, end):
                continue
            span = doc[start:end]
            for mineral in sorted(self._ids[key]):
                out.append(Mention(mineral, span.text, span.start_char, span.end_char,
                                   start, end))
        return out

    @staticmethod
    def _is_company_name(doc, start: int, end: int) -> bool:
        first = doc[start]
        if not first.text[:1].isupper() or first.text.isupper():
            return False
        if first.is_sent_start is True or start == 0:
            prev_cap = False
        else:
            prev = doc[start - 1]
            prev_cap = prev.text[:1].isupper() and prev.is_alpha and not prev.is_sent_start
        nxt = doc[end] if end < len(doc) else None
        next_corp = nxt is not None and nxt.text.lower() in _CORP_WORDS and nxt.text[:1].isupper()
        return prev_cap or next_corp

    def _ambiguous_ok(self, doc, start: int, end: int) -> bool:
        """Ambiguous words ("lead", "tin") count only near commodity words."""
        if doc[start:end].text.lower() not in self.ambiguous:
            return True
        lo, hi = max(0, start - 4), min(len(doc), end + 4)
        return any(t.lower_ in self.CONTEXT_WORDS for t in doc[lo:hi]
                   if not (start <= t.i < end))
