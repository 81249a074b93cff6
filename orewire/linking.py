"""Assemble the ``articles`` row: entities, mineral mentions, and their links.

A mineral mention is linked to the countries and organisations named in its sentence and
to the figures of that sentence that sit nearest to it (a figure goes to one mineral).
"""
from __future__ import annotations

import re
from functools import lru_cache

from orewire import PIPELINE_VERSION
from orewire.countries import (COUNTRY_LABELS, CountryMatcher, code_for, inside_not_country,
                               is_demonym, phrases_holding)
from orewire.events import (acting_government_types, capital_countries, company_nationality,
                            direction_for, mention_events, settle_directions)
from orewire.figures import is_share_or_money as _is_share_or_money
from orewire.figures import table_heading, table_row
from orewire.figures import rules as _RULES
from orewire.lexicon import _market_verbs  # noqa: PLC2701 (market_verbs_after of senses.yaml)
from orewire.lexicon import compound_heads, context_words, list_joiners, own_symbol_follows
from orewire.syntax import TOPIC

# Labels the small model gives country names by mistake ("Chad" PERSON, "Kazakh" ORG).
NAME_LABELS = frozenset({"PERSON", "ORG"})


def entities_from_doc(doc, country_matcher: CountryMatcher, lang: str | None = "en") -> list[dict]:
    """NER entities (countries normalised to ISO2) plus country terms NER missed.

    An exact country name or demonym is a country whatever label the model gave it. The
    model is English: on text in another language its PERSON and ORG spans are mostly
    noise ("Норвегия" PERSON, "Estados Unidos" ORG), so there the gazetteer's matches, on
    that language's tokens, count even inside them."""
    lang = lang or "en"
    ents = []
    orgs = []
    doc_text = None   # doc.text is built anew at each call: once, and only when needed
    for e in doc.ents:
        normalized = code_for(e.text, lang) if e.label_ in COUNTRY_LABELS | NAME_LABELS \
            else None
        if normalized and phrases_holding(e.text) and inside_not_country(
                doc_text := doc_text or doc.text, e.start_char, e.end_char):
            normalized = None   # "US" in "US-Dollar", "США" in "долларов США"
        label = ("NORP" if e.label_ == "ORG" else "GPE") if normalized and \
            e.label_ in NAME_LABELS else e.label_
        ents.append({"text": e.text, "label": label, "start": e.start_char,
                     "end": e.end_char, "normalized": normalized})
        if label == "ORG":
            orgs.append((e.start_char, e.end_char))
    covered = [(x["start"], x["end"]) for x in ents if x["normalized"]]
    if lang == "en":
        matches = country_matcher.find(doc, lang)
        people = [(x["start"], x["end"]) for x in ents if x["label"] == "PERSON"]
    else:
        matches = country_matcher.find_in_text(doc.text, lang)
        people, orgs = [], []
    for start, end, text, code in matches:
        if any(s <= start and end <= e for s, e in covered + people):
            continue  # already normalised, or part of a name ("Vicky Holland")
        # A country inside an organisation's name ("U.S. Geological Survey") is not a
        # mention of the country, unless possessive ("China's Ministry of Commerce").
        in_org = any(s <= start and end <= e for s, e in orgs)
        if in_org and not doc.text[end:end + 2] in ("'s", "’s"):
            continue
        ents.append({"text": text, "label": "GPE", "start": start, "end": end,
                     "normalized": code})
    ents.sort(key=lambda x: (x["start"], x["end"]))
    defined = _defined_acronyms(doc_text or doc.text, ents) if any(
        x["normalized"] and 2 <= len(x["text"]) <= 5 and x["text"].isupper() for x in ents) \
        else set()
    return [x for x in ents if not (x["normalized"] and x["text"] in defined)] \
        if defined else ents


_ACRONYM_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.U)


def _defined_acronyms(text: str, ents: list[dict]) -> set[str]:
    """Country short forms that the article defines as something else, in brackets after
    the words they abbreviate ("peak rated capacity (PRC)", "Project Review Committee
    (PRC)"): not the country, there or anywhere else in the article. Words that name a
    country themselves keep it ("People's Republic of China (PRC)")."""
    out = set()
    skip = frozenset(_RULES().get("acronym_skip_words") or ())
    for x in ents:
        a = x["text"]
        if not (x["normalized"] and 2 <= len(a) <= 5 and a.isalpha() and a.isupper() and
                text[x["start"] - 1:x["start"]] == "(" and text[x["end"]:x["end"] + 1] == ")"):
            continue
        lo = max(0, x["start"] - 120)
        words = [w for w in _ACRONYM_WORD.finditer(text, lo, x["start"] - 1)
                 if w.group().lower() not in skip][-len(a):]
        if len(words) == len(a) and \
                "".join(w.group()[0] for w in words).upper() == a and \
                not any(y["normalized"] and words[0].start() <= y["start"] < x["start"] - 1
                        for y in ents):
            out.add(a)
    return out


_MT_DEFINED = re.compile(r"million\s+(?:metric\s+)?ton(?:ne)?s?\s*\(\s*MT\s*\)|\bMTPA\b")
_MILLION_TONNES = re.compile(r"million\s+(?:metric\s+)?ton(?:ne)?s?\b")
_DECIMAL_MT = re.compile(r"\b\d+\.\d+\s*MT\b")


def _mt_million(text: str) -> bool:
    """The article writes "MT" for million tonnes: it says so ("25 million tonnes (MT)"),
    or it writes "million tonnes" and also a decimal figure in "MT" ("rose to 4.1 million
    tonnes, while sales stood at 3.9 MT"); elsewhere "MT" is the metric ton ("3,925 MT").
    Three searches, each linear in the text."""
    return bool(_MT_DEFINED.search(text) or
                (_DECIMAL_MT.search(text) and _MILLION_TONNES.search(text)))


_HAS_NUMBER = re.compile(r"\d|\b(?:a|an|one|um|uma|un|une|ein|eine)\s+\w*(?:illion|illi|ilh)",
                         re.I)


def tag_doc(doc, mineral_matcher, find_figures, lang: str | None = "en",
            article_year: int | None = None, parser=None) -> dict:
    """Mineral mentions with their sentence spans, and the figures of every sentence that
    holds a number (a figure's sentence need not name its mineral: LinkMentions gives it
    the passage's topic mineral). With an English ``parser``, each figure of a sentence
    that names a mineral also gets ``clause_mentions``: the mentions of its own clause
    (orewire/syntax.py)."""
    mentions = mineral_matcher.find(doc)
    out_mentions, figures = [], []
    sents = [doc[m.token_start].sent for m in mentions]
    in_sentence: dict[int, list] = {}
    for m, sent in zip(mentions, sents):
        in_sentence.setdefault(sent.start_char, []).append(m.start - sent.start_char)
    scoped = {start: iter(mention_events(sent.text, in_sentence[start]))
              for start, sent in {s.start_char: s for s in sents}.items()}
    for m, sent in zip(mentions, sents):
        events = [{"type": t.type,
                   "direction": direction_for(t, m.start - sent.start_char, clause),
                   "trigger": sent.start_char + t.start}
                  for t, clause in next(scoped[sent.start_char])]
        out_mentions.append({"mineral": m.mineral, "surface": m.surface, "start": m.start,
                             "end": m.end, "sent_start": sent.start_char,
                             "sent_end": sent.end_char, "events": events})
    if not mentions:
        return {"mentions": [], "figures": []}
    text = doc.text
    options = {"mt_million": _mt_million(text),
               "sterling": "£" in text or "sterling" in text.lower(),
               "article_year": article_year}
    table = None   # (factor, unit) of a table heading the lines before: its rows follow
    for sent in doc.sents:
        line = sent.text.strip()
        if not line:
            continue
        if table is not None:
            rows = table_row(line, *table, lang)
            if rows and "/" in table[1] and not any(
                    sent.start_char <= m.start < sent.end_char for m in mentions):
                rows = None   # a price table's rows name what is priced
            if rows is not None:    # "LME OFFICIAL PRICES ($/T)" then "Copper 9,412.50"
                lead = sent.start_char + sent.text.index(line)
                figures.extend({"value": f.value, "unit": f.unit, "kind": f.kind,
                                "quote": f.quote, "start": lead + f.start, "end": lead + f.end,
                                "year": None, "sent_start": sent.start_char,
                                "sent_end": sent.end_char} for f in rows)
                continue
        table = table_heading(line, lang) if ")" in line or "," in line[-30:] else None
        if not _HAS_NUMBER.search(sent.text):
            continue
        for f in find_figures(sent.text, lang, **options):
            figures.append({"value": f.value, "unit": f.unit, "kind": f.kind,
                            "quote": f.quote, "start": sent.start_char + f.start,
                            "end": sent.start_char + f.end, "year": f.year,
                            "sent_start": sent.start_char, "sent_end": sent.end_char})
    _implied_price_units(figures)
    if parser is not None and (lang or "en") == "en":
        _mark_clauses(text, doc, out_mentions, figures, parser)
    return {"mentions": out_mentions, "figures": figures}


def _implied_price_units(figures: list[dict]) -> None:
    """A price written without its quantity ("it briefly topped US$6,000", "a record of
    about $3,004") takes the per-unit of a price in the same currency in its sentence, or
    else of the article's prices of the same order (within a factor of three): the
    article quotes one market."""
    quoted = [f for f in figures if f["kind"] == "price" and "/" in f["unit"]]
    for f in figures:
        if f["kind"] != "price" or "/" in f["unit"]:
            continue
        near = [q for q in quoted if q["unit"].split("/")[0] == f["unit"] and (
                q["sent_start"] == f["sent_start"] or
                q["value"] / 3 <= f["value"] <= q["value"] * 3)]
        if near:
            f["unit"] = min(near, key=lambda q: abs(q["start"] - f["start"]))["unit"]


def _mark_clauses(text, doc, mentions, figures, parser) -> None:
    from orewire.syntax import same_clause  # noqa: PLC0415 (only with a parser)

    by_sent: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        by_sent.setdefault(m["sent_start"], []).append(i)
    sent_end = {s.start_char: s.end_char for s in doc.sents}
    todo, figs_of = [], []
    for start, idxs in by_sent.items():
        figs = [f for f in figures if f["sent_start"] == start]
        if not figs or (len({mentions[i]["mineral"] for i in idxs}) == 1 and
                        max(mentions[i]["end"] for i in idxs) <= min(f["start"] for f in figs)):
            continue  # one mineral, before every figure: the parse could only agree
        todo.append((text[start:sent_end[start]],
                     [(f["start"] - start, f["end"] - start) for f in figs],
                     [(i, (mentions[i]["start"] - start, mentions[i]["end"] - start))
                      for i in idxs]))
        figs_of.append(figs)
    if not todo:
        return
    for figs, clauses in zip(figs_of, same_clause(todo, parser)):
        for f, clause in zip(figs, clauses):
            f["clause_mentions"] = clause


