"""One writing run per DuckDB file, and nothing left behind by runs that died (issue 18):
two runs at once, a run killed with SIGKILL then run again, a truncated warehouse file, a
full disk. Runs that must be separate processes are started as `python -m orewire run`
in-process-runner mode (one process each), with feeds as local files."""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from orewire import runlock
from orewire.pipeline.cli import run
from tests.fixtures import BOLIVIA, CHILE, MYANMAR, paragraphs_html, rss

ONE_PROCESS = ["--quiet", "--fetch", "never", "--direct_num_workers=1"]


def _feeds(folder: Path, prefix: str, n: int) -> set[str]:
    """``n`` feeds of three full-text entries each in ``folder``; returns the links."""
    folder.mkdir(parents=True)
    links = set()
    for f in range(n):
        items = []
        for i, text in enumerate((CHILE, BOLIVIA + CHILE, MYANMAR + CHILE)):
            link = f"https://{prefix}.example/{f}/{i}"
            links.add(link)
            items.append({"title": f"{prefix} story {f}.{i}", "link": link,
                          "content": paragraphs_html(text)})
        (folder / f"{prefix}{f}.xml").write_text(rss(f"{prefix} desk {f}", items),
                                                 encoding="utf-8")
    return links


def _start(feeds: Path, warehouse: Path, tmpdir: Path) -> subprocess.Popen:
    tmpdir.mkdir(exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-m", "orewire", "run", "--feeds", str(feeds), "--warehouse",
         str(warehouse), *ONE_PROCESS],
        env={**os.environ, "TMPDIR": str(tmpdir)}, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, start_new_session=True)


def _urls(warehouse: Path) -> list[str]:
    con = duckdb.connect(str(warehouse), read_only=True)
    urls = [r[0] for r in con.execute("SELECT url FROM articles").fetchall()]
    con.close()
    return urls


def _files(folder: Path, skip: set[str] = frozenset()) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")
            if not (set(p.relative_to(folder).parts) & skip)}


def test_a_second_holder_is_refused_with_who_holds_it(tmp_path):
    wh = str(tmp_path / "w.duckdb")
    first = runlock.RunLock(wh)
    first.acquire("run-one")
    try:
        second = runlock.RunLock(wh)   # another open file: flock conflicts even in-process
        try:
            second.acquire("run-two")
        except runlock.WarehouseBusy as err:
            assert f"pid {os.getpid()}, run run-one" in str(err)
        else:
            raise AssertionError("two holders of one run lock")
    finally:
        first.release()
    again = runlock.RunLock(wh)
    again.acquire("run-three")      # released: free again
    again.release()


