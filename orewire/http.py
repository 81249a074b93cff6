"""Polite, bounded HTTP fetching for feeds and article pages.

One ``Fetcher`` per worker process (created in a DoFn's ``setup``): a pooled requests
session, connect/read/total timeouts, a streamed body-size cap, manual redirects (each hop
re-checked by the SSRF guard), per-host politeness (at most N requests in flight per host
and a minimum delay between request starts), and retries with backoff on 429/5xx that
honour Retry-After.
"""
from __future__ import annotations

import email.utils
import ipaddress
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
from protego import Protego
import urllib3
import urllib3.connection
from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url

DEFAULT_USER_AGENT = "orewire/0.1 (+https://github.com/orewire/orewire; news ingestion)"
RETRYABLE_STATUS = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """A fetch that failed; ``retryable`` says whether trying later may succeed, and
    ``retry_in_run`` whether the fetcher itself should try again at once (backoff)."""

    retry_in_run = True

    def __init__(self, message: str, *, retryable: bool, status: int | None = None):
        super().__init__(message)
        self.retryable = retryable
        self.status = status


class BlockedAddress(FetchError):
    def __init__(self, message: str):
        super().__init__(message, retryable=False)


class HostNotFound(FetchError):
    """The host name does not resolve (no such host, or no DNS at all: no network).

    Retryable, by ``orewire retry`` once the network or the name is back, but not within
    the run: a name that did not resolve a moment ago does not resolve half a second
    later, and retrying every unresolvable host twice made a run without network spend
    most of its time waiting for the same answer."""

    retry_in_run = False

    def __init__(self, host: str, detail: str):
        super().__init__(f"cannot resolve host {host!r}: {detail}", retryable=True)


class DeadlineReached(FetchError):
    """The run's ``--deadline`` came before this fetch could be done: retry later."""

    def __init__(self, message: str):
        super().__init__(message, retryable=True)


@dataclass
class Response:
    url: str              # final URL after redirects
    status: int
    headers: dict
    body: bytes
    fetched_at: float = field(default_factory=time.time)

    @property
    def content_type(self) -> str:
        return (self.headers.get("content-type") or "").split(";")[0].strip().lower()


# Characters that make URL parsers disagree about where the host ends ("\\" is a path
# separator to browsers and urllib3, part of the userinfo to urllib.parse).
_AMBIGUOUS_AUTHORITY = re.compile(r"[\\\s\x00-\x1f\x7f]")


def request_host(url: str) -> str:
    """The host the HTTP client will connect to, parsed as urllib3 (under requests) parses
    it; refuses an authority holding a backslash, whitespace or a control character."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        raise FetchError(f"not an absolute URL: {url[:200]!r}", retryable=False)
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if _AMBIGUOUS_AUTHORITY.search(authority) or _AMBIGUOUS_AUTHORITY.search(
            rest[len(authority):len(authority) + 1] or ""):
        raise BlockedAddress(f"refused {url[:200]!r}: backslash, space or control "
                             "character in the host part")
    try:
        host = parse_url(url).host
    except LocationParseError as err:
        raise FetchError(f"unparsable URL {url[:200]!r}: {err}", retryable=False) from err
    if not host:
        raise FetchError(f"no host in {url[:200]!r}", retryable=False)
    return host.strip("[]")


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Globally routable, and so is any IPv4 address it wraps (mapped, 6to4, Teredo)."""
    if not ip.is_global or ip.is_multicast:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        wrapped = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
        return all(w is None or is_public(w) for w in wrapped)
    return True


def check_address(url: str, allow_private: bool) -> str | None:
    """Resolve the URL's host once and return the address to connect to: the first one,
    when every address it resolves to is globally routable. Refuses loopback, private,
    shared (100.64/10), link-local and metadata addresses, and IPv6 forms wrapping them.
    With ``allow_private`` nothing is checked and None is returned (normal resolution)."""
    host = request_host(url)
    if allow_private:
        return None
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as err:
        raise HostNotFound(host, str(err)) from err
    addresses = []
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])
        if not is_public(ip):
            raise BlockedAddress(
                f"refused {host!r}: resolves to non-public address {ip} "
                "(use --allow-private-network to permit)")
        addresses.append(str(ip))
    if not addresses:
        raise HostNotFound(host, "no address")
    return addresses[0]


