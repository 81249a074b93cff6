"""The analyst's report: one static HTML page with charts of what the warehouse holds.

    orewire report --out report/                      # then open report/index.html
    orewire report --warehouse news.duckdb --since 2025-01-01 --out report/
    orewire report --since 30d --out report/          # the last 30 days
    orewire report --warehouse bigquery:PROJECT.DATASET --out report/

Every number comes from SQL written in BigQuery Standard SQL (the dialect of ``sql/``) and
run through :func:`orewire.query.run_sql`: translated for DuckDB, as is on BigQuery. The
statements are saved beside the page as ``queries.sql`` so an analyst can rerun them.
Charts are drawn by matplotlib (Agg: no display needed) into PNG files beside
``index.html``; the page has no script and loads nothing from the network, so it opens
from the file system, offline.

Articles are placed in time by ``published_at`` (``ingested_at`` when the feed gave no
date); ``--since`` keeps articles from that day on, and dead letters that failed since then.
"""
from __future__ import annotations

import datetime as dt
import html
import os
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import matplotlib as mpl
import numpy as np
import pycountry
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from orewire import PIPELINE_VERSION
from orewire.query import run_sql

# Chart files this module writes; stale ones from an earlier report are removed.
CHARTS = ("mentions_over_time", "country_mineral_heatmap", "critical_minerals",
          "top_sources", "dead_letters")
TOP_MINERALS_OVER_TIME = 9
HEATMAP_COUNTRIES = 15
HEATMAP_MINERALS = 12
FIGURES_PER_MINERAL = 3
CATEGORIES = ("critical on both lists", "USGS 2025 list only", "EU 2023 list only",
              "on neither list")
CATEGORY_COLOURS = ("#b2182b", "#ef8a62", "#67a9cf", "#999999")
# Display names where ISO's short name is long or ambiguous.
COUNTRY_DISPLAY = {"CD": "DR Congo", "CG": "Congo", "KR": "South Korea",
                   "KP": "North Korea", "RU": "Russia", "IR": "Iran", "VN": "Vietnam",
                   "LA": "Laos", "SY": "Syria", "TZ": "Tanzania", "VE": "Venezuela",
                   "BO": "Bolivia", "MD": "Moldova", "TW": "Taiwan"}
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
       COUNTIF(ARRAY_LENGTH(a.mineral_ids) > 0) AS on_topic,
       MIN({ARTICLE_TIME}) AS first_at,
       MAX({ARTICLE_TIME}) AS last_at,
       COUNT(DISTINCT a.source) AS sources
FROM articles AS a
WHERE {article_filter(since)}"""


def timeline_sql(since, bucket: str):
    unit = "WEEK(MONDAY)" if bucket == "WEEK" else bucket
    return f"""SELECT TIMESTAMP_TRUNC({ARTICLE_TIME}, {unit}) AS period,
       m AS mineral,
       COUNT(*) AS articles
FROM articles AS a, UNNEST(a.mineral_ids) AS m
WHERE {article_filter(since)}
GROUP BY period, mineral
ORDER BY period, mineral"""


def links_sql(since):
    return f"""SELECT c AS country, m.mineral AS mineral, COUNT(DISTINCT a.article_id) AS articles
FROM articles AS a, UNNEST(a.minerals) AS m, UNNEST(m.countries) AS c
WHERE {article_filter(since)}
GROUP BY country, mineral
ORDER BY articles DESC, country, mineral"""


def criticality_sql(since):
    return f"""SELECT m AS mineral, k.name AS name, k.mineral_group AS mineral_group,
       k.usgs_critical_2025 AS usgs_critical_2025, k.eu_critical_2023 AS eu_critical_2023,
       k.eu_strategic_2023 AS eu_strategic_2023, COUNT(*) AS articles