def article_year(published_at) -> int | None:
    """The year of an article's date (a datetime or an ISO 8601 string), else None."""
    if published_at is None:
        return None
    if hasattr(published_at, "year"):
        return int(published_at.year)
    m = re.match(r"\s*(\d{4})-", str(published_at))
    return int(m.group(1)) if m else None


def list_groups(text: str, mentions: list[tuple[int, dict]],
                gap: re.Pattern | None = None) -> dict[int, int]:
    """Mentions of one sentence written as one list ("gallium, germanium and graphite")
    share a group number. ``gap``: what may join two members (default: commas, "and",
    "or" and their kin)."""
    gap = gap or _list_gap()
    group_of: dict[int, int] = {}
    ordered = sorted(mentions, key=lambda im: im[1]["start"])
    group = 0
    for k, (i, m) in enumerate(ordered):
        if k and not _joined(text, ordered[k - 1][1], m, gap):
            group += 1
        group_of[i] = group
    return group_of


def assign_figures(text: str, mentions: list[dict], figures: list[dict]) -> dict[int, list]:
    """{mention index: figures}. A figure in a sentence that names minerals goes to the one
    its phrase is about (and to each mineral listed with it); a figure in a sentence that
    names none goes to the passage's topic: the minerals of the last sentence before it
    that named one, or before any, the article's main mineral. Each (mineral, value, unit)
    is kept once: a headline's figure repeated in the body, or one amount in two spellings
    ("£1.4 billion", "1.4 billion pounds"); "$175 million" and "175 million pounds" of
    uranium are two."""
    if not mentions:
        return {}
    by_sentence: dict[int, list[tuple[int, dict]]] = {}
    for i, m in enumerate(mentions):
        by_sentence.setdefault(m["sent_start"], []).append((i, m))
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m["mineral"]] = counts.get(m["mineral"], 0) + 1
    main = max(counts, key=lambda k: (counts[k], -next(
        i for i, m in enumerate(mentions) if m["mineral"] == k)))
    sentence_starts = sorted(by_sentence)
    owners: dict[int, list] = {}
    seen: set[tuple] = set()

    def give(i, fig):
        fig = _metric_mt(fig, mentions[i]["mineral"])
        # one amount per unit: "$175 million" and "175 million pounds" of uranium are two
        key = (mentions[i]["mineral"], round(fig["value"], 6), fig["unit"].split("/")[0])
        if key not in seen:
            seen.add(key)
            owners.setdefault(i, []).append(fig)

    first = mentions[0]
    # the first sentence naming a mineral names it as a commodity: a commodity word, a
    # compound of the mineral and a commodity head ("Kupferpreis") or a figure of its own
    commodity_first = any(f["sent_start"] == first["sent_start"] for f in figures) or \
        _commodity_sentence(text[first["sent_start"]:first["sent_end"]],
                            [m for m in mentions if m["sent_start"] == first["sent_start"]])
    # or a market verb after it ("Gold rose for a fifth session"): for a quote only
    quoted_first = _market_move(text, first)
    weak = len(sentence_starts) == 1
    for fig in figures:
        antecedent = _antecedent(text, fig, by_sentence)
        if antecedent is not None:
            give(antecedent, fig)   # "Congo, which produced 170,000 tonnes of it"
            continue
        same = by_sentence.get(fig["sent_start"])
        clause = fig.get("clause_mentions")
        if same and clause == TOPIC:
            same = None   # the parse found the minerals in another sentence
        elif same and clause is not None:
            # the parse says which of them the figure may belong to: none, no mineral's;
            # one it names brings the list it is written in ("tin and tungsten each
            # stood near 2,000 tonnes", where the parse may attach only the first)
            written = list_groups(text, same)
            chosen = {written[i] for i, _m in same if i in clause}
            in_sentence = same
            same = [(i, m) for i, m in same if written[i] in chosen]
            if not same:
                # the parse puts every mineral in a clause after the figure's; one hanging
                # from the figure's phrase with no clause of the sentence's own between
                # ("a $1 billion deal ... to build two lithium plants", "lend EUR 500
                # million to X for its project, which targets 24,000 tonnes of lithium
                # hydroxide") is still the figure's
                after = _attached_after(text, fig, in_sentence) \
                    if fig["unit"] in _MONEY_UNITS() else None
                if after is None and not _later_clause_only(text, fig, in_sentence):
                    continue
                same = [(after, mentions[after])] if after is not None else None
                # (a tonnage whose sentence names minerals only in a later clause of its
                # own takes the passage's topic: "The US mines will be scaled back to
                # 300,000 ounces a year, as palladium traded at $950")
        if same and _not_a_minerals(text, fig, same):
            continue   # "while bitcoin fell 3% to $108,000", "a new $5 billion steel plant"
        if same:
            owner = figure_owner(text, fig, mentions, [i for i, _m in same])
            if owner_cost(text, fig, mentions[owner]) > _RULES()["max_owner_distance"]:
                continue  # "$4 trillion to the economy in 2024, it said, and samarium ..."
            if _listed_with_other_goods(text, mentions[owner]) and \
                    _is_share_or_money(fig["unit"]):
                continue  # "Manganese, oil, and wood made up 83% of exports": their total
            groups = list_groups(text, same)
            listed = _respective(text, fig, figures, same, groups, groups[owner])
            if listed is not None:
                give(listed, fig)
                continue
            for i, _m in same:
                if groups[i] == groups[owner] and (
                        i == owner or mentions[i]["mineral"] != mentions[owner]["mineral"]):
                    give(i, fig)
            continue
        if fig["unit"] in _RULES()["not_carried_units"] or \
                _sector_figure(fig, text[fig["sent_start"]:fig["start"]]):
            continue  # a figure of the whole sector ("Mining accounts for 12% of GDP")
        if _is_share_or_money(fig["unit"]) and _GOODS_LIST().search(
                text, fig["sent_start"], fig["start"]):
            continue  # "Manganese, oil, and wood made up 83% of exports": a list's total
        if _is_share_or_money(fig["unit"]) and fig["unit"] != "percent" and \
                _WORDS_RE("generic_projects_purpose").search(text, fig["end"], fig["sent_end"]):
            continue  # "backed by $2.5 billion, aims to finance domestic mining and
            # processing projects": projects in general, not the topic mineral's
        if _TOPIC_BREAK().match(text, fig["sent_start"]):
            continue  # "Separately, the company raised $500 million": another matter
        if _spent_elsewhere(text, fig) or _whole_trade(text, fig) or \
                _is_share_or_money(fig["unit"]) and _WORDS_RE("carried_money_whole_wealth_before").search(
                    text, fig["sent_start"], fig["start"]) or \
                _WORDS_RE("other_commodity_measures").search(
                _CLAUSES.split(text[fig["sent_start"]:fig["start"]])[-1]):
            continue  # "will also spend $1.5 billion on a new port", "steel output fell to"
        before = [s for s in sentence_starts if s < fig["sent_start"]]
        # one sentence names a mineral: no topic when it names the mineral as no commodity
        # ("an aluminum case"), and figures only near it (money and shares nearer than
        # tonnages and prices per unit of mass)
        if weak and not _carried_near(text, fig, first, before, sentence_starts,
                                      commodity_first or quoted_first and _a_quote(fig)):
            continue
        if not before:
            # before any mineral is named: the main mineral's, or each one's when the
            # first sentence naming minerals names them as one list ("a $12 billion
            # stockpile of critical minerals. ... The stockpile will focus on rare earths
            # alongside lithium, cobalt, nickel and graphite"); a price per unit is one
            # mineral's
            listed = by_sentence[sentence_starts[0]]
            if "/" not in fig["unit"] and len({m["mineral"] for _i, m in listed}) > 1 and \
                    len(set(list_groups(text, listed, _TOPIC_LIST_GAP()).values())) == 1:
                for i, _m in listed:
                    give(i, fig)
            else:
                give(next(i for i, m in enumerate(mentions) if m["mineral"] == main), fig)
            continue
        # a sentence naming minerals only as examples ("magnet metals such as neodymium")
        # keeps the topic it had; so does one before a first sentence that names any
        # and so does a line of the page that links another story ("See also: Copper
        # prices rise on China hopes", ``furniture_line_openers``)
        named = next((st for st in reversed(before)
                      if not _examples_only(text, by_sentence[st]) and
                      not _FURNITURE_LINE().match(text, st)), before[-1])
        topic = by_sentence[named]
        groups = list_groups(text, topic, _TOPIC_LIST_GAP())
        if len(set(groups.values())) == 1:
            chosen = topic   # one list: the figure is each one's
        else:
            best = max(topic, key=lambda im: (counts[im[1]["mineral"]], -im[1]["start"]))
            chosen = [best]
        done = set()
        for i, m in reversed(chosen):
            if m["mineral"] not in done:
                done.add(m["mineral"])
                give(i, fig)
    return owners


# "45 MT", "1.85mt", "45 mt": no scale word
_MT_QUOTE = re.compile(r"(?<![\w.,])[\d.,\s\u00a0]+\s?(MT|mt)\b")


def _metric_mt(fig: dict, mineral: str) -> dict:
    """A figure written in "MT" read for its mineral: million tonnes read from "MT" (the
    article writes MT so elsewhere) of a mineral never mined by the million tonne
    (``metric_mt_minerals``) are metric tonnes ("gold imports rose to 45 MT"), and a
    number below 1,000 in metric tonnes of a bulk mineral (``million_mt_minerals``) is
    million tonnes ("NMDC produced 44.9 MT of iron ore"); so is one in lower-case "mt"
    ("mined 1.85mt of coal"). A copy for that mineral; else the figure."""
    written = _MT_QUOTE.search(fig["quote"]) if fig["unit"].split("/")[0] == "tonnes" else None
    if written is None:
        return fig
    # (lower-case "mt" is never read as million tonnes: "3,925 mt of cobalt" is the metric
    # ton; only below 1,000 of a bulk mineral is it a million: "mined 1.85mt of coal")
    if written.group(1) == "MT" and fig["value"] >= 1e6 and \
            mineral in _RULES().get("metric_mt_minerals", ()):
        return {**fig, "value": fig["value"] / 1e6}
    if fig["value"] < 1000 and mineral in _RULES().get("million_mt_minerals", ()):
        return {**fig, "value": fig["value"] * 1e6}
    return fig


