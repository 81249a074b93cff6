"""`orewire reprocess` and `orewire retry` end to end on DuckDB."""
from __future__ import annotations

import duckdb
import pytest

from pipeline.cli import main, run
from tests.conftest import Route
from tests.fixtures import BOLIVIA, page_html, rss

FAST = ["--per-host-delay", "0", "--quiet"]


def _q(wh, sql):
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_reprocess_rewrites_tags_in_place_and_is_idempotent(tmp_path, capsys):
    wh = tmp_path / "r.duckdb"
    assert run(["--warehouse", str(wh), "--quiet"]) == 0
    before = _q(wh, "SELECT article_id, mineral_ids, country_codes, minerals FROM articles "
                    "ORDER BY 1")
    con = duckdb.connect(str(wh))
    con.execute("UPDATE articles SET mineral_ids = [], minerals = [], "
                "pipeline_version = 'orewire-0.0.1'")
    con.close()
    assert main(["reprocess", "--warehouse", str(wh), "--quiet"]) == 0
    assert f"{len(before)} of {len(before)} articles re-tagged" in capsys.readouterr().out
    after = _q(wh, "SELECT article_id, mineral_ids, country_codes, minerals FROM articles "
                   "ORDER BY 1")
    assert after == before
    assert _q(wh, "SELECT DISTINCT pipeline_version FROM articles") != [("orewire-0.0.1",)]
    assert main(["reprocess", "--warehouse", str(wh), "--quiet"]) == 0
    assert _q(wh, "SELECT article_id, mineral_ids, country_codes, minerals FROM articles "
                  "ORDER BY 1") == before
    assert _q(wh, "SELECT count(*) FROM articles") == [(len(before),)]


def test_reprocess_since_limits_the_articles(tmp_path, capsys):
    wh = tmp_path / "s.duckdb"
    assert run(["--warehouse", str(wh), "--quiet"]) == 0
    total = _q(wh, "SELECT count(*) FROM articles")[0][0]
    recent = _q(wh, "SELECT count(*) FROM articles WHERE published_at >= "
                    "TIMESTAMPTZ '2025-01-01'")[0][0]
    assert 0 < recent < total
    capsys.readouterr()
    assert main(["reprocess", "--warehouse", str(wh), "--since", "2025-01-01",
                 "--quiet"]) == 0
    assert f"{recent} of {recent} articles" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:   # argparse: usage and one error line
        main(["reprocess", "--warehouse", str(wh), "--since", "yesterday"])
    assert exc.value.code == 2
    assert "--since takes a date like" in capsys.readouterr().err


def test_retry_stores_what_now_succeeds_and_resolves_it(server, tmp_path, capsys):
    page = page_html("Bolivia reopens lithium bidding", BOLIVIA)
    # the page fails three times (one try and two retries), then works
    server.routes["/news/bolivia"] = [Route("busy", 503), Route("busy", 503),
                                      Route("busy", 503), Route(page)]
    server.routes["/feed.xml"] = Route(rss("Desk", [
        {"title": "Bolivia", "link": server.url("/news/bolivia"), "description": "Teaser …"}]),
        headers={"Content-Type": "application/rss+xml", "ETag": '"e1"'})
    server.routes["/flaky.xml"] = [Route("down", 503)] * 3 + [Route(rss("Flaky", [
        {"title": "Other", "link": server.url("/news/other"), "description": "x …"}]),
        headers={"Content-Type": "application/rss+xml"})]
    server.routes["/news/other"] = Route(page_html("Other", BOLIVIA[::-1]))
    wh = tmp_path / "t.duckdb"
    common = ["--warehouse", str(wh), "--allow-private-network", *FAST]
    assert run(["--feeds", server.url("/feed.xml"), server.url("/flaky.xml"), *common]) == 0
    dead = _q(wh, "SELECT stage, source, retryable FROM dead_letters ORDER BY stage")
    assert dead == [("fetch_articles", server.url("/news/bolivia"), True),
                    ("read_feeds", server.url("/flaky.xml"), True)]
    assert _q(wh, "SELECT count(*) FROM articles") == [(0,)]

    capsys.readouterr()
    assert main(["retry", *common]) == 0
    out = capsys.readouterr().out
    assert "2 dead letters resolved" in out, out
    urls = {r[0] for r in _q(wh, "SELECT url FROM articles")}
    assert urls == {server.url("/news/bolivia"), server.url("/news/other")}
    assert _q(wh, "SELECT count(*) FROM dead_letters WHERE resolved_at IS NULL") == [(0,)]
    # nothing left: a second retry has nothing to do
    assert main(["retry", *common]) == 0
    assert "no unresolved retryable dead letters" in capsys.readouterr().out
