"""Figures quoted in a sentence: shares, tonnages, money.

A figure's value is the number as written scaled by its word (thousand, k, million, m,
bn, billion, trillion): "20 million metric tons" -> 20000000 tonnes, "$652.26 million" ->
652260000 usd, "41%" -> 41 percent. Units are named, never converted. Ranges ("20-30%")
and numbers in words ("almost half") are not recorded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6,
          "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_CURRENCY = {"$": "usd", "us$": "usd", "usd": "usd", "a$": "aud", "aud": "aud", "au$": "aud",
             "c$": "cad", "cad": "cad", "€": "eur", "eur": "eur", "£": "gbp", "gbp": "gbp",
             "¥": "cny", "cny": "cny", "rmb": "cny", "yuan": "cny", "dollars": "usd",
             "euros": "eur", "euro": "eur", "pounds sterling": "gbp", "rand": "zar",
             "r$": "brl", "₹": "inr", "rupees": "inr"}
_MASS = {"metric tons": "tonnes", "metric tonnes": "tonnes", "tonnes": "tonnes",
         "tons": "tonnes", "tonne": "tonnes", "ton": "tonnes", "t": "tonnes",
         "mt": "tonnes", "kt": "tonnes", "ounces": "oz", "ounce": "oz", "oz": "oz",
         "troy ounces": "oz", "pounds": "lb", "lb": "lb", "lbs": "lb", "carats": "carats",
         "kilograms": "kg", "kg": "kg", "grams": "g", "barrels": "barrels"}
_UNIT_SCALE = {"kt": 1e3, "mt": 1e6}  # kt/Mt: the prefix is a scaling word, not a conversion

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALEW = r"thousand|trillion|billion|million|mln|mn|bn|tn|[kmb](?![a-z])"
_APPROX = (r"(?:(?:around|about|approximately|roughly|nearly|almost|over|more than|less than|"
           r"some|up to|at least|at most|just over|just under|close to|an estimated|"
           r"circa|below|above)\s+)?")
_CUR_PREFIX = r"(?:US\$|A\$|AU\$|C\$|R\$|\$|€|£|¥|₹|USD|EUR|GBP|AUD|CAD|CNY|RMB)"
_CUR_SUFFIX = r"(?:dollars|euros|euro|yuan|rand|rupees|pounds sterling)"
_MASS_UNITS = (r"metric\s+tonnes|metric\s+tons|troy\s+ounces|tonnes|tonne|tons|ton|ounces|"
               r"ounce|oz|pounds|lbs|lb|carats|kilograms|kg|grams|kt|Mt|mt|t")

_PATTERNS = [
    ("percent", re.compile(
        rf"(?<![\w.,-]){_APPROX}(?P<num>{_NUM})\s?(?P<unit>%|percent\b|per\s+cent\b)",
        re.I)),
    ("money", re.compile(
        rf"(?<![\w.]){_APPROX}(?P<cur>{_CUR_PREFIX})\s?(?P<num>{_NUM})"
        rf"(?:\s?(?P<scale>{_SCALEW})\b)?", re.I)),
    ("money", re.compile(
        rf"(?<![\w.,$€£-]){_APPROX}(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALEW}))?\s+"
        rf"(?P<cur>{_CUR_SUFFIX})\b", re.I)),
    ("mass", re.compile(
        rf"(?<![\w.,$€£-]){_APPROX}(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALEW}))?\s?"
        rf"(?P<unit>{_MASS_UNITS})\b(?!-)", re.I)),
]

_KIND_WORDS = [
    ("price", re.compile(r"\bprice|\bper (?:ounce|tonne|ton|pound|lb)\b|/oz|/t\b|\bpriced|"
                         r"\btrad(?:ed|ing) at|\brecord high|\bcost(?:s)? of\b", re.I)),
    ("investment", re.compile(r"\binvest|\bfund|\bloan|\bfinanc|\bacqui|\bstake|\bdeal\b|"
                              r"\bcapex|\bbuy(?:s|ing)?\b|\bbid\b|\bgrant|\bspend", re.I)),
    ("export", re.compile(r"\bexport|\bshipment|\bship(?:ped|ping)?\b|\bquota", re.I)),
    ("reserves", re.compile(r"\breserve|\bresource|\bdeposit|\bgrade|\bcontain", re.I)),
    ("share", re.compile(r"\bshare|\bof (?:the )?(?:world|global)|\bworld'?s\b|\bglobal\b|"
                         r"\bdominan|\bcontrol|\baccount(?:s|ed)? for|\bsupplies", re.I)),
    ("production", re.compile(r"\bproduc|\boutput|\bmined\b|\bmine[sd]?\b|\bcapacity|"
                              r"\bsupply|\brefin|\bprocess", re.I)),
]


@dataclass
class Figure:
    value: float
    unit: str
    kind: str
    quote: str
    start: int   # character offsets within the searched text
    end: int


def _number(num: str) -> float:
    return float(num.replace(",", ""))


def find_figures(text: str) -> list[Figure]:
    """Figures in one sentence, in order, without overlaps."""
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for family, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if _is_range(text, m.start("num"), e):
                continue
            value = _number(m.group("num"))
            scale = (m.groupdict().get("scale") or "").lower()
            if family == "percent":
                unit = "percent"
            elif family == "money":
                unit = _CURRENCY[m.group("cur").lower()]
                value *= _SCALE.get(scale, 1.0)
            else:
                raw_unit = m.group("unit")
                unit_key = re.sub(r"\s+", " ", raw_unit.lower())
                if raw_unit == "t" and not scale:
                    continue  # a bare "t" after a number is too often something else
                value *= _SCALE.get(scale, 1.0) * _UNIT_SCALE.get(unit_key, 1.0)
                unit = _MASS[unit_key]
            taken.append((s, e))
            found.append(Figure(value=value, unit=unit, kind="", quote=text[s:e].strip(),
                                start=s, end=e))
    found.sort(key=lambda f: f.start)
    for f in found:
        f.kind = classify(text, f)
    return found


def _is_range(text: str, num_start: int, end: int) -> bool:
    before = text[max(0, num_start - 6):num_start]
    after = text[end:end + 4]
    return bool(re.search(r"\d\s*(?:-|–|to)\s*$", before) or re.match(r"\s*(?:-|–)\s*\d", after))


def classify(sentence: str, fig: Figure) -> str:
    """The figure's kind: the kind whose cue word is nearest to it in the sentence."""
    money = fig.unit in _CURRENCY.values()
    allowed = {"percent": ("share", "price", "production", "export"),
               "money": ("price", "investment", "export", "production", "reserves"),
               "mass": ("production", "reserves", "export", "share")}[
        "percent" if fig.unit == "percent" else "money" if money else "mass"]
    best, best_dist = None, 10 ** 9
    for kind, pattern in _KIND_WORDS:
        if kind not in allowed:
            continue
        for m in pattern.finditer(sentence):
            dist = (fig.start - m.end()) if m.end() <= fig.start else max(0, m.start() - fig.end)
            # cues after the figure ("70% of global production") weigh like cues before it
            if dist < best_dist:
                best, best_dist = kind, dist
    if fig.unit == "percent":
        if best in ("share", None) or re.search(
                r"\bof (?:the )?(?:world|global)|\bworld'?s|\bshare", sentence, re.I):
            return "share"
        return best
    return best or ("investment" if money else "production")
