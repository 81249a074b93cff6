"""Issue 18's failures, reproduced with local files only: strings that crashed every run
and HTML that took quadratic time. Each feed is a file in a directory given to --feeds;
``--fetch never`` keeps the pages out of it."""
from __future__ import annotations

import json
import time

import duckdb

from orewire.pipeline.cli import run
from tests.bq_service import bq  # noqa: F401 (fixture)
from tests.fixtures import CHILE, paragraphs_html, rss

FAST = ["--per-host-delay", "0", "--quiet", "--fetch", "never"]


def _json_feed(items):
    # ensure_ascii keeps "\udc00" as the escape a real feed would carry
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Json Desk",
                       "items": items}, ensure_ascii=True)


def test_surrogates_and_deep_nesting_fail_no_feed_and_no_run(tmp_path):
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    body = paragraphs_html(CHILE)
    (feeds / "lone.json").write_text(_json_feed([
        {"url": "https://json.example/a", "title": "Bad \udc00 title", "content_html": body},
        {"url": "https://json.example/b", "title": "Fine copper title", "content_html": body},
    ]), encoding="utf-8")
    (feeds / "refs.xml").write_text(rss("Refs Desk", [
        {"title": "Broken &#xD800; here", "link": "https://refs.example/a", "content": body},
        {"title": "Good one", "link": "https://refs.example/b", "content": body},
    ]).replace("Broken &amp;#xD800; here", "Broken &#xD800; here"), encoding="utf-8")
    deep = "<div>" * 40_000 + "Copper output rose in Chile." + "</div>" * 40_000
    (feeds / "deep.xml").write_text(rss("Deep Desk", [
        {"title": "Deep page", "link": "https://deep.example/a", "content": deep},
        {"title": "Shallow page", "link": "https://deep.example/b", "content": body},
    ]), encoding="utf-8")
    (feeds / "normal.xml").write_text(rss("Normal Desk", [
        {"title": "Chile keeps copper crown", "link": "https://normal.example/a",
         "content": body}]), encoding="utf-8")
    wh = tmp_path / "w.duckdb"
    started = time.monotonic()
    assert run(["--feeds", str(feeds), "--warehouse", str(wh), *FAST]) == 0
    assert time.monotonic() - started < 60
    con = duckdb.connect(str(wh), read_only=True)
    rows = dict(con.execute("SELECT url, title FROM articles").fetchall())
    con.close()
    assert {"https://json.example/b", "https://refs.example/b", "https://deep.example/b",
            "https://normal.example/a"} <= set(rows)
    # the bad strings are stored cleaned, not dropped with their feed
    assert rows.get("https://json.example/a") == "Bad \ufffd title"
    assert rows.get("https://refs.example/a") == "Broken \ufffd here"


def test_csv_neutralises_formulas_and_writes_arrays_as_json():
    from orewire.tables import format_rows
    out = format_rows(["title", "n", "minerals"],
                      [('=HYPERLINK("http://evil.example")', -3, ["lithium", "cobalt"]),
                       ("+cmd", 1, []), ("@SUM(A1)", 2, None), ("Plain title", 4, None)],
                      "csv").splitlines()
    assert out[1] == '"\'=HYPERLINK(""http://evil.example"")",-3,"[""lithium"", ""cobalt""]"'
    assert out[2].startswith("'+cmd,") and out[3].startswith("'@SUM(A1),")
    assert out[4] == "Plain title,4,"


def test_terminal_tables_show_control_characters_escaped():
    from orewire.tables import format_rows
    table = format_rows(["title"], [("Gold \x1b[2J rally \u202eevil",)])
    assert "\x1b" not in table and "\u202e" not in table
    assert "\\x1b[2J" in table and "\\u202e" in table


