"""The run summary: counts from Beam metrics and the warehouse, printed and stored in ``runs``."""
from __future__ import annotations

from dataclasses import dataclass, field

from apache_beam.metrics.metric import MetricsFilter

from orewire import PIPELINE_VERSION
from orewire.tables import ascii_table
from orewire.warehouse import open_warehouse
from transforms.common import NAMESPACE


def counter_values(metrics) -> dict[str, int]:
    if metrics is None:
        return {}
    out: dict[str, int] = {}
    for c in metrics.query(MetricsFilter().with_namespace(NAMESPACE))["counters"]:
        value = c.committed if c.committed is not None else c.attempted
        out[c.key.metric.name] = out.get(c.key.metric.name, 0) + (value or 0)
    return out


@dataclass
class RunSummary:
    run_id: str
    mode: str
    started_at: object
    finished_at: object
    feeds: int
    feeds_failed: int
    entries_seen: int
    articles_written: int
    duplicates_skipped: int
    dead_letters: int
    dead_by_stage: list = field(default_factory=list)
    top_minerals: list = field(default_factory=list)
    top_countries: list = field(default_factory=list)
    total_articles: int = 0

    def render(self) -> str:
        """The counts as a table, then the run's top minerals and countries as another."""
        secs = (self.finished_at - self.started_at).total_seconds()
        counts = [
            ("feeds read", f"{self.feeds - self.feeds_failed} of {self.feeds}"),
            ("entries seen", self.entries_seen),
            ("new articles written", self.articles_written),
            ("duplicates skipped", self.duplicates_skipped),
            ("dead letters", self.dead_letters),
            *((f"  in {stage}", n) for stage, n in self.dead_by_stage),
            ("articles in warehouse", self.total_articles),
            ("entries per second", f"{self.entries_seen / secs:.1f}" if secs > 0 else "-"),
        ]
        out = [f"orewire run {self.run_id} ({self.mode}, {secs:.1f}s, {PIPELINE_VERSION})",
               ascii_table(["summary", "count"], counts, align="<>")]
        tops = max(len(self.top_minerals), len(self.top_countries))
        if tops:
            pad = lambda xs, i: xs[i] if i < len(xs) else ("", "")  # noqa: E731
            out.append(ascii_table(
                ["top minerals", "articles", "top countries", "articles"],
                [(*pad(self.top_minerals, i), *pad(self.top_countries, i))
                 for i in range(tops)], align="<><>"))
        return "\n".join(out)

    def row(self) -> dict:
        return {"run_id": self.run_id, "mode": self.mode, "started_at": self.started_at,
                "finished_at": self.finished_at, "feeds": self.feeds,
                "entries_seen": self.entries_seen, "articles_written": self.articles_written,
                "duplicates_skipped": self.duplicates_skipped,
                "dead_letters": self.dead_letters, "pipeline_version": PIPELINE_VERSION,
                "summary": self.render()}


# BigQuery Standard SQL, run as is on BigQuery and translated (sqlglot) on DuckDB.
_DEAD_BY_STAGE = ("SELECT stage, COUNT(*) AS n FROM dead_letters WHERE run_id = ? "
                  "GROUP BY stage ORDER BY n DESC, stage")
_TOP = ("SELECT x, COUNT(*) AS n FROM articles, UNNEST({column}) AS x WHERE run_id = ? "
        "GROUP BY x ORDER BY n DESC, x LIMIT 8")


def collect_summary(warehouse_path: str, ctx, finished_at, metrics,
                    mode: str = "batch", *, endpoint: str | None = None,
                    location: str = "US", counters: dict | None = None) -> RunSummary:
    """Count the run, print-ready, and store it in ``runs``. The counts come from Beam's
    ``metrics`` or, inside a job (transforms/record_run.py), from ``counters``."""
    counters = counters if counters is not None else counter_values(metrics)
    with open_warehouse(warehouse_path, endpoint, location, create=False) as wh:
        rid = [ctx.run_id]
        written = wh.count("articles", "run_id = ?", rid)
        by_stage = [tuple(r) for r in wh.sql(_DEAD_BY_STAGE, rid)[1]]
        minerals = [tuple(r) for r in wh.sql(_TOP.format(column="mineral_ids"), rid)[1]]
        countries = [tuple(r) for r in wh.sql(_TOP.format(column="country_codes"), rid)[1]]
        summary = RunSummary(
            run_id=ctx.run_id, mode=mode, started_at=ctx.started_at, finished_at=finished_at,
            feeds=len(ctx.sources), feeds_failed=counters.get("feed_failures", 0),
            entries_seen=counters.get("entries_seen", 0), articles_written=written,
            duplicates_skipped=counters.get("duplicates_skipped", 0),
            dead_letters=sum(n for _, n in by_stage), dead_by_stage=by_stage,
            top_minerals=minerals, top_countries=countries,
            total_articles=wh.count("articles"))
        wh.insert_rows("runs", [summary.row()])
    return summary
