"""A run's life, as a library: parse and check `orewire run`'s arguments (``prepare``),
prepare the warehouse, build and run the graph, load what it staged and store the summary
(``run_prepared``); ``run`` does both for a batch run or a Dataflow job. The command line
(pipeline/cli.py) calls it, as do ``orewire retry`` and the local streaming loop
(pipeline/maintenance.py, pipeline/streaming.py); it imports none of them.

    orewire run                      # the bundled offline sample into ./orewire.duckdb
    orewire run --feeds seeds/feeds.opml --warehouse news.duckdb
"""
from __future__ import annotations

import ctypes
import datetime as dt
import errno
import logging
import math
import os
import re
import sys
import uuid

import apache_beam as beam
from apache_beam.options.pipeline_options import (GoogleCloudOptions, PipelineOptions,
                                                  StandardOptions, TestOptions)

from orewire import lexicon
from orewire.feeds import FeedArgumentError, FeedSource, resolve_feed_args
from orewire.destinations import DestinationError, WarehouseError, parse_destination
from orewire.runlock import WarehouseBusy, run_tempdir
from orewire.pipeline.build import RunContext, build_pipeline
from orewire.pipeline.options import (OrewireOptions, closest_option, run_help_parser,
                                      unknown_flags)
from orewire.pipeline.progress import is_local_runner, show_progress
from orewire.pipeline.local_runner import LOCAL_RUNNER
from orewire.pipeline.summary import collect_summary
from orewire.seeds import SAMPLE_DIR


class UsageError(Exception):
    """Unusable arguments: reported as one line, exit status 2."""


# A local worker process holds the project's libraries and its own copy of the spaCy
# model: about 400 MB at its peak (benchmarks/throughput.py measures it). This leaves room.
WORKER_MEMORY = 640 * 2**20


def _available_memory() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def default_workers() -> int:
    """Worker processes for a local run: one per core this process may use, as many as
    memory allows (each loads the spaCy model; the driver needs room too)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    available = _available_memory()
    if available is not None:
        cores = min(cores, available // WORKER_MEMORY - 1)
    return max(1, cores)


def _beam_args(argv: list[str]) -> list[str]:
    args = list(argv)

    def given(*flags):
        return any(a == f or a.startswith(f + "=") for a in args for f in flags)

    if not given("--runner"):
        # Beam's default, the DirectRunner, first tries to download the Prism runner (even
        # when named): LocalRunner is the DirectRunner's own batch/streaming choice without it.
        args.append(f"--runner={LOCAL_RUNNER}")
        # NER is CPU-bound and holds the GIL, so cores pay only as processes: the
        # FnApiRunner's multi_processing mode, one worker per core (1 worker: Beam's
        # in-process mode, which starts faster). benchmarks/throughput.py measures it.
        if not given("--direct_running_mode", "--direct_num_workers", "--streaming"):
            workers = default_workers()
            if workers > 1:
                args += ["--direct_running_mode=multi_processing",
                         f"--direct_num_workers={workers}"]
    return args


class _WorkerStartupNoise(logging.Filter):
    """Drops two warnings every multi_processing worker logs as it starts, which tell a
    user nothing: Beam's note on a missing semi_persistent_directory, and the list of
    orewire's own flags that the worker's option parser does not know."""

    NOISE = ("No semi_persistent_directory found", "Discarding unparseable args")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not any(n in message for n in self.NOISE)


def _quiet_worker_startup() -> None:
    logger = logging.getLogger("apache_beam.runners.portability.local_job_service")
    if not any(isinstance(f, _WorkerStartupNoise) for f in logger.filters):
        logger.addFilter(_WorkerStartupNoise())
    _tune_malloc()


# glibc malloc settings for this process and the worker processes it starts (a value the
# user set is kept). Two arenas: glibc otherwise gives every thread that allocates its own
# arena (up to 8 a core) and keeps what was freed in each, which left 50-100 MB a worker
# resident and unused. A fixed mmap threshold of 128 KiB: NER's arrays and the runner's
# gRPC buffers are then mapped and unmapped, so the memory goes back to the system when
# freed; glibc's default threshold rises to 32 MiB after the first large free, after which
# such blocks stay in the heap. Measured on 4,000 articles of benchmarks/throughput.py's
# corpus (2 workers): peak RSS of the whole run 1,657 MB -> 1,454 MB, for some 9% more CPU
# time (mapping fresh pages); the run stays well above the NER ceiling.
MALLOC_SETTINGS = {"MALLOC_ARENA_MAX": ("2", -8), "MALLOC_MMAP_THRESHOLD_": ("131072", -3)}


def _tune_malloc() -> None:
    libc = None
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL("libc.so.6")
        except OSError:  # not glibc (musl): the settings do not apply
            libc = None
    for name, (value, param) in MALLOC_SETTINGS.items():
        if name in os.environ:
            continue
        os.environ[name] = value          # for the workers, read when they start
        if libc is not None:              # this process is running: set it directly
            libc.mallopt(param, int(value))


def is_dry_run(options: PipelineOptions) -> bool:
    """Beam's ``--dry_run`` (it takes a value: ``--dry_run=True``), as a bool."""
    return bool(options.view_as(TestOptions).dry_run)


