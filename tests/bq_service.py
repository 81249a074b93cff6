"""The BigQuery emulator as a test service (``make test`` starts it; see DEVELOPERS.md).

Tests that need it take the ``bq`` fixture. When the emulator does not answer they are
skipped with a message, unless OREWIRE_REQUIRE_BQ is set (``make test`` and CI set it):
then a missing emulator is a failure.
"""
from __future__ import annotations

import os
import urllib.request
import uuid
from dataclasses import dataclass

import pytest

ENDPOINT = os.environ.get("OREWIRE_BQ_ENDPOINT", "http://127.0.0.1:9050")
PROJECT = os.environ.get("OREWIRE_BQ_PROJECT", "orewire-test")


def emulator_answers(endpoint: str = ENDPOINT, project: str = PROJECT) -> bool:
    url = f"{endpoint.rstrip('/')}/bigquery/v2/projects/{project}/datasets"
    try:
        with urllib.request.urlopen(url, timeout=3) as resp:  # noqa: S310 (loopback)
            return resp.status == 200
    except OSError:
        return False


@dataclass
class BigQueryService:
    endpoint: str
    project: str

    def new_dataset(self, prefix: str = "t") -> str:
        """A fresh dataset name for one test, as a --warehouse spec."""
        return f"bigquery:{self.project}.{prefix}_{uuid.uuid4().hex[:10]}"

    def client(self):
        from orewire.destinations.bigquery import make_client
        return make_client(self.project, self.endpoint)


@pytest.fixture(scope="session")
def bq():
    if not emulator_answers():
        message = (f"BigQuery emulator not reachable at {ENDPOINT} (start it with "
                   "`make bqemulator`, or run `make test`)")
        if os.environ.get("OREWIRE_REQUIRE_BQ"):
            pytest.fail(message + "; OREWIRE_REQUIRE_BQ is set, so this is a failure")
        pytest.skip(message)
    return BigQueryService(ENDPOINT, PROJECT)
