"""The analyst's report: one folder that opens offline in any current browser.

    orewire report --out report/                      # then open report/index.html
    orewire report --warehouse news.duckdb --since 2025-01-01 --out report/
    orewire report --since 30d --out report/          # the last 30 days
    orewire report --warehouse bigquery:PROJECT.DATASET --out report/

Every number comes from SQL written in BigQuery Standard SQL (the dialect of ``sql/``) and
run through :func:`orewire.query.run_sql`: translated for DuckDB, as is on BigQuery. The
statements are saved beside the page as ``queries.sql`` so an analyst can rerun them.

The folder holds ``index.html``, ``data.js`` (the query results), ``report.js`` (filters,
tables and CSV downloads, plain JavaScript), ``vega.js`` (Vega, Vega-Lite and Vega-Embed
from the pinned vl-convert-python, which draws the charts; specs built with Altair),
``world.js`` (country shapes: Natural Earth 1:110m through world-atlas 2.0.2) and
``NOTICE.txt`` (their sources and licences). Nothing is loaded from the network and
nothing needs a server: every script is a classic ``<script src>`` beside the page.

Filters by mineral, country, period and event type apply to every view the articles
feed: the article list, the stories timeline, the map, the trend table, mentions per
mineral, the supply-event timeline, figures, sources and the "what is new" section (whose
window is its own: the 7 days up to the newest article against the 28 before). Dead
letters follow the period only; runs are shown whole. A story is an article and its
syndicated copies (``duplicate_of``): copies are listed, marked, and never counted again.

Articles are placed in time by ``published_at`` (``ingested_at`` when the feed gave no
date); ``--since`` keeps articles from that day on, and dead letters that failed since then.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from urllib.parse import urlsplit

import pycountry

from orewire import PIPELINE_VERSION
from orewire import digest as digest_mod
from orewire.query import run_sql

# Files this module writes into the folder; the PNGs of the first edition are removed.
FILES = ("index.html", "report.css", "data.js", "report.js", "vega.js", "world.js",
         "queries.sql", "NOTICE.txt")
OLD_CHARTS = ("mentions_over_time", "country_mineral_heatmap", "critical_minerals",
              "top_sources", "dead_letters")
FIGURES_LIMIT = 5000
RUNS_LIMIT = 20
CATEGORIES = ("critical on both lists", "USGS 2025 list only", "EU 2023 list only",
              "on neither list")
EVENT_TYPES = digest_mod.EVENT_ORDER
# Display names where ISO's short name is long or ambiguous.
COUNTRY_DISPLAY = {"CD": "DR Congo", "CG": "Congo", "KR": "South Korea",
                   "KP": "North Korea", "RU": "Russia", "IR": "Iran", "VN": "Vietnam",
                   "LA": "Laos", "SY": "Syria", "TZ": "Tanzania", "VE": "Venezuela",
                   "BO": "Bolivia", "MD": "Moldova", "TW": "Taiwan", "XK": "Kosovo"}
# world-atlas shapes without an ISO numeric id, by their Natural Earth name.
SHAPES_WITHOUT_ID = {"Kosovo": "XK", "Somaliland": "SO"}
_RELATIVE_SINCE = re.compile(r"^(\d+)\s*([dw])$")


class ReportError(ValueError):
    """Unusable report arguments (a bad --since, an output path that is a file)."""


# ---------------------------------------------------------------------------- the SQL
ARTICLE_TIME = "COALESCE(a.published_at, a.ingested_at)"


def parse_since(text: str | None, today: dt.date | None = None) -> dt.date | None:
    """``2025-01-31`` or a relative ``30d`` / ``4w`` (days or weeks before today, UTC)."""
    if not text:
        return None
    text = text.strip()
    m = _RELATIVE_SINCE.match(text)
    if m:
        today = today or dt.datetime.now(dt.timezone.utc).date()
        days = int(m.group(1)) * (7 if m.group(2) == "w" else 1)
        return today - dt.timedelta(days=days)
    try:
        return dt.date.fromisoformat(text)
    except ValueError as err:
        raise ReportError(f"--since must be a date (YYYY-MM-DD) or a number of days or "
                          f"weeks (30d, 4w), not {text!r}") from err


def article_filter(since: dt.date | None) -> str:
    # The date went through date.fromisoformat: safe to write into the statement.
    return f"{ARTICLE_TIME} >= TIMESTAMP('{since.isoformat()}')" if since else "TRUE"


def overview_sql(since):
    return f"""SELECT COUNT(*) AS articles,
       COUNTIF(a.duplicate_of IS NULL) AS stories,
       COUNTIF(ARRAY_LENGTH(a.mineral_ids) > 0) AS on_topic,
       MIN({ARTICLE_TIME}) AS first_at,
       MAX({ARTICLE_TIME}) AS last_at,
       COUNT(DISTINCT a.source) AS sources
FROM articles AS a
WHERE {article_filter(since)}"""


def articles_sql(since):
    return f"""SELECT a.article_id, a.title, a.source, a.url,
       {ARTICLE_TIME} AS seen_at, a.published_at IS NULL AS undated, a.duplicate_of,
       a.mineral_ids, a.country_codes
