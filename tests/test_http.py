"""orewire.http: the Fetcher against a local threaded HTTP server on 127.0.0.1."""
from __future__ import annotations

import collections
import gzip
import ipaddress
import socket
import http.server
import threading
import time
from urllib.parse import urlsplit

import pytest

from orewire.http import (BlockedAddress, FetchError, Fetcher, HostThrottle, check_address,
                          parse_retry_after)

ARTICLE = b"<html><body><p>Cobalt output rose in the Copperbelt.</p></body></html>"
GZ_TEXT = ("<p>Nickel prices fell in London trading.</p>" * 200).encode()
_BOMB = {}


def bomb() -> bytes:
    if "data" not in _BOMB:
        _BOMB["data"] = gzip.compress(b"\0" * (50 * 1024 * 1024), compresslevel=9)
    return _BOMB["data"]


class Handler(http.server.BaseHTTPRequestHandler):
    hits: collections.Counter = collections.Counter()
    arrivals: dict = collections.defaultdict(list)
    in_flight = 0
    max_in_flight = 0
    lock = threading.Lock()

    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, status, body=b"", headers=None, length=True):
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def do_GET(self):
        path = self.path
        with Handler.lock:
            Handler.hits[path] += 1
            n = Handler.hits[path]
            Handler.arrivals[path].append(time.monotonic())
        if path == "/ok":
            self._send(200, ARTICLE, {"Content-Type": "text/html; charset=utf-8"})
        elif path == "/missing":
            self._send(404, b"not here")
        elif path.startswith("/flaky"):
            if n <= 2:
                self._send(503, b"busy")
            else:
                self._send(200, b"finally")
        elif path.startswith("/down"):
            self._send(503, b"busy")
        elif path.startswith("/limited"):
            if n == 1:
                self._send(429, b"slow down", {"Retry-After": "1"})
            else:
                self._send(200, b"thanks")
        elif path.startswith("/longwait"):
            self._send(429, b"slow down", {"Retry-After": "120"})
        elif path == "/big-declared":
            self._send(200, b"x" * 5000)
        elif path == "/big-streamed":
            # no Content-Length: HTTP/1.0 body runs until the connection closes
            self._send(200, b"y" * 5000, length=False)
        elif path == "/loop":
            self._send(302, b"", {"Location": "/loop"})
        elif path == "/to-localhost":
            port = self.server.server_address[1]
            self._send(302, b"", {"Location": f"http://localhost:{port}/ok"})
        elif path == "/hop":
            self._send(301, b"", {"Location": "/ok"})
        elif path == "/gzip":
            self._send(200, gzip.compress(GZ_TEXT), {"Content-Encoding": "gzip",
                                                     "Content-Type": "text/html"})
        elif path == "/bomb":
            self._send(200, bomb(), {"Content-Encoding": "gzip", "Content-Type": "text/html"})
        elif path == "/conditional":
            if self.headers.get("If-None-Match") == '"v1"':
                self._send(304)
            else:
                self._send(200, b"fresh", {"ETag": '"v1"'})
        elif path.startswith("/slow"):
            with Handler.lock:
                Handler.in_flight += 1
                Handler.max_in_flight = max(Handler.max_in_flight, Handler.in_flight)
            time.sleep(0.15)
            with Handler.lock:
                Handler.in_flight -= 1
            self._send(200, b"done")
        elif path == "/ua":
            self._send(200, self.headers.get("User-Agent", "").encode())
        else:
            self._send(404)


@pytest.fixture(scope="module")
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def fetcher():
    f = Fetcher(allow_private=True, per_host_delay=0, backoff=0.01, retries=2,
                connect_timeout=2, read_timeout=5, total_timeout=10)
    yield f
    f.close()


def test_200_body(server, fetcher):
    r = fetcher.get(server + "/ok")
    assert r.status == 200
    assert r.body == ARTICLE
    assert r.content_type == "text/html"
    assert r.url == server + "/ok"
    assert r.headers["content-type"].startswith("text/html")