def test_no_stored_field_holds_feed_credentials(server, tmp_path):
    from tests.conftest import Route
    body = paragraphs_html(CHILE)
    server.routes["/feed.xml"] = Route(rss("Private Desk", [
        {"title": "Chile keeps copper crown", "link": "/news/chile", "content": body}]),
        headers={"Content-Type": "application/rss+xml"})
    creds = f"http://reader:s3cret@127.0.0.1:{server.port}"
    wh = tmp_path / "w.duckdb"
    assert run(["--feeds", f"{creds}/feed.xml", f"{creds}/missing.xml",
                "--warehouse", str(wh), "--allow-private-network", *FAST]) == 0
    con = duckdb.connect(str(wh), read_only=True)
    dumped = " ".join(str(r) for table in ("articles", "feed_state", "dead_letters", "runs")
                      for r in con.execute(f"SELECT * FROM {table}").fetchall())
    urls = [r[0] for r in con.execute("SELECT url FROM articles").fetchall()]
    con.close()
    assert urls == [f"http://127.0.0.1:{server.port}/news/chile"]
    assert "s3cret" not in dumped and "reader:" not in dumped
    assert "missing.xml" in dumped      # the failing feed is recorded, without its secret
    # the request itself carried the credentials
    assert any(h.get("Authorization", "").startswith("Basic ") for _p, h in server.requests)


def test_a_feed_list_reads_no_file_outside_its_directory(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("AWS_SECRET=do-not-store-me\n", encoding="utf-8")
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "ok.xml").write_text(rss("List Desk", [
        {"title": "Chile keeps copper crown", "link": "https://list.example/a",
         "content": paragraphs_html(CHILE)}]), encoding="utf-8")
    (lists / "notafeed.txt.bak").write_text("TOKEN=also-not-stored", encoding="utf-8")
    (lists / "link.xml").symlink_to(secret)
    (lists / "feeds.txt").write_text(
        f"ok.xml\n../secret.txt\n{secret}\n/proc/self/environ\nlink.xml\nnotafeed.txt.bak\n",
        encoding="utf-8")
    wh = tmp_path / "w.duckdb"
    assert run(["--feeds", str(lists / "feeds.txt"), "--warehouse", str(wh), *FAST]) == 0
    con = duckdb.connect(str(wh), read_only=True)
    urls = [r[0] for r in con.execute("SELECT url FROM articles").fetchall()]
    dead = con.execute("SELECT source, retryable, payload, error FROM dead_letters").fetchall()
    con.close()
    assert urls == ["https://list.example/a"]
    dumped = " ".join(str(d) for d in dead)
    assert "do-not-store-me" not in dumped and "also-not-stored" not in dumped
    refused = [d for d in dead if "not a file under the list" in d[3]]
    assert len(refused) == 4 and not any(d[1] for d in refused)


# ------------------------------------------------------------------ --deadline

