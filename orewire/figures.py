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

from orewire.seeds import SEEDS_DIR, load_yaml

RULES_FILE = SEEDS_DIR / "figures.yaml"


@lru_cache(maxsize=1)
def rules() -> dict:
    """The word lists of ``seeds/figures.yaml``."""
    data = load_yaml(RULES_FILE.name)
    if not isinstance(data.get("scale_words"), dict):
        raise ValueError(f"{RULES_FILE}: expected 'scale_words'")
    return data


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))

def _spellings(words) -> str:
    """An alternation of written forms, longest first; a space matches any white space."""
    return _alternation(words).replace("\\ ", r"\s+")


# Units and number forms, from seeds/figures.yaml ("units and number forms").
_CURRENCY = {**{k.lower(): v for k, v in rules()["currency_suffix"].items()},
             **{k.lower(): v for k, v in rules()["currency_prefix"].items()}}
_MASS = {**{k.lower(): v for k, v in rules()["mass_units"].items()},
         **{k.lower(): v for k, v in rules()["mass_units_cased"].items()}}
_PER_UNIT = {k.lower(): v for k, v in rules()["per_units"].items()}
_APPROX = rf"(?:(?:{_spellings(rules()['approximators'])})\s+)?"
_CUR_PREFIX = f"(?:{_spellings(rules()['currency_prefix'])})"
_CUR_SUFFIX = f"(?:{_spellings(rules()['currency_suffix'])})"
_MASS_UNITS = (f"(?:{_spellings(rules()['mass_units_cased'])}|"
               f"(?i:{_spellings(rules()['mass_units'])}))")
# Units that scale their number, as written (mass_unit_scales)
_UNIT_SCALES = {str(k): float(v) for k, v in (rules().get("mass_unit_scales") or {}).items()}
_PERCENT = f"(?:%|(?:{_spellings(w for w in rules()['percent_signs'] if w != '%')})(?!\\w))"
# Currencies written after the number that are money only with a scale word
# ("1.2 trillion won"; "won" is also a verb)
_SCALED_ONLY = {str(w).lower() for w in rules().get("currency_suffix_scaled_only") or []}
# ... and the ones that are money only with a unit after them ("415 c/lb")
_PER_ONLY = {str(w).lower() for w in rules().get("currency_suffix_per_only") or []}
_DECIMAL_COMMA_LANGS = {"fr", "de", "es", "pt", "ru", "it"}


@dataclass
class Figure:
    value: float
    unit: str
    kind: str
    quote: str
    start: int   # character offsets within the searched text
    end: int
    year: int | None = None


@lru_cache(maxsize=8)
def _num_pattern(lang: str) -> str:
    """A number as the language writes it, or a number word before a scale word or unit."""
    if lang in _DECIMAL_COMMA_LANGS:
        num = r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?"
    else:
        # Indian grouping ("1,03,827.45") before Western grouping
        num = (r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|"
               r"\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d.,])|\d+(?:\.\d+)?")
    one = _alternation(rules()["one_words"])
    small = _alternation(rules()["number_words"])
    return (rf"(?:{num}|(?i:{one})(?=\s+(?:{_SCALE_ALT})\b)|"
            rf"(?i:{small})(?=\s+(?i:{_SCALE_ALT}|{_MASS_UNITS})(?![\w-])))")


@lru_cache(maxsize=8)
def _patterns(lang: str):
    num = _num_pattern(lang)
    scale = _SCALE_ALT + r"|[kmb](?![a-zа-я])"
    of = r"(?:\s+(?:de|of)\s+|\s+d['’]\s*|\s*-\s*|\s*)"
    per_word = _alternation(rules()["per_words"])
    per = (r"(?:\s*\([^)]{0,40}\))?(?:\s*/\s*|\s+(?:(?:" + per_word + r")\s+|l['’]\s*))"
           rf"(?P<per>{_spellings(rules()['per_units'])})\b")
    flags = re.I | re.U
    # "1.7 million silver ounces", "1.6 million attributable gold ounces": one or two words
    # may sit between a quantity and its unit; not a word of a rate per unit ("ore grading
    # 110 grams per tonne" is a grade, no tonnage)
    # (or a qualifier written with a digit: "412,000 4E ounces")
    qualifiers = "|".join(rules().get("mass_unit_number_qualifiers") or ["(?!)"])
    word = (rf"(?:(?:\s+(?!(?i:{per_word}|grams?|grammes?|gramos|gramas|gramm)\b)"
            rf"(?:[^\W\d_]{{3,15}}|{qualifiers})){{1,2}}(?=\s))?")
    return [
        ("percent", re.compile(
            rf"(?<![\w.,-]){_APPROX}(?P<sign>[+−-])?(?P<num>{num})\s?(?P<unit>{_PERCENT})",
            flags)),
        ("money", re.compile(
            rf"(?<![\w.]){_APPROX}(?P<cur>{_CUR_PREFIX})\s?(?P<num>{num})"
            rf"(?:[\s-]?(?P<scale>{scale})\b)?(?:{per})?", flags)),
        ("money", re.compile(
            rf"(?<![\w.,$€£-]){_APPROX}(?P<num>{num})(?:[\s-]?(?P<scale>{scale}))?{of}"
            rf"(?P<cur>{_CUR_SUFFIX})(?![\w])(?:{per})?", flags)),
        ("mass", re.compile(
            rf"(?<![\w.,$€£-])(?i:{_APPROX})(?P<num>{num})(?:[\s-]?(?P<scale>(?i:{scale}))(?:(?<=\.)|(?!\w)))?"
            rf"(?P<word>{word})?{of}(?P<unit>{_MASS_UNITS})(?P<hyear>-(?:a|per)-(?:year|annum))?"
            rf"(?![\w-])(?:{per.replace('(?P<per>', '(?P<massper>')})?",
            re.U)),
    ]


# one-letter scale words (k, m, b) only where no letter follows: see _patterns
_SCALE_ALT = _alternation(w for w in rules()["scale_words"] if len(w) > 1).replace(
    "\\ ", r"\s+")


def _number(num: str, lang: str) -> float:
    word = num.strip().lower()
    if word in {str(w) for w in rules()["one_words"]}:
        return 1.0
    if word in rules()["number_words"]:
        return float(rules()["number_words"][word])
    if lang in _DECIMAL_COMMA_LANGS:
        cleaned = re.sub(r"[\u00a0\u202f ]", "", num)
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", cleaned):
            cleaned = cleaned.replace(".", "")
        return float(cleaned.replace(",", "."))
    return float(re.sub(r"[,\u00a0\u202f ]", "", num))


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    return float(rules()["scale_words"].get(re.sub(r"\s+", " ", word.lower()), 1.0))


@lru_cache(maxsize=8)
def _cues(lang: str):
    """Compiled cue patterns of seeds/figures.yaml for ``lang`` (English cues always)."""
    r = rules()

    def words(key):
        table = r.get(key) or {}
        return set(table.get("en") or []) | set(table.get(lang) or [])

    stem = re.compile(rf"(?<!\w)(?:{_alternation(words('change_words'))})", re.I | re.U)
    by = re.compile(rf"(?<!\w)(?:{_alternation(words('by_words'))})\s*$", re.I | re.U)
    to = re.compile(rf"(?<!\w)(?:{_alternation(words('to_words'))})\s*$", re.I | re.U)
    after = re.compile(rf"^\s*(?:{_alternation(r['change_after'])})(?!\w)", re.I | re.U)
    between = _alternation(r.get("rate_after_not_between") or [])
    rate_after = re.compile(rf"^\s*(?:(?!(?:{between})\s)[\w’'-]+\s+)?"
                            rf"(?:{_alternation(r['rate_after'])})", re.I | re.U)
    rate_before = re.compile(rf"(?<!\w)(?:{_alternation(r['rate_before'])})(?!\w)",
                             re.I | re.U)
    relative = {k.lower(): int(v) for k, v in (r.get("year_relative") or {}).items()}
    rel = re.compile(rf"(?<!\w)(?:{_alternation(relative)})(?!\w)", re.I | re.U)
    return stem, by, to, after, rate_after, rate_before, rel, relative


# A formula or element symbol after a grade ("65% WO3", "1.2% Li2O", "0.8% Cu", "TREO")
_FORMULA = re.compile(r"^\s*(?:[A-Z][a-z]?\d*){1,4}(?:\s|[),.;]|$)")
_YEAR_SET = re.compile(r"^\W*(?:in|for|during|en|im|em|no|na|в|au|de)\s+(?:fiscal\s+)?"
                       r"(19[5-9]\d|20\d\d)\b", re.I)
_YEAR = re.compile(r"(?<![\w.,-])(19[5-9]\d|20\d\d)(?![\w%])")


def find_figures(text: str, lang: str | None = "en", *, mt_million: bool = False,
                 sterling: bool = False, article_year: int | None = None) -> list[Figure]:
    """Figures in one sentence, in order, without overlaps (the longest match wins).

    ``mt_million``: the article writes "MT" for million tonnes ("25 million tonnes (MT)"),
    as Indian and some Australian copy does. ``sterling``: the article prices in pounds
    sterling ("£"), so "1.4 billion pounds" is money, not weight. ``article_year``: the
    year of the article's date, for "last year"."""
    lang = lang or "en"
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []
    not_figure: tuple[str, int] | None = None   # the last rate or account read, and its end
    candidates = [(m.start(), -(m.end() - m.start()), order, family, m)
                  for order, (family, pattern) in enumerate(_patterns(lang))
                  for m in pattern.finditer(text)]
    for *_order, family, m in sorted(candidates, key=lambda c: c[:3]):
        s, e = m.span()
        if any(s < te and ts < e for ts, te in taken):
            continue
        if _is_range_side(text, m.start("num"), family, lang):
            # and the range's first side, if it was read as a figure ("$5 million to $7m")
            found = [f for f in found if not (f.end <= s and re.fullmatch(
                r"\s*(?:-|–|~|to|a|à|bis|hasta|até|до|and|et|y|e|und|и)\s*(?:" + _CUR_PREFIX +
                r"|[^\w\s]{0,3})\s*",
                text[f.end:m.start("num")], re.I))]
            continue
        taken.append((s, e))  # a skipped change ("rose 4%") still hides what it covers
        fig = _figure(family, m, text, lang, mt_million, sterling)
        earlier = not_figure and not_figure[0] == family and \
            _EARLIER_LEVEL.fullmatch(text, not_figure[1], s)
        if fig is not None and not (earlier and not _unit_costs()[1].search(
                text, earlier.start("cmp"), s)):
            # (not where the level compared is named a price: "need prices of $15,000 to
            # cover costs, versus a spot price of $9,800")
            found.append(fig)
        elif fig is None and (_is_rate(text, s, e, lang) or
                              family == "money" and _is_accounts(text, s, e)):
            not_figure = (family, e)
    found.sort(key=lambda f: f.start)
    found = _drop_ranges_and_conversions(text, found, lang)
    notes = [n.span() for n in _EXCHANGE_RATE_NOTE.finditer(text)]
    if notes:   # "($1 = 7.2610 yuan)": the exchange rate a story converted with
        found = [f for f in found if not any(s <= f.start < e for s, e in notes)]
    while extra := _unit_shared_before(text, found, lang):   # a series, right to left
        found = sorted(found + extra, key=lambda f: f.start)
    while extra := _unit_shared_after(text, found, lang):    # and left to right
        found = sorted(found + extra, key=lambda f: f.start)
    if "(" in text and ":" in text:
        found = sorted(found + _table_entries(text, found, lang), key=lambda f: f.start)
    for a, b in reversed(list(zip(found, found[1:]))):
        # "1.2 and 1.5 billion tonnes", "$5 and $7 billion": the scale is shared too
        # (only a bare number, or an amount with no word of its own: "11,000 gold ounces,
        # 1.7 million silver ounces" are two figures with their own words)
        if a.unit == b.unit and re.fullmatch(rf"\s*(?:,|{_alternation(rules()['list_and'])})\s*",
                                             text[a.end:b.start], re.I) and \
                re.fullmatch(rf"(?:{_CUR_PREFIX})?\s?(?:{_num_pattern(lang)})", a.quote, re.I) \
                and _scale_factor(a, lang) == 1 < _scale_factor(b, lang):
            a.value *= _scale_factor(b, lang)
    for f in found:
        f.kind = classify(text, f)
        f.year = figure_year(text, f, lang, article_year)
    for a, b in zip(found, found[1:]):
        if a.unit == b.unit and _RESTATED.search(text[a.end:b.start]):
            b.kind = a.kind   # "held 1 million tonnes ..., a figure it raised to 1.3 million"
    return found


