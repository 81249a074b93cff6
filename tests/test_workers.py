"""A worker process that dies ends the run with a one-line cause (issue 18): Beam's
FnApiRunner otherwise waits for a dead multi_processing worker for ever. The failures are
injected into the worker processes only, through a ``sitecustomize`` module on their
PYTHONPATH (the driver's own start-up is the same, its command line has no worker in it).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

INJECT = textwrap.dedent('''
    import os
    if b"sdk_worker_main" in open("/proc/self/cmdline", "rb").read():
        mode = os.environ["OREWIRE_TEST_WORKER_FAULT"]
        if mode == "exit":       # dies as it starts, as on an import error
            os._exit(3)
        if mode == "setup":      # a DoFn's setup raises: the models cannot be loaded
            import spacy

            def broken(*args, **kwargs):
                raise RuntimeError("injected: the spaCy model cannot be loaded")

            spacy.load = broken
''')


def _run(tmp_path, fault: str | None) -> subprocess.Popen:
    inject = tmp_path / "inject"
    inject.mkdir(exist_ok=True)
    (inject / "sitecustomize.py").write_text(INJECT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(inject), "TMPDIR": str(tmp_path)}
    if fault:
        env["OREWIRE_TEST_WORKER_FAULT"] = fault
    return subprocess.Popen(
        [sys.executable, "-m", "orewire", "run", "--warehouse", str(tmp_path / "w.duckdb"),
         "--quiet", "--direct_running_mode=multi_processing", "--direct_num_workers=2"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True)


def _finish(proc: subprocess.Popen, limit: float = 150) -> tuple[int, str, str]:
    try:
        out, err = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _out, err = proc.communicate()
        pytest.fail(f"the run was still waiting after {limit:.0f}s: {err[-3000:]}")
    return proc.returncode, out, err


@pytest.mark.parametrize("fault, cause", [
    ("exit", "a worker process died (worker subprocess exited with return code 3)"),
    ("setup", "RuntimeError: injected: the spaCy model cannot be loaded")])
def test_a_worker_that_fails_to_start_ends_the_run_in_one_line(tmp_path, fault, cause):
    started = time.monotonic()
    code, out, err = _finish(_run(tmp_path, fault))
    assert time.monotonic() - started < 90
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and cause in lines[0], err
    # nothing of the run is left in the temp directory
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("orewire-run-")] == []


def test_a_worker_killed_midway_ends_the_run(tmp_path):
    proc = _run(tmp_path, None)
    me = str(proc.pid).encode()
    deadline = time.monotonic() + 120
    worker = None
    while worker is None:   # a worker of this run, once it is working
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.5)
        for name in os.listdir("/proc"):
            try:
                with open(f"/proc/{name}/cmdline", "rb") as fh:
                    command = fh.read()
                with open(f"/proc/{name}/stat", "rb") as fh:
                    stat = fh.read()
            except OSError:
                continue
            if b"sdk_worker_main" in command and b"/bin/sh" not in command and \
                    stat[stat.rindex(b")") + 2:].split()[2] == me:   # same process group
                worker = int(name)
    time.sleep(2)
    killed_at = time.monotonic()
    os.kill(worker, signal.SIGKILL)
    code, _out, err = _finish(proc)
    assert time.monotonic() - killed_at < 90
    if code != 0:   # the run may also have finished before the kill reached it
        lines = err.strip().splitlines()
        assert code == 1 and len(lines) == 1 and "a worker process died" in lines[0], err