def test_user_agent_sent(server, fetcher):
    assert fetcher.get(server + "/ua").body.startswith(b"orewire/")


def test_404_not_retryable(server, fetcher):
    before = Handler.hits["/missing"]
    with pytest.raises(FetchError) as exc:
        fetcher.get(server + "/missing")
    assert exc.value.retryable is False
    assert exc.value.status == 404
    assert Handler.hits["/missing"] - before == 1  # no retry on a 404


def test_503_twice_then_200_retries(server, fetcher):
    r = fetcher.get(server + "/flaky-a")
    assert r.status == 200 and r.body == b"finally"
    assert Handler.hits["/flaky-a"] == 3


def test_503_retries_exhausted(server, fetcher):
    with pytest.raises(FetchError) as exc:
        fetcher.get(server + "/down-a")
    assert exc.value.retryable is True
    assert exc.value.status == 503
    assert Handler.hits["/down-a"] == 3  # first try + 2 retries


def test_429_honours_retry_after(server, fetcher):
    t0 = time.monotonic()
    r = fetcher.get(server + "/limited-a")
    elapsed = time.monotonic() - t0
    assert r.status == 200 and r.body == b"thanks"
    assert elapsed >= 1.0
    assert Handler.hits["/limited-a"] == 2


def test_retry_after_over_the_cap_gives_up(server):
    f = Fetcher(allow_private=True, per_host_delay=0, backoff=0.01, max_retry_after=0.5)
    t0 = time.monotonic()
    with pytest.raises(FetchError) as exc:
        f.get(server + "/longwait-a")
    assert time.monotonic() - t0 < 2
    assert exc.value.status == 429 and exc.value.retryable is True
    assert Handler.hits["/longwait-a"] == 1
    f.close()


def test_declared_body_over_max_bytes(server):
    f = Fetcher(allow_private=True, per_host_delay=0, backoff=0.01, max_bytes=1000)
    with pytest.raises(FetchError) as exc:
        f.get(server + "/big-declared")
    assert exc.value.retryable is False
    assert "cap" in str(exc.value)
    f.close()


def test_streamed_body_over_max_bytes(server):
    f = Fetcher(allow_private=True, per_host_delay=0, backoff=0.01, max_bytes=1000)
    with pytest.raises(FetchError) as exc:
        f.get(server + "/big-streamed")
    assert exc.value.retryable is False
    assert "cap" in str(exc.value)
    f.close()


def test_redirect_followed(server, fetcher):
    r = fetcher.get(server + "/hop")
    assert r.status == 200
    assert r.url == server + "/ok"
    assert r.body == ARTICLE


def test_redirect_loop(server, fetcher):
    with pytest.raises(FetchError, match="redirects") as exc:
        fetcher.get(server + "/loop")
    assert exc.value.retryable is False


def test_gzip_body_decoded(server, fetcher):
    r = fetcher.get(server + "/gzip")
    assert r.body == GZ_TEXT


def test_gzip_bomb_stopped_quickly(server):
    bomb()  # build the payload before timing
    f = Fetcher(allow_private=True, per_host_delay=0, backoff=0.01,
                max_bytes=1024 * 1024)
    t0 = time.monotonic()
    with pytest.raises(FetchError) as exc:
        f.get(server + "/bomb")
    assert time.monotonic() - t0 < 3
    assert exc.value.retryable is False
    assert "cap" in str(exc.value)
    f.close()


def test_conditional_get_headers_forwarded(server, fetcher):
    first = fetcher.get(server + "/conditional")
    assert first.status == 200 and first.headers["etag"] == '"v1"'
    again = fetcher.get(server + "/conditional", headers={"If-None-Match": '"v1"'})
    assert again.status == 304
    assert again.body == b""


def test_connection_refused_is_retryable():
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens on this port now
    f = Fetcher(allow_private=True, per_host_delay=0, backoff=0.01, retries=0)
    with pytest.raises(FetchError) as exc:
        f.get(f"http://127.0.0.1:{port}/")
    assert exc.value.retryable is True
    f.close()


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/file", "file:///etc/hosts"])
def test_non_http_scheme_refused(url, fetcher):
    with pytest.raises(FetchError) as exc:
        fetcher.get(url)
    assert exc.value.retryable is False


