"""The report's and the digest's SQL on BigQuery.

Every statement ``orewire report`` and ``orewire digest`` issue (collected by running them,
as they build it) gives the same result on DuckDB, translated by sqlglot, and on the
BigQuery emulator, as written, over the same rows: the bundled sample (tests/test_sql.py's
warehouse) and the hand-made rows of tests/test_digest.py and tests/test_report.py. The two
commands then run on a ``bigquery:`` warehouse and are checked for what they print and
write. The emulator executes statements on DuckDB, so it cannot refuse what only BigQuery
refuses: the last tests hold the statements to two such rules of BigQuery's own
(DEVELOPERS.md, "The BigQuery emulator").
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp
from sqlglot.optimizer.annotate_types import annotate_types
from sqlglot.optimizer.qualify import qualify
from sqlglot.optimizer.scope import Scope, traverse_scope

from orewire import schemas
from orewire import digest, report
from orewire.query import QueryError, run_sql, split_statements
from orewire.destinations.duckdb import DuckDBWarehouse
from orewire.pipeline.cli import main
from tests.bq_service import bq  # noqa: F401 (fixture)
from tests.test_digest import BAN, LIFTED, NEW_PAIR, UNTIL
from tests.test_digest import write_warehouse as write_digest_warehouse
from tests.test_report import write_small_warehouse
from tests.test_sql import QUERIES, copy_to_bigquery, engines  # noqa: F401 (fixture)
from tests.test_sql import same_result_on_both_engines

UTC = dt.timezone.utc
REPORT_STATEMENTS = {"overview", "mineral_catalog", "articles", "country_mineral_links",
                     "supply_events", "figures", "digest_new_links", "digest_supply_events",
                     "digest_surges", "dead_letter_columns", "dead_letters",
                     "runs_accounting"}
DIGEST_STATEMENTS = {"digest_new_links", "digest_supply_events", "digest_surges",
                     "digest_surge_examples"}


class Recorder:
    """A ``runner`` for report.collect / digest.collect_digest / report.mineral_names that
    runs each statement with run_sql and keeps it."""

    def __init__(self):
        self.statements: list[str] = []

    def __call__(self, warehouse, sql, **kw):
        self.statements.append(sql)
        return run_sql(warehouse, sql, **kw)


def _named(recorded: list[str], names: dict[str, str]) -> dict[str, str]:
    """name -> statement for every statement run, named as report/digest name it."""
    by_text = {sql: name for name, sql in names.items()}
    return {by_text.get(sql, f"unnamed {i}"): sql for i, sql in enumerate(recorded)}


def report_statements(duck: str, since: dt.date | None) -> dict[str, str]:
    rec = Recorder()
    data = report.collect(duck, since, runner=rec)
    assert set(rec.statements) == set(data.sql.values())
    return _named(rec.statements, data.sql)


def digest_statements(duck: str, window: digest.Window) -> dict[str, str]:
    """What ``orewire digest`` runs: the digest's statements and, for the text form, the
    mineral names."""
    rec = Recorder()
    found = digest.collect_digest(duck, window, runner=rec)
    report.mineral_names(duck, runner=rec)
    return _named(rec.statements, {**found.sql, "mineral_catalog": report.catalog_sql()})


def assert_all_agree(duck: str, spec: str, endpoint: str, statements: dict[str, str],
                     must_find: set[str]) -> dict[str, list]:
    """Each statement runs and gives the same result on both engines; those named in
    ``must_find`` find rows (the data exercises them). All failures are reported at once."""
    results, failures = {}, []
    for name, sql in statements.items():
        try:
            results[name] = same_result_on_both_engines(duck, spec, endpoint, sql)
        except (AssertionError, QueryError) as err:
            failures.append(f"{name}: {type(err).__name__}: {str(err).splitlines()[0][:300]}")
    assert not failures, "fail or differ between DuckDB and the emulator:\n" + "\n".join(
        failures)
    empty = sorted(n for n in must_find if not results.get(n))
    assert not empty, f"found nothing, the test data should exercise them: {empty}"
    return results


def _window(since: str, until: str = UNTIL) -> digest.Window:
    return digest.make_window(dt.date.fromisoformat(since),
                              dt.datetime.fromisoformat(until).replace(tzinfo=UTC))


# ------------------------------------------------------------------- the test data
EXTRA_DEAD_LETTERS = [  # a failure without feed or error type, shown as '(no feed)', ''
    {"dead_letter_id": f"n{i}", "stage": "read_feeds", "source": "/data/feeds/c.xml",
     "feed_url": None, "error_type": etype, "error": "not a feed (empty file)",
     "failed_at": dt.datetime(2025, 3, 3, tzinfo=UTC), "retryable": False, "run_id": "r1"}
    for i, etype in enumerate([None, ""])]


@pytest.fixture(scope="module")
def digest_engines(bq, tmp_path_factory):  # noqa: F811
    duck = write_digest_warehouse(str(tmp_path_factory.mktemp("dg") / "digest.duckdb"))
    return duck, copy_to_bigquery(bq, duck, "digest"), bq.endpoint


@pytest.fixture(scope="module")
def small_engines(bq, tmp_path_factory):  # noqa: F811
    duck = write_small_warehouse(str(tmp_path_factory.mktemp("sm") / "small.duckdb"))
    with DuckDBWarehouse(duck) as wh:
        wh.insert_rows("dead_letters", EXTRA_DEAD_LETTERS)
    return duck, copy_to_bigquery(bq, duck, "report"), bq.endpoint


# ------------------------------------------- every statement, on both engines
@pytest.mark.parametrize("since", [None, dt.date(2025, 3, 1)], ids=["all", "since"])
def test_report_statements_agree_on_the_sample(engines, since):  # noqa: F811
    duck, spec, endpoint = engines
    statements = report_statements(duck, since)
    assert set(statements) == REPORT_STATEMENTS  # no surges on the sample: no examples
    assert_all_agree(duck, spec, endpoint, statements,
                     REPORT_STATEMENTS - {"digest_surges", "dead_letter_columns"})


def test_digest_statements_agree_on_the_sample(engines):  # noqa: F811
    duck, spec, endpoint = engines
    statements = digest_statements(duck, _window("2025-05-29", "2025-06-12"))
    assert set(statements) == {"digest_new_links", "digest_supply_events", "digest_surges",
                               "mineral_catalog"}
    assert_all_agree(duck, spec, endpoint, statements,
                     {"digest_new_links", "digest_supply_events", "mineral_catalog"})


@pytest.mark.parametrize("since", ["2025-03-01", "2025-02-08"])
def test_digest_statements_agree_on_the_digest_rows(digest_engines, since):
    duck, spec, endpoint = digest_engines
    statements = digest_statements(duck, _window(since))
    assert set(statements) == DIGEST_STATEMENTS | {"mineral_catalog"}
    found = assert_all_agree(duck, spec, endpoint, statements, DIGEST_STATEMENTS)
    assert [r[0] for r in found["digest_surges"]] == ["tungsten"]


def test_report_statements_agree_on_the_digest_rows(digest_engines):
    """The report's own "what is new" window finds a surge here, so its examples run."""
    duck, spec, endpoint = digest_engines
    statements = report_statements(duck, None)
    assert set(statements) == REPORT_STATEMENTS | {"digest_surge_examples"}
    assert_all_agree(duck, spec, endpoint, statements,
                     {"overview", "articles", "country_mineral_links", "supply_events"}
                     | DIGEST_STATEMENTS)


