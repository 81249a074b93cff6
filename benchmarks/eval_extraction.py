"""Main-text extraction quality, measured through the real pipeline.

Serves the pages of an extraction corpus (``<id>.html`` plus ``ground-truth.json`` as
``{id: {"articleBody": ..., "url": ...}}``; by default ``../shared/corpora/extraction_dev``,
a third of the ScrapingHub article-extraction benchmark) from a local HTTP server on
127.0.0.1 behind a local RSS feed whose entries are teasers, so ``orewire run`` fetches and
cleans every page. The ``text`` stored in DuckDB is scored against the human-marked
article body by token 4-gram shingle F1, exactly as the benchmark's ``evaluate.py`` does.
The same scorer is applied to trafilatura called directly on the files (the benchmark's
own trafilatura configuration), so any loss the pipeline adds (decoding, fallbacks,
options) shows up as a gap between the two lines.

    .venv/bin/python benchmarks/eval_extraction.py                 # the whole dev set
    .venv/bin/python benchmarks/eval_extraction.py --workers 4     # multi-process runner
    .venv/bin/python benchmarks/eval_extraction.py --corpus DIR --limit 10 --min-f1 0.95

Exit status: 0; 1 when ``--min-f1`` is given and the pipeline scores below it; 2 when the
corpus is missing or unusable.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import re
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpora" / "extraction_dev"
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

# ---------------------------------------------------------------------------------------
# The scorer: a faithful re-implementation of scrapinghub/article-extraction-benchmark's
# evaluate.py (string_shingle_matching and metrics_from_tp_fp_fns).
# ---------------------------------------------------------------------------------------

# As in the benchmark. IGNORECASE does not lower-case what findall returns: tokens keep
# their case, so "Lithium" and "lithium" are different tokens.
_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)
NGRAM_N = 4


def tokenize(text: str | None) -> list[str]:
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = NGRAM_N) -> Counter:
    """Multiset of token n-grams; a text shorter than n tokens is one shorter shingle."""
    tokens = tokenize(text)
    grams = (tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def shingle_matching(true: str | None, pred: str | None, n: int = NGRAM_N
                     ) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingle multisets, normalised to sum 1 (0, 0, 0 if both empty)."""
    t, p = shingles(true, n), shingles(pred, n)
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    total = tp + fp + fn
    if total > 0:
        return tp / total, fp / total, fn / total
    return tp, fp, fn


