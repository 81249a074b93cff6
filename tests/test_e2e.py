"""End to end: `orewire run` over feeds and pages served from 127.0.0.1 into DuckDB."""
from __future__ import annotations

import re

import duckdb
import pytest

from orewire.pipeline.cli import main, run
from tests.conftest import Route
from tests.fixtures import (BOLIVIA, CHILE, MYANMAR, OFF_TOPIC, atom, page_html,
                            paragraphs_html, rss)

FAST = ["--per-host-delay", "0", "--quiet"]


def _serve_news(server):
    server.routes["/news/bolivia-lithium"] = Route(page_html(
        "Bolivia reopens lithium bidding", BOLIVIA,
        canonical="https://news.example.org/news/bolivia-lithium"))
    server.routes["/news/myanmar-tin"] = Route(page_html("Tin jumps on Myanmar halt", MYANMAR))
    server.routes["/feed.xml"] = Route(rss("Metals Desk", [
        {"title": "Bolivia reopens lithium bidding",
         "link": server.url("/news/bolivia-lithium?utm_source=rss&utm_medium=feed#top"),
         "description": "Bolivia wants new partners for its lithium …"},
        {"title": "Tin jumps on Myanmar halt", "link": server.url("/news/myanmar-tin"),
         "description": "Tin rose on the LME. Read more"},
        {"title": "Gone story", "link": server.url("/news/deleted"),
         "description": "This page no longer exists."},
        {"title": "Chile keeps copper crown", "link": server.url("/news/chile-copper"),
         "description": "Chile stays top.", "content": paragraphs_html(CHILE)},
        {"title": "Cup final", "link": server.url("/news/cup-final"),
         "description": "A football report.",
         "content": paragraphs_html(OFF_TOPIC * 12)},
    ]), headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'})
    server.routes["/feed.atom"] = Route(atom("Second Desk", [
        {"title": "Bolivia again", "link": server.url("/news/bolivia-lithium")},
        {"title": "Bad link", "link": "javascript:alert(1)"},
    ]), headers={"Content-Type": "application/atom+xml"})


def summary_count(out: str, label: str) -> int:
    """The number in the summary table's row ``| label | n |``."""
    rows = re.findall(r"^\|\s*" + re.escape(label) + r"\s*\|\s*(\d+)\s*\|$", out, re.M)
    assert len(rows) == 1, f"no single summary row {label!r} in:\n{out}"
    return int(rows[0])


def _db(path):
    return duckdb.connect(str(path), read_only=True)


@pytest.mark.default_parallelism  # multi_processing workers where the machine has cores
def test_run_over_local_server_is_complete_and_idempotent(server, tmp_path, capsys):
    _serve_news(server)
    wh = tmp_path / "news.duckdb"
    argv = ["--feeds", server.url("/feed.xml"), server.url("/feed.atom"),
            "--warehouse", str(wh), "--allow-private-network", *FAST]
    assert run(argv) == 0
    out = capsys.readouterr().out
    assert summary_count(out, "entries seen") == 7
    assert summary_count(out, "new articles written") == 4
    assert summary_count(out, "duplicates skipped") == 1
    assert summary_count(out, "dead letters") == 2
    assert summary_count(out, "in fetch_articles") == 1

    con = _db(wh)
    rows = {r[0]: r for r in con.execute(
        "SELECT url, text_source, text, mineral_ids, country_codes, canonical_url, source "
        "FROM articles").fetchall()}
    assert set(rows) == {server.url(p) for p in ("/news/bolivia-lithium", "/news/myanmar-tin",
                                                 "/news/chile-copper", "/news/cup-final")}
    bolivia = rows[server.url("/news/bolivia-lithium")]
    assert bolivia[1] == "page"
    assert "23 million metric tons" in bolivia[2]
    for boiler in ("Subscribe", "cookies", "All rights reserved", "analytics-snippet",
                   "Celebrity chef"):
        assert boiler not in bolivia[2]
    assert "lithium" in bolivia[3]
    assert {"BO", "CN", "RU"} <= set(bolivia[4])
    assert bolivia[5] == "https://news.example.org/news/bolivia-lithium"
    assert bolivia[6] == "Metals Desk"
    chile = rows[server.url("/news/chile-copper")]
    assert chile[1] == "feed" and "copper" in chile[3] and "CL" in chile[4]
    assert rows[server.url("/news/cup-final")][3] == []  # stored though off topic
    assert not any(p == "/news/chile-copper" for p, _ in server.requests)  # full text: no fetch

    # tin: figures and links in the same sentence
    tin = con.execute(
        "SELECT m.countries, m.figures FROM articles, unnest(minerals) t(m) "
        "WHERE m.mineral = 'tin' AND m.sentence LIKE '%10%'").fetchall()
    assert tin and "MM" in tin[0][0]
    assert any(f["value"] == 10 and f["unit"] == "percent" for f in tin[0][1])

    dead = con.execute("SELECT stage, source, retryable, error FROM dead_letters "
                       "ORDER BY stage").fetchall()
    assert [(d[0], d[2]) for d in dead] == [("fetch_articles", False), ("read_feeds", False)]
    assert "404" in dead[0][3] and dead[0][1] == server.url("/news/deleted")
    assert "javascript" in dead[1][3]

    run_row = con.execute("SELECT entries_seen, articles_written, duplicates_skipped, "
                          "dead_letters FROM runs").fetchall()
    assert run_row == [(7, 4, 1, 2)]
    assert run_row[0][0] == sum(run_row[0][1:])  # nothing lost
    states = dict(con.execute("SELECT feed_url, etag FROM feed_state").fetchall())
    assert states[server.url("/feed.xml")] == '"v1"'
    con.close()

    # The same feeds again: nothing new; the feed is asked with its ETag.
    assert run(argv) == 0
    out = capsys.readouterr().out
    assert summary_count(out, "new articles written") == 0
    con = _db(wh)
    assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 4
    con.close()
    feed_requests = [h for p, h in server.requests if p == "/feed.xml"]
    assert feed_requests[-1].get("If-None-Match") == '"v1"'


def test_private_addresses_refused_by_default(server, tmp_path, capsys):
    _serve_news(server)
    wh = tmp_path / "w.duckdb"
    assert run(["--feeds", server.url("/feed.xml"), "--warehouse", str(wh), *FAST]) == 0
    con = _db(wh)
    assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 0
    errors = con.execute("SELECT stage, error FROM dead_letters").fetchall()
    assert len(errors) == 1 and errors[0][0] == "read_feeds"
    assert "non-public address" in errors[0][1]
    assert server.requests == []


def test_fetch_never_uses_feed_text(server, tmp_path):
    _serve_news(server)
    wh = tmp_path / "n.duckdb"
    assert run(["--feeds", server.url("/feed.xml"), "--warehouse", str(wh),
                "--allow-private-network", "--fetch", "never", *FAST]) == 0
    con = _db(wh)
    sources = {r[0] for r in con.execute("SELECT text_source FROM articles").fetchall()}
    assert sources == {"feed"}
    assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 5
    assert not any(p.startswith("/news/") for p, _ in server.requests)


def test_bundled_sample_gives_the_seed_article_row(tmp_path):
    wh = tmp_path / "sample.duckdb"
    assert run(["--warehouse", str(wh), "--quiet"]) == 0
    con = _db(wh)
    n = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    assert n >= 15
    seed = con.execute("SELECT article_id, mineral_ids, country_codes FROM articles "
                       "WHERE title LIKE 'Kazakhstan Explores Rare Earth%'").fetchall()
    assert len(seed) == 1
    _, mineral_ids, country_codes = seed[0]
    assert {"rare_earth_elements", "copper", "nickel", "cobalt", "manganese",
            "lithium"} <= set(mineral_ids)
    assert {"KZ", "CN", "BE"} <= set(country_codes)
    links = con.execute(
        "SELECT m.figures FROM articles, unnest(minerals) t(m) "
        "WHERE title LIKE 'Kazakhstan Explores%' AND m.mineral = 'rare_earth_elements' "
        "AND list_contains(m.countries, 'CN')").fetchall()
    figures = [f for (figs,) in links for f in figs]
    assert any(f["value"] == 70 and f["unit"] == "percent" and "around 70%" in f["quote"]
               for f in figures)
    catalog = con.execute("SELECT count(*) FROM mineral_catalog").fetchall()[0][0]
    assert catalog >= 60
    con.close()
    assert run(["--warehouse", str(wh), "--quiet"]) == 0
    con = _db(wh)
    assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == n


@pytest.mark.parametrize("args, message", [
    (["--feeds", "does/not/exist.xml"], "not found"),
    (["--feeds", "ftp://example.org/feed.xml"], "unsupported feed scheme"),
    (["--warehouse", "/nonexistent-dir/x.duckdb"], "does not exist"),
    (["--warehouse", "out.parquet"], "must be a DuckDB file"),
    (["--per-host-concurrency", "0"], "at least 1"),
    (["--fetch-timeout", "nan"], "finite"),
    (["--fetch-timeout", "inf"], "finite"),
    (["--poll-interval", "inf"], "finite"),
    (["--warehose", "elsewhere.duckdb"],
     "unknown option --warehose (did you mean --warehouse?"),             # misspelt
    (["--feed", "seeds/sample"],
     "unknown option --feed (did you mean --feeds?"),                     # no prefix match
])
def test_unusable_arguments_exit_2_with_one_line(args, message, tmp_path, capsys,
                                                 monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(args) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    assert not (tmp_path / "orewire.duckdb").exists()   # nothing written anywhere


def test_unwritable_warehouse_exits_2(tmp_path, capsys):
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        import os
        if os.access(locked, os.W_OK):  # root ignores permissions
            pytest.skip("running as root: directory permissions are not enforced")
        assert run(["--warehouse", str(locked / "x.duckdb")]) == 2
        assert "not writable" in capsys.readouterr().err
    finally:
        locked.chmod(0o700)


def test_main_dispatches_and_query_reads_rows(tmp_path, capsys):
    wh = tmp_path / "q.duckdb"
    assert main(["run", "--warehouse", str(wh), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["query", "--warehouse", str(wh), "--format", "csv",
                 "SELECT count(*) AS n FROM articles WHERE list_contains(mineral_ids, "
                 "'rare_earth_elements')"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "n" and int(out[1]) >= 1
    assert main(["query", "--warehouse", str(wh), "SELECT nope FROM articles"]) == 1
    assert main(["bogus"]) == 2


def test_warehouse_that_is_not_duckdb_exits_2(tmp_path, capsys):
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("this is a text file, not a database\n" * 100)
    assert run(["--warehouse", str(bogus), "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert "cannot open DuckDB warehouse" in err and len(err.splitlines()) == 1


def test_syndicated_copies_are_stored_and_marked(server, tmp_path):
    from tests.fixtures import CHILE
    story = paragraphs_html(CHILE)
    copy = paragraphs_html(["Republished with permission from our partner agency."] + CHILE)
    server.routes["/a.xml"] = Route(rss("Desk A", [
        {"title": "Chile keeps copper crown", "link": "https://a.example/chile",
         "pubDate": "Mon, 03 Mar 2025 08:00:00 GMT", "content": story}]),
        headers={"Content-Type": "application/rss+xml"})
    server.routes["/b.xml"] = Route(rss("Desk B", [
        {"title": "Chile still top copper miner", "link": "https://b.example/copper",
         "pubDate": "Mon, 03 Mar 2025 11:00:00 GMT", "content": copy}]),
        headers={"Content-Type": "application/rss+xml"})
    wh = tmp_path / "dups.duckdb"
    common = ["--warehouse", str(wh), "--allow-private-network", *FAST]
    assert run(["--feeds", server.url("/a.xml"), server.url("/b.xml"), *common]) == 0
    server.routes["/c.xml"] = Route(rss("Desk C", [
        {"title": "Copper: Chile leads", "link": "https://c.example/x",
         "pubDate": "Tue, 04 Mar 2025 08:00:00 GMT", "content": copy}]),
        headers={"Content-Type": "application/rss+xml"})
    assert run(["--feeds", server.url("/c.xml"), *common]) == 0   # a later run
    con = _db(wh)
    rows = dict(con.execute("SELECT url, duplicate_of FROM articles").fetchall())
    ids = dict(con.execute("SELECT url, article_id FROM articles").fetchall())
    assert len(rows) == 3                      # every copy is stored as its own row
    assert rows["https://a.example/chile"] is None
    assert rows["https://b.example/copper"] == ids["https://a.example/chile"]
    assert rows["https://c.example/x"] == ids["https://a.example/chile"]
