"""Dataflow, offline: Beam's dry run builds and translates the full job graph, touching no
network; deploy/metadata.json's parameters are the CLI's flags; the deploy scripts parse."""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import time
from pathlib import Path

import pytest

from orewire.pipeline.cli import run
from orewire.pipeline.options import run_help_parser

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
DATAFLOW = ["--runner", "DataflowRunner", "--project", "orewire-test", "--region",
            "us-central1", "--temp_location", "gs://orewire-test-bucket/tmp",
            "--dry_run=True"]
# Flags of `orewire run` that a scheduled job does not take.
NOT_TEMPLATE_PARAMETERS = {"quiet", "allow_private_network", "help"}


@pytest.fixture
def no_network(monkeypatch):
    """Every connection or name lookup off this machine fails the test."""
    attempts = []
    real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def connect(sock, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(address, tuple) and not str(host).startswith(("127.", "::1")):
            attempts.append(address)
            raise OSError(f"test: network access to {address} refused")
        return real_connect(sock, address)

    def getaddrinfo(host, *args, **kw):
        if host not in (None, "localhost", "127.0.0.1", "::1"):
            attempts.append(host)
            raise socket.gaierror(f"test: name lookup of {host} refused")
        return real_getaddrinfo(host, *args, **kw)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


@pytest.mark.parametrize("method", ["STREAMING_INSERTS", "FILE_LOADS"])
def test_dataflow_dry_run_builds_the_job_offline(method, no_network, tmp_path, capsys,
                                                 monkeypatch):
    monkeypatch.chdir(tmp_path)  # no DuckDB file or staging folder may appear here
    started = time.monotonic()
    assert run([*DATAFLOW, "--warehouse", "bigquery:orewire-test.news",
                "--bigquery-write-method", method, "--feeds", str(ROOT / "seeds/sample")]) == 0
    assert time.monotonic() - started < 120
    out = capsys.readouterr().out
    m = re.search(r"dry run: DataflowRunner job graph of (\d+) transforms, 2 feeds -> "
                  r"bigquery:orewire-test.news \(DONE\)", out)
    assert m, out
    assert int(m.group(1)) > 50  # the whole graph: read, clean, tag, link, write, merge
    assert no_network == [], f"the dry run reached for the network: {no_network}"
    assert list(tmp_path.iterdir()) == []


def test_dry_run_graph_contains_the_bigquery_write_and_merge(no_network):
    import apache_beam as beam

    from orewire.pipeline.build import build_pipeline
    from orewire.pipeline.runs import prepare
    from orewire.pipeline.options import OrewireOptions

    options, ctx = prepare([*DATAFLOW, "--warehouse", "bigquery:orewire-test.news",
                            "--feeds", str(ROOT / "seeds/sample")])
    p = beam.Pipeline(options=options)
    build_pipeline(p, options.view_as(OrewireOptions), ctx)
    labels = {t.unique_name for t in p.to_runner_api().components.transforms.values()}
    for table in ("articles", "dead_letters", "feed_state"):
        assert f"WriteToWarehouse/BigQuery/Write_{table}" in labels
    assert "WriteToWarehouse/BigQuery/MergeStaging" in labels
    assert "RecordRun/StoreRun" in labels  # the launcher does not wait: the job records
    assert ctx.prior_states == {}  # a dry run reads nothing from the warehouse


def _parameters():
    return json.loads((DEPLOY / "metadata.json").read_text(encoding="utf-8"))["parameters"]


def _run_flags() -> dict[str, set[str]]:
    """dest -> option strings of `orewire run`'s own flags."""
    flags: dict[str, set[str]] = {}
    for action in run_help_parser()._actions:
        flags.setdefault(action.dest, set()).update(action.option_strings)
    return flags


def test_metadata_parameters_are_cli_flags_and_back():
    flags = _run_flags()
    params = _parameters()
    names = [p["name"] for p in params]
    assert len(names) == len(set(names))
    for name in names:
        # The launcher passes --name=value: the flag must exist under exactly that name.
        assert any(f"--{name}" in opts for opts in flags.values()), name
    assert set(flags) - NOT_TEMPLATE_PARAMETERS <= set(names), \
        "a flag of `orewire run` is missing from deploy/metadata.json"
    for p in params:
        for regex in p.get("regexes", []):
            re.compile(regex)
            if "defaultValue" in p:
                assert re.fullmatch(regex, p["defaultValue"]), p["name"]
        if "defaultValue" in p:  # the template's default is the CLI's default
            default = run_help_parser().get_default(p["name"])
            assert str(default) == p["defaultValue"] or float(default) == float(
                p["defaultValue"]), p["name"]


def test_launcher_style_arguments_pass_validation(no_network, capsys):
    """The arguments as the flex template launcher passes them (--name=value)."""
    values = {"feeds": "gs://orewire-test-bucket/feeds/feeds.opml",
              "warehouse": "bigquery:orewire-test.news",
              "http_user_agent": "orewire-test (+https://orewire.example)"}
    argv = [f"--{p['name']}={values.get(p['name'], p.get('defaultValue'))}"
            for p in _parameters() if p["name"] in values or "defaultValue" in p]
    assert run([*DATAFLOW, *argv]) == 0
    assert "1 feeds -> bigquery:orewire-test.news (DONE)" in capsys.readouterr().out
    assert no_network == []


def test_the_scheduled_launch_passes_template_parameters():
    body = json.loads(subprocess.run(
        ["bash", str(DEPLOY / "orewire-deploy.sh"), "launch-body", "v9"], check=True,
        capture_output=True, text=True, env={**os.environ, "PROJECT": "orewire-test"},
        cwd=ROOT).stdout)["launchParameter"]
    assert set(body["parameters"]) <= {p["name"] for p in _parameters()}
    assert body["parameters"]["warehouse"] == "bigquery:orewire-test.news"
    assert body["containerSpecGcsPath"].endswith("/templates/orewire-v9.json")
    assert body["environment"]["sdkContainerImage"].endswith("/orewire:v9")


def test_deploy_files():
    docker = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM apache/beam_python3\.11_sdk:2\.77\.0", docker, re.M)
    assert "pip check" in docker and "FLEX_TEMPLATE_PYTHON_PY_FILE" in docker
    assert "requirements.txt" in docker and "--require-hashes" in docker
    script = DEPLOY / "orewire-deploy.sh"
    subprocess.run(["bash", "-n", str(script)], check=True)
    text = script.read_text(encoding="utf-8")
    for command in ("setup", "build", "schedule", "rollback", "run-now"):
        assert re.search(rf"^\s*{command}\)", text, re.M), command
    assert (DEPLOY / "main.py").is_file()


def _service_options(argv):
    from apache_beam.options.pipeline_options import GoogleCloudOptions

    from orewire.pipeline.runs import prepare

    options, _ctx = prepare([*DATAFLOW, "--warehouse", "bigquery:orewire-test.news",
                             "--feeds", str(ROOT / "seeds/sample"), *argv])
    return options.view_as(GoogleCloudOptions).dataflow_service_options or []


def test_a_dataflow_batch_job_carries_a_time_limit_the_service_enforces(no_network):
    """Beam waits for FILE_LOADS load jobs without a bound; the job's own walltime limit
    is what bounds it: --deadline plus an hour to write, else a day; a limit the user gave
    is kept; a streaming job (drained at its deadline) gets none."""
    limit = "max_workflow_runtime_walltime_seconds"
    assert f"{limit}=4200" in _service_options(["--deadline", "599.5",
                                                "--bigquery-write-method", "FILE_LOADS"])
    assert f"{limit}=86400" in _service_options([])
    kept = _service_options(["--dataflow_service_options", f"{limit}=50",
                             "--deadline", "600"])
    assert [o for o in kept if o.startswith(limit)] == [f"{limit}=50"]
    streaming = _service_options(["--streaming", "--deadline", "600"])
    assert not [o for o in streaming if o.startswith(limit)]
