"""Many pages from many hosts at once, politely: a work queue over a pool of threads.

FetchArticles puts every page of a bundle in a ``PoliteQueue`` keyed by host. Its threads
take the hosts in turn (a host not yet asked first, then the one asked longest ago) and
never hold more than ``per_host`` requests of one host at once, so with many hosts the
threads are busy with hosts that may be asked now instead of all sleeping on one host's
delay (the ``Fetcher``'s ``HostThrottle`` still enforces the delay and the limit). Results
come back as they complete, ``ready()`` without waiting and ``drain()`` until the queue is
empty, so the steps after fetching work on the first pages while later ones are still on
the wire.

    queue = PoliteQueue(fetch_one, threads=32, per_host=2)
    for url in urls:
        queue.put(host_of(url), url)
    for url, result in queue.drain():
        ...
"""
from __future__ import annotations

import threading
import time
from collections import deque
from typing import Any, Callable, Iterator


class PoliteQueue:
    """Runs ``work(item)`` for every item put, on up to ``threads`` threads, with at most
    ``per_host`` items of one host running at once; yields ``(item, result)`` pairs as
    they complete. An exception raised by ``work`` is raised again by ``ready``/``drain``
    (``work`` should return its expected failures rather than raise them).

    At most ``max_ready`` results wait to be collected: past that the threads pause, which
    bounds the memory held by fetched pages nobody has taken yet.
    """

    def __init__(self, work: Callable[[Any], Any], threads: int = 32, per_host: int = 2,
                 max_ready: int | None = None):
        self.work = work
        self.threads = max(1, threads)
        self.per_host = max(1, per_host)
        self.max_ready = max_ready or 2 * self.threads
        self._cond = threading.Condition()
        self._queues: dict[str, deque] = {}
        self._turns: deque[str] = deque()       # hosts with queued items, in turn order
        self._running: dict[str, int] = {}
        self._ready: deque = deque()
        self._outstanding = 0                   # put, not yet handed back
        self._workers: list[threading.Thread] = []
        self._idle = 0
        self._closed = False

    def put(self, host: str, item) -> None:
        with self._cond:
            if self._closed:
                raise RuntimeError("PoliteQueue is closed")
            queue = self._queues.get(host)
            if queue is None:
                queue = self._queues[host] = deque()
            if not queue:
                self._turns.appendleft(host)     # a host not waiting yet goes first
            queue.append(item)
            self._outstanding += 1
            if self._idle == 0 and len(self._workers) < self.threads:
                worker = threading.Thread(target=self._run, name="orewire-fetch",
                                          daemon=True)
                self._workers.append(worker)
                worker.start()
            self._cond.notify()

    def __len__(self) -> int:
        """Items put and not yet handed back by ``ready``/``drain``."""
        return self._outstanding

    def ready(self) -> list:
        """The results completed so far, without waiting."""
        with self._cond:
            return self._take_ready()

    def drain(self) -> Iterator:
        """Every outstanding result, as each completes; returns when none is left."""
        while True:
            with self._cond:
                while not self._ready and self._outstanding:
                    self._cond.wait()
                if not self._outstanding:
                    return
                batch = self._take_ready()
            yield from batch

    def close(self, wait: float = 5.0) -> None:
        """Stop the threads, waiting ``wait`` seconds in all for those still working (they
        are daemon threads); items not started are dropped."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        deadline = time.monotonic() + wait
        for worker in self._workers:
            worker.join(timeout=max(0.0, deadline - time.monotonic()))

    def _take_ready(self) -> list:
        out = []
        while self._ready:
            item, result, error = self._ready.popleft()
            self._outstanding -= 1
            if error is not None:
                self._cond.notify_all()
                raise error
            out.append((item, result))
        self._cond.notify_all()      # room again for paused threads
        return out

    def _pick(self):
        """The next (host, item) to run, or None; called with the lock held."""
        if len(self._ready) >= self.max_ready:
            return None
        for _ in range(len(self._turns)):
            host = self._turns.popleft()
            queue = self._queues[host]
            if self._running.get(host, 0) >= self.per_host:
                self._turns.append(host)
                continue
            item = queue.popleft()
            if queue:
                self._turns.append(host)
            else:
                del self._queues[host]
            self._running[host] = self._running.get(host, 0) + 1
            return host, item
        return None

    def _run(self) -> None:
        while True:
            with self._cond:
                picked = None
                while not self._closed and (picked := self._pick()) is None:
                    self._idle += 1
                    self._cond.wait()
                    self._idle -= 1
                if self._closed:
                    return
            host, item = picked
            result = error = None
            try:
                result = self.work(item)
            except Exception as err:  # noqa: BLE001 (handed to the caller's thread)
                error = err
            with self._cond:
                self._running[host] -= 1
                if not self._running[host]:
                    del self._running[host]
                self._ready.append((item, result, error))
                self._cond.notify_all()