FROM articles AS a
WHERE {article_filter(since)}
ORDER BY seen_at DESC, a.article_id"""


def links_sql(since):
    """Country-mineral links per article: a country stated in a sentence naming the
    mineral (sql/country_mineral_matrix.sql, per article)."""
    return f"""SELECT DISTINCT a.article_id, m.mineral, country
FROM articles AS a
CROSS JOIN UNNEST(a.minerals) AS m
CROSS JOIN UNNEST(m.countries) AS country
WHERE {article_filter(since)}"""


def events_sql(since):
    """sql/supply_events.sql per article: one row per article, mineral and event type,
    the latest direction stated; syndicated copies left out."""
    return f"""WITH mention_events AS (
  SELECT a.article_id, m.mineral, e.type AS event_type, e.direction, e.country,
         m.sentence,
         ROW_NUMBER() OVER (PARTITION BY a.article_id, m.mineral, e.type
                            ORDER BY e.direction IS NULL, m.start DESC) AS latest
  FROM articles AS a
  CROSS JOIN UNNEST(a.minerals) AS m
  CROSS JOIN UNNEST(m.events) AS e
  WHERE {article_filter(since)} AND a.duplicate_of IS NULL
)
SELECT article_id, mineral, event_type, direction, country, sentence
FROM mention_events
WHERE latest = 1
ORDER BY article_id, mineral, event_type"""


def figures_sql(since, limit: int = FIGURES_LIMIT):
    """Figures with their sentence, one row per story, mineral and figure (the original's
    row where the story was syndicated), newest first. The windows partition by the value
    as a string: BigQuery refuses a FLOAT64 in PARTITION BY (DuckDB and the emulator do
    not), and equal values cast to equal strings on both engines."""
    return f"""WITH stated AS (
  SELECT COALESCE(a.duplicate_of, a.article_id) AS story, a.article_id,
         a.duplicate_of IS NOT NULL AS is_copy, m.mineral, f.value, f.unit, f.kind,
         f.quote, f.year, m.sentence, m.countries, a.title, a.url, a.source,
         {ARTICLE_TIME} AS seen_at
  FROM articles AS a
  CROSS JOIN UNNEST(a.minerals) AS m
  CROSS JOIN UNNEST(m.figures) AS f
  WHERE {article_filter(since)} AND f.value IS NOT NULL
),
ranked AS (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY story, mineral, CAST(value AS STRING), unit,
                                            kind
                               ORDER BY is_copy, seen_at, url, quote) AS rn,
         COUNT(DISTINCT article_id) OVER (PARTITION BY story, mineral,
                                                       CAST(value AS STRING), unit,
                                                       kind) AS copies
  FROM stated
)
SELECT article_id, mineral, value, unit, kind, quote, year, sentence, countries, title,
       url, source, seen_at, copies
FROM ranked
WHERE rn = 1
ORDER BY seen_at DESC, mineral, quote
LIMIT {int(limit)}"""


def catalog_sql():
    return """SELECT k.id, k.name, k.mineral_group, k.usgs_critical_2025, k.eu_critical_2023,
       k.eu_strategic_2023
FROM mineral_catalog AS k
ORDER BY k.id"""


DEAD_LETTER_COLUMNS = "SELECT * FROM dead_letters LIMIT 0"


def dead_letters_sql(since, retries: bool = True):
    """Dead letters per stage, feed and error type as shown ('(no feed)', '' for none),
    with the most attempts any of them took and the latest error a retry met
    (``retries``: the table has ``attempts`` and ``last_error``, which a warehouse
    written before `orewire retry` counted attempts lacks until it is next written).
    The names are given in a CTE before grouping: in ``SELECT COALESCE(d.feed_url, ...)
    AS feed_url ... GROUP BY feed_url`` BigQuery groups by the alias and DuckDB by the
    column, which would make a missing feed or error type two rows there."""
    where = f"d.failed_at >= TIMESTAMP('{since.isoformat()}')" if since else "TRUE"
    retried = ("COALESCE(d.attempts, 1) AS attempts, d.last_error" if retries else
               "1 AS attempts, CAST(NULL AS STRING) AS last_error")
    return f"""WITH failed AS (
  SELECT d.stage, COALESCE(d.feed_url, '(no feed)') AS feed_url,
         COALESCE(d.error_type, '') AS error_type, d.error, d.source, d.retryable,
         d.resolved_at, d.failed_at, {retried}
  FROM dead_letters AS d
  WHERE {where}
)
SELECT stage, feed_url, error_type, MIN(error) AS example_error,
       MIN(source) AS example_source, COUNT(*) AS failures,
       COUNTIF(retryable) AS retryable, COUNTIF(resolved_at IS NOT NULL) AS resolved,
       MAX(failed_at) AS last_failed_at, MAX(attempts) AS attempts,
       MAX(last_error) AS last_error
FROM failed
GROUP BY stage, feed_url, error_type
ORDER BY failures DESC, stage, feed_url, error_type"""


def runs_sql(limit: int = RUNS_LIMIT):
    """The last runs, every column: the accounting (sql/runs_accounting.sql) is checked in
    Python, with the columns a warehouse has (``retried`` and ``feed_dead_letters`` only
    where the schema holds them)."""
    return f"""SELECT r.*