# The address each thread's current request was checked against: connections are opened
# to it, never to a second resolution of the name (DNS rebinding), while the Host header,
# SNI and certificate checks keep the name.
_PINNED = threading.local()


class _Pinned:
    def _new_conn(self):
        pinned = getattr(_PINNED, "hosts", {}).get(self.host)
        if pinned:
            self._dns_host = pinned   # what urllib3 hands to the socket; Host/SNI keep the name
        return super()._new_conn()


class _PinnedConnection(_Pinned, urllib3.connection.HTTPConnection):
    pass


class _PinnedHTTPSConnection(_Pinned, urllib3.connection.HTTPSConnection):
    pass


class _PinnedHTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _PinnedConnection


class _PinnedHTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _PinnedHTTPSConnection


class PinnedAdapter(requests.adapters.HTTPAdapter):
    """requests' adapter whose connections go to the address the guard checked."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _PinnedHTTPPool,
                                                   "https": _PinnedHTTPSPool}


class HostThrottle:
    """Per-host concurrency limit and minimum delay between request starts, thread-safe."""

    def __init__(self, per_host_concurrency: int = 2, per_host_delay: float = 0.5):
        self.concurrency = max(1, per_host_concurrency)
        self.delay = max(0.0, per_host_delay)
        self._lock = threading.Lock()
        self._sems: dict[str, threading.Semaphore] = {}
        self._next_start: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def set_delay(self, host: str, delay: float) -> None:
        """A host's own minimum delay (robots.txt Crawl-delay), never below the default."""
        with self._lock:
            self._delays[host] = max(self.delay, delay)

    def acquire(self, host: str) -> None:
        with self._lock:
            sem = self._sems.setdefault(host, threading.Semaphore(self.concurrency))
        sem.acquire()
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_start.get(host, 0.0))
            self._next_start[host] = start + self._delays.get(host, self.delay)
        if start > now:
            time.sleep(start - now)

    def release(self, host: str) -> None:
        self._sems[host].release()


