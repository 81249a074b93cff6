"""The code's shape, checked from its source: one top-level package (every module of the
project is ``orewire.*``, under one name), the warehouse seam (nothing outside the
destination modules asks which kind of warehouse it has), no import cycle among the
project's modules (imports inside functions count too: deferring one does not remove the
dependency), and ``--warehouse`` parsed into a destination value."""
from __future__ import annotations

import ast
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from orewire import CARD_FOLDERS
from orewire.destinations import (Destination, DestinationError, WarehouseError,
                                  parse_destination)

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("orewire", "pipeline", "transforms", "schemas", "seeds")
# The destination modules: the kinds and their protocol, and the BigQuery destination's
# Beam writes (which its stream_writer and staged_writer make).
DESTINATION_MODULES = ("orewire/destinations/", "transforms/write_bigquery.py")
KIND_CLASSES = {"DuckDBWarehouse", "BigQueryWarehouse", "DuckDBDestination",
                "BigQueryDestination"}
KIND_MODULES = ("orewire.destinations.duckdb", "orewire.destinations.bigquery", "duckdb",
                "google.cloud.bigquery", "google.api_core", "google.auth")
KIND_WORDS = ("bigquery", "duckdb")


def project_files(packages=PACKAGES) -> list[Path]:
    return sorted(p for pkg in packages for p in (ROOT / pkg).rglob("*.py")
                  if "__pycache__" not in p.parts)


def module_name(path: Path) -> str:
    """The name a module of the checkout is imported by: the card folders are
    subpackages of orewire (pyproject.toml's package-dir)."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    if parts[0] in CARD_FOLDERS:
        parts.insert(0, "orewire")
    return ".".join(parts)


def old_top_level_imports(tree: ast.AST) -> list[str]:
    """Imports of a card folder by its bare name (``pipeline.cli``), and module paths in
    strings that start with one (``"pipeline.local_runner.LocalRunner"``)."""
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names = [node.module or ""]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                " " not in node.value and "/" not in node.value:
            names = [node.value] if node.value.count(".") >= 1 and \
                not node.value.endswith((".py", ".json", ".yaml", ".txt", ".csv")) else []
        for name in names:
            if name.split(".")[0] in CARD_FOLDERS:
                found.append(f"line {node.lineno}: {name}")
    return found


def test_every_project_module_is_imported_as_orewire_something():
    files = project_files((*PACKAGES, "tests", "benchmarks", "deploy"))
    offenders = {}
    for path in files:
        found = old_top_level_imports(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            offenders[path.relative_to(ROOT).as_posix()] = found
    assert offenders == {}


def test_no_module_is_loaded_under_a_second_name():
    """Importing every module of the project (from the checkout, as the tests do) loads
    the card folders as orewire.* only: no top-level pipeline, transforms, schemas or
    seeds module appears beside them."""
    names = sorted(module_name(p) for p in project_files() if p.stem != "__main__")
    script = ("import importlib, sys\n"
              f"for name in {names!r}:\n"
              "    importlib.import_module(name)\n"
              f"print(sorted(m for m in sys.modules if m.split('.')[0] in {CARD_FOLDERS!r}))")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT / "docs",
                         capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]"]


def _is_kind_literal(node) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and \
        node.value.lower().rstrip(":") in KIND_WORDS


def kind_branches(tree: ast.AST) -> list[str]:
    """What in ``tree`` asks which kind of warehouse it has."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Name, ast.Attribute)):
            name = node.id if isinstance(node, ast.Name) else node.attr
            if name == "is_bigquery_spec":
                found.append(f"line {node.lineno}: is_bigquery_spec")
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_is_kind_literal(o) for o in operands):
                found.append(f"line {node.lineno}: compares with a warehouse kind")
            if any(isinstance(o, ast.Attribute) and o.attr == "kind" for o in operands):
                found.append(f"line {node.lineno}: compares a destination's kind")
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in ("startswith", "endswith") \
                    and any(isinstance(a, ast.Constant) and isinstance(a.value, str)
                            and any(w in a.value.lower() for w in KIND_WORDS)
                            for a in node.args):
                found.append(f"line {node.lineno}: {func.attr} of a warehouse spec")
            if isinstance(func, ast.Name) and func.id == "isinstance" and len(node.args) == 2:
                names = {n.id if isinstance(n, ast.Name) else getattr(n, "attr", "")
                         for n in ast.walk(node.args[1])}
                if names & KIND_CLASSES:
                    found.append(f"line {node.lineno}: isinstance of a warehouse kind")
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) \
                else [node.module or ""]
            for name in names:
                if any(name == m or name.startswith(m + ".") for m in KIND_MODULES):
                    found.append(f"line {node.lineno}: imports {name}")
    return found