# What stands between a rate or an account and the level it came from ("treatment charges
# of $165 a tonne, down from $274", "payables rose to 95% of the metal price from 60%"):
# that earlier level is a rate or an account as well.
# ("de" and "von" are more often "of" than "from": not here)
# ("previously" too, as a bracket gives the earlier assumption, a year may stand between:
# "assumes gold of US$3,000/oz in 2026 (previously US$3,200/oz)")
_EARLIER_LEVEL = re.compile(r"(?:[^.;!?\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,45}?(?<!\w)(?P<cmp>from|desde|compared\s+(?:with|to)|"
                            r"versus|vs\.?|previously|formerly)\s+\D{0,20}", re.I | re.U)


_THRESHOLD_NOUN = re.compile(
    rf"\s*-?\s*(?:{_alternation(rules().get('threshold_nouns_after') or ['(?!)'])})\b", re.I)
_TRADE_TOTAL = re.compile("|".join(rules().get("country_trade_totals_before") or ["(?!)"]),
                          re.I | re.U)
_THE_BEFORE = re.compile(r"(?<!\w)the\s+(?:[\w-]+\s+)?$", re.I)


# "half a million tonnes" (English only; "the first half" is a time, not a fraction)
_HALF = re.compile(r"(?<!first\s)(?<!second\s)(?<!the\s)(?<!\w)half\s+$", re.I)


def _figure(family: str, m: re.Match, text: str, lang: str, mt_million: bool = False,
            sterling: bool = False) -> Figure | None:
    if re.fullmatch(r"['’]000", text[m.start("num") - 1:m.end("num")]):
        return None   # "('000 oz)": a table's scale, thousands of the unit, no amount
    value = _number(m.group("num"), lang)
    if _HALF.search(text[max(0, m.start() - 16):m.start()]) and \
            m.group("num").strip().lower() in ("a", "an"):
        value = 0.5   # "half a million tonnes"
    groups = m.groupdict()
    if _is_rate(text, m.start(), m.end(), lang) or _threshold().search(
            text[max(0, m.start() - 60):m.start("num")]) or _of_goods(text, m.start(), m.end()) \
            or _mixed_equivalent(text, m.start(), m.end()):
        return None
    if family in ("percent", "money") and not groups.get("per") and \
            _sector_share(text, m.start()):
        return None     # "Mining accounted for 14% of GDP and 60% of exports": mining's
        # (a price per unit stays the mineral's: "Peru's mining exports were lifted by
        # copper at $9,800 a tonne")
    if family == "money" and not groups.get("scale") and _is_bound(text, m.start("num"), lang):
        return None     # "to trade above $3,300 an ounce", "abaixo de 90 dólares": a bound
    if family == "money" and _TRADE_TOTAL.search(
            _other_clause(lang).split(text[max(0, m.start() - 80):m.start()])[-1]):
        return None     # "Total Chilean exports reached $8.2 billion": the country's trade
    if family == "money" and not groups.get("scale") and _THRESHOLD_NOUN.match(text, m.end()) \
            and _THE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return None     # "above the 1,500 yuan level", "the $10,000 mark": a threshold
    if family == "money" and _crossed().search(text[max(0, m.start() - 60):m.start()]):
        return None     # "topped $2,000": a level passed, not the price
    if family == "percent":
        if groups.get("sign") or _is_change(text, m.start("num"), m.end(), lang):
            return None
        if _energy_share(text, m.start(), m.end(), lang):
            return None   # "4.6 TWh of electricity, some 25% of the country's supply"
        unit = "percent"
    elif _is_amount_change(text, m.start(), m.end(), lang):
        return None
    elif family == "money":
        if (groups.get("per") or not groups.get("scale")) and _unit_cost(text, m.start()):
            return None   # "AISC of $1,611 an ounce", "cut its cost guidance to $18 a tonne"
        if m.group("cur") in ("R", "r") and (m.group("cur") == "r" or not (
                groups.get("scale") or groups.get("per") or
                re.search(r"\d[,.\s]\d{3}(?!\d)", m.group("num")))):
            return None   # a bare "R" is the rand with a scale, a thousands separator or a
            # unit only ("R5.2 billion", "R18,500/oz"; "the R1 road", "R2.5 version",
            # "the rand at R18.50" are not amounts of it)
        if _EXCHANGE_RATE.match(text, m.end()):
            return None   # "the rand weakened to R18.50 against the dollar": a rate
        cur = re.sub(r"\s+", " ", m.group("cur").lower())
        if cur in _SCALED_ONLY and not groups.get("scale"):
            return None   # "1.2 trillion won" is money; "3 won" rarely is
        if cur in _PER_ONLY and not groups.get("per"):
            return None   # "415 c/lb" is a price; "40C" is a temperature
        unit = _CURRENCY.get(cur, cur)
        value *= _scale(groups.get("scale"))
        if groups.get("per"):
            unit += "/" + _PER_UNIT[re.sub(r"\s+", " ", groups["per"].lower())]
        else:
            lead = text[max(0, m.start() - 120):m.start()]
            each = None if groups.get("scale") else \
                _unit_subject(lang).search(lead if m.start() > 120 else ". " + lead)
            if each:      # "each tonne of concentrate is worth $1,200": a price per tonne
                # (not a scaled sum: "the plant cost $40 million")
                unit += "/" + _PER_UNIT[re.sub(r"\s+", " ", each.group("unit").lower())]
            elif _is_accounts(text, m.start(), m.end()):
                return None   # the company's accounts, not the mineral's
            elif _foreign_per().match(text[m.end():m.end() + 30]):
                return None   # "$120 per megawatt hour": the price of something else
    else:
        raw_unit = m.group("unit")
        if raw_unit.lower() == "t" and not groups.get("scale") and value < 100 and (
                raw_unit != "t" or not text[m.start("num"):m.start("unit")].endswith(" ") or
                lang == "en" and not re.match(r"\s+of\s", text[m.end():m.end() + 5])):
            return None  # an English bare "t" after a small number is too often something
            # else, unless a quantity "of" something follows ("24 t of gold"); the other
            # languages write the tonne so, with a space ("12,5 t Gold", "45 t d'or"; "3T"
            # and "3 T" are a quarter and a model)
        if raw_unit.lower() == "т" and re.match(r"\.\s?[а-яё]\.", text[m.end():m.end() + 4]):
            return None  # Russian "т" is the tonne ("54,6 т"), "т.е."/"т. д." are words
        if groups.get("word") and (groups.get("scale") or "").strip() == "" and \
                not re.search(r"\d{2}", m.group("num")):
            return None  # "5 million" is a quantity; "3 gold ounces" rarely is news
        value *= _scale(groups.get("scale"))
        lowered = raw_unit.lower()
        scale = _UNIT_SCALES.get(raw_unit) or _UNIT_SCALES.get(lowered)
        if scale:
            value *= scale   # "1.2 MMT", "10 LMT", "700 kilotonnes" (mass_unit_scales)
        elif raw_unit in ("Mt", "Moz", "Mlb", "Mlbs", "Mwmt", "Mdmt") or lowered == "mtpa" or \
                (raw_unit == "MT" and mt_million and not groups.get("scale") and
                 (value < 1000 or not re.fullmatch(r"[\d,.\s\u00a0]*?\d{1,3}(?:[,\s\u00a0]\d{3})+",
                                                   m.group("num")))):
            value *= 1e6   # megatonnes, million ounces; lower-case "mt" is metric tons, and
            # so is a whole "3,925 MT" in an article that writes "MT" for million tonnes
            # too ("84,652.06 MT" of reserves stays million tonnes)
        elif lowered in ("kt", "ktpa", "koz", "klb", "klbs", "kwmt", "kdmt"):
            value *= 1e3
        if lowered in ("pounds", "pound") and sterling and \
                not re.match(r"\s+of\b", text[m.end():m.end() + 4]):
            unit = "gbp"   # "1.4 billion pounds a year" in a sterling article
        else:
            unit = _MASS.get(re.sub(r"\s+", " ", lowered)) or \
                _MASS[re.sub(r"\s+", " ", lowered.replace("-", " "))]
        if groups.get("massper") and unit != "mtu":
            return None    # "tonnes per hectare", "kg per tonne": a yield, not a figure
        if _per_product_before().search(
                re.split(r"[.;:!?]\s|,\s", text[max(0, m.start() - 100):m.start()])[-1]):
            return None    # "an electric car uses about 80 kg of copper": a product's content
        product = _per_product().match(text, m.end())
        if product and (unit == "kg" or not re.match(r"\s*,?\s*(?:each|apiece|a\s+piece)",
                                                     product.group(0), re.I)):
            return None    # "80 kg each", "20 kg in a petrol car": a product's content
            # ("two smelters make 200,000 tonnes each" is each one's output)
        if unit.startswith("tonnes") and _not_mineral_mass(text, m.start(), m.end()):
            return None    # "1.4 million tonnes of carbon dioxide", "12.5 Mt of ore milled"
        if unit == "mtu":
            return None    # "3,000 mtu" alone is a quantity of WO3 units, kept only in prices
        # (past the mineral's name too: "12.5 million pounds of vanadium pentoxide a year",
        # "31,000 tonnes of nickel annually"; not "... a year earlier")
        if groups.get("hyear") or re.match(r"(?:\s+of\s+(?:(?!(?:in|for|over|during|within|than|from|by|to|at|on)\b)"
                                           r"[^\W\d][\w-]*\s*){1,3}(?<=\w))?"
                                           r"\s*(?:per\s+(?:annum|year)|a\s+year(?![\s-]+(?:earlier|ago|before|"
                    r"later|previously|on\b))|annually|an\s+année|par\s+an|pro\s+jahr|"
                    r"al\s+año|por\s+ano|в\s+год|/yr|/year|/y|/a)\b", text[m.end():], re.I) \
                and "/" not in unit and unit != "gbp":
            unit += "/year"
    s, e = m.span()
    return Figure(value=value, unit=unit, kind="", quote=text[s:e].strip(), start=s, end=e)


def _step(second: str, first: str, lang: str) -> bool:
    """The second amount is at least five times the first: a level after a move."""
    a = re.match(r"\d[\d.,]*\d|\d", first)
    b = re.match(r"\d[\d.,]*\d|\d", second)
    if not (a and b):
        return False
    try:
        return _number(b.group(), lang) >= 5 * max(_number(a.group(), lang), 1e-9)
    except ValueError:
        return False


# A number as a range's side: "10 000" with a (narrow) space between its thousands, as
# French and Russian write it, or "11,000" / "9.200" / "2.5".
_SPACED_NUMBER = r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d[\d.,]*)"


def _is_range_side(text: str, num_start: int, family: str, lang: str = "en") -> bool:
    """The second number of "7-7.5 million tonnes", "20% to 30%" or "RMB94,000~96,000" -
    but not the level after a move: "rose by Rs 450 to Rs 72,300" is a move, then the
    level it reached."""
    unit = r"(?:%|percent|per cent)?" if family == "percent" else ""
    start = max(0, num_start - 40)
    before = text[start:num_start]
    if re.search(r"(?<![\d.,])(?:19[5-9]\d|20\d\d)\s*[-–]\s*$", before):
        return False   # "2.1 Mt in 2023 - 2.4 Mt in 2024": a dash between two dated figures
    if re.search(rf"(?:between|entre|zwischen|между)\s+\D{{0,3}}{_SPACED_NUMBER}(?:[\s-]?(?:{_SCALE_ALT}))?"
                 rf"\s*{unit}\s*(?:and|et|y|e|und|и)\s+\D{{0,3}}$", before, re.I):
        return True    # "between 250,000 and 280,000 ounces"
    side = re.search(rf"({_SPACED_NUMBER})(?:[\s-]?(?:{_SCALE_ALT}))?\s*{unit}\s*"
                     rf"(?:-|–|~|\b(to|a|à|bis|hasta|até|до)\b)\s*(?:{_CUR_PREFIX}\s*|\D{{0,3}})$",
                     before, re.I)
    if side and side.group(1)[-1] in ".,":
        return False   # "has tripled since 2020, to $78 a pound": a clause's comma, then
        # the level reached, not a range
    if side and side.group(2) and _YEAR.fullmatch(side.group(1)) and \
            not _YEAR.match(text, num_start):
        return False   # "soll 2027 bis zu 40.000 Tonnen", "en 2030 hasta 7 millones": a
        # year, then a bound, not a range (2023 to 2025 stays one)
    if side and side.group(2):
        first = start + side.start(1)
        lead = re.sub(rf"(?<!\w){_CUR_PREFIX}\s*$", "", text[max(0, first - 40):first],
                      flags=re.I)
        own_sign = family == "money" and len(lead) < min(40, first)
        big_step = own_sign and _step(text[num_start:num_start + 20], side.group(1), lang)
        if own_sign and big_step and \
                _moved_by(text, max(0, first - 40) + len(lead), lang):
            return False   # "rose by $45 to $2,345", "rose Rs 450 to Rs 72,300": a move,
            # then its level ("rising $200 to $300", "rose 20% to 30%" stay ranges)
    return bool(side)


