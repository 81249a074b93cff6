"""The pipeline commands as orewire/command.py dispatches them: ``orewire run``,
``retry`` and ``reprocess``. The library behind them is pipeline/runs.py (a run's life),
pipeline/maintenance.py (retry, reprocess) and pipeline/streaming.py (the local streaming
loop); this module only chooses among them, so none of them imports it.

    python -m orewire.pipeline.cli run --feeds seeds/feeds.opml     # the same as `orewire run`
"""
from __future__ import annotations

import sys

from orewire.command import main
from orewire.pipeline import runs
from orewire.pipeline.maintenance import reprocess, retry

__all__ = ["main", "run", "retry", "reprocess"]


def run(argv: list[str] | None = None) -> int:
    """``orewire run``: a local ``--streaming`` run is the polling loop of
    pipeline/streaming.py; anything else (a batch run, a Dataflow job) is runs.run."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if "-h" not in argv and "--help" not in argv and runs.wants_local_streaming(argv):
        from orewire.pipeline.streaming import run_streaming_local  # noqa: PLC0415 (only for this)
        return run_streaming_local(argv)
    return runs.run(argv)


if __name__ == "__main__":
    sys.exit(main())