def test_no_module_outside_the_destinations_branches_on_the_kind_of_warehouse():
    offenders = {}
    for path in project_files():
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith(DESTINATION_MODULES):
            continue
        found = kind_branches(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            offenders[rel] = found
    assert offenders == {}


def test_the_kind_check_finds_what_it_looks_for():
    source = """
from orewire.destinations.bigquery import is_bigquery_spec
import duckdb
if spec.startswith("bigquery:"): pass
if dest.kind == "duckdb": pass
if isinstance(wh, DuckDBWarehouse): pass
"""
    assert len(kind_branches(ast.parse(source))) == 6


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The project modules ``path`` imports, anywhere in it (functions too)."""
    this = module_name(path)
    package = this if path.name == "__init__.py" else this.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            candidates = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(p for p in [*parent, base] if p)
            candidates = [f"{base}.{a.name}" for a in node.names] + [base]
        else:
            continue
        for name in candidates:
            # the longest project module the name starts with: "a.b.c" -> "a.b"
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != this:
                out.add(name)
                break
    return out


def test_no_import_cycle_among_the_projects_modules():
    files = project_files()
    known = {module_name(p) for p in files}
    graph = {module_name(p): imports_of(p, known) for p in files}
    # A package's __init__ imported by its own submodules is how Python loads them, not
    # a dependency between modules: edges to a module's own parent packages are dropped.
    graph = {m: {d for d in deps if not m.startswith(d + ".")} for m, deps in graph.items()}
    cycles, state = [], {}

    def visit(node, stack):
        state[node] = "open"
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == "open":
                cycles.append(stack[stack.index(dep):] + [dep])
            elif dep not in state:
                visit(dep, stack)
        stack.pop()
        state[node] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
    assert cycles == []


# ---------------------------------------------------------------- the destination value

@pytest.mark.parametrize("spec, kind, shown", [
    ("orewire.duckdb", "duckdb", "orewire.duckdb"),
    ("data/news.db", "duckdb", "data/news.db"),
    ("bigquery:orewire-test.news", "bigquery", "bigquery:orewire-test.news"),
    ("bigquery:example.com:my-proj.news_2", "bigquery", "bigquery:example.com:my-proj.news_2"),
])
def test_good_specs_parse_into_a_destination(spec, kind, shown):
    dest = parse_destination(spec)
    assert isinstance(dest, Destination) and dest.kind == kind and str(dest) == shown
    assert pickle.loads(pickle.dumps(dest)) == dest   # workers get it inside transforms


def test_capabilities_are_declared_per_kind():
    duck = parse_destination("x.duckdb").capabilities
    big = parse_destination("bigquery:p.d").capabilities
    assert (duck.remote_workers, duck.load_after_run, duck.streaming_graph,
            duck.one_writing_run) == (False, True, False, True)
    assert (big.remote_workers, big.load_after_run, big.streaming_graph,
            big.one_writing_run) == (True, False, True, False)


def test_endpoint_and_location_belong_to_bigquery():
    dest = parse_destination("bigquery:p.d", endpoint="http://127.0.0.1:9050",
                             location="EU")
    assert (dest.project, dest.dataset, dest.endpoint, dest.location) == (
        "p", "d", "http://127.0.0.1:9050", "EU")
    assert parse_destination("bigquery:p.d", location=None).location == "US"


@pytest.mark.parametrize("spec, endpoint, message", [
    ("", None, "--warehouse is empty"),
    ("out.parquet", None, "must be a DuckDB file path ending in .duckdb"),
    ("bigquery:My_Project.news", None, "is not bigquery:PROJECT.DATASET"),
    ("bigquery:orewire-test", None, "is not bigquery:PROJECT.DATASET"),
    ("bq:orewire-test.news", None, "must be a DuckDB file path"),
    ("bigquery:p.d", "ftp://x", "--bigquery-endpoint must be an http(s) URL"),
    ("x.duckdb", "http://127.0.0.1:9", "--bigquery-endpoint needs --warehouse bigquery:"),
])
def test_bad_specs_say_why_in_one_line(spec, endpoint, message):
    with pytest.raises(DestinationError) as err:
        parse_destination(spec, endpoint=endpoint)
    assert message in str(err.value) and len(str(err.value).splitlines()) == 1


def test_what_a_destination_cannot_do_is_refused_in_one_line():
    duck = parse_destination("x.duckdb")
    with pytest.raises(DestinationError, match="bigquery:PROJECT.DATASET"):
        duck.check_runner("DataflowRunner", remote=True)
    duck.check_runner("LocalRunner", remote=False)
    with pytest.raises(DestinationError, match="streaming graph"):
        duck.stream_writer(lambda ts: "r")
    parse_destination("bigquery:p.d").check_runner("DataflowRunner", remote=True)


def test_a_missing_duckdb_file_is_not_there_to_read(tmp_path):
    dest = parse_destination(str(tmp_path / "none.duckdb"))
    assert not dest.exists()
    with pytest.raises(WarehouseError):
        parse_destination(str(tmp_path / "no" / "dir.duckdb")).prepare_run("r")