FROM runs AS r
ORDER BY r.finished_at DESC, r.run_id
LIMIT {int(limit)}"""


def run_accounting(r: dict) -> dict:
    """entries seen + retried = articles written + duplicates skipped + dead letters."""
    def n(key):
        return int(r.get(key) or 0)
    left = n("entries_seen") + n("retried")
    right = n("articles_written") + n("duplicates_skipped") + n("dead_letters")
    return {"run": r.get("run_id"), "mode": r.get("mode"), "finished": _stamp(r.get("finished_at")),
            "feeds": r.get("feeds"), "feedsFailed": r.get("feeds_failed"),
            "seen": r.get("entries_seen"), "retried": r.get("retried"),
            "written": r.get("articles_written"), "duplicates": r.get("duplicates_skipped"),
            "dead": r.get("dead_letters"), "feedDead": r.get("feed_dead_letters"),
            "addsUp": left == right}


# ------------------------------------------------------------- dead letters in words
# (pattern over "error_type: error", words). First match wins; the stage adds context.
_CAUSES = [
    (r"HTTP 404|HTTP 410", "the page is gone: the site answered {code} (not found)"),
    (r"HTTP 401|HTTP 403", "the site refused us: it answered {code} (access denied)"),
    (r"HTTP 429", "the site asked us to slow down (HTTP 429, too many requests)"),
    (r"HTTP 5\d\d", "the site's server failed ({code}); usually passes on retry"),
    (r"HTTP \d{3}", "the site answered {code}"),
    (r"non-public address|BlockedAddress|backslash, space or control",
     "refused for safety: the address points into a private or internal network"),
    (r"disallowed by robots\.txt", "the site's robots.txt forbids fetching this page"),
    (r"robots\.txt .*unavailable", "the site's robots.txt could not be read, so the page "
                                   "was not fetched"),
    (r"cannot resolve host", "the site's name does not resolve (DNS lookup failed)"),
    (r"timeout|timed out|took over", "the site did not answer in time"),
    (r"connection error|ConnectionError|reset by peer",
     "could not connect to the site, or the connection broke"),
    (r"redirect", "the page redirects too often or without a target"),
    (r"exceeds the .*cap|declares .* bytes", "the page is larger than the size limit"),
    (r"non-http\(s\) URL|not an absolute URL|no host in|unparsable URL",
     "the link is not a usable web address"),
    (r"invalid JSON feed|not a JSON Feed", "the file is JSON but not a valid JSON Feed"),
    (r"not a feed", "the file is not an RSS, Atom or JSON feed"),
    (r"undecodable bytes", "the content is binary or in an unknown text encoding"),
    (r"NoText|no (main )?text", "no article text could be found on the page"),
    (r"forbidden|may not", "the feed list names a file outside its own folder, which is "
                           "not read"),
    (r"BigQuery refused", "BigQuery refused the row"),
]
_STAGE_WORDS = {"read_feeds": "reading the feed", "fetch_articles": "fetching the page",
                "clean_articles": "extracting the text", "extract_entities": "finding names",
                "tag_minerals": "finding minerals", "link_mentions": "linking mentions",
                "write_warehouse": "writing to the warehouse"}


def cause_in_words(stage: str | None, error_type: str | None, error: str | None) -> str:
    """A dead letter's cause for a reader: "fetching the page: the page is gone: the site
    answered HTTP 404 (not found)"."""
    text = f"{error_type or ''}: {error or ''}"
    where = _STAGE_WORDS.get(stage or "", (stage or "").replace("_", " "))
    for pattern, words in _CAUSES:
        m = re.search(pattern, text, re.I)
        if m:
            code = re.search(r"HTTP \d{3}", text)
            return f"{where}: " + words.format(code=code.group() if code else "")
    first = (error or error_type or "unknown error").splitlines()[0]
    return f"{where}: {first[:160]}"


# ------------------------------------------------------------------------ the data
@dataclass
class ReportData:
    warehouse: str
    since: dt.date | None
    generated_at: dt.datetime
    overview: dict
    articles: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    catalog: list[dict] = field(default_factory=list)
    dead_letters: list[dict] = field(default_factory=list)
    runs: list[dict] = field(default_factory=list)
    digest: digest_mod.Digest | None = None
    sql: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.overview.get("articles")

    def mineral_name(self, mineral_id: str) -> str:
        for row in self.catalog:
            if row["id"] == mineral_id and row.get("name"):
                return row["name"]
        return fallback_name(mineral_id)


def fallback_name(mineral_id: str) -> str:
    return mineral_id.replace("_", " ").capitalize()


def mineral_names(warehouse: str, *, runner=run_sql, **query_kw) -> dict[str, str]:
    cols, values = runner(warehouse, catalog_sql(), dialect="bigquery", **query_kw)
    return {r["id"]: r["name"] for r in (dict(zip(cols, v)) for v in values) if r["name"]}