class Fetcher:
    def __init__(self, *, user_agent: str = DEFAULT_USER_AGENT, allow_private: bool = False,
                 connect_timeout: float = 5.0, read_timeout: float = 15.0,
                 total_timeout: float = 45.0, max_bytes: int = 10 * 1024 * 1024,
                 max_redirects: int = 5, retries: int = 2, backoff: float = 0.5,
                 max_retry_after: float = 30.0, per_host_concurrency: int = 2,
                 per_host_delay: float = 0.5, pool_size: int = 32,
                 obey_robots: bool = True, max_crawl_delay: float = 30.0,
                 deadline: float | None = None):
        self.allow_private = allow_private
        # The run's deadline (``time.time()`` seconds: the workers may be other processes
        # or machines): no request starts after it, none runs past it.
        self.deadline = deadline
        self.timeout = (connect_timeout, read_timeout)
        self.total_timeout = total_timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.retries = retries
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.throttle = HostThrottle(per_host_concurrency, per_host_delay)
        self.obey_robots = obey_robots
        self.max_crawl_delay = max_crawl_delay
        self.user_agent = user_agent
        self._robots: dict[str, Protego | None] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._robots_lock = threading.Lock()
        self.session = requests.Session()
        adapter = PinnedAdapter(pool_connections=pool_size, pool_maxsize=pool_size,
                                max_retries=0)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers.update({"User-Agent": user_agent,
                                     "Accept-Encoding": "gzip, deflate"})

    def close(self) -> None:
        self.session.close()

    def time_left(self, url: str) -> float | None:
        """Seconds until the run's deadline (None: no deadline); DeadlineReached when
        it has passed."""
        if self.deadline is None:
            return None
        left = self.deadline - time.time()
        if left <= 0:
            raise DeadlineReached(f"run deadline (--deadline) reached: {url[:200]} not "
                                  "fetched; retryable")
        return left

    def check_robots(self, url: str) -> None:
        """Raise FetchError when the site's robots.txt disallows ``url`` for our agent.

        RFC 9309: a robots.txt that is missing (4xx) allows everything; one that cannot be
        fetched (5xx, timeout) disallows the site for now, a retryable failure.
        """
        if not self.obey_robots:
            return
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._robots_lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin, parts.hostname or "")
        rules = self._robots[origin]
        if isinstance(rules, FetchError):
            raise FetchError(f"robots.txt of {origin} unavailable ({rules}); not fetching "
                             f"{url}", retryable=True)
        if rules is not None and not rules.can_fetch(url, self.user_agent):
            raise FetchError(f"disallowed by robots.txt: {url}", retryable=False)

    def _load_robots(self, origin: str, host: str):
        try:
            resp = self._get_following_redirects(origin + "/robots.txt", {})
        except BlockedAddress:
            raise           # the site itself is refused: not a robots.txt problem
        except FetchError as err:
            if err.status is not None and 400 <= err.status < 500:
                return None
            return err
        try:
            rules = Protego.parse(resp.body.decode("utf-8", errors="replace"))
        except ValueError:
            return None  # an unparsable robots.txt is treated as missing
        delay = rules.crawl_delay(self.user_agent)
        if delay:
            self.throttle.set_delay(host, min(float(delay), self.max_crawl_delay))
        return rules

    def get(self, url: str, headers: dict | None = None, robots: bool = False) -> Response:
        """GET with retries on 429/5xx/transient errors; raises FetchError.

        ``robots=True`` (article pages) first checks the site's robots.txt.
        """
        request_host(url)   # an ambiguous address is refused before robots.txt is asked
        self.time_left(url)
        if robots:
            self.check_robots(url)
        attempt = 0
        while True:
            try:
                return self._get_following_redirects(url, headers or {})
            except FetchError as err:
                attempt += 1
                if not err.retryable or not err.retry_in_run or attempt > self.retries:
                    raise
                wait = self.backoff * (2 ** (attempt - 1))
                retry_after = getattr(err, "retry_after", None)
                if retry_after is not None:
                    if retry_after > self.max_retry_after:
                        raise
                    wait = max(wait, retry_after)
                left = self.time_left(url)
                if left is not None and wait >= left:
                    raise  # no time for another attempt: this failure, retryable later
                time.sleep(wait)

    def _get_following_redirects(self, url: str, headers: dict) -> Response:
        for _ in range(self.max_redirects + 1):
            scheme = urlsplit(url).scheme.lower()
            if scheme not in ("http", "https"):
                raise FetchError(f"refused non-http(s) URL {url[:200]!r}", retryable=False)
            self.time_left(url)
            pinned = check_address(url, self.allow_private)
            resp = self._get_once(url, headers, pinned)
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.headers.get("location")
                if not location:
                    raise FetchError(f"redirect without Location from {url}", retryable=False,
                                     status=resp.status)
                url = urljoin(url, location)
                continue
            return resp
        raise FetchError(f"more than {self.max_redirects} redirects from {url}",
                         retryable=False)

    def _get_once(self, url: str, headers: dict, pinned: str | None = None) -> Response:
        host = request_host(url)
        self.throttle.acquire(host)
        started = time.monotonic()
        try:
            left = self.time_left(url)   # the wait for the host's turn may have used it up
        except DeadlineReached:
            self.throttle.release(host)
            raise
        timeout, total = self.timeout, self.total_timeout
        if left is not None and left < total:
            timeout = (min(timeout[0], left), min(timeout[1], left))
            total = left
        hosts = getattr(_PINNED, "hosts", None)
        if hosts is None:
            hosts = _PINNED.hosts = {}
        if pinned:
            hosts[host] = pinned
        else:
            hosts.pop(host, None)
        try:
            try:
                r = self.session.get(url, headers=headers, timeout=timeout,
                                     stream=True, allow_redirects=False)
            except requests.exceptions.Timeout as err:
                if self.deadline is not None and time.time() >= self.deadline - 1.0:
                    raise DeadlineReached(f"run deadline (--deadline) reached while "
                                          f"fetching {url[:200]}; retryable") from err
                raise FetchError(f"timeout fetching {url}: {err}", retryable=True) from err
            except requests.exceptions.ConnectionError as err:
                unresolved = _name_resolution_error(err)
                if unresolved is not None:   # --allow-private-network: requests resolved
                    raise HostNotFound(host, unresolved) from err
                raise FetchError(f"connection error fetching {url}: {err}",
                                 retryable=True) from err
            except requests.exceptions.RequestException as err:
                raise FetchError(f"bad request for {url}: {err}", retryable=False) from err
            try:
                body = self._read_capped(r, url, started, total)
            finally:
                r.close()
        finally:
            hosts.pop(host, None)
            self.throttle.release(host)
        hdrs = {k.lower(): v for k, v in r.headers.items()}
        if r.status_code in RETRYABLE_STATUS:
            err = FetchError(f"HTTP {r.status_code} from {url}", retryable=True,
                             status=r.status_code)
            err.retry_after = parse_retry_after(hdrs.get("retry-after"))
            raise err
        if r.status_code >= 400:
            raise FetchError(f"HTTP {r.status_code} from {url}", retryable=False,
                             status=r.status_code)
        return Response(url=url, status=r.status_code, headers=hdrs, body=body)

    def _read_capped(self, r: requests.Response, url: str, started: float,
                     total: float | None = None) -> bytes:
        total = self.total_timeout if total is None else total
        declared = r.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"body of {url} declares {declared} bytes, over the "
                             f"{self.max_bytes}-byte cap", retryable=False)
        chunks, size = [], 0
        try:
            # decode_content=True inflates gzip as it streams, so the cap bounds the
            # decompressed size too (a gzip bomb stops at max_bytes).
            # read1 returns whatever one socket read brings, so a server that drips a byte
            # a second still meets the total deadline below.
            while True:
                chunk = r.raw.read1(64 * 1024, decode_content=True)
                if not chunk:
                    if r.raw.closed or r.raw.isclosed() or r.raw.length_remaining == 0:
                        break
                    if time.monotonic() - started > total:
                        self._too_long(url, total)
                    continue
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(f"body of {url} exceeds the {self.max_bytes}-byte cap",
                                     retryable=False)
                if time.monotonic() - started > total:
                    self._too_long(url, total)
                chunks.append(chunk)
        except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError,
                OSError) as err:
            raise FetchError(f"error reading {url}: {type(err).__name__}: {err}",
                             retryable=True) from err
        return b"".join(chunks)

    def _too_long(self, url: str, total: float):
        if total < self.total_timeout:   # cut short by the run's deadline
            raise DeadlineReached(f"run deadline (--deadline) reached while fetching "
                                  f"{url[:200]}; retryable")
        raise FetchError(f"fetching {url} took over {self.total_timeout:.0f}s",
                         retryable=True)


def _name_resolution_error(err: BaseException) -> str | None:
    """The resolver's words when ``err`` (requests' ConnectionError) is a host name that
    did not resolve, else None. urllib3 wraps it: ConnectionError(MaxRetryError(reason=
    NameResolutionError(... socket.gaierror)))."""
    seen = 0
    stack = [err]
    while stack and seen < 20:
        e = stack.pop()
        seen += 1
        if isinstance(e, socket.gaierror):
            return str(e)
        if isinstance(e, urllib3.exceptions.NameResolutionError):
            cause = e.__cause__ or e.__context__
            return str(cause) if isinstance(cause, socket.gaierror) else str(e)
        stack += [a for a in getattr(e, "args", ()) if isinstance(a, BaseException)]
        reason = getattr(e, "reason", None)
        if isinstance(reason, BaseException):
            stack.append(reason)
        for nxt in (e.__cause__, e.__context__):
            if nxt is not None:
                stack.append(nxt)
    return None


def parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
