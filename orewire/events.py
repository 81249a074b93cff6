"""Supply events: what a sentence naming a mineral says happened to it.

Ten types (DESIGN.md "Supply events"): export_restriction, import_measure, discovery,
production, disruption, project_milestone, deal, investment, price, policy. A type fires
for a sentence when each group of its trigger stems in ``seeds/events.yaml`` matches in
the sentence and none of its exclusions does; every mineral the sentence names carries it
(a list shares it). The direction is the type's cue nearest to the mention ("copper
output rose while zinc fell"); export and import measures are tightening unless an
easing cue is stated. The event's country (the acting government or the place) is joined
in LinkMentions, where the entities are: the country nearest to the trigger in the
sentence.

    >>> [e.type for e in sentence_events("China banned exports of gallium.")]
    ['export_restriction']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from orewire.seeds import SEEDS_DIR, load_yaml

EVENTS_FILE = SEEDS_DIR / "events.yaml"
TYPES = ("export_restriction", "import_measure", "discovery", "production", "disruption",
         "project_milestone", "deal", "investment", "price", "policy")
DEFAULT_DIRECTION = {"export_restriction": "tightening", "import_measure": "tightening"}


@dataclass(frozen=True)
class Trigger:
    type: str
    start: int          # where the type's head (first) group matched, in the sentence
    cues: tuple         # ((direction, start), ...) of the type's direction cues


def _stems(words) -> re.Pattern | None:
    words = [str(w) for w in words or [] if str(w).strip()]
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")",
                      re.I | re.U)


@lru_cache(maxsize=1)
def rules() -> dict:
    types = load_yaml(EVENTS_FILE.name).get("types") or {}
    unknown = set(types) - set(TYPES)
    if unknown or not types:
        raise ValueError(f"{EVENTS_FILE}: unknown or missing event types {sorted(unknown)}")
    compiled = {}
    for name, spec in types.items():
        compiled[name] = {
            "all": [_stems(group) for group in spec.get("all") or []],
            "not": _stems(spec.get("not")),
            "directions": {d: _stems(cues) for d, cues in (spec.get("directions") or {}).items()
                           if cues},
            "unless": tuple(spec.get("unless") or ()),
        }
    return compiled


@lru_cache(maxsize=1)
def acting_government_types() -> frozenset:
    return frozenset(load_yaml(EVENTS_FILE.name).get("acting_government_types") or ())


def sentence_events(sentence: str) -> list[Trigger]:
    """The event types ``sentence`` states, with their direction cues."""
    out = []
    for name, spec in rules().items():
        if spec["not"] is not None and spec["not"].search(sentence):
            continue
        first = None
        for group in spec["all"]:
            m = group.search(sentence)
            if m is None:
                break
            first = m.start() if first is None else first   # the head group's match
        else:
            if first is None:
                continue
            cues = tuple((d, m.start()) for d, pattern in spec["directions"].items()
                         for m in pattern.finditer(sentence))
            out.append(Trigger(name, first, cues))
    found = {t.type for t in out}
    kept = [t for t in out if not set(rules()[t.type]["unless"]) & found]
    return [_own_cues(t, kept) for t in kept]


def _own_cues(trigger: Trigger, triggers: list[Trigger]) -> Trigger:
    """A direction word two types share belongs to the type whose head is nearer ("cobalt
    prices slumped as supply from Congo surged": slumped is the price's, surged the
    supply's). A type left with no cue of its own keeps them all."""
    own = tuple(c for c in trigger.cues if not any(
        other is not trigger and any(p == c[1] for _d, p in other.cues) and
        abs(other.start - c[1]) < abs(trigger.start - c[1]) for other in triggers))
    return Trigger(trigger.type, trigger.start, own or trigger.cues)


def direction_for(trigger: Trigger, position: int) -> str | None:
    """The direction cue nearest to ``position`` (a mention's start in the sentence)."""
    if not trigger.cues:
        return DEFAULT_DIRECTION.get(trigger.type)
    return min(trigger.cues, key=lambda c: abs(c[1] - position))[0]