@pytest.mark.parametrize("since", [None, dt.date(2025, 2, 1)], ids=["all", "since"])
def test_report_statements_agree_on_the_report_rows(small_engines, since):
    duck, spec, endpoint = small_engines
    statements = report_statements(duck, since)
    assert set(statements) == REPORT_STATEMENTS
    found = assert_all_agree(duck, spec, endpoint, statements,
                             {"overview", "mineral_catalog", "articles", "figures",
                              "dead_letters", "runs_accounting"})
    # one row per stage, feed and error type as shown, NULL and '' alike
    shown = [row[:3] for row in found["dead_letters"]]
    assert len(set(shown)) == len(shown), shown
    assert ("read_feeds", "(no feed)", "") in shown
    if since is None:  # the 41% of a1 and its copy a6: one row, two copies
        figures = {(r[0], r[5], r[-1]) for r in found["figures"]}
        assert ("a1", "41%", 2) in figures


# ------------------------------------------------- the commands on a bigquery: warehouse
def test_digest_command_on_bigquery(digest_engines, capsys):
    duck, spec, endpoint = digest_engines
    window = ["--since", "2025-03-01", "--until", UNTIL]
    assert main(["digest", "--warehouse", spec, "--bigquery-endpoint", endpoint, *window,
                 "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["window_start"], out["window_end"]) == ("2025-03-01T00:00:00Z",
                                                        "2025-03-08T00:00:00Z")
    assert {(i["mineral"], i["country"]) for i in out["new_links"]} == {
        ("antimony", "XR"), ("antimony", "CL"), ("tungsten", "XF")}
    assert [(i["mineral"], i["direction"], i["country"], i["url"], i["sentence"])
            for i in out["export_restrictions"]] == [
        ("tungsten", "easing", "XF", "https://news.example.org/w3", LIFTED),
        ("antimony", "tightening", "XR", "https://news.example.org/w1", BAN)]
    assert out["supply_events"] == []
    assert [(s["mineral"], s["stories"], s["stories_before"], len(s["examples"]))
            for s in out["surges"]] == [("tungsten", 3, 1, 3)]
    links = {(i["mineral"], i["country"]): i for i in out["new_links"]}
    assert links[("antimony", "CL")]["sentence"] == NEW_PAIR
    assert links[("antimony", "CL")]["published_at"] == "2025-03-03T00:00:00Z"
    # the same digest as from DuckDB, item for item
    assert main(["digest", "--warehouse", duck, *window, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == out

    assert main(["digest", "--warehouse", spec, "--bigquery-endpoint", endpoint,
                 *window]) == 0
    text = capsys.readouterr().out
    assert "New country-mineral links (3)" in text and "Export restrictions (2)" in text
    assert "Antimony - CL Chile" in text and "Tungsten: 3 stories" in text


def _page_data(folder: Path) -> dict:
    text = (folder / "data.js").read_text(encoding="utf-8")
    head, tail = "window.OREWIRE_DATA = ", ";\nwindow.OREWIRE_SPECS = "
    assert text.startswith(head) and tail in text
    return json.loads(text[len(head):text.index(tail)])


def test_report_command_on_bigquery(small_engines, tmp_path, capsys):
    duck, spec, endpoint = small_engines
    out = tmp_path / "bq"
    assert main(["report", "--warehouse", spec, "--bigquery-endpoint", endpoint,
                 "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"report written: {out / 'index.html'}"
    assert sorted(p.name for p in out.iterdir()) == sorted(report.FILES)
    page = _page_data(out)
    by_id = {a["id"]: a for a in page["articles"]}
    assert sorted(by_id) == [f"a{i}" for i in range(1, 7)]
    assert by_id["a6"]["dup"] == "a1" and by_id["a5"]["nd"] and by_id["a3"]["u"] is None
    assert [(f["quote"], f["copies"]) for f in page["figures"] if f["quote"] == "41%"] == [
        ("41%", 2)]
    assert [(e["m"], e["type"], e["c"]) for e in page["events"]] == [
        ("cobalt", "export_restriction", "CD")]
    assert [(d["stage"], d["feed"], d["failures"]) for d in page["deadLetters"]] == [
        ("fetch_articles", "https://feeds.example.org/a.xml", 2),
        ("read_feeds", "(no feed)", 2), ("read_feeds", "/data/feeds/b.xml", 1)]
    assert [r["addsUp"] for r in page["runs"]] == [True]
    assert f"<code>{spec}</code>" in (out / "index.html").read_text(encoding="utf-8")

    # the same page data and queries as the report of the DuckDB warehouse
    local = tmp_path / "duck"
    assert main(["report", "--warehouse", duck, "--out", str(local)]) == 0
    capsys.readouterr()
    mine = _page_data(local)
    for data in (page, mine):
        data.pop("generated")
    assert page == mine
    assert (out / "queries.sql").read_text() == (local / "queries.sql").read_text()


# ------------------------------------------------- rules the emulator does not check
def _bq_type(field: dict) -> str:
    kind = {"RECORD": "STRUCT", "INTEGER": "INT64", "FLOAT": "FLOAT64",
            "BOOLEAN": "BOOL"}.get(field["type"], field["type"])
    if kind == "STRUCT":
        kind = "STRUCT<" + ", ".join(f"`{f['name']}` {_bq_type(f)}"
                                     for f in field["fields"]) + ">"
    return f"ARRAY<{kind}>" if field.get("mode") == "REPEATED" else kind


SCHEMA = {t: {f["name"]: _bq_type(f) for f in schemas.load_schema(t)} for t in schemas.TABLES}
FLOATS = (exp.DataType.Type.DOUBLE, exp.DataType.Type.FLOAT)


def bigquery_rule_breaches(sql: str) -> list[str]:
    """What in ``sql`` BigQuery refuses or reads otherwise than DuckDB, of two rules:

    - a window's PARTITION BY on a FLOAT64 expression: BigQuery answers "Partitioning by
      expressions of type FLOAT64 is not allowed" (DuckDB, hence the emulator, accepts it);
    - a GROUP BY name that is both a SELECT alias of another expression and a column of
      the FROM clause: BigQuery groups by the alias, DuckDB by the column.
    """
    tree = sqlglot.parse_one(sql, read="bigquery")
    qualified = qualify(tree.copy(), schema=SCHEMA, dialect="bigquery")
    typed = annotate_types(qualified.copy(), schema=SCHEMA, dialect="bigquery")
    found = []
    for window in typed.find_all(exp.Window):
        for part in window.args.get("partition_by") or []:
            if part.type is None or part.type.is_type(exp.DataType.Type.UNKNOWN):
                found.append(f"PARTITION BY {part.sql('bigquery')}: type unknown")
            elif part.type.is_type(*FLOATS):
                found.append(f"PARTITION BY {part.sql('bigquery')}: FLOAT64")
    scopes, qualified_scopes = traverse_scope(tree), traverse_scope(qualified)
    assert len(scopes) == len(qualified_scopes)
    for scope, qscope in zip(scopes, qualified_scopes):
        select = scope.expression
        if not isinstance(select, exp.Select) or not select.args.get("group"):
            continue
        columns = set()
        for source in qscope.sources.values():
            if isinstance(source, exp.Table):
                columns |= set(SCHEMA.get(source.name, {}))
            elif isinstance(source, Scope):
                columns |= set(source.expression.named_selects)
        aliases = {e.alias: e.this for e in select.expressions if isinstance(e, exp.Alias)}
        for item in select.args["group"].expressions:
            if not (isinstance(item, exp.Column) and not item.table
                    and item.name in aliases and item.name in columns):
                continue
            target = aliases[item.name]
            if not (isinstance(target, exp.Column) and target.name == item.name):
                found.append(f"GROUP BY {item.name}: the alias of {target.sql('bigquery')} "
                             f"and a column")
    return found


def test_the_rules_catch_what_they_are_for():
    (found,) = bigquery_rule_breaches(
        "SELECT ROW_NUMBER() OVER (PARTITION BY a.source, f.value) AS n FROM articles AS a "
        "CROSS JOIN UNNEST(a.minerals) AS m CROSS JOIN UNNEST(m.figures) AS f")
    assert found.startswith("PARTITION BY ") and found.endswith("`value`: FLOAT64")
    assert bigquery_rule_breaches(
        "SELECT ROW_NUMBER() OVER (PARTITION BY CAST(f.value AS STRING)) AS n "
        "FROM articles AS a CROSS JOIN UNNEST(a.minerals) AS m "
        "CROSS JOIN UNNEST(m.figures) AS f") == []
    assert bigquery_rule_breaches(
        "SELECT d.stage AS stage, COALESCE(d.error_type, '') AS error_type, COUNT(*) AS n "
        "FROM dead_letters AS d GROUP BY stage, error_type") == [
        "GROUP BY error_type: the alias of COALESCE(d.error_type, '') and a column"]
    assert bigquery_rule_breaches(
        "WITH x AS (SELECT COALESCE(error_type, '') AS error_type FROM dead_letters) "
        "SELECT error_type, COUNT(*) AS n FROM x GROUP BY error_type") == []


@pytest.fixture(scope="module")
def issued(tmp_path_factory) -> dict[str, str]:
    """Every statement the report and the digest issue on the hand-made rows (DuckDB)."""
    folder = tmp_path_factory.mktemp("rules")
    small = write_small_warehouse(str(folder / "small.duckdb"))
    rows = write_digest_warehouse(str(folder / "digest.duckdb"))
    statements = {}
    for label, found in [("report", report_statements(small, None)),
                         ("report since", report_statements(small, dt.date(2025, 2, 1))),
                         ("report", report_statements(rows, None)),
                         ("digest", digest_statements(rows, _window("2025-03-01")))]:
        statements.update({f"{label}: {name}": sql for name, sql in found.items()})
    return statements


def test_the_report_and_digest_keep_to_bigquery_rules(issued):
    names = {name.split(": ")[1] for name in issued}
    assert names == REPORT_STATEMENTS | DIGEST_STATEMENTS
    breaches = {name: b for name, sql in issued.items() if (b := bigquery_rule_breaches(sql))}
    assert breaches == {}


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_the_queries_of_sql_keep_to_bigquery_rules(path):
    for statement in split_statements(path.read_text(encoding="utf-8")):
        assert bigquery_rule_breaches(statement) == []
