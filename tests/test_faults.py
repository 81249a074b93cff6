"""Fault tests: `orewire run` against a local server that fails in every way the web does.

For each run: exit 0 within bounded time and memory, every good article a row, every bad
link a dead letter with a clear error, and entries seen = rows + duplicates + dead letters.
"""
from __future__ import annotations

import gzip
import io
import os
import random
import resource
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import duckdb
import pytest

from orewire.pipeline.cli import run
from tests.fixtures import BOLIVIA, MYANMAR, page_html, rss

GOOD_PAGE = page_html("Bolivia reopens lithium bidding", BOLIVIA).encode()


class FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    counts: dict = {}
    feed: bytes = b""

    def log_message(self, *args):
        pass

    def _send(self, status, body=b"", headers=None):
        self.send_response(status)
        for k, v in {"Content-Type": "text/html; charset=utf-8",
                     "Content-Length": str(len(body)), **(headers or {})}.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802, C901 (one branch a fault)
        path = self.path.split("?")[0]
        n = self.counts[path] = self.counts.get(path, 0) + 1
        if path == "/feed.xml":
            return self._send(200, self.feed, {"Content-Type": "application/rss+xml"})
        if path == "/laughs.xml":
            return self._send(200, BILLION_LAUGHS, {"Content-Type": "application/rss+xml"})
        if path == "/html-feed.xml":
            return self._send(200, GOOD_PAGE, {"Content-Type": "application/rss+xml"})
        if path == "/good":
            return self._send(200, GOOD_PAGE)
        if path == "/tin":
            return self._send(200, page_html("Tin", MYANMAR).encode())
        if path == "/e500":
            return self._send(500, b"oops")
        if path == "/e404":
            return self._send(404, b"gone")
        if path == "/e429":
            if n == 1:
                return self._send(429, b"slow down", {"Retry-After": "1"})
            return self._send(200, page_html("Tin", MYANMAR).encode())
        if path == "/reset":
            # An RST now: the socket's file objects hold it open until they are closed
            # too, which otherwise waits for the garbage collector (and the client for
            # its read timeout instead of a reset).
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.rfile.close()
            self.wfile.close()
            self.connection.close()
            self.rfile, self.wfile = io.BytesIO(), io.BytesIO()
            self.close_connection = True
            return None
        if path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "10000000")
            self.end_headers()
            try:
                for _ in range(10_000):
                    self.wfile.write(b"<p>a")
                    self.wfile.flush()
                    time.sleep(0.25)
            except OSError:
                pass
            return None
        if path == "/huge":   # 200 MB declared and streamed
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(200 * 1024 * 1024))
            self.end_headers()
            try:
                block = b"<p>" + b"x" * 65533
                for _ in range(200 * 16):
                    self.wfile.write(block)
            except OSError:
                pass
            return None
        if path == "/huge-undeclared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                block = b"<p>" + b"y" * 65533
                for _ in range(200 * 16):
                    self.wfile.write(block)
            except OSError:
                pass
            self.close_connection = True
            return None
        if path == "/loop":
            return self._send(302, b"", {"Location": "/loop"})
        if path == "/binary":
            return self._send(200, random.Random(3).randbytes(20_000))
        if path == "/bomb":
            return self._send(200, BOMB, {"Content-Encoding": "gzip"})
        if path == "/empty":
            return self._send(200, b"")
        return self._send(404, b"no route")


BOMB = gzip.compress(b"\0" * (300 * 1024 * 1024), compresslevel=9)
BILLION_LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "ha">\n'
                  + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n'
                             .encode() for i in range(9))
                  + b']>\n<rss version="2.0"><channel><title>&j;</title><item><title>&j;'
                    b'</title><link>http://127.0.0.1/x</link></item></channel></rss>')


@pytest.fixture
def fault_server():
    FaultHandler.counts = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FaultHandler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


BAD = {  # path -> (stage, retryable, words the error must contain)
    "/e500": ("fetch_articles", True, "HTTP 500"),
    "/e404": ("fetch_articles", False, "HTTP 404"),
    "/reset": ("fetch_articles", True, "connection"),
    "/drip": ("fetch_articles", True, "took over"),
    "/huge": ("fetch_articles", False, "cap"),
    "/huge-undeclared": ("fetch_articles", False, "cap"),
    "/loop": ("fetch_articles", False, "redirects"),
    "/binary": ("clean_articles", False, "binary"),
    "/bomb": ("fetch_articles", False, "cap"),
    "/empty": ("clean_articles", False, "no article text"),
}


def test_every_fault_is_a_dead_letter_and_nothing_is_lost(fault_server, tmp_path):
    links = ["/good", "/e429", *BAD]
    items = [{"title": f"story {p}", "link": fault_server + p, "description": "Teaser …"}
             for p in links]
    items += [{"title": "unresolvable", "link": "http://no-such-host.invalid/a",
               "description": "Teaser …"},
              {"title": "script", "link": "javascript:alert(1)", "description": "x …"},
              {"title": "ftp", "link": "ftp://example.org/file.txt", "description": "x …"}]
    FaultHandler.feed = rss("Faults", items).encode()
    wh = tmp_path / "faults.duckdb"
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    code = run(["--feeds", f"{fault_server}/feed.xml", f"{fault_server}/laughs.xml",
                f"{fault_server}/html-feed.xml", "--warehouse", str(wh),
                "--allow-private-network", "--per-host-delay", "0", "--fetch-timeout", "3",
                "--max-bytes", str(10 * 1024 * 1024), "--quiet"])
    elapsed = time.monotonic() - started
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    assert code == 0
    assert elapsed < 120, f"run took {elapsed:.0f}s"
    assert grown_mb < 400, f"peak memory grew by {grown_mb:.0f} MB"

    con = duckdb.connect(str(wh), read_only=True)
    urls = {r[0] for r in con.execute("SELECT url FROM articles").fetchall()}
    assert {fault_server + "/good", fault_server + "/e429"} <= urls
    assert FaultHandler.counts["/e429"] == 2  # waited for Retry-After, then succeeded
    dead = {r[0]: r[1:] for r in con.execute(
        "SELECT source, stage, retryable, error FROM dead_letters").fetchall()}
    for path, (stage, retryable, words) in BAD.items():
        got = dead.get(fault_server + path)
        assert got is not None, f"{path} has no dead letter"
        assert got[0] == stage and got[1] == retryable, (path, got)
        assert words.lower() in got[2].lower(), (path, got[2])
    assert dead["http://no-such-host.invalid/a"][1] is True
    assert "javascript" in dead["javascript:alert(1)"][2]
    assert "ftp" in dead["ftp://example.org/file.txt"][2]
    assert dead[f"{fault_server}/html-feed.xml"][0] == "read_feeds"
    # the entity-expansion feed parsed (or failed) without blowing up: accounted for
    seen, written, dups, dead_n, feed_dead, failed = con.execute(
        "SELECT entries_seen, articles_written, duplicates_skipped, dead_letters, "
        "feed_dead_letters, feeds_failed FROM runs").fetchall()[0]
    # the feeds that could not be read (one of them an HTML page) are feed dead letters,
    # outside the identity of the entries seen
    assert feed_dead == failed == con.execute(
        "SELECT count(*) FROM dead_letters WHERE stage = 'read_feeds' "
        "AND source LIKE '%.xml'").fetchall()[0][0] >= 1
    assert seen == written + dups + dead_n
    assert FaultHandler.counts["/e500"] == 3  # one try and two retries with backoff