def _is_change(text: str, num_start: int, end: int, lang: str = "en") -> bool:
    stem, by, to, after, *_rest = _cues(lang)
    if after.match(text[end:end + 40]):
        return True
    if _SHARE_IN_WORDS_COMPARED.search(text[max(0, num_start - 120):num_start]):
        return False        # "roughly half of global supply, up from 7% in 2015"
    before = text[max(0, num_start - 60):num_start]
    before = re.split(r"[.;:!?]\s|,\s(?=\w+\s+\w+)", before)[-1]   # this clause only
    before = re.sub(_APPROX + r"$", "", before)
    if to.search(before):
        return False        # "rose to 70%": the level reached
    if by.search(before) and not _share_by_article(text, before, end, stem) or \
            _participle_after().match(text[end:end + 40]):
        return True         # "fell by 11.5%", "stieg um 4 %", "hat 17 Prozent zugelegt"
    if _share_after().match(text[end:end + 20]):
        return False        # "... surging, and about 70% of global output": a share
    # a change word within the last five words ("elevou a produção em 4,2 por cento")
    return bool(stem.search(" ".join(before.split()[-5:])))


_SHARE_IN_WORDS_COMPARED = re.compile(
    "|".join(rules().get("share_in_words_compared") or ["(?!)"]), re.I | re.U)


# "By" words that are also articles or prepositions of a share (Spanish "un", "en", French
# "de", Portuguese "em"): ", un 24 % del total mundial" is a share.
_ARTICLE_BY = re.compile(r"(?<!\w)(?:un|en|de|em)\s*$", re.I)


def _share_by_article(text: str, before: str, end: int, stem) -> bool:
    """An article-like "by" word before a share of a whole ("del total", "du marché"),
    with no change word among the four words before it: a share, not a change."""
    return bool(_ARTICLE_BY.search(before) and _share_after().match(text[end:end + 20]) and
                not stem.search(" ".join(_ARTICLE_BY.sub("", before).split()[-4:])))


@lru_cache(maxsize=1)
def _participle_after() -> re.Pattern:
    return re.compile(rf"^\s*(?:{_alternation(rules().get('change_participles_after') or [])})"
                      r"(?!\w)", re.I | re.U)


@lru_cache(maxsize=8)
def _unit_subject(lang: str | None) -> re.Pattern:
    """A price's unit as the subject of its clause (``unit_subject_*`` of the seeds):
    "An ounce of gold cost $2,650", "Die Feinunze Gold kostete 2.640 Dollar". Unit
    words that are other words in the text's language are left out
    (``unit_subject_not_units``: English "once", German "Ton")."""
    r = rules()
    other = {str(w).lower() for lg, words in (r.get("unit_subject_not_units") or {}).items()
             if lg == (lang or "en") for w in words}
    dets = "|".join(r["unit_subject_determiners"])
    units = _spellings(k for k in r["per_units"] if len(str(k)) > 2 and
                       str(k).lower() not in other)
    verbs = "|".join(r["unit_subject_verbs"])
    between = "|".join(r["unit_subject_between"])
    # the unit after a determiner ("l'" with no space), or opening a sentence where the
    # language has no article ("Тонна никеля стоит ...")
    start = rf"(?:(?<!\w)(?:{dets})(?:\s+|(?<=['’]))|(?:[.!?;]\s+|\n\s*))"
    # up to two words between the verb and the amount ("kostete am Nachmittag 2.640")
    return re.compile(rf"{start}(?:troy\s+|fine\s+)?(?P<unit>{units})(?!\w)"
                      rf"[^.;!?\d]{{0,60}}?(?<!\w)(?:{verbs})(?:\s+(?:{between}))*"
                      rf"(?:\s+[^\W\d]+){{0,2}}?(?:\s+(?:{between}))*\s*$", re.I | re.U)


_OR_PERCENT = re.compile(r",?\s*(?:or|,)\s*[+-]?\d[\d.,]*\s?(?:%|per\s?cent|percent)", re.I)
_CHANGE_THEN_OR = re.compile(rf"(?P<pct>(?<![\w.,])(?P<num>\d[\d.,]*)\s?{_PERCENT})\s*,?\s*"
                             r"(?:or|или|soit|ou|o\s+sea|oder|beziehungsweise|bzw\.)\s+"
                             r"(?:[^\W\d]+\s+){0,2}$", re.I | re.U)
_UP_DOWN = re.compile(r"(?<!\w)(?:up|down|plus|minus|by|um|de|em|en|на)\s*$", re.I)
# The level a move in money reached, right after it ("settled up 91 cents at $27.29",
# "was down $14.10 at $2,401", "up Rs 450 to Rs 75,640"): the first amount is the move.
# ... or the level, then the move after a comma ("closed at $33,880 a tonne, up $920")
_LEVEL_BEFORE_MOVE = re.compile(r"\d[^,;.!?]{0,25},\s*(?:up|down)\s*(?:by\s+)?$", re.I)
_LEVEL_AFTER_MOVE = re.compile(rf"\s*(?:at|to)\s+{_APPROX}(?:{_CUR_PREFIX})?\s?\d", re.I)


def _is_amount_change(text: str, start: int, end: int, lang: str = "en") -> bool:
    """An amount that is a move, not a level: "up 52,000 yuan/mt from the previous
    period", "4 000 tU par rapport aux attentes", "rose $45"."""
    stem, by, to, after, *_rest = _cues(lang)
    before = re.sub(_APPROX + r"$", "", text[max(0, start - 12):start])
    if to.search(before):
        return False    # "fell by 11.5% to 3.22 MT over the year-ago period": the level
    if _move_verb(lang).search(text[max(0, start - 40):start]) and not _LEVEL_WORD.match(
            text, start) and not _FUNDED.match(text, end):
        return True     # "Gold rose $45", "the unit lost A$300 million" (not "rose above
        # $3,000 an ounce", the level crossed)
    # "cut iron ore output by 10 million tonnes", "a réduit sa production de 8 000
    # tonnes": a "by" word right before, a change word among the five before it
    clause = re.sub(_APPROX + r"$", "", re.split(r"[.;:!?]\s|,\s",
                                                 text[max(0, start - 60):start])[-1])
    if by.search(clause) and stem.search(" ".join(by.sub("", clause).split()[-5:])):
        return True
    # German verb-final clauses: "könnte die Förderung um bis zu 150.000 Unzen verringern",
    # "will die Produktion um 20.000 Tonnen steigern" (the verb after the amount)
    if lang == "de" and re.search(r"(?<!\w)um\s*$", clause, re.I) and \
            (_change_verb_final_de().match(text, end) or _TO_LEVEL_DE.match(text, end)):
        return True
    # "cut output by 6%, or about 250,000 tonnes", "на 6%, или примерно на 250 тыс. т":
    # the change in percent restated as an amount
    restated = _CHANGE_THEN_OR.search(text, max(0, start - 60), start)
    if restated and _is_change(text, restated.start("num"), restated.end("pct"), lang):
        return True
    # "up Rs 180 or 0.19%": the move in money, then in percent
    return bool(_UP_DOWN.search(before) and (re.search(r"\b(?:from|than|on|vs)\b",
                                                       text[end:end + 30], re.I) or
                                             _OR_PERCENT.match(text, end) or
                                             _LEVEL_AFTER_MOVE.match(text, end) or
                                             _LEVEL_BEFORE_MOVE.search(
                                                 text, max(0, start - 50), start))) or \
        bool(after.match(text[end:end + 40]))


# A percentage (a change, in a move: "rose 4%, to $88") and the "to" words that open the
# level after its comma
_CHANGE_PERCENT = re.compile(rf"[+-]?\d[\d.,]*\s?{_PERCENT}", re.I | re.U)
_TO_AFTER_CHANGE = re.compile(r"\s*(?:to|до|à|auf|al?|para|hasta|até)\s", re.I)


def _is_rate(text: str, start: int, end: int, lang: str = "en") -> bool:
    """A tariff, royalty, stake, grade, NPV or exchange rate, not a figure of the mineral."""
    *_first, rate_after, rate_before, _rel, _relative = _cues(lang)
    amount_before = _amount_cues()
    after = re.sub(r"^\s*\)|^\s*\([^)]{0,30}\)", "", text[end:end + 60])
    percent = _PERCENT_SIGN().search(text[start:end])   # not "cents"
    if percent and _purity_in_brackets(text, start, end):
        return True
    if rate_after.match(after) or percent and (_FORMULA.match(after) or
                                               _percent_rate_after().match(after) or
                                               _stake_in_compound().match(after) or
                                               _other_whole().match(after) or
                                               _stake_of_a_company(text, start, after)):
        return True
    # (a comma before a digit is a number's: "verlor 3,4 Prozent auf 71,20 Euro")
    before = re.split(r",(?!\d)", text[max(0, start - 40):start])[-1]
    if percent:
        clause = re.split(r"[;:]|,\s(?:and|but|while)\s", text[max(0, start - 120):start])[-1]
        return bool(rate_before.search(before) or _hypothetical().search(clause) or
                    _hypothetical_own(lang).search(before) or _rate_set_to(text, start, lang)
                    or lang == "de" and _rate_noun_of_de().search(before)
                    or _holders_share(clause) or _utilisation(before, clause) or
                    _grade_before().search(before) and not _share_after().match(after))
    clause = re.split(r"[,;:]", text[max(0, start - 80):start])[-1]
    # the amount's own clause: "Shares of miners rose as copper hit $10,000" is copper's
    parts = re.split(r",(?!\d)", text[max(0, start - 60):start])
    own = parts[-1]
    if len(parts) > 1 and _TO_AFTER_CHANGE.match(own) and _CHANGE_PERCENT.search(parts[-2]):
        own = parts[-2] + "," + own   # "Las acciones ... subieron un 4%, a 12,30 dólares"
    own = _other_clause(lang).split(own)[-1]
    # not past an earlier amount joined by "and" ("an NPV of US$410 million and initial
    # capital of US$290 million": the capital is no NPV)
    own = _EARLIER_AMOUNT.split(own)[-1]
    # a company's stock as the subject, past the commas of its name or place ("Shares of
    # the Charlotte, North Carolina-based company fell 4% to $88.12")
    wide = _other_clause(lang).split(text[max(0, start - 100):start])[-1]
    npv = _npv_subject().search(_EARLIER_AMOUNT.split(_other_clause(lang).split(clause)[-1])[-1])
    return bool(amount_before.search(own) or _conditional(lang).search(clause) or npv or
                _stock_of(wide, lang) or _parallel_stock(text, start, lang))


def _purity_in_brackets(text: str, start: int, end: int) -> bool:
    """A decimal percentage of ``percent_purity_in_brackets_min`` or more, alone in
    brackets right after a word ("cobalt metal (99.8%)"): a purity."""
    num = re.fullmatch(r"\s*(\d+[.,]\d+)\s?%\s*", text[start:end])
    return bool(num and re.search(r"[^\W\d]\s?\(\s*$", text[max(0, start - 6):start]) and
                re.match(r"\s*\)", text[end:end + 3]) and
                float(num.group(1).replace(",", ".")) >=
                float(rules().get("percent_purity_in_brackets_min", 101)))


def _stock_of(wide: str, lang: str) -> bool:
    """A company's stock is the subject of the amount, not a mineral named in a clause of
    its own after it ("Shares of Antofagasta rose 2%, and copper gained 1.1% to $9,500";
    a name in capitals stays a company's: "and Gold Fields gained 2% to R250")."""
    stock = _stock_subject().search(wide)
    if stock is None:
        return False
    if lang != "en":
        # (the other languages capitalise no mineral apart: "Die Aktie von Aurubis stieg und
        # Kupfer verteuerte sich auf 9.400 Dollar" is copper's after its "und")
        later = _STOCK_LATER_CLAUSE().split(wide[stock.end():])
        return len(later) == 1 or not _mineral_names(lang).search(later[-1])
    later = re.split(r",\s*and\b|\bwhile\b|\bwhereas\b", wide[stock.end():], flags=re.I)
    return len(later) == 1 or not any(
        n.group()[:1].islower() for n in _mineral_names(lang).finditer(later[-1]))


@lru_cache(maxsize=1)
def _STOCK_LATER_CLAUSE() -> re.Pattern:  # noqa: N802 (a compiled constant)
    """Words after which a clause of its own may name the mineral
    (``stock_later_clause_words``)."""
    words = "|".join(rules().get("stock_later_clause_words") or ["(?!)"])
    return re.compile(rf"\b(?:{words})\b", re.I | re.U)


