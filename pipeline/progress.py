"""Glue between a run and its progress display (see ``orewire/progress.py``).

    with show_progress(options, ctx):
        build_pipeline(p, oopts, ctx)
        p.run().wait_until_finish()

Only local runners get a display: their workers share this machine's file system, where
the heartbeat files are written. ``--quiet`` switches it off.
"""
from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile

from apache_beam.options.pipeline_options import StandardOptions

from orewire.progress import ProgressReporter
from orewire.pipeline.options import OrewireOptions

LOCAL_RUNNERS = {"directrunner", "switchingdirectrunner", "bundlebaseddirectrunner",
                 "fnapirunner", "prismrunner", "localrunner"}


def is_local_runner(options) -> bool:
    runner = options.view_as(StandardOptions).runner
    name = runner if isinstance(runner, str) else type(runner).__name__ if runner else ""
    return name.rsplit(".", 1)[-1].lower() in LOCAL_RUNNERS


@contextlib.contextmanager
def show_progress(options, ctx, stream=None, **reporter_kw):
    """Sets ``ctx.progress_dir`` and reports progress on ``stream`` (stderr) meanwhile."""
    if options.view_as(OrewireOptions).quiet or not is_local_runner(options):
        yield None
        return
    ctx.progress_dir = tempfile.mkdtemp(prefix="orewire-progress-")
    try:
        with ProgressReporter(ctx.progress_dir, stream or sys.stderr,
                              **reporter_kw) as reporter:
            yield reporter
    finally:
        shutil.rmtree(ctx.progress_dir, ignore_errors=True)