def test_a_refusal_in_the_moment_before_the_holder_writes_still_names_it(tmp_path):
    # The holder has the flock but has not yet written its facts (the moment between the
    # two in acquire): the refused run waits for them rather than printing no holder.
    import fcntl
    import threading
    wh = str(tmp_path / "w.duckdb")
    fd = os.open(runlock.lock_path(wh), os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    writer = threading.Timer(0.3, lambda: os.write(
        fd, b'{"pid": 4242, "run_id": "late-writer", "since": "now"}'))
    writer.start()
    try:
        runlock.RunLock(wh).acquire("refused")
    except runlock.WarehouseBusy as err:
        assert "(pid 4242, run late-writer" in str(err)
    else:
        raise AssertionError("two holders of one run lock")
    finally:
        writer.join()
        os.close(fd)


def test_a_lock_released_while_a_run_is_refused_is_taken(tmp_path):
    # The holder empties the file, then closes it: a run in that moment gets the lock.
    import fcntl
    import threading
    wh = str(tmp_path / "w.duckdb")
    fd = os.open(runlock.lock_path(wh), os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    closer = threading.Timer(0.3, os.close, (fd,))
    closer.start()
    lock = runlock.RunLock(wh)
    lock.acquire("next")
    closer.join()
    assert lock.fd is not None
    lock.release()


def test_two_runs_at_once_on_one_file_store_every_article_once(tmp_path):
    links = _feeds(tmp_path / "a", "alpha", 3) | _feeds(tmp_path / "b", "beta", 3)
    wh = tmp_path / "w.duckdb"
    procs = [_start(tmp_path / name, wh, tmp_path / "tmp") for name in ("a", "b")]
    results = [(p.wait(timeout=600), *p.communicate()) for p in procs]
    for (code, _out, err), name in zip(results, ("a", "b")):
        if code == 2:   # refused at once, in one line naming the holder; runs again fine
            lines = err.strip().splitlines()
            assert len(lines) == 1 and "another orewire run (pid" in lines[0], err
            again = _start(tmp_path / name, wh, tmp_path / "tmp")
            assert again.wait(timeout=600) == 0, again.communicate()[1]
        else:
            assert code == 0, err
    urls = _urls(wh)
    assert sorted(urls) == sorted(links)          # all 18, each once


def test_a_killed_run_leaves_nothing_once_the_next_run_is_done(tmp_path):
    links = _feeds(tmp_path / "feeds", "kill", 6)
    # A run never killed: what it leaves is the measure.
    clean = tmp_path / "clean"
    clean.mkdir()
    done = _start(tmp_path / "feeds", clean / "w.duckdb", clean / "tmp")
    assert done.wait(timeout=600) == 0, done.communicate()[1]
    # A run killed (SIGKILL, the whole process group) once it is under way ...
    killed = tmp_path / "killed"
    killed.mkdir()
    proc = _start(tmp_path / "feeds", killed / "w.duckdb", killed / "tmp")
    deadline = time.monotonic() + 120
    while not any((killed / "tmp").glob("orewire-run-*/beam-pipeline-temp*")):
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline, "the run never started"
        time.sleep(0.1)
    time.sleep(1.5)
    os.killpg(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=60) == -signal.SIGKILL
    # ... and, as a run killed while loading would, shards of an earlier dead run
    dead = killed / ".w.duckdb.staging" / "20200101T000000Z-deadbeef"
    dead.mkdir(parents=True, exist_ok=True)
    (dead / "articles-0123.parquet").write_bytes(b"PAR1 half a shard")
    assert _files(killed) - _files(clean)     # leftovers before the next run
    again = _start(tmp_path / "feeds", killed / "w.duckdb", killed / "tmp")
    assert again.wait(timeout=600) == 0, again.communicate()[1]
    assert sorted(_urls(killed / "w.duckdb")) == sorted(links)
    # no more files beside the warehouse, nor in the temp directory, than the clean run's
    assert _files(killed) == _files(clean), _files(killed) ^ _files(clean)
    assert _files(killed / "tmp") == _files(clean / "tmp") == set()


def test_a_truncated_warehouse_is_one_line(tmp_path, capsys):
    wh = tmp_path / "w.duckdb"
    assert run(["--warehouse", str(wh), "--quiet"]) == 0
    with open(wh, "r+b") as fh:
        fh.truncate(5000)
    assert run(["--warehouse", str(wh), "--quiet"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot open DuckDB warehouse" in err[0], err


def test_a_full_disk_is_one_line(tmp_path, capsys, monkeypatch):
    import orewire.transforms.write_warehouse as ww

    def full(table, rows, staging_dir):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC),
                      os.path.join(staging_dir, f"{table}-x.parquet"))

    monkeypatch.setattr(ww, "write_shard", full)
    wh = tmp_path / "w.duckdb"
    assert run(["--warehouse", str(wh), "--quiet"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no space left on device writing" in err[0], err
    # and the run lock is free again for the next run
    monkeypatch.undo()
    assert run(["--warehouse", str(wh), "--quiet"]) == 0


def test_temp_folders_of_dead_runs_are_removed_live_ones_kept(tmp_path):
    import fcntl
    dead = tmp_path / "orewire-run-dead"
    dead.mkdir()
    (dead / ".alive").write_text("")
    (dead / "beam-pipeline-temp1").mkdir()
    alive = tmp_path / "orewire-run-alive"
    alive.mkdir()
    fd = os.open(alive / ".alive", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    other = tmp_path / "someone-else"
    other.mkdir()
    try:
        removed = runlock.remove_dead_tempdirs(str(tmp_path))
    finally:
        os.close(fd)
    assert removed == [str(dead)]
    assert alive.is_dir() and other.is_dir() and not dead.exists()


def test_reprocess_is_refused_while_a_run_writes_the_file(tmp_path, capsys):
    from orewire.pipeline.maintenance import reprocess
    wh = str(tmp_path / "w.duckdb")
    duckdb.connect(wh).close()
    holder = runlock.RunLock(wh)      # another writer (a run) holds the file
    holder.acquire("run-writing")
    try:
        assert reprocess(["--warehouse", wh, "--quiet"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("orewire reprocess: error:") and "run-writing" in err
    finally:
        holder.release()
