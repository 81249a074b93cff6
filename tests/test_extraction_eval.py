"""The extraction benchmark's scorer on inputs with known answers, and a small real run.

The scorer follows scrapinghub/article-extraction-benchmark's evaluate.py: tokens are
``\\w+`` (case kept), 4-gram shingle multisets, per-document tp/fp/fn normalised to sum 1,
precision and recall averaged over documents, F1 of the averages.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "eval_extraction.py"
_spec = importlib.util.spec_from_file_location("eval_extraction", _PATH)
ev = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("eval_extraction", ev)  # benchmarks/ is scripts, not a package
_spec.loader.exec_module(ev)


def test_tokens_are_word_runs_with_case_kept():
    assert ev.tokenize("U.S.-listed Lithium, 41%!") == ["U", "S", "listed", "Lithium", "41"]
    assert ev.tokenize(None) == []


def test_identical_texts_score_one():
    text = "Chile produced more copper than any other country last year."
    assert ev.shingle_matching(text, text) == (1.0, 0.0, 0.0)
    m = ev.metrics([ev.shingle_matching(text, text)])
    assert m["precision"] == m["recall"] == m["f1"] == 1.0
    # layout is not scored: only the token sequence matters
    assert ev.shingle_matching(text, text.replace(" ", "\n\n")) == (1.0, 0.0, 0.0)


def test_disjoint_texts_score_zero():
    tp_fp_fn = ev.shingle_matching("one two three four five", "six seven eight nine ten")
    assert tp_fp_fn == (0.0, 0.5, 0.5)
    m = ev.metrics([tp_fp_fn])
    assert m["precision"] == m["recall"] == m["f1"] == 0.0


def test_case_differences_count_as_different_tokens():
    assert ev.shingle_matching("Rare earth supply tightens",
                               "rare earth supply tightens")[0] == 0.0


def test_partial_overlap_by_hand():
    # true shingles: abcd bcde cdef; predicted: abcd bcde cdex -> tp 2, fp 1, fn 1
    tp, fp, fn = ev.shingle_matching("a b c d e f", "a b c d e x")
    assert (tp, fp, fn) == pytest.approx((0.5, 0.25, 0.25))
    assert ev.precision_score(tp, fp, fn) == pytest.approx(2 / 3)
    assert ev.recall_score(tp, fp, fn) == pytest.approx(2 / 3)
    assert ev.metrics([(tp, fp, fn)])["f1"] == pytest.approx(2 / 3)


def test_shingles_are_a_multiset():
    # true: abcd x2, bcda, cdab, dabc (5); predicted: abcd once -> tp 1, fp 0, fn 4
    tp, fp, fn = ev.shingle_matching("a b c d a b c d", "a b c d")
    assert (tp, fp, fn) == pytest.approx((0.2, 0.0, 0.8))
    assert ev.precision_score(tp, fp, fn) == 1.0
    assert ev.recall_score(tp, fp, fn) == pytest.approx(0.2)


def test_text_shorter_than_a_shingle_is_one_shingle():
    assert ev.shingles("rare earths") == {("rare", "earths"): 1}
    assert ev.shingle_matching("rare earths", "rare earths") == (1.0, 0.0, 0.0)


def test_averages_over_documents_then_f1_of_the_averages():
    m = ev.metrics([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
    assert m["precision"] == pytest.approx(0.75)
    assert m["recall"] == pytest.approx(1.0)
    assert m["f1"] == pytest.approx(2 * 0.75 / 1.75)
    assert m["documents"] == 2


def test_empty_prediction_counts_in_recall_only():
    empty = ev.shingle_matching("the whole article text", "")
    assert empty == (0.0, 0.0, 1.0)
    m = ev.metrics([(1.0, 0.0, 0.0), empty])
    assert m["precision"] == 1.0
    assert m["recall"] == pytest.approx(0.5)


def test_missing_corpus_fails_with_a_clear_message(tmp_path, capsys):
    with pytest.raises(ev.CorpusError, match="extraction corpus not found"):
        ev.load_corpus(tmp_path / "nowhere")
    assert ev.main(["--corpus", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "extraction corpus not found" in err and "--corpus" in err


def test_teaser_feed_entries_are_not_full_text():
    from orewire.feeds import carries_full_text
    from orewire.cleaning import html_to_text

    feed = ev.teaser_feed("http://127.0.0.1:1", ["ab" * 32]).decode("utf-8")
    assert "/pages/" + "ab" * 32 + ".html" in feed
    teaser = feed.split("<description>")[-1].split("</description>")[0]
    assert not carries_full_text(html_to_text(teaser))


def test_five_corpus_pages_through_the_pipeline_score_at_least_090():
    if not ev.DEFAULT_CORPUS.is_dir():
        pytest.skip(f"extraction corpus absent: {ev.DEFAULT_CORPUS} (../shared/corpora "
                    f"next to the repository; CI has it)")
    corpus = ev.load_corpus(ev.DEFAULT_CORPUS, limit=5)
    assert len(corpus.truth) == 5
    run = ev.run_pipeline(corpus)
    assert all(run.texts.values()), run.notes       # every page became a row with text
    assert not run.notes                            # all from the page, no dead letters
    scores = ev.score(corpus, run)
    assert scores["documents"] == 5
    assert scores["f1"] >= 0.9, scores


# ------------------------------------------- extract_page choices the benchmark measured

_PARAS = "".join(
    f"<p>Paragraph {n} of the smelter story: the refinery near the river processed more "
    f"concentrate this quarter than in any quarter since the plant opened, officials "
    f"said, citing higher recoveries and fewer power cuts at site {n}.</p>" for n in range(6))


def _page(title: str, body: str) -> str:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<article><h1>Smelter output hits a record</h1>{body}</article></body></html>")


@pytest.mark.parametrize("title", ["Smelter output hits a record",
                                   "Smelter output hits a record | Ore Wire"])
def test_extract_page_text_does_not_repeat_the_headline(title):
    from orewire.cleaning import extract_page

    out = extract_page(_page(title, _PARAS))
    assert out["text"].startswith("Paragraph 0")
    assert "Smelter output hits a record" not in out["text"]


def test_extract_page_keeps_tables():
    from orewire.cleaning import extract_page

    table = ("<table><tr><th>Country</th><th>Output (t)</th></tr>"
             "<tr><td>Zambia</td><td>700000</td></tr><tr><td>Chile</td><td>5300000</td></tr>"
             "</table>")
    text = extract_page(_page("Smelter output hits a record", _PARAS + table))["text"]
    assert "5300000" in text and "Zambia" in text