# A company named as the subject of a quote's move ("Freeport-McMoRan gained 2% to"), in
# a clause after one whose subject is a company's stock
_NAMED_MOVE = re.compile(r"^\s*,?\s*(?P<name>(?-i:(?:[A-Z][\w&.'’-]*\s+){1,4}))"
                         r"(?:,[^,\d]{1,60},\s*)?"   # an apposition: "Cameco, the largest Western producer,"
                         r"(?:rose|fell|gained|lost|added|shed|jumped|climbed|slid|slipped|"
                         r"dropped|dipped|eased|rallied|tumbled|advanced|declined|was\s+up|"
                         r"was\s+down|were\s+up|were\s+down)\s+(?:by\s+)?[+-]?\d[\d.,]*\s?"
                         rf"{_PERCENT}\s*,?\s*(?:to|at)\s*$|"
                         # "while BHP closed flat at A$43.51"
                         r"^\s*,?\s*(?P<flat>(?-i:(?:[A-Z][\w&.'’-]*\s+){1,4}))"
                         r"(?:,[^,\d]{1,60},\s*)?(?:closed|ended|finished|was|were|held|"
                         r"traded)\s+(?:flat|unchanged|steady|little\s+changed)\s+at\s*$",
                         re.I | re.U)


_STOCK_MOVED = re.compile(r"(?<!\w)(?:shares|stock)\s+(?:\w+\s+){0,2}?(?:rose|fell|gained|lost|"
                          r"jumped|slid|climbed|dropped|closed|ended|traded|were\s+(?:up|down))"
                          r"\b", re.I)


def _parallel_stock(text: str, start: int, lang: str) -> bool:
    """A company's stock quoted after "while", "whereas" or ", and" in a sentence opened by
    a stock's move ("Shares in Glencore rose 1.6% in London, while Freeport-McMoRan gained
    2% to $41.30 in New York"); a mineral as that subject stays ("while Comex gold rose 1%
    to $2,410" has a mineral's name)."""
    if lang != "en":
        return False
    window = text[max(0, start - 200):start]
    window = re.split(r"[.;!?]\s", window)[-1]
    parts = re.split(r"\b(?:while|whereas)\b|,\s*and\b", window, flags=re.I)
    if len(parts) < 2 or not (_stock_subject().search(parts[-2]) or
                              _STOCK_MOVED.search(parts[-2])):
        return False
    named = _NAMED_MOVE.match(re.sub(r"^(\s*[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}),",
                                     r"\1 ,", parts[-1]))
    if not named:
        return False
    from orewire.lexicon import company_words  # noqa: PLC0415 (lexicon loads its seeds)
    name = named.group("name") or named.group("flat")
    words = name.split()
    # a company word in the name keeps it a company's ("Southern Copper Corp rose 3%")
    return not _mineral_names(lang).search(name) or \
        any(w.lower().strip(".,") in company_words() for w in words[1:])


@lru_cache(maxsize=1)
def _share_of() -> tuple[re.Pattern, re.Pattern]:
    r = rules()
    owner = (r"(?P<owner>(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*?(?:['’]s|s['’])|"
             r"(?<!\w)(?i:its|their|our|the\s+\w+['’]s))")
    words = _alternation(r.get("share_holder_words") or [])
    share = re.compile(rf"{owner}\s+(?:(?:{words})\s+)?share\s+of\s+(?P<whole>[^%]*)$")
    market = re.compile(rf"(?<!\w)(?:{_alternation(r.get('share_market_wholes') or [])})"
                        r"(?!\w)", re.I)
    return share, market


def _holders_share(clause: str) -> bool:
    """A company's or partner's share of a venture, a mine or its output ("From 2031,
    Codelco's share of production rises to 50.01%", "its attributable share of copper
    from the mine is 44%"): how the output is split, not the mineral's share of a market.
    Not when the holder is a country ("China's share of production") or the whole is a
    market ("Glencore's share of global cobalt supply")."""
    share, market = _share_of()
    m = share.search(clause)
    if m is None:
        return False
    whole = m.group("whole")
    if market.search(whole) or _names_country(m.group("owner")) or any(
            _names_country(w) for w in re.findall(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?", whole)):
        return False
    return True


def _names_country(words: str) -> bool:
    """The words end with a country's name ("China", "the DRC", "Meanwhile Chile"), not
    a demonym ("Anglo American" is a company)."""
    from orewire.countries import code_for  # noqa: PLC0415 (the gazetteer, on first use)

    parts = re.sub(r"['’]s?$", "", words.strip()).split()
    return any(code_for(tail) and tail not in _demonyms()
               for tail in (" ".join(parts[k:]) for k in range(len(parts))))


@lru_cache(maxsize=1)
def _demonyms() -> frozenset:
    """The demonyms of seeds/country_terms.csv as written: case counts here, unlike
    countries.is_demonym, since Spanish "china" (the adjective) must not hide "China"."""
    import csv  # noqa: PLC0415 (read once)

    with open(SEEDS_DIR / "country_terms.csv", encoding="utf-8") as fh:
        return frozenset(row["term"] for row in csv.DictReader(fh)
                         if row["kind"] == "demonym")


# (the other languages' "and" after a currency of up to three words too: "un VAN de 1.200
# millones de dólares y una producción de 25.000 toneladas")
_EARLIER_AMOUNT = re.compile(r"\d[\d.,]*\s*(?:%|[^\W\d]+\.?)?\s+(?:and|or|plus|while|whereas)\s+|"
                             r"\d[\d.,]*\s*(?:[^\W\d]+\.?\s+){1,3}(?:y|e|et|und|и)\s+",
                             re.I | re.U)


@lru_cache(maxsize=1)
def _set_rate() -> tuple[re.Pattern, re.Pattern]:
    """(a rate word of the clause, a share word): ``set_rate_subjects``,
    ``set_rate_subject_heads_de`` and ``set_rate_share_words``."""
    r = rules()
    heads = "|".join(re.escape(h) for h in r["set_rate_subject_heads_de"])
    subject = re.compile(rf"(?<!\w)(?:{'|'.join(r['set_rate_subjects'])})|"
                         rf"(?<!\w)\w*(?:{heads})(?!\w)", re.I | re.U)
    share = re.compile(rf"(?<!\w)(?:{'|'.join(r['set_rate_share_words'])})", re.I | re.U)
    return subject, share


def _rate_set_to(text: str, start: int, lang: str) -> bool:
    """A duty, tax, royalty, rate or stake set to the percentage ("the royalty on
    copper will rise to 7%", "Die Förderabgabe auf Kupfer steigt auf 7 Prozent"), with
    no share word after the rate word ("the share of gold rose to 20%" stays)."""
    subject, share = _set_rate()
    before = text[max(0, start - 160):start]
    if not (_cues(lang)[2].search(before) or _rate_verbs().search(before)):
        return False   # the language's "to" words, or a verb stating the level ("reaches")
    clause = _other_clause(lang).split(re.split(r"[.;:!?]\s|,\s", before)[-1])[-1]
    rates = list(subject.finditer(clause))
    return bool(rates) and not share.search(clause, rates[-1].end())


# "um 40.000 Tonnen auf 5,1 Millionen Tonnen": the level after "auf" follows the change
_TO_LEVEL_DE = re.compile(r"\s+auf\s+(?:(?:rund|knapp|etwa|gut|über|fast|mehr\s+als)\s+)?\d",
                          re.I | re.U)


@lru_cache(maxsize=1)
def _change_verb_final_de() -> re.Pattern:
    """A German change verb closing the clause after an amount (``change_verbs_final_de``),
    up to three words after it and before any punctuation."""
    stems = "|".join(rules().get("change_verbs_final_de") or ["(?!)"])
    return re.compile(rf"(?:\s+[^\W\d]+){{0,3}}?\s+(?:{stems})\w*(?!\w)", re.I | re.U)


@lru_cache(maxsize=1)
def _stake_deal() -> tuple[re.Pattern, re.Pattern]:
    """(a verb of buying, selling or holding right before the percentage, a company's name
    right after it): ``stake_deal_verbs`` and ``stake_company_after``."""
    r = rules()
    verbs = "|".join(r.get("stake_deal_verbs") or ["(?!)"])
    return (re.compile(rf"(?<!\w)(?:{verbs})\s+(?:(?:a|an|the|um|uma|un|una|une|einen|ein|"
                       rf"o|el|la|le|los|les|os|as)\s+)?(?:(?:stake|participação|fatia|"
                       rf"participación|participation|part|Anteil|Beteiligung)\s+(?:of|de|du|"
                       rf"von)\s+)?$", re.I | re.U),
            re.compile(r.get("stake_company_after") or "(?!)", re.U))


def _stake_of_a_company(text: str, start: int, after: str) -> bool:
    """A percentage bought, sold or held of a company named after it ("O grupo comprou 15%
    da CBMM", "vendió el 20 % de Minera Escondida"); not of a country ("bought 60% of
    Congo's cobalt", "compró el 40 % de Chile")."""
    verbs, company = _stake_deal()
    m = company.match(after)
    if not m or not verbs.search(text[max(0, start - 40):start]):
        return False
    from orewire.countries import code_for  # noqa: PLC0415 (the country table loads on use)
    return not code_for(m.group("name"), "en") and not code_for(m.group("name"), "fr")


@lru_cache(maxsize=1)
def _npv_subject() -> re.Pattern:
    """A net present value named before the amount with no number between
    (``npv_subject_words``)."""
    words = _spellings(rules().get("npv_subject_words") or ["(?!)"])
    acronyms = _spellings(rules().get("npv_subject_acronyms") or ["(?!)"])
    return re.compile(rf"(?<!\w)(?:{words}|(?-i:{acronyms}))(?!\w)[^\d]*$", re.I | re.U)


@lru_cache(maxsize=1)
def _rate_noun_of_de() -> re.Pattern:
    """A German rate noun, alone or ending a compound, right before "von" and the
    percentage ("eine Förderabgabe von 10 Prozent", "Lizenzgebühr von bis zu 12 Prozent",
    "Zölle von 39 Prozent", "eine Beteiligung von 49 Prozent"): ``set_rate_subject_heads_de``
    and ``rate_noun_of_de_between``. "ein Anteil von 59 Prozent" stays a share."""
    r = rules()
    heads = "|".join(re.escape(h) for h in r["set_rate_subject_heads_de"] +
                     (r.get("rate_noun_of_de_extra_heads") or []))
    between = "|".join(r.get("rate_noun_of_de_between") or ["(?!)"])
    return re.compile(rf"(?<!\w)\w*(?:{heads})\s+(?:in\s+Höhe\s+)?von\s+"
                      rf"(?:(?:{between})\s+)?$", re.I | re.U)


@lru_cache(maxsize=1)
def _rate_verbs() -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(rules().get("set_rate_verbs") or ["(?!)"]) + ")",
                      re.I | re.U)


@lru_cache(maxsize=1)
def _grade_before() -> re.Pattern:
    return re.compile("|".join(rules().get("percent_grade_before") or ["(?!)"]), re.I | re.U)


# Words that open another clause before an amount, so that what comes before them is not
# the amount's ("Shares of miners rose as copper hit $10,000 a tonne").
# English "as", not of "as much as" (Portuguese "as" is an article: English only).
@lru_cache(maxsize=8)
def _other_clause(lang: str) -> re.Pattern:
    words = r"while|when|whereas|but|after|because|since|although|though|despite|amid|" \
        r"alors que|tandis que|mientras|während|enquanto|пока"
    if lang == "en":
        words += r"|(?<!much )(?<!many )(?<!high )(?<!low )(?<!little )(?<!far )(?<!well )" \
            r"as(?! much| many| high| low| little| far| well)"
    # (not the stop of an abbreviation: "Shares of Freeport, the largest U.S. copper
    # producer, rose 2.5% to $47.30")
    return re.compile(rf"(?-i:(?<!\.[A-Z])[.;:!?]\s|(?<=\.[A-Z]\.)\s(?=[A-Z]))|"
                      rf"\b(?:{words})\b", re.I)


@lru_cache(maxsize=1)
def _PERCENT_SIGN() -> re.Pattern:  # noqa: N802 (a compiled constant, built on first use)
    return re.compile(rf"(?:{_spellings(rules()['percent_signs'])})(?!\w)", re.I | re.U)


@lru_cache(maxsize=1)
def _percent_rate_after() -> re.Pattern:
    """What, right after a percentage only, makes it a rate (``percent_rate_after``)."""
    return re.compile(rf"^\s*(?:{_alternation(rules().get('percent_rate_after') or [])})(?!\w)",
                      re.I | re.U)


@lru_cache(maxsize=1)
def _stake_in_compound() -> re.Pattern:
    """German "49 Prozent an der Nickelhütte": a stake in a compound whose head is a
    mine, plant, project or firm (``percent_stake_heads_de``)."""
    heads = _spellings(rules()["percent_stake_heads_de"])
    return re.compile(rf"^\s*(?:an\s+(?:der|dem|den|einer|einem)|am)\s+(?:\w+\s+)?\w*(?:{heads})(?!\w)",
                      re.I | re.U)


def _is_accounts(text: str, start: int, end: int) -> bool:
    """A company's accounts named in the amount's clause before it or right after it
    ("Net profit dropped to $410 million", "$600 million available under its credit
    facility"). Asked of plain amounts of money only: a price per unit or a tonnage
    beside an accounts word is still the mineral's."""
    accounts_before, accounts_after = _accounts()
    lead = text[max(0, start - 80):start]
    if _WRITE_DOWN_BY().search(lead):
        return True   # "has written down its refinery by a further A$120 million"
    parts = re.split(r"[;:]|,(?!\d)", lead)
    clause = parts[-1]
    if len(parts) > 1 and _TO_AFTER_CHANGE.match(clause):
        clause = parts[-2] + clause   # "Revenue rose 30%, to $7.2 billion"
    elif len(parts) > 1 and not clause.strip() and lead.rstrip().endswith(":"):
        clause = parts[-2]   # a label before a colon ("Cash balance at quarter end: A$1.2bn")
    # a size of the move before "to" is no clause of its own ("cut EBITDA by half to R9.1
    # billion", "lifted net profit by 40% to $1.2 billion": "by" opens one elsewhere)
    clause = _BY_SIZE_TO.sub(" ", clause)
    company_before, company_after = _company_accounts()
    return bool(accounts_before.search(_ACCOUNTS_CLAUSE.split(clause)[-1]) or
                # 120 characters: "in an equity placement to fund its copper mine"
                # must reach its purpose (accounts_after_patterns)
                accounts_after.match(text[end:end + 120]) or
                company_after.match(text, end) and company_before.search(clause))


@lru_cache(maxsize=1)
def _WRITE_DOWN_BY() -> re.Pattern:  # noqa: N802 (a compiled constant)
    return re.compile("|".join(rules().get("accounts_write_down_by") or ["(?!)"]), re.I | re.U)


_BY_SIZE_TO = re.compile(r"\s+by\s+(?:half|a\s+(?:half|third|quarter|fifth|tenth)|two[\s-]thirds|"
                         r"\d[\d.,]*\s?(?:%|percent|per\s+cent))(?=\s+to\s*$)", re.I)


@lru_cache(maxsize=1)
def _company_accounts() -> tuple[re.Pattern, re.Pattern]:
    """A company before an amount and its turnover word after it (``accounts_company_*``)."""
    r = rules()
    return (re.compile(r.get("accounts_company_before") or "(?!)", re.I | re.U),
            re.compile(r.get("accounts_company_after") or "(?!)", re.I | re.U))


# Where the clause of an amount starts: a sentence's end or a word that opens another
# clause ("a net loss of A$38 million as spodumene prices fell to US$800 a tonne").
_ACCOUNTS_CLAUSE = re.compile(r"[.;:!?]\s|\b(?:as|while|when|whereas|but|and|after|"
                              r"because|since|despite|amid|on|by|with|due to|thanks to|"
                              r"alors que|tandis que|mientras|während|enquanto|пока|"
                              r"а также)\b", re.I)


@lru_cache(maxsize=1)
def _accounts() -> tuple[re.Pattern, re.Pattern]:
    """A company's accounts before or right after an amount (seeds/figures.yaml)."""
    r = rules()
    before = "|".join(r.get("accounts_before_patterns") or ["(?!)"])
    after = "|".join(r.get("accounts_after_patterns") or ["(?!)"])
    return (re.compile(rf"(?<!\w)(?:{_alternation(r['accounts_before'])})(?!\w)|{before}",
                       re.I | re.U),
            re.compile(rf"^\s*(?:(?:{_alternation(r['accounts_after'])})(?!\w)|{after})",
                       re.I | re.U))


@lru_cache(maxsize=8)
def _conditional(lang: str) -> re.Pattern:
    words = (rules()["conditional_before"].get(lang) or []) + \
        (rules()["conditional_before"]["en"] if lang != "en" else [])
    return re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)", re.I | re.U)