def collect(warehouse: str, since: dt.date | None = None, *, runner=run_sql,
            now: dt.datetime | None = None, **query_kw) -> ReportData:
    """Run the report's queries; ``query_kw`` (e.g. ``endpoint=``) goes to ``runner``."""
    sql: dict[str, str] = {}

    def rows(name: str, statement: str) -> list[dict]:
        sql[name] = statement
        cols, values = runner(warehouse, statement, dialect="bigquery", **query_kw)
        return [dict(zip(cols, v)) for v in values]

    overview = rows("overview", overview_sql(since))
    data = ReportData(warehouse=str(warehouse), since=since,
                      generated_at=now or dt.datetime.now(dt.timezone.utc),
                      overview=overview[0] if overview else {"articles": 0}, sql=sql)
    data.catalog = rows("mineral_catalog", catalog_sql())
    if not data.empty:
        data.articles = rows("articles", articles_sql(since))
        data.links = rows("country_mineral_links", links_sql(since))
        data.events = rows("supply_events", events_sql(since))
        data.figures = rows("figures", figures_sql(since))
        # What is new: the 7 days up to the newest article (so a report of older data
        # still has a "this week"), against the 28 days before.
        last = _as_date(data.overview["last_at"])
        window = digest_mod.make_window(None, dt.datetime.combine(
            last + dt.timedelta(days=1), dt.time(), dt.timezone.utc))
        data.digest = digest_mod.collect_digest(warehouse, window, runner=runner,
                                                **query_kw)
        sql.update(data.digest.sql)
    stored = runner(warehouse, DEAD_LETTER_COLUMNS, dialect="bigquery", **query_kw)[0]
    sql["dead_letter_columns"] = DEAD_LETTER_COLUMNS
    data.dead_letters = rows("dead_letters", dead_letters_sql(
        since, retries={"attempts", "last_error"} <= set(stored)))
    data.runs = rows("runs_accounting", runs_sql())
    return data


def _as_date(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc)
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _day(value) -> str | None:
    day = _as_date(value)
    return day.isoformat() if day else None


def _stamp(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc)
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, dt.datetime) else str(value)


def country_label(code: str) -> str:
    name = COUNTRY_DISPLAY.get(code)
    if name is None:
        c = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
        name = (getattr(c, "common_name", None) or c.name).split(",")[0] if c else ""
    return f"{code} {name}".strip()


def criticality_category(row: dict) -> str:
    usgs, eu = bool(row.get("usgs_critical_2025")), bool(row.get("eu_critical_2023"))
    return CATEGORIES[0 if usgs and eu else 1 if usgs else 2 if eu else 3]


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_CURRENCY = {"usd": "$", "eur": "€", "gbp": "£"}


def _number(v: float) -> str:
    for scale, word in _SCALES:
        if abs(v) >= scale:
            return f"{v / scale:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def format_figure(value, unit: str | None) -> str:
    """``41 percent`` -> 41%; ``652260000 usd`` -> $652.26 million; ``2e7 tonnes`` ->
    20 million tonnes. Units are the warehouse's, never converted."""
    if value is None:
        return ""
    unit = (unit or "").lower()
    money, per = unit.split("/", 1) if "/" in unit else (unit, "")
    if per:  # a price: usd/lb -> $100/lb
        return (format_figure(value, money) if money else _number(value)) + f"/{per}"
    if unit == "percent":
        return _number(value) + "%"
    if unit in _CURRENCY:
        return _CURRENCY[unit] + _number(value)
    if len(unit) == 3 and unit.isalpha() and unit not in ("ton", "lbs"):
        return f"{_number(value)} {unit.upper()}"  # other currencies: 5 million AUD
    return f"{_number(value)} {unit}".strip()


def period_text(data: ReportData) -> str:
    if data.empty:
        return f"since {_fmt_day(data.since)}" if data.since else "all time"
    first = data.since or _as_date(data.overview["first_at"])
    last = _as_date(data.overview["last_at"])
    return f"{_fmt_day(first)} – {_fmt_day(last)}"


def _fmt_day(day: dt.date | None) -> str:
    return f"{day.day} {day.strftime('%b %Y')}" if day else "?"


def _safe_url(url: str | None) -> str | None:
    return url if url and urlsplit(url).scheme in ("http", "https") else None