def _normalise_dry_run(options: PipelineOptions) -> None:
    # Beam reads any non-empty string as true, so "--dry_run=False" would be a dry run.
    opts = options.view_as(TestOptions)
    value = opts.dry_run
    if isinstance(value, str):
        if value.strip().lower() not in ("true", "1", "yes", "false", "0", "no", ""):
            raise UsageError(f"--dry_run takes True or False, not {value!r}")
        opts.dry_run = value.strip().lower() in ("true", "1", "yes")


def runner_name(options: PipelineOptions) -> str:
    runner = options.view_as(StandardOptions).runner
    name = runner if isinstance(runner, str) else type(runner).__name__ if runner else ""
    return name.rsplit(".", 1)[-1]


def destination_of(ns, options: PipelineOptions | None = None):
    """The run's destination, parsed once from --warehouse, --bigquery-endpoint and
    --bigquery-location, and checked against the runner; raises UsageError."""
    try:
        dest = parse_destination(ns.warehouse, endpoint=ns.bigquery_endpoint,
                                 location=ns.bigquery_location)
        if options is not None:
            dest.check_runner(runner_name(options), remote=not is_local_runner(options))
    except DestinationError as err:
        raise UsageError(str(err)) from err
    return dest


def refuse_unknown_options(argv: list[str], command: str = "orewire run") -> None:
    """UsageError naming the first option neither orewire nor Beam defines, and where
    ``command``'s options are listed."""
    unknown = unknown_flags(argv)
    if unknown:
        close = closest_option(unknown[0])
        hint = f"did you mean {close}? " if close else ""
        raise UsageError(f"unknown option {unknown[0]} ({hint}{command} --help lists "
                         "orewire's options; Beam's pass through by their exact names)")


def prepare(argv: list[str], extra_items: list[dict] | None = None,
            command: str = "orewire run") -> tuple[PipelineOptions, RunContext]:
    """Validate arguments and read the driver-side state; raises UsageError.

    ``extra_items``: FeedItems to process besides the feeds' (``orewire retry``); with
    them, no feed is needed. ``command``: the one the arguments were given to, for the
    errors. In a dry run (``--dry_run=True``) nothing is read or written: the graph is
    only built."""
    parser = run_help_parser()
    ns, _rest = parser.parse_known_args(argv)
    refuse_unknown_options(argv, command)
    options = PipelineOptions(_beam_args(argv))
    _normalise_dry_run(options)
    dry_run = is_dry_run(options)
    dest = destination_of(ns, options)
    items = ns.feeds or ([] if extra_items else [str(SAMPLE_DIR)])
    # A dry run stays offline: gs:// items are taken as they are, not opened.
    unopened = [FeedSource(i, "file") for i in items if dry_run and i.startswith("gs://")]
    try:
        sources = resolve_feed_args([i for i in items if not (
            dry_run and i.startswith("gs://"))]) + unopened
    except FeedArgumentError as err:
        raise UsageError(str(err)) from err
    if not sources and not extra_items:
        raise UsageError("no feeds to read: --feeds names no feed files or URLs")
    for flag, value in (("--per-host-concurrency", ns.per_host_concurrency),
                        ("--max-bytes", ns.max_bytes)):
        if value < 1:
            raise UsageError(f"{flag} must be at least 1, not {value}")
    for flag, value in (("--fetch-timeout", ns.fetch_timeout),
                        ("--per-host-delay", ns.per_host_delay),
                        ("--poll-interval", ns.poll_interval),
                        ("--dedup-ttl-hours", ns.dedup_ttl_hours)):
        if not math.isfinite(value):   # nan passes every comparison; inf never ends
            raise UsageError(f"{flag} must be a finite number, not {value}")
    if ns.fetch_timeout <= 0:
        raise UsageError(f"--fetch-timeout must be more than 0, not {ns.fetch_timeout}")
    if ns.per_host_delay < 0:
        raise UsageError(f"--per-host-delay must be 0 or more, not {ns.per_host_delay}")
    if ns.poll_interval <= 0:
        raise UsageError(f"--poll-interval must be more than 0, not {ns.poll_interval:g}")
    if ns.max_polls is not None and ns.max_polls < 1:
        raise UsageError(f"--max-polls must be at least 1, not {ns.max_polls}")
    if ns.dedup_ttl_hours <= 0:
        raise UsageError(f"--dedup-ttl-hours must be more than 0, not {ns.dedup_ttl_hours:g}")
    if ns.deadline is not None and not (math.isfinite(ns.deadline) and ns.deadline > 0):
        raise UsageError(f"--deadline must be a number of seconds more than 0, "
                         f"not {ns.deadline}")
    bound_dataflow_batch_job(options, ns.deadline)
    started = dt.datetime.now(dt.timezone.utc)
    run_id = started.strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]
    prior_states: dict = {}
    if not dry_run:
        prior_states = _prepare_warehouse(dest, run_id, staged=not ns.streaming)
    ctx = RunContext(run_id=run_id, started_at=started, destination=dest,
                     sources=[{"feed_url": s.feed_url, "kind": s.kind, "reason": s.reason}
                              for s in sources],
                     prior_states=prior_states, staging_dir=dest.staging_dir(run_id),
                     extra_items=list(extra_items or []),
                     deadline_at=None if ns.deadline is None
                     else started.timestamp() + ns.deadline,
                     record_run=not is_local_runner(options),
                     local_tuning=is_local_runner(options))
    return options, ctx