@lru_cache(maxsize=1)
def _threshold() -> re.Pattern:
    return re.compile("|".join(rules().get("threshold_before") or ["(?!)"]), re.I | re.U)


@lru_cache(maxsize=1)
def _hypothetical() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{_alternation(rules()['hypothetical_before'])})(?!\w)",
                      re.I | re.U)


@lru_cache(maxsize=8)
def _hypothetical_own(lang: str) -> re.Pattern:
    """Goal words of one language only (``hypothetical_before_by_language``)."""
    words = (rules().get("hypothetical_before_by_language") or {}).get(lang) or []
    return re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)" if words else "(?!)",
                      re.I | re.U)


@lru_cache(maxsize=1)
def _share_after() -> re.Pattern:
    return re.compile(r"\s*(?:" + "|".join(rules()["share_after"]) + ")", re.I | re.U)


def _is_bound(text: str, num_start: int, lang: str) -> bool:
    """A bound word before the price (``price_bound_before``), not after a move verb
    ("rose above $1,500 an ounce" states the level reached)."""
    lo = max(0, num_start - 25)
    bound = _bound().search(text, lo, num_start)
    if bound is None:
        return False
    return not _move_verb(lang).search(text[max(0, bound.start() - 30):bound.start()].rstrip() + " ")


@lru_cache(maxsize=1)
def _utilisation_cues() -> tuple[re.Pattern, re.Pattern]:
    r = rules()
    return (re.compile(rf"(?:{'|'.join(r.get('percent_utilisation_before') or ['(?!)'])})",
                       re.I | re.U),
            re.compile(rf"(?<!\w)(?:{_alternation(r.get('percent_utilisation_not_after') or [])})"
                       r"(?!\w)", re.I | re.U))


def _utilisation(before: str, clause: str) -> bool:
    """A plant running at the percentage ("the smelter runs at 70%"): a rate of use, not
    a share; not after a share word in the clause ("China's share of global cobalt
    refining is running at 76%")."""
    running, share = _utilisation_cues()
    return bool(running.search(before)) and not share.search(clause)


@lru_cache(maxsize=1)
def _per_product_before() -> re.Pattern:
    return re.compile("|".join(rules().get("per_product_before") or ["(?!)"]), re.I | re.U)


@lru_cache(maxsize=1)
def _per_product() -> re.Pattern:
    return re.compile(r"\s*,?\s*(?:" + "|".join(rules().get("per_product_after") or ["(?!)"]) +
                      r")(?!\w)", re.I | re.U)


@lru_cache(maxsize=1)
def _bound() -> re.Pattern:
    words = _spellings(rules().get("price_bound_before") or ["(?!)"])
    return re.compile(rf"(?<!\w)(?:{words})\s*(?:{_CUR_PREFIX})?\s?$", re.I | re.U)


@lru_cache(maxsize=1)
def _crossed() -> re.Pattern:
    return re.compile("|".join(rules().get("crossed_before") or ["(?!)"]), re.I | re.U)


@lru_cache(maxsize=1)
def _goods() -> re.Pattern:
    cased = rules().get("general_goods_cased") or []
    return re.compile(rf"(?<!\w)(?:{_alternation(rules()['general_goods'])}"
                      rf"|(?-i:{_alternation(cased) if cased else '(?!)'}))", re.I | re.U)


def _of_goods(text: str, start: int, end: int) -> bool:
    """An amount or share of goods in general: "goods worth £4 billion", "96% of goods
    imported", "trade in goods worth 1.7 billion pounds"."""
    before = re.split(r"[.;:!?]\s|,\s(?:and|but|while)\s", text[max(0, start - 60):start])[-1]
    goods = _goods().search(before)
    if goods and not _set_rate()[1].search(before, 0, goods.start()):
        return True    # (not a share of goods trade: "Iron ore's share of Australia's goods
        # exports fell to 25%" is iron ore's share)
    after = _share_after().match(text[end:end + 20])
    return bool(after and re.match(r"(?:[^\W\d]+\s+){0,2}?" + _goods().pattern,
                                   text[after.end() + end:end + 60], re.I | re.U))


@lru_cache(maxsize=1)
def _other_whole() -> re.Pattern:
    """"of" and a whole that is not a mineral's market (``percent_of_other_wholes``)."""
    # (Russian writes the whole in the genitive, with no word for "of": "10% электроэнергии
    # региона"; French elides the article: "7 % de l'électricité")
    return re.compile(r"^\s*(?:(?:of|de|des|du|del|da|do|der|от)\s+|(?=[а-яё]))(?:[\w'’-]+\s+){0,3}?"
                      r"(?:l['’]|d['’])?"
                      rf"(?:{_alternation(rules().get('percent_of_other_wholes') or ['(?!)'])})"
                      r"(?!\w)(?!\s+(?:"
                      rf"{_alternation(rules().get('other_wholes_not_followed_by') or ['(?!)'])})"
                      r"(?!\w))", re.I | re.U)


@lru_cache(maxsize=1)
def _foreign_per() -> re.Pattern:
    """"per"/"a" and a unit no mineral is sold in (``foreign_per_units``)."""
    per = ("per", "a", "an", "each", "por", "par", "pro", "je", "la", "le", "el", "за")
    return re.compile(rf"\s*(?:(?:{_alternation(per)})\s+|/\s*)"
                      rf"(?:{_alternation(rules().get('foreign_per_units') or ['(?!)'])})"
                      r"(?!\w)", re.I | re.U)


@lru_cache(maxsize=1)
def _equivalents() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in rules().get("mixed_equivalents") or ["(?!)"]),
                      re.I | re.U)




def _mixed_equivalent(text: str, start: int, end: int) -> bool:
    """A total in one metal's equivalent units adding up several ("6.5 Moz of gold
    equivalent", "silver equivalent production of 7.2 Moz"), in the number's clause."""
    # (a percentage change between does not end the subject: "Copper equivalent production
    # rose 9% to 1.9 Mt")
    window = _CHANGE_PERCENT.sub(" ", text[max(0, start - 60):start])
    before = re.split(r"[.;:!?]\s|,\s|\d", window)[-1]
    after = re.split(r"[.;:!?]\s|,\s|\d|\b(?:and|or|while|et|y|e|und|и)\b",
                     text[end:end + 40])[0]
    # (or between the number and its unit: "410,000 gold equivalent ounces")
    return bool(_equivalents().search(before) or _equivalents().search(after) or
                _equivalents().search(text, start, end))


@lru_cache(maxsize=1)
def _unit_costs() -> tuple[re.Pattern, re.Pattern]:
    """Cost words and the price words that override them (``unit_cost_before``,
    ``unit_cost_price_cues``)."""
    r = rules()
    return (re.compile("|".join(f"(?:{p})" for p in r.get("unit_cost_before") or ["(?!)"]),
                       re.I | re.U),
            re.compile("|".join(f"(?:{p})" for p in r.get("unit_cost_price_cues") or ["(?!)"]),
                       re.I | re.U))


# Where a cost's clause starts: past commas of a name or a place ("Spot TCs for copper
# concentrate fell below zero, to minus $10 a tonne"), not past a comma that opens
# another clause ("Costs rose, and copper fell to $8,000 a tonne").
_COST_CLAUSE = re.compile(r"[;:]|[.!?]\s|,\s*(?:and|but|while|as|which|after|with|yet|"
                          r"et|mais|avec|und|aber|mit|y|pero|con|e|mas|com|и|но|а|с)\b",
                          re.I | re.U)


_COST_OWN_AMOUNT = re.compile(rf"(?:{_CUR_PREFIX})\s?\d[\d.,]*[^,\d]{{0,25}},\s", re.I | re.U)
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who|whose)\s[^,.;:!?]{1,90},", re.I)


# A cost as what something is compared with ("Lithium prices have fallen below the cost
# of production for a quarter of mines, to $9,500 a tonne"): not the amount's subject.
_COST_COMPARED = re.compile(r"(?<!\w)(?:below|above|under|over|near|beneath|than|cover|covers|"
                            r"covering|sous|unter|über|por\s+debajo\s+de|abaixo\s+de|ниже)\s+"
                            r"(?:the\s+|its\s+|their\s+|a\s+|le\s+|la\s+|les\s+|den\s+|"
                            r"die\s+|el\s+|los\s+|o\s+|os\s+)?(?:[\w-]+\s+){0,2}$", re.I | re.U)


# A label opening a line or sentence, then a colon right before the amount ("C1 cost: ")
_COLON_LABEL = re.compile(r"(?:^|[\n;]|[.!?]\s)[\s\-•*]*(?P<label>[^.;:!?\n]{1,50}):\s*$")


# A label after an amount and a dash, up to the line's or sentence's end ("US$1.65/lb – C1
# cost"), and the amount itself, up to its unit ("US$1.65/lb")
_DASH_LABEL_AFTER = re.compile(r"[ \t]*[–—-][ \t]+(?P<label>[^.;:!?\n]{1,40}?)[ \t]*(?:[.;\n]|$)")
_AMOUNT_END = re.compile(r"\S*")


