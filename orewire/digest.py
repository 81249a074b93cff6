"""What is new: the items a scheduled job would mail and an alerting hook would take.

    orewire digest                                  # the last 7 days, as text
    orewire digest --since 7d --format json         # the same, as JSON
    orewire digest --since 2025-03-01 --until 2025-03-08 --warehouse news.duckdb

Against the window (``--since`` up to ``--until``, default now) and the four weeks (28 days)
before it, the digest lists:

- **new links**: a country and a mineral stated in one sentence in the window and never in
  the four weeks before;
- **supply events** (``minerals[].events``): export restrictions first (new or lifted),
  then the other types, one item per story, mineral and event type;
- **surges**: minerals named by at least 3 stories in the window and by more than twice
  their mean count over a window's length of the four weeks before (for a 7-day window:
  more than twice their mean weekly count).

Every item carries the sentence that states it and the article's link. A story is an
article and its syndicated copies (``duplicate_of``): a copy never makes a second item,
its original's row is quoted where it is in the window, and a copy whose original was
stored before the window is not news. Articles are placed in time by ``published_at``
(``ingested_at`` when the feed gave no date). All numbers come from SQL in BigQuery
Standard SQL run through :func:`orewire.query.run_sql`, as the report's do.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field

from orewire.query import run_sql

BASELINE_DAYS = 28
SURGE_FACTOR = 2.0
SURGE_MIN_STORIES = 3
SURGE_EXAMPLES = 3
ARTICLE_TIME = "COALESCE(a.published_at, a.ingested_at)"
# Export restrictions lead; the other types follow in the design's order.
EVENT_ORDER = ("export_restriction", "import_measure", "disruption", "policy", "discovery",
               "project_milestone", "deal", "investment", "production", "price")
EVENT_WORDS = {
    "export_restriction": "export restriction", "import_measure": "import measure",
    "discovery": "discovery", "production": "production", "disruption": "disruption",
    "project_milestone": "project milestone", "deal": "deal", "investment": "investment",
    "price": "price", "policy": "policy"}


@dataclass
class Window:
    start: dt.datetime
    end: dt.datetime

    @property
    def baseline_start(self) -> dt.datetime:
        return self.start - dt.timedelta(days=BASELINE_DAYS)

    @property
    def days(self) -> float:
        return max((self.end - self.start).total_seconds() / 86400, 1e-9)


def make_window(since: dt.date | None, until: dt.datetime | None = None,
                days: int = 7) -> Window:
    """The window from ``since`` (a day, UTC midnight) to ``until`` (default: now); without
    ``since``, the ``days`` before ``until``."""
    end = until or dt.datetime.now(dt.timezone.utc)
    if end.tzinfo is None:
        end = end.replace(tzinfo=dt.timezone.utc)
    if since is None:
        start = end - dt.timedelta(days=days)
    else:
        start = dt.datetime.combine(since, dt.time(), dt.timezone.utc)
    return Window(start, end)


def _ts(value: dt.datetime) -> str:
    # A datetime we made: safe to write into the statement as a literal.
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def window_articles_cte(w: Window, start: dt.datetime | None = None) -> str:
    """Articles from ``start`` (default the window's) to the window's end, each with its
    story id, leaving out copies whose original was stored before ``start``: old news
    again. A copy whose original is in range stays, under the original's story id."""
    start = start or w.start
    return f"""stored AS (
  SELECT a.article_id, a.url, a.title, a.source, a.minerals, a.mineral_ids,
         COALESCE(a.duplicate_of, a.article_id) AS story,
         a.duplicate_of IS NOT NULL AS is_copy,
         {ARTICLE_TIME} AS seen_at
  FROM articles AS a
  LEFT JOIN articles AS o ON o.article_id = a.duplicate_of
  WHERE {ARTICLE_TIME} >= TIMESTAMP('{_ts(start)}')
    AND {ARTICLE_TIME} < TIMESTAMP('{_ts(w.end)}')
    AND (o.article_id IS NULL
         OR COALESCE(o.published_at, o.ingested_at) >= TIMESTAMP('{_ts(start)}'))
)"""


def new_links_sql(w: Window) -> str:
    return f"""WITH {window_articles_cte(w, w.baseline_start)},
links AS (
  SELECT DISTINCT s.story, s.is_copy, s.seen_at, s.article_id, s.title, s.url, s.source,
         m.mineral, country, m.sentence, m.start
  FROM stored AS s
  CROSS JOIN UNNEST(s.minerals) AS m
  CROSS JOIN UNNEST(m.countries) AS country
),
before AS (
  SELECT DISTINCT mineral, country FROM links
  WHERE seen_at < TIMESTAMP('{_ts(w.start)}')
),
recent AS (
  SELECT l.* FROM links AS l
  LEFT JOIN before AS b ON b.mineral = l.mineral AND b.country = l.country
  WHERE l.seen_at >= TIMESTAMP('{_ts(w.start)}') AND b.mineral IS NULL
),
counted AS (
  SELECT mineral, country, COUNT(DISTINCT story) AS stories FROM recent
  GROUP BY mineral, country
),
first_seen AS (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY mineral, country
                               ORDER BY is_copy, seen_at, url, start) AS rn
  FROM recent
)
SELECT f.mineral, f.country, c.stories, f.sentence, f.title, f.url, f.source, f.seen_at,
       f.article_id
FROM first_seen AS f
JOIN counted AS c ON c.mineral = f.mineral AND c.country = f.country
WHERE f.rn = 1
ORDER BY f.mineral, f.country"""


def events_sql(w: Window) -> str:
    return f"""WITH {window_articles_cte(w)},
events AS (
  SELECT s.story, s.is_copy, s.seen_at, s.article_id, s.title, s.url, s.source,
         m.mineral, e.type AS event_type, e.direction, e.country, m.sentence, m.start
  FROM stored AS s
  CROSS JOIN UNNEST(s.minerals) AS m
  CROSS JOIN UNNEST(m.events) AS e
),
ranked AS (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY story, mineral, event_type
                               ORDER BY is_copy, direction IS NULL, seen_at, url,
                                        start) AS rn
  FROM events
)
SELECT mineral, event_type, direction, country, sentence, title, url, source, seen_at,
       article_id, story
FROM ranked
WHERE rn = 1
ORDER BY seen_at DESC, mineral, event_type, url"""


def surges_sql(w: Window) -> str:
    return f"""WITH {window_articles_cte(w, w.baseline_start)},
per_story AS (
  SELECT s.story, mineral, MIN(s.seen_at) AS first_seen
  FROM stored AS s
  CROSS JOIN UNNEST(s.mineral_ids) AS mineral
  GROUP BY s.story, mineral
)
SELECT mineral,
       COUNTIF(first_seen >= TIMESTAMP('{_ts(w.start)}')) AS stories,
       COUNTIF(first_seen < TIMESTAMP('{_ts(w.start)}')) AS stories_before
FROM per_story
GROUP BY mineral
HAVING COUNTIF(first_seen >= TIMESTAMP('{_ts(w.start)}')) >= {SURGE_MIN_STORIES}
ORDER BY stories DESC, mineral"""


def examples_sql(w: Window, minerals: list[str]) -> str:
    ids = ", ".join("'" + m.replace("'", "") + "'" for m in minerals) or "''"
    return f"""WITH {window_articles_cte(w)},
mentions AS (
  SELECT s.story, s.is_copy, s.seen_at, s.article_id, s.title, s.url, s.source,
         m.mineral, m.sentence, m.start
  FROM stored AS s
  CROSS JOIN UNNEST(s.minerals) AS m
  WHERE m.mineral IN ({ids})
),
per_story AS (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY story, mineral
                               ORDER BY is_copy, seen_at, url, start) AS rn
  FROM mentions
),
ranked AS (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY mineral ORDER BY seen_at DESC, url) AS pos
  FROM per_story WHERE rn = 1
)
SELECT mineral, sentence, title, url, source, seen_at, article_id
FROM ranked
WHERE pos <= {SURGE_EXAMPLES}
ORDER BY mineral, pos"""


@dataclass
class Digest:
    window_start: str
    window_end: str
    baseline_start: str
    new_links: list[dict] = field(default_factory=list)
    export_restrictions: list[dict] = field(default_factory=list)
    supply_events: list[dict] = field(default_factory=list)
    surges: list[dict] = field(default_factory=list)
    sql: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.new_links or self.export_restrictions or self.supply_events
                    or self.surges)

    def to_json(self) -> dict:
        out = asdict(self)
        out.pop("sql")
        return out


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")
    return str(value)


