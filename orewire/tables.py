"""Rows as text: bordered tables, the query command's table, CSV and JSON.

Kept free of Beam and of the warehouse so that ``orewire query`` starts quickly."""
from __future__ import annotations

import csv
import io
import json
import re

# Cells of ``orewire query``'s table are cut to this many characters (--max-width 0: never).
DEFAULT_MAX_WIDTH = 60


def ascii_table(headers: list[str], rows: list, align: str = "") -> str:
    """A bordered plain-text table; ``align`` has one ``<`` or ``>`` per column."""
    cells = [[("" if v is None else str(v)) for v in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    align = align.ljust(len(headers), "<")
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    fmt = lambda r: "| " + " | ".join(  # noqa: E731
        v.rjust(w) if a == ">" else v.ljust(w) for v, w, a in zip(r, widths, align)) + " |"
    return "\n".join([rule, fmt(headers), rule, *(fmt(r) for r in cells), rule])


def format_rows(cols: list[str], rows: list[tuple], fmt: str = "table",
                max_width: int = 60) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(cols, r)) for r in rows], default=str, ensure_ascii=False,
                          indent=1)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow([_csv_cell(c) for c in cols])
        w.writerows([_csv_cell(v) for v in r] for r in rows)
        return buf.getvalue().rstrip("\n")
    cells = [[_cell(v, max_width) for v in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(cols)]
    fmt_row = lambda r: " | ".join(v.ljust(w) for v, w in zip(r, widths))  # noqa: E731
    out = [fmt_row(cols), "-+-".join("-" * w for w in widths)] + [fmt_row(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _csv_cell(v):
    """A CSV value a spreadsheet shows as written: arrays and records as JSON, and text
    that a spreadsheet would run as a formula ("=HYPERLINK(...)", "+1", "@SUM") prefixed
    with an apostrophe (OWASP's CSV injection advice)."""
    if isinstance(v, (list, tuple, dict)):
        v = json.dumps(v, default=str, ensure_ascii=False)
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v


# Shown escaped on a terminal: controls (an ESC sequence could rewrite the screen) and
# bidi overrides (a title could show reversed).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _cell(v, max_width: int) -> str:
    s = "NULL" if v is None else str(v).replace("\n", " ")
    s = _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), s)
    return s if len(s) <= max_width else s[:max_width - 1] + "…"