def _unit_cost(text: str, start: int) -> bool:
    """A cost of mining or processing a unit in the amount's clause before it, with no
    price word after the cost word ("all-in sustaining cost was $1,050 a tonne"; not
    "cash costs of $92, against a realised price of $135"). A bare noun of cost
    (``unit_cost_nouns``) counts only as the amount's own subject: no comma and few words
    between, no word of circumstance before it ("Despite rising costs, copper hit ...")."""
    cost, price = _unit_costs()
    label = _COLON_LABEL.search(text, max(0, start - 60), start)
    after = _DASH_LABEL_AFTER.match(text, _AMOUNT_END.match(text, start).end())
    if label is None and after and len(after.group("label").split()) <= 4:
        label = after   # a label of a few words, not a clause ("- production costs rose")
    if label and cost.search(label.group("label")) and not price.search(label.group("label")):
        return True     # a cost's label before a colon, as tables and bullet lists give it
        # ("C1 cost: US$18.20/wmt", "- AISC: A$2,450/oz"; not "Realised price: US$92/wmt"),
        # or after the amount and a dash, as a list of key numbers does ("US$1.65/lb – C1 cost")
    # a closed relative clause after the subject is read past, not as the amount's clause
    # ("Freight rates from Guinea to China, which carry most of the bauxite, have risen to
    # $24 a tonne"); blanked, so that offsets stay
    asides = sum(a.end() - a.start()
                 for a in _RELATIVE_ASIDE.finditer(text, max(0, start - 100), start))
    window = text[max(0, start - 100 - asides):start]
    window = _RELATIVE_ASIDE.sub(lambda a: " " * len(a.group()), window)
    clause = _COST_CLAUSE.split(window)[-1]
    clause = _other_clause("en").split(clause)[-1]
    offset = start - len(clause)     # where the clause starts in the text
    nouns, context, most, least = _unit_cost_nouns()
    last = None
    # the amount itself is read too: "cost $2,650" is the verb of a price
    for found in cost.finditer(clause + text[start:start + 20]):
        if found.start() < len(clause) and not _COST_COMPARED.search(clause, 0, found.start()):
            last = found
    for found in nouns.finditer(clause + text[start:start + 20]):
        between = clause[found.end():]
        if found.start() < len(clause) and (last is None or found.start() > last.start()) \
                and "," not in between and len(between.split()) <= most \
                and not _COST_COMPARED.search(clause, 0, found.start()) \
                and not (len(between.split()) >= least and
                         context.search(text, max(0, offset + found.start() - 60),
                                        offset + found.start())):
            last = found
    if last is None or price.search(clause, last.end()):
        return False
    own = _COST_OWN_AMOUNT.search(clause, last.end())
    if own and _mineral_names("en").search(clause, own.end()):
        return False    # the cost word had its amount, then a mineral is quoted ("With a
        # contango of $20, zinc traded at $2,700")
    cause, sale, price_verb = _unit_cost_verbs()
    if cause.search(clause, last.end()) or price_verb.search(clause, last.end()):
        return False    # "Rising energy costs pushed aluminium to $2,700 a tonne"
    sold = sale.search(clause, last.end())
    return not (sold and len(clause[last.end():sold.start()].split()) >= 3)


@lru_cache(maxsize=1)
def _unit_cost_nouns() -> tuple[re.Pattern, re.Pattern, int, int]:
    """The bare nouns of cost, the words of circumstance before them, the most words
    between a noun and its amount and the fewest for a word of circumstance to count
    (``unit_cost_nouns``, ``unit_cost_noun_context_before``, ``unit_cost_noun_context_words``,
    ``unit_cost_noun_max_words``, ``unit_cost_noun_context_min_between``)."""
    r = rules()
    nouns = re.compile("|".join(f"(?:{p})" for p in r.get("unit_cost_nouns") or ["(?!)"]),
                       re.I | re.U)
    words = int(r.get("unit_cost_noun_context_words", 3))
    context = re.compile("(?:" + "|".join(f"(?:{p})" for p in
                                          r.get("unit_cost_noun_context_before") or ["(?!)"])
                         + rf")(?!\w)\s+(?:\S+\s+){{0,{words}}}$", re.I | re.U)
    return (nouns, context, int(r.get("unit_cost_noun_max_words", 8)),
            int(r.get("unit_cost_noun_context_min_between", 3)))


@lru_cache(maxsize=1)
def _unit_cost_verbs() -> tuple[re.Pattern, re.Pattern]:
    r = rules()
    return tuple(re.compile("|".join(f"(?:{p})" for p in r.get(key) or ["(?!)"]), re.I | re.U)
                 for key in ("unit_cost_cause_verbs", "unit_cost_sale_verbs",
                             "unit_cost_price_verbs"))


@lru_cache(maxsize=1)
def _sector_subject() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in rules().get("sector_share_subjects")
                               or ["(?!)"]), re.I | re.U)


def _sector_share(text: str, start: int) -> bool:
    """Mining as a whole is the subject of the first clause, and the figure is in it
    (``sector_share_subjects``)."""
    subject = _sector_subject().match(text)
    return bool(subject and subject.end() <= start and
                not _COST_CLAUSE.search(text, subject.end(), start) and
                not _other_clause("en").search(text, subject.end(), start) and
                not _OF_WHICH.search(text, subject.end(), start))


# A relative clause of a part after a whole ("Mining exports reached $52 billion, of which
# copper accounted for 90%", "de los cuales el cobre representó el 90 %", "dont le cuivre",
# "davon entfielen auf Kupfer"): the part's figure is not the whole's
_OF_WHICH = re.compile(r",\s*(?:of\s+which|de\s+(?:los|las)\s+cuales|dont|dos\s+quais|das\s+quais|"
                       r"davon|wovon|из\s+которых|из\s+них)\b", re.I | re.U)


@lru_cache(maxsize=1)
def _energy_units() -> tuple[re.Pattern, re.Pattern]:
    r = rules()
    units = "|".join(f"(?:{p})" for p in r.get("percent_energy_before") or ["(?!)"])
    wholes = "|".join(f"(?:{p})" for p in r.get("percent_energy_wholes") or ["(?!)"])
    return (re.compile(units, re.I | re.U),
            re.compile(r"\s*(?:of|de|des|du|del|da|do|der|des|от)?\s*(?:[\w'’-]+\s+){0,3}?"
                       rf"(?:l['’])?(?:{wholes})(?!\w)", re.I | re.U))


# What stands between an amount of energy and a share of it: no tonnage, ounce or percentage
# (a scale word may stand in the tonnage: "2.7 million tonnes of copper"); the units and
# scale words of seeds/figures.yaml
_MEASURE_BETWEEN = re.compile(rf"\d[\d.,]*\s*(?:(?:{_SCALE_ALT})\.?\s+)?"
                              rf"(?:{_PERCENT}|{_MASS_UNITS}(?!\w))|[.;!?]\s", re.I | re.U)


@lru_cache(maxsize=8)
def _mineral_names(lang: str) -> re.Pattern:
    """The names of minerals in English and in the text's language (from
    seeds/minerals.yaml)."""
    from orewire.lexicon import alias_table  # noqa: PLC0415 (lexicon loads its seeds)
    names: set[str] = set()
    for table_lang in {"en", lang}:
        lower, exact, _false, _ambiguous = alias_table(table_lang)
        names.update(lower)
        names.update(a.lower() for a in exact)
    return re.compile(rf"(?<!\w)(?:{_spellings(names)})(?!\w)", re.I | re.U)


def _energy_share(text: str, start: int, end: int, lang: str = "en") -> bool:
    """A share of a supply or demand right after an amount of electricity or water
    (``percent_energy_before``, ``percent_energy_wholes``), where the whole names no
    mineral ("85% of lithium demand", "60% потребления угля" are the mineral's)."""
    units, wholes = _energy_units()
    whole = wholes.match(text, end)
    if not whole:
        return False
    # the whole and up to three words after it, in its clause ("de la demanda de litio")
    after = re.split(r"[,;:.!?()]", text[whole.end():whole.end() + 40])[0].split()[:3]
    if _mineral_names(lang).search(text[end:whole.end()] + " " + " ".join(after)):
        return False
    before = text[max(0, start - 100):start]
    found = None
    for found in units.finditer(before):
        pass
    return found is not None and not _MEASURE_BETWEEN.search(before, found.end())


@lru_cache(maxsize=1)
def _non_mineral_masses() -> tuple[re.Pattern, ...]:
    """What a quantity of mass is when it is not the mineral (``non_mineral_mass_after``,
    ``non_mineral_mass_before``, ``ore_mass_after``, ``ore_mass_before``,
    ``ore_is_the_mineral``)."""
    r = rules()

    def joined(key, anchor=""):
        return re.compile(anchor + "(?:" + "|".join(f"(?:{p})" for p in r.get(key) or ["(?!)"])
                          + ")", re.I | re.U)
    return (joined("non_mineral_mass_after", r"\s*"), joined("non_mineral_mass_before"),
            joined("ore_mass_after", r"\s*"), joined("ore_mass_before"),
            joined("ore_is_the_mineral"), joined("ore_yield_words"),
            joined("milled_mass_after", r"\s*"))


@lru_cache(maxsize=1)
def _ore_resource() -> tuple[re.Pattern, re.Pattern]:
    """A resource word before a tonnage and "of <metal> ore" after it
    (``ore_resource_before``, ``ore_resource_after``)."""
    r = rules()
    return (re.compile(r.get("ore_resource_before") or "(?!)", re.I | re.U),
            re.compile(r.get("ore_resource_after") or "(?!)", re.I | re.U))


def _not_mineral_mass(text: str, start: int, end: int) -> bool:
    """A tonnage of carbon dioxide, waste rock, tailings or water, or of ore fed to a mill
    where the ore is not itself the mineral ("processed 12.5 Mt of ore to produce 210,000
    ounces of gold"; "Vale shipped 85 Mt of ore" stays iron ore's)."""
    after, before, ore_after, ore_before, ore_mineral, ore_yield, milled_after = \
        _non_mineral_masses()
    clause = re.split(r"[,;:(]|[.!?]\s", text[max(0, start - 80):start])[-1]
    if after.match(text, end) or before.search(clause):
        return True
    if ore_mineral.search(text):
        return False    # iron ore, bauxite, coal: the ore is the mineral
    # (an approximator read as part of the quantity is still the clause's: "over 120 Mt")
    lead = re.match(r"(?:over|across)\s+", text[start:end], re.I)
    if ore_before.search(clause + (lead.group(0) if lead else "")) or \
            milled_after.match(text, end):
        return True     # "the concentrator milled 4.2 Mt", "1.9 Mt of ore milled"
    resource_before, resource_after = _ore_resource()
    if resource_after.match(text, end) and resource_before.search(clause):
        return True     # "an inferred resource of 5.9 Mt of lithium ore": the rock
    ore = ore_after.match(text, end)
    # "of ore" where the sentence names the metal it gives or its grade
    return bool(ore and ore_yield.search(text[:start] + " " + text[ore.end():]))


_EXCHANGE_RATE = re.compile(r"\s*(?:against|to|versus|vs\.?|per|a|for\s+each|frente\s+al|"
                            r"face\s+au|gegenüber\s+dem|за)\s+(?:the\s+|one\s+|1\s+|el\s+|le\s+|"
                            r"dem\s+)?(?:u\.?s\.?\s+)?(?:dollars?|euros?|pounds?|yen|yuan|"
                            r"greenback|dólar|dollar|euro|доллар\w*|евро)\b", re.I | re.U)
_LEVEL_WORD = re.compile(r"(?:above|past|beyond|below|under|au-dessus|unter|por encima|"
                         r"acima|выше)\b", re.I | re.U)
# After the amount: money put into something, lent or won as funding ("gained $45 million
# in government funding", "sank $450 million into its mine", "advanced $300 million to
# the developer"), not the size of a move.
_FUNDED = re.compile(r"\s*(?:into|to\s+(?:the|a|an|its|their)|in\s+(?:\w+\s+)?(?:funding|"
                     r"financing|grants?|loans?|investment|new\s+money))\b", re.I)


@lru_cache(maxsize=None)
def _move_verb(lang: str) -> re.Pattern:
    """A move verb (``move_before_amount``) right before an amount, its currency sign aside."""
    table = rules().get("move_before_amount") or {}
    verbs = set(table.get("en") or []) | set(table.get(lang) or [])
    # a size word may stand between ("lost about A$300 million"), not a level word ("rose
    # above $3,000 an ounce" is the level crossed)
    size = r"(?:about|around|nearly|almost|roughly|some|approximately|more than|as much as)"
    # not an adjective after a determiner ("its advanced 1.2 million ounce project")
    determiners = "".join(rf"(?<!\b{d}\s)" for d in ("its", "the", "an", "a", "his", "her",
                                                     "their", "our"))
    return re.compile(rf"{determiners}(?<!\w)"
                      rf"(?:{_alternation(verbs)})\s+(?:{size}\s+)?(?:{_CUR_PREFIX}\s*)?$",
                      re.I | re.U)


@lru_cache(maxsize=1)
def _stock_subject() -> re.Pattern:
    return re.compile("|".join(rules().get("stock_subject_before") or ["(?!)"]), re.I | re.U)