FROM articles AS a, UNNEST(a.mineral_ids) AS m
LEFT JOIN mineral_catalog AS k ON k.id = m
WHERE {article_filter(since)}
GROUP BY 1, 2, 3, 4, 5, 6
ORDER BY articles DESC, mineral"""


def figures_sql(since, per_mineral: int = FIGURES_PER_MINERAL):
    return f"""SELECT mineral, value, unit, kind, quote, countries, title, url, source, seen_at
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY mineral ORDER BY seen_at DESC, quote) AS rn
  FROM (
    SELECT DISTINCT m.mineral AS mineral, f.value AS value, f.unit AS unit, f.kind AS kind,
           f.quote AS quote, ARRAY_TO_STRING(m.countries, ', ') AS countries,
           a.article_id AS article_id, a.title AS title, a.url AS url, a.source AS source,
           {ARTICLE_TIME} AS seen_at
    FROM articles AS a, UNNEST(a.minerals) AS m, UNNEST(m.figures) AS f
    WHERE {article_filter(since)} AND f.value IS NOT NULL
  )
)
WHERE rn <= {int(per_mineral)}
ORDER BY mineral, seen_at DESC, quote"""


def sources_sql(since, limit: int = 15):
    return f"""SELECT COALESCE(a.source, '(unknown)') AS source, COUNT(*) AS articles,
       COUNTIF(ARRAY_LENGTH(a.mineral_ids) > 0) AS on_topic
FROM articles AS a
WHERE {article_filter(since)}
GROUP BY source
ORDER BY articles DESC, source
LIMIT {int(limit)}"""


def dead_letters_sql(since):
    where = f"d.failed_at >= TIMESTAMP('{since.isoformat()}')" if since else "TRUE"
    return f"""SELECT d.stage AS stage, COALESCE(d.feed_url, '(no feed)') AS feed_url,
       COUNT(*) AS failures, COUNTIF(d.retryable) AS retryable,
       MAX(d.failed_at) AS last_failed_at
FROM dead_letters AS d
WHERE {where}
GROUP BY stage, feed_url
ORDER BY failures DESC, stage, feed_url"""


def runs_sql(limit: int = 5):
    return f"""SELECT r.run_id AS run_id, r.finished_at AS finished_at,
       r.entries_seen AS entries_seen, r.articles_written AS articles_written,
       r.duplicates_skipped AS duplicates_skipped, r.dead_letters AS dead_letters
FROM runs AS r
ORDER BY r.finished_at DESC
LIMIT {int(limit)}"""


# ------------------------------------------------------------------------ the data
@dataclass
class ReportData:
    warehouse: str
    since: dt.date | None
    generated_at: dt.datetime
    overview: dict
    bucket: str = "MONTH"
    timeline: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    criticality: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    dead_letters: list[dict] = field(default_factory=list)
    runs: list[dict] = field(default_factory=list)
    sql: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.overview.get("articles")

    def mineral_name(self, mineral_id: str) -> str:
        for row in self.criticality:
            if row["mineral"] == mineral_id and row.get("name"):
                return row["name"]
        return mineral_id.replace("_", " ").capitalize()


def collect(warehouse: str, since: dt.date | None = None, *, runner=run_sql,
            now: dt.datetime | None = None, **query_kw) -> ReportData:
    """Run the report's queries; ``query_kw`` (e.g. ``endpoint=``) goes to ``runner``."""
    sql: dict[str, str] = {}

    def rows(name: str, statement: str) -> list[dict]:
        sql[name] = statement
        cols, values = runner(warehouse, statement, dialect="bigquery", **query_kw)
        return [dict(zip(cols, v)) for v in values]

    overview = rows("overview", overview_sql(since))
    data = ReportData(warehouse=warehouse, since=since,
                      generated_at=now or dt.datetime.now(dt.timezone.utc),
                      overview=overview[0] if overview else {"articles": 0}, sql=sql)
    if not data.empty:
        data.bucket = choose_bucket(_as_date(data.overview["first_at"]),
                                    _as_date(data.overview["last_at"]))
        data.timeline = rows("mentions_over_time", timeline_sql(since, data.bucket))
        data.links = rows("country_mineral_links", links_sql(since))
        data.criticality = rows("critical_minerals", criticality_sql(since))
        data.figures = rows("latest_figures", figures_sql(since))
        data.sources = rows("top_sources", sources_sql(since))
    data.dead_letters = rows("dead_letters", dead_letters_sql(since))
    data.runs = rows("recent_runs", runs_sql())
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


def choose_bucket(first: dt.date | None, last: dt.date | None) -> str:
    """DAY for up to six weeks of articles, WEEK up to a year, else MONTH."""
    if first is None or last is None:
        return "MONTH"
    span = (last - first).days
    return "DAY" if span <= 42 else "WEEK" if span <= 366 else "MONTH"


