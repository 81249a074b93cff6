"""Feeds and pages for the tests, written for this project (facts from public news)."""
from __future__ import annotations

from html import escape

BOLIVIA = [
    "Bolivia's state lithium company YLB said on Tuesday it would open a new round of "
    "bidding for direct lithium extraction plants on the Uyuni salt flat.",
    "The Andean country holds an estimated 23 million metric tons of lithium resources, "
    "the largest identified total in the world, according to the U.S. Geological Survey.",
    "Chinese and Russian companies signed earlier agreements worth $1.4 billion to build "
    "pilot plants, but output has stayed small.",
    "Officials said the plants could eventually produce 25,000 tonnes of lithium carbonate "
    "a year, enough to make Bolivia a real supplier to battery makers.",
]

MYANMAR = [
    "Tin prices rose 4% on the London Metal Exchange on Monday after authorities in "
    "Myanmar extended a halt at the country's largest tin mine.",
    "Myanmar supplied around 10% of the world's mined tin before the suspension, and "
    "Chinese smelters rely on its concentrate.",
    "Indonesia, the biggest exporter of refined tin, also reported delayed shipments "
    "this month.",
    "Traders said stocks in exchange warehouses had fallen to their lowest level in "
    "two years.",
]

# A full article carried in the feed itself (150+ words), so it is not fetched.
CHILE = [
    "Chile remained the world's largest copper producer last year, mining about 5.3 million "
    "metric tons of the red metal, while neighbouring Peru held second place.",
    "The state company Codelco said output at its older underground mines kept falling as "
    "ore grades declined, and it is spending heavily to extend their lives.",
    "Analysts at several banks expect demand for copper to rise as power grids are "
    "rebuilt and electric vehicles spread, because each car uses several times more "
    "copper than one with a combustion engine.",
    "Mining companies have warned that new projects take more than a decade to move "
    "from discovery to production, and that permits and water supply are the main "
    "obstacles in the Atacama desert.",
    "The government has promised faster permits, and it says royalties from larger "
    "mines will fund regional development in the north of the country, where most of "
    "the deposits lie and where communities have long asked for a greater share.",
    "Chilean officials also want more refining at home instead of shipping concentrate "
    "abroad for smelting in China and Japan.",
]

OFF_TOPIC = [
    "The home side took the lead early in the second half and held on to win the cup "
    "final, adding another gold medal to the club's collection.",
    "Fans said the result was a silver lining after a difficult season.",
]


def page_html(title: str, paragraphs: list[str], canonical: str | None = None) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    canon = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{escape(title)}</title>
{canon}<script>var tracker = "analytics-snippet";</script><style>.nav {{color: red}}</style>
</head><body>
<nav class="nav"><a href="/">Home</a> <a href="/markets">Markets</a> <a href="/s">Subscribe</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies.</div>
<article><h1>{escape(title)}</h1><p class="byline">By Ana Torres</p>
{body}
</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Celebrity chef opens bakery</a></li></ul></aside>
<footer>Copyright Example News Group. All rights reserved. Privacy policy.</footer>
</body></html>"""


def rss(title: str, items: list[dict]) -> str:
    """items: {title, link, description, content (optional), pubDate}."""
    parts = []
    for it in items:
        content = (f"<content:encoded><![CDATA[{it['content']}]]></content:encoded>"
                   if it.get("content") else "")
        parts.append(f"""<item><title>{escape(it['title'])}</title>
<link>{escape(it['link'])}</link><guid>{escape(it['link'])}</guid>
<pubDate>{it.get('pubDate', 'Tue, 04 Mar 2025 10:00:00 GMT')}</pubDate>
<description>{escape(it.get('description', ''))}</description>{content}</item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>{escape(title)}</title><link>https://news.example.org/</link>
<description>Test feed</description>
{''.join(parts)}
</channel></rss>"""


def atom(title: str, entries: list[dict]) -> str:
    parts = []
    for e in entries:
        parts.append(f"""<entry><title>{escape(e['title'])}</title>
<link href="{escape(e['link'])}"/><id>{escape(e['link'])}</id>
<updated>{e.get('updated', '2025-03-05T09:00:00Z')}</updated>
<summary>{escape(e.get('summary', ''))}</summary></entry>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(title)}</title>
<id>urn:test:{escape(title)}</id><updated>2025-03-05T09:00:00Z</updated>
{''.join(parts)}
</feed>"""


def paragraphs_html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


# What the extraction tests compare of a stored row (``analyse`` of conftest.py)
def row_figures(row) -> set:
    """(mineral, value) of every figure, the value rounded to four places."""
    return {(m["mineral"], round(f["value"], 4)) for m in row["minerals"] for f in m["figures"]}


def row_figure_list(row) -> list:
    """(mineral, value) of every figure, sorted, repeats kept."""
    return sorted((m["mineral"], f["value"]) for m in row["minerals"] for f in m["figures"])


def row_events(row) -> set:
    """(mineral, type) of every supply event."""
    return {(m["mineral"], e["type"]) for m in row["minerals"] for e in m.get("events") or []}


def row_directed_events(row) -> set:
    """(mineral, type, direction) of every supply event."""
    return {(m["mineral"], e["type"], e["direction"]) for m in row["minerals"]
            for e in m.get("events") or []}
