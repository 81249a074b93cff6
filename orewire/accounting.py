"""A run's accounting, without Beam: the facts of DESIGN.md's ``runs`` table and its
identity, counted once for every path that stores a ``runs`` row: the local driver
(pipeline/summary.py, from Beam's metrics), a Dataflow batch job's own ``RecordRun`` step
and a streaming job's ``RecordWindows`` (transforms/record_run.py, from counts the graph
gathers). ``RunSummary`` is the row and the summary a run prints; ``sql/runs_accounting.sql``
checks the stored rows.

    entries_seen + retried = articles_written + duplicates_skipped + dead_letters
"""
from __future__ import annotations

from dataclasses import dataclass, field

from orewire import PIPELINE_VERSION
from orewire.causes import cause_line, top_causes
from orewire.tables import ascii_table


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
    retried: int = 0
    feed_dead_letters: int = 0
    top_minerals: list = field(default_factory=list)
    top_countries: list = field(default_factory=list)
    total_articles: int = 0
    # The run's commonest dead-letter causes: (count, orewire.causes.Cause), most first.
    causes: list = field(default_factory=list)

    @property
    def unbalanced(self) -> int:
        """How far the run's counts are from the identity (0: they add up): items in
        (entries seen, dead letters retried) minus items accounted for."""
        return (self.entries_seen + self.retried
                - self.articles_written - self.duplicates_skipped - self.dead_letters)

    @property
    def command(self) -> str:
        """The command that made the run, for the summary's header."""
        return f"orewire {self.mode}" if self.mode in ("retry", "reprocess") else "orewire run"

    def render(self) -> str:
        """The counts as a table, then the run's top minerals and countries as another."""
        secs = (self.finished_at - self.started_at).total_seconds()
        counts = [
            ("feeds read", f"{self.feeds - self.feeds_failed} of {self.feeds}"),
            ("entries seen", self.entries_seen),
            *((("dead letters retried", self.retried),) if self.retried else ()),
            ("new articles written", self.articles_written),
            ("duplicates skipped", self.duplicates_skipped),
            ("dead letters", self.dead_letters),
            *((f"  in {stage}", n) for stage, n in self.dead_by_stage),
            *((("feed dead letters", self.feed_dead_letters),)
              if self.feed_dead_letters else ()),
            ("articles in warehouse", self.total_articles),
            ("entries per second", f"{self.entries_seen / secs:.1f}" if secs > 0 else "-"),
        ]
        out = [f"{self.command} {self.run_id} ({self.mode}, {secs:.1f}s, "
               f"{PIPELINE_VERSION})",
               ascii_table(["summary", "count"], counts, align="<>")]
        if self.causes:
            out.append("dead letters by cause, and what to do:")
            out += [f"  {cause_line(n, cause)}" for n, cause in self.causes]
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
                "feeds_failed": self.feeds_failed, "entries_seen": self.entries_seen,
                "retried": self.retried, "articles_written": self.articles_written,
                "duplicates_skipped": self.duplicates_skipped,
                "dead_letters": self.dead_letters,
                "feed_dead_letters": self.feed_dead_letters,
                "pipeline_version": PIPELINE_VERSION,
                "summary": self.render()}


# BigQuery Standard SQL, run as is on BigQuery and translated (sqlglot) on DuckDB.
# A feed that could not be read is one dead letter named by the feed's own URL
# (orewire.transforms.common.is_feed_level); its entries were never seen.
FEED_LEVEL = ("(stage = 'read_feeds' AND article_id IS NULL "
              "AND COALESCE(source = feed_url, FALSE))")
_DEAD_BY_STAGE = ("SELECT stage, COUNT(*) AS n FROM dead_letters WHERE run_id = ? "
                  f"AND NOT {FEED_LEVEL} GROUP BY stage ORDER BY n DESC, stage")
# Failed entries and pages: an article that failed in two stages (entities and minerals)
# is one failed item.
_FAILED_ITEMS = ("SELECT COUNT(DISTINCT COALESCE(article_id, dead_letter_id)) "
                 f"FROM dead_letters WHERE run_id = ? AND NOT {FEED_LEVEL}")
_FEED_DEAD = f"SELECT COUNT(*) FROM dead_letters WHERE run_id = ? AND {FEED_LEVEL}"
# Every dead letter of the run, feed-level ones too: a feed that could not be read is the
# failure an operator most needs explained.
_CAUSES = "SELECT stage, error_type, error FROM dead_letters WHERE run_id = ?"
_TOP = ("SELECT x, COUNT(*) AS n FROM articles, UNNEST({column}) AS x WHERE run_id = ? "
        "GROUP BY x ORDER BY n DESC, x LIMIT 8")


def summarise_run(destination, *, run_id: str, mode: str, started_at, finished_at,
                  feeds: int, retried: int, counters: dict, warehouse=None) -> RunSummary:
    """Count run ``run_id`` in ``destination`` and store its ``runs`` row; returns it.
    ``counters``: what only the graph knows (``entries_seen``, ``duplicates_skipped``,
    ``rows_linked``: rows handed to the warehouse); the rest is read from the tables the
    run wrote (through ``warehouse`` when one is open).

    The identity holds by construction: every entry seen and every retried page is either
    skipped as a duplicate, a failed item (dead letters, counted once per item), or a row
    handed to the warehouse; a row the warehouse did not take because the article was
    stored meanwhile (another run on the same BigQuery dataset) is a duplicate too, found
    as rows handed over minus rows stored."""
    if warehouse is None:
        with destination.open(create=False) as wh:
            return summarise_run(destination, run_id=run_id, mode=mode,
                                 started_at=started_at, finished_at=finished_at,
                                 feeds=feeds, retried=retried, counters=counters,
                                 warehouse=wh)
    wh, rid = warehouse, [run_id]
    written = wh.count("articles", "run_id = ?", rid)
    by_stage = [tuple(r) for r in wh.sql(_DEAD_BY_STAGE, rid)[1]]
    failed_items = wh.sql(_FAILED_ITEMS, rid)[1][0][0] or 0
    feed_dead = wh.sql(_FEED_DEAD, rid)[1][0][0] or 0
    minerals = [tuple(r) for r in wh.sql(_TOP.format(column="mineral_ids"), rid)[1]]
    countries = [tuple(r) for r in wh.sql(_TOP.format(column="country_codes"), rid)[1]]
    causes = top_causes(wh.sql(_CAUSES, rid)[1]) if failed_items or feed_dead else []
    stored_meanwhile = max(0, counters.get("rows_linked", written) - written)
    summary = RunSummary(
        run_id=run_id, mode=mode, started_at=started_at, finished_at=finished_at,
        feeds=feeds, feeds_failed=feed_dead,
        entries_seen=counters.get("entries_seen", 0), articles_written=written,
        duplicates_skipped=counters.get("duplicates_skipped", 0) + stored_meanwhile,
        dead_letters=failed_items, dead_by_stage=by_stage, retried=retried,
        feed_dead_letters=feed_dead, top_minerals=minerals, top_countries=countries,
        total_articles=wh.count("articles"), causes=causes)
    destination.store_run(summary.row(), wh)
    return summary