def precision_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def f1_score(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def metrics(tp_fp_fns: list[tuple[float, float, float]]) -> dict:
    """Precision and recall averaged over documents, F1 of the averages.

    As in the benchmark, a document with an empty prediction counts in recall only, and
    one with an empty ground truth in precision only.
    """
    precisions = [precision_score(*x) for x in tp_fp_fns if x[0] + x[1] > 0]
    recalls = [recall_score(*x) for x in tp_fp_fns if x[0] + x[2] > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    return {"precision": precision, "recall": recall, "f1": f1_score(precision, recall),
            "documents": len(tp_fp_fns)}


def document_f1(tp_fp_fn: tuple[float, float, float]) -> float:
    return f1_score(precision_score(*tp_fp_fn), recall_score(*tp_fp_fn))


# ---------------------------------------------------------------------------------------
# The corpus, the local feed and page server.
# ---------------------------------------------------------------------------------------

class CorpusError(Exception):
    """The corpus directory is missing or unusable."""


@dataclass
class Corpus:
    root: Path
    truth: dict  # id -> {"articleBody": ..., "url": ...}

    def ids(self) -> list[str]:
        return sorted(self.truth)

    def page_bytes(self, doc_id: str) -> bytes:
        return (self.root / f"{doc_id}.html").read_bytes()


def load_corpus(root: str | Path, limit: int | None = None) -> Corpus:
    """The corpus at ``root``; raises CorpusError when it is missing or incomplete."""
    root = Path(root)
    gt_path = root / "ground-truth.json"
    if not root.is_dir() or not gt_path.is_file():
        raise CorpusError(
            f"extraction corpus not found at {root} (expected <id>.html files and "
            f"ground-truth.json; the default is ../shared/corpora/extraction_dev next to "
            f"the repository, or pass --corpus DIR)")
    try:
        truth = json.loads(gt_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise CorpusError(f"cannot read {gt_path}: {err}") from err
    missing = [i for i in truth if not (root / f"{i}.html").is_file()]
    if missing:
        raise CorpusError(f"{len(missing)} pages named in {gt_path} are missing, "
                          f"e.g. {missing[0]}.html")
    if not truth:
        raise CorpusError(f"{gt_path} lists no documents")
    ids = sorted(truth)
    if limit and limit < len(ids):
        # Evenly spaced over the sorted ids: a spread of sites, not the first few.
        ids = ids[::len(ids) // limit][:limit]
    return Corpus(root, {i: truth[i] for i in ids})


def page_path(doc_id: str) -> str:
    return f"/pages/{doc_id}.html"


def doc_id_of(url: str) -> str | None:
    m = re.fullmatch(r"/pages/([^/]+)\.html", urlsplit(url).path)
    return m.group(1) if m else None


def teaser_feed(base_url: str, ids: list[str]) -> bytes:
    """RSS 2.0 whose entries are short teasers ending in "…", so every page is fetched."""
    date = format_datetime(dt.datetime(2019, 11, 18, 12, 0, tzinfo=dt.timezone.utc))
    items = "".join(
        f"<item><title>Benchmark page {i[:12]}</title>"
        f"<link>{escape(base_url + page_path(i))}</link>"
        f"<guid isPermaLink=\"true\">{escape(base_url + page_path(i))}</guid>"
        f"<pubDate>{date}</pubDate>"
        f"<description>Extraction benchmark page {i[:12]} …</description></item>"
        for i in ids)
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
            "<title>orewire extraction benchmark</title>"
            f"<link>{escape(base_url)}/</link><description>local benchmark feed</description>"
            f"{items}</channel></rss>").encode("utf-8")


class CorpusServer:
    """Serves /feed.xml, /robots.txt and /pages/<id>.html on 127.0.0.1 (a free port)."""

    def __init__(self, corpus: Corpus, content_type: str = "text/html; charset=utf-8"):
        self.corpus = corpus
        self.content_type = content_type
        self.requests = 0
        srv = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                srv.requests += 1
                status, ctype, body = srv.respond(self.path)
                self.send_response(status)
                if ctype:
                    self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def respond(self, path: str) -> tuple[int, str | None, bytes]:
        path = path.split("?")[0]
        if path == "/feed.xml":
            return 200, "application/rss+xml; charset=utf-8", teaser_feed(
                self.base_url, self.corpus.ids())
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nAllow: /\n"
        doc_id = doc_id_of(path)
        if doc_id in self.corpus.truth:
            return 200, self.content_type or None, self.corpus.page_bytes(doc_id)
        return 404, "text/plain", b"not found"

    @property
    def feed_url(self) -> str:
        return self.base_url + "/feed.xml"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


# ---------------------------------------------------------------------------------------
# Extraction runs.
# ---------------------------------------------------------------------------------------

@dataclass
class Run:
    name: str
    texts: dict                      # id -> extracted text ("" when none)
    seconds: float
    notes: list = field(default_factory=list)


def run_pipeline(corpus: Corpus, workers: int = 1, content_type: str =
                 "text/html; charset=utf-8", show_summary: bool = False) -> Run:
    """``orewire run`` over the local teaser feed; the ``text`` of each stored article."""
    import duckdb

    from orewire.pipeline.cli import run as orewire_run

    with tempfile.TemporaryDirectory(prefix="orewire-eval-") as tmp, \
            CorpusServer(corpus, content_type) as server:
        warehouse = str(Path(tmp) / "eval.duckdb")
        argv = ["--feeds", server.feed_url, "--warehouse", warehouse,
                "--allow-private-network", "--per-host-delay", "0",
                "--per-host-concurrency", "8", "--quiet"]
        if workers > 1:
            argv += [f"--direct_num_workers={workers}",
                     "--direct_running_mode=multi_processing"]
        out = io.StringIO()
        start = time.perf_counter()
        with contextlib.redirect_stdout(out):
            status = orewire_run(argv)
        seconds = time.perf_counter() - start
        if show_summary:
            print(out.getvalue())
        if status != 0:
            raise RuntimeError(f"orewire run exited {status}: {out.getvalue().strip()}")
        con = duckdb.connect(warehouse, read_only=True)
        try:
            rows = con.execute("SELECT url, text, text_source FROM articles").fetchall()
            dead = con.execute("SELECT stage, source, error FROM dead_letters").fetchall()
        finally:
            con.close()
    texts = {i: "" for i in corpus.ids()}
    notes = []
    for url, text, source in rows:
        doc_id = doc_id_of(url)
        if doc_id in texts:
            texts[doc_id] = text or ""
            if source != "page":
                notes.append(f"{doc_id[:12]}: text_source={source} (page text not used)")
    notes += [f"dead letter [{stage}] {src}: {err[:120]}" for stage, src, err in dead]
    return Run("orewire run (pipeline)", texts, seconds, notes)


def run_direct_trafilatura(corpus: Corpus) -> Run:
    """trafilatura on the files, as the benchmark's extractors/run_trafilatura.py calls it."""
    import trafilatura

    texts, start = {}, time.perf_counter()
    for doc_id in corpus.ids():
        html = corpus.page_bytes(doc_id).decode("utf-8")
        texts[doc_id] = trafilatura.extract(html, include_comments=False) or ""
    return Run("trafilatura direct (benchmark config)", texts, time.perf_counter() - start)


def run_direct_extract_page(corpus: Corpus) -> Run:
    """orewire.cleaning.extract_page on the files: extraction alone, without the pipeline."""
    from orewire.cleaning import decode_html, extract_page

    texts, start = {}, time.perf_counter()
    for doc_id in corpus.ids():
        texts[doc_id] = extract_page(decode_html(corpus.page_bytes(doc_id)))["text"]
    return Run("orewire extract_page direct", texts, time.perf_counter() - start)


def score(corpus: Corpus, run: Run) -> dict:
    per_doc = {i: shingle_matching(corpus.truth[i].get("articleBody", ""), run.texts.get(i))
               for i in corpus.ids()}
    result = metrics(list(per_doc.values()))
    result["per_document"] = per_doc
    result["seconds_per_page"] = run.seconds / max(1, len(per_doc))
    return result


def report(corpus: Corpus, runs: list[Run], worst: int = 5) -> dict:
    scores = {run.name: score(corpus, run) for run in runs}
    print(f"corpus: {corpus.root}  ({len(corpus.truth)} documents)")
    print(f"{'':40} {'precision':>9} {'recall':>7} {'F1':>7} {'docs':>5} {'ms/page':>8}")
    for run in runs:
        s = scores[run.name]
        print(f"{run.name:40} {s['precision']:9.4f} {s['recall']:7.4f} {s['f1']:7.4f} "
              f"{s['documents']:5d} {1000 * s['seconds_per_page']:8.1f}")
    main_run = runs[0]
    per_doc = scores[main_run.name]["per_document"]
    others = runs[1:]
    print(f"\nworst {worst} documents ({main_run.name}); F1 of the others for comparison:")
    for doc_id in sorted(per_doc, key=lambda i: (document_f1(per_doc[i]), i))[:worst]:
        x = per_doc[doc_id]
        cmp = "  ".join(
            f"{o.name.split()[0]}={document_f1(scores[o.name]['per_document'][doc_id]):.2f}"
            for o in others)
        print(f"  {doc_id[:12]}  P={precision_score(*x):.2f} R={recall_score(*x):.2f} "
              f"F1={document_f1(x):.2f}  [{cmp}]  {corpus.truth[doc_id].get('url', '')}")
    if main_run.notes:
        print("\nnotes:")
        for note in main_run.notes:
            print("  " + note)
    print("\n(pipeline ms/page: the whole run's wall time, feed to warehouse with NER, "
          "over the pages)")
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Score orewire's main-text extraction by token 4-gram shingle F1 "
                    "(the ScrapingHub article-extraction benchmark's measure), through the "
                    "pipeline, with trafilatura called directly as a baseline.")
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), metavar="DIR",
                        help="directory of <id>.html pages and ground-truth.json "
                             "(default: ../shared/corpora/extraction_dev from the repo root)")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="DirectRunner worker processes (default 1: in-process)")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="only N documents, evenly spaced over the sorted ids")
    parser.add_argument("--content-type", default="text/html; charset=utf-8",
                        help="Content-Type the pages are served with (default: "
                             "%(default)s, what the files are; 'text/html' to make the "
                             "pipeline detect the encoding itself)")
    parser.add_argument("--worst", type=int, default=5, metavar="N",
                        help="documents listed as the worst (default 5)")
    parser.add_argument("--min-f1", type=float, default=None, metavar="F",
                        help="exit 1 when the pipeline's F1 is below F")
    parser.add_argument("--summary", action="store_true",
                        help="also print the pipeline run's own summary")
    ns = parser.parse_args(argv)
    if ns.workers < 1:
        parser.error("--workers must be at least 1")
    try:
        corpus = load_corpus(ns.corpus, ns.limit)
    except CorpusError as err:
        print(f"eval_extraction: error: {err}", file=sys.stderr)
        return 2
    runs = [run_pipeline(corpus, ns.workers, ns.content_type, ns.summary),
            run_direct_trafilatura(corpus),
            run_direct_extract_page(corpus)]
    scores = report(corpus, runs, ns.worst)
    f1 = scores[runs[0].name]["f1"]
    if ns.min_f1 is not None and f1 < ns.min_f1:
        print(f"\npipeline F1 {f1:.4f} is below --min-f1 {ns.min_f1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
