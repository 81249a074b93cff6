"""Dead letters in words: what made them fail and what to do next, for the run summary.

The causes are data (``seeds/dead_letter_causes.yaml``): each names the stage, error type
or error text it matches, its words and the next step. ``top_causes`` counts a run's
dead letters by cause:

    >>> rows = [("read_feeds", "HostNotFound", "cannot resolve host 'a.example': ...")] * 36
    >>> [cause_line(n, c) for n, c in top_causes(rows)]
    ['36 x cannot resolve host (DNS) - no network, or a misspelt host? then `orewire retry`']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

CAUSES_FILE = "dead_letter_causes.yaml"


@dataclass(frozen=True)
class Cause:
    id: str
    words: str
    next: str
    stages: frozenset = frozenset()
    error_types: frozenset = frozenset()
    error: re.Pattern | None = None

    def matches(self, stage: str | None, error_type: str | None, error: str | None) -> bool:
        return ((not self.stages or stage in self.stages)
                and (not self.error_types or error_type in self.error_types)
                and (self.error is None or bool(self.error.search(error or ""))))


def parse_causes(data: dict) -> tuple[Cause, ...]:
    """The causes of a mapping shaped like seeds/dead_letter_causes.yaml; ValueError
    when one lacks its words, next step or reason, or the last one is not a catch-all."""
    entries = data.get("causes")
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{CAUSES_FILE}: expected a list under 'causes'")
    out = []
    for entry in entries:
        missing = [k for k in ("id", "words", "next", "reason") if not entry.get(k)]
        if missing:
            raise ValueError(f"{CAUSES_FILE}: cause {entry.get('id')!r} lacks "
                             f"{', '.join(missing)}")
        out.append(Cause(
            id=entry["id"], words=entry["words"], next=entry["next"],
            stages=frozenset(entry.get("stage") or ()),
            error_types=frozenset(entry.get("error_type") or ()),
            error=re.compile(entry["error"], re.IGNORECASE) if entry.get("error") else None))
    last = out[-1]
    if last.stages or last.error_types or last.error is not None:
        raise ValueError(f"{CAUSES_FILE}: the last cause must match anything")
    return tuple(out)


@lru_cache(maxsize=1)
def load_causes() -> tuple[Cause, ...]:
    from orewire.seeds import load_yaml  # noqa: PLC0415 (PyYAML only when a summary needs it)
    return parse_causes(load_yaml(CAUSES_FILE))


def classify(stage: str | None, error_type: str | None, error: str | None,
             causes: tuple[Cause, ...] | None = None) -> Cause:
    """The first cause that matches a dead letter (the last one matches anything)."""
    causes = causes or load_causes()
    for cause in causes:
        if cause.matches(stage, error_type, error):
            return cause
    return causes[-1]


def top_causes(rows, limit: int = 5, causes: tuple[Cause, ...] | None = None
               ) -> list[tuple[int, Cause]]:
    """(count, cause) of dead letters given as (stage, error_type, error), most first;
    the catch-all's words name the error type, so two unknown types stay two lines."""
    counts: dict[tuple, int] = {}
    found: dict[tuple, Cause] = {}
    for stage, error_type, error in rows:
        cause = classify(stage, error_type, error, causes)
        if "{error_type}" in cause.words:
            cause = Cause(cause.id, cause.words.format(error_type=error_type or "unknown"),
                          cause.next)
        key = (cause.id, cause.words)
        counts[key] = counts.get(key, 0) + 1
        found[key] = cause
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(n, found[key]) for key, n in ranked[:limit]]


def cause_line(n: int, cause: Cause) -> str:
    return f"{n} x {cause.words} - {cause.next}"
