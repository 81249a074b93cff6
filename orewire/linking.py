"""Assemble the ``articles`` row: entities, mineral mentions, and their links.

A mineral mention is linked to the countries and organisations named in its sentence and
to the figures of that sentence that sit nearest to it (a figure goes to one mineral).
"""
from __future__ import annotations

import re

from orewire import PIPELINE_VERSION
from orewire.countries import COUNTRY_LABELS, CountryMatcher, code_for


def entities_from_doc(doc, country_matcher: CountryMatcher, lang: str | None = "en") -> list[dict]:
    """NER entities (countries normalised to ISO2) plus country terms NER missed."""
    ents = []
    orgs = []
    for e in doc.ents:
        # The small model sometimes labels a bare demonym ORG ("Kazakh"): an entity whose
        # whole text is a country term is that country whatever its label.
        normalized = code_for(e.text) if e.label_ in COUNTRY_LABELS or e.label_ == "ORG" \
            else None
        label = "NORP" if normalized and e.label_ == "ORG" else e.label_
        ents.append({"text": e.text, "label": label, "start": e.start_char,
                     "end": e.end_char, "normalized": normalized})
        if label == "ORG":
            orgs.append((e.start_char, e.end_char))
    covered = [(x["start"], x["end"]) for x in ents if x["normalized"]]
    people = [(x["start"], x["end"]) for x in ents if x["label"] == "PERSON"]
    for start, end, text, code in country_matcher.find(doc, lang):
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
    return ents


def tag_doc(doc, mineral_matcher, find_figures, lang: str | None = "en") -> dict:
    """Mineral mentions with their sentence spans, and figures of those sentences."""
    mentions = mineral_matcher.find(doc)
    out_mentions, figures, seen_sents = [], [], set()
    for m in mentions:
        sent = doc[m.token_start].sent
        out_mentions.append({"mineral": m.mineral, "surface": m.surface, "start": m.start,
                             "end": m.end, "sent_start": sent.start_char,
                             "sent_end": sent.end_char})
        if sent.start_char not in seen_sents:
            seen_sents.add(sent.start_char)
            for f in find_figures(sent.text, lang):
                figures.append({"value": f.value, "unit": f.unit, "kind": f.kind,
                                "quote": f.quote, "start": sent.start_char + f.start,
                                "end": sent.start_char + f.end,
                                "sent_start": sent.start_char})
    return {"mentions": out_mentions, "figures": figures}


def _distinct(items):
    return list(dict.fromkeys(i for i in items if i))


MAX_LINK_DISTANCE = 26  # words, a clause break counting six

_PUNCT = re.compile(r"[,;:()\[\]—–]|\s-\s")
_WORD = re.compile(r"\w+")
_OF = re.compile(r"\s*(?:of|de|d['’]|des|del|do|da|an)?\s*(?:the\s+|la\s+|le\s+)?"
                 r"(?:\w+\s+)?", re.I)
_LIST_GAP = re.compile(r"\s*(?:,|and|or|&|/|y|e|et|und|и)?\s*(?:,|and|or|y|e|et|und|и)?\s*",
                       re.I)


def distance(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """Words between two spans, each clause break (comma, dash, bracket) counting six."""
    lo, hi = (a[1], b[0]) if a[0] <= b[0] else (b[1], a[0])
    between = text[lo:hi] if hi > lo else ""
    return len(_WORD.findall(between)) + 6 * len(_PUNCT.findall(between))


def figure_owner(text: str, fig: dict, mentions: list[dict], candidates: list[int]) -> int:
    """The mention a figure is about: the nearest, a mention after the figure counting four
    words more ("Palladium output could fall 11% to 2.4 million ounces, whilst platinum")."""
    def cost(i):
        m = mentions[i]
        if m["start"] >= fig["end"] and _OF.fullmatch(text[fig["end"]:m["start"]]):
            return -1  # "18,125 metric tons of cobalt", "30 millones de toneladas de fosfato"
        return distance(text, (m["start"], m["end"]), (fig["start"], fig["end"])) + \
            (4 if m["start"] >= fig["end"] else 0)
    return min(candidates, key=cost)


def sentence_links(text: str, mentions: list[dict], in_sent: list[dict]) -> dict[int, list]:
    """Countries each mention of one sentence is linked to.

    With one mineral (or one country) in the sentence every pair is linked; with several
    of each, a country goes to its nearest mineral ("lithium from Chile, cobalt from the
    DRC and, for nickel, Indonesia").
    """
    # In a long sentence a country far from every mention of the mineral is rarely what
    # the sentence says about it ("... palladium producer, is not under sanctions, but
    # penalties imposed on Russia since troops went into Ukraine ...").
    countries = [x for x in in_sent if x["normalized"] and min(
        distance(text, (m["start"], m["end"]), (x["start"], x["end"]))
        for _i, m in mentions) <= MAX_LINK_DISTANCE]
    minerals = {m["mineral"] for _i, m in mentions}
    codes = {x["normalized"] for x in countries}
    if len(minerals) <= 1 or len(codes) <= 1:
        return {i: _distinct(x["normalized"] for x in countries) for i, _m in mentions}
    # Minerals listed together ("antimony, gallium, germanium and tin") share their links.
    group_of: dict[int, int] = {}
    ordered = sorted(mentions, key=lambda im: im[1]["start"])
    group = 0
    for k, (i, m) in enumerate(ordered):
        if k and not _LIST_GAP.fullmatch(text[ordered[k - 1][1]["end"]:m["start"]]):
            group += 1
        group_of[i] = group
    links: dict[int, list] = {i: [] for i, _m in mentions}
    for x in countries:
        best = min(mentions, key=lambda im: distance(text, (im[1]["start"], im[1]["end"]),
                                                     (x["start"], x["end"])))
        nearest_group = group_of[best[0]]
        for i, _m in mentions:
            if group_of[i] == nearest_group and x["normalized"] not in links[i]:
                links[i].append(x["normalized"])
    return links


def build_row(article: dict, entities: list[dict], tagged: dict, *, ingested_at,
              run_id: str, duplicate_of: str | None = None) -> dict:
    text = article.get("text") or ""
    mentions = tagged.get("mentions", [])
    # Each figure goes to the nearest mention in its sentence.
    fig_owner: dict[int, list[dict]] = {}
    for fig in tagged.get("figures", []):
        same = [i for i, m in enumerate(mentions) if m["sent_start"] == fig["sent_start"]]
        if same:
            fig_owner.setdefault(figure_owner(text, fig, mentions, same), []).append(fig)
    by_sentence: dict[int, list] = {}
    for i, m in enumerate(mentions):
        by_sentence.setdefault(m["sent_start"], []).append((i, m))
    links: dict[int, list] = {}
    for sent_mentions in by_sentence.values():
        s, e = sent_mentions[0][1]["sent_start"], sent_mentions[0][1]["sent_end"]
        in_sent = [x for x in entities if s <= x["start"] and x["end"] <= e]
        links.update(sentence_links(text, sent_mentions, in_sent))
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
            "figures": [{"value": f["value"], "unit": f["unit"], "kind": f["kind"],
                         "quote": f["quote"]} for f in fig_owner.get(i, [])],
        })
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