# ---------------------------------------------------------------- the page's data
def page_data(data: ReportData) -> dict:
    """Everything report.js draws, compact: one object per article with its links and
    events by index, so filters are array scans in the browser."""
    index = {a["article_id"]: i for i, a in enumerate(data.articles)}
    articles = []
    for a in data.articles:
        articles.append({
            "id": a["article_id"], "t": a["title"] or "", "s": a["source"] or "",
            "u": _safe_url(a["url"]), "d": _day(a["seen_at"]), "nd": bool(a["undated"]),
            "dup": a["duplicate_of"], "m": list(a["mineral_ids"] or []),
            "c": list(a["country_codes"] or []), "l": [], "e": []})
    for r in data.links:
        i = index.get(r["article_id"])
        if i is not None:
            articles[i]["l"].append([r["mineral"], r["country"]])
    events = []
    for r in data.events:
        i = index.get(r["article_id"])
        if i is None:
            continue
        articles[i]["e"].append(len(events))
        events.append({"a": i, "m": r["mineral"], "type": r["event_type"],
                       "dir": r["direction"], "c": r["country"], "sentence": r["sentence"]})
    figures = []
    for r in data.figures:
        i = index.get(r["article_id"])
        if i is None:
            continue
        figures.append({"a": i, "m": r["mineral"], "shown": format_figure(r["value"], r["unit"]),
                        "value": r["value"], "unit": r["unit"], "kind": r["kind"],
                        "quote": r["quote"], "year": r["year"], "sentence": r["sentence"],
                        "c": list(r["countries"] or []), "copies": int(r["copies"])})
    minerals = {}
    for r in data.catalog:
        minerals[r["id"]] = {"name": r["name"] or fallback_name(r["id"]),
                             "group": r["mineral_group"],
                             "critical": criticality_category(r)}
    for a in articles:
        for m in a["m"]:
            minerals.setdefault(m, {"name": fallback_name(m), "group": None,
                                    "critical": CATEGORIES[3]})
    codes = {c for a in articles for c in a["c"]} | {c for a in articles for _, c in a["l"]}
    digest = data.digest.to_json() if data.digest else None
    if digest:
        codes |= {i["country"] for k in ("new_links", "export_restrictions",
                                          "supply_events") for i in digest[k] if i["country"]}
        for k in ("new_links", "export_restrictions", "supply_events"):
            for i in digest[k]:
                i["url"] = _safe_url(i["url"])
        for s in digest["surges"]:
            for ex in s["examples"]:
                ex["url"] = _safe_url(ex["url"])
    return {
        "generated": data.generated_at.strftime("%Y-%m-%d %H:%M UTC"),
        "anchor": _day(data.overview.get("last_at")),
        "first": _day(data.overview.get("first_at")),
        "since": data.since.isoformat() if data.since else None,
        "minerals": minerals,
        "countries": {c: country_label(c) for c in sorted(codes)},
        "eventTypes": {t: digest_mod.EVENT_WORDS[t] for t in EVENT_TYPES},
        "articles": articles, "events": events, "figures": figures, "digest": digest,
        "deadLetters": [{"stage": r["stage"], "feed": r["feed_url"],
                         "cause": cause_in_words(r["stage"], r["error_type"],
                                                 r["example_error"]),
                         "error": (r["example_error"] or "")[:300],
                         "example": r["example_source"], "failures": int(r["failures"]),
                         "retryable": int(r["retryable"]), "resolved": int(r["resolved"]),
                         "attempts": int(r["attempts"] or 1),
                         "lastError": (r["last_error"] or "")[:300],
                         "last": _stamp(r["last_failed_at"]),
                         "d": _day(r["last_failed_at"])} for r in data.dead_letters],
        "runs": [run_accounting(r) for r in data.runs],
    }


def world_topology() -> dict:
    """world-atlas's countries-110m.json with each shape's id an ISO 3166 alpha-2 code
    (the file has ISO numeric ones), the land object dropped (the map draws countries)."""
    text = resources.files("orewire").joinpath("assets/countries-110m.json").read_text(
        encoding="utf-8")
    topo = json.loads(text)
    topo["objects"].pop("land", None)
    for g in topo["objects"]["countries"]["geometries"]:
        name = g.get("properties", {}).get("name")
        c = pycountry.countries.get(numeric=g["id"]) if g.get("id") else None
        g["id"] = c.alpha_2 if c else SHAPES_WITHOUT_ID.get(name)
        g["properties"] = {"name": name}
    return topo


def vega_bundle() -> str:
    """Vega, Vega-Lite and Vega-Embed as one classic script. vl-convert's bundle is an ES
    module without imports or exports that sets window.vega/vegaLite/vegaEmbed; wrapped in
    a function it runs as a classic script, which file:// pages may load (module scripts
    they may not: Chromium refuses them cross-origin from a file)."""
    import altair as alt  # noqa: PLC0415 (only this command needs them)
    import vl_convert as vlc  # noqa: PLC0415
    version = alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0]
    bundle = vlc.javascript_bundle(vl_version=version)
    return ("/* Vega " + vlc.get_vega_version() + ", Vega-Lite " + version + ", Vega-Embed "
            + vlc.get_vega_embed_version() + " (BSD-3-Clause), bundled by vl-convert-python "
            + getattr(vlc, "__version__", "") + ". */\n(function () {\n" + bundle
            + "\n})();\n")


# ------------------------------------------------------------------------ the page
_HERE = "orewire"


