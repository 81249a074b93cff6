"""The analyst's report: its data on a hand-made warehouse, its page in headless Chromium,
and the README's example queries on the bundled sample."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from orewire import report
from orewire.query import run_sql
from orewire.warehouse import DuckDBWarehouse
from pipeline.cli import main, run

ROOT = Path(__file__).resolve().parent.parent
UTC = dt.timezone.utc


def _t(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(tzinfo=UTC)


def _mention(mineral, countries=(), figures=()):
    return {"mineral": mineral, "surface": mineral, "start": 0, "end": 1, "sentence": "s",
            "countries": list(countries), "organizations": [],
            "figures": [{"value": v, "unit": u, "kind": k, "quote": q}
                        for v, u, k, q in figures]}


def _article(n, published, source, mentions, ingested="2025-03-05", title=None,
             url=None):
    return {"article_id": f"a{n}", "url": url or f"https://news.example.org/{n}",
            "source": source, "title": title or f"Story {n}",
            "published_at": _t(published) if published else None,
            "ingested_at": _t(ingested), "fetched_at": _t(ingested), "language": "en",
            "text": "t", "minerals": mentions,
            "mineral_ids": sorted({m["mineral"] for m in mentions}),
            "country_codes": sorted({c for m in mentions for c in m["countries"]}),
            "run_id": "r1"}


CATALOG = [
    {"id": "lithium", "name": "Lithium", "mineral_group": "battery metals",
     "usgs_critical_2025": True, "eu_critical_2023": True, "eu_strategic_2023": True},
    {"id": "cobalt", "name": "Cobalt", "mineral_group": "battery metals",
     "usgs_critical_2025": True, "eu_critical_2023": True, "eu_strategic_2023": True},
    {"id": "silver", "name": "Silver", "mineral_group": "precious metals",
     "usgs_critical_2025": True, "eu_critical_2023": False, "eu_strategic_2023": False},
    {"id": "gold", "name": "Gold", "mineral_group": "precious metals",
     "usgs_critical_2025": False, "eu_critical_2023": False, "eu_strategic_2023": False},
]


@pytest.fixture
def small_warehouse(tmp_path):
    """Five articles, four minerals, three dead letters: numbers a test can check."""
    path = str(tmp_path / "small.duckdb")
    with DuckDBWarehouse(path) as wh:
        wh.insert_rows("mineral_catalog", CATALOG)
        wh.insert_rows("articles", [
            _article(1, "2025-01-10", "Desk A", [
                _mention("lithium", ["CL"], [(41, "percent", "share", "41%")]),
                _mention("cobalt", ["CD"], [(76, "percent", "share", "about 76%")])]),
            _article(2, "2025-02-03", "Desk A", [
                _mention("lithium", ["CL", "AR"],
                         [(2e7, "tonnes", "reserves", "20 million metric tons")]),
                _mention("silver")]),
            _article(3, "2025-02-20", "Desk B", [
                _mention("gold", figures=[(3000, "usd", "price", "above $3,000")])],
                     title="Gold <b>rush</b> & co", url="javascript:alert(1)"),
            _article(4, "2024-06-01", "Desk B", []),
            _article(5, None, "Desk A", [
                _mention("lithium", ["CL"],
                         [(652.26e6, "usd", "investment", "$652.26 million"),
                          (1.5e3, "tonnes", "production", "1,500 tonnes")])],
                     ingested="2025-03-01"),
        ])
        wh.insert_rows("dead_letters", [
            {"dead_letter_id": f"d{i}", "stage": stage, "source": f"https://x.org/{i}",
             "feed_url": feed, "error": "boom", "failed_at": _t(day), "retryable": i == 0,
             "run_id": "r1"}
            for i, (stage, feed, day) in enumerate([
                ("fetch_articles", "https://feeds.example.org/a.xml", "2025-03-01"),
                ("fetch_articles", "https://feeds.example.org/a.xml", "2025-03-02"),
                ("read_feeds", "/data/feeds/b.xml", "2024-01-01")])])
    return path


def test_collect_reads_every_section(small_warehouse):
    data = report.collect(small_warehouse)
    o = data.overview
    assert (o["articles"], o["on_topic"], o["sources"]) == (5, 4, 2)
    assert report._as_date(o["first_at"]) == dt.date(2024, 6, 1)
    assert report._as_date(o["last_at"]) == dt.date(2025, 3, 1)  # a5: ingested_at
    assert data.bucket == "WEEK"  # 273 days of articles

    periods, series = report.timeline_series(data)
    assert periods[0] == dt.date(2025, 1, 6) and periods[-1] == dt.date(2025, 2, 24)
    assert all((b - a).days == 7 for a, b in zip(periods, periods[1:]))  # no holes
    assert sum(series["lithium"]) == 3 and sum(series["gold"]) == 1
    assert series["lithium"][periods.index(dt.date(2025, 2, 24))] == 1  # a5, ingested

    countries, minerals, matrix = report.heatmap_matrix(data.links)
    assert countries[0] == "CL" and minerals[0] == "lithium"
    assert matrix[0][0] == 3  # three articles link Chile with lithium
    assert matrix[countries.index("CD")][minerals.index("cobalt")] == 1
    assert matrix[countries.index("CD")][minerals.index("lithium")] == 0

    assert report.criticality_totals(data.criticality) == {
        "critical on both lists": 4, "USGS 2025 list only": 1, "EU 2023 list only": 0,
        "on neither list": 1}

    lithium = [f for f in data.figures if f["mineral"] == "lithium"]
    assert [f["quote"] for f in lithium] == ["$652.26 million", "1,500 tonnes",
                                             "20 million metric tons"]  # newest first, 3
    assert {f["mineral"] for f in data.figures} == {"lithium", "cobalt", "gold"}

    assert [(s["source"], s["articles"], s["on_topic"]) for s in data.sources] == [
        ("Desk A", 3, 3), ("Desk B", 2, 1)]
    assert [(d["stage"], d["feed_url"], d["failures"], d["retryable"])
            for d in data.dead_letters] == [
        ("fetch_articles", "https://feeds.example.org/a.xml", 2, 1),
        ("read_feeds", "/data/feeds/b.xml", 1, 0)]
    assert set(data.sql) >= {"overview", "mentions_over_time", "latest_figures"}


def test_since_keeps_the_period_only(small_warehouse):
    data = report.collect(small_warehouse, dt.date(2025, 2, 1))
    assert data.overview["articles"] == 3  # a2, a3 and a5 (by ingested_at)
    assert data.bucket == "DAY"
    assert [d["stage"] for d in data.dead_letters] == ["fetch_articles"]
    assert report.period_text(data) == "1 Feb 2025 – 1 Mar 2025"
    assert {f["quote"] for f in data.figures if f["mineral"] == "cobalt"} == set()


def test_written_page_links_charts_and_escapes(small_warehouse, tmp_path):
    out = tmp_path / "r"
    (out).mkdir()
    (out / "dead_letters.png").write_bytes(b"stale")
    index = report.build_report(small_warehouse, str(out))
    page = Path(index).read_text(encoding="utf-8")
    srcs = re.findall(r'<img src="([^"]+)"', page)
    assert sorted(srcs) == sorted(f"{n}.png" for n in report.CHARTS)
    for src in srcs:
        assert (out / src).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<script" not in page and not re.search(r'(src|href)="(//|https?://)[^"]*\.(js|css)',
                                                   page)
    assert "Gold &lt;b&gt;rush&lt;/b&gt; &amp; co" in page  # escaped, not markup
    assert 'href="javascript:' not in page and "“above $3,000”" in page
    assert 'href="https://news.example.org/5"' in page  # figures link to their article
    assert "$652.26 million" in page and "20 million tonnes" in page
    assert "SELECT" in (out / "queries.sql").read_text()


def test_empty_warehouse_and_future_period_say_so(tmp_path, small_warehouse):
    empty = str(tmp_path / "empty.duckdb")
    DuckDBWarehouse(empty).close()
    page = Path(report.build_report(empty, str(tmp_path / "e"))).read_text()
    assert 'id="no-data"' in page and "<img" not in page and 'id="no-dead-letters"' in page
    assert not list((tmp_path / "e").glob("*.png"))

    page = Path(report.build_report(small_warehouse, str(tmp_path / "f"),
                                    dt.date(2025, 3, 2))).read_text()
    assert 'id="no-data"' in page and "since 2 Mar 2025" in page
    # the dead letter of 2 March is still shown: an operator wants exactly that
    assert re.findall(r'<img src="([^"]+)"', page) == ["dead_letters.png"]


@pytest.mark.parametrize("value, unit, text", [
    (41, "percent", "41%"), (2.5, "percent", "2.5%"), (652260000, "usd", "$652.26 million"),
    (2e7, "tonnes", "20 million tonnes"), (88000, "tonnes", "88,000 tonnes"),
    (3.4e9, "usd", "$3.4 billion"), (5e6, "aud", "5 million AUD"), (2.4e6, "oz", "2.4 million oz"),
    (100, "usd/lb", "$100/lb"), (80, "aud/t", "80 AUD/t"), (None, "usd", "")])
def test_format_figure(value, unit, text):
    assert report.format_figure(value, unit) == text


def test_parse_since_and_buckets():
    today = dt.date(2025, 3, 31)
    assert report.parse_since("2025-01-31") == dt.date(2025, 1, 31)
    assert report.parse_since("30d", today) == dt.date(2025, 3, 1)
    assert report.parse_since("2w", today) == dt.date(2025, 3, 17)
    assert report.parse_since(None) is None
    with pytest.raises(report.ReportError, match="--since must be a date"):
        report.parse_since("last tuesday")
    assert report.bucket_range(dt.date(2024, 11, 15), dt.date(2025, 2, 1), "MONTH") == [
        dt.date(2024, 11, 1), dt.date(2024, 12, 1), dt.date(2025, 1, 1), dt.date(2025, 2, 1)]
    assert report.choose_bucket(dt.date(2025, 1, 1), dt.date(2025, 1, 20)) == "DAY"
    assert report.choose_bucket(dt.date(2023, 1, 1), dt.date(2025, 1, 20)) == "MONTH"
    assert report.country_label("CD") == "CD DR Congo"
    assert report.country_label("CL") == "CL Chile"


def test_report_command_exit_codes(small_warehouse, tmp_path, capsys):
    out = tmp_path / "cli"
    assert main(["report", "--warehouse", small_warehouse, "--out", str(out)]) == 0
    assert (out / "index.html").exists()
    assert "report written" in capsys.readouterr().out
    assert main(["report", "--warehouse", str(tmp_path / "nope.duckdb"),
                 "--out", str(out)]) == 2
    assert "warehouse not found" in capsys.readouterr().err
    assert main(["report", "--warehouse", small_warehouse, "--since", "soon",
                 "--out", str(out)]) == 2
    afile = tmp_path / "file.txt"
    afile.write_text("x")
    assert main(["report", "--warehouse", small_warehouse, "--out", str(afile)]) == 2
    assert "must be a directory" in capsys.readouterr().err


# ------------------------------------------------------------- the bundled sample
@pytest.fixture(scope="module")
def sample_warehouse(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("sample") / "orewire.duckdb")
    assert run(["--warehouse", path, "--quiet"]) == 0
    return path


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


# Injected into a copy of the page: collects script errors, failed resource loads and
# console errors, then writes what it saw into the DOM that --dump-dom prints.
CHECK_SCRIPT = """<script>
window.__errors = [];
window.addEventListener('error', function (e) {
  var t = e.target;
  window.__errors.push(t && t !== window && t.tagName
      ? 'failed to load ' + t.tagName + ' ' + (t.getAttribute('src') || t.getAttribute('href'))
      : 'script error: ' + e.message);
}, true);
window.addEventListener('unhandledrejection', function (e) {
  window.__errors.push('rejection: ' + e.reason);
});
var __consoleError = console.error;
console.error = function () {
  window.__errors.push('console: ' + Array.prototype.join.call(arguments, ' '));
  __consoleError.apply(console, arguments);
};
window.addEventListener('load', function () {
  var imgs = Array.prototype.slice.call(document.images);
  var out = document.createElement('pre');
  out.id = 'orewire-check';
  out.textContent = JSON.stringify({
    errors: window.__errors,
    images: imgs.map(function (i) {
      return {src: i.getAttribute('src'), w: i.naturalWidth, h: i.naturalHeight,
              shown: i.getBoundingClientRect().width};
    }),
    svgs: document.querySelectorAll('svg').length,
    h1: (document.querySelector('h1') || {}).textContent,
    period: (document.getElementById('period') || {}).textContent,
    figureRows: document.querySelectorAll('#figures-table tbody tr').length
  });
  document.body.appendChild(out);
});
</script>"""


def _render_in_chromium(page: Path, tmp: Path) -> dict:
    chromium = _chromium()
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (make test installs it with apt)")
        pytest.skip("chromium is not installed: apt-get install chromium")
    check = page.with_name("check-" + page.name)  # beside it: relative srcs resolve
    html = page.read_text(encoding="utf-8")
    check.write_text(html.replace("<head>", "<head>" + CHECK_SCRIPT, 1), encoding="utf-8")
    proc = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--disable-extensions", f"--user-data-dir={tmp / 'profile'}",
         "--virtual-time-budget=5000", "--dump-dom", check.as_uri()],
        capture_output=True, text=True, timeout=180)
    m = re.search(r'<pre id="orewire-check">(.*?)</pre>', proc.stdout, re.S)
    assert m, f"no check output from chromium (exit {proc.returncode}): {proc.stderr[-2000:]}"
    return json.loads(_unescape(m.group(1)))


def _unescape(text: str) -> str:
    class P(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.out = []

        def handle_data(self, data):
            self.out.append(data)

    p = P()
    p.feed(text)
    p.close()
    return "".join(p.out)


def test_report_renders_in_headless_chromium(sample_warehouse, tmp_path):
    out = tmp_path / "r"
    assert main(["report", "--warehouse", sample_warehouse, "--out", str(out)]) == 0
    seen = _render_in_chromium(out / "index.html", tmp_path)
    assert seen["errors"] == []
    assert seen["h1"] == "Minerals in the news"
    assert re.search(r"Period covered: \d+ \w{3} \d{4} – \d+ \w{3} \d{4}", seen["period"])
    charts = [i for i in seen["images"] if i["w"] > 0 and i["h"] > 0 and i["shown"] > 0]
    assert len(charts) >= 2, seen["images"]
    # the sample has minerals, countries, figures and two sources: four charts, no gaps
    assert {i["src"] for i in charts} == {"mentions_over_time.png",
                                          "country_mineral_heatmap.png",
                                          "critical_minerals.png", "top_sources.png"}
    assert seen["figureRows"] >= 5


def test_chromium_check_catches_a_missing_chart(sample_warehouse, tmp_path):
    """The harness itself: a page whose chart is gone must not pass."""
    out = tmp_path / "r"
    report.build_report(sample_warehouse, str(out))
    (out / "top_sources.png").unlink()
    seen = _render_in_chromium(out / "index.html", tmp_path)
    assert any("top_sources.png" in e for e in seen["errors"])
    assert [i["w"] for i in seen["images"] if i["src"] == "top_sources.png"] == [0]


def _readme_queries() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## First ten minutes", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


def test_readme_example_queries_run_on_the_sample(sample_warehouse):
    queries = _readme_queries()
    assert len(queries) == 4
    results = [run_sql(sample_warehouse, q) for q in queries]
    for cols, rows in results:
        assert rows, cols
    (cols1, rows1), (cols2, rows2), (cols3, rows3), (cols4, rows4) = results
    assert cols1 == ["mineral", "country", "articles"]
    assert ("rare_earth_elements", "CN") in {(r[0], r[1]) for r in rows1}
    assert any(r[cols2.index("quote")] == "around 70%" for r in rows2)  # the seed article
    titles = " ".join(r[cols3.index("title")] for r in rows3)
    assert "gallium" in titles.lower()
    controls = {(r[cols4.index("country")], r[cols4.index("mineral")], r[cols4.index("direction")])
                for r in rows4}
    assert ("CN", "graphite", "tightening") in controls          # the sample's 2023 permits
    assert ("ZW", "lithium", "tightening") in controls


def test_a_source_name_with_dollar_signs_is_text_not_math(tmp_path):
    """A publisher named like "$\\undefined{x}$" crashed matplotlib's mathtext parser."""
    path = str(tmp_path / "math.duckdb")
    with DuckDBWarehouse(path) as wh:
        wh.insert_rows("mineral_catalog", CATALOG)
        wh.insert_rows("articles", [
            _article(n, f"2025-01-{10 + n}", "$\\undefined{x}$ Metals", [
                _mention("lithium", ["CL"], [(41, "percent", "share", "41%")])])
            for n in range(3)])
    from orewire.report import build_report
    index = build_report(path, str(tmp_path / "r"))
    assert "$\\undefined{x}$ Metals" in open(index, encoding="utf-8").read()
