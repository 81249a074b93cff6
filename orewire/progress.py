"""Progress of a local run: heartbeat files written by workers, read by a reporter thread.

Beam's DirectRunner reports metrics only when a bundle ends, and ``p.run()`` blocks until
the pipeline is done, so the driver cannot poll counters while it runs. Instead a tally
DoFn (``transforms/progress.py``) counts elements at a few points of the graph and every
process that runs it writes its running totals to ``<progress_dir>/<pid>.json`` at most
twice a second (and at the end of each bundle). The driver's :class:`ProgressReporter`
thread sums those files: a live line on a terminal, a plain line every ten seconds
otherwise. That works in-process and with ``--direct_running_mode=multi_processing``
(workers are local processes sharing the file system); it is only switched on for local
runners.

    with ProgressReporter(progress_dir, stream=sys.stderr):
        pipeline.run().wait_until_finish()
"""
from __future__ import annotations

import json
import os
import threading
import time
from collections import deque

# What the tallies count, in display order.
ENTRIES = "entries"          # feed entries read
NEW = "new"                  # entries not already stored (to be processed)
ARTICLES = "articles"        # articles through entity extraction, the slow step
DEAD_LETTERS = "dead_letters"
COUNTS = (ENTRIES, NEW, ARTICLES, DEAD_LETTERS)

FLUSH_SECONDS = 0.5
LIVE_REFRESH_SECONDS = 0.25
LOG_INTERVAL_SECONDS = 10.0
RATE_WINDOW_SECONDS = 10.0


class Heartbeat:
    """One process's running totals for one run, flushed to a small JSON file."""

    def __init__(self, progress_dir: str, flush_seconds: float = FLUSH_SECONDS):
        self.path = os.path.join(progress_dir, f"{os.getpid()}.json")
        self.flush_seconds = flush_seconds
        self.counts: dict[str, int] = {}
        self.lock = threading.Lock()
        # From creation, not 0.0: time.monotonic() is the machine's uptime, so 0.0 made
        # the first add flush at once on any machine up for longer than flush_seconds.
        self.last_flush = time.monotonic()
        self.timer: threading.Timer | None = None

    def add(self, name: str, n: int = 1) -> None:
        with self.lock:
            self.counts[name] = self.counts.get(name, 0) + n
            wait = self.flush_seconds - (time.monotonic() - self.last_flush)
            if wait > 0 and self.timer is None:
                # Not due yet: flush when it is, even if nothing else is counted until
                # then (a dead letter, then a minute-long fetch, must not wait for the
                # end of the bundle to be seen).
                self.timer = threading.Timer(wait, self.flush)
                self.timer.daemon = True
                self.timer.start()
        if wait <= 0:
            self.flush()

    def flush(self) -> None:
        with self.lock:
            data = json.dumps(self.counts)
            self.last_flush = time.monotonic()
            if self.timer is not None and self.timer is not threading.current_thread():
                self.timer.cancel()
            self.timer = None
        tmp = f"{self.path}.{threading.get_ident()}.tmp"
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                fh.write(data)
            os.replace(tmp, self.path)  # readers never see a half-written file
        except OSError:
            pass  # the run matters, its progress display does not


_HEARTBEATS: dict[tuple[int, str], Heartbeat] = {}
_HEARTBEATS_LOCK = threading.Lock()


def heartbeat(progress_dir: str) -> Heartbeat:
    """The Heartbeat of this process for ``progress_dir`` (shared by every DoFn instance)."""
    key = (os.getpid(), progress_dir)
    with _HEARTBEATS_LOCK:
        hb = _HEARTBEATS.get(key)
        if hb is None:
            hb = _HEARTBEATS[key] = Heartbeat(progress_dir)
        return hb


def read_progress(progress_dir: str) -> dict[str, int]:
    """The totals of every process's heartbeat file in ``progress_dir``."""
    totals = {name: 0 for name in COUNTS}
    try:
        names = os.listdir(progress_dir)
    except OSError:
        return totals
    for name in names:
        if not name.endswith(".json"):
            continue
        try:
            with open(os.path.join(progress_dir, name), encoding="utf-8") as fh:
                counts = json.load(fh)
        except (OSError, ValueError):
            continue
        for key, value in counts.items():
            if isinstance(value, int):
                totals[key] = totals.get(key, 0) + value
    return totals


def format_elapsed(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def format_progress(counts: dict[str, int], elapsed: float, rate: float | None) -> str:
    """One line: ``0:42  entries 120 | articles 37 of 95 new (2.4/s) | dead letters 1``."""
    articles = f"articles {counts.get(ARTICLES, 0)}"
    if counts.get(NEW):
        articles += f" of {counts[NEW]} new"
    articles += f" ({rate:.1f}/s)" if rate is not None else ""
    return (f"{format_elapsed(elapsed)}  entries {counts.get(ENTRIES, 0)} | {articles} | "
            f"dead letters {counts.get(DEAD_LETTERS, 0)}")


class RateMeter:
    """Articles per second over the last ``window`` seconds."""

    def __init__(self, window: float = RATE_WINDOW_SECONDS):
        self.window = window
        self.samples: deque[tuple[float, int]] = deque()

    def update(self, now: float, value: int) -> float | None:
        self.samples.append((now, value))
        while len(self.samples) > 2 and now - self.samples[1][0] >= self.window:
            self.samples.popleft()
        t0, v0 = self.samples[0]
        if value == 0 or now - t0 < 0.5:
            return None
        return (value - v0) / (now - t0)


class ProgressReporter:
    """A daemon thread that shows the run's progress on ``stream`` until stopped.

    ``live`` (default: ``stream.isatty()``) redraws one line in place every quarter
    second; otherwise a plain line is written every ``interval`` seconds.
    """

    def __init__(self, progress_dir: str, stream, live: bool | None = None,
                 interval: float | None = None, clock=time.monotonic):
        self.progress_dir = progress_dir
        self.stream = stream
        if live is None:
            isatty = getattr(stream, "isatty", None)
            live = bool(isatty and isatty())
        self.live = live
        self.interval = interval if interval is not None else (
            LIVE_REFRESH_SECONDS if live else LOG_INTERVAL_SECONDS)
        self.clock = clock
        self.started = clock()
        self.rate = RateMeter()
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="orewire-progress",
                                       daemon=True)
        self.lines_written = 0

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self) -> None:
        self.started = self.clock()
        self.thread.start()

    def stop(self) -> None:
        self.stop_event.set()
        if self.thread.is_alive():
            self.thread.join(timeout=5)
        if self.live and self.lines_written:
            self._write("\r\x1b[2K")  # leave the terminal clean for the summary

    def snapshot(self) -> str:
        now = self.clock()
        counts = read_progress(self.progress_dir)
        rate = self.rate.update(now, counts.get(ARTICLES, 0))
        return format_progress(counts, now - self.started, rate)

    def _loop(self) -> None:
        spinner = "|/-\\"
        tick = 0
        while not self.stop_event.wait(self.interval):
            try:
                line = self.snapshot()
            except Exception:  # noqa: BLE001 (a display must never break the run)
                continue
            if self.live:
                tick += 1
                self._write(f"\r\x1b[2K{spinner[tick % 4]} orewire {line}")
            else:
                self._write(f"orewire progress: {line}\n")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
            self.lines_written += 1
        except (OSError, ValueError):
            pass