def _antecedent(text: str, fig: dict, by_sentence: dict[int, list[tuple[int, dict]]]
                ) -> int | None:
    """The mention a figure refers back to when a pronoun or "the metal" follows it ("170,000
    tonnes of it", "2.2 million tonnes of the metal", ``anaphor_after``): the first
    mineral before it in its sentence (its subject: "Cobalt is found in Congo's copper
    belt, which yielded 150,000 tonnes of it"), else the first mineral of the last earlier
    sentence that named one (the subject the pronoun stands for: "Cobalt is mined mostly with
    copper. Congo, which produced 170,000 tonnes of it, ..." is cobalt's, though the
    sentence goes on to name copper). None without such words, or with no mineral before."""
    if not _ANAPHOR_AFTER().match(text, fig["end"]):
        return None
    here = [(i, m) for i, m in by_sentence.get(fig["sent_start"], []) if m["end"] <= fig["start"]]
    if here:
        return min(here, key=lambda im: im[1]["start"])[0]
    before = [st for st in sorted(by_sentence) if st < fig["sent_start"]]
    named = next((st for st in reversed(before)
                  if not _examples_only(text, by_sentence[st])), None)
    if named is None:
        return None
    return min(by_sentence[named], key=lambda im: im[1]["start"])[0]


@lru_cache(maxsize=1)
def _ANAPHOR_AFTER() -> re.Pattern:  # noqa: N802 (a compiled constant)
    words = _RULES().get("anaphor_after") or ["(?!)"]
    return re.compile(r"\s*(?:" + "|".join(words) + r")(?!\w)", re.I | re.U)


def _attached_after(text: str, fig: dict, in_sentence: list[tuple[int, dict]]) -> int | None:
    """The first mention after the figure in its sentence when nothing between them opens
    a clause of the sentence's own (``clause_breaks_between``: "; ", ", and", "while",
    "but", a full stop), else None ("produced 118,900 tons, while BHP's Escondida, the
    largest copper mine, ..." keeps the figure from copper)."""
    later = [(i, m) for i, m in in_sentence if m["start"] >= fig["end"]]
    if not later:
        return None
    i, m = min(later, key=lambda im: im[1]["start"])
    between = text[fig["end"]:m["start"]]
    return None if _BREAKS_BETWEEN().search(between) else i


@lru_cache(maxsize=1)
def _MONEY_UNITS() -> frozenset:  # noqa: N802 (a constant)
    from orewire.figures import _CURRENCY  # noqa: PLC0415

    return frozenset(_CURRENCY.values())


@lru_cache(maxsize=1)
def _BREAKS_BETWEEN() -> re.Pattern:  # noqa: N802 (a compiled constant)
    return re.compile("|".join(_RULES().get("clause_breaks_between") or ["(?!)"]), re.I | re.U)


_CLAUSES = re.compile(r";|,\s+(?:while|and|but|whereas|although|mientras|tandis|während|"
                      r"а|но|enquanto)\s|\s(?:and|as|while|und|et|y|e|и)\s", re.I | re.U)
_PURPOSE = re.compile(r"\s*(?:(?:a|per)\s+year\s+|annually\s+)?"
                      r"(?:on|for|into|in(?:\s+(?:support|aid|grants?|subsidies|funding)"
                      r"(?:\s+(?:for|to))?)?|pour|para|für|на)\s+(?P<object>[^.;:!?,\d$€£¥₹]{1,60})",
                      re.I | re.U)
# the words right after an amount that it qualifies ("a new $5 billion steel plant")
_QUALIFIED = re.compile(r"[\s-]*(?P<object>(?:[^\W\d]+[\s-]+){0,2}[^\W\d]+)", re.U)


def _listed_with_other_goods(text: str, m: dict) -> bool:
    """The mention is written in one list with goods that are no mineral ("Manganese, oil,
    and wood", "copper and crude oil", ``non_mineral_goods``): a share or an amount of the
    list is their total, not the mineral's."""
    goods = _WORDS_RE("non_mineral_goods").pattern
    after = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)(?:[\w-]+\s+)?" + goods,
                       re.I | re.U)
    before = re.compile(goods + r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)$", re.I | re.U)
    return bool(after.match(text, m["end"]) or before.search(text[max(0, m["start"] - 40):m["start"]]))


@lru_cache(maxsize=1)
def _GOODS_LIST() -> re.Pattern:  # noqa: N802 (a compiled constant)
    """Goods that are no mineral written in a list ("..., oil, and wood", "oil and ...")."""
    goods = _WORDS_RE("non_mineral_goods").pattern
    return re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)" + goods + "|" + goods +
                      r"\s*(?:,\s*|\s(?:and|or|&)\s+)\w", re.I | re.U)


def _later_clause_only(text: str, fig: dict, in_sentence: list[tuple[int, dict]]) -> bool:
    """A quantity (not money, a share or a price) in a sentence whose minerals all come
    after it, in a clause a conjunction opens (``carried_past_later_clause``): the
    figure's own clause names none, so it is the passage's topic's, as in a sentence
    naming none. Ounces and pounds, or a tonnage in a clause that speaks of supply
    (``commodity_sentence_words``)."""
    unit = fig["unit"]
    if unit in _MONEY_UNITS() or unit == "percent" or ("/" in unit and not unit.endswith("/year")):
        return False
    if any(m["start"] < fig["start"] for _i, m in in_sentence):
        return False
    # ounces and pounds are a metal's; a tonnage only in a clause of supply words ("Shipments
    # reached 52,000 tonnes, as ..."; not "The port handled 40 million tonnes of cargo")
    if unit.split("/")[0] not in ("oz", "lb", "tU") and \
            not _supply_words(text[fig["sent_start"]:fig["end"]]):
        return False
    first = min(m["start"] for _i, m in in_sentence)
    return bool(_LATER_CLAUSE().search(text, fig["end"], first))


@lru_cache(maxsize=1)
def _LATER_CLAUSE() -> re.Pattern:  # noqa: N802 (a compiled constant)
    words = _RULES().get("carried_past_later_clause") or ["(?!)"]
    return re.compile(r",\s*(?:" + "|".join(words) + r")(?!\w)", re.I | re.U)


def _not_a_minerals(text: str, fig: dict, same: list[tuple[int, dict]]) -> bool:
    """In a sentence naming minerals, a figure whose own clause, with no mineral in it,
    measures another commodity or asset (``other_commodity_measures``: "Gold hit $3,500,
    while bitcoin fell 3% to $108,000"), or an amount spent on or qualifying something
    that is not mining (``carried_money_other_purposes``: "will feed a new $5 billion
    steel plant", "pays $300 million a year in wages"), up to the next mineral named."""
    part = _CLAUSES.split(text[fig["sent_start"]:fig["start"]])[-1]
    lo = fig["start"] - len(part)
    if not any(lo <= m["start"] < fig["start"] for _i, m in same) and \
            _WORDS_RE("other_commodity_measures").search(part):
        return True
    nxt = min((m["start"] for _i, m in same if m["start"] >= fig["end"]), default=len(text))
    return _spent_elsewhere(text[:nxt], fig) or _qualifies_other(text[:nxt], fig)


def _qualifies_other(text: str, fig: dict) -> bool:
    """An amount of money right before a noun of something that is not mining ("a $5
    billion steel plant", "a $900 million highway")."""
    if fig["unit"] == "percent" or not _is_share_or_money(fig["unit"]):
        return False
    m = _QUALIFIED.match(text, fig["end"])
    return m is not None and bool(_WORDS_RE("carried_money_other_purposes").search(
        m.group("object")))


def _carried_near(text: str, fig: dict, first: dict, before: list, sentence_starts: list,
                  commodity_first: bool) -> bool:
    """In a weak topic (one sentence names minerals): the figure is near that sentence and
    one of the two speaks of the mineral as a commodity ("Congo dominates cobalt. Its
    share of world supply is 74%.")."""
    reach = _RULES()["carry_chars_single_mention" if _is_share_or_money(fig["unit"])
                     else "carry_chars_single_mention_mass"]
    gap = sentence_starts[0] - fig["end"] if not before else fig["start"] - first["sent_end"]
    return gap <= reach and (commodity_first or _supply_words(
        text[fig["sent_start"]:fig["start"]] + " " +
        text[fig["end"]:fig.get("sent_end", fig["end"])]))


def _market_move(text: str, mention: dict) -> bool:
    """A market verb right after the mention, an adverb may stand between ("Gold rose for
    a fifth straight session"): the mineral is quoted as a commodity."""
    m = _NEXT_WORDS.match(text, mention["end"])
    return bool(m) and any(w.lower() in _market_verbs() for w in m.groups() if w) and \
        (m.group(1).lower() in _market_verbs() or m.group(1).lower().endswith("ly"))


_NEXT_WORDS = re.compile(r"\s+(\w+)(?:\s+(\w+))?")


def _a_quote(fig: dict) -> bool:
    """A price per unit, or a small amount of money with no scale word ("a record of
    $3,500.05"), not a sum raised or spent ("$500 million in bonds")."""
    return "/" in fig["unit"] or fig["unit"] in _MONEY_UNITS() and \
        fig["value"] < _RULES()["quote_price_below"]


def _commodity_sentence(sentence: str, mentions: list[dict]) -> bool:
    """The sentence has a commodity word (``context_words`` of seeds/senses.yaml,
    ``commodity_sentence_words`` of seeds/figures.yaml), or one of its mentions is a
    compound of the mineral and a commodity head ("Kupferpreis", "Goldreserven")."""
    words, products = _sentence_words()
    if any(w.lower() in words or w.lower() in context_words() and w.lower() not in products
           for w in _WORD.findall(sentence)):
        return True
    heads = compound_heads("de")
    return any(" " not in m["surface"] and any(h in m["surface"].lower()[3:] for h in heads)
               for m in mentions)


def _supply_words(sentence: str) -> bool:
    """The figure's own sentence (its quote aside) speaks of supply, trade or mining
    (``commodity_sentence_words`` only: "price" is on every shopping page)."""
    words, _products = _sentence_words()
    return any(w.lower() in words for w in _WORD.findall(sentence))