def _asset(name: str) -> str:
    return resources.files(_HERE).joinpath(f"assets/{name}").read_text(encoding="utf-8")


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def chart_specs() -> dict:
    """Vega-Lite specs of the charts, built with Altair; report.js feeds their named data
    sets and redraws on every filter change."""
    import altair as alt  # noqa: PLC0415

    def spec(chart) -> dict:
        return chart.to_dict()

    width = 860
    timeline = alt.Chart(alt.Data(name="timeline")).mark_bar(color="#2b6cb0").encode(
        x=alt.X("period:T", title=None),
        y=alt.Y("stories:Q", title="stories (each article once, copies not counted)"),
        tooltip=[alt.Tooltip("label:N", title="period"), alt.Tooltip("stories:Q")],
    ).properties(width=width, height=220)
    mentions = alt.Chart(alt.Data(name="mentions")).mark_line(point=True).encode(
        x=alt.X("period:T", title=None),
        y=alt.Y("stories:Q", title="stories naming the mineral"),
        color=alt.Color("mineral:N", title="mineral", sort=alt.EncodingSortField(
            "total", order="descending")),
        tooltip=["mineral:N", alt.Tooltip("label:N", title="period"), "stories:Q"],
    ).properties(width=width - 140, height=240)
    events = alt.Chart(alt.Data(name="events")).mark_point(filled=True, size=80).encode(
        x=alt.X("date:T", title=None),
        y=alt.Y("type:N", title=None, sort=list(digest_mod.EVENT_WORDS.values())),
        color=alt.Color("direction:N", title="direction", scale=alt.Scale(
            domain=["tightening", "easing", "up", "down", "none stated"],
            range=["#c53030", "#2f855a", "#2b6cb0", "#dd6b20", "#718096"])),
        shape=alt.Shape("direction:N", title="direction"),
        tooltip=["date:T", "mineral:N", "type:N", "direction:N", "country:N",
                 "sentence:N", "title:N"],
    ).properties(width=width - 140, height=260)
    sources = alt.Chart(alt.Data(name="sources")).mark_bar(color="#2b6cb0").encode(
        x=alt.X("stories:Q", title="stories"),
        y=alt.Y("source:N", title=None, sort="-x"),
        tooltip=["source:N", "stories:Q"],
    ).properties(width=width - 300, height=alt.Step(18))
    base = alt.Chart(alt.Data(name="shapes")).mark_geoshape(
        fill="#edf2f7", stroke="#a0aec0", strokeWidth=0.4)
    linked = alt.Chart(alt.Data(name="map")).mark_geoshape(
        stroke="#4a5568", strokeWidth=0.5).encode(
        shape=alt.Shape("geo:G"),
        color=alt.Color("stories:Q", title="stories", scale=alt.Scale(scheme="orangered")),
        tooltip=[alt.Tooltip("label:N", title="country"), alt.Tooltip("stories:Q"),
                 alt.Tooltip("minerals:N")],
    ).transform_lookup(lookup="country", from_=alt.LookupData(
        data=alt.Data(name="shapes"), key="id"), as_="geo").transform_filter(
        "isValid(datum.geo)")
    world = alt.layer(base, linked).project(type="equalEarth").properties(
        width=width, height=430)
    return {"timeline": spec(timeline), "mentions": spec(mentions), "events": spec(events),
            "sources": spec(sources), "map": spec(world)}


def _select(name: str, label: str, options: list[tuple[str, str]], all_label: str) -> str:
    opts = [f'<option value="">{_e(all_label)}</option>'] + [
        f'<option value="{_e(v)}">{_e(t)}</option>' for v, t in options]
    return (f'<label>{_e(label)} <select data-filter="{name}" name="{name}">'
            + "".join(opts) + "</select></label>")


def period_options(first: dt.date | None, last: dt.date | None) -> list[tuple[str, str]]:
    """Periods relative to the newest article (``last-28``) and calendar months
    (``2025-03``), newest first."""
    if first is None or last is None:
        return []
    span = (last - first).days
    out = [(f"last-{n}", f"last {words} (to {last.isoformat()})")
           for n, words in ((7, "7 days"), (28, "4 weeks"), (91, "3 months"),
                            (365, "12 months")) if n < span + 7]
    months, cur = [], last.replace(day=1)
    while cur >= first.replace(day=1) and len(months) < 36:
        months.append((cur.strftime("%Y-%m"), cur.strftime("%B %Y")))
        cur = (cur - dt.timedelta(days=1)).replace(day=1)
    return out + months


