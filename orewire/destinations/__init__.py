"""The warehouse seam: ``--warehouse`` parsed once into a destination value.

    dest = parse_destination("news.duckdb")                       # DuckDBDestination
    dest = parse_destination("bigquery:proj.news", endpoint=URL)   # BigQueryDestination

Each kind lives in its own module (``duckdb``, ``bigquery``) behind the protocol of
``base.Destination``; this function is the one place that tells the kinds apart.
"""
from __future__ import annotations

from orewire.destinations.base import (Capabilities, Destination, DestinationError,
                                       Result, WarehouseError)
from orewire.destinations.bigquery import SPEC_PREFIX, BigQueryDestination
from orewire.destinations.duckdb import DuckDBDestination

__all__ = ["Capabilities", "Destination", "DestinationError", "Result", "WarehouseError",
           "parse_destination"]


def parse_destination(spec: str, *, endpoint: str | None = None,
                      location: str | None = "US") -> Destination:
    """The destination ``spec`` names: ``bigquery:PROJECT.DATASET`` (``endpoint``,
    ``location``: of BigQuery's API and dataset) or a DuckDB file path ending in
    ``.duckdb`` (or ``.db``). DestinationError, in one line, for anything else."""
    spec = (spec or "").strip()
    if not spec:
        raise DestinationError("--warehouse is empty: give a DuckDB file path ending in "
                               ".duckdb, or bigquery:PROJECT.DATASET")
    if spec.startswith(SPEC_PREFIX):
        return BigQueryDestination.parse(spec, endpoint, location)
    return DuckDBDestination.parse(spec, endpoint, location)
