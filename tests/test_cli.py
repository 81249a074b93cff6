"""The command line's small promises: --version, python -m orewire, a closed pipe."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from orewire import __version__
from orewire.warehouse import DuckDBWarehouse
from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"orewire {__version__}"


def test_python_dash_m_orewire_is_the_command():
    out = subprocess.run([sys.executable, "-m", "orewire", "--version"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == f"orewire {__version__}"


def test_query_into_a_pipe_closed_early_ends_quietly(tmp_path):
    path = str(tmp_path / "w.duckdb")
    DuckDBWarehouse(path).close()
    reader = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE,
                              stdout=subprocess.DEVNULL)
    query = subprocess.run(
        [sys.executable, "-m", "orewire", "query", "--warehouse", path, "--dialect", "duckdb",
         "SELECT range AS n FROM range(300000)"],
        cwd=ROOT, stdout=reader.stdin, stderr=subprocess.PIPE, text=True, timeout=300)
    reader.stdin.close()
    reader.wait(timeout=60)
    assert query.returncode == 0
    assert "Traceback" not in query.stderr and "BrokenPipe" not in query.stderr