def render_html(data: ReportData, page: dict) -> str:
    o = data.overview
    period = period_text(data)
    minerals = sorted(page["minerals"].items(), key=lambda kv: kv[1]["name"].lower())
    used = {m for a in page["articles"] for m in a["m"]}
    mineral_opts = [(m, v["name"]) for m, v in minerals if m in used]
    country_opts = [(c, label) for c, label in sorted(page["countries"].items(),
                                                        key=lambda kv: kv[1][3:].lower())]
    event_opts = list(page["eventTypes"].items())
    filters = "".join([
        _select("mineral", "Mineral", mineral_opts, "all minerals"),
        _select("country", "Country", country_opts, "all countries"),
        _select("period", "Period", period_options(_as_date(o.get("first_at")),
                                                   _as_date(o.get("last_at"))),
                "whole report"),
        _select("event", "Event type", event_opts, "any or none"),
        '<button type="button" id="reset-filters">Reset</button>'])

    def section(anchor, title, body, note=""):
        note_html = f'<p class="meta">{note}</p>' if note else ""
        return (f'<section id="{anchor}" data-view="{anchor}"><h2>{_e(title)}</h2>'
                f"{note_html}{body}</section>")

    def csv_button(table):
        return (f'<button type="button" class="csv" data-csv="{table}">Download CSV'
                "</button>")

    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>orewire report: minerals in the news, {_e(period)}</title>",
        '<link rel="stylesheet" href="report.css">',
        "</head><body>",
        "<header><h1>Minerals in the news</h1>",
        f'<p class="period" id="period">Period covered: <b>{_e(period)}</b> '
        f"(articles by publication date{', since ' + _e(data.since.isoformat()) if data.since else ''})</p>",
        f'<p class="meta">Warehouse <code>{_e(data.warehouse)}</code> · generated '
        f"{_e(page['generated'])} · {_e(PIPELINE_VERSION)} · the SQL behind every view is "
        'in <a href="queries.sql">queries.sql</a> · sources of the map and scripts: '
        '<a href="NOTICE.txt">NOTICE.txt</a></p>',
        f'<form class="filters" id="filters" onsubmit="return false">{filters}</form>',
        '<p class="meta" id="filter-summary" aria-live="polite"></p>',
        '<noscript><p class="notice">This report draws its views with JavaScript, which is '
        "off in this browser: the tables of queries.sql can be rerun with "
        "<code>orewire query</code>.</p></noscript>",
    ]
    if data.empty:
        parts.append('<p class="notice" id="no-data">No articles in this warehouse for '
                     f"this period ({_e(period)}). Run <code>orewire run</code> to read "
                     "feeds into it, or choose an earlier <code>--since</code>.</p>")
    parts.append('<ul class="cards" id="cards"></ul>')
    parts.append('<nav><a href="#new">what is new</a><a href="#articles">articles</a>'
                 '<a href="#timeline">over time</a><a href="#map">map</a><a href="#trend">'
                 'trend</a><a href="#mentions">mentions</a><a href="#events">supply events'
                 '</a><a href="#figures">figures</a><a href="#sources">sources</a>'
                 '<a href="#dead-letters">dead letters</a><a href="#runs">runs</a></nav>')
    parts.append("</header><main>")
    parts.append(section(
        "new", "What is new", csv_button("new") + '<div id="new-body"></div>',
        "The 7 days up to the newest article against the 28 days before (the same as "
        "<code>orewire digest --until</code> the day after it): new country–mineral links, "
        "export restrictions and other supply events, minerals named by at least 3 stories "
        "and more than twice as often as before. One item per story; the mineral, country "
        "and event filters apply, the period filter does not."))
    parts.append(section(
        "articles", "Articles",
        '<div class="tools"><input type="search" id="article-search" data-filter="search" '
        'placeholder="Search titles, sources, minerals, countries" aria-label="search '
        f'articles"> {csv_button("articles")} <span id="article-count" class="meta"></span>'
        '</div><table id="articles-table"><thead><tr><th>date</th><th>title</th>'
        "<th>source</th><th>minerals</th><th>countries</th></tr></thead><tbody></tbody>"
        '</table><p><button type="button" id="more-articles" hidden>Show more</button></p>',
        "Every stored article the filters keep, newest first; a syndicated copy is marked "
        "and linked to its original. The search narrows this list and its CSV."))
    parts.append(section(
        "timeline", "Stories over time",
        '<div class="chart" id="chart-timeline"></div>' + csv_button("timeline"),
        "Each story counts once per period, however many minerals it names; syndicated "
        "copies are not counted again."))
    parts.append(section(
        "map", "Countries linked to the selected minerals",
        '<div class="chart" id="chart-map"></div>' + csv_button("map")
        + '<table id="map-table"><thead><tr><th>country</th><th>stories</th>'
        "<th>minerals</th></tr></thead><tbody></tbody></table>",
        "A link is a country named in the same sentence as the mineral. Colour: stories "
        "linking the country to a selected mineral (to any mineral when all are "
        "selected). Shapes: Natural Earth 1:110m."))
    parts.append(section(
        "trend", "Trend per mineral against the previous period",
        csv_button("trend") + '<table id="trend-table"><thead><tr><th>mineral</th>'
        '<th>this period</th><th>previous period</th><th>change</th></tr></thead>'
        '<tbody></tbody></table>', '<span id="trend-periods"></span>'))
    parts.append(section(
        "mentions", "Mentions per mineral (a story naming several minerals counts for each)",
        '<div class="chart" id="chart-mentions"></div>' + csv_button("mentions"),
        "Stories naming each of the most named minerals per period. Unlike the timeline "
        "above, these lines add up to more than the stories: a story naming lithium and "
        "cobalt counts for both."))
    parts.append(section(
        "events", "Supply events",
        '<div class="chart" id="chart-events"></div>' + csv_button("events")
        + '<table id="events-table"><thead><tr><th>date</th><th>mineral</th><th>event</th>'
        "<th>direction</th><th>country</th><th>sentence</th><th>article</th></tr></thead>"
        "<tbody></tbody></table>",
        "What the sentence naming the mineral says happened: export restrictions, import "
        "measures, discoveries, production, disruptions, milestones, deals, investment, "
        "prices, policy. One per story, mineral and type; copies left out."))
    parts.append(section(
        "figures", "Figures quoted with a mineral",
        csv_button("figures") + '<table id="figures-table"><thead><tr><th>date</th>'
        "<th>mineral</th><th>figure</th><th>kind</th><th>sentence</th><th>article</th>"
        "</tr></thead><tbody></tbody></table>",
        "Each figure once per story (its original article when syndicated), with the "
        "sentence that states it; values scaled by million/billion as written, units never "
        "converted."))
    parts.append(section(
        "sources", "Top sources", '<div class="chart" id="chart-sources"></div>'
        + csv_button("sources"), "Stories per source among the filtered articles."))
    parts.append(section(
        "dead-letters", "Dead letters",
        csv_button("deadLetters") + '<table id="dead-letters-table"><thead><tr>'
        "<th>cause</th><th>stage</th><th>feed</th><th>failures</th><th>retryable</th>"
        "<th>resolved</th><th>attempts</th><th>last failure (UTC)</th><th>last error</th>"
        "</tr></thead><tbody></tbody></table>"
        '<p class="ok" id="no-dead-letters" hidden>No dead letters in this period: every '
        "item read was stored or skipped as a duplicate.</p>",
        "Items the pipeline could not handle, by stage, feed and kind of error, with the "
        "cause in words (the error as stored is in the CSV and the row's tooltip), the "
        "most attempts one of them took and the error its latest retry met. The "
        "period filter applies; <code>orewire retry</code> re-attempts the retryable "
        "ones."))
    parts.append(section(
        "runs", "Runs and their accounting",
        csv_button("runs") + '<table id="runs-table"><thead><tr><th>run</th><th>mode</th>'
        "<th>finished (UTC)</th><th>entries seen</th><th>+ retried</th><th>= written</th>"
        "<th>+ duplicates</th><th>+ dead letters</th><th>adds up</th><th>feeds (failed)"
        "</th></tr></thead><tbody></tbody></table>",
        f"The last {RUNS_LIMIT} runs. Every entry is accounted for: entries seen + dead "
        "letters retried = articles written + duplicates skipped + dead letters. Feeds "
        "that could not be read are counted apart: their entries were never seen."))
    parts.append("</main><footer>Made by <code>orewire report</code>. A story is an "
                 "article and its syndicated copies; counts are of stories unless a view "
                 "says otherwise.</footer>")
    parts.append('<script src="vega.js"></script><script src="world.js"></script>'
                 '<script src="data.js"></script><script src="report.js"></script>'
                 "</body></html>")
    return "\n".join(parts)