def _drip_server():
    """A feed at /feed.xml; every other page sends a byte every 0.2 s and never ends."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        feed = b""

        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            if self.path == "/feed.xml":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(Handler.feed)))
                self.end_headers()
                self.wfile.write(Handler.feed)
                return
            if self.path == "/robots.txt":
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "10000000")
            self.end_headers()
            try:
                for _ in range(100_000):
                    self.wfile.write(b"<p>a")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, Handler


def test_a_fetch_stops_at_the_run_deadline_as_a_retryable_failure():
    from orewire.http import DeadlineReached, Fetcher
    httpd, _handler = _drip_server()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/slow"
        fetcher = Fetcher(allow_private=True, per_host_delay=0, total_timeout=45,
                          deadline=time.time() + 2)
        started = time.monotonic()
        try:
            fetcher.get(url)
        except DeadlineReached as err:
            assert err.retryable and "deadline" in str(err)
        else:
            raise AssertionError("a page that never ends was fetched")
        # the 45 s per-request budget (times three attempts) did not apply
        assert time.monotonic() - started < 30
        # past the deadline nothing is requested at all
        late = Fetcher(allow_private=True, deadline=time.time() - 1)
        try:
            late.get(url)
        except DeadlineReached:
            pass
        else:
            raise AssertionError("fetched after the deadline")
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_feed_of_slow_drip_links_cannot_hold_the_run_past_its_deadline(tmp_path):
    httpd, handler = _drip_server()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    items = [{"title": f"Slow story {i}", "link": f"{base}/slow/{i}",
              "description": "Teaser …"} for i in range(8)]
    items.append({"title": "Chile keeps copper crown", "link": f"{base}/full",
                  "content": paragraphs_html(CHILE)})
    handler.feed = rss("Drip Desk", items).encode()
    wh = tmp_path / "w.duckdb"
    try:
        started = time.monotonic()
        # Without the deadline: 8 pages x 3 attempts x 45 s, two at a time, = 9 minutes.
        code = run(["--feeds", f"{base}/feed.xml", "--warehouse", str(wh),
                    "--allow-private-network", "--per-host-delay", "0", "--quiet",
                    "--deadline", "6"])
        elapsed = time.monotonic() - started
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert code == 0
    assert elapsed < 120, f"the run took {elapsed:.0f}s"
    con = duckdb.connect(str(wh), read_only=True)
    urls = [r[0] for r in con.execute("SELECT url FROM articles").fetchall()]
    dead = con.execute("SELECT source, retryable, error, payload FROM dead_letters "
                       "WHERE stage = 'fetch_articles'").fetchall()
    con.close()
    assert urls == [f"{base}/full"]
    assert sorted(d[0] for d in dead) == sorted(f"{base}/slow/{i}" for i in range(8))
    assert all(d[1] and "deadline" in d[2] for d in dead), dead
    assert all(json.loads(d[3])["url"] == d[0] for d in dead)   # enough for orewire retry


def test_deadline_must_be_a_positive_finite_number(tmp_path, capsys):
    for bad in ("0", "-5", "nan", "inf"):
        assert run(["--deadline", bad, "--warehouse", str(tmp_path / "w.duckdb"),
                    "--quiet"]) == 2
        assert "--deadline" in capsys.readouterr().err


# ------------------------------------------------------------------ BigQuery bounded

def _silent_endpoint():
    """A socket on 127.0.0.1 that accepts connections (the kernel's backlog) and never
    answers: a BigQuery endpoint that hangs."""
    import socket
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    return sock, f"http://127.0.0.1:{sock.getsockname()[1]}"


def test_query_on_a_silent_bigquery_endpoint_ends_with_one_line():
    import subprocess
    import sys
    sock, endpoint = _silent_endpoint()
    try:
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "orewire", "query", "--warehouse",
             "bigquery:orewire-test.news", "--bigquery-endpoint", endpoint, "SELECT 1"],
            capture_output=True, text=True, timeout=300)
        elapsed = time.monotonic() - started
    finally:
        sock.close()
    # the client's own retry deadline is 10 minutes, and a request without a timeout waits
    # for ever; the whole command now ends after the probe's 15 s and one request timeout
    assert elapsed < 90, f"took {elapsed:.0f}s"
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "did not answer" in lines[0], done.stderr


def test_report_and_run_on_an_unreachable_bigquery_endpoint_say_so(tmp_path, capsys,
                                                                   monkeypatch):
    from orewire.destinations.bigquery import BigQueryWarehouse
    from orewire.command import report
    monkeypatch.setattr(BigQueryWarehouse, "probe_deadline", 2.0)
    monkeypatch.setattr(BigQueryWarehouse, "probe_timeout", (1.0, 1.0))
    sock, endpoint = _silent_endpoint()
    try:
        assert report(["--warehouse", "bigquery:orewire-test.news", "--bigquery-endpoint",
                       endpoint, "--out", str(tmp_path / "r")]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "did not answer within 2s" in err[0]
        assert run(["--warehouse", "bigquery:orewire-test.news", "--bigquery-endpoint",
                    endpoint, "--quiet"]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "did not answer" in err[0]
    finally:
        sock.close()


# ------------------------------------------------------------------ runs accounting

def _runs(path) -> list[dict]:
    con = duckdb.connect(str(path), read_only=True)
    cur = con.execute("SELECT * FROM runs ORDER BY started_at")
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r)) for r in cur.fetchall()]
    con.close()
    return rows


def _balanced(row: dict) -> bool:
    """DESIGN.md's identity, every count a count."""
    counts = ("feeds", "feeds_failed", "entries_seen", "retried", "articles_written",
              "duplicates_skipped", "dead_letters", "feed_dead_letters")
    return (all(row[c] is not None and row[c] >= 0 for c in counts)
            and row["entries_seen"] + row["retried"] == row["articles_written"]
            + row["duplicates_skipped"] + row["dead_letters"])


def _item(url: str, text: str) -> dict:
    import datetime as dt
    from orewire.urls import article_id, normalize_url
    url = normalize_url(url)
    now = dt.datetime.now(dt.timezone.utc)
    return {"article_id": article_id(url), "url": url, "feed_url": "https://f.example/rss",
            "source": "F", "title": "Copper in Chile", "authors": [], "published_at": now,
            "summary": text, "content_text": text, "full_text": True, "fetched_at": now}


def test_runs_balance_when_feeds_fail(server, tmp_path):
    from tests.conftest import Route
    body = paragraphs_html(CHILE)
    server.routes["/good.xml"] = Route(rss("Good Desk", [
        {"title": "Chile keeps copper crown", "link": "https://good.example/a",
         "content": body},
        {"title": "No link", "link": "", "content": body},
        {"title": "Same again", "link": "https://good.example/a?utm_source=x",
         "content": body}]), headers={"Content-Type": "application/rss+xml"})
    server.routes["/html.xml"] = Route("<html><body><p>not a feed</p></body></html>")
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "feeds.txt").write_text(
        f"{server.url('/good.xml')}\n{server.url('/missing.xml')}\n"
        f"{server.url('/html.xml')}\n/etc/passwd\n", encoding="utf-8")
    wh = tmp_path / "w.duckdb"
    assert run(["--feeds", str(lists / "feeds.txt"), "--warehouse", str(wh),
                "--allow-private-network", *FAST]) == 0
    (row,) = _runs(wh)
    assert _balanced(row), row
    assert (row["feeds"], row["feeds_failed"], row["feed_dead_letters"]) == (4, 3, 3)
    assert (row["entries_seen"], row["articles_written"], row["duplicates_skipped"],
            row["dead_letters"]) == (3, 1, 1, 1)


