"""Progress of local runs: heartbeat files, the reporter thread, the tally transform, the CLI."""
from __future__ import annotations

import io
import json
import os
import re
import tempfile
import time

import apache_beam as beam
from apache_beam.testing import test_pipeline

from orewire import progress
from orewire.progress import (Heartbeat, ProgressReporter, RateMeter, format_progress,
                              read_progress)
from orewire.pipeline.cli import run
from orewire.transforms.progress import CountProgress


def test_heartbeats_of_several_processes_add_up(tmp_path):
    a = Heartbeat(str(tmp_path), flush_seconds=0)
    b = Heartbeat(str(tmp_path), flush_seconds=3600)
    b.path = os.path.join(str(tmp_path), "other-process.json")  # as another pid would
    for _ in range(3):
        a.add(progress.ENTRIES)
    a.add(progress.ARTICLES, 2)
    b.add(progress.ENTRIES, 5)
    assert read_progress(str(tmp_path))[progress.ENTRIES] == 3  # b not flushed yet
    b.flush()
    totals = read_progress(str(tmp_path))
    assert totals == {"entries": 8, "new": 0, "articles": 2, "dead_letters": 0}
    (tmp_path / "broken.json").write_text("{not json")  # a torn file is skipped
    assert read_progress(str(tmp_path))[progress.ENTRIES] == 8
    assert read_progress(str(tmp_path / "missing"))[progress.ENTRIES] == 0


def test_progress_line_and_rate():
    line = format_progress({"entries": 120, "new": 95, "articles": 37, "dead_letters": 1},
                           65, 2.44)
    assert line == "1:05  entries 120 | articles 37 of 95 new (2.4/s) | dead letters 1"
    assert format_progress({}, 3725, None) == ("1:02:05  entries 0 | articles 0 | "
                                               "dead letters 0")
    meter = RateMeter(window=10)
    assert meter.update(0.0, 0) is None
    assert meter.update(2.0, 10) == 5.0
    meter.update(12.0, 20)
    assert meter.update(14.0, 40) == 30 / 12  # the sample at 0 s fell out of the window


def test_reporter_writes_plain_lines_when_not_a_terminal(tmp_path):
    hb = Heartbeat(str(tmp_path), flush_seconds=0)
    hb.add(progress.ENTRIES, 7)
    hb.add(progress.DEAD_LETTERS)
    out = io.StringIO()
    with ProgressReporter(str(tmp_path), out, interval=0.05) as reporter:
        assert not reporter.live  # StringIO is no terminal
        time.sleep(0.3)
    lines = out.getvalue().splitlines()
    assert len(lines) >= 2
    assert all(re.match(r"orewire progress: \d+:\d\d  entries 7 \| articles 0 \| "
                        r"dead letters 1$", line) for line in lines)
    count = len(lines)
    time.sleep(0.15)
    assert len(out.getvalue().splitlines()) == count  # stopped for good


def test_reporter_redraws_one_line_on_a_terminal(tmp_path):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    Heartbeat(str(tmp_path), flush_seconds=0).add(progress.ARTICLES, 3)
    out = Tty()
    with ProgressReporter(str(tmp_path), out, interval=0.05) as reporter:
        assert reporter.live
        time.sleep(0.3)
    text = out.getvalue()
    assert "\n" not in text
    assert text.count("\r\x1b[2K") >= 3 and "articles 3" in text
    assert text.endswith("\r\x1b[2K")  # the line is cleared for the summary


def test_count_progress_tallies_elements(tmp_path):
    with test_pipeline.TestPipeline() as p:
        _ = (p | beam.Create(list(range(5))) | "CountNumbers" >> CountProgress(
            str(tmp_path), progress.ENTRIES))
    assert read_progress(str(tmp_path))[progress.ENTRIES] == 5
    files = [f for f in os.listdir(tmp_path) if f.endswith(".json")]
    assert files and json.loads((tmp_path / files[0]).read_text())["entries"] == 5


def test_run_reports_progress_on_stderr_unless_quiet(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(progress, "LOG_INTERVAL_SECONDS", 0.2)
    made = []
    real_mkdtemp = tempfile.mkdtemp

    def spy(*a, **kw):
        path = real_mkdtemp(*a, **kw)
        if os.path.basename(path).startswith("orewire-progress-"):
            made.append(path)
        return path

    monkeypatch.setattr(tempfile, "mkdtemp", spy)
    wh = tmp_path / "p.duckdb"
    assert run(["--warehouse", str(wh)]) == 0
    captured = capsys.readouterr()
    lines = [ln for ln in captured.err.splitlines() if ln.startswith("orewire progress:")]
    assert lines, captured.err
    assert any("entries 18 |" in ln for ln in lines)  # the sample's 18 entries were read
    assert "new articles written" in captured.out and "orewire progress" not in captured.out
    assert made and not os.path.exists(made[0])  # heartbeat files are cleaned up

    assert run(["--warehouse", str(wh), "--quiet"]) == 0
    assert "orewire progress" not in capsys.readouterr().err
    assert len(made) == 1  # quiet: no heartbeat directory at all


def test_a_heartbeat_flushes_a_count_that_nothing_follows(tmp_path):
    """One dead letter, then a long silence (a slow fetch): it is on disk within the
    flush interval, not only when the bundle ends."""
    hb = Heartbeat(str(tmp_path), flush_seconds=0.2)
    hb.add(progress.DEAD_LETTERS)
    assert read_progress(str(tmp_path))[progress.DEAD_LETTERS] == 0  # not due yet
    time.sleep(0.6)
    assert read_progress(str(tmp_path))[progress.DEAD_LETTERS] == 1


class _SlowRoute:
    """A route of tests.conftest.LocalServer whose body takes ``delay`` seconds."""

    def __init__(self, body: str, delay: float):
        self.status, self.headers = 200, {}
        self._body, self.delay = body.encode("utf-8"), delay

    @property
    def body(self) -> bytes:
        time.sleep(self.delay)
        return self._body


def test_dead_letters_show_on_the_progress_line_as_they_happen(server, tmp_path, capsys,
                                                               monkeypatch):
    """A feed that cannot be read is a dead letter at once; the progress line says so
    while the other feed's page is still being fetched (before, the count was taken
    after all stages' dead letters were gathered: 0 until the run ended)."""
    from tests.conftest import Route
    from tests.fixtures import BOLIVIA, page_html, rss
    monkeypatch.setattr(progress, "LOG_INTERVAL_SECONDS", 0.2)
    server.routes["/feed.xml"] = Route(rss("Desk", [
        {"title": "Bolivia", "link": server.url("/news/slow"), "description": "Teaser …"}]),
        headers={"Content-Type": "application/rss+xml"})
    server.routes["/news/slow"] = _SlowRoute(page_html("Bolivia lithium", BOLIVIA), 3.0)
    wh = tmp_path / "live.duckdb"
    assert run(["--feeds", server.url("/feed.xml"), server.url("/gone.xml"),
                "--warehouse", str(wh), "--allow-private-network",
                "--per-host-delay", "0"]) == 0
    captured = capsys.readouterr()
    lines = [ln for ln in captured.err.splitlines() if ln.startswith("orewire progress:")]
    # during the slow fetch: the entry read, its article not through yet, the dead letter in
    during = [ln for ln in lines if "entries 1 | articles 0 of 1 new" in ln]
    assert during, captured.err
    assert any(ln.endswith("dead letters 1") for ln in during), lines