def _evidence(row: dict) -> dict:
    return {"sentence": row.get("sentence"), "title": row.get("title"),
            "url": row.get("url"), "source": row.get("source"),
            "published_at": _iso(row.get("seen_at")), "article_id": row.get("article_id")}


def collect_digest(warehouse: str, window: Window, *, runner=run_sql,
                   **query_kw) -> Digest:
    sql: dict[str, str] = {}

    def rows(name: str, statement: str) -> list[dict]:
        sql[name] = statement
        cols, values = runner(warehouse, statement, dialect="bigquery", **query_kw)
        return [dict(zip(cols, v)) for v in values]

    digest = Digest(_iso(window.start), _iso(window.end), _iso(window.baseline_start),
                    sql=sql)
    for r in rows("digest_new_links", new_links_sql(window)):
        digest.new_links.append({"mineral": r["mineral"], "country": r["country"],
                                 "stories": int(r["stories"]), **_evidence(r)})
    order = {t: i for i, t in enumerate(EVENT_ORDER)}
    events = rows("digest_supply_events", events_sql(window))
    events.sort(key=lambda r: (order.get(r["event_type"], len(order)),))  # stable: newest first
    for r in events:
        item = {"mineral": r["mineral"], "type": r["event_type"],
                "direction": r["direction"], "country": r["country"], **_evidence(r)}
        (digest.export_restrictions if r["event_type"] == "export_restriction"
         else digest.supply_events).append(item)
    ratio = window.days / BASELINE_DAYS
    for r in rows("digest_surges", surges_sql(window)):
        baseline = int(r["stories_before"]) * ratio  # mean per window-length before
        if int(r["stories"]) > SURGE_FACTOR * baseline:
            digest.surges.append({"mineral": r["mineral"], "stories": int(r["stories"]),
                                  "stories_before": int(r["stories_before"]),
                                  "mean_before": round(baseline, 2), "examples": []})
    if digest.surges:
        by_mineral = {s["mineral"]: s for s in digest.surges}
        for r in rows("digest_surge_examples", examples_sql(window, list(by_mineral))):
            by_mineral[r["mineral"]]["examples"].append(_evidence(r))
    return digest


