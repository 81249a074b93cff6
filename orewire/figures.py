"""Figures quoted in a sentence: shares, tonnages, money, prices.

A figure's value is the number as written scaled by its word (thousand, k, million, m, bn,
billion, trillion, and their French, German, Spanish, Portuguese and Russian forms):
"20 million metric tons" -> 20000000 tonnes, "$652.26 million" -> 652260000 usd, "41%" ->
41 percent, "30 millones de toneladas" -> 30000000 tonnes. Units are named, never
converted; a price per quantity gets a compound unit ("$38,395 a ton" -> usd/t). Not
recorded: ranges ("20-30%", "$5 million to $7 million"), numbers in words ("almost half"),
percentage changes in English ("rose 4%", "+5.9% YoY"), and a conversion in brackets after
another amount ("299,220 yuan ($40,999.15)").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_SCALE_WORDS = {
    # English
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
    # Spanish / Portuguese ("mil millones" is a billion)
    "mil": 1e3, "millón": 1e6, "millones": 1e6, "mil millones": 1e9, "billón": 1e12,
    "billones": 1e12, "milhão": 1e6, "milhões": 1e6, "mil milhões": 1e9, "bilhão": 1e9,
    "bilhões": 1e9,
    # French
    "mille": 1e3, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "md": 1e9,
    "mds": 1e9,
    # German
    "tausend": 1e3, "mio.": 1e6, "mio": 1e6, "millionen": 1e6, "mrd.": 1e9, "mrd": 1e9,
    "milliarde": 1e9, "milliarden": 1e9,
    # Russian
    "тыс.": 1e3, "тыс": 1e3, "млн": 1e6, "миллион": 1e6, "миллиона": 1e6,
    "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
}
_CURRENCY = {
    "$": "usd", "us$": "usd", "usd": "usd", "a$": "aud", "au$": "aud", "aud": "aud",
    "c$": "cad", "cad": "cad", "€": "eur", "eur": "eur", "£": "gbp", "gbp": "gbp",
    "¥": "cny", "cny": "cny", "rmb": "cny", "r$": "brl", "₹": "inr", "inr": "inr",
    "dollars": "usd", "dollar": "usd", "us dollars": "usd", "euros": "eur", "euro": "eur",
    "yuan": "cny", "rand": "zar", "rupees": "inr", "pounds sterling": "gbp",
    "dólares": "usd", "dólar": "usd", "us-dollar": "usd", "евро": "eur",
    "долларов": "usd", "доллара": "usd", "рублей": "rub", "юаней": "cny",
}
_MASS = {
    "metric tons": "tonnes", "metric tonnes": "tonnes", "tonnes": "tonnes", "tons": "tonnes",
    "tonne": "tonnes", "ton": "tonnes", "t": "tonnes", "mt": "tonnes", "kt": "tonnes",
    "ounces": "oz", "ounce": "oz", "oz": "oz", "troy ounces": "oz", "pounds": "lb",
    "lb": "lb", "lbs": "lb", "carats": "carats", "kilograms": "kg", "kg": "kg",
    "toneladas": "tonnes", "toneladas métricas": "tonnes", "tonelada": "tonnes",
    "tonnen": "tonnes", "onzas": "oz", "onças": "oz", "onces": "oz", "unzen": "oz",
    "тонн": "tonnes", "тонны": "tonnes", "тонна": "tonnes", "т": "tonnes", "унций": "oz",
}
_PER_UNIT = {"ton": "t", "tons": "t", "tonne": "t", "tonnes": "t", "t": "t",
             "metric ton": "t", "metric tonne": "t", "ounce": "oz", "oz": "oz",
             "pound": "lb", "lb": "lb", "kilogram": "kg", "kg": "kg"}

_APPROX = (r"(?:(?:around|about|approximately|roughly|nearly|almost|over|more than|less than|"
           r"some|up to|at least|at most|just over|just under|close to|an estimated|"
           r"circa|below|above|casi|cerca de|más de|alrededor de|environ|près de|plus de|"
           r"rund|etwa|fast|mehr als|über|около|более|почти)\s+)?")
_CUR_PREFIX = r"(?:US\$|A\$|AU\$|C\$|R\$|\$|€|£|¥|₹|USD|EUR|GBP|AUD|CAD|CNY|RMB|INR)"
_CUR_SUFFIX = (r"(?:US dollars|dollars|dollar|euros|euro|yuan|rand|rupees|pounds sterling|"
               r"dólares|dólar|US-Dollar|Dollar|Euro|евро|долларов|доллара|рублей|юаней|"
               r"USD|EUR|\$|€)")
_MASS_UNITS = (r"Mt|(?i:metric\s+tonnes|metric\s+tons|troy\s+ounces|toneladas\s+métricas|"
               r"tonnes|tonne|tons|ton|ounces|ounce|oz|pounds|lbs|lb|carats|kilograms|kg|kt|"
               r"mt|toneladas|tonelada|tonnen|onzas|onças|onces|unzen|тонн[аы]?|унций|t|т)")
_PERCENT = r"%|percent\b|per\s+cent\b|por\s+ciento\b|por\s+cento\b|pour\s+cent\b|Prozent\b|процент\w*"
_DECIMAL_COMMA_LANGS = {"fr", "de", "es", "pt", "ru", "it"}


@dataclass
class Figure:
    value: float
    unit: str
    kind: str
    quote: str
    start: int   # character offsets within the searched text
    end: int


@lru_cache(maxsize=8)
def _patterns(lang: str):
    if lang in _DECIMAL_COMMA_LANGS:
        num = r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?"
    else:
        num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    scale = (r"mil\s+millones|mil\s+milhões|thousand|trillion|billion|million|millions|"
             r"millones|millón|milhões|milhão|bilhões|bilhão|milliards|milliard|millionen|"
             r"milliarden|milliarde|tausend|mio\.|mrd\.|mio|mrd|mille|млн|млрд|тыс\.?|"
             r"миллиард\w*|миллион\w*|mln|mn|bn|tn|mil|[kmb](?![a-zа-я])")
    of = r"(?:\s+(?:de|of)\s+|\s+d['’]\s*|\s*)"
    per = (r"(?:\s*\([^)]{0,40}\))?\s*(?:per|a|an|/|por|par|pro|за)\s*"
           r"(?P<per>metric\s+tonne|metric\s+ton|tonne|ton|ounce|oz|pound|lb|kilogram|kg|t)\b")
    flags = re.I | re.U
    return [
        ("percent", re.compile(
            rf"(?<![\w.,-]){_APPROX}(?P<sign>[+−-])?(?P<num>{num})\s?(?P<unit>{_PERCENT})",
            flags)),
        ("money", re.compile(
            rf"(?<![\w.]){_APPROX}(?P<cur>{_CUR_PREFIX})\s?(?P<num>{num})"
            rf"(?:\s?(?P<scale>{scale})\b)?(?:{per})?", flags)),
        ("money", re.compile(
            rf"(?<![\w.,$€£-]){_APPROX}(?P<num>{num})(?:\s?(?P<scale>{scale}))?{of}"
            rf"(?P<cur>{_CUR_SUFFIX})(?![\w])(?:{per})?", flags)),
        ("mass", re.compile(
            rf"(?<![\w.,$€£-])(?i:{_APPROX})(?P<num>{num})(?:\s?(?P<scale>(?i:{scale})))?"
            rf"{of}(?P<unit>{_MASS_UNITS})(?![\w-])", re.U)),
    ]


def _number(num: str, lang: str) -> float:
    if lang in _DECIMAL_COMMA_LANGS:
        cleaned = re.sub(r"[\u00a0\u202f ]", "", num)
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", cleaned):
            cleaned = cleaned.replace(".", "")
        return float(cleaned.replace(",", "."))
    return float(num.replace(",", ""))


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    return _SCALE_WORDS.get(re.sub(r"\s+", " ", word.lower()), 1.0)


_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|drop(?:s|ped|ping)?|declin\w*|"
    r"increas\w*|decreas\w*|gain(?:s|ed|ing)?|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|"
    r"slump\w*|surg\w*|grew|grow(?:s|n|ing)?|up|down|plung\w*|soar\w*|slid|slide|"
    r"shed|lost|added|cut|by|as much as|rebound\w*|"
    # French, Spanish, Portuguese, German: "augmentation de 5 %", "aumento del 3%", "um 25 %"
    r"augmentation|hausse|baisse|progression|recul|diminution|aumento|subida|caída|"
    r"descenso|alza|queda|alta|stieg|stiegen|sank|sanken|fiel|fielen|wuchs|um|"
    r"рост|снижение|на)\s+(?:by\s+|de\s+|del\s+|d['’]|em\s+|de\s+la\s+)?$", re.I)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:increase|decrease|rise|drop|decline|gain|jump|fall|growth|higher|lower|"
    r"year-on-year|year on year|yoy|y/y|on the year|from a year|"
    r"par rapport|sur un an|interanual|im vergleich|gegenüber)", re.I)


def find_figures(text: str, lang: str | None = "en") -> list[Figure]:
    """Figures in one sentence, in order, without overlaps (the longest match wins)."""
    lang = lang or "en"
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []
    candidates = [(m.start(), -(m.end() - m.start()), order, family, m)
                  for order, (family, pattern) in enumerate(_patterns(lang))
                  for m in pattern.finditer(text)]
    for *_order, family, m in sorted(candidates, key=lambda c: c[:3]):
        s, e = m.span()
        if any(s < te and ts < e for ts, te in taken) or _is_range_side(
                text, m.start("num"), family):
            continue
        taken.append((s, e))  # a skipped change ("rose 4%") still hides what it covers
        fig = _figure(family, m, text, lang)
        if fig is not None:
            found.append(fig)
    found.sort(key=lambda f: f.start)
    found = _drop_ranges_and_conversions(text, found)
    for f in found:
        f.kind = classify(text, f)
    return found


def _figure(family: str, m: re.Match, text: str, lang: str) -> Figure | None:
    value = _number(m.group("num"), lang)
    groups = m.groupdict()
    if family == "percent":
        if groups.get("sign") or _is_change(text, m.start("num"), m.end()):
            return None
        unit = "percent"
    elif family == "money":
        cur = re.sub(r"\s+", " ", m.group("cur").lower())
        unit = _CURRENCY.get(cur, cur)
        value *= _scale(groups.get("scale"))
        if groups.get("per"):
            unit += "/" + _PER_UNIT[re.sub(r"\s+", " ", groups["per"].lower())]
    else:
        raw_unit = m.group("unit")
        if raw_unit.lower() in ("t", "т") and not groups.get("scale"):
            return None  # a bare "t" after a number is too often something else
        value *= _scale(groups.get("scale"))
        if raw_unit == "Mt":
            value *= 1e6   # megatonnes; lower-case "mt" is metric tons
        elif raw_unit.lower() == "kt":
            value *= 1e3
        unit = _MASS[re.sub(r"\s+", " ", raw_unit.lower())]
    s, e = m.span()
    return Figure(value=value, unit=unit, kind="", quote=text[s:e].strip(), start=s, end=e)


def _is_range_side(text: str, num_start: int, family: str) -> bool:
    """The second number of "7-7.5 million tonnes" or "20% to 30%"."""
    before = text[max(0, num_start - 16):num_start]
    unit = r"(?:%|percent|per cent)?" if family == "percent" else ""
    return bool(re.search(rf"\d\s*{unit}\s*(?:-|–|to|a)\s*$", before))


def _is_change(text: str, num_start: int, end: int) -> bool:
    before = text[max(0, num_start - 40):num_start]
    before = re.sub(_APPROX + r"$", "", before)
    return bool(_CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(text[end:end + 30]))


def _drop_ranges_and_conversions(text: str, figures: list[Figure]) -> list[Figure]:
    drop = {i for i, f in enumerate(figures)   # "$1.2-1.5 billion"
            if re.match(r"\s*(?:-|–)\s*\d", text[f.end:f.end + 6])}
    for i in range(len(figures) - 1):
        a, b = figures[i], figures[i + 1]
        between = text[a.end:b.start]
        if a.unit == b.unit and re.fullmatch(r"\s*(?:-|–|to|and|a|à|bis)\s*", between):
            drop.update((i, i + 1))   # "20% to 30%", "$5 million-$7 million"
        elif re.fullmatch(r"\s*\(\s*", between) and (a.unit.split("/")[0] in
                                                     _CURRENCY.values()):
            drop.add(i + 1)           # "299,220 yuan ($40,999.15)": a conversion
    return [f for i, f in enumerate(figures) if i not in drop]


_KIND_WORDS = [
    ("price", re.compile(r"\bprice|\bper (?:ounce|tonne|ton|pound|lb)\b|\ba (?:tonne|ton|"
                         r"pound|ounce)\b|/oz|/t\b|\bpriced|\btrad(?:ed|ing) at|"
                         r"\brecord high|\bprecio|\bprix\b|\bpreis", re.I)),
    ("investment", re.compile(r"\binvest|\bfund|\bloan|\bfinanc|\bacqui|\bstake|\bdeal\b|"
                              r"\bcapex|\bbuy(?:s|ing)?\b|\bbid\b|\bgrant|\bspend|"
                              r"\binversi|\binvestiss", re.I)),
    ("export", re.compile(r"\bexport|\bshipment|\bship(?:ped|ping)?\b|\bquota|\bexporta|"
                          r"\bausfuhr|экспорт", re.I)),
    ("reserves", re.compile(r"\breserve|\bresource|\bdeposit|\bgrade|\bcontain|\breserva|"
                            r"\bgisement|\bvorkommen|запас", re.I)),
    ("share", re.compile(r"\bshare|\bof (?:the )?(?:world|global)|\bworld['’]?s\b|\bglobal\b|"
                         r"\bdominan|\bcontrol|\baccount(?:s|ed)? for|\bsupplies|\bmundial|"
                         r"\bmondial|\bweltweit|\bAnteil|\bcuota|\bpart\b", re.I)),
    ("production", re.compile(r"\bproduc|\boutput|\bmined\b|\bmine[sd]?\b|\bcapacity|"
                              r"\bsupply|\brefin|\bprocess|\bprodu[cz]|\bförder|"
                              r"производ", re.I)),
]


def classify(sentence: str, fig: Figure) -> str:
    """The figure's kind: the kind whose cue word is nearest to it in the sentence."""
    if "/" in fig.unit:
        return "price"
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
            if dist < best_dist:
                best, best_dist = kind, dist
    if fig.unit == "percent":
        if best in ("share", None) or _KIND_WORDS[4][1].search(sentence):
            return "share"
        return best
    return best or ("investment" if money else "production")