# ---------------------------------------------------------------- SSRF guard

@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://169.254.169.254/latest/meta-data",
                                 "http://10.1.2.3/", "http://192.168.0.1/", "http://[::1]/",
                                 "http://0.0.0.0/"])
def test_check_address_refuses_private(url):
    with pytest.raises(BlockedAddress) as exc:
        check_address(url, allow_private=False)
    assert exc.value.retryable is False


def test_check_address_allows_public_ip_literal():
    check_address("http://93.184.216.34/", allow_private=False)  # no exception


def test_check_address_allow_private():
    check_address("http://127.0.0.1/", allow_private=True)  # no exception


def test_check_address_no_host():
    with pytest.raises(FetchError):
        check_address("http:///path", allow_private=True)


def test_fetcher_refuses_loopback_by_default(server):
    f = Fetcher(per_host_delay=0, backoff=0.01)
    before = Handler.hits["/ok"]
    with pytest.raises(BlockedAddress):
        f.get(server + "/ok")
    assert Handler.hits["/ok"] == before  # refused before any request was sent
    f.close()


def test_every_redirect_hop_is_checked(server, monkeypatch):
    import orewire.http as oh
    checked = []
    real = oh.check_address

    def guard(url, allow_private):
        checked.append(url)
        if urlsplit(url).hostname == "localhost":
            raise BlockedAddress(f"refused {url}")
        return real(url, allow_private)

    monkeypatch.setattr(oh, "check_address", guard)
    f = Fetcher(allow_private=True, per_host_delay=0, backoff=0.01)
    before = Handler.hits["/ok"]
    with pytest.raises(BlockedAddress):
        f.get(server + "/to-localhost")
    f.close()
    assert checked[0] == server + "/to-localhost"
    assert checked[1].startswith("http://localhost:")
    assert Handler.hits["/ok"] == before


# ---------------------------------------------------------------- politeness

def test_host_throttle_spaces_starts():
    delay = 0.2
    throttle = HostThrottle(per_host_concurrency=4, per_host_delay=delay)
    starts = []
    lock = threading.Lock()

    def worker():
        throttle.acquire("mines.example")
        with lock:
            starts.append(time.monotonic())
        throttle.release("mines.example")

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    starts.sort()
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert len(gaps) == 3
    assert all(g >= 0.9 * delay for g in gaps), gaps


def test_host_throttle_hosts_independent():
    throttle = HostThrottle(per_host_concurrency=1, per_host_delay=1.0)
    t0 = time.monotonic()
    for host in ("a.example", "b.example", "c.example"):
        throttle.acquire(host)
        throttle.release(host)
    assert time.monotonic() - t0 < 0.5


def test_fetcher_spaces_requests_to_one_host(server):
    delay = 0.2
    f = Fetcher(allow_private=True, per_host_delay=delay, backoff=0.01)
    for i in range(3):
        f.get(server + f"/slow-spaced-{i}")
    f.close()
    arrivals = sorted(Handler.arrivals[f"/slow-spaced-{i}"][0] for i in range(3))
    gaps = [b - a for a, b in zip(arrivals, arrivals[1:])]
    assert all(g >= 0.9 * delay for g in gaps), gaps


