"""Dead-letter causes in words (orewire/causes.py, seeds/dead_letter_causes.yaml) and the
run summary that lists them."""
from __future__ import annotations

import socket

import duckdb
import pytest

from orewire.causes import cause_line, classify, load_causes, parse_causes, top_causes
from orewire.pipeline.cli import run
from orewire.seeds import load_yaml

FAST = ["--per-host-delay", "0", "--quiet"]


@pytest.mark.parametrize("stage, error_type, error, cause", [
    ("read_feeds", "HostNotFound",
     "cannot resolve host 'a.example': [Errno -3] Temporary failure in name resolution",
     "dns"),
    ("fetch_articles", "FetchError", "robots.txt of https://a.example unavailable (cannot "
     "resolve host 'a.example': [Errno -2] Name or service not known); not fetching x",
     "dns_robots"),
    ("read_feeds", "FetchError", "connection error fetching http://127.0.0.1:9/f: "
     "HTTPConnectionPool(...): Max retries exceeded (Caused by NewConnectionError("
     "'...: Failed to establish a new connection: [Errno 111] Connection refused'))",
     "refused"),
    ("fetch_articles", "FetchError", "timeout fetching https://a.example/x: read", "timeout"),
    ("fetch_articles", "FetchError", "fetching https://a.example/x took over 45s", "timeout"),
    ("fetch_articles", "FetchError", "HTTP 503 from https://a.example/x", "server_error"),
    ("fetch_articles", "FetchError", "HTTP 429 from https://a.example/x", "rate_limited"),
    ("fetch_articles", "FetchError", "HTTP 404 from https://a.example/x", "gone"),
    ("fetch_articles", "FetchError", "HTTP 403 from https://a.example/x", "forbidden"),
    ("fetch_articles", "FetchError", "HTTP 418 from https://a.example/x", "client_error"),
    ("fetch_articles", "FetchError", "disallowed by robots.txt: https://a.example/x",
     "robots_disallow"),
    ("fetch_articles", "BlockedAddress", "refused '10.0.0.1': resolves to non-public "
     "address 10.0.0.1 (use --allow-private-network to permit)", "ssrf_guard"),
    ("fetch_articles", "DeadlineReached", "run deadline (--deadline) reached: x not "
     "fetched; retryable", "deadline"),
    ("read_feeds", "ValueError", "not a feed (no RSS/Atom root element)", "not_a_feed"),
    ("read_feeds", "BadURL", "empty link", "bad_link"),
    ("read_feeds", "FileNotFoundError", "[Errno 2] No such file or directory: 'x.xml'",
     "feed_file"),
    ("clean_articles", "NoText", "no article text in the feed entry or the page",
     "extraction"),
    ("extract_entities", "ValueError", "[E088] Text of length 2000001 exceeds maximum",
     "tagging"),
    ("fetch_articles", "WeirdError", "something new", "other"),
])
def test_each_failure_has_its_cause(stage, error_type, error, cause):
    assert classify(stage, error_type, error).id == cause


def test_every_cause_has_words_a_next_step_and_a_reason():
    data = load_yaml("dead_letter_causes.yaml")
    causes = load_causes()
    assert len(causes) == len(data["causes"]) > 20
    assert len({c.id for c in causes}) == len(causes)
    assert all(entry.get("reason") for entry in data["causes"])
    with pytest.raises(ValueError, match="lacks reason"):
        parse_causes({"causes": [{"id": "x", "words": "w", "next": "n"}]})
    with pytest.raises(ValueError, match="must match anything"):
        parse_causes({"causes": [{"id": "x", "words": "w", "next": "n", "reason": "r",
                                  "stage": ["read_feeds"]}]})


def test_top_causes_count_and_rank_them():
    rows = ([("read_feeds", "HostNotFound", "cannot resolve host 'a': x")] * 36
            + [("fetch_articles", "FetchError", "HTTP 503 from u")] * 2
            + [("fetch_articles", "Odd", "?"), ("fetch_articles", "Odder", "?")])
    top = top_causes(rows, limit=3)
    assert [(n, c.id) for n, c in top] == [(36, "dns"), (2, "server_error"), (1, "other")]
    assert cause_line(*top[0]) == ("36 x cannot resolve host (DNS) - no network, or a "
                                   "misspelt host? then `orewire retry`")
    assert top[2][1].words == "other failure (Odd)"  # the catch-all names the type


def test_a_run_summary_says_why_its_dead_letters_failed(tmp_path, capsys):
    """Feeds on a closed port of 127.0.0.1 and a missing file: the summary counts them by
    cause, with the next step, and stores the same text in runs.summary."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there
    feeds = [f"http://127.0.0.1:{port}/feed{i}.xml" for i in range(3)]
    wh = tmp_path / "c.duckdb"
    import orewire.transforms.read_feeds as rf
    real = rf.Fetcher
    rf.Fetcher = lambda **kw: real(**dict(kw, backoff=0.0))  # no backoff between attempts
    try:
        assert run(["--feeds", *feeds, "--warehouse", str(wh), "--allow-private-network",
                    *FAST]) == 0
    finally:
        rf.Fetcher = real
    out = capsys.readouterr().out
    assert out.startswith("orewire run ")
    line = "3 x connection refused (nothing listening) - server down? then `orewire retry` later"
    assert f"  {line}" in out.splitlines(), out
    con = duckdb.connect(str(wh), read_only=True)
    stored = con.execute("SELECT summary FROM runs").fetchall()[0][0]
    con.close()
    assert line in stored


def test_a_clean_run_lists_no_causes(tmp_path, capsys):
    assert run(["--warehouse", str(tmp_path / "ok.duckdb"), *FAST]) == 0
    out = capsys.readouterr().out
    assert "dead letters by cause" not in out and "new articles written" in out