@lru_cache(maxsize=1)
def _sentence_words() -> tuple[frozenset, frozenset]:
    return (frozenset(str(w).lower() for w in _RULES().get("commodity_sentence_words") or []),
            frozenset(str(w).lower() for w in _RULES().get("product_context_words") or []))


def _spent_elsewhere(text: str, fig: dict) -> bool:
    """An amount of money whose own phrase says it is spent on something that is not
    mining (``carried_money_other_purposes``): not the topic mineral's."""
    if fig["unit"] == "percent" or not _is_share_or_money(fig["unit"]):
        return False
    m = _PURPOSE.match(text, fig["end"])
    return m is not None and bool(_WORDS_RE("carried_money_other_purposes").search(
        m.group("object")))


def _whole_trade(text: str, fig: dict) -> bool:
    """An amount of money of minerals or metals as a whole ("$33 billion of minerals",
    ``carried_money_whole_trade_after``): not the topic mineral's."""
    if fig["unit"] == "percent" or not _is_share_or_money(fig["unit"]):
        return False
    return _WHOLE_TRADE().match(text, fig["end"]) is not None


@lru_cache(maxsize=1)
def _WHOLE_TRADE() -> re.Pattern:  # noqa: N802 (a compiled constant)
    return re.compile(r"\s*(?:[^\W\d]+\s+){0,2}?(?:" +
                      "|".join(_RULES()["carried_money_whole_trade_after"]) + ")",
                      re.I | re.U)


@lru_cache(maxsize=1)
def _TOPIC_BREAK() -> re.Pattern:  # noqa: N802 (a compiled constant)
    return re.compile(r"\s*[\"“'‘(]?(?:" + "|".join(_RULES().get("carried_topic_breaks") or ["(?!)"])
                      + ")", re.U)


@lru_cache(maxsize=None)
def _WORDS_RE(key: str) -> re.Pattern:  # noqa: N802 (a compiled constant)
    """Whole words or stems followed by a word's end or the listed pattern's own end."""
    return re.compile(r"(?<!\w)(?:" + "|".join(_RULES().get(key) or ["(?!)"]) + r")(?!\w)",
                      re.I | re.U)


@lru_cache(maxsize=None)
def _STEMS_RE(key: str) -> re.Pattern:  # noqa: N802 (a compiled constant)
    """Stems of ``key``, each matched at the start of a word."""
    return re.compile(r"(?<!\w)(?:" + "|".join(_RULES().get(key) or ["(?!)"]) + ")",
                      re.I | re.U)


def _sector_figure(fig: dict, before: str) -> bool:
    """A share, or an amount of money, whose sentence has the whole sector as its subject
    before it; for money, only a phrase naming mining ("Mining exports as a whole were
    worth $4.6 billion"), not "the industry" ("The industry leader will spend $10
    billion" is a company's)."""
    m = _SECTOR_SUBJECT().search(before)
    if m is None or not _is_share_or_money(fig["unit"]):
        return False
    return fig["unit"] == "percent" or bool(_SECTOR_NAMES_MINING().search(m.group()))


@lru_cache(maxsize=1)
def _SECTOR_NAMES_MINING() -> re.Pattern:  # noqa: N802 (a compiled constant)
    return re.compile("|".join(_RULES()["sector_mining_stems"]), re.I | re.U)


@lru_cache(maxsize=1)
def _SECTOR_SUBJECT() -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(_RULES()["sector_subjects"]) + r")",
                      re.I | re.M)


@lru_cache(maxsize=1)
def _FURNITURE_LINE() -> re.Pattern:  # noqa: N802 (a compiled constant)
    return re.compile(r"\s*(?:" + "|".join(_RULES().get("furniture_line_openers") or ["(?!)"])
                      + ")", re.U)


@lru_cache(maxsize=1)
def _EXAMPLE_BEFORE() -> re.Pattern:
    words = _RULES().get("example_markers") or []
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")\s*$", re.I | re.U) if words \
        else re.compile(r"(?!x)x")


def _examples_only(text: str, in_sentence: list[tuple[int, dict]]) -> bool:
    """Every mineral the sentence names is in a list of examples ("magnet metals such as
    neodymium and praseodymium", "metals including cobalt")."""
    groups = list_groups(text, in_sentence)
    first_of = {}
    for i, m in sorted(in_sentence, key=lambda im: im[1]["start"]):
        first_of.setdefault(groups[i], m)
    return all(_EXAMPLE_BEFORE().search(text, max(0, m["start"] - 40), m["start"])
               for m in first_of.values())


def _respective(text, fig, figures, same, groups, group) -> int | None:
    """The list member a figure belongs to when the sentence pairs a list of minerals with
    as many figures in order ("platinum and palladium ... 7.3 million and 6.5 million
    ounces respectively"); None when the sentence does not."""
    members = [i for i, m in sorted(same, key=lambda im: im[1]["start"]) if groups[i] == group]
    if len(members) < 2:
        return None
    # one currency or mass unit (a bare "$1,975" may have taken a per-unit from an
    # earlier quote of its order and "$15,210" not, or the reverse)
    row = [f for f in figures if f["sent_start"] == fig["sent_start"] and
           f["unit"].split("/")[0] == fig["unit"].split("/")[0]]
    last = max(f["end"] for f in row)
    if len(row) != len(members) or not (
            _RESPECTIVELY().match(text[last:last + 40]) or
            _figure_list(text, row, [m for i, m in same if i in members])):
        return None
    return members[next(k for k, f in enumerate(row) if f is fig)]


def _figure_list(text, row, listed) -> bool:
    """The figures are written as one list, nothing but a list's joiners between them
    ("Copper, zinc and lead output totalled 120,000 tonnes, 310,000 tonnes and 95,000
    tonnes"): they pair in order with the minerals' list as with "respectively". Not when
    the minerals are one word naming two ("NdPr", "neodymium-praseodymium"), when the
    sentence lists periods ("in 2023 and 2024": each mineral's over time), nor when a
    list of names stands before them ("China and Indonesia refine 4.5 million tonnes and
    1.8 million tonnes of nickel and cobalt": each country's)."""
    row = sorted(row, key=lambda f: f["start"])
    if len({m["start"] for m in listed}) < len(listed) or any(
            a["end"] > b["start"] for a, b in zip(listed, listed[1:])):
        return False
    if not all(_FIGURE_LIST_GAP().fullmatch(text, a["end"], b["start"])
               for a, b in zip(row, row[1:])):
        return False
    start = row[0]["sent_start"]
    stop = _SENTENCE_STOP.search(text, row[-1]["end"])
    sentence = text[start:row[0]["start"]] + " " + text[row[-1]["end"]:stop.start() if stop
                                                     else len(text)]
    periods, tokens = _FIGURE_LIST_PERIODS()
    if periods.search(sentence) or len(tokens.findall(sentence)) >= 2:
        return False
    return not any(not any(m["start"] < n.end() and n.start() < m["end"] for m in listed)
                   for n in _NAME_LIST.finditer(text, start, row[0]["start"]))


_SENTENCE_STOP = re.compile(r"[.;!?](?:\s|$)")
# two or more capitalised names joined as a list ("China and Indonesia", "Chile, Peru and
# Congo")
_NAME_LIST = re.compile(r"(?<!\w)[A-Z][\w.’'-]+(?:\s*,\s*[A-Z][\w.’'-]+)*,?\s+(?:and|&)\s+"
                        r"[A-Z][\w.’'-]+")


@lru_cache(maxsize=1)
def _FIGURE_LIST_PERIODS() -> tuple[re.Pattern, re.Pattern]:  # noqa: N802 (compiled constants)
    return (re.compile("|".join(_RULES()["respective_figure_periods"]), re.I | re.U),
            re.compile("|".join(_RULES()["respective_period_tokens"]), re.I | re.U))


@lru_cache(maxsize=1)
def _FIGURE_LIST_GAP() -> re.Pattern:  # noqa: N802 (a compiled constant)
    return re.compile(_RULES()["respective_figure_gap"], re.I | re.U)


@lru_cache(maxsize=1)
def _RESPECTIVELY() -> re.Pattern:
    words = "|".join(re.escape(w) for w in _RULES()["respectively"])
    return re.compile(rf"[^.;]{{0,30}}?(?<!\w)(?:{words})(?!\w)", re.I | re.U)


@lru_cache(maxsize=1)
def _TOPIC_LIST_GAP() -> re.Pattern:  # noqa: N802 (a compiled constant)
    """A list gap, or a word that adds one more mineral to a topic's list
    (``topic_list_joiners``)."""
    words = _RULES().get("topic_list_joiners") or []
    extra = r"|\s*,?\s*(?:" + "|".join(words) + r")\s*,?\s*" if words else ""
    return re.compile(_list_gap().pattern + extra, re.I | re.U)


def _distinct(items):
    return list(dict.fromkeys(i for i in items if i))


_PUNCT = re.compile(r"(?<!\d)[,;:]|[,;:](?!\d)|[()\[\]—–]|\s-\s")  # not "2,3" or "11,000"
_WORD = re.compile(r"\w+(?:[.,]\d+)*")   # a number with its separators is one word
# "22% das de grafite", "20 % de las de cobre", "10% of those of tin": a pronoun standing
# for the whole named before, then "of" and the mineral
_OF = re.compile(r"\s*(?:of|de|d['’]|des|del|do|da|an)?\s*"
                 r"(?:(?:those|that|das|dos|las|los|celles?|ceux|celui|el|la|le)\s+"
                 r"(?:of|de|d['’]|des|du)\s*)?(?:the\s+|la\s+|le\s+)?(?:\w+\s+)?", re.I)
# a hyphen with no space joins a pair too ("neodymium-praseodymium oxide")
_LIST_GAP = re.compile(r"\s*(?:,|and|or|&|/|y|e|et|und|и)?\s*(?:,|and|or|y|e|et|und|и)?\s*"
                       r"|[-‐]", re.I)


# the joiners of a list before an article ("et le", "y el", "und die")
_ARTICLE_JOINERS = r"(?:and|or|y|e|et|und|oder|ou|o|и|или)"


