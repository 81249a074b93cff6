"""LocalRunner, the CLI's default: Beam's DirectRunner without the Prism download."""
from __future__ import annotations

import os

import apache_beam as beam
import pytest
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.runners.portability import prism_runner
from apache_beam.testing.test_stream import TestStream as BeamTestStream
from apache_beam.testing.util import assert_that, equal_to

from orewire.pipeline.local_runner import LOCAL_RUNNER, is_streaming
from orewire.pipeline.progress import is_local_runner


@pytest.fixture
def no_prism(monkeypatch):
    """Fails the test if anything starts the Prism runner (Beam's DirectRunner does)."""
    def refuse(*_a, **_k):
        raise AssertionError("the Prism runner was started")
    monkeypatch.setattr(prism_runner.PrismRunner, "run_pipeline", refuse)
    monkeypatch.setattr(prism_runner.PrismRunner, "__init__", refuse)


def test_batch_graph_runs_on_the_fn_api_runner_without_prism(no_prism):
    from apache_beam.runners.portability.fn_api_runner import fn_runner  # noqa: PLC0415
    p = beam.Pipeline(options=PipelineOptions([f"--runner={LOCAL_RUNNER}"]))
    out = p | beam.Create([1, 2, 3]) | beam.Map(lambda x: x * 10)
    assert_that(out, equal_to([10, 20, 30]))
    result = p.run()
    result.wait_until_finish()
    assert isinstance(result, fn_runner.RunnerResult)


def _seen_by_worker(_x):
    return os.getpid(), "orewire-options-check" in os.environ.get("PIPELINE_OPTIONS", "")


def test_multi_processing_workers_get_the_pipeline_options(no_prism):
    """Subprocess workers, and the options reach them (as the DirectRunner sends them)."""
    opts = PipelineOptions([f"--runner={LOCAL_RUNNER}", "--direct_running_mode=multi_processing",
                            "--direct_num_workers=2", "--job_name=orewire-options-check"])
    p = beam.Pipeline(options=opts)
    seen = p | beam.Create(range(20)) | beam.Reshuffle() | beam.Map(_seen_by_worker)
    here = os.getpid()
    assert_that(seen | beam.Map(lambda s: s[0] != here and s[1]) | beam.Distinct(),
                equal_to([True]))
    p.run().wait_until_finish()


def test_streaming_graph_goes_to_the_bundle_based_runner(no_prism):
    p = beam.Pipeline(options=PipelineOptions([f"--runner={LOCAL_RUNNER}"]))
    _ = (p | BeamTestStream().add_elements(["a"]).advance_watermark_to_infinity()
         | beam.Map(str.upper))
    assert is_streaming(p, p.options)
    assert not is_streaming(beam.Pipeline(), PipelineOptions([]))
    assert is_streaming(beam.Pipeline(), PipelineOptions(["--streaming"]))
    p.run().wait_until_finish()


def test_it_counts_as_a_local_runner():
    assert is_local_runner(PipelineOptions([f"--runner={LOCAL_RUNNER}"]))
