"""PoliteQueue: every item comes back once, hosts run side by side, never more than
``per_host`` of one host at once, results as they complete, memory bounded."""
from __future__ import annotations

import threading
import time

import pytest

from orewire.fetchqueue import PoliteQueue


class Recorder:
    """A work function that records how many items of each host run at once."""

    def __init__(self, seconds: float = 0.0):
        self.seconds = seconds
        self.lock = threading.Lock()
        self.running: dict[str, int] = {}
        self.peak: dict[str, int] = {}
        self.peak_total = 0
        self.done = 0

    def __call__(self, item):
        host, n = item
        with self.lock:
            self.running[host] = self.running.get(host, 0) + 1
            self.peak[host] = max(self.peak.get(host, 0), self.running[host])
            self.peak_total = max(self.peak_total, sum(self.running.values()))
        time.sleep(self.seconds)
        with self.lock:
            self.running[host] -= 1
            self.done += 1
        return f"{host}/{n}"


def test_every_item_comes_back_once_with_its_result():
    work = Recorder()
    queue = PoliteQueue(work, threads=4, per_host=2)
    items = [(f"h{i % 3}", i) for i in range(30)]
    for item in items:
        queue.put(item[0], item)
    results = list(queue.drain())
    queue.close()
    assert sorted(item for item, _r in results) == sorted(items)
    assert all(result == f"{item[0]}/{item[1]}" for item, result in results)
    assert len(queue) == 0 and list(queue.drain()) == []


def test_hosts_run_side_by_side_but_each_within_its_limit():
    work = Recorder(seconds=0.02)
    queue = PoliteQueue(work, threads=8, per_host=2)
    # all of one host first, as a GroupByKey hands them over
    for host in ("a", "b", "c", "d"):
        for n in range(6):
            queue.put(host, (host, n))
    assert len(list(queue.drain())) == 24
    queue.close()
    assert max(work.peak.values()) <= 2
    assert work.peak_total > 2, "hosts were not fetched side by side"


def test_ready_does_not_wait_and_drain_returns_the_rest():
    gate = threading.Event()

    def work(item):
        gate.wait(5)
        return item

    queue = PoliteQueue(work, threads=2, per_host=1)
    queue.put("a", 1)
    queue.put("b", 2)
    assert queue.ready() == []          # nothing finished, and no waiting
    gate.set()
    assert sorted(r for _i, r in queue.drain()) == [1, 2]
    queue.close()


def test_threads_pause_when_results_are_not_taken():
    work = Recorder()
    queue = PoliteQueue(work, threads=2, per_host=4, max_ready=3)
    for n in range(20):
        queue.put(f"h{n % 5}", (f"h{n % 5}", n))
    time.sleep(0.3)
    assert work.done <= 3 + 2           # max_ready, plus one in hand per thread
    assert len(list(queue.drain())) == 20
    queue.close()


def test_an_unexpected_error_reaches_the_caller():
    def work(item):
        if item == 3:
            raise KeyError("boom")
        return item

    queue = PoliteQueue(work, threads=2)
    for n in range(5):
        queue.put("h", n)
    with pytest.raises(KeyError):
        list(queue.drain())
    queue.close()