def test_fetcher_per_host_concurrency(server):
    f = Fetcher(allow_private=True, per_host_delay=0, backoff=0.01, per_host_concurrency=1)
    with Handler.lock:
        Handler.max_in_flight = 0
    threads = [threading.Thread(target=f.get, args=(server + f"/slow-conc-{i}",))
               for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    f.close()
    assert all(Handler.hits[f"/slow-conc-{i}"] == 1 for i in range(3))
    assert Handler.max_in_flight == 1


# ---------------------------------------------------------------- Retry-After parsing

def test_parse_retry_after():
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    import email.utils
    future = email.utils.formatdate(time.time() + 60, usegmt=True)
    assert 55 <= parse_retry_after(future) <= 61


# ---------------------------------------------------------------- issue 18: the guard holds

@pytest.mark.parametrize("url", [
    "http://100.100.100.200/latest/meta-data",      # shared address space (cloud metadata)
    "http://[2002:7f00:1::1]/",                     # 6to4 wrapping 127.0.0.1
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",  # Teredo wrapping 192.0.2.45
    "http://[::ffff:127.0.0.1]/",                   # IPv4-mapped loopback
])
def test_wrapped_and_shared_ranges_are_refused(url):
    with pytest.raises(BlockedAddress):
        check_address(url, allow_private=False)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8081\\@public.example/",
    "http://public.example\\@127.0.0.1/",
    "http://public.example /x",
    "http://public.example\t/",
    "http://pub\x00lic.example/",
])
def test_ambiguous_authorities_are_refused(url):
    with pytest.raises(BlockedAddress) as exc:
        check_address(url, allow_private=True)
    assert exc.value.retryable is False


def test_backslash_link_reaches_no_server_and_is_not_retryable(server):
    f = Fetcher(per_host_delay=0, backoff=0.01, retries=2)
    port = server.split(":")[-1]
    before = sum(Handler.hits.values())
    with pytest.raises(BlockedAddress) as exc:
        f.get(f"http://127.0.0.1:{port}\\@public.example/ok", robots=True)
    assert exc.value.retryable is False
    assert sum(Handler.hits.values()) == before
    f.close()


def test_connection_goes_to_the_checked_address_not_a_second_resolution(server, monkeypatch):
    """DNS rebinding: the name resolves to a public address when checked and to loopback
    afterwards; the connection must go to the checked address (which, offline, fails),
    and the loopback server must see nothing."""
    import orewire.http as oh
    port = int(server.split(":")[-1])
    real = socket.getaddrinfo
    answers = iter(["93.184.216.34"])

    def rebinding(host, *args, **kwargs):
        if host == "rebind.example":
            ip = next(answers, "127.0.0.1")
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    f = Fetcher(per_host_delay=0, backoff=0.01, retries=0, connect_timeout=0.5,
                obey_robots=False)
    before = sum(Handler.hits.values())
    with pytest.raises(FetchError):
        f.get(f"http://rebind.example:{port}/ok")
    assert sum(Handler.hits.values()) == before
    assert oh.is_public(ipaddress.ip_address("93.184.216.34"))
    f.close()


@pytest.mark.parametrize("allow_private", [False, True])
def test_an_unresolvable_host_fails_at_once_and_stays_retryable(monkeypatch, allow_private):
    """No such host (or no DNS at all): one lookup, no backoff and no second attempt in
    the run; the failure is still retryable, for `orewire retry` later. Both paths: the
    SSRF guard's own lookup, and requests' (--allow-private-network)."""
    import socket
    from orewire.http import HostNotFound
    lookups = []

    def no_such_host(host, *args, **kwargs):
        lookups.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    f = Fetcher(allow_private=allow_private, per_host_delay=0, backoff=5.0, retries=2)
    started = time.monotonic()
    with pytest.raises(HostNotFound) as exc:
        f.get("http://feeds.no-such-host.example/rss")
    f.close()
    assert time.monotonic() - started < 2.0          # no 5 s + 10 s of backoff
    assert lookups == ["feeds.no-such-host.example"]  # one lookup: no retry in the run
    assert exc.value.retryable is True
    assert str(exc.value).startswith("cannot resolve host 'feeds.no-such-host.example'")
    assert "Name or service not known" in str(exc.value)


def test_a_refused_connection_is_still_retried_within_the_run():
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    attempts = []
    f = Fetcher(allow_private=True, per_host_delay=0, backoff=0.01, retries=2)
    real = f._get_following_redirects

    def counting(url, headers):
        attempts.append(url)
        return real(url, headers)

    f._get_following_redirects = counting
    with pytest.raises(FetchError) as exc:
        f.get(f"http://127.0.0.1:{port}/")
    f.close()
    assert len(attempts) == 3 and exc.value.retryable and exc.value.retry_in_run
