"""LocalRunner: Beam's DirectRunner without its Prism step, the CLI's default runner.

Beam 2.77's DirectRunner first tries the Prism runner, a Go binary it downloads from the
internet on first use; only when that fails does it fall back to the FnApiRunner (batch)
or the BundleBasedDirectRunner (streaming and the primitives the FnApiRunner lacks).
Naming ``--runner=DirectRunner`` does not avoid the download. Offline the attempt fails at
once, but with a network a run would silently go to Prism, which ignores
``--direct_running_mode``. This runner takes the DirectRunner's two fallbacks directly:

- a streaming graph (``--streaming``, or one with a ``TestStream``, Pub/Sub or a
  processing-time timer) runs on the BundleBasedDirectRunner, as on the DirectRunner;
- any other graph runs on the FnApiRunner, built as the DirectRunner builds it (the
  pipeline options go to the workers in the provisioning info), so
  ``--direct_running_mode`` and ``--direct_num_workers`` apply.

Select it with ``--runner=pipeline.local_runner.LocalRunner`` (``LOCAL_RUNNER``).
"""
from __future__ import annotations

from apache_beam.options.pipeline_options import StandardOptions
from apache_beam.pipeline import PipelineVisitor
from apache_beam.runners.runner import PipelineRunner

LOCAL_RUNNER = "pipeline.local_runner.LocalRunner"


class _FindsStreamingParts(PipelineVisitor):
    """What the DirectRunner leaves to the BundleBasedDirectRunner: a TestStream, Pub/Sub,
    a stateful DoFn with a processing-time timer."""

    def __init__(self):
        self.found = False

    def enter_composite_transform(self, applied_ptransform):
        from apache_beam.io.gcp.pubsub import ReadFromPubSub, WriteToPubSub  # noqa: PLC0415
        if isinstance(applied_ptransform.transform, (ReadFromPubSub, WriteToPubSub)):
            self.found = True

    def visit_transform(self, applied_ptransform):
        from apache_beam import ParDo  # noqa: PLC0415
        from apache_beam.testing.test_stream import TestStream  # noqa: PLC0415
        from apache_beam.transforms import userstate  # noqa: PLC0415
        from apache_beam.transforms.timeutil import TimeDomain  # noqa: PLC0415
        transform = applied_ptransform.transform
        if isinstance(transform, TestStream):
            self.found = True
        elif isinstance(transform, ParDo) and userstate.is_stateful_dofn(transform.dofn):
            _, timers = userstate.get_dofn_specs(transform.dofn)
            if any(t.time_domain == TimeDomain.REAL_TIME for t in timers):
                self.found = True


def is_streaming(pipeline, options) -> bool:
    if options.view_as(StandardOptions).streaming:
        return True
    visitor = _FindsStreamingParts()
    pipeline.visit(visitor)
    return visitor.found


class LocalRunner(PipelineRunner):
    """Runs a pipeline on this machine: FnApiRunner for batch, BundleBasedDirectRunner for
    streaming; never Prism."""

    def run_pipeline(self, pipeline, options):
        # Imported here, as Beam's DirectRunner does: a dry run never loads them.
        from apache_beam.runners.direct.direct_runner import (  # noqa: PLC0415
            BundleBasedDirectRunner,
        )
        if is_streaming(pipeline, options):
            return BundleBasedDirectRunner().run_pipeline(pipeline, options)
        from apache_beam.portability.api import beam_provision_api_pb2  # noqa: PLC0415
        from apache_beam.runners.portability.fn_api_runner import fn_runner  # noqa: PLC0415
        from apache_beam.runners.portability.portable_runner import (  # noqa: PLC0415
            JobServiceHandle,
        )
        encoded = JobServiceHandle.encode_pipeline_options(options.get_all_options())
        provision = fn_runner.ExtendedProvisionInfo(
            beam_provision_api_pb2.ProvisionInfo(pipeline_options=encoded))
        return fn_runner.FnApiRunner(provision_info=provision).run_pipeline(pipeline, options)
