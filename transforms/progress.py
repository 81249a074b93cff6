"""CountProgress: tallies a PCollection's elements into the run's progress heartbeat.

A side branch with no output: ``rows | "ProgressArticles" >> CountProgress(dir, "articles")``.
The tallies are written by ``orewire.progress.Heartbeat`` and shown by the driver's
``ProgressReporter`` while the pipeline runs (Beam's own counters arrive only at the end
of bundles on the DirectRunner). Used for local runs only; ``build_pipeline`` adds no
such step when the run has no progress directory.
"""
from __future__ import annotations

import apache_beam as beam

from orewire.progress import heartbeat


class TallyFn(beam.DoFn):
    def __init__(self, progress_dir: str, name: str):
        self.progress_dir = progress_dir
        self.name = name
        self.heartbeat = None

    def setup(self):
        self.heartbeat = heartbeat(self.progress_dir)

    def process(self, element):
        self.heartbeat.add(self.name)
        return ()

    def finish_bundle(self):
        self.heartbeat.flush()


class CountProgress(beam.PTransform):
    """PCollection -> nothing; counts its elements as ``name`` in ``progress_dir``."""

    def __init__(self, progress_dir: str, name: str):
        super().__init__()
        self.progress_dir = progress_dir
        self.name = name

    def expand(self, pcoll):
        return pcoll | "Tally" >> beam.ParDo(TallyFn(self.progress_dir, self.name))
