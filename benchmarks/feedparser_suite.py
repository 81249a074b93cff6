"""feedparser's own test suite as a feed directory: is every distinct http(s) entry link
accounted for?

    .venv/bin/python benchmarks/feedparser_suite.py                  # pip downloads the sdist
    .venv/bin/python benchmarks/feedparser_suite.py --tests DIR      # an unpacked tests/ folder

feedparser 6.0.14's sdist carries about 2,250 small feeds (well-formed, ill-formed, odd
encodings, entities, compressed). Its files are not part of this repository: without
``--tests`` the sdist is fetched with ``pip download --no-binary :all: --no-deps
feedparser==6.0.14`` into a temporary folder, which is removed afterwards.

The reference is feedparser itself: every file parsed with ``feedparser.parse``, every
entry ``link`` starting with http:// or https:// collected, distinct. Then ``orewire run
--feeds <tests> --fetch never`` (in-process) reads the same directory, and each link must
be accounted for: its normalised URL stored in ``articles``, or the link (or its
normalised URL) the source of a dead letter. Two different links that normalise to one
address (a merge, which loses an article) are listed. Exit status 0 when every link is
accounted for and nothing was merged, 1 otherwise.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

VERSION = "6.0.14"


def download_tests(into: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-binary",
                    ":all:", "--no-deps", f"feedparser=={VERSION}", "-d", str(into)],
                   check=True)
    sdist = next(into.glob(f"feedparser-{VERSION}.tar.gz"))
    with tarfile.open(sdist) as tar:
        tar.extractall(into, filter="data")
    return into / f"feedparser-{VERSION}" / "tests"


def reference_links(tests: Path) -> set[str]:
    import feedparser
    links = set()
    for path in sorted(p for p in tests.rglob("*") if p.is_file()):
        parsed = feedparser.parse(path.read_bytes())
        for entry in parsed.entries:
            link = entry.get("link")
            if isinstance(link, str) and link.lower().startswith(("http://", "https://")):
                links.add(link)
    return links


def _address(link: str) -> str:
    from urllib.parse import urlsplit, urlunsplit
    parts = urlsplit(link.strip())
    return urlunsplit(parts._replace(scheme=parts.scheme.lower(),
                                     netloc=parts.netloc.lower()))


def account(tests: Path, warehouse: Path) -> dict:
    import duckdb

    from orewire.urls import normalize_url
    from orewire.pipeline.cli import run
    links = reference_links(tests)
    started = time.perf_counter()
    code = run(["--feeds", str(tests), "--warehouse", str(warehouse), "--fetch", "never",
                "--quiet", "--direct_num_workers=1"])
    seconds = time.perf_counter() - started
    con = duckdb.connect(str(warehouse), read_only=True)
    stored = {r[0] for r in con.execute("SELECT url FROM articles").fetchall()}
    dead = {r[0] for r in con.execute("SELECT source FROM dead_letters").fetchall()}
    con.close()
    normalised, missing = {}, []
    for link in sorted(links):
        try:
            url = normalize_url(link.strip())
        except ValueError:
            url = None
        normalised.setdefault(url, []).append(link)
        if not (url in stored or link in dead or (url and url in dead)):
            missing.append(link)
    # Links that differ only in the case of scheme and host are one address (RFC 3986);
    # two addresses under one normalised URL are a merge.
    merged = {url: raw for url, raw in normalised.items()
              if url is not None and len({_address(r) for r in raw}) > 1}
    return {"exit": code, "seconds": seconds, "links": len(links),
            "addresses": len({_address(link) for link in links}),
            "accounted": len(links) - len(missing), "missing": missing, "merged": merged}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tests", type=Path,
                        help="feedparser's tests/ folder (default: download the sdist)")
    ns = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="orewire-feedparser-") as tmp:
        tests = ns.tests or download_tests(Path(tmp))
        result = account(tests, Path(tmp) / "suite.duckdb")
    print(f"feedparser {VERSION} test suite: {result['accounted']} of {result['links']} "
          f"distinct http(s) entry links ({result['addresses']} distinct addresses) "
          f"accounted for; {len(result['merged'])} addresses merged; "
          f"run exit {result['exit']} in {result['seconds']:.0f}s")
    for link in result["missing"]:
        print(f"  not accounted for: {link}")
    for url, raw in result["merged"].items():
        print(f"  merged into {url}: {', '.join(raw)}")
    ok = result["exit"] == 0 and not result["missing"] and not result["merged"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