def bucket_start(day: dt.date, bucket: str) -> dt.date:
    if bucket == "WEEK":
        return day - dt.timedelta(days=day.weekday())
    if bucket == "MONTH":
        return day.replace(day=1)
    return day


def bucket_range(first: dt.date, last: dt.date, bucket: str) -> list[dt.date]:
    """Every bucket from ``first``'s to ``last``'s, so empty periods show as gaps."""
    out, cur, end = [], bucket_start(first, bucket), bucket_start(last, bucket)
    while cur <= end:
        out.append(cur)
        if bucket == "MONTH":
            cur = (cur.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        else:
            cur += dt.timedelta(days=7 if bucket == "WEEK" else 1)
    return out


def bucket_label(day: dt.date, bucket: str) -> str:
    return day.strftime("%Y-%m") if bucket == "MONTH" else day.isoformat()


def timeline_series(data: ReportData, top: int = TOP_MINERALS_OVER_TIME):
    """(periods, {mineral: counts per period}) for the top minerals, the rest as 'other'."""
    if not data.timeline:
        return [], {}
    keyed = [(bucket_start(_as_date(r["period"]), data.bucket), r["mineral"],
              int(r["articles"])) for r in data.timeline]
    periods = bucket_range(min(k[0] for k in keyed), max(k[0] for k in keyed), data.bucket)
    totals: dict[str, int] = {}
    for _, mineral, n in keyed:
        totals[mineral] = totals.get(mineral, 0) + n
    ranked = sorted(totals, key=lambda m: (-totals[m], m))
    kept = ranked[:top]
    index = {p: i for i, p in enumerate(periods)}
    series = {m: [0] * len(periods) for m in kept}
    other = [0] * len(periods)
    for period, mineral, n in keyed:
        (series[mineral] if mineral in series else other)[index[period]] += n
    if any(other):
        series["other minerals"] = other
    return periods, series


def heatmap_matrix(links: list[dict], max_countries: int = HEATMAP_COUNTRIES,
                   max_minerals: int = HEATMAP_MINERALS):
    """(countries, minerals, counts[country][mineral]) for the most linked of each."""
    by_country: dict[str, int] = {}
    by_mineral: dict[str, int] = {}
    for r in links:
        by_country[r["country"]] = by_country.get(r["country"], 0) + int(r["articles"])
        by_mineral[r["mineral"]] = by_mineral.get(r["mineral"], 0) + int(r["articles"])
    countries = sorted(by_country, key=lambda c: (-by_country[c], c))[:max_countries]
    minerals = sorted(by_mineral, key=lambda m: (-by_mineral[m], m))[:max_minerals]
    ci = {c: i for i, c in enumerate(countries)}
    mi = {m: i for i, m in enumerate(minerals)}
    matrix = [[0] * len(minerals) for _ in countries]
    for r in links:
        if r["country"] in ci and r["mineral"] in mi:
            matrix[ci[r["country"]]][mi[r["mineral"]]] = int(r["articles"])
    return countries, minerals, matrix


def criticality_category(row: dict) -> str:
    usgs, eu = bool(row.get("usgs_critical_2025")), bool(row.get("eu_critical_2023"))
    return CATEGORIES[0 if usgs and eu else 1 if usgs else 2 if eu else 3]


def criticality_totals(rows: list[dict]) -> dict[str, int]:
    """Article-mineral mentions per list category (every category present, maybe 0)."""
    totals = {c: 0 for c in CATEGORIES}
    for r in rows:
        totals[criticality_category(r)] += int(r["articles"])
    return totals


def country_label(code: str) -> str:
    name = COUNTRY_DISPLAY.get(code)
    if name is None:
        c = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
        name = (getattr(c, "common_name", None) or c.name).split(",")[0] if c else ""
    return f"{code} {name}".strip()


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


def short_feed(feed_url: str, width: int = 48) -> str:
    if feed_url.startswith(("http://", "https://")):
        parts = urlsplit(feed_url)
        text = parts.netloc + parts.path
    else:
        text = os.path.basename(feed_url.rstrip("/")) or feed_url
    return text if len(text) <= width else text[:width - 1] + "…"


def period_text(data: ReportData) -> str:
    if data.empty:
        return f"since {_fmt_day(data.since)}" if data.since else "all time"
    first = data.since or _as_date(data.overview["first_at"])
    last = _as_date(data.overview["last_at"])
    return f"{_fmt_day(first)} – {_fmt_day(last)}"


def _fmt_day(day: dt.date | None) -> str:
    return f"{day.day} {day.strftime('%b %Y')}" if day else "?"


# ---------------------------------------------------------------------- the charts
@dataclass
class Chart:
    name: str
    title: str
    alt: str
    caption: str
    width: int = 0
    height: int = 0

    @property
    def filename(self) -> str:
        return f"{self.name}.png"


def _figure(width_in: float, height_in: float):
    # A bare Figure saves through the Agg canvas: no pyplot, no display, and no change
    # to the backend of whoever imports this module (a notebook, say).
    return Figure(figsize=(width_in, height_in), dpi=100, layout="constrained")


def _save(fig, out_dir: str, chart: Chart) -> Chart:
    path = os.path.join(out_dir, chart.filename)
    fig.savefig(path, format="png", facecolor="white")
    chart.width, chart.height = (int(round(x)) for x in fig.get_size_inches() * fig.dpi)
    return chart


def chart_mentions_over_time(data: ReportData, out_dir: str) -> Chart | None:
    periods, series = timeline_series(data)
    if not periods:
        return None
    per = {"DAY": "day", "WEEK": "week", "MONTH": "month"}[data.bucket]
    fig = _figure(10.5, 4.8)
    ax = fig.add_subplot()
    # tab10 without its grey, which is kept for "other minerals"
    colours = [c for i, c in enumerate(mpl.colormaps["tab10"].colors) if i != 7]
    x = list(range(len(periods)))
    bottom = [0] * len(periods)
    for i, (mineral, counts) in enumerate(series.items()):
        label = mineral if mineral == "other minerals" else data.mineral_name(mineral)
        colour = "#bbbbbb" if mineral == "other minerals" else colours[i % len(colours)]
        ax.bar(x, counts, bottom=bottom, label=label, color=colour, width=0.8)
        bottom = [b + c for b, c in zip(bottom, counts)]
    step = max(1, len(periods) // 18)
    ax.set_xticks(x[::step], [bucket_label(p, data.bucket) for p in periods][::step],
                  rotation=45, ha="right", fontsize=9)
    ax.set_xlim(-0.6, len(periods) - 0.4)
    ax.set_ylabel(f"articles mentioning the mineral, per {per}")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title(f"Mentions per mineral over time ({period_text(data)})", loc="left",
                 fontsize=12, fontweight="bold")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=9,
              title="mineral")
    ax.spines[["top", "right"]].set_visible(False)
    top = ", ".join(data.mineral_name(m) for m in series if m != "other minerals")
    return _save(fig, out_dir, Chart(
        "mentions_over_time", "Mentions per mineral over time",
        f"Stacked bar chart of articles mentioning each mineral per {per}, "
        f"{period_text(data)}; most mentioned: {top}.",
        f"Articles mentioning each of the {len(series) - ('other minerals' in series)} most "
        f"mentioned minerals (the rest in grey), per {per} of publication; one article "
        f"counts once for every mineral it names."))


def chart_country_mineral_heatmap(data: ReportData, out_dir: str) -> Chart | None:
    countries, minerals, matrix = heatmap_matrix(data.links)
    if not countries:
        return None
    fig = _figure(max(6.5, 1.6 + 0.62 * len(minerals)), max(3.0, 1.7 + 0.36 * len(countries)))
    ax = fig.add_subplot()
    peak = max(max(row) for row in matrix) or 1
    cmap = mpl.colormaps["YlOrRd"].with_extremes(bad="white")  # no link: a white cell
    im = ax.imshow(np.ma.masked_equal(np.array(matrix), 0), cmap=cmap, aspect="auto",
                   vmin=0, vmax=peak)
    ax.set_xticks(range(len(minerals)), [data.mineral_name(m) for m in minerals],
                  rotation=40, ha="right", fontsize=9)
    ax.set_yticks(range(len(countries)), [country_label(c) for c in countries], fontsize=9)
    for i, row in enumerate(matrix):
        for j, n in enumerate(row):
            if n:
                ax.text(j, i, str(n), ha="center", va="center", fontsize=8,
                        color="white" if n > peak * 0.6 else "black")
    cbar = fig.colorbar(im, ax=ax, shrink=0.8)
    cbar.locator = MaxNLocator(integer=True)
    cbar.update_ticks()
    cbar.set_label("articles linking the two", fontsize=9)
    ax.set_title(f"Countries linked to minerals ({period_text(data)})", loc="left",
                 fontsize=12, fontweight="bold")
    best = max(((matrix[i][j], countries[i], minerals[j]) for i in range(len(countries))
                for j in range(len(minerals))))
    return _save(fig, out_dir, Chart(
        "country_mineral_heatmap", "Countries × minerals",
        f"Heat map of {len(countries)} countries by {len(minerals)} minerals; the strongest "
        f"link is {country_label(best[1])} with {data.mineral_name(best[2])} "
        f"({best[0]} articles).",
        "Articles in which a sentence links the country to the mineral (a mention's "
        "countries), for the most linked countries and minerals."))


def chart_critical_minerals(data: ReportData, out_dir: str, top: int = 20) -> Chart | None:
    if not data.criticality:
        return None
    totals = criticality_totals(data.criticality)
    colour = dict(zip(CATEGORIES, CATEGORY_COLOURS))
    fig = _figure(10.5, max(4.0, 1.4 + 0.27 * min(top, len(data.criticality))))
    left, right = fig.subplots(1, 2, width_ratios=[1, 1.6])
    cats = list(CATEGORIES)
    left.barh(cats[::-1], [totals[c] for c in cats[::-1]],
              color=[colour[c] for c in cats[::-1]])
    for y, c in enumerate(cats[::-1]):
        left.text(totals[c], y, f" {totals[c]}", va="center", fontsize=9)
    left.set_xlabel("mineral mentions (article × mineral)")
    left.set_title("Critical vs other minerals", loc="left", fontsize=12,
                   fontweight="bold")
    left.tick_params(axis="y", labelsize=9)
    rows = data.criticality[:top][::-1]
    right.barh([data.mineral_name(r["mineral"]) for r in rows],
               [int(r["articles"]) for r in rows],
               color=[colour[criticality_category(r)] for r in rows])
    right.set_xlabel("articles mentioning the mineral")
    right.set_title(f"Most mentioned minerals ({period_text(data)})", loc="left",
                    fontsize=11)
    right.tick_params(axis="y", labelsize=9)
    right.xaxis.get_major_locator().set_params(integer=True)
    for ax in (left, right):
        ax.spines[["top", "right"]].set_visible(False)
    critical = totals[CATEGORIES[0]] + totals[CATEGORIES[1]] + totals[CATEGORIES[2]]
    share = 100 * critical / max(1, sum(totals.values()))
    return _save(fig, out_dir, Chart(
        "critical_minerals", "Critical vs other minerals",
        f"Bar charts: {share:.0f}% of mineral mentions are of minerals on the USGS 2025 or "
        f"EU 2023 critical lists; the most mentioned minerals coloured by list.",
        f"{share:.0f}% of mineral mentions name a mineral on the USGS 2025 list of critical "
        f"minerals or the EU 2023 list of critical raw materials (flags of "
        f"mineral_catalog). Colours: red both lists, orange USGS only, blue EU only, "
        f"grey neither."))


def chart_top_sources(data: ReportData, out_dir: str) -> Chart | None:
    if not data.sources:
        return None
    rows = data.sources[::-1]
    labels = [r["source"] if len(r["source"]) <= 40 else r["source"][:39] + "…"
              for r in rows]
    on = [int(r["on_topic"]) for r in rows]
    off = [int(r["articles"]) - int(r["on_topic"]) for r in rows]
    fig = _figure(10.5, max(2.6, 1.3 + 0.34 * len(rows)))
    ax = fig.add_subplot()
    ax.barh(labels, on, color="#2b8cbe", label="mention a mineral", height=0.6)
    ax.barh(labels, off, left=on, color="#cccccc", label="no mineral mentioned",
            height=0.6)
    ax.set_xlabel("articles")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="y", labelsize=9)
    ax.set_title(f"Top sources ({period_text(data)})", loc="left", fontsize=12,
                 fontweight="bold")
    fig.legend(loc="outside lower center", ncols=2, frameon=False, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    return _save(fig, out_dir, Chart(
        "top_sources", "Top sources",
        f"Bar chart of articles per source; the largest is {data.sources[0]['source']} "
        f"with {data.sources[0]['articles']} articles.",
        "Articles stored per source (the feed's title, else the link's host); blue: the "
        "article mentions at least one mineral."))


def chart_dead_letters(data: ReportData, out_dir: str, top: int = 12) -> Chart | None:
    if not data.dead_letters:
        return None
    by_feed: dict[str, dict[str, int]] = {}
    for r in data.dead_letters:
        by_feed.setdefault(r["feed_url"], {})[r["stage"]] = int(r["failures"])
    feeds = sorted(by_feed, key=lambda f: (-sum(by_feed[f].values()), f))[:top][::-1]
    stages = sorted({r["stage"] for r in data.dead_letters})
    colours = mpl.colormaps["Set2"].colors
    fig = _figure(10.5, max(2.6, 1.4 + 0.34 * len(feeds)))
    ax = fig.add_subplot()
    left = [0] * len(feeds)
    labels = [short_feed(f) for f in feeds]
    for i, stage in enumerate(stages):
        counts = [by_feed[f].get(stage, 0) for f in feeds]
        ax.barh(labels, counts, left=left, label=stage, color=colours[i % len(colours)])
        left = [a + b for a, b in zip(left, counts)]
    ax.set_xlabel("dead letters")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="y", labelsize=9)
    when = f"since {_fmt_day(data.since)}" if data.since else "all recorded"
    ax.set_title(f"Dead letters by stage and feed ({when})", loc="left", fontsize=12,
                 fontweight="bold")
    fig.legend(title="stage", loc="outside lower center", ncols=min(6, len(stages)),
               frameon=False, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    total = sum(int(r["failures"]) for r in data.dead_letters)
    return _save(fig, out_dir, Chart(
        "dead_letters", "Dead letters by stage and feed",
        f"Bar chart of {total} dead letters by feed, split by pipeline stage.",
        "Items the pipeline could not handle, per feed and stage (the dead_letters "
        "table: each row has the input's URL and the error)."))


# ------------------------------------------------------------------------ the page
_CSS = """
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 0;
       color: #222; background: #fafafa; line-height: 1.45; }
header, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { margin: 0 0 4px; font-size: 1.7em; }
h2 { margin: 32px 0 8px; font-size: 1.25em; border-bottom: 1px solid #ddd; }
.period { font-size: 1.1em; margin: 0 0 4px; }
.meta, figcaption, footer { color: #555; font-size: 0.9em; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; padding: 0;
         list-style: none; }
.cards li { background: #fff; border: 1px solid #ddd; border-radius: 6px;
            padding: 8px 14px; min-width: 110px; }
.cards b { display: block; font-size: 1.5em; }
nav a { margin-right: 12px; }
figure { margin: 0; background: #fff; border: 1px solid #ddd; border-radius: 6px;
         padding: 12px; }
figure img { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 0.9em; }
th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.num { text-align: right; white-space: nowrap; }
.notice { background: #fff8e1; border: 1px solid #f0c36d; border-radius: 6px;
          padding: 12px 16px; }
.ok { color: #2e7d32; }
footer { padding: 32px 24px; }
"""


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _link(url: str | None, text: str) -> str:
    if url and urlsplit(url).scheme in ("http", "https"):
        return (f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer">'
                f"{_e(text)}</a>")
    return _e(text)


def _figure_html(chart: Chart) -> str:
    return (f'<figure><img src="{_e(chart.filename)}" alt="{_e(chart.alt)}" '
            f'width="{chart.width}" height="{chart.height}" class="chart">'
            f"<figcaption>{_e(chart.caption)}</figcaption></figure>")


def _figures_table(data: ReportData) -> str:
    if not data.figures:
        return '<p class="notice">No figures were quoted with a mineral in this period.</p>'
    order = {r["mineral"]: i for i, r in enumerate(data.criticality)}
    rows = sorted(data.figures, key=lambda r: (order.get(r["mineral"], len(order)),
                                               r["mineral"]))
    out = ["<table id=\"figures-table\"><thead><tr><th>mineral</th><th>figure</th>"
           "<th>kind</th><th>countries</th><th>as quoted</th><th>article</th>"
           "<th>date</th></tr></thead><tbody>"]
    last = None
    for r in rows:
        name = data.mineral_name(r["mineral"]) if r["mineral"] != last else ""
        last = r["mineral"]
        day = _as_date(r["seen_at"])
        out.append(
            f"<tr><td>{_e(name)}</td><td class=\"num\">{_e(format_figure(r['value'], r['unit']))}"
            f"</td><td>{_e(r['kind'])}</td><td>{_e(r['countries'])}</td>"
            f"<td>“{_e(r['quote'])}”</td><td>{_link(r['url'], r['title'] or r['url'])}"
            f"<br><small>{_e(r['source'])}</small></td>"
            f"<td class=\"num\">{_e(day.isoformat() if day else '')}</td></tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _dead_letters_table(data: ReportData, limit: int = 20) -> str:
    out = ["<table id=\"dead-letters-table\"><thead><tr><th>stage</th><th>feed</th>"
           "<th>failures</th><th>retryable</th><th>last failure (UTC)</th></tr></thead>"
           "<tbody>"]
    for r in data.dead_letters[:limit]:
        last = r["last_failed_at"]
        out.append(f"<tr><td>{_e(r['stage'])}</td><td>{_e(r['feed_url'])}</td>"
                   f"<td class=\"num\">{_e(r['failures'])}</td>"
                   f"<td class=\"num\">{_e(r['retryable'])}</td>"
                   f"<td>{_e(last.strftime('%Y-%m-%d %H:%M') if last else '')}</td></tr>")
    out.append("</tbody></table>")
    if len(data.dead_letters) > limit:
        out.append(f"<p class=\"meta\">{len(data.dead_letters) - limit} more stage and feed "
                   "pairs: query the dead_letters table.</p>")
    return "".join(out)


def _runs_table(data: ReportData) -> str:
    if not data.runs:
        return "<p class=\"meta\">No runs recorded.</p>"
    out = ["<table id=\"runs-table\"><thead><tr><th>run</th><th>finished (UTC)</th>"
           "<th>entries seen</th><th>new articles</th><th>duplicates</th>"
           "<th>dead letters</th></tr></thead><tbody>"]
    for r in data.runs:
        fin = r["finished_at"]
        out.append(f"<tr><td>{_e(r['run_id'])}</td>"
                   f"<td>{_e(fin.strftime('%Y-%m-%d %H:%M') if fin else '')}</td>"
                   + "".join(f"<td class=\"num\">{_e(r[k])}</td>" for k in
                             ("entries_seen", "articles_written", "duplicates_skipped",
                              "dead_letters")) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def render_html(data: ReportData, charts: dict[str, Chart]) -> str:
    o = data.overview
    period = period_text(data)
    dead_total = sum(int(r["failures"]) for r in data.dead_letters)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>orewire report: minerals in the news, {_e(period)}</title>",
        f"<style>{_CSS}</style></head><body>",
        "<header><h1>Minerals in the news</h1>",
        f'<p class="period" id="period">Period covered: <b>{_e(period)}</b> '
        f"(articles by publication date{', since ' + _e(data.since.isoformat()) if data.since else ''})</p>",
        f'<p class="meta">Warehouse <code>{_e(data.warehouse)}</code> · generated '
        f"{_e(data.generated_at.strftime('%Y-%m-%d %H:%M UTC'))} · {_e(PIPELINE_VERSION)} · "
        "the SQL behind every chart is in <a href=\"queries.sql\">queries.sql</a></p>",
    ]
    if data.empty:
        parts.append('<p class="notice" id="no-data">No articles in this warehouse for '
                     f"this period ({_e(period)}). Run <code>orewire run</code> to read "
                     "feeds into it, or choose an earlier <code>--since</code>.</p>")
    else:
        countries = {r["country"] for r in data.links}
        parts.append(
            '<ul class="cards" id="cards">'
            f"<li><b>{_e(o['articles'])}</b>articles</li>"
            f"<li><b>{_e(o['on_topic'])}</b>mention a mineral</li>"
            f"<li><b>{len(data.criticality)}</b>minerals mentioned</li>"
            f"<li><b>{len(countries)}</b>countries linked to a mineral</li>"
            f"<li><b>{_e(o['sources'])}</b>sources</li>"
            f"<li><b>{dead_total}</b>dead letters</li></ul>")
        parts.append('<nav><a href="#mentions">over time</a><a href="#countries">countries'
                     '</a><a href="#critical">critical minerals</a><a href="#figures">'
                     'figures</a><a href="#sources">sources</a><a href="#dead-letters">'
                     'dead letters</a><a href="#runs">runs</a></nav>')
    parts.append("</header><main>")
    sections = [("mentions", "mentions_over_time", "Mentions per mineral over time"),
                ("countries", "country_mineral_heatmap", "Countries × minerals"),
                ("critical", "critical_minerals", "Critical vs other minerals")]
    if not data.empty:
        for anchor, name, title in sections:
            parts.append(f'<section id="{anchor}"><h2>{_e(title)}</h2>')
            parts.append(_figure_html(charts[name]) if name in charts else
                         '<p class="notice">Nothing to show for this period.</p>')
            parts.append("</section>")
        parts.append('<section id="figures"><h2>Latest quoted figures per mineral</h2>'
                     f'<p class="meta">Up to {FIGURES_PER_MINERAL} most recent figures '
                     "stated with each mineral, as the article wrote them (values scaled "
                     "by million/billion, units never converted).</p>"
                     + _figures_table(data) + "</section>")
        parts.append('<section id="sources"><h2>Top sources</h2>'
                     + (_figure_html(charts["top_sources"]) if "top_sources" in charts
                        else "") + "</section>")
    parts.append('<section id="dead-letters"><h2>Dead letters by stage and feed</h2>')
    if data.dead_letters:
        parts.append(_figure_html(charts["dead_letters"]) if "dead_letters" in charts
                     else "")
        parts.append(_dead_letters_table(data))
    else:
        parts.append('<p class="ok" id="no-dead-letters">No dead letters in this period: '
                     "every item read was stored or skipped as a duplicate.</p>")
    parts.append("</section>")
    parts.append('<section id="runs"><h2>Recent runs</h2>' + _runs_table(data)
                 + "</section>")
    parts.append("</main><footer>Made by <code>orewire report</code>. Counts are of "
                 "articles stored in the warehouse; an article counts once per mineral "
                 "and per country it names.</footer></body></html>")
    return "\n".join(parts)


def _queries_file(data: ReportData) -> str:
    head = (f"-- The queries behind the orewire report ({period_text(data)}), in BigQuery "
            "Standard SQL.\n-- Rerun one with: orewire query \"$(cat queries.sql)\" or "
            "copy it into the BigQuery console.\n")
    return head + "".join(f"\n-- {name}\n{sql};\n" for name, sql in data.sql.items())


def write_report(data: ReportData, out_dir: str) -> str:
    """Draw the charts and write ``index.html`` into ``out_dir``; returns its path."""
    if os.path.exists(out_dir) and not os.path.isdir(out_dir):
        raise ReportError(f"--out must be a directory, and {out_dir} is a file")
    os.makedirs(out_dir, exist_ok=True)
    drawers = [chart_dead_letters]
    if not data.empty:
        drawers = [chart_mentions_over_time, chart_country_mineral_heatmap,
                   chart_critical_minerals, chart_top_sources, chart_dead_letters]
    charts = {}
    # Labels are data (source names, minerals): "$...$" in one is text, not mathtext.
    with mpl.rc_context({"text.parse_math": False}):
        for draw in drawers:
            chart = draw(data, out_dir)
            if chart is not None:
                charts[chart.name] = chart
    for name in CHARTS:  # a chart from an earlier report must not linger unlinked
        stale = os.path.join(out_dir, f"{name}.png")
        if name not in charts and os.path.exists(stale):
            os.remove(stale)
    with open(os.path.join(out_dir, "queries.sql"), "w", encoding="utf-8") as fh:
        fh.write(_queries_file(data))
    index = os.path.join(out_dir, "index.html")
    with open(index, "w", encoding="utf-8") as fh:
        fh.write(render_html(data, charts))
    return index


def build_report(warehouse: str, out_dir: str, since: dt.date | None = None,
                 **query_kw) -> str:
    """Query the warehouse and write the report; returns the path of ``index.html``."""
    return write_report(collect(warehouse, since, **query_kw), out_dir)
