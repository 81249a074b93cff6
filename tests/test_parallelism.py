"""The CLI's default local parallelism: the FnApiRunner's multi_processing mode (via LocalRunner) with one
worker per core, as memory allows, unless the user names a runner or a running mode."""
from __future__ import annotations

import pytest

import orewire.pipeline.runs as cli
from orewire.pipeline.local_runner import LOCAL_RUNNER


@pytest.mark.default_parallelism
def test_no_runner_options_give_one_worker_process_per_core(monkeypatch):
    monkeypatch.setattr(cli, "default_workers", lambda: 4)
    assert cli._beam_args(["--quiet"]) == [
        "--quiet", f"--runner={LOCAL_RUNNER}", "--direct_running_mode=multi_processing",
        "--direct_num_workers=4"]


@pytest.mark.default_parallelism
def test_one_core_stays_in_process(monkeypatch):
    monkeypatch.setattr(cli, "default_workers", lambda: 1)
    assert cli._beam_args([]) == [f"--runner={LOCAL_RUNNER}"]


@pytest.mark.default_parallelism
@pytest.mark.parametrize("given", [
    ["--direct_num_workers=1"], ["--direct_num_workers", "3"],
    ["--direct_running_mode=in_memory"], ["--streaming"]])
def test_the_users_choice_is_kept(monkeypatch, given):
    monkeypatch.setattr(cli, "default_workers", lambda: 4)
    assert cli._beam_args(given) == [*given, f"--runner={LOCAL_RUNNER}"]


@pytest.mark.default_parallelism
def test_a_named_runner_gets_nothing_added(monkeypatch):
    monkeypatch.setattr(cli, "default_workers", lambda: 4)
    assert cli._beam_args(["--runner=DataflowRunner"]) == ["--runner=DataflowRunner"]


@pytest.mark.default_parallelism
def test_workers_are_bounded_by_memory(monkeypatch):
    monkeypatch.setattr(cli.os, "sched_getaffinity", lambda _pid: set(range(8)),
                        raising=False)
    monkeypatch.setattr(cli, "_available_memory", lambda: None)
    assert cli.default_workers() == 8
    # room for the driver and three workers only
    monkeypatch.setattr(cli, "_available_memory", lambda: 4 * cli.WORKER_MEMORY + 1)
    assert cli.default_workers() == 3
    monkeypatch.setattr(cli, "_available_memory", lambda: cli.WORKER_MEMORY // 2)
    assert cli.default_workers() == 1


def test_malloc_settings_reach_the_workers_and_keep_the_users(monkeypatch):
    """The worker processes inherit the malloc settings through the environment; a value
    the user set is left alone."""
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "65536")
    cli._tune_malloc()
    assert cli.os.environ["MALLOC_ARENA_MAX"] == "2"
    assert cli.os.environ["MALLOC_MMAP_THRESHOLD_"] == "65536"
