"""Shared fixtures: a local HTTP server on 127.0.0.1 whose routes a test sets; pipeline
runs kept in-process unless a test asks for the CLI's default parallelism."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class Route:
    def __init__(self, body: bytes | str = b"", status: int = 200, headers: dict | None = None):
        self.body = body.encode("utf-8") if isinstance(body, str) else body
        self.status = status
        self.headers = headers or {}


class LocalServer:
    """Serves ``routes`` (path with query -> Route, or a list of Routes served in turn)."""

    def __init__(self):
        self.routes: dict = {}
        self.requests: list[tuple[str, dict]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path) or server.routes.get(
                    self.path.split("?")[0])
                if isinstance(route, list):
                    route = route.pop(0) if len(route) > 1 else route[0]
                if route is None:
                    route = Route(b"not found", 404)
                self.send_response(route.status)
                headers = {"Content-Type": "text/html; charset=utf-8", **route.headers}
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "default_parallelism: run the pipeline with the CLI's default local "
                   "parallelism (multi_processing workers) instead of in-process")
    config.addinivalue_line(
        "markers", "bigquery: uses the BigQuery emulator (set on every test that takes the "
                   "`bq` fixture; `make test` runs these under tests/with_bqemulator.sh)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "bq" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.bigquery)


@pytest.fixture(autouse=True)
def _in_process_runs(request, monkeypatch):
    """`orewire run` in a test stays in one process: a multi_processing worker takes
    seconds to start, far more than a test's few articles take to process (the default
    is measured by benchmarks/throughput.py, and one test marked ``default_parallelism``
    runs it end to end)."""
    if request.node.get_closest_marker("default_parallelism") is None:
        import orewire.pipeline.runs  # noqa: PLC0415
        monkeypatch.setattr(orewire.pipeline.runs, "default_workers", lambda: 1)


@pytest.fixture
def server():
    srv = LocalServer()
    yield srv
    srv.close()


# --- the extraction on one article or one text, without a pipeline (issue 12's tests) ---

@pytest.fixture(scope="session")
def analyse():
    """``analyse(text, lang, published_at)``: the warehouse row the pipeline's extraction
    makes of one article (mentions, countries, figures, events), without Beam."""
    from orewire.countries import CountryMatcher  # noqa: PLC0415 (spaCy loads on use)
    from orewire.figures import find_figures  # noqa: PLC0415
    from orewire.lexicon import MineralMatcher  # noqa: PLC0415
    from orewire.linking import article_year, build_row, entities_from_doc, tag_doc  # noqa: PLC0415
    from orewire.nlp import ner_model, parser_model, sentence_model  # noqa: PLC0415

    ner = ner_model()
    countries = CountryMatcher(ner)
    parser = parser_model()

    def run(text, lang="en", published_at="2025-06-01T00:00:00+00:00"):
        nlp = sentence_model(lang)
        tagged = tag_doc(nlp(text), MineralMatcher(nlp, lang), find_figures, lang,
                         article_year(published_at), parser)
        entities = entities_from_doc(ner(text), countries, lang)
        return build_row({"article_id": "a", "url": "u", "text": text, "language": lang},
                         entities, tagged, ingested_at=None, run_id="r")
    return run


@pytest.fixture(scope="session")
def ids():
    """``ids(text, lang)``: the mineral ids the matcher finds in ``text``."""
    from orewire.lexicon import MineralMatcher  # noqa: PLC0415 (spaCy loads on use)
    from orewire.nlp import sentence_model  # noqa: PLC0415

    tools = {}

    def _ids(text, lang):
        if lang not in tools:
            nlp = sentence_model(lang)
            tools[lang] = (nlp, MineralMatcher(nlp, lang))
        nlp, matcher = tools[lang]
        return {m.mineral for m in matcher.find(nlp(text))}
    return _ids