# A Dataflow batch job's own time limit (Dataflow's service option: the service cancels
# the job when it has run this long, whatever it waits for). Beam 2.77 waits for a
# FILE_LOADS load job without a bound of its own (``wait_for_bq_job``, max_retries=0), so
# this is what bounds those waits. With --deadline: the deadline plus WRITE_ALLOWANCE for
# writing and merging what was fetched; without it, DEFAULT_JOB_WALLTIME.
WALLTIME_OPTION = "max_workflow_runtime_walltime_seconds"
WRITE_ALLOWANCE = 3600            # seconds after --deadline to write, load and merge
DEFAULT_JOB_WALLTIME = 24 * 3600  # a batch job still running after a day is stuck


def bound_dataflow_batch_job(options: PipelineOptions, deadline: float | None) -> None:
    """Give a Dataflow batch job a time limit the service enforces (see WALLTIME_OPTION),
    unless --dataflow_service_options already names one. Streaming jobs end by draining at
    --deadline instead (pipeline/streaming_graph.py); other runners are left alone."""
    if runner_name(options).lower() not in ("dataflowrunner", "dataflow") \
            or is_streaming(options):
        return
    gcp = options.view_as(GoogleCloudOptions)
    service = list(gcp.dataflow_service_options or [])
    if any(o.split("=", 1)[0] == WALLTIME_OPTION for o in service):
        return
    seconds = DEFAULT_JOB_WALLTIME if deadline is None \
        else math.ceil(deadline) + WRITE_ALLOWANCE
    gcp.dataflow_service_options = service + [f"{WALLTIME_OPTION}={seconds}"]


def _prepare_warehouse(dest, run_id: str, staged: bool) -> dict:
    """Prepare the destination for the run (``staged``: a batch run's staged writes; a
    streaming job writes straight into the tables), refresh the mineral catalog and read
    the feeds' state; returns the prior feed_state rows."""
    try:
        with dest.prepare_run(run_id, staged=staged) as wh:
            wh.insert_rows("mineral_catalog", lexicon.catalog_rows())
            return wh.feed_states()
    except WarehouseBusy as err:
        raise UsageError(str(err)) from err
    except (WarehouseError, OSError) as err:
        dest.release_run()
        raise UsageError(str(err)) from err


