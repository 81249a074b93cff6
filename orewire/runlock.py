"""One writing run per DuckDB file at a time, and what runs that died left behind.

    lock = acquire_run_lock("news.duckdb", run_id)     # WarehouseBusy: another run writes
    removed = remove_dead_staging("news.duckdb", keep=this_run_staging_dir)
    ...
    release_run_lock("news.duckdb")

    with run_tempdir():          # TMPDIR of the run and its worker processes
        ...

The lock is ``fcntl.flock`` on ``.<warehouse>.lock`` beside the warehouse, chosen over a
lock package (filelock, fasteners) and over a pid file: the kernel releases a flock when
its process dies, SIGKILL included, so a killed run never leaves a stale lock and nobody
has to guess whether a pid still means the same process; the standard library has it.
The file itself stays (removing a flock file races with a run that has just opened it);
it holds the current holder's pid and run id for the refusal message. A second run on the
same file is refused at once with that message (exit 2; it waits at most two seconds for the
holder's facts, which are missing for a moment as a run takes or gives up the lock) rather
than made to wait for the lock: a run can take hours, and two runs over one file would only
fetch the same pages twice.

While a run holds the lock no other live run can own a staging folder under
``.<warehouse>.staging/``, so every folder there but its own is a dead run's and is removed:
its rows were never loaded (a run loads its shards in one transaction at its end), and
loading them would store that run's ``feed_state`` (ETags) without the articles it had not
finished, which the next conditional GET would then never see again.

Temporary files: ``run_tempdir`` gives a run its own folder in the system's temp directory,
``orewire-run-*``, and points ``tempfile`` and ``TMPDIR`` (which the worker processes
inherit) at it, so Beam's pipeline temp folder, the progress files and the workers' temp
files are all inside it. It is removed when the run ends; a flock on a file inside it marks
it as alive, so the next run removes the folders of runs that died.

Linux and macOS (fcntl); where fcntl is missing there is no lock and no clean-up.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import tempfile
import time

try:
    import fcntl
except ImportError:  # not POSIX
    fcntl = None

TEMP_PREFIX = "orewire-run-"
_ALIVE = ".alive"
# A run's temp folder without its lock file is one whose run died between making the
# folder and locking it (a moment); older than this, it is removed.
_UNLOCKED_GRACE_SECONDS = 600
# How long a refused run waits for the holder's facts to appear in the lock file.
_HOLDER_WAIT_SECONDS = 2.0


class WarehouseBusy(RuntimeError):
    """Another live run holds the warehouse's run lock."""


def lock_path(warehouse: str) -> str:
    path = os.path.abspath(warehouse)
    return os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.lock")


def staging_root(warehouse: str) -> str:
    path = os.path.abspath(warehouse)
    return os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.staging")


class RunLock:
    def __init__(self, warehouse: str):
        self.warehouse = warehouse
        self.path = lock_path(warehouse)
        self.fd: int | None = None

    def acquire(self, run_id: str) -> None:
        if fcntl is None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        # The holder's facts are missing for a moment at both ends of its hold (between
        # its flock and its write; between its truncate and its close): a refusal waits
        # that moment out, so it names the holder or finds the lock free.
        deadline = time.monotonic() + _HOLDER_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _read_holder(fd)
                if holder or time.monotonic() >= deadline:
                    os.close(fd)
                    raise WarehouseBusy(
                        f"another orewire run{holder} is writing {self.warehouse}; run "
                        "again when it has finished") from None
                time.sleep(0.02)
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({
            "pid": os.getpid(), "run_id": run_id,
            "since": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"),
        }).encode("utf-8"))
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            os.ftruncate(self.fd, 0)
            os.close(self.fd)   # closing the last descriptor releases the flock
            self.fd = None


def _read_holder(fd: int) -> str:
    try:
        facts = json.loads(os.pread(fd, 4096, 0).decode("utf-8") or "{}")
    except (OSError, ValueError):
        return ""
    if not isinstance(facts, dict) or not facts.get("pid"):
        return ""
    return f" (pid {facts['pid']}, run {facts.get('run_id')}, since {facts.get('since')})"


# Locks this process holds, by warehouse path: a local streaming job prepares every poll
# as a run, and keeps its lock from one poll to the next.
_HELD: dict[str, RunLock] = {}


def acquire_run_lock(warehouse: str, run_id: str) -> RunLock:
    """The warehouse's run lock for this process; WarehouseBusy when another holds it."""
    key = os.path.realpath(warehouse)
    lock = _HELD.get(key)
    if lock is None:
        lock = RunLock(warehouse)
        lock.acquire(run_id)
        _HELD[key] = lock
    return lock


def release_run_lock(warehouse: str) -> None:
    lock = _HELD.pop(os.path.realpath(warehouse), None)
    if lock is not None:
        lock.release()


@contextlib.contextmanager
def releasing_run_lock(warehouse: str):
    """Releases this process's run lock of ``warehouse`` on the way out, however left."""
    try:
        yield
    finally:
        release_run_lock(warehouse)


def remove_dead_staging(warehouse: str, keep: str | None = None) -> list[str]:
    """Remove the staging folders of runs that died (call it holding the run lock); the
    staging root goes too when nothing is left in it. Returns the folders removed."""
    root = staging_root(warehouse)
    removed = []
    try:
        names = sorted(os.listdir(root))
    except OSError:
        return removed
    keep = os.path.abspath(keep) if keep else None
    for name in names:
        path = os.path.join(root, name)
        if path != keep and os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    remove_empty_staging_root(warehouse)
    return removed


def remove_empty_staging_root(warehouse: str) -> None:
    with contextlib.suppress(OSError):   # not empty, or not there: leave it
        os.rmdir(staging_root(warehouse))


def remove_dead_tempdirs(base: str | None = None) -> list[str]:
    """Remove the ``orewire-run-*`` temp folders whose run is no longer alive."""
    base = base or tempfile.gettempdir()
    removed = []
    if fcntl is None:
        return removed
    try:
        names = os.listdir(base)
    except OSError:
        return removed
    for name in names:
        path = os.path.join(base, name)
        if not name.startswith(TEMP_PREFIX) or os.path.islink(path) or \
                not os.path.isdir(path):
            continue
        try:
            fd = os.open(os.path.join(path, _ALIVE), os.O_RDWR)
        except FileNotFoundError:
            with contextlib.suppress(OSError):
                if time.time() - os.stat(path).st_mtime > _UNLOCKED_GRACE_SECONDS:
                    shutil.rmtree(path, ignore_errors=True)
                    removed.append(path)
            continue
        except OSError:
            continue   # another user's, or unreadable: not ours to judge
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue   # its run is alive
        finally:
            os.close(fd)
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


@contextlib.contextmanager
def run_tempdir():
    """A temp folder for everything the run and its worker processes put in the temp
    directory, removed at the end (and by a later run if this one dies)."""
    if fcntl is None:
        yield tempfile.gettempdir()
        return
    base = tempfile.gettempdir()
    remove_dead_tempdirs(base)
    path = tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=base)
    fd = os.open(os.path.join(path, _ALIVE), os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    saved_tempdir, saved_env = tempfile.tempdir, os.environ.get("TMPDIR")
    tempfile.tempdir = path
    os.environ["TMPDIR"] = path
    try:
        yield path
    finally:
        tempfile.tempdir = saved_tempdir
        if saved_env is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = saved_env
        os.close(fd)
        shutil.rmtree(path, ignore_errors=True)
