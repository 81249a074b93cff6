"""Run `orewire run` over a directory of ~2,000 hostile and malformed feeds.

    .venv/bin/python benchmarks/hostile_feeds.py [--feeds 2000] [--seed 7] [--keep DIR]

The feeds are made at run time from the real-world feeds of
``../shared/corpora/feeds_realworld/`` (43 RSS/Atom/JSON feeds, many malformed) by mutation:
truncation, flipped and inserted bytes, entity-expansion bombs, wrong declared encodings,
UTF-16, deep nesting, huge fields, binary junk, HTML served as a feed, empty files,
relative, javascript: and duplicate links. The run must exit 0 and account for every
entry: entries seen = articles written + duplicates skipped + entry dead letters.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "feeds_realworld"

BOMB = (b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode()
                   for i in range(9))
        + b']>\n<rss version="2.0"><channel><title>&j;</title><item><title>&j;</title>'
          b'<link>https://bomb.example/1</link><description>&j;</description></item>'
          b'</channel></rss>')


def _mutations(rng: random.Random, data: bytes) -> bytes:
    kind = rng.randrange(14)
    if kind == 0:                                   # truncated mid-document
        return data[:rng.randrange(1, max(2, len(data)))]
    if kind == 1:                                   # flipped bytes
        buf = bytearray(data)
        for _ in range(rng.randrange(1, 40)):
            if buf:
                buf[rng.randrange(len(buf))] = rng.randrange(256)
        return bytes(buf)
    if kind == 2:                                   # junk inserted
        pos = rng.randrange(len(data) + 1)
        return data[:pos] + rng.randbytes(rng.randrange(1, 200)) + data[pos:]
    if kind == 3:                                   # entity-expansion bomb
        return BOMB
    if kind == 4:                                   # declared encoding is wrong
        return data.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-5"').replace(
            b"encoding='utf-8'", b"encoding='shift_jis'")
    if kind == 5:                                   # UTF-16 re-encoding
        try:
            return data.decode("utf-8").encode("utf-16")
        except UnicodeDecodeError:
            return data
    if kind == 6:                                   # deep nesting
        depth = rng.randrange(1000, 20000)
        return (b'<rss version="2.0"><channel><item><title>deep</title>'
                b"<link>https://deep.example/x</link><description>" + b"<div>" * depth
                + b"text" + b"</div>" * depth + b"</description></item></channel></rss>")
    if kind == 7:                                   # a huge field
        return data.replace(b"<title>", b"<title>" + b"T" * rng.randrange(10**5, 10**6), 1)
    if kind == 8:                                   # binary junk
        return rng.randbytes(rng.randrange(0, 5000))
    if kind == 9:                                   # an HTML page served as a feed
        return b"<!doctype html><html><head><title>Not a feed</title></head><body>" \
               b"<a href='/rss'>RSS</a><p>Hello</p></body></html>"
    if kind == 10:                                  # empty
        return b""
    if kind == 11:                                  # hostile and relative links
        links = [b"javascript:alert(1)", b"ftp://x.example/f", b"/relative/path",
                 b"http://[::1", b"mailto:a@b.c", b"http://169.254.169.254/latest/"]
        items = b"".join(b"<item><title>t%d</title><link>%s</link></item>" % (i, link)
                         for i, link in enumerate(links))
        return b'<rss version="2.0"><channel><title>links</title>' + items + \
            b"</channel></rss>"
    if kind == 12:                                  # the same link many times
        item = b"<item><title>dup</title><link>https://dup.example/story?utm_source=%d" \
               b"</link><description>%s</description></item>"
        body = b"".join(item % (i, b"word " * 200) for i in range(rng.randrange(2, 30)))
        return b'<rss version="2.0"><channel><title>dups</title>' + body + \
            b"</channel></rss>"
    return json.dumps({"version": "https://jsonfeed.org/version/1.1",
                       "items": [{"id": i, "url": rng.choice(["https://j.example/%d" % i, None,
                                                               5, "javascript:x"]),
                                  "content_text": "x" * rng.randrange(0, 3000)}
                                 for i in range(rng.randrange(0, 20))]}).encode()


def build_corpus(out_dir: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` hostile feed files into ``out_dir``; returns the number written."""
    if not CORPUS.is_dir():
        raise SystemExit(f"corpus not found: {CORPUS}")
    sources = sorted(p for p in CORPUS.iterdir() if p.is_file())
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        src = sources[i % len(sources)].read_bytes()
        data = src if rng.random() < 0.15 else _mutations(rng, src)
        (out_dir / f"feed-{i:05d}.xml").write_bytes(data)
    return n


def run(feeds_dir: Path, warehouse: Path, timeout: float = 3600) -> dict:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "orewire.pipeline.cli", "run", "--feeds", str(feeds_dir),
         "--warehouse", str(warehouse), "--fetch", "never", "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    elapsed = time.perf_counter() - started
    out = {"exit": proc.returncode, "seconds": elapsed, "stderr": proc.stderr[-2000:]}
    if proc.returncode == 0:
        import duckdb
        con = duckdb.connect(str(warehouse), read_only=True)
        # runs.dead_letters counts failed entries and pages; a feed that could not be
        # read is a feed dead letter, outside the entries' identity
        seen, written, dups, dead, feed_level, failed = con.execute(
            "SELECT entries_seen, articles_written, duplicates_skipped, dead_letters, "
            "feed_dead_letters, feeds_failed FROM runs").fetchall()[0]
        out.update(entries_seen=seen, articles_written=written, duplicates_skipped=dups,
                   dead_letters=dead, feed_dead_letters=feed_level,
                   entry_dead_letters=dead, feeds_failed=failed)
        con.close()
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", help="write the feeds and warehouse here instead of a temp dir")
    ns = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="orewire-hostile-") as tmp:
        base = Path(ns.keep) if ns.keep else Path(tmp)
        build_corpus(base / "feeds", ns.feeds, ns.seed)
        result = run(base / "feeds", base / "hostile.duckdb")
    print(json.dumps({k: v for k, v in result.items() if k != "stderr"}, indent=1))
    if result["exit"] != 0:
        print(result["stderr"], file=sys.stderr)
        return 1
    balanced = result["entries_seen"] == (result["articles_written"] +
                                          result["duplicates_skipped"] +
                                          result["entry_dead_letters"])
    print(f"{ns.feeds} feeds in {result['seconds']:.0f}s: every entry accounted for: "
          f"{balanced}")
    return 0 if balanced else 1


if __name__ == "__main__":
    sys.exit(main())