def _queries_file(data: ReportData) -> str:
    head = (f"-- The queries behind the orewire report ({period_text(data)}), in BigQuery "
            "Standard SQL.\n-- Rerun one with: orewire query \"$(cat queries.sql)\" or "
            "copy it into the BigQuery console.\n")
    return head + "".join(f"\n-- {name}\n{sql};\n" for name, sql in data.sql.items())


def _notice() -> str:
    return ("Third-party material in this folder\n\n"
            "world.js: country shapes from world-atlas 2.0.2 (countries-110m.json), a "
            "TopoJSON redistribution of Natural Earth's 1:110m Admin 0 countries, version "
            "4.1.0. Natural Earth is in the public domain; world-atlas is under the ISC "
            "licence:\n\n" + _asset("world-atlas-LICENSE.txt") + "\n"
            "vega.js: Vega, Vega-Lite and Vega-Embed (BSD-3-Clause, Copyright the "
            "University of Washington Interactive Data Lab), bundled by vl-convert-python.\n")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def write_report(data: ReportData, out_dir: str) -> str:
    """Write the report folder into ``out_dir``; returns the path of ``index.html``."""
    if os.path.exists(out_dir) and not os.path.isdir(out_dir):
        raise ReportError(f"--out must be a directory, and {out_dir} is a file")
    os.makedirs(out_dir, exist_ok=True)
    page = page_data(data)
    files = {
        "data.js": "window.OREWIRE_DATA = " + _json(page) + ";\n"
                   "window.OREWIRE_SPECS = " + _json(chart_specs()) + ";\n",
        "world.js": "/* Natural Earth 1:110m countries (public domain) via world-atlas "
                    "2.0.2 (ISC); see NOTICE.txt */\nwindow.OREWIRE_WORLD = "
                    + _json(world_topology()) + ";\n",
        "vega.js": vega_bundle(),
        "report.js": _asset("report.js"),
        "report.css": _asset("report.css"),
        "queries.sql": _queries_file(data),
        "NOTICE.txt": _notice(),
        "index.html": render_html(data, page),
    }
    for name, text in files.items():
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as fh:
            fh.write(text)
    for name in OLD_CHARTS:  # the first edition's PNGs must not linger unlinked
        stale = os.path.join(out_dir, f"{name}.png")
        if os.path.exists(stale):
            os.remove(stale)
    return os.path.join(out_dir, "index.html")


def build_report(warehouse: str, out_dir: str, since: dt.date | None = None,
                 **query_kw) -> str:
    """Query the warehouse and write the report; returns the path of ``index.html``."""
    return write_report(collect(warehouse, since, **query_kw), out_dir)
