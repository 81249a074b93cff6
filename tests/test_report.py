"""The analyst's report: its data on a hand-made warehouse, the folder it writes, the page
in headless Chromium with the network off (filters, map, timeline, CSV), and the README's
example queries on the bundled sample. Sentences and titles are written for these tests."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from orewire import report
from orewire.query import run_sql
from orewire.destinations.duckdb import DuckDBWarehouse
from orewire.pipeline.cli import main, run
from tests.browser import OfflinePage, offline_browser

ROOT = Path(__file__).resolve().parent.parent
UTC = dt.timezone.utc


def _t(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(tzinfo=UTC)


def _mention(mineral, countries=(), figures=(), events=(), sentence="s"):
    return {"mineral": mineral, "surface": mineral, "start": 0, "end": 1,
            "sentence": sentence, "countries": list(countries), "organizations": [],
            "figures": [{"value": v, "unit": u, "kind": k, "quote": q}
                        for v, u, k, q in figures],
            "events": [{"type": t, "direction": d, "country": c} for t, d, c in events]}


def _article(n, published, source, mentions, ingested="2025-03-05", title=None,
             url=None, duplicate_of=None):
    return {"article_id": f"a{n}", "url": url or f"https://news.example.org/{n}",
            "source": source, "title": title or f"Story {n}",
            "published_at": _t(published) if published else None,
            "ingested_at": _t(ingested), "fetched_at": _t(ingested), "language": "en",
            "text": "t", "minerals": mentions, "duplicate_of": duplicate_of,
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
SHARE = "Chile supplies about 41% of the lithium the plant buys, its owner said."
QUOTA = "Ruritania capped cobalt exports at 96,000 tonnes a year."


def write_small_warehouse(path: str) -> str:
    """Six articles (one a syndicated copy), four minerals, three dead letters, one run, in
    a new DuckDB warehouse at ``path``."""
    lithium_cl = _mention("lithium", ["CL"], [(41, "percent", "share", "41%")],
                          sentence=SHARE)
    with DuckDBWarehouse(path) as wh:
        wh.insert_rows("mineral_catalog", CATALOG)
        wh.insert_rows("articles", [
            _article(1, "2025-01-10", "Desk A", [
                lithium_cl,
                _mention("cobalt", ["CD"], [(76, "percent", "share", "about 76%")],
                         [("export_restriction", "tightening", "CD")], sentence=QUOTA)]),
            _article(6, "2025-01-11", "Wire", [lithium_cl], title="Story 1 (copy)",
                     duplicate_of="a1"),
            _article(2, "2025-02-03", "Desk A", [
                _mention("lithium", ["CL", "AR"],
                         [(2e7, "tonnes", "reserves", "20 million metric tons")]),
                _mention("silver")]),
            _article(3, "2025-02-20", "Desk B", [
                _mention("gold", figures=[(3000, "usd", "price", "above $3,000")])],
                     title='Gold <img src="https://tracker.example.net/x.png"> & co',
                     url="javascript:alert(1)"),
            _article(4, "2024-06-01", "Desk B", []),
            _article(5, None, "Desk A", [
                _mention("lithium", ["CL"],
                         [(652.26e6, "usd", "investment", "$652.26 million"),
                          (1.5e3, "tonnes", "production", "1,500 tonnes")])],
                     ingested="2025-03-01"),
        ])
        wh.insert_rows("dead_letters", [
            {"dead_letter_id": f"d{i}", "stage": stage, "source": f"https://x.org/{i}",
             "feed_url": feed, "error_type": etype, "error": error, "failed_at": _t(day),
             "retryable": i == 0, "run_id": "r1"}
            for i, (stage, feed, etype, error, day) in enumerate([
                ("fetch_articles", "https://feeds.example.org/a.xml", "FetchError",
                 "HTTP 503 from https://x.org/0", "2025-03-01"),
                ("fetch_articles", "https://feeds.example.org/a.xml", "FetchError",
                 "HTTP 503 from https://x.org/1", "2025-03-02"),
                ("read_feeds", "/data/feeds/b.xml", "ValueError",
                 "not a feed (no RSS/Atom root element)", "2024-01-01")])])
        wh.insert_rows("runs", [{"run_id": "r1", "mode": "batch", "started_at": _t("2025-03-05"),
                                 "finished_at": _t("2025-03-05"), "feeds": 2,
                                 "entries_seen": 9, "articles_written": 6,
                                 "duplicates_skipped": 0, "dead_letters": 3}])
    return path


@pytest.fixture
def small_warehouse(tmp_path):
    return write_small_warehouse(str(tmp_path / "small.duckdb"))


def test_collect_reads_every_section(small_warehouse):
    data = report.collect(small_warehouse)
    o = data.overview
    assert (o["articles"], o["stories"], o["on_topic"], o["sources"]) == (6, 5, 5, 3)
    assert report._as_date(o["last_at"]) == dt.date(2025, 3, 1)  # a5: ingested_at
    assert [a["article_id"] for a in data.articles][:2] == ["a5", "a3"]  # newest first
    assert {(r["article_id"], r["mineral"], r["country"]) for r in data.links} >= {
        ("a1", "lithium", "CL"), ("a2", "lithium", "AR"), ("a1", "cobalt", "CD")}
    # the supply event once: the copy carries none of its own
    assert [(e["article_id"], e["mineral"], e["event_type"], e["direction"], e["sentence"])
            for e in data.events] == [("a1", "cobalt", "export_restriction", "tightening",
                                       QUOTA)]
    # figures once per story, with the sentence; the 41% is in a1 and its copy a6
    shares = [f for f in data.figures if f["quote"] == "41%"]
    assert len(shares) == 1 and shares[0]["article_id"] == "a1"
    assert shares[0]["sentence"] == SHARE and shares[0]["copies"] == 2
    assert len(data.figures) == 6
    assert [(d["stage"], d["failures"], d["retryable"]) for d in data.dead_letters] == [
        ("fetch_articles", 2, 1), ("read_feeds", 1, 0)]
    assert set(data.sql) >= {"overview", "articles", "supply_events", "figures",
                             "digest_new_links", "runs_accounting"}


def test_page_data_links_each_article_to_its_links_events_and_copies(small_warehouse):
    page = report.page_data(report.collect(small_warehouse))
    by_id = {a["id"]: a for a in page["articles"]}
    assert by_id["a6"]["dup"] == "a1" and by_id["a1"]["dup"] is None
    assert sorted(map(tuple, by_id["a2"]["l"])) == [("lithium", "AR"), ("lithium", "CL")]
    ev = [page["events"][i] for i in by_id["a1"]["e"]]
    assert [(e["m"], e["type"], e["c"]) for e in ev] == [("cobalt", "export_restriction",
                                                          "CD")]
    assert by_id["a3"]["u"] is None  # a javascript: link is never a link
    assert by_id["a5"]["nd"] and by_id["a5"]["d"] == "2025-03-01"
    assert page["countries"]["CD"] == "CD DR Congo"
    assert page["minerals"]["silver"]["critical"] == "USGS 2025 list only"
    assert [r["addsUp"] for r in page["runs"]] == [True]
    assert page["deadLetters"][0]["cause"].startswith("fetching the page: the site's server "
                                                      "failed (HTTP 503)")


def test_dead_letters_are_one_row_per_stage_feed_and_error_type_as_shown(small_warehouse):
    """A missing feed and a missing error type are shown as '(no feed)' and '': rows that
    show the same are one row, on DuckDB as on BigQuery (where a GROUP BY name that is
    also a SELECT alias means the alias, and on DuckDB the column)."""
    with DuckDBWarehouse(small_warehouse) as wh:
        wh.insert_rows("dead_letters", [
            {"dead_letter_id": f"n{i}", "stage": "read_feeds", "source": "/data/feeds/c.xml",
             "feed_url": None, "error_type": etype, "error": "not a feed (empty file)",
             "failed_at": _t("2025-03-03"), "retryable": False, "run_id": "r1"}
            for i, etype in enumerate([None, ""])])
    shown = [(d["stage"], d["feed_url"], d["error_type"], d["failures"])
             for d in report.collect(small_warehouse).dead_letters]
    assert ("read_feeds", "(no feed)", "", 2) in shown
    assert len({row[:3] for row in shown}) == len(shown), shown


def test_dead_letters_show_their_attempts_and_last_error(small_warehouse, tmp_path):
    """A dead letter that `orewire retry` tried again: the report shows how many attempts
    it took and the error of the latest; a warehouse whose dead_letters lacks those
    columns (written before they existed) still reports, with one attempt each."""
    with DuckDBWarehouse(small_warehouse) as wh:
        wh.sql("UPDATE dead_letters SET attempts = 3, last_error = 'HTTP 502 from x' "
               "WHERE stage = 'fetch_articles'")
    page = report.page_data(report.collect(small_warehouse))
    fetch = [d for d in page["deadLetters"] if d["stage"] == "fetch_articles"]
    assert [(d["attempts"], d["lastError"]) for d in fetch] == [(3, "HTTP 502 from x")]
    old = str(tmp_path / "old.duckdb")
    with DuckDBWarehouse(old) as wh:
        wh.insert_rows("dead_letters", [{"dead_letter_id": "d1", "stage": "read_feeds",
                                         "source": "f", "error": "gone",
                                         "failed_at": _t("2025-03-03"),
                                         "retryable": False}])
        wh.query("ALTER TABLE dead_letters DROP COLUMN attempts")
        wh.query("ALTER TABLE dead_letters DROP COLUMN last_error")
    shown = report.page_data(report.collect(old))["deadLetters"]
    assert [(d["attempts"], d["lastError"]) for d in shown] == [(1, "")]


def test_since_keeps_the_period_only(small_warehouse):
    data = report.collect(small_warehouse, dt.date(2025, 2, 1))
    assert data.overview["articles"] == 3  # a2, a3 and a5 (by ingested_at)
    assert [d["stage"] for d in data.dead_letters] == ["fetch_articles"]
    assert report.period_text(data) == "1 Feb 2025 – 1 Mar 2025"
    assert not [f for f in data.figures if f["mineral"] == "cobalt"]


def test_the_folder_holds_everything_the_page_loads(small_warehouse, tmp_path):
    out = tmp_path / "r"
    out.mkdir()
    (out / "dead_letters.png").write_bytes(b"stale")  # the first edition's chart
    index = Path(report.build_report(small_warehouse, str(out)))
    page = index.read_text(encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == sorted(report.FILES)
    loaded = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert sorted(loaded) == ["data.js", "report.css", "report.js", "vega.js", "world.js"]
    for name in loaded:
        assert (out / name).stat().st_size > 0
    assert not re.search(r'(src|href)="(//|https?:)', page)
    assert "Copyright 2013-2019 Michael Bostock" in (out / "NOTICE.txt").read_text()
    world = (out / "world.js").read_text()
    assert '"id":"CL"' in world and '"id":"CD"' in world  # shapes keyed by ISO alpha-2
    assert "SELECT" in (out / "queries.sql").read_text()
    # the hooks of the issue, server-side: option values are mineral and country ids
    minerals = re.search(r'<select data-filter="mineral".*?</select>', page, re.S).group()
    assert re.findall(r'<option value="([^"]*)"', minerals) == [
        "", "cobalt", "gold", "lithium", "silver"]
    countries = re.search(r'<select data-filter="country".*?</select>', page, re.S).group()
    assert re.findall(r'<option value="([^"]*)"', countries) == ["", "AR", "CL", "CD"]
    assert 'data-view="map"' in page


@pytest.mark.parametrize("stage, etype, error, words", [
    ("fetch_articles", "FetchError", "HTTP 404 from https://x.org/a",
     "fetching the page: the page is gone: the site answered HTTP 404 (not found)"),
    ("fetch_articles", "FetchError", "timeout fetching https://x.org/a: read timed out",
     "fetching the page: the site did not answer in time"),
    ("fetch_articles", "BlockedAddress",
     "refused '10.0.0.1': resolves to non-public address 10.0.0.1",
     "fetching the page: refused for safety: the address points into a private or "
     "internal network"),
    ("read_feeds", "ValueError", "not a feed (no RSS/Atom root element)",
     "reading the feed: the file is not an RSS, Atom or JSON feed"),
    ("clean_articles", "NoText", "no main text found",
     "extracting the text: no article text could be found on the page"),
    ("tag_minerals", "KeyError", "'sentence'\nTraceback...", "finding minerals: 'sentence'"),
])
def test_dead_letter_causes_in_words(stage, etype, error, words):
    assert report.cause_in_words(stage, etype, error) == words


def test_run_accounting_with_and_without_retries():
    ok = report.run_accounting({"run_id": "r", "entries_seen": 10, "retried": 2,
                                "articles_written": 7, "duplicates_skipped": 3,
                                "dead_letters": 2})
    assert ok["addsUp"] and ok["retried"] == 2
    bad = report.run_accounting({"run_id": "r", "entries_seen": 10, "articles_written": 7,
                                 "duplicates_skipped": 1, "dead_letters": 1})
    assert not bad["addsUp"] and bad["retried"] is None


@pytest.mark.parametrize("value, unit, text", [
    (41, "percent", "41%"), (2.5, "percent", "2.5%"), (652260000, "usd", "$652.26 million"),
    (2e7, "tonnes", "20 million tonnes"), (88000, "tonnes", "88,000 tonnes"),
    (3.4e9, "usd", "$3.4 billion"), (5e6, "aud", "5 million AUD"), (2.4e6, "oz", "2.4 million oz"),
    (100, "usd/lb", "$100/lb"), (80, "aud/t", "80 AUD/t"), (None, "usd", "")])
def test_format_figure(value, unit, text):
    assert report.format_figure(value, unit) == text


def test_parse_since_and_periods():
    today = dt.date(2025, 3, 31)
    assert report.parse_since("2025-01-31") == dt.date(2025, 1, 31)
    assert report.parse_since("30d", today) == dt.date(2025, 3, 1)
    assert report.parse_since("2w", today) == dt.date(2025, 3, 17)
    assert report.parse_since(None) is None
    with pytest.raises(report.ReportError, match="--since must be a date"):
        report.parse_since("last tuesday")
    assert report.period_options(dt.date(2025, 1, 20), dt.date(2025, 3, 5)) == [
        ("last-7", "last 7 days (to 2025-03-05)"), ("last-28", "last 4 weeks (to 2025-03-05)"),
        ("2025-03", "March 2025"), ("2025-02", "February 2025"), ("2025-01", "January 2025")]
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


# ------------------------------------------------------------- in headless Chromium
@pytest.fixture(scope="module")
def browser():
    with offline_browser() as b:
        yield b


@pytest.fixture(scope="module")
def sample_warehouse(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("sample") / "orewire.duckdb")
    assert run(["--warehouse", path, "--quiet"]) == 0
    return path


@pytest.fixture(scope="module")
def sample_report(sample_warehouse, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "r"
    assert main(["report", "--warehouse", sample_warehouse, "--out", str(out)]) == 0
    return out / "index.html"


def _view_state(page) -> dict:
    return page.evaluate("""() => ({
      rows: Array.from(document.querySelectorAll('#articles-table tbody tr')).map(
        r => [r.dataset.articleId, r.dataset.minerals]),
      count: document.getElementById('article-count').textContent,
      linked: document.querySelector('[data-view="map"]').dataset.linked,
      mapPaths: document.querySelectorAll('[data-view="map"] svg path').length,
      timeline: Number(document.getElementById('timeline').dataset.total),
      events: Number(document.getElementById('events').dataset.count),
      svgs: Array.from(document.querySelectorAll('.chart')).map(
        c => c.querySelectorAll('svg').length),
      eventMarks: document.querySelectorAll('#chart-events svg path').length,
      newItems: document.querySelectorAll('#new-body li').length,
      figures: document.querySelectorAll('#figures-table tbody tr').length
    })""")


def test_sample_report_renders_offline_and_a_mineral_filters_the_views(browser,
                                                                         sample_report):
    view = OfflinePage(browser)
    try:
        page = view.open(sample_report)
        before = _view_state(page)
        assert view.problems == []
        assert before["svgs"] == [1, 1, 1, 1, 1]  # timeline, map, mentions, events, sources
        assert before["rows"] and before["count"].startswith(f"{len(before['rows'])} of ")
        assert before["mapPaths"] > 150  # every country's shape, offline
        assert len(before["linked"].split()) >= 5 and before["timeline"] > 0
        assert before["events"] > 0 and before["newItems"] > 0 and before["figures"] > 0
        options = page.eval_on_selector_all('select[data-filter="mineral"] option',
                                            "os => os.map(o => o.value)")
        assert "graphite" in options and "rare_earth_elements" in options

        page.select_option('select[data-filter="mineral"]', "graphite")
        view.wait_ready()
        after = _view_state(page)
        assert after["rows"] and len(after["rows"]) < len(before["rows"])
        assert all("graphite" in m.split() for _, m in after["rows"])
        assert after["linked"] != before["linked"] and "CN" in after["linked"].split()
        assert after["timeline"] < before["timeline"]
        assert 0 < after["events"] < before["events"]

        # the CSV of the article list holds the filtered rows, every one of them
        with page.expect_download() as dl:
            page.click('button[data-csv="articles"]')
        text = Path(dl.value.path()).read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [r["article_id"] for r in rows] == [a for a, _ in after["rows"]]
        assert all("graphite" in r["minerals"].split() for r in rows)

        page.select_option('select[data-filter="mineral"]', index=0)
        page.select_option('select[data-filter="event"]', "export_restriction")
        view.wait_ready()
        controls = _view_state(page)
        assert 0 < controls["events"] < before["events"]
        assert view.problems == []
    finally:
        view.close()


def test_copies_are_marked_and_counted_once_and_text_stays_text(browser, small_warehouse,
                                                                tmp_path):
    index = report.build_report(small_warehouse, str(tmp_path / "r"))
    view = OfflinePage(browser)
    try:
        page = view.open(index)
        state = _view_state(page)
        assert len(state["rows"]) == 6 and state["timeline"] == 5  # a6 is a1's copy
        copy = page.inner_text('tr[data-article-id="a6"]')
        assert "syndicated copy of" in copy and "Story 1" in copy
        # a title holding markup is shown as text: no element, no request for it
        assert page.inner_text('tr[data-article-id="a3"] td:nth-child(2)').startswith(
            'Gold <img src="https://tracker.example.net/x.png"> & co')
        assert page.query_selector('tr[data-article-id="a3"] img') is None
        assert page.inner_text("#dead-letters-table").count("the site's server failed") == 1
        assert "yes" in page.inner_text("#runs-table")

        page.select_option('select[data-filter="country"]', "CD")
        view.wait_ready()
        assert [r[0] for r in _view_state(page)["rows"]] == ["a1"]
        assert page.get_attribute('[data-view="map"]', "data-linked") == "CD CL"

        page.fill("#article-search", "desk b")  # the search narrows the list only
        page.select_option('select[data-filter="country"]', index=0)
        view.wait_ready()
        page.wait_for_function(
            "document.querySelectorAll('#articles-table tbody tr').length === 2")
        assert view.problems == []
    finally:
        view.close()


def test_an_empty_warehouse_opens_and_says_so(browser, tmp_path):
    empty = str(tmp_path / "empty.duckdb")
    DuckDBWarehouse(empty).close()
    index = report.build_report(empty, str(tmp_path / "e"))
    assert 'id="no-data"' in Path(index).read_text(encoding="utf-8")
    view = OfflinePage(browser)
    try:
        page = view.open(index)
        assert _view_state(page)["rows"] == [] and view.problems == []
        assert page.is_visible("#no-dead-letters")
    finally:
        view.close()


def test_the_harness_catches_a_missing_script(browser, sample_report, tmp_path):
    """A folder without its chart library must not pass: the page never gets ready and
    the failed load is recorded."""
    broken = tmp_path / "broken"
    broken.mkdir()
    for f in sample_report.parent.iterdir():
        if f.name != "vega.js":
            (broken / f.name).write_bytes(f.read_bytes())
    view = OfflinePage(browser)
    try:
        with pytest.raises(AssertionError, match="never got ready"):
            view.open(broken / "index.html", timeout_ms=3000)
        assert any("vega.js" in p for p in view.problems), view.problems
    finally:
        view.close()


# ------------------------------------------------------------- the bundled sample
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