@lru_cache(maxsize=1)
def _amount_cues() -> re.Pattern:
    patterns = "|".join(rules().get("amount_not_before_patterns") or [])
    return re.compile(rf"(?<!\w)(?:{_alternation(rules()['amount_not_before'])}"
                      rf"{'|' + patterns if patterns else ''})(?!\w)", re.I | re.U)


_OTHER_NUMBER = re.compile(r"(?<![\w.,])\d[\d.,]*(?<![.,])")


@lru_cache(maxsize=1)
def _COMPARED() -> re.Pattern:  # noqa: N802 (a compiled constant)
    """A word that compares the figure with an earlier level (``year_comparison_words``)."""
    return re.compile(rf"(?<!\w)(?:{_spellings(rules()['year_comparison_words'])})(?!\w)",
                      re.I | re.U)


@lru_cache(maxsize=1)
def _COMPARED_END() -> re.Pattern:  # noqa: N802 (a compiled constant)
    """A comparing word (``year_comparison_words``, ``year_phrase_compared_after``)
    ending right before what follows it ("from", "than", "up from")."""
    words = list(rules()["year_comparison_words"]) + list(
        rules().get("year_phrase_compared_after") or [])
    return re.compile(rf"(?<!\w)(?:{_spellings(words)})\s*$", re.I | re.U)


_RESTATED = re.compile(r"\b(?:raised|revised|upgraded|increased|lifted|cut|lowered|reduced|"
                       r"downgraded|updated)\b(?:\s+\w+){0,2}\s+to\s*$", re.I)
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|although)\s|"
                           r"\s+(?:while|whereas|but|mais|pero|aber|mas|но)\s", re.I)


def figure_year(text: str, fig: Figure, lang: str = "en",
                article_year: int | None = None) -> int | None:
    """The year the sentence states for the figure: the nearest year number in its
    clause ("in 2017", "2025's output"), else a relative phrase of its clause ("last
    year", "a year ago" before it) against the article's year, else a year set at the
    start of the sentence ("In 2018, ..."), else None."""
    *_first, rel, relative = _cues(lang)
    lo, hi = max(0, fig.start - 80), min(len(text), fig.end + 60)
    for m in _CLAUSE_BREAK.finditer(text, 0, len(text)):   # this clause only
        if m.end() <= fig.start:
            lo = max(lo, m.end())
        elif m.start() >= fig.end:
            hi = min(hi, m.start())
            break
    best, best_dist = None, 10 ** 9
    for m in _YEAR.finditer(text, lo, hi):
        if fig.start <= m.start() < fig.end or _NOT_THE_YEAR().search(text, lo, m.start()):
            continue
        if m.end() <= fig.start and _COMPARED_END().search(text, m.end(), fig.start):
            continue   # "2.4 million tonnes by 2030, up from 1.1 million": the year is
            # the first figure's, and this one is the level compared with
        # a year after the figure ("2.4 Mt in 2024") binds closer than one before it; one
        # after a comma opens the next clause ("5,3 Millionen Tonnen, 2022 waren es")
        dist = fig.start - m.end() + 10 if m.end() <= fig.start else \
            m.start() - fig.end + 15 * ("," in text[fig.end:m.start()])
        # a second figure between them weakens the tie
        between = text[min(m.end(), fig.end):max(m.start(), fig.start)]
        dist += 40 * len(re.findall(r"\d\s*%|\$\s*\d", between))
        if _COMPARED().search(between) and any(
                not _YEAR.fullmatch(n) for n in _OTHER_NUMBER.findall(between)):
            continue   # "75.000 Yuan je Tonne, nach 600.000 Yuan Ende 2022": the year is
            # the compared level's
        if dist < best_dist:
            best, best_dist = int(m.group(1)), dist
    if article_year:
        before_only = {str(w).lower() for w in rules().get("year_relative_before") or []}
        for m in rel.finditer(text, lo, hi):
            # a year number nearer the figure than the phrase is the figure's
            near = fig.start - m.end() + 10 if m.end() <= fig.start else m.start() - fig.end
            # ... and a number between them is another figure's phrase ("rose to 5 Mt from
            # 4 Mt last year": "last year" is the 4 Mt's)
            near += 40 * len(_OTHER_NUMBER.findall(
                text, min(m.end(), fig.end), max(m.start(), fig.start)))
            if best is not None and best_dist <= min(60, near):
                break
            phrase = m.group(0).lower()
            if m.start() >= fig.end:
                # "2.5% more than a year earlier": the comparison, not the year, unless
                # the figure is itself the compared level ("down from 118,900 tonnes a
                # year earlier")
                if phrase in before_only and not (
                        _COMPARED_END().search(text, max(0, fig.start - 25), fig.start)
                        and not text[fig.end:m.start()].strip(" ,")):
                    continue
            elif _COMPARED_END().search(text, lo, m.start()):
                continue   # "fell 3.1% from a year earlier to 421,300 tonnes": the
                # phrase names the comparison, and the figure is the new level
            return article_year + relative[phrase]
    if best is not None and best_dist <= 60:
        return best
    # "In 2018, Australia exported ... and 179 million mt ...": a year set for the sentence
    m = _YEAR_SET.search(text[:fig.start])
    if m:
        return int(m.group(1))
    return None


