"""Assemble the ``articles`` row: entities, mineral mentions, and their links.

A mineral mention is linked to the countries and organisations named in its sentence and
to the figures of that sentence that sit nearest to it (a figure goes to one mineral).
"""
from __future__ import annotations

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
    for start, end, text, code in country_matcher.find(doc, lang):
        if any(s <= start and end <= e for s, e in covered):
            continue
        # A country inside an organisation's name ("U.S. Geological Survey") is not a
        # mention of the country, unless possessive ("China's Ministry of Commerce").
        in_org = any(s <= start and end <= e for s, e in orgs)
        if in_org and not doc.text[end:end + 2] in ("'s", "’s"):
            continue
        ents.append({"text": text, "label": "GPE", "start": start, "end": end,
                     "normalized": code})
    ents.sort(key=lambda x: (x["start"], x["end"]))
    return ents


def tag_doc(doc, mineral_matcher, find_figures) -> dict:
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
            for f in find_figures(sent.text):
                figures.append({"value": f.value, "unit": f.unit, "kind": f.kind,
                                "quote": f.quote, "start": sent.start_char + f.start,
                                "end": sent.start_char + f.end,
                                "sent_start": sent.start_char})
    return {"mentions": out_mentions, "figures": figures}


def _distinct(items):
    return list(dict.fromkeys(i for i in items if i))


def build_row(article: dict, entities: list[dict], tagged: dict, *, ingested_at,
              run_id: str, duplicate_of: str | None = None) -> dict:
    text = article.get("text") or ""
    mentions = tagged.get("mentions", [])
    # Each figure goes to the nearest mention in its sentence.
    fig_owner: dict[int, list[dict]] = {}
    for fig in tagged.get("figures", []):
        same = [i for i, m in enumerate(mentions) if m["sent_start"] == fig["sent_start"]]
        if not same:
            continue
        best = min(same, key=lambda i: min(abs(mentions[i]["start"] - fig["end"]),
                                           abs(fig["start"] - mentions[i]["end"])))
        fig_owner.setdefault(best, []).append(fig)
    minerals = []
    for i, m in enumerate(mentions):
        s, e = m["sent_start"], m["sent_end"]
        in_sent = [x for x in entities if s <= x["start"] and x["end"] <= e]
        minerals.append({
            "mineral": m["mineral"], "surface": m["surface"], "start": m["start"],
            "end": m["end"], "sentence": text[s:e],
            "countries": _distinct(x["normalized"] for x in in_sent),
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