# ---------------------------------------------------------------------- the text form
def _day(iso: str | None) -> str:
    return iso[:10] if iso else "undated"


def _quote(item: dict, indent: str = "    ") -> list[str]:
    sentence = " ".join((item.get("sentence") or "").split())
    out = [f'{indent}"{sentence}"'] if sentence else []
    out.append(f"{indent}{item.get('title') or '(untitled)'} - {item.get('source') or '?'}, "
               f"{_day(item.get('published_at'))}")
    if item.get("url"):
        out.append(f"{indent}{item['url']}")
    return out


def format_text(d: Digest, name=lambda m: m, country=lambda c: c) -> str:
    """The digest as plain text, for a mail; ``name`` and ``country`` label ids."""
    lines = [f"orewire digest: {_day(d.window_start)} to {_day(d.window_end)} "
             f"(against the four weeks from {_day(d.baseline_start)})", ""]
    if d.empty:
        lines.append("Nothing new in this window: no new country-mineral links, no supply "
                     "events, no mineral above its usual count.")
        return "\n".join(lines) + "\n"
    if d.new_links:
        # one item per sentence that states new links, not one per pair
        lines.append(f"New country-mineral links ({len(d.new_links)})")
        groups: dict[tuple, list[dict]] = {}
        for i in d.new_links:
            groups.setdefault((i["article_id"], i["sentence"]), []).append(i)
        for items in groups.values():
            per: dict[str, list[str]] = {}
            for i in items:
                per.setdefault(i["mineral"], []).append(country(i["country"]))
            lines.append("  * " + "; ".join(f"{name(m)} - {', '.join(cs)}"
                                            for m, cs in per.items()))
            lines += _quote(items[0])
        lines.append("")
    for title, items in (("Export restrictions", d.export_restrictions),
                         ("Other supply events", d.supply_events)):
        if not items:
            continue
        lines.append(f"{title} ({len(items)})")
        # minerals that share the sentence and the event are one item
        groups: dict[tuple, list[dict]] = {}
        for i in items:
            groups.setdefault((i["article_id"], i["sentence"], i["type"], i["direction"],
                               i["country"]), []).append(i)
        for same in groups.values():
            i = same[0]
            what = EVENT_WORDS.get(i["type"], i["type"])
            extra = ", ".join(x for x in (i.get("direction"),
                                          country(i["country"]) if i.get("country") else None)
                              if x)
            lines.append(f"  * {', '.join(name(x['mineral']) for x in same)}: {what}"
                         + (f" ({extra})" if extra else ""))
            lines += _quote(i)
        lines.append("")
    if d.surges:
        lines.append(f"Minerals in the news more than usual ({len(d.surges)})")
        for s in d.surges:
            lines.append(f"  * {name(s['mineral'])}: {s['stories']} stories, against "
                         f"{s['mean_before']:g} in a window of this length before")
            for ex in s["examples"]:
                lines += _quote(ex)
        lines.append("")
    return "\n".join(lines)


def format_json(d: Digest) -> str:
    return json.dumps(d.to_json(), ensure_ascii=False, indent=2)
