"""The command line's small promises: --version, python -m orewire, a closed pipe."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from orewire import __version__
from orewire.destinations.duckdb import DuckDBWarehouse
from orewire.pipeline.cli import main

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


def _warehouse_with_one_article(tmp_path) -> str:
    path = str(tmp_path / "w.duckdb")
    with DuckDBWarehouse(path) as wh:
        wh.con.execute("INSERT INTO articles (article_id, url, title, source) VALUES "
                       "('a1', 'https://example.test/a1', 'Cobalt exports resume after a "
                       "long pause in the Copperbelt region', 'Example Wire')")
    return path


def test_query_by_name_runs_the_installed_sql_file(tmp_path, capsys):
    path = _warehouse_with_one_article(tmp_path)
    assert main(["query", "top_sources", "--warehouse", path, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("source,articles") and lines[1].startswith("Example Wire,1,")


def test_query_name_misspelt_suggests_the_closest(tmp_path, capsys):
    path = _warehouse_with_one_article(tmp_path)
    assert main(["query", "top_source", "--warehouse", path]) == 1
    assert "did you mean top_sources?" in capsys.readouterr().err


def test_query_list_names_each_query_with_its_question(capsys):
    assert main(["query", "--list"]) == 0
    listed = dict(line.split(None, 1) for line in capsys.readouterr().out.splitlines())
    assert set(listed) == {p.stem for p in (ROOT / "sql").glob("*.sql")}
    assert listed["top_sources"].startswith("which sources publish the most")


def test_every_statement_of_a_file_is_printed(tmp_path, capsys):
    path = _warehouse_with_one_article(tmp_path)
    sql = tmp_path / "two.sql"
    sql.write_text("-- two answers\nSELECT COUNT(*) AS n FROM articles;\n"
                   "SELECT 'a;b' AS semicolon_in_a_string;\n-- the end\n")
    assert main(["query", str(sql), "--warehouse", path]) == 0
    out = capsys.readouterr().out
    assert "n\n" in out and "(1 row)" in out and "a;b" in out
    assert out.count("(1 row)") == 2


def test_engine_hints_are_kept_and_parse_errors_are_one_line(tmp_path, capsys):
    path = _warehouse_with_one_article(tmp_path)
    assert main(["query", "SELECT * FROM article", "--warehouse", path]) == 1
    assert 'Did you mean "articles"' in capsys.readouterr().err
    assert main(["query", "SELECT titel FROM articles", "--warehouse", path]) == 1
    assert '"title"' in capsys.readouterr().err
    assert main(["query", "SELECT 'never closed", "--warehouse", path]) == 1
    err = capsys.readouterr().err
    assert err.startswith("orewire query: error: cannot parse SQL") and err.count("\n") == 1


def test_an_empty_duckdb_file_says_what_to_do(tmp_path, capsys):
    import duckdb
    path = str(tmp_path / "empty.duckdb")
    duckdb.connect(path).close()
    assert main(["query", "top_sources", "--warehouse", path]) == 1
    err = capsys.readouterr().err
    assert "holds no tables" in err and f"orewire run --warehouse {path}" in err


def test_cells_are_cut_unless_max_width_is_zero(tmp_path, capsys):
    path = _warehouse_with_one_article(tmp_path)
    assert main(["query", "SELECT title FROM articles", "--warehouse", path]) == 0
    assert "…" in capsys.readouterr().out
    assert main(["query", "SELECT title FROM articles", "--warehouse", path,
                 "--max-width", "0"]) == 0
    assert "Copperbelt region" in capsys.readouterr().out


def test_misspelt_options_and_commands_are_refused_with_a_suggestion(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["query", "x", "--warehose", str(tmp_path / "w.duckdb")])
    assert exit_.value.code == 2
    assert "did you mean --warehouse?" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["query", "x", "--ware", str(tmp_path / "w.duckdb")])   # no prefix matching
    assert not (tmp_path / "w.duckdb").exists()
    assert main(["reprot"]) == 2
    assert "did you mean report?" in capsys.readouterr().err


def test_retry_refuses_an_unknown_option_naming_its_own_help(tmp_path, capsys):
    warehouse = str(tmp_path / "w.duckdb")
    assert main(["retry", "--warehose", warehouse]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("orewire retry: error: unknown option --warehose")
    assert "orewire retry --help" in err and "orewire run" not in err
    assert len(err.splitlines()) == 1 and not os.path.exists(warehouse)