def test_a_retry_run_with_no_feeds_balances(bq):  # noqa: F811
    """The retried-items case: pages of dead letters and no feed, recorded by the job
    itself (the Dataflow path, whose writes are stored in the graph: BigQuery) and by the
    driver (the local one)."""
    import apache_beam as beam
    from orewire.query import run_sql
    from orewire.pipeline.build import build_pipeline
    from orewire.pipeline.runs import prepare, run_prepared
    from orewire.pipeline.options import OrewireOptions
    text = " ".join(CHILE)
    items = [_item(f"https://retry.example/{i}", text) for i in range(3)]
    where = ["--warehouse", bq.new_dataset("retried"), "--bigquery-endpoint", bq.endpoint,
             *FAST]
    # in-graph recording: the runs row is stored by RecordRun, as on Dataflow
    options, ctx = prepare(where, extra_items=items)
    ctx.record_run = True
    p = beam.Pipeline(options=options)
    build_pipeline(p, options.view_as(OrewireOptions), ctx)
    p.run().wait_until_finish()
    ctx.destination.commit_run(ctx.run_id, ctx.staging_dir)
    # the same pages again, recorded by the driver: all three are stored already
    options, ctx = prepare(where, extra_items=items)
    assert run_prepared(options, ctx) == 0
    cols, values = run_sql(ctx.destination, "SELECT * FROM runs ORDER BY started_at")
    rows = [dict(zip(cols, v)) for v in values]
    assert all(_balanced(r) for r in rows), rows
    first, again = rows
    assert (first["entries_seen"], first["retried"], first["articles_written"],
            first["duplicates_skipped"]) == (0, 3, 3, 0)
    assert (again["retried"], again["articles_written"], again["duplicates_skipped"]) \
        == (3, 0, 3)


def test_rows_another_run_stored_meanwhile_count_as_duplicates(tmp_path):
    """Two runs on one BigQuery dataset may both find an article new; the MERGE stores
    the first one's row. The second run's count must not go missing or negative."""
    import datetime as dt
    from orewire.destinations import parse_destination
    from orewire.destinations.duckdb import DuckDBWarehouse
    from orewire.accounting import summarise_run
    wh = tmp_path / "w.duckdb"
    with DuckDBWarehouse(str(wh)) as w:
        w.insert_rows("articles", [dict(_item("https://x.example/a", "t"),
                                        run_id="other", ingested_at=dt.datetime.now(
                                            dt.timezone.utc), text="t")])
    now = dt.datetime.now(dt.timezone.utc)
    summary = summarise_run(parse_destination(str(wh)), run_id="mine", mode="batch",
                            started_at=now, finished_at=now, feeds=1, retried=0,
                            counters={"entries_seen": 1, "duplicates_skipped": 0,
                                      "rows_linked": 1})
    assert (summary.articles_written, summary.duplicates_skipped) == (0, 1)
    assert _balanced(_runs(wh)[0])
