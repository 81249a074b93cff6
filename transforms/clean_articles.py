"""CleanArticles: RawArticles -> Articles (main text, title, authors, date, language).

Fetched pages go through trafilatura; feed-carried text was already cleaned from the
entry HTML by ReadFeeds. A page that yields no text falls back to the feed's own text,
and an article with no text at all is a dead letter.
"""
from __future__ import annotations

import apache_beam as beam

from orewire.cleaning import decode_html, detect_language, extract_page, looks_binary
from orewire.neardup import signature
from orewire.transforms.common import DEAD_LETTERS, counter, dead_letter

_CARRIED = ("article_id", "url", "feed_url", "source", "title", "authors", "published_at",
            "summary", "fetched_at", "text_source")


class NoText(ValueError):
    pass


def clean(raw: dict) -> dict:
    article = {k: raw.get(k) for k in _CARRIED}
    article["canonical_url"] = None
    text = raw.get("content_text") or ""
    if raw.get("page") is not None:
        ctype = raw.get("content_type") or ""
        if ctype and not any(t in ctype for t in ("html", "xml", "text")):
            raise NoText(f"page is {ctype}, not HTML")
        if not raw["page"].strip():
            page = {"text": "", "title": None, "authors": [], "date": None,
                    "canonical_url": None}
        else:
            html = decode_html(raw["page"], raw.get("charset"))
            if looks_binary(html):
                raise NoText("page body is binary, not HTML text")
            page = extract_page(html, raw.get("page_url") or raw.get("url"))
        # Characters, not words, compare the two texts: CJK text has no spaces.
        if page["text"] and (len(page["text"]) >= max(100, len(text))
                             or not raw.get("full_text")):
            text = page["text"]
        elif raw.get("full_text"):
            article["text_source"] = "feed"   # the feed's full text beats a thin page
        else:
            raise NoText("the page has no article text and the feed entry only a teaser")
        article["title"] = article["title"] or page["title"]
        article["authors"] = article["authors"] or page["authors"]
        article["published_at"] = article["published_at"] or page["date"]
        article["canonical_url"] = page["canonical_url"]
    if not text.strip():
        raise NoText("no article text in the feed entry or the page")
    fetched = article["fetched_at"]
    if article["published_at"] and fetched and article["published_at"] > fetched:
        article["published_at"] = fetched  # never a publication date in the future
    article["text"] = text
    article["language"] = detect_language(text)
    article["content_signature"] = signature(text)
    return article


class CleanArticleFn(beam.DoFn):
    def __init__(self):
        self.cleaned = counter("articles_cleaned")

    def process(self, raw: dict):
        try:
            article = clean(raw)
        except (NoText, ValueError) as err:
            yield beam.pvalue.TaggedOutput(DEAD_LETTERS, dead_letter(
                "clean_articles", raw.get("url"), err, feed_url=raw.get("feed_url"),
                article_id=raw.get("article_id"), payload=raw.get("title"), retryable=False))
        else:
            self.cleaned.inc()
            yield article


class CleanArticles(beam.PTransform):
    """RawArticles -> {"articles": Articles, "dead_letters": ...}."""

    def expand(self, raws):
        results = raws | "Clean" >> beam.ParDo(CleanArticleFn()).with_outputs(
            DEAD_LETTERS, main="articles")
        return {"articles": results.articles, DEAD_LETTERS: results[DEAD_LETTERS]}