def run(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "-h" in argv or "--help" in argv:
        run_help_parser().print_help()
        return 0
    try:
        options, ctx = prepare(argv)
    except UsageError as err:
        print(f"orewire run: error: {err}", file=sys.stderr)
        return 2
    return run_prepared(options, ctx)


def wants_local_streaming(argv: list[str]) -> bool:
    """--streaming on a local runner: a loop of bounded polls (pipeline/streaming.py)."""
    if not any(a in ("--streaming", "--streaming=True") for a in argv):
        return False
    return is_local_runner(PipelineOptions(_beam_args(argv)))


def run_prepared(options: PipelineOptions, ctx: RunContext) -> int:
    """Run (or submit, or dry-run) the graph that ``prepare`` set up; prints the summary.
    The run's temporary files live in a folder of its own (removed at the end, or by a
    later run if this one dies), and the warehouse's run lock is released at the end."""
    oopts = options.view_as(OrewireOptions)
    try:
        with run_tempdir():
            return _run_prepared(options, oopts, ctx)
    finally:
        ctx.destination.release_run()


def run_failure(err: BaseException) -> str:
    """One line for a run that failed as a whole: the innermost cause, named."""
    causes = [err]
    while causes[-1].__cause__ or causes[-1].__context__:
        nxt = causes[-1].__cause__ or causes[-1].__context__
        if nxt in causes or len(causes) > 20:
            break
        causes.append(nxt)
    for cause in causes:   # a full disk says so, whichever layer noticed it
        if isinstance(cause, OSError) and cause.errno == errno.ENOSPC:
            where = f" writing {cause.filename}" if cause.filename else ""
            return f"no space left on device{where}"
    cause = causes[-1]
    lines = [ln.strip() for ln in str(cause).splitlines() if ln.strip()]
    # A worker's failure arrives as the text of its traceback: its last "SomeError: ..."
    # line is the cause.
    raised = [ln for ln in lines if re.match(r"^[A-Za-z_][\w.]*(Error|Exception|Exit)\b",
                                              ln) and ln != "Traceback (most recent call last):"]
    if raised and lines and lines[0].startswith("Traceback"):
        return raised[-1][:500]
    return f"{type(cause).__name__}: {lines[0] if lines else ''}"[:500]


def _run_prepared(options, oopts, ctx) -> int:
    logging.getLogger().setLevel(logging.ERROR if oopts.quiet else logging.WARNING)
    _quiet_worker_startup()
    if oopts.quiet:   # a failing worker's log records: the run's one line says it
        logging.getLogger("apache_beam.runners.portability.local_job_service").setLevel(
            logging.CRITICAL)
    p = beam.Pipeline(options=options)
    if is_dry_run(options):
        return _dry_run(p, options, oopts, ctx)
    if ctx.record_run:
        return _submit(p, options, oopts, ctx)
    try:
        with show_progress(options, ctx):  # a live line on a terminal, else every 10 s
            build_pipeline(p, oopts, ctx)
            result = p.run()
            result.wait_until_finish()
            ctx.destination.commit_run(ctx.run_id, ctx.staging_dir)
    except Exception as err:  # noqa: BLE001 (the run as a whole failed: one line, exit 1)
        logging.getLogger(__name__).debug("run %s failed", ctx.run_id, exc_info=True)
        command = "orewire retry" if ctx.mode == "retry" else "orewire run"
        print(f"{command}: error: run {ctx.run_id} failed: {run_failure(err)}",
              file=sys.stderr)
        return 1
    finished = dt.datetime.now(dt.timezone.utc)
    summary = collect_summary(ctx.destination, ctx, finished, result.metrics())
    print(summary.render())
    return 0


def is_streaming(options: PipelineOptions) -> bool:
    return bool(options.view_as(StandardOptions).streaming)


def _build_graph(p, options, oopts, ctx) -> dict:
    """``--streaming`` (on a remote runner: ``run`` sends a local one to the poll loop of
    pipeline/streaming.py): the streaming graph of pipeline/streaming_graph.py; else the
    batch graph."""
    if is_streaming(options):
        from orewire.pipeline.streaming_graph import build_streaming_pipeline  # noqa: PLC0415
        return build_streaming_pipeline(p, oopts, ctx)
    return build_pipeline(p, oopts, ctx)


def _submit(p, options, oopts, ctx) -> int:
    """Remote runners: submit and return, as a Dataflow flex template launcher must (it
    may not wait for the job). The job merges its rows and stores its ``runs`` row."""
    _build_graph(p, options, oopts, ctx)
    result = p.run()
    job_id = getattr(result, "job_id", None)
    job_id = job_id() if callable(job_id) else job_id
    if is_streaming(options):
        print(f"orewire run {ctx.run_id}: submitted {runner_name(options)} streaming job "
              f"{job_id or '(no id)'} polling {len(ctx.sources)} feeds every "
              f"{oopts.poll_interval:g}s into {oopts.warehouse}; it stores a runs row "
              "every 15 minutes or so and runs until drained")
        return 0
    print(f"orewire run {ctx.run_id}: submitted {runner_name(options)} job "
          f"{job_id or '(no id)'} reading {len(ctx.sources)} feeds into {oopts.warehouse}; "
          "its summary is stored in the runs table when it finishes")
    return 0


def _dry_run(p, options, oopts, ctx) -> int:
    """Build the whole graph without reading or writing anything. The DataflowRunner
    also translates it into a Dataflow job (Beam's dry run: nothing is submitted);
    other runners are not started at all."""
    _build_graph(p, options, oopts, ctx)
    transforms = len(p.to_runner_api().components.transforms)
    state = "built"
    if runner_name(options).lower() in ("dataflowrunner", "dataflow"):
        state = str(p.run().state)
    print(f"dry run: {runner_name(options)} job graph of {transforms} transforms, "
          f"{len(ctx.sources)} feeds -> {oopts.warehouse} ({state}); nothing was read "
          "or written")
    return 0
