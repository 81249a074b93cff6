"""Supply events from the lead's own batches of round 9 (sentences of our own): an export
measure softened, loosened or watered down eases it (seeds/events.yaml, the easing
directions of export_restriction); "prices softened" is no cue for the measure."""
from __future__ import annotations

import pytest

from tests.fixtures import row_directed_events


def _directed(row):
    return {e for e in row_directed_events(row) if e[1] == "export_restriction"}


@pytest.mark.parametrize("text,expected", [
    ("Indonesia may soften its ban on bauxite exports in the coming months, officials said.",
     {("aluminium", "export_restriction", "easing")}),
    ("China loosened its export controls on graphite for some buyers.",
     {("graphite", "export_restriction", "easing")}),
    ("The government watered down the planned nickel ore export quotas after lobbying.",
     {("nickel", "export_restriction", "easing")}),
    # the measure tightened while prices softened: still tightening
    ("Beijing tightened its gallium export controls after prices softened.",
     {("gallium", "export_restriction", "tightening")}),
])
def test_a_softened_measure_eases(analyse, text, expected):
    assert _directed(analyse(text, "en")) == expected
