"""The run summary: counts from Beam metrics and the warehouse, printed and stored in ``runs``."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

from apache_beam.metrics.metric import MetricsFilter

from orewire import PIPELINE_VERSION
from orewire.warehouse import DuckDBWarehouse
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
        secs = (self.finished_at - self.started_at).total_seconds()
        lines = [
            f"orewire run {self.run_id} ({self.mode}, {secs:.1f}s, {PIPELINE_VERSION})",
            f"  feeds read            {self.feeds - self.feeds_failed} of {self.feeds}",
            f"  entries seen          {self.entries_seen}",
            f"  new articles written  {self.articles_written}",
            f"  duplicates skipped    {self.duplicates_skipped}",
            f"  dead letters          {self.dead_letters}",
        ]
        for stage, n in self.dead_by_stage:
            lines.append(f"    {stage:<20}{n}")
        lines.append("  top minerals          " + (", ".join(
            f"{m} ({n})" for m, n in self.top_minerals) or "-"))
        lines.append("  top countries         " + (", ".join(
            f"{c} ({n})" for c, n in self.top_countries) or "-"))
        lines.append(f"  articles in warehouse {self.total_articles}")
        return "\n".join(lines)

    def row(self) -> dict:
        return {"run_id": self.run_id, "mode": self.mode, "started_at": self.started_at,
                "finished_at": self.finished_at, "feeds": self.feeds,
                "entries_seen": self.entries_seen, "articles_written": self.articles_written,
                "duplicates_skipped": self.duplicates_skipped,
                "dead_letters": self.dead_letters, "pipeline_version": PIPELINE_VERSION,
                "summary": self.render()}


def collect_summary(warehouse_path: str, ctx, finished_at, metrics,
                    mode: str = "batch") -> RunSummary:
    counters = counter_values(metrics)
    with DuckDBWarehouse(warehouse_path) as wh:
        rid = [ctx.run_id]
        written = wh.count("articles", "run_id = ?", rid)
        _, by_stage = wh.query("SELECT stage, count(*) FROM dead_letters WHERE run_id = ? "
                               "GROUP BY stage ORDER BY 2 DESC, 1", rid)
        _, minerals = wh.query(
            "SELECT m, count(*) AS n FROM (SELECT unnest(mineral_ids) AS m FROM articles "
            "WHERE run_id = ?) GROUP BY m ORDER BY n DESC, m LIMIT 8", rid)
        _, countries = wh.query(
            "SELECT c, count(*) AS n FROM (SELECT unnest(country_codes) AS c FROM articles "
            "WHERE run_id = ?) GROUP BY c ORDER BY n DESC, c LIMIT 8", rid)
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


def format_rows(cols: list[str], rows: list[tuple], fmt: str = "table",
                max_width: int = 60) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(cols, r)) for r in rows], default=str, ensure_ascii=False,
                          indent=1)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(cols)
        w.writerows(rows)
        return buf.getvalue().rstrip("\n")
    cells = [[_cell(v, max_width) for v in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(cols)]
    fmt_row = lambda r: " | ".join(v.ljust(w) for v, w in zip(r, widths))  # noqa: E731
    out = [fmt_row(cols), "-+-".join("-" * w for w in widths)] + [fmt_row(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _cell(v, max_width: int) -> str:
    s = "NULL" if v is None else str(v).replace("\n", " ")
    return s if len(s) <= max_width else s[:max_width - 1] + "…"
