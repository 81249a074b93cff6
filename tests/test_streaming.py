"""Streaming mode against a feed that behaves like a real one: a sliding window of the
latest stories, new ones arriving while the job runs, a stretch of 503s, and an old story
repeated with tracking parameters."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest

from tests.fixtures import CHILE, paragraphs_html, rss

ROOT = Path(__file__).resolve().parents[1]
TOTAL, WINDOW, STEP, EVERY = 25, 10, 5, 2   # 25 stories, latest 10 shown, 5 new every 2 polls


class SlidingFeed:
    """The feed as it stands at a poll: stories 1..published, the latest WINDOW shown."""

    def __init__(self, outage=(3, 5), repeat_after=4):
        self.t0 = None      # the feed's clock starts with the job's first poll
        self.outage = outage   # the feed's polls numbered [first, last) fail with 503
        self.polls = 0
        self.served = 0     # feeds served: the window slides by these, not by the clock,
        # so a loaded machine that polls late still sees every story (a feed that slid
        # faster than the job polls would lose stories by design, not by a fault)
        self.repeat_after = repeat_after
        self.requests = []

    def elapsed(self):
        if self.t0 is None:
            self.t0 = time.monotonic()
        return time.monotonic() - self.t0

    def body(self, base):
        self.served += 1
        published = min(TOTAL, WINDOW + STEP * ((self.served - 1) // EVERY))
        shown = range(max(1, published - WINDOW + 1), published + 1)
        items = [{"title": f"Story {n}: copper output update {n}",
                  "link": f"{base}/story/{n}",
                  "pubDate": f"Wed, 05 Mar 2025 {n % 24:02d}:00:00 GMT",
                  "description": f"Story {n}.",
                  "content": paragraphs_html([f"Story number {n}."] + CHILE)}
                 for n in reversed(shown)]
        if self.served > self.repeat_after:  # an old story again, with tracking parameters
            items.append({"title": "Story 3 again", "link": f"{base}/story/3?utm_source=x"
                          "&utm_medium=rss", "description": "again",
                          "content": paragraphs_html(["Story number 3."] + CHILE)})
        return rss("Sliding desk", items).encode()

    def down(self):
        """The feed is down for some polls, counted rather than timed, so the outage
        falls between polls however slowly a loaded machine runs them."""
        self.polls += 1
        return self.outage[0] <= self.polls - 1 < self.outage[1]


@pytest.fixture
def sliding_server():
    feed = SlidingFeed()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            feed.requests.append((round(feed.elapsed(), 2), self.path))
            if self.path == "/feed.xml" and feed.down():
                body, status = b"down for maintenance", 503
            elif self.path == "/feed.xml":
                body, status = feed.body(f"http://127.0.0.1:{self.server.server_address[1]}"), 200
            else:
                body, status = b"not here", 404
            self.send_response(status)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield feed, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _orewire(*args):
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, "-m", "orewire.pipeline.cli", "run", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _count(warehouse):
    """Rows, read-only, while another process may be writing: None when locked."""
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error:
        return None
    try:
        return con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    except duckdb.Error:
        return None
    finally:
        con.close()


def test_streaming_stores_each_story_once_and_is_readable_while_running(sliding_server,
                                                                        tmp_path):
    feed, base = sliding_server
    wh = tmp_path / "stream.duckdb"
    args = ["--streaming", "--poll-interval", "1", "--feeds", f"{base}/feed.xml",
            "--warehouse", str(wh), "--allow-private-network", "--per-host-delay", "0",
            "--quiet"]
    proc = _orewire(*args, "--max-polls", "30")
    reads = []
    while proc.poll() is None:
        n = _count(wh) if wh.exists() else None
        if n is not None:
            reads.append(n)
        time.sleep(0.5)
    out, err = proc.communicate()
    assert proc.returncode == 0, err[-3000:]
    assert any(0 < n < TOTAL for n in reads), f"no read while running: {reads}"
    assert feed.polls > feed.outage[1], f"the outage was not reached: {feed.polls} polls"
    con = duckdb.connect(str(wh), read_only=True)
    urls = [r[0] for r in con.execute("SELECT url FROM articles").fetchall()]
    assert sorted(urls) == sorted(f"{base}/story/{n}" for n in range(1, TOTAL + 1))
    runs = con.execute("SELECT mode, articles_written FROM runs").fetchall()
    con.close()
    assert runs and all(mode == "streaming" for mode, _n in runs)

    again = _orewire(*args, "--max-polls", "2")
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err[-3000:]
    assert _count(wh) == TOTAL


def test_sigterm_stops_cleanly_and_keeps_what_was_read(sliding_server, tmp_path):
    _feed, base = sliding_server
    wh = tmp_path / "term.duckdb"
    proc = _orewire("--streaming", "--poll-interval", "1", "--feeds", f"{base}/feed.xml",
                    "--warehouse", str(wh), "--allow-private-network", "--per-host-delay",
                    "0", "--quiet")
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and not ((_count(wh) or 0) > 0 if wh.exists() else 0):
        time.sleep(0.5)
    assert proc.poll() is None, proc.communicate()[1][-3000:]
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err[-3000:]
    assert (_count(wh) or 0) >= WINDOW
