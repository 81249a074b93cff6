"""`orewire reprocess` and `orewire retry` end to end on DuckDB."""
from __future__ import annotations

import duckdb
import pytest

from orewire.pipeline.cli import main, run
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
    out = capsys.readouterr().out
    assert f"{len(before)} of {len(before)} articles re-tagged" in out
    # the articles with minerals got them back; the others differed in version only
    with_minerals = sum(1 for r in before if r[1])
    assert 0 < with_minerals < len(before)
    assert (f"; {with_minerals} changed their tags, {len(before) - with_minerals} more only "
            "their pipeline_version") in out, out
    after = _q(wh, "SELECT article_id, mineral_ids, country_codes, minerals FROM articles "
                   "ORDER BY 1")
    assert after == before
    assert _q(wh, "SELECT DISTINCT pipeline_version FROM articles") != [("orewire-0.0.1",)]
    capsys.readouterr()
    assert main(["reprocess", "--warehouse", str(wh), "--quiet"]) == 0
    # nothing changed the second time, and it says so
    out = capsys.readouterr().out
    assert f"{len(before)} of {len(before)} articles re-tagged" in out
    assert "; 0 changed their tags\n" in out and "pipeline_version" not in out, out
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


def _closed_port() -> int:
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now: every connection is refused
    return port


@pytest.fixture
def no_backoff(monkeypatch):
    """Refused connections are retried in the run (twice, 0.5 s then 1 s apart): without
    the waits, 36 feeds take a moment instead of a minute a run."""
    import orewire.transforms.read_feeds as rf
    real = rf.Fetcher
    monkeypatch.setattr(rf, "Fetcher", lambda **kw: real(**dict(kw, backoff=0.0)))


def test_retrying_36_failing_feeds_twice_leaves_36_open_dead_letters_with_3_attempts(
        tmp_path, capsys, no_backoff):
    """DESIGN.md: a retry updates the dead letter it retried (attempts, last error)
    rather than adding another; the open count stays 36, not 36 -> 72 -> 108."""
    port = _closed_port()
    feeds = [f"http://127.0.0.1:{port}/feed{i:02d}.xml" for i in range(36)]
    wh = tmp_path / "f.duckdb"
    common = ["--warehouse", str(wh), "--allow-private-network", *FAST]
    assert run(["--feeds", *feeds, *common]) == 0
    first = _q(wh, "SELECT dead_letter_id, source, attempts, last_error FROM dead_letters "
                   "ORDER BY source")
    assert len(first) == 36 and {r[2] for r in first} == {1} and {r[3] for r in first} \
        == {None}
    capsys.readouterr()
    for attempt in (2, 3):
        assert main(["retry", *common]) == 0
        out = capsys.readouterr().out
        assert out.startswith("orewire retry ") and "orewire run " not in out, out
        assert ("0 dead letters resolved, 36 failed again (attempts counted up), "
                "36 retryable ones still open") in out, out
        rows = _q(wh, "SELECT dead_letter_id, source, attempts, last_error, retryable, "
                      "resolved_at FROM dead_letters ORDER BY source")
        assert [r[:2] for r in rows] == [r[:2] for r in first]   # the same 36 rows
        assert {r[2] for r in rows} == {attempt}
        assert all("Connection refused" in r[3] and r[4] and r[5] is None for r in rows)
    runs = _q(wh, "SELECT mode, entries_seen, retried, articles_written, "
                  "duplicates_skipped, dead_letters, feed_dead_letters FROM runs "
                  "ORDER BY started_at")
    assert [r[0] for r in runs] == ["batch", "retry", "retry"]
    for _mode, seen, retried, written, dups, dead, feed_dead in runs:
        assert seen + retried == written + dups + dead   # DESIGN.md's identity
        assert feed_dead == 36
    summary = _q(wh, "SELECT summary FROM runs WHERE mode = 'retry' LIMIT 1")[0][0]
    assert summary.startswith("orewire retry ")
    assert "36 x connection refused (nothing listening)" in summary


def test_a_retried_page_that_fails_again_counts_up_its_dead_letter(server, tmp_path,
                                                                    capsys):
    page = page_html("Bolivia reopens lithium bidding", BOLIVIA)
    server.routes["/news/bolivia"] = [Route("busy", 503)] * 6 + [Route("gone", 404),
                                                                 Route(page)]
    server.routes["/feed.xml"] = Route(rss("Desk", [
        {"title": "Bolivia", "link": server.url("/news/bolivia"), "description": "Teaser …"}]),
        headers={"Content-Type": "application/rss+xml"})
    wh = tmp_path / "p.duckdb"
    common = ["--warehouse", str(wh), "--allow-private-network", *FAST]
    assert run(["--feeds", server.url("/feed.xml"), *common]) == 0
    (dl_id,) = [r[0] for r in _q(wh, "SELECT dead_letter_id FROM dead_letters")]
    assert main(["retry", *common]) == 0          # 503 three times again
    assert _q(wh, "SELECT dead_letter_id, attempts, last_error, retryable "
                  "FROM dead_letters") == [(dl_id, 2, f"HTTP 503 from "
                                            f"{server.url('/news/bolivia')}", True)]
    assert main(["retry", *common]) == 0          # now 404: no longer worth a retry
    assert _q(wh, "SELECT dead_letter_id, attempts, last_error, retryable, error "
                  "FROM dead_letters") == [(dl_id, 3, f"HTTP 404 from "
                                            f"{server.url('/news/bolivia')}", False,
                                            f"HTTP 503 from {server.url('/news/bolivia')}")]
    capsys.readouterr()
    assert main(["retry", *common]) == 0
    assert "no unresolved retryable dead letters" in capsys.readouterr().out


def test_retry_help_is_its_own(capsys):
    assert main(["retry", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: orewire retry") and "attempts" in out
    assert "usage: orewire run" not in out


def test_an_older_duckdb_warehouse_gains_attempts_and_last_error(tmp_path):
    """A dead_letters table from before the columns: opening the warehouse adds them
    (DuckDBWarehouse.migrate), keeping the rows; a retry then counts on from 1."""
    from orewire.destinations.duckdb import DuckDBWarehouse
    from orewire import schemas
    wh = tmp_path / "old.duckdb"
    con = duckdb.connect(str(wh))
    ddl = schemas.duckdb_ddl("dead_letters").replace(',\n  "attempts" BIGINT', "").replace(
        ',\n  "last_error" VARCHAR', "")
    assert "attempts" not in ddl and "last_error" not in ddl
    con.execute(ddl)
    con.execute("INSERT INTO dead_letters (dead_letter_id, stage, source, retryable, run_id)"
                " VALUES ('d1', 'read_feeds', 'http://x.example/f', true, 'r1')")
    con.close()
    with DuckDBWarehouse(str(wh)) as w:
        assert {"dead_letters.attempts", "dead_letters.last_error"} <= set(w.migrated)
        w.insert_rows("dead_letters", [{
            "dead_letter_id": "d2", "stage": "read_feeds", "source": "http://x.example/f",
            "error": "HTTP 503 from x", "retryable": True, "run_id": "r2", "attempts": 1}])
        from orewire.pipeline.maintenance import count_up_retried
        assert count_up_retried(w, "r2") == 1
    assert _q(wh, "SELECT dead_letter_id, attempts, last_error FROM dead_letters") == [
        ("d1", 2, "HTTP 503 from x")]
