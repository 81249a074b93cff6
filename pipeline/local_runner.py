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

Select it with ``--runner=orewire.pipeline.local_runner.LocalRunner`` (``LOCAL_RUNNER``).

A worker process that dies (an exception at import or start-up, a kill, the OOM killer)
ends a batch run with ``WorkerDied`` and its exit status: Beam's FnApiRunner raises that
in a helper thread of its own only, and its main thread then waits for the dead worker's
answer for ever. ``_WorkerWatch`` passes it on to the main thread (a signal, which
interrupts the wait) and stops the other workers, so the run ends within seconds.
"""
from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import os
import shlex
import signal
import sys
import tempfile
import threading
import time

from apache_beam.options.pipeline_options import StandardOptions
from apache_beam.pipeline import PipelineVisitor
from apache_beam.runners.runner import PipelineRunner

LOCAL_RUNNER = "orewire.pipeline.local_runner.LocalRunner"


def release_free_memory() -> None:
    """Hand the memory this process has freed back to the system (glibc's malloc_trim):
    the run library passes it to LinkMentions on the local runner, whose workers run the
    join after fetching and NER in the same process, when what those freed (fetched
    pages, NER batches) would otherwise stay resident beside the join's data."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


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


class WorkerDied(RuntimeError):
    """A worker process of a local multi_processing run exited while the run needed it."""


class _WorkerWatch:
    """While a batch graph runs: a worker subprocess that exits with a failure status
    raises WorkerDied in the main thread, and the remaining workers are stopped."""

    SIGNAL = signal.SIGUSR1
    LAST_RESORT_SECONDS = 45.0

    def __init__(self, worker_stderr: str | None = None):
        self.failure: str | None = None
        self.done = False
        self.main_ident = threading.main_thread().ident
        # where the workers' own stderr goes (their tracebacks, with --quiet); None: ours
        self.worker_stderr = worker_stderr

    @contextlib.contextmanager
    def watching(self):
        if threading.get_ident() != self.main_ident:
            yield      # signals reach the main thread only: no watch elsewhere
            return
        from apache_beam.runners.portability import local_job_service  # noqa: PLC0415
        from apache_beam.runners.portability.fn_api_runner import (  # noqa: PLC0415
            worker_handlers)
        worker_cls = local_job_service.SubprocessSdkWorker
        handler_cls = worker_handlers.SubprocessSdkWorkerHandler
        unwatched = worker_cls.run
        unwatched_start = handler_cls.start_worker
        watch = self

        def run(worker):
            if watch.worker_stderr:   # the command is a shell line (Popen, shell=True)
                worker._worker_command_line += f" 2>>{shlex.quote(watch.worker_stderr)}"
            try:
                unwatched(worker)
            except RuntimeError as err:   # "Worker subprocess exited with return code N"
                watch.died(str(err), getattr(worker, "orewire_control", None))

        def start_worker(handler):
            # Beam's own start_worker, with the worker told its control connection (its
            # pending instructions fail when it dies)
            handler.worker = local_job_service.SubprocessSdkWorker(
                handler._worker_command_line, handler.control_address,
                handler.provision_info, handler.worker_id)
            handler.worker.orewire_control = handler.control_conn
            handler.worker_thread = threading.Thread(name="run_worker",
                                                     target=handler.worker.run)
            handler.worker_thread.start()

        previous = signal.signal(self.SIGNAL, self._raise)
        previous_hook = threading.excepthook

        def excepthook(args):
            # Beam's helper threads fail when a worker is gone (its gRPC streams cut),
            # often before its exit status is known: the run's one line says why
            import grpc  # noqa: PLC0415
            if self.failure is None and not isinstance(args.exc_value, grpc.RpcError):
                previous_hook(args)
            else:
                logging.getLogger(__name__).debug("after a worker died: %r", args.exc_value)

        quieted = []
        if self.worker_stderr:   # --quiet: the driver's logs of a worker's death too
            for name in ("apache_beam.runners.worker.data_plane",
                         "apache_beam.runners.portability.fn_api_runner"):
                logger = logging.getLogger(name)
                quieted.append((logger, logger.level))
                logger.setLevel(logging.CRITICAL)

        worker_cls.run = run
        handler_cls.start_worker = start_worker
        threading.excepthook = excepthook
        try:
            yield
        except WorkerDied:
            _stop_workers()
            raise
        finally:
            self.done = True
            worker_cls.run = unwatched
            handler_cls.start_worker = unwatched_start
            for logger, level in quieted:
                logger.setLevel(level)
            signal.signal(self.SIGNAL, previous)
            threading.excepthook = previous_hook

    def died(self, message: str, control=None) -> None:
        logging.getLogger(__name__).debug("local worker: %s", message)
        if self.failure is None:
            self.failure = message
            # the instructions the runner waits for from this worker fail with the cause
            for future in list(getattr(control, "_futures_by_id", {}).values()):
                future.abort(WorkerDied(self._message()))
            for name in ("apache_beam.runners.worker.data_plane",
                         "apache_beam.runners.portability.fn_api_runner"):
                logging.getLogger(name).setLevel(logging.CRITICAL)
            signal.pthread_kill(self.main_ident, self.SIGNAL)
            # The last resort, should Beam's main thread swallow the signal's exception or
            # the process hang on its way out: end it, the workers first.
            threading.Thread(target=self._end_if_hung, name="orewire-worker-watch",
                             daemon=True).start()

    def _end_if_hung(self) -> None:
        # Beam's threads for the other workers and its gRPC servers may keep the process
        # alive once the run has failed: a few seconds after the failure left the runner
        # (time for the one line and the clean-up), or LAST_RESORT_SECONDS after the
        # death if it never does, the process ends.
        died = time.monotonic()
        while time.monotonic() - died < self.LAST_RESORT_SECONDS and not self.done:
            time.sleep(0.5)
        time.sleep(5.0 if self.done else 0.0)
        _stop_workers()
        if not self.done:
            sys.stderr.write(f"orewire run: error: {self._message()}\n")
        sys.stderr.flush()
        os._exit(1)

    def _message(self) -> str:
        return (f"a worker process died ({self.failure[:1].lower()}{self.failure[1:]})"
                if self.failure else "a worker process died")

    def _raise(self, _signum, _frame):
        raise WorkerDied(self._message())


def _stop_workers() -> None:
    """Kill this process's SDK worker processes (children and their children), so that
    the threads waiting for them end and the run can exit."""
    me = os.getpid()
    parents: dict[int, int] = {}
    commands: dict[int, bytes] = {}
    for name in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
            with open(f"/proc/{name}/cmdline", "rb") as fh:
                commands[int(name)] = fh.read()
        except OSError:
            continue
        parents[int(name)] = int(stat[stat.rindex(b")") + 2:].split()[1])
    for pid, command in commands.items():
        ancestry, hop = [], parents.get(pid)
        while hop and hop not in ancestry and len(ancestry) < 4:
            ancestry.append(hop)
            hop = parents.get(hop)
        if me in ancestry and b"sdk_worker_main" in command:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


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
        # --quiet (orewire's flag): the workers' stderr goes to a file of the run's temp
        # folder; a worker that fails is reported by the run's one line.
        quiet = options.get_all_options(retain_unknown_options=True).get("quiet")
        stderr = os.path.join(tempfile.gettempdir(), "workers.stderr") if quiet else None
        with _WorkerWatch(stderr).watching():
            return fn_runner.FnApiRunner(provision_info=provision).run_pipeline(pipeline,
                                                                              options)