@lru_cache(maxsize=1)
def _list_articles() -> str:
    """``list_gap_articles`` as one alternation, longest first (a never-matching one when
    the list is empty)."""
    words = _RULES().get("list_gap_articles") or ["(?!)"]
    return "|".join(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _list_gap() -> re.Pattern:
    """``_LIST_GAP``, or a joiner and an article or partitive (``list_gap_articles``:
    "le graphite et le lithium", "del cobre y el zinc", "de gallium et de germanium")."""
    if not _RULES().get("list_gap_articles"):
        return _LIST_GAP
    return re.compile(_LIST_GAP.pattern + rf"|\s*,?\s*{_ARTICLE_JOINERS}\s+"
                      rf"(?:{_list_articles()})(?:\s+|(?<=['’]))", re.I | re.U)


def _joined(text: str, a: dict, b: dict, gap: re.Pattern) -> bool:
    """Mention ``a`` and the next, ``b``, are members of one list: the gap between them is
    a list's. A joiner with an article after it ("and the", "y el", "und die") joins them
    only when ``a`` has such a word before it too, a list's parallel members ("le graphite
    et le lithium", "de gallium et de germanium"); a bare partitive before ``a`` ("tonnes
    de cuivre", "toneladas de cobre") pairs only with a bare partitive. Else "and the"
    opens a clause of its own ("5,3 millions de tonnes de cuivre et le lithium chilien
    intéresse ...", "the world's palladium and the platinum market")."""
    between = text[a["end"]:b["start"]]
    if not gap.fullmatch(between):
        return False
    after = None if _LIST_GAP.fullmatch(between) else _ARTICLE_AFTER().search(between)
    if after is None:
        return True
    before = _ARTICLE_BEFORE().search(text, max(0, a["start"] - 30), a["start"])
    if before is None:
        return False
    partitive = _bare_partitives()
    norm = [re.sub(r"\s+", " ", x.group(1).lower()).replace("’", "'") for x in (before, after)]
    return (norm[0] in partitive) <= (norm[1] in partitive)


@lru_cache(maxsize=1)
def _bare_partitives() -> frozenset:
    return frozenset(str(w).lower() for w in _RULES().get("list_gap_bare_partitives") or [])


@lru_cache(maxsize=1)
def _ARTICLE_AFTER() -> re.Pattern:  # noqa: N802 (a compiled constant)
    return re.compile(rf"{_ARTICLE_JOINERS}\s+({_list_articles()})(?:\s+|(?<=['’]))$",
                      re.I | re.U)


@lru_cache(maxsize=1)
def _ARTICLE_BEFORE() -> re.Pattern:  # noqa: N802 (a compiled constant)
    return re.compile(rf"(?<!\w)({_list_articles()})(?:\s+|(?<=['’]))$", re.I | re.U)


def _of_mineral(between: str) -> bool:
    """What stands between a figure and a mention after it makes the figure the mention's
    ("18,125 metric tons of cobalt", "$500 million in lithium"), but not a word that
    lists the mention as another one ("zinc rose to $2,810 and tin was flat")."""
    m = _OF.fullmatch(between)
    return bool(m) and not (set(between.lower().split()) & list_joiners())


def distance(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """Words between two spans, each clause break (comma, dash, bracket) counting six."""
    lo, hi = (a[1], b[0]) if a[0] <= b[0] else (b[1], a[0])
    between = text[lo:hi] if hi > lo else ""
    return len(_WORD.findall(between)) + 6 * len(_PUNCT.findall(between))


def figure_owner(text: str, fig: dict, mentions: list[dict], candidates: list[int]) -> int:
    """The mention a figure is about: the nearest, a mention after the figure counting four
    words more ("Palladium output could fall 11% to 2.4 million ounces, whilst platinum"),
    and one in an aside the figure is not in only when every candidate is ("Silver, often
    dragged along by gold, rose to $28.40": silver's)."""
    def cost(i):
        m = mentions[i]
        if m["start"] >= fig["end"] and _of_mineral(text[fig["end"]:m["start"]]):
            return (False, -1)  # "18,125 metric tons of cobalt", "30 millones de toneladas de"
        if m["end"] <= fig["start"] and _RELATIVE.fullmatch(text, m["end"], fig["start"]) \
                and not any(m["end"] < o["start"] < fig["end"] for o in mentions):
            return (False, 0)   # "than cobalt, which sells for about $24,000": cobalt's
            # (an "of" after the figure still wins: "copper, which is mined alongside
            # 120,000 tonnes of cobalt")
        after = m["start"] >= fig["end"]
        between = text[fig["end"]:m["start"]] if after else text[m["end"]:fig["start"]]
        return (_in_aside(text, m, fig, mentions),
                distance(text, (m["start"], m["end"]), (fig["start"], fig["end"])) +
                (4 if after else 0) + (40 if ";" in between else 0))
        # a semicolon parts the items of a list of quotes ("Neodymium (Nd) oxide: 445,000
        # yuan/t; Dysprosium (Dy) oxide: 1.68 million yuan/t")
    return min(candidates, key=cost)


def _in_aside(text: str, m: dict, fig: dict, mentions: list[dict]) -> bool:
    """``m`` stands in a part of its sentence set off by two commas that says more than a
    list of minerals (", often dragged along by gold,", ", like cobalt,"), and ``fig``
    stands outside it."""
    # a comma that parts words, not digits ("11,000")
    lefts = [c.start() for c in _COMMA.finditer(text, max(0, m["start"] - 100), m["start"])]
    after = _COMMA.search(text, m["end"], m["end"] + 100)
    left, right = (lefts[-1] if lefts else -1), (after.start() if after else -1)
    if left < 0 or right < 0 or left < fig["start"] < right or \
            re.search(r"[.;:!?]", text[left:right]):
        return False
    inner = text[left + 1:right]
    if _CLAUSE_OPENER.match(inner):
        return False   # ", while platinum, its sister metal, was steady at $1,010": a new
        # clause opens at the first comma, the aside is after the mention
    first = re.match(r"\s*([^\W\d]+|&)", inner)
    if first and first.group(1).lower() in list_joiners() and re.search(r"\d", inner):
        return False   # "1.2 million tonnes of copper, worth $11 billion, and 40,000 tonnes
        # of lithium carbonate, worth $2.1 billion": a list's next item with a figure of its
        # own, not an aside ("Copper, and to a lesser extent zinc, rose ..." stays one)
    for other in mentions:
        if left < other["start"] and other["end"] <= right:
            inner = inner.replace(text[other["start"]:other["end"]], " ")
    words = [w for w in re.findall(r"[^\W\d]+", inner) if w.lower() not in list_joiners()]
    return len(words) >= 1


_COMMA = re.compile(r",(?=\s)")
_CLAUSE_OPENER = re.compile(r"\s*(?:while|whilst|whereas|although|though|mientras|tandis|"
                            r"alors\s+que|während|wohingegen|enquanto|тогда\s+как|в\s+то\s+время)\s",
                            re.I | re.U)   # subordinators only: ", and not zinc," is an aside
# A relative clause right after a mention, up to the figure: it says more of that mention.
_RELATIVE = re.compile(r"\s*,\s*(?:(?:of|in|from|for|with)\s+which\s|(?:del|de\s+la|de\s+los|"
                       r"de\s+las|do|da|dos|das)\s+(?:que|qual)\s|(?:which|that|whose|qui|dont|"
                       r"que|cuyo|cuya|welche[rs]?|который|которая|которое|которые|из\s+которого|"
                       r"из\s+которых)\s)[^,;.!?()]*",
                       re.I | re.U)   # ", of which Ukraine holds about 7%" is the mention's
# (German "der/die/das" after a comma is as often an article: "Kupfer, der Nickelpreis
# dagegen fiel")


def owner_cost(text: str, fig: dict, m: dict) -> int:
    """Words between a figure and a mention (clause breaks counting six), -1 for "of"."""
    if m["start"] >= fig["end"] and _of_mineral(text[fig["end"]:m["start"]]):
        return -1
    return distance(text, (m["start"], m["end"]), (fig["start"], fig["end"]))


def sentence_links(text: str, mentions: list[dict], in_sent: list[dict],
                   lang: str = "en") -> dict[int, list]:
    """Countries each mention of one sentence is linked to.

    With one mineral (or one country) in the sentence every pair is linked; with several
    of each, a country goes to its nearest mineral ("lithium from Chile, cobalt from the
    DRC and, for nickel, Indonesia").
    """
    # In a long sentence a country far from every mention of the mineral is rarely what
    # the sentence says about it ("... palladium producer, is not under sanctions, but
    # penalties imposed on Russia since troops went into Ukraine ...").
    named = sorted((x for x in in_sent if x["normalized"]), key=lambda x: x["start"])
    # a country that is only where people met ("at a conference in Canada") is no link
    named = [x for x in named if not _venue_before(text, x, lang)]
    # nor one that is only where a study comes from, beside a country of the sentence's own
    source = [x for x in named if _source_country(text, x, lang)]
    if source and len(source) < len(named) and \
            {x["normalized"] for x in source} - {x["normalized"] for x in named if x not in source}:
        named = [x for x in named if x not in source]
    other = _contrast_clause_start(text, mentions, lang)
    if other is not None:
        named = [x for x in named if x["start"] < other]
    near = [min(distance(text, (m["start"], m["end"]), (x["start"], x["end"]))
                for _i, m in mentions) <= _RULES()["max_link_distance"] or
            _supply_before(text, x, mentions) or _origin_before(text, x, mentions, lang)
            for x in named]
    # countries written as one list ("demand from China and India") are near together
    listed = [bool(_list_gap().fullmatch(text, a["end"], b["start"]))
              for a, b in zip(named, named[1:])]
    for k in range(1, len(named)):
        near[k] = near[k] or (near[k - 1] and listed[k - 1])
    for k in range(len(named) - 2, -1, -1):
        near[k] = near[k] or (near[k + 1] and listed[k])
    countries = [x for x, ok in zip(named, near) if ok]
    minerals = {m["mineral"] for _i, m in mentions}
    codes = {x["normalized"] for x in countries}
    if len(minerals) <= 1 or len(codes) <= 1:
        return {i: _distinct(x["normalized"] for x in countries) for i, _m in mentions}
    # Minerals listed together ("antimony, gallium, germanium and tin") share their links.
    # A list of minerals each with its own country before it ("Chilenisches Kupfer,
    # peruanisches Zink und australisches Lithium gehen nach China", "Congolese cobalt,
    # Chilean copper and Indonesian nickel"): each country is its mineral's only, and the
    # minerals are one list all the same.
    qualified = _qualifiers(text, countries, mentions)
    group_of = list_groups(_blanked(text, qualified.values()) if qualified else text, mentions)
    links: dict[int, list] = {i: [] for i, _m in mentions}
    # A country a mineral is sent to or comes from follows that mineral ("exports iron ore
    # to China and niobium to Japan"); the one country before every mineral is then the
    # subject of them all ("Brazil exports iron ore to China and niobium to Japan").
    first = min(m["start"] for _i, m in mentions)
    moved = _moved_countries(text, countries, lang, mentions)
    # (not a destination or place written before the mineral it is of: "Brasilien liefert
    # nach China Eisenerz und nach Japan Niob")
    before_all = [x for x in countries if x["end"] <= first and not (
        id(x) in moved and _NOTHING_BETWEEN.fullmatch(text, x["end"], first))]
    before = {x["normalized"] for x in before_all}
    # several countries written as one list before every mineral are their subject
    # together ("Die USA und die Ukraine haben ein Abkommen über Seltene Erden ... und
    # Lithium unterzeichnet")
    subject = bool(before) and all(
        _list_gap().fullmatch(text, a["end"], b["start"])
        for a, b in zip(before_all, before_all[1:])) and all(
        id(x) in moved for x in countries if x["normalized"] not in before) and not (
        # places each with its mineral right after it, the first one's too ("En
        # Kazajistán se extrae uranio, en Uzbekistán oro y en Kirguistán antimonio")
        all(_moved_to(lang).search(text, max(0, x["start"] - 30), x["start"])
            for x in before_all) and any(
            _NOTHING_BETWEEN.fullmatch(text, x["end"], m["start"])
            for x in countries if x["normalized"] not in before for _i, m in mentions))
    if not before_all:
        # a verb's subject after the mineral opening the sentence, every other country a
        # place or destination ("Kupfer exportiert Chile vor allem nach China, Lithium
        # dagegen nach Südkorea"): the subject of them all, as one before them would be
        inverted = _inverted_subject(text, countries, mentions, moved, lang) \
            if lang in (_RULES().get("link_inverted_languages") or ()) else None
        if inverted is not None:
            before_all, before, subject = [inverted], {inverted["normalized"]}, True
    fronted = _additive_subject(text, countries, mentions, lang)
    for x in countries:
        # a country written inside a mention's own word ("Kongo-Kobalt und Chile-Kupfer")
        # is that mention's only, not its list's
        inside = [i for i, m in mentions if m["start"] <= x["start"] and x["end"] <= m["end"]]
        inside += [i for i, q in qualified.items() if q is x]
        if inside:
            for i in inside:
                if x["normalized"] not in links[i]:
                    links[i].append(x["normalized"])
            continue
        if subject and x["normalized"] in before:
            targets = set(group_of.values())
        elif fronted is not None and id(x) in fronted[0]:
            # the subject after an additive opening ("Besides cobalt from Congo, China
            # also buys Australian lithium"): the minerals before it and its own after it
            after = [i for i, m in mentions if m["start"] >= x["end"]]
            limit = _segment_end(text, x, countries, mentions)
            targets = {group_of[i] for i in fronted[1]} | \
                {group_of[i] for i in after[:1]} | \
                {group_of[i] for i, m in mentions if x["end"] <= m["start"] and m["end"] <= limit}
        else:
            pool = [im for im in mentions if im[1]["end"] <= x["start"]] \
                if id(x) in moved else []
            # a place whose mineral follows it with nothing between but a dash is that
            # mineral's ("en Uzbekistán oro y en Kirguistán antimonio", "в Узбекистане —
            # золото"), not the mineral's before it
            pool = [im for im in mentions if _NOTHING_BETWEEN.fullmatch(
                text, x["end"], im[1]["start"])] or pool
            # a mineral in an apposition right after the country is its own, however near
            # a mineral before it stands ("Chile, the largest copper producer, and
            # Australia, the largest lithium producer")
            pool = pool or _apposition(text, x, named, mentions)
            # at equal distance the mineral after the country, whose subject it is ("le
            # Chili du cuivre et la Guinée de la bauxite")
            best = min(pool or mentions, key=lambda im: (distance(
                text, (im[1]["start"], im[1]["end"]), (x["start"], x["end"])),
                im[1]["start"] < x["start"]))
            targets = {group_of[best[0]]}
            if pool and id(x) in moved:
                targets |= _shared_destination(text, x, best, pool, countries, group_of)
            if id(x) not in moved and best[1]["start"] >= x["end"]:
                # the subject of the minerals after it: each one up to the next country
                # or a clause of its own ("China produziert 60 Prozent des Lithiums und
                # 70 Prozent der Seltenen Erden, während Australien ...")
                limit = _segment_end(text, x, countries, mentions)
                targets |= {group_of[i] for i, m in mentions
                            if x["end"] <= m["start"] and m["end"] <= limit}
        for i, _m in mentions:
            if group_of[i] in targets and x["normalized"] not in links[i]:
                links[i].append(x["normalized"])
    return links


_APPOSITION_END = re.compile(r"[,;:.!?()](?!\d)")
_NOTHING_BETWEEN = re.compile(r"\s*[-–—]?\s*")
@lru_cache(maxsize=1)
def _CLAUSE_BREAK() -> re.Pattern:  # noqa: N802 (a compiled constant)
    """Punctuation or a word that opens a clause of its own ("... while zinc from Mexico"):
    ``link_clause_break_words``."""
    words = "|".join(_RULES().get("link_clause_break_words") or ["(?!)"])
    return re.compile(rf"[;:]|[.!?]\s|(?<!\w)(?:{words})(?!\w)", re.I | re.U)


def _apposition(text: str, x: dict, named: list[dict],
                mentions: list[tuple[int, dict]]) -> list[tuple[int, dict]]:
    """The mentions of an apposition right after the country: a comma, a few words
    (``link_apposition_words`` at most) naming no country, and a comma closing them
    ("Chile, der größte Kupferproduzent, und Australien, ..."); else empty."""
    if not text.startswith(",", x["end"]):
        return []
    end = mentions[0][1].get("sent_end", len(text))
    stop = _APPOSITION_END.search(text, x["end"] + 1, end)
    if stop is None or text[stop.start()] != "," or \
            len(_WORD.findall(text, x["end"] + 1, stop.start())) > \
            int(_RULES().get("link_apposition_words") or 0) or \
            any(x["end"] < c["start"] < stop.start() for c in named):
        return []
    return [im for im in mentions
            if x["end"] < im[1]["start"] and im[1]["end"] <= stop.start()]


@lru_cache(maxsize=8)
def _ADDITIVE(lang: str) -> re.Pattern:  # noqa: N802 (a compiled constant)
    words = (_RULES().get("link_additive_openers") or {}).get(lang) or ["(?!)"]
    return re.compile(r"\s*(?:" + "|".join(words) + r")(?!\w)", re.I | re.U)


def _additive_subject(text: str, countries: list[dict], mentions: list[tuple[int, dict]],
                      lang: str) -> tuple[set[int], list[int]] | None:
    """(ids of the subject country and those listed with it, the mentions before it) of a sentence that opens with an
    additive word and a mineral (``link_additive_openers``: "Besides cobalt from Congo,
    China also buys ...", "Neben Kobalt aus dem Kongo kauft China ...", "Outre le cobalt
    congolais, la Chine achète ..."): the first country after that mineral that no word of
    origin or destination introduces; None when the sentence opens otherwise."""
    start = mentions[0][1].get("sent_start", 0)
    opener = _ADDITIVE(lang).match(text, start)
    first = min(m["start"] for _i, m in mentions)
    if opener is None or len(_WORD.findall(text, opener.end(), first)) > 2:
        return None
    # not one after "from" or "to", nor a demonym before its mineral ("Australian
    # lithium"); one after the opening's comma is no list with the country before it
    starts = {m["start"] for _i, m in mentions}
    subject = next((x for x in countries if x["start"] > first and x["text"][:1].isupper() and
                    not _moved_to(lang).search(text, max(0, x["start"] - 30), x["start"]) and
                    not (is_demonym(x["text"]) and
                         any(0 < s - x["end"] <= 2 for s in starts))), None)
    if subject is None or text[subject["end"]:subject["end"] + 2] in ("'s", "’s"):
        return None   # "Besides copper from Chile, Peru's zinc ...": zinc's country only
    # and the countries listed with it ("In addition to copper, Zambia and Congo produce
    # cobalt")
    ids, last = {id(subject)}, subject
    for x in countries:
        if x["start"] > last["end"] and _list_gap().fullmatch(text, last["end"], x["start"]):
            ids.add(id(x))
            last = x
    return ids, [i for i, m in mentions if m["end"] <= subject["start"]]


_OPENING = re.compile(r"\s*(?:[^\W\d]{1,3}\s+)?$", re.U)   # an article at most


def _inverted_subject(text: str, countries: list[dict], mentions: list[tuple[int, dict]],
                      moved: set[int], lang: str) -> dict | None:
    """The one country not moved, a name, one or two words (a verb's) after the mineral
    that opens the sentence ("Kupfer exportiert Chile", "Медь экспортирует Чили"), when
    every other country of the sentence is a place or a destination; else None."""
    free = [x for x in countries if id(x) not in moved]
    if len(free) != 1 or len(free) == len(countries):
        return None
    x = free[0]
    first = min((m for _i, m in mentions), key=lambda m: m["start"])
    if is_demonym(x["text"]) or not x["text"][:1].isupper() or \
            text[x["end"]:x["end"] + 2] in ("'s", "’s") or \
            not _OPENING.fullmatch(text, first.get("sent_start", 0), first["start"]) or \
            not 1 <= len(_WORD.findall(text, first["end"], x["start"])) <= 2 or \
            re.search(r"[,;:]", text[first["end"]:x["start"]]):
        return None
    # each later mineral an ellipsis of the same verb, its country after no verb of its
    # own ("Lithium dagegen nach Südkorea", "литий — в Южную Корею"; not "Eisenerz dagegen
    # kommt vor allem aus Australien", "никель добывают в Индонезии")
    gap = set(_RULES().get("link_inverted_gap_words") or ()) | \
        set(_RULES()["link_moved_words"].get(lang, ())) | \
        set(_RULES()["link_moved_articles"].get(lang, ()))
    for _i, m in mentions:
        if m["start"] <= x["end"]:
            continue
        nxt = next((c for c in countries if c["start"] >= m["end"]), None)
        if nxt is not None and not {w.lower() for w in _WORD.findall(
                text, m["end"], nxt["start"])} <= gap:
            return None
    return x


def _shared_destination(text: str, x: dict, best: tuple[int, dict],
                        pool: list[tuple[int, dict]], countries: list[dict],
                        group_of: dict[int, int]) -> set[int]:
    """Groups of the minerals before a destination that a verb joins to a list of
    minerals each with its own origin ("Copper from Peru and zinc from Mexico are shipped
    to China", "Kupfer aus Peru und Zink aus Mexiko gehen nach China"): every one of them
    in the destination's clause; empty when the destination is the nearest mineral's own
    ("iron ore to China and niobium to Japan", "zinc from Peru to Japan")."""
    between = [c for c in countries if best[1]["end"] <= c["start"] and c["end"] <= x["start"]]
    if not between or len(_WORD.findall(text, between[-1]["end"], x["start"])) < 2:
        return set()
    brk = [b.end() for b in _CLAUSE_BREAK().finditer(text, pool[0][1]["start"], x["start"])]
    lo = brk[-1] if brk else 0
    # back from the nearest mineral, each one before it whose own origin a list's joiner
    # alone parts from it ("Copper from Peru and zinc ...", not "Copper from Peru stays
    # home and zinc ...")
    out, nxt, joined = {group_of[best[0]]}, best[1], False
    for i, m in sorted((im for im in pool if im[1]["start"] >= lo),
                       key=lambda im: -im[1]["start"]):
        if m["start"] >= nxt["start"]:
            continue
        own = [c for c in countries if m["end"] <= c["start"] and c["end"] <= nxt["start"]]
        if len(own) != 1 or not _list_gap().fullmatch(text, own[0]["end"], nxt["start"]):
            break
        out.add(group_of[i])
        joined = joined or bool(set(text[own[0]["end"]:nxt["start"]].lower().split()) &
                                set(_RULES()["list_and"]))
        nxt = m
    # a list has its "and" ("Copper from Chile, zinc from Peru and tin from Bolivia"); a
    # comma alone parts two clauses ("Unlike copper from Chile, lithium from Australia")
    return out if joined else {group_of[best[0]]}


def _qualifiers(text: str, countries: list[dict],
                mentions: list[tuple[int, dict]]) -> dict[int, dict]:
    """{mention index: the country written right before it, or its adjective right after
    it} when at least two mentions of the sentence have such countries, and different ones
    ("Chilean copper and Peruvian zinc", "le cuivre chilien et le zinc péruvien"); else
    empty ("Chilean copper and zinc" is one list, Chile's)."""
    out = {}
    for x in countries:
        for i, m in mentions:
            if 0 < m["start"] - x["end"] <= 2 and not text[x["end"]:m["start"]].strip() and \
                    is_demonym(x["text"]):
                out[i] = x   # not a country's name ("Brasilien Niob und Südafrika Mangan":
                # the subjects of a verb left out)
            elif x["text"][:1].islower() and 0 < x["start"] - m["end"] <= 2 and \
                    not text[m["end"]:x["start"]].strip():
                out[i] = x   # an adjective after its noun ("le zinc péruvien")
    return out if len({x["normalized"] for x in out.values()}) > 1 else {}


def _blanked(text: str, spans) -> str:
    """``text`` with the given entities' spans blanked out (same length)."""
    chars = list(text)
    for x in spans:
        chars[x["start"]:x["end"]] = " " * (x["end"] - x["start"])
    return "".join(chars)


def _segment_end(text: str, x: dict, countries: list[dict],
                 mentions: list[tuple[int, dict]]) -> int:
    """Where the stretch of a sentence that a country before its minerals is the subject
    of ends: at the next country, or at a clause of the sentence's own
    (``link_segment_breaks``), or at the sentence's end."""
    end = mentions[0][1].get("sent_end", len(text))
    nxt = min((c["start"] for c in countries if c["start"] >= x["end"]), default=end)
    brk = _SEGMENT_BREAKS().search(text, x["end"], end)
    return min(nxt, brk.start() if brk else end)


@lru_cache(maxsize=1)
def _SEGMENT_BREAKS() -> re.Pattern:  # noqa: N802 (a compiled constant)
    return re.compile("|".join(_RULES().get("link_segment_breaks") or ["(?!)"]), re.I | re.U)


@lru_cache(maxsize=8)
def _contrast_opener(lang: str) -> re.Pattern:
    words = _RULES().get("link_contrast_openers") or {}
    words = words.get(lang, words.get("en")) or ["(?!)"]
    before = r"(?:(?P<comma>[,;])\s*|\s)" if lang in (
        _RULES().get("link_contrast_no_comma") or ()) else r"(?P<comma>[,;])\s*"
    return re.compile(before + "(?:" + "|".join(words) + r")(?:(?<=['’])|(?!\w))", re.I | re.U)


def _supply_before(text: str, x: dict, mentions: list[tuple[int, dict]]) -> bool:
    """With one mineral in the sentence, a word of supply, trade or demand a few words
    before the country (``link_far_supply_words`` words back) makes it the mineral's
    however far they stand ("..., particularly with the increasing demand from China",
    "... ростом объемов производства на российских активах")."""
    n = int(_RULES().get("link_far_supply_words") or 0)
    if not n or len({m["mineral"] for _i, m in mentions}) > 1:
        return False
    words = _WORD.findall(text[max(0, x["start"] - 80):x["start"]])[-n:]
    return any(_STEMS_RE("link_contrast_supply_words").match(w) for w in words)


@lru_cache(maxsize=8)
def _VENUE(lang: str) -> re.Pattern:  # noqa: N802 (a compiled constant)
    """A meeting's noun, a preposition and an article of ``lang`` right before a country
    (``link_venue_before``, case as written)."""
    words = (_RULES().get("link_venue_before") or {}).get(lang) or ["(?!)"]
    return re.compile("|".join(f"(?:{w})" for w in words), re.U)


@lru_cache(maxsize=8)
def _SOURCE(lang: str) -> tuple[re.Pattern, re.Pattern]:  # noqa: N802 (compiled constants)
    words = (_RULES().get("link_source_before") or {}).get(lang) or ["(?!)"]
    after = _RULES().get("link_source_after") or ["(?!)"]
    return (re.compile("|".join(f"(?:{w})" for w in words), re.U),
            re.compile("|".join(f"(?:{w})" for w in after), re.U))


def _source_country(text: str, x: dict, lang: str) -> bool:
    """The country is only where a study or a report comes from ("a study from the
    Netherlands", "a Swiss research group"): ``link_source_before``/``link_source_after``."""
    before, after = _SOURCE(lang)
    if before.search(text[max(0, x["start"] - 60):x["start"]]):
        return True
    return is_demonym(x["text"]) and bool(after.match(text, x["end"]))


def _venue_before(text: str, x: dict, lang: str) -> bool:
    """The country is where a meeting is held ("Auf einer Konferenz in Kanada sagte der
    Chef, ..."), written right after the meeting's noun and a preposition."""
    return bool(_VENUE(lang).search(text[max(0, x["start"] - 60):x["start"]]))


@lru_cache(maxsize=8)
def _origin_words(lang: str) -> re.Pattern:
    """A word of origin and an optional article of ``lang`` right before a country
    (``link_origin_words``)."""
    words = (_RULES().get("link_origin_words") or {}).get(lang) or ["(?!)"]
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")\s*$", re.I | re.U)


def _origin_before(text: str, x: dict, mentions: list[tuple[int, dict]], lang: str) -> bool:
    """With one mineral in the sentence, a country right after a word of origin in a
    sentence whose verb, before the country, says where the mineral comes from or is
    sourced (``link_origin_verbs``) is where it comes from however far it stands ("Ein
    Großteil des Kupfers, das in deutschen Kabelwerken verarbeitet wird, kommt über
    Rotterdam aus Südamerika, vor allem aus Chile")."""
    if len({m["mineral"] for _i, m in mentions}) > 1:
        return False
    word, verb = _origin_words(lang), _STEMS_RE("link_origin_verbs")
    start = mentions[0][1].get("sent_start", 0)
    if not word.search(text[max(start, x["start"] - 20):x["start"]]):
        return False
    # the verb within a link's reach of the mineral in words, asides and all, and no
    # "but" between them: its subject's or object's ("palladium producer, is not under
    # sanctions, but ... the company's access to equipment traditionally sourced from the
    # US" is the equipment's)
    reach = _RULES()["max_link_distance"]
    for v in verb.finditer(text, start, x["start"]):
        for _i, m in mentions:
            lo, hi = (m["end"], v.start()) if m["end"] <= v.start() else (v.end(), m["start"])
            if len(_WORD.findall(text, lo, hi)) <= reach and \
                    not _WORDS_RE("link_origin_breaks").search(text, lo, hi):
                return True
    return False


def _contrast_clause_start(text: str, mentions: list[tuple[int, dict]],
                           lang: str) -> int | None:
    """Where a clause starts that a contrastive word opens after every mineral of the
    sentence and that says something else (``link_contrast_openers``: long, no number,
    no word of ``link_contrast_supply_words``: "Gold prices rose, while in Japan the
    central bank left rates unchanged"); None when there is none."""
    last = max(m["end"] for _i, m in mentions)
    end = mentions[0][1].get("sent_end", len(text))
    opener = _contrast_opener(lang).search(text, last, end)
    if opener is None:
        return None
    stop = text.find(";", opener.end(), end)
    clause = text[opener.end():stop if stop >= 0 else end]
    if opener.group("comma") is None and not _STEMS_RE("link_contrast_off_topic").search(clause):
        return None   # with no comma, only a clause naming another topic ("... mientras
        # en Japón el banco central mantuvo los tipos"), not "while Chile and Argentina
        # kept expanding their brine operations"
    if re.search(r"\d", clause) or _STEMS_RE("link_contrast_supply_words").search(clause) or \
            len(_WORD.findall(clause)) < int(_RULES().get("link_contrast_min_words") or 10**6):
        return None
    return opener.start()


@lru_cache(maxsize=8)
def _moved_to(lang: str) -> re.Pattern:
    """A word of ``lang`` that sends a mineral to a country or brings it from one, right
    before the country."""
    def alternation(key):
        words = _RULES()[key].get(lang, _RULES()[key]["en"])
        return "|".join(sorted(map(re.escape, words), key=len, reverse=True)) or "(?!)"
    article = rf"(?:(?:{alternation('link_moved_articles')})\s+)?"
    # "para a Europa e o Japão": a place in the list before the country may not be one
    joiners = "|".join(map(re.escape, _RULES()["list_and"]))
    joined = rf"(?:[^\W\d]+\s+){{1,3}}(?:{joiners})\s+{article}"
    return re.compile(rf"(?<!\w)(?:{alternation('link_moved_words')})\s+{article}"
                      rf"(?:{joined})?$", re.I | re.U)


def _moved_countries(text: str, countries: list[dict], lang: str,
                     mentions: list[tuple[int, dict]] = ()) -> set[int]:
    """ids of the countries written after a "to"/"from" word, and of those listed with
    one ("to China and Japan"), but not one that a verb joins to a mineral after it: it
    opens a clause of its own as its subject ("liefert Eisenerz nach China, und
    Australien exportiert Lithium nach Japan")."""
    moved: set[int] = set()
    ordered = sorted(countries, key=lambda x: x["start"])
    starts = sorted(m["start"] for _i, m in mentions)
    ends = {m["end"] for _i, m in mentions}
    for k, x in enumerate(ordered):
        # an adjective of a country right after the mineral qualifies it ("del cobalto
        # congoleño y del litio chileno", "du nickel russe")
        if x["text"][:1].islower() and any(
                e <= x["start"] and not text[e:x["start"]].strip() for e in ends):
            moved.add(id(x))
            continue
        if (_moved_to(lang).search(text, max(0, x["start"] - 30), x["start"]) or (
                k and id(ordered[k - 1]) in moved and
                _list_gap().fullmatch(text[ordered[k - 1]["end"]:x["start"]]))) and \
                not _subject_of_next(text, x, starts):
            moved.add(id(x))
    return moved


@lru_cache(maxsize=1)
def _SUBJECT_GAP() -> re.Pattern:  # noqa: N802 (a compiled constant)
    n = int(_RULES().get("link_subject_verb_words", 0))
    return re.compile(rf"\s+(?:[^\W\d]+\s+){{1,{n}}}" if n else "(?!)", re.U)


def _subject_of_next(text: str, x: dict, starts: list[int]) -> bool:
    """Only words, a verb's few, stand between the country and the next mineral named
    after it ("Australien exportiert Lithium"): the country is that clause's subject."""
    nxt = next((s for s in starts if s >= x["end"]), None)
    if nxt is None or not _SUBJECT_GAP().fullmatch(text, x["end"], nxt):
        return False
    # "to China and zinc to Japan": a list goes on, no verb; "in Chile fell and zinc":
    # a verb, but of the country's own clause
    words = [w.lower() for w in text[x["end"]:nxt].split()]
    return not (set(words) & list_joiners()) and \
        words[0] not in (_RULES().get("link_list_continuers") or ())


def without_names(mentions: list[dict], entities: list[dict], lang: str,
                  text: str = "") -> list[dict]:
    """Mentions that are not inside a person's name ("Sheldon Silver", "Nate Silver"),
    where the English model found the person (its labels on other languages are noise).
    A mention written in lower case is no name whatever the label ("150,000 tonnes of
    alumina shipments", where the model saw a PERSON), nor is one followed by its own
    chemical symbol (``lexicon.own_symbol_follows``: "Holmium (Ho) oxide", "Uranium (U3O8)";
    not "Dan Silver (R)")."""
    if lang != "en":
        return mentions
    people = [(e["start"], e["end"]) for e in entities if e["label"] == "PERSON"]
    return [m for m in mentions
            if not m["surface"][:1].isupper() or
            own_symbol_follows(text, m["end"], (m["mineral"],)) or
            _trade_noun_follows(text, m, people) or
            not any(s <= m["start"] and m["end"] <= e for s, e in people)]


def _trade_noun_follows(text: str, m: dict, people: list[tuple[int, int]]) -> bool:
    """A "person" that is the mention alone, with a noun of its trade right after it
    (``person_label_trade_nouns``: "Coal export revenue reached $9.1 billion", where the
    model saw a PERSON in the sentence's first word): the mineral, not a name ("Silver
    said", "Nate Silver" stay names)."""
    if (m["start"], m["end"]) not in people:
        return False
    nxt = _NEXT_WORDS.match(text, m["end"])
    return bool(nxt) and nxt.group(1).lower() in _person_trade_nouns()


@lru_cache(maxsize=1)
def _person_trade_nouns() -> frozenset:
    return frozenset(str(w).lower() for w in _RULES().get("person_label_trade_nouns") or [])


# Words before a country that make it the origin or the target of imports, not the
# government imposing a measure on them ("duties on imports from Russia").
_TARGET = re.compile(r"(?:\b(?:from|on|against|of|de|aus|gegen|auf|из|против|на)\s+(?:the\s+)?"
                     r"|\b(?:des|du|do|da|dos|das|del)\s+)$", re.I | re.U)


def event_rows(events: list[dict], in_sent: list[dict], text: str = "",
               sentence: tuple[int, int] | None = None) -> list[dict]:
    """A mention's events with their country: for a government's measure the first
    country named before the trigger (the actor, the sentence's subject) else the
    nearest, for other types the country nearest to the trigger (the place); null when
    the sentence names none (as the labels do: a passage's country carried over scored
    worse on dev); one per type. An import measure with no actor before its trigger
    takes no country that its imports come from or that it targets ("35% duties on
    imports of palladium from Russia": Russia is not the government acting), nor a
    demonym ("Chinese graphite"). Beside the countries named, a capital stands for its
    government ("Beijing tightened export controls on graphite": CN; "Москва запретила
    экспорт урана в США": RU, the actor before the trigger) or names the event's place
    (events.capital_countries, over ``sentence``'s span); a capital told as a place
    ("after talks in Beijing") is never a measure's actor."""
    named = [x for x in in_sent if x.get("normalized")]
    if sentence and events:
        named = sorted(named + [c for c in capital_countries(text, *sentence)
                                if not any(x["start"] <= c["start"] < x["end"] for x in named)],
                       key=lambda x: x["start"])
    out, seen = [], set()
    for e in events:
        if e["type"] in seen:
            continue
        seen.add(e["type"])
        acting = e["type"] in acting_government_types()
        countries = [c for c in named if not (acting and c.get("place"))]
        actors = [x for x in countries if x["start"] < e["trigger"]] \
            if acting else []
        candidates = countries
        if e["type"] == "import_measure" and not actors:
            candidates = [x for x in countries if x.get("label") != "NORP" and
                          not _TARGET.search(text[max(0, x["start"] - 12):x["start"]])]
        if not acting and len(candidates) > 1:
            # a company's nationality is not the event's place when the sentence names
            # another country ("Australian miner BHP said a strike halted its mine in Chile")
            candidates = [x for x in candidates if not company_nationality(
                text, x["start"], x["end"])] or candidates
        if actors:   # the government's measure: the sentence's first country, its subject
            near = actors[0]
        else:
            near = min(candidates, key=lambda x: abs(x["start"] - e["trigger"]), default=None)
        out.append({"type": e["type"], "direction": e["direction"],
                    "country": near["normalized"] if near else None})
    return out


def _reindexed_clauses(figures: list[dict], tagged: list[dict], kept: list[dict]) -> list[dict]:
    """The figures with their ``clause_mentions`` indexing ``kept``: tag_doc numbers the
    mentions before the names are dropped (``without_names``), so once a name before a
    figure is dropped ("Alumina prices averaged ..." read as a person), each later index
    would name the next mention, or none, and lose a figure ("expects to produce 5.1Mt of
    alumina")."""
    if len(kept) == len(tagged):
        return figures
    kept_ids = {id(m) for m in kept}
    new_index: dict[int, int] = {}
    for i, m in enumerate(tagged):
        if id(m) in kept_ids:
            new_index[i] = len(new_index)
    out = []
    for f in figures:
        clause = f.get("clause_mentions")
        if isinstance(clause, list):
            # (when the clause's only mentions were names, the parse says nothing of the
            # kept ones: the sentence's mentions decide, as without a parse)
            remapped = [new_index[i] for i in clause if i in new_index]
            f = {**f, "clause_mentions": remapped if remapped or not clause else None}
        out.append(f)
    return out


def build_row(article: dict, entities: list[dict], tagged: dict, *, ingested_at,
              run_id: str, duplicate_of: str | None = None) -> dict:
    text = article.get("text") or ""
    tagged_mentions = tagged.get("mentions", [])
    mentions = without_names(tagged_mentions, entities, article.get("language") or "en", text)
    fig_owner = assign_figures(text, mentions,
                               _reindexed_clauses(tagged.get("figures", []), tagged_mentions,
                                                  mentions))
    by_sentence: dict[int, list] = {}
    for i, m in enumerate(mentions):
        by_sentence.setdefault(m["sent_start"], []).append((i, m))
    links: dict[int, list] = {}
    for sent_mentions in by_sentence.values():
        s, e = sent_mentions[0][1]["sent_start"], sent_mentions[0][1]["sent_end"]
        in_sent = [x for x in entities if s <= x["start"] and x["end"] <= e]
        links.update(sentence_links(text, sent_mentions, in_sent,
                                    article.get("language") or "en"))
    minerals = []
    for i, m in enumerate(mentions):
        s, e = m["sent_start"], m["sent_end"]
        in_sent = [x for x in entities if s <= x["start"] and x["end"] <= e]
        minerals.append({
            "mineral": m["mineral"], "surface": m["surface"], "start": m["start"],
            "end": m["end"], "sentence": text[s:e].strip(),
            "countries": links.get(i, []),
            "organizations": _distinct(x["text"] for x in in_sent
                                       if x["label"] == "ORG" and not x["normalized"]),
            "events": event_rows(m.get("events") or [], in_sent, text, (s, e)),
            "figures": [{"value": f["value"], "unit": f["unit"], "kind": f["kind"],
                         "quote": f["quote"], "year": f.get("year")}
                        for f in fig_owner.get(i, [])],
        })
    settle_directions(minerals, article_year(article.get("published_at")), text)
    return {
        "article_id": article["article_id"],
        "url": article["url"],
        "canonical_url": article.get("canonical_url"),
        "feed_url": article.get("feed_url"),
        "source": article.get("source"),
        "title": article.get("title"),
        "authors": article.get("authors") or [],
        "published_at": article.get("published_at"),
        "fetched_at": article.get("fetched_at"),
        "ingested_at": ingested_at,
        "language": article.get("language"),
        "summary": article.get("summary"),
        "text": text,
        "text_source": article.get("text_source"),
        "word_count": len(text.split()),
        "duplicate_of": duplicate_of,
        "content_signature": article.get("content_signature"),
        "entities": entities,
        "minerals": minerals,
        "mineral_ids": _distinct(m["mineral"] for m in mentions),
        "country_codes": _distinct(x["normalized"] for x in entities),
        "pipeline_version": PIPELINE_VERSION,
        "run_id": run_id,
    }