@lru_cache(maxsize=8)
def _table_patterns(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """A unit in brackets before a colon, as a flattened table heads its rows ("World mine
    production of cobalt in 2023 (tonnes): Congo 170,000; Indonesia 17,000", "(kt):",
    "(thousand ounces):"), and a row right after it or after the row before: a capitalised
    name and its bare number, ended by a semicolon, a comma, "and", a full stop or the
    end (prose after the heading ends the rows: "(tonnes): the mine opened in 2019")."""
    header = re.compile(rf"\(\s*(?:in\s+)?(?P<scale>(?:{_SCALE_ALT})\s+)?(?:of\s+)?"
                        rf"(?P<unit>{_MASS_UNITS})(?:,?\s+(?:of\s+)?[A-Za-z][\w-]*){{0,2}}\s*\)\s*:",
                        re.U)   # (a word or two of what is counted may follow: "(t LCE)")
    # a row: a capitalised name (a country, a mine; brackets allowed: "Congo (Kinshasa)"),
    # its number, and a semicolon, a comma, "and", a full stop or the end
    joiner = _alternation(rules()["list_and"])
    row = re.compile(rf"\s*(?:(?:{joiner})\s+)?[A-Z][^\d;,.:]{{0,40}}?\s"
                     rf"(?P<num>{_num_pattern(lang)})"
                     rf"(?:\s*(?P<end>[;,]|\.(?=\s|$)|$)|(?=\s+(?:{joiner})\s))", re.U)
    return header, row


@lru_cache(maxsize=8)
def _heading_patterns(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """A line that heads a table with its unit at its end, the rows on the lines after it
    ("LME OFFICIAL PRICES ($/T)", "Table: China rare earth exports, tonnes", "Output
    ('000 oz)"), and such a row: a capitalised name, then only bare numbers, each after
    white space, a colon or a pipe ("Copper 9,412.50", "April | 4,785 | 1,238", "World
    total: 230,000")."""
    money = rf"(?P<cur>{_CUR_PREFIX})\s*/\s*(?P<per>{_spellings(rules()['per_units'])})"
    mass = rf"(?:(?P<scale>{_SCALE_ALT}|['’]000)\s+)?(?P<unit>{_MASS_UNITS})"
    heading = re.compile(rf"(?:\(\s*(?:in\s+)?(?:{money}|{mass})\s*\)|"
                         rf",\s*(?:in\s+)?{mass.replace('?P<scale>', '?P<scale2>').replace('?P<unit>', '?P<unit2>')})"
                         r"\s*:?\s*$", re.I | re.U)
    num = _num_pattern(lang)
    row = re.compile(rf"\s*[A-Z][^\d|:;]{{0,40}}?(?:\s*[|:]\s*|\s+)(?P<nums>(?:{num})"
                     rf"(?:\s*\|\s*(?:{num}))*)\s*\|?\s*\.?\s*$", re.U)
    return heading, row


def table_heading(line: str, lang: str | None = "en") -> tuple[float, str] | None:
    """The (factor, unit) a table's heading line gives its rows (see _heading_patterns),
    or the "(unit):" heading of a table written in one sentence, whose rows may go on in
    the next ("... Philippines 3,800. World total: 230,000."); None for other lines."""
    lang = lang or "en"
    heading, _row = _heading_patterns(lang)
    m = heading.search(line[-60:])
    if m is None:
        inline = _table_patterns(lang)[0].search(line) if "):" in line or ") :" in line \
            else None
        if inline is None:
            return None
        sample = f"1,000 {inline.group('scale') or ''}{inline.group('unit')}"
    elif m.group("cur"):
        sample = f"{m.group('cur')}1,000/{m.group('per')}"
    else:
        scale = m.group("scale") or m.group("scale2") or ""
        scale = "thousand" if scale in ("'000", "’000") else scale
        sample = f"1,000 {scale} {m.group('unit') or m.group('unit2')}"
    return _unit_factor(sample, lang)


@lru_cache(maxsize=256)
def _unit_factor(sample: str, lang: str) -> tuple[float, str] | None:
    """(factor, unit) of a table's heading, read by this module's own rules from a sample
    amount of 1,000 in the heading's unit ("1,000 thousand ounces" -> 1000, "oz"); None
    when the sample is not exactly one figure."""
    probe = find_figures(sample, lang)
    if len(probe) != 1:
        return None
    return probe[0].value / 1000, probe[0].unit


@lru_cache(maxsize=1)
def _ROW_STOP() -> re.Pattern:  # noqa: N802 (a compiled constant)
    """Names of lines that end a table (``table_row_stop_words``)."""
    return re.compile(rf"(?<!\w)(?:{_spellings(rules().get('table_row_stop_words') or ['(?!)'])})"
                      r"(?!\w)", re.I | re.U)


_ROW_NAME_OPEN = re.compile(r"(?<!\w)(?:to|at|of|by|from|was|were|is|are|rose|fell|hit|reached|"
                            r"near|about|around|above|below|over|under|than)\s*[:|]?\s*$", re.I)


def table_row(line: str, factor: float, unit: str,
              lang: str | None = "en") -> list[Figure] | None:
    """The numbers of a table's row line in the unit of its heading (``table_heading``):
    "Copper 9,412.50" -> 9412.5 usd/t. Years are no figures (a row of column headings:
    "Month | 2024 | 2025" gives none). None for a line that is no row, such as a
    sentence ending in a number ("Copper rose to 9,400.")."""
    lang = lang or "en"
    m = _heading_patterns(lang)[1].fullmatch(line)
    if m is None or _ROW_NAME_OPEN.search(line, 0, m.start("nums")) or \
            _ROW_STOP().search(line, 0, m.start("nums")) or \
            re.fullmatch(r"\d\s*\|?\s*\.?", m.group("nums").strip()):
        return None   # a sentence ending in a number, a line of the page ("Page 2",
        # "Open interest 312,000", "Employees 1,250"): the table has ended
    out = []
    for n in re.finditer(_num_pattern(lang), m.group("nums")):
        if _YEAR.fullmatch(n.group()):
            continue
        s = m.start("nums") + n.start()
        fig = Figure(value=_number(n.group(), lang) * factor, unit=unit, kind="",
                     quote=n.group(), start=s, end=s + len(n.group()))
        fig.kind = classify(line, fig)
        out.append(fig)
    return out


def _table_entries(text: str, found: list[Figure], lang: str) -> list[Figure]:
    """The rows of a flattened table whose unit is given once in its heading (see
    _table_patterns): each row's number in that unit. Years and numbers inside a figure
    found are no rows; a year, a full stop or the first segment that is no row ends
    them."""
    header, row = _table_patterns(lang)
    head = header.search(text)
    if head is None:
        return []
    read = _unit_factor(f"1,000 {head.group('scale') or ''}{head.group('unit')}", lang)
    if read is None:
        return []
    factor, unit = read
    added, pos = [], head.end()
    while (m := row.match(text, pos)) and not _YEAR.fullmatch(m.group("num")):
        s, e = m.span("num")
        pos = m.end()
        if not any(f.start < e and s < f.end for f in found):
            added.append(Figure(value=_number(m.group("num"), lang) * factor, unit=unit,
                                kind="", quote=m.group("num"), start=s, end=e))
        if m.group("end") in (".", ""):
            break     # a full stop or the end closes the table
    return added


def _unit_shared_before(text: str, found: list[Figure], lang: str) -> list[Figure]:
    """Bare numbers that share the unit of the figure after them: "7.3 million and 6.5
    million ounces", "11,000 and 12,500 tonnes" (two figures, as "respectively" lists
    them). The bare number must be written as a quantity (a scale word or a group or
    decimal separator), so "in 2022 and 5 million tonnes" adds nothing."""
    pattern = _bare_number_before(lang)
    added = []
    for fig in found:
        if fig.unit == "percent" or "/" in fig.unit and not re.search(
                r"\d[.,\s]\d", fig.quote):
            continue   # (a price shares its unit with a price written as such: "2,380 and
            # 30.20 dollars an ounce, respectively")
        base = max(0, fig.start - 40)
        m = pattern.search(text, base, fig.start)
        if not m or not (m.group("scale") or re.search(r"\d[.,\s]\d", m.group("num")) or
                         # a whole number before a scaled figure ("205 и 433 тыс. тонн",
                         # "7 and 9 million tonnes"), not a year
                         "/" not in fig.unit and _scale_factor(fig, lang) > 1 and
                         re.fullmatch(r"\d{1,3}", m.group("num")) and not re.search(
                             r"(?<!\w)(?:top|first|last|past|next|the|in|for|since|by)\s+$",
                             text[max(0, m.start() - 8):m.start()], re.I)):
            continue
        shared = _sharing_unit(text, m, fig, found, lang)
        if shared is not None:
            added.append(shared)
    return added


def _sharing_unit(text: str, m: re.Match, fig: Figure, found: list[Figure],
                  lang: str) -> Figure | None:
    """The bare number of ``m`` (its ``num`` and ``scale`` groups) as a figure in
    ``fig``'s unit, unless it overlaps a figure found or is a rate."""
    s, e = m.start("num"), m.end("scale") if m.group("scale") else m.end("num")
    if any(f.start < e and s < f.end for f in found) or _is_rate(text, s, e, lang):
        return None
    value = _number(m.group("num"), lang) * _scale(m.group("scale"))
    return Figure(value=value, unit=fig.unit, kind="", quote=text[s:e], start=s, end=e)


def _unit_shared_after(text: str, found: list[Figure], lang: str) -> list[Figure]:
    """Bare scaled numbers after a figure that leave its unit out: "Chile produced 5.3
    million tonnes, Peru 2.6 million and China 1.7 million", "Perú 2,6 millones y China
    1,7 millones". Each must have a scale word (so "Peru 2.6" or "in 2023" adds
    nothing), one or two words (a name) may stand before it, and nothing but a list word
    or punctuation may follow it ("2.6 million people" is no tonnage)."""
    pattern = _bare_number_after(lang)
    added = []
    for fig in found:
        if fig.unit == "percent":
            m = _compared_share_after(lang).match(text, fig.end)
            if m and not any(f.start < m.end() and m.start("num") < f.end for f in found) \
                    and not _is_rate(text, m.start("num"), m.end(), lang):
                added.append(Figure(value=_number(m.group("num"), lang), unit="percent",
                                    kind="", quote=text[m.start("num"):m.end()],
                                    start=m.start("num"), end=m.end()))
            continue
        if "/" in fig.unit or _scale_factor(fig, lang) == 1:
            continue
        m = pattern.match(text, fig.end) or _period_total_after(lang).match(text, fig.end) \
            or _compared_level_after(lang).match(text, fig.end)
        if not m:
            continue
        shared = _sharing_unit(text, m, fig, found, lang)
        if shared is not None:
            added.append(shared)
    return added


@lru_cache(maxsize=8)
def _bare_number_after(lang: str) -> re.Pattern:
    """", Peru 2.6 million" / " y China 1,7 millones" right after a figure (one unit word
    such as "of copper" may close the figure first), then a list word, punctuation or
    the end."""
    joiners = _alternation(rules()["list_and"])
    return re.compile(rf"(?:\s+(?:of|de|d['’])\s+[^\W\d]+)?(?:\s*,\s*|\s+(?:{joiners})\s+)"
                      rf"(?:[^\W\d]+\s+){{1,2}}(?P<num>{_num_pattern(lang)})"
                      rf"[\s-]?(?P<scale>{_SCALE_ALT})(?=\s*(?:[.,;:)]|$|(?:{joiners})\s))",
                      re.I | re.U)


@lru_cache(maxsize=8)
def _period_total_after(lang: str) -> re.Pattern:
    """" in May, and 11.5 million in the first five months" right after a figure: a time
    phrase of up to four words, a list word, a bare scaled number and a period phrase
    (``period_total_after``)."""
    joiners = _alternation(rules()["list_and"])
    periods = "|".join(rules().get("period_total_after") or ["(?!)"])
    return re.compile(rf"(?:\s+[^\W\d]+){{0,4}}\s*,?\s+(?:{joiners})\s+"
                      rf"(?P<num>{_num_pattern(lang)})[\s-]?(?P<scale>{_SCALE_ALT})"
                      rf"\s+(?:{periods})", re.I | re.U)


@lru_cache(maxsize=8)
def _compared_level_after(lang: str) -> re.Pattern:
    """", against 5.2 million a year earlier" / " en 2024, contre 5,2 millions un an plus
    tôt" right after a figure: up to five words or a year, a word of comparison
    (``compared_level_words``), a bare scaled number, then punctuation, the end or a time
    phrase's first word (``compared_level_tail``: "5.2 million people" is no tonnage)."""
    r = rules()
    words = _alternation(r["compared_level_words"])
    tail = _alternation(r["compared_level_tail"])
    return re.compile(rf"(?:\s+[^\W\d]+|\s+(?:19|20)\d\d){{0,5}}\s*,?\s+(?:{words})\s+"
                      rf"(?:{_APPROX})?(?P<num>{_num_pattern(lang)})[\s-]?(?P<scale>{_SCALE_ALT})"
                      rf"(?=\s*(?:[.,;:)]|$)|\s+(?:{tail})(?!\w))", re.I | re.U)


@lru_cache(maxsize=8)
def _compared_share_after(lang: str) -> re.Pattern:
    """The same after a percentage kept as a share or a level: its earlier level, which a
    change word before it would otherwise make a change ("accounted for 24% of world copper
    output in 2023, down from 36% in 2005", "rose to 50% from 40%")."""
    words = _alternation(rules()["compared_level_words"])
    gap = r"(?!(?:and|but|while|whereas|as|or|et|und|y|e|и)\b)[^\W\d]+(?:['’]s)?"
    return re.compile(rf"(?:\s+{gap}|\s+(?:19|20)\d\d){{0,8}}\s*,?\s+"
                      rf"(?:{words})\s+(?:{_APPROX})?(?P<num>{_num_pattern(lang)})\s?{_PERCENT}"
                      rf"(?!\s*(?:to|-|–|a|à|bis|до|hasta|até)\s*[+-]?\d)", re.I | re.U)


def _scale_factor(fig: Figure, lang: str) -> float:
    """What the figure's scale word or unit multiplied its numeral by (1 for none)."""
    own = re.search(_num_pattern(lang), fig.quote)
    number = _number(own.group(0), lang) if own else 0
    return fig.value / number if number else 1


@lru_cache(maxsize=1)
def _NOT_THE_YEAR() -> re.Pattern:
    words = _alternation(rules()["year_not_after"])
    return re.compile(rf"(?<!\w)(?:{words})\s+(?:\w+\s+)?$", re.I | re.U)


@lru_cache(maxsize=8)
def _bare_number_before(lang: str) -> re.Pattern:
    """A bare number (with its scale word) and "and" or a comma, at the end of a text."""
    return re.compile(rf"(?<![\w.,$€£%-])(?P<num>{_num_pattern(lang)})"
                      rf"(?:[\s-]?(?P<scale>{_SCALE_ALT}))?"
                      rf"\s*(?:,|\s(?:{_alternation(rules()['list_and'])}))\s*$", re.I | re.U)


_EXCHANGE_RATE_NOTE = re.compile("|".join(rules().get("exchange_rate_notes") or ["(?!)"]),
                                 re.I | re.U)
_RANGE_LOW = re.compile("|".join(rules()["range_low_end"]), re.I)
_RANGE_HIGH = re.compile(r"\s*(?:" + "|".join(rules()["range_high_end"]) + ")", re.I)


def _moved_by(text: str, start: int, lang: str) -> bool:
    """A change word, perhaps with a "by" word after it, comes right before the number at
    ``start``: the amount is a move ("fell 2,125 tonnes", "rose by $120"). Not after a
    "to" or "from" word: "rise to 40,000 to 45,000 tonnes" and "fell from X to Y" are
    ranges and moves between two levels."""
    stem, by, to, *_rest = _cues(lang)
    before = re.split(r"[.;:!?,]\s", text[max(0, start - 60):start])[-1]
    if to.search(before) or _FROM.search(before):
        return False
    if by.search(before):
        # "raised lump ore prices by Rs 500 to Rs 5,950": a change word among the five
        # words before the "by" word
        words = by.sub("", before).split()[-5:]
    else:
        words = before.split()[-2:]
    return bool(words) and bool(stem.search(" ".join(words)))


_FROM = re.compile(r"(?<!\w)(?:from|de|von|от|desde|depuis)\s*$", re.I)


# A signed move after a price, as market boxes write it ("Silver $29.84 -0.21 (-0.70%)"): a
# space before the sign and none after it, then the move in percent or the line's end
_SIGNED_MOVE_AFTER = re.compile(r"[ \t]+[-−]\d[\d.,]*(?:[ \t]*\(\s*[-−+]?\d[\d.,]*\s?%\s*\)|[ \t]*(?:\n|$))")


def _drop_ranges_and_conversions(text: str, figures: list[Figure],
                                 lang: str = "en") -> list[Figure]:
    drop = {i for i, f in enumerate(figures)   # "$1.2-1.5 billion", "RMB94,000~96,000/t"
            if re.match(r"\s*(?:-|–|~)\s*\d", text[f.end:f.end + 6]) and
            not _SIGNED_MOVE_AFTER.match(text, f.end)}
    for i in range(len(figures) - 1):
        a, b = figures[i], figures[i + 1]
        between = text[a.end:b.start]
        same_unit = a.unit.split("/")[0] == b.unit.split("/")[0]
        if same_unit and re.fullmatch(r"\s*(?:-|–|~|to|and|a|à|bis|y|e|et|und|и|до)\s*",
                                      between, re.I):
            if re.fullmatch(r"\s*(?:to|à|bis|до)\s*", between, re.I) and \
                    _moved_by(text, a.start, lang):
                drop.add(i)   # "stocks fell 2,125 tonnes to 118,400 tonnes": the move, then
                continue      # the level it reached
            if re.fullmatch(r"\s*and\s*", between) and not re.search(
                    r"(?:between|entre|zwischen|между)\s+\S*\s*$",
                    text[max(0, a.start - 25):a.start], re.I):
                continue  # "11,000 ounces and 1.7 million ounces": two figures
            drop.update((i, i + 1))   # "20% to 30%", "$5 million-$7 million"
        elif same_unit and re.search(r"(?:from|de|von|от|desde)\s+$",
                                     text[max(0, a.start - 8):a.start], re.I) and \
                re.fullmatch(r"\s*(?:to|a|à|bis|até|до|hasta)\s*", between, re.I):
            drop.update((i, i + 1))   # "from $X to $Y"
        elif same_unit and _RANGE_LOW.search(between) and \
                _RANGE_HIGH.match(text[b.end:b.end + 30]):
            drop.update((i, i + 1))   # "$280 at the low end and $310 at the high end"
        elif re.fullmatch(r"\s*\(\s*", between) and (a.unit.split("/")[0] in
                                                      _CURRENCY.values()):
            drop.add(i + 1)           # "299,220 yuan ($40,999.15)": a conversion
    return [f for i, f in enumerate(figures) if i not in drop]


@lru_cache(maxsize=1)
def _kind_words() -> list[tuple[str, re.Pattern]]:
    return [(kind, re.compile(r"(?<!\w)(?:" + "|".join(cues) + ")", re.I | re.U))
            for kind, cues in rules()["kind_cues"].items()]


def is_share_or_money(unit: str) -> bool:
    """A percentage or a plain amount of money (not a price per unit)."""
    return unit == "percent" or unit in _CURRENCY.values()


def classify(sentence: str, fig: Figure) -> str:
    """The figure's kind: the kind whose cue word is nearest to it in the sentence."""
    if "/" in fig.unit and not fig.unit.endswith("/year"):
        return "price"
    if fig.unit == "percent":
        return "share"
    money = fig.unit.split("/")[0] in _CURRENCY.values()
    allowed = ("price", "investment", "export", "production", "reserves", "other") if money \
        else ("production", "reserves", "export", "other")
    if money and fig.value >= rules()["quote_price_below"] and \
            re.search(_SCALE_ALT, fig.quote, re.I):
        allowed = allowed[1:]   # "worth about $600 million at current prices": a sum, no price
    best, best_dist = None, 10 ** 9
    for kind, pattern in _kind_words():
        if kind not in allowed:
            continue
        for m in pattern.finditer(sentence):
            dist = (fig.start - m.end()) if m.end() <= fig.start else max(0, m.start() - fig.end)
            if dist < best_dist:
                best, best_dist = kind, dist
    if best is None and money and fig.value < rules()["quote_price_below"] and \
            not re.search(_SCALE_ALT, fig.quote, re.I):
        return "price"   # "Silver rose 2% to $29.10": a small unscaled amount, no cue
    return best or ("investment" if money else "production")
