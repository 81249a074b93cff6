"""The run summary on the driver: Beam's metrics as the counts orewire/accounting.py
needs, which counts the rest in the warehouse, stores the ``runs`` row and renders it."""
from __future__ import annotations

from apache_beam.metrics.metric import MetricsFilter

from orewire.accounting import RunSummary, summarise_run
from orewire.transforms.common import NAMESPACE

__all__ = ["RunSummary", "collect_summary", "counter_values"]


def counter_values(metrics) -> dict[str, int]:
    if metrics is None:
        return {}
    out: dict[str, int] = {}
    for c in metrics.query(MetricsFilter().with_namespace(NAMESPACE))["counters"]:
        value = c.committed if c.committed is not None else c.attempted
        out[c.key.metric.name] = out.get(c.key.metric.name, 0) + (value or 0)
    return out


def collect_summary(destination, ctx, finished_at, metrics,
                    mode: str | None = None) -> RunSummary:
    """Count the run ``ctx`` describes, print-ready, and store it in ``runs``; the graph's
    counts come from Beam's ``metrics``."""
    return summarise_run(destination, run_id=ctx.run_id,
                         mode=mode or getattr(ctx, "mode", None) or "batch",
                         started_at=ctx.started_at, finished_at=finished_at,
                         feeds=len(ctx.sources), retried=len(ctx.extra_items or []),
                         counters=counter_values(metrics))
