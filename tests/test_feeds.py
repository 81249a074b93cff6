"""orewire.feeds: --feeds resolution, feed parsing, full-text detection, FeedItem dicts."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from orewire.feeds import (FeedArgumentError, FeedSource, carries_full_text, entry_to_item,
                           parse_feed, resolve_feed_args)
from orewire.urls import BadURL, article_id

UTC = dt.timezone.utc

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Ore Wire Test Desk</title>
  <link>https://orewire.example/</link>
  <description>Minerals news</description>
  <item>
    <title>Chile raises lithium royalty</title>
    <link>https://orewire.example/news/chile-lithium</link>
    <dc:creator>Ana Rojas</dc:creator>
    <pubDate>Tue, 03 Jun 2025 08:30:00 GMT</pubDate>
    <description>Short teaser about lithium.</description>
    <content:encoded><![CDATA[<p>Chile raised the royalty on lithium exports.</p><p>Producers objected.</p>]]></content:encoded>
  </item>
  <item>
    <title>Second story</title>
    <link>https://orewire.example/news/second</link>
    <description>Copper output fell in May.</description>
  </item>
</channel>
</rss>
"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Critical Metals Atom</title>
  <id>urn:test:feed</id>
  <updated>2025-05-01T12:00:00Z</updated>
  <entry>
    <title>Gallium exports halted</title>
    <id>urn:test:entry:1</id>
    <link rel="alternate" href="https://metals.example/gallium-halt"/>
    <updated>2025-05-01T10:15:00Z</updated>
    <author><name>Li Wei</name></author>
    <author><name>Sam Porter</name></author>
    <summary>Exports of gallium stopped.</summary>
    <content type="html">&lt;p&gt;Exports of gallium stopped on Monday.&lt;/p&gt;</content>
  </entry>
</feed>
"""

JSON_FEED = json.dumps({
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Battery Metals JSON",
    "home_page_url": "https://battery.example/",
    "items": [
        {"id": "1", "url": "https://battery.example/nickel-glut",
         "title": "Nickel glut deepens",
         "content_html": "<p>Indonesian nickel output rose again.</p>",
         "summary": "Nickel output rose.",
         "date_published": "2025-04-02T09:00:00Z",
         "authors": [{"name": "Dewi Sari"}, {"name": ""}]},
        {"id": "2", "external_url": "https://battery.example/cobalt",
         "title": "Cobalt note", "content_text": "Line one.\nLine two.",
         "date_published": "2025-04-03T09:00:00"},
    ],
}).encode()

MALFORMED_RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Broken Desk</title>
<item><title>Tin & tungsten</title><link>https://broken.example/a</link>
<description>Tin prices jumped.</description></item>
<item><title>Another</title><link>https://broken.example/b</link></item>
</channel>
"""


# ---------------------------------------------------------------- resolve_feed_args

def test_url_item_kept_as_url():
    out = resolve_feed_args(["https://orewire.example/feed.xml"])
    assert out == [FeedSource("https://orewire.example/feed.xml", "url")]


def test_blank_items_skipped():
    assert resolve_feed_args(["", "   "]) == []


def test_directory_expands_to_files_sorted_hidden_skipped(tmp_path):
    (tmp_path / "b.xml").write_bytes(RSS)
    (tmp_path / "a.xml").write_bytes(ATOM)
    (tmp_path / ".hidden.xml").write_bytes(RSS)
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.json").write_bytes(JSON_FEED)
    out = resolve_feed_args([str(tmp_path)])
    assert all(s.kind == "file" for s in out)
    names = [Path(s.feed_url).name for s in out]
    assert names == ["a.xml", "b.xml", "c.json"]
    assert all(Path(s.feed_url).is_absolute() for s in out)


def test_single_feed_file(tmp_path):
    f = tmp_path / "one.rss"
    f.write_bytes(RSS)
    assert resolve_feed_args([str(f)]) == [FeedSource(str(f.resolve()), "file")]


def test_opml_nested_outlines_and_relative_paths(tmp_path):
    feeds_dir = tmp_path / "local"
    feeds_dir.mkdir()
    (feeds_dir / "wire.xml").write_bytes(RSS)
    opml = tmp_path / "feeds.opml"   # a list names files under its own directory only
    opml.write_text("""<?xml version="1.0"?>
<opml version="2.0"><head><title>t</title></head><body>
  <outline text="Top">
    <outline text="Group A">
      <outline text="Remote" type="rss" xmlUrl="https://a.example/rss"/>
      <outline text="Local" type="rss" xmlUrl="local/wire.xml"/>
    </outline>
    <outline text="No feed here"/>
  </outline>
  <outline text="Remote 2" type="rss" xmlUrl=" https://b.example/atom "/>
</body></opml>
""", encoding="utf-8")
    out = resolve_feed_args([str(opml)])
    assert out == [
        FeedSource("https://a.example/rss", "url"),
        FeedSource(str((feeds_dir / "wire.xml").resolve()), "file"),
        FeedSource("https://b.example/atom", "url"),
    ]


def test_opml_given_as_relative_path(tmp_path, monkeypatch):
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "wire.xml").write_bytes(RSS)
    (tmp_path / "lists" / "f.opml").write_text(
        '<opml version="2.0"><body><outline xmlUrl="wire.xml"/></body></opml>',
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = resolve_feed_args([os.path.join("lists", "f.opml")])
    assert out == [FeedSource(str((tmp_path / "lists" / "wire.xml").resolve()), "file")]


def test_broken_opml_is_feed_argument_error(tmp_path):
    opml = tmp_path / "bad.opml"
    opml.write_text("<opml><body><outline xmlUrl='x'", encoding="utf-8")
    with pytest.raises(FeedArgumentError):
        resolve_feed_args([str(opml)])


def test_txt_list_comments_blank_lines_relative_paths(tmp_path):
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "local.atom").write_bytes(ATOM)
    lst = tmp_path / "feeds.txt"
    lst.write_text(
        "# minerals feeds\n"
        "\n"
        "https://a.example/rss\n"
        "   # indented comment\n"
        "  feeds/local.atom  \n"
        "\n"
        "https://b.example/feed.json\n",
        encoding="utf-8")
    out = resolve_feed_args([str(lst)])
    assert out == [
        FeedSource("https://a.example/rss", "url"),
        FeedSource(str((tmp_path / "feeds" / "local.atom").resolve()), "file"),
        FeedSource("https://b.example/feed.json", "url"),
    ]


def test_txt_list_including_another_list(tmp_path):
    (tmp_path / "inner.txt").write_text("https://inner.example/rss\n", encoding="utf-8")
    (tmp_path / "outer.txt").write_text("inner.txt\nhttps://outer.example/rss\n",
                                        encoding="utf-8")
    out = resolve_feed_args([str(tmp_path / "outer.txt")])
    assert [s.feed_url for s in out] == ["https://inner.example/rss",
                                        "https://outer.example/rss"]


def test_self_including_list_fails_instead_of_looping(tmp_path):
    (tmp_path / "loop.txt").write_text("loop.txt\n", encoding="utf-8")
    with pytest.raises(FeedArgumentError):
        resolve_feed_args([str(tmp_path / "loop.txt")])


def test_deduplication_keeps_first_occurrence_order(tmp_path):
    f = tmp_path / "wire.xml"
    f.write_bytes(RSS)
    lst = tmp_path / "list.txt"
    lst.write_text("https://a.example/rss\nwire.xml\n", encoding="utf-8")
    out = resolve_feed_args(["https://a.example/rss", str(f), str(lst), str(tmp_path / "wire.xml"),
                             "https://c.example/rss", "https://a.example/rss"])
    assert [s.feed_url for s in out] == ["https://a.example/rss", str(f.resolve()),
                                        "https://c.example/rss"]


def test_missing_path_is_error(tmp_path):
    with pytest.raises(FeedArgumentError, match="not found"):
        resolve_feed_args([str(tmp_path / "nope.xml")])


def test_missing_path_inside_list_is_error(tmp_path):
    lst = tmp_path / "list.txt"
    lst.write_text("missing.xml\n", encoding="utf-8")
    with pytest.raises(FeedArgumentError):
        resolve_feed_args([str(lst)])


@pytest.mark.parametrize("item", ["ftp://files.example/feed.xml", "file:///etc/passwd",
                                  "javascript:alert(1)"])
def test_unsupported_scheme_is_error(item):
    with pytest.raises(FeedArgumentError, match="scheme"):
        resolve_feed_args([item])


def test_url_without_host_is_error():
    with pytest.raises(FeedArgumentError):
        resolve_feed_args(["https:///feed.xml"])


def test_feed_argument_error_is_value_error():
    assert issubclass(FeedArgumentError, ValueError)


# ---------------------------------------------------------------- parse_feed

def test_parse_rss20_with_content_encoded():
    feed = parse_feed(RSS, "https://orewire.example/rss")
    assert feed.title == "Ore Wire Test Desk"
    assert feed.format == "rss20"
    assert feed.bozo_reason is None
    assert len(feed.entries) == 2
    e = feed.entries[0]
    assert e["link"] == "https://orewire.example/news/chile-lithium"
    assert e["title"] == "Chile raises lithium royalty"
    assert e["authors"] == ["Ana Rojas"]
    assert e["published"] == dt.datetime(2025, 6, 3, 8, 30, tzinfo=UTC)
    assert "royalty on lithium exports" in e["content_html"]
    assert "<p>" in e["content_html"]
    assert e["summary_html"] == "Short teaser about lithium."
    second = feed.entries[1]
    assert second["content_html"] == ""
    assert second["published"] is None
    assert second["authors"] == []


def test_parse_atom():
    feed = parse_feed(ATOM, "https://metals.example/atom")
    assert feed.format.startswith("atom")
    assert feed.title == "Critical Metals Atom"
    (e,) = feed.entries
    assert e["link"] == "https://metals.example/gallium-halt"
    assert e["authors"] == ["Li Wei", "Sam Porter"]
    assert e["published"] == dt.datetime(2025, 5, 1, 10, 15, tzinfo=UTC)
    assert "gallium stopped on Monday" in e["content_html"]


def test_parse_json_feed_11():
    feed = parse_feed(JSON_FEED, "https://battery.example/feed.json")
    assert feed.format == "json"
    assert feed.title == "Battery Metals JSON"
    first, second = feed.entries
    assert first["link"] == "https://battery.example/nickel-glut"
    assert first["authors"] == ["Dewi Sari"]
    assert first["published"] == dt.datetime(2025, 4, 2, 9, 0, tzinfo=UTC)
    assert first["content_html"] == "<p>Indonesian nickel output rose again.</p>"
    assert first["summary_html"] == "Nickel output rose."
    # external_url is the fallback link; naive dates are taken as UTC
    assert second["link"] == "https://battery.example/cobalt"
    assert second["published"] == dt.datetime(2025, 4, 3, 9, 0, tzinfo=UTC)
    assert "Line one." in second["content_html"] and "Line two." in second["content_html"]


def test_parse_json_feed_10_single_author():
    doc = {"version": "https://jsonfeed.org/version/1", "title": "Old",
           "items": [{"url": "https://old.example/x", "author": {"name": "Kim Lee"}}]}
    feed = parse_feed(json.dumps(doc).encode(), "x")
    assert feed.entries[0]["authors"] == ["Kim Lee"]


def test_parse_json_feed_with_utf8_bom():
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "BOM",
           "items": [{"url": "https://bom.example/x", "title": "Tin"}]}
    feed = parse_feed(b"\xef\xbb\xbf" + json.dumps(doc).encode(), "x")
    assert feed.format == "json"
    assert feed.entries[0]["link"] == "https://bom.example/x"


def test_malformed_rss_still_yields_entries_with_bozo_reason():
    feed = parse_feed(MALFORMED_RSS, "https://broken.example/rss")
    assert feed.bozo_reason
    assert len(feed.entries) == 2
    assert feed.entries[0]["link"] == "https://broken.example/a"
    assert feed.entries[1]["link"] == "https://broken.example/b"


@pytest.mark.parametrize("data", [
    b"<!DOCTYPE html><html><head><title>Mining news</title></head>"
    b"<body><h1>Welcome</h1><p>Our site has news about copper.</p></body></html>",
    bytes(range(256)) * 8,
    b"\x89PNG\r\n\x1a\n" + b"\x00" * 200,
    b"",
    b'{"not": "a feed"}',
    b"{ this is not json",
])
def test_non_feed_bytes_raise_value_error(data):
    with pytest.raises(ValueError):
        parse_feed(data, "https://x.example/feed")


# ---------------------------------------------------------------- carries_full_text

def _words(n: int) -> str:
    base = ("Copper miners in Zambia raised output again this quarter as new smelting "
            "capacity came online near the border town. ").split()
    return " ".join(base[i % len(base)] for i in range(n))


def test_full_text_long_is_true():
    assert carries_full_text(_words(160) + " The ministry confirmed the figures.")


def test_full_text_short_is_false():
    assert not carries_full_text(_words(60) + ".")


@pytest.mark.parametrize("ending", ["…", " […]", " [...]", "...", " Read more", " Read more »",
                                    " Continue reading →",
                                    " The post Copper rally appeared first on Ore Wire."])
def test_full_text_teaser_endings_are_false(ending):
    assert not carries_full_text(_words(200) + ending)


def test_full_text_threshold():
    assert not carries_full_text(_words(149))
    assert carries_full_text(_words(150))


# ---------------------------------------------------------------- entry_to_item

NOW = dt.datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def _entry(**kw):
    e = {"link": "https://orewire.example/news/a", "title": " Title ", "authors": [],
         "published": dt.datetime(2025, 5, 30, tzinfo=UTC), "summary_html": "",
         "content_html": ""}
    e.update(kw)
    return e


def test_future_published_clamped_to_now():
    item = entry_to_item(_entry(published=NOW + dt.timedelta(days=3)),
                         feed_url="f", feed_title="T", base_url=None, now=NOW)
    assert item["published_at"] == NOW


def test_past_published_kept():
    past = dt.datetime(2025, 5, 30, 7, 0, tzinfo=UTC)
    item = entry_to_item(_entry(published=past), feed_url="f", feed_title="T",
                         base_url=None, now=NOW)
    assert item["published_at"] == past
    assert item["fetched_at"] == NOW


def test_relative_link_resolved_against_base_url():
    item = entry_to_item(_entry(link="/news/2025/cobalt-deal?utm_source=rss"),
                         feed_url="https://orewire.example/rss.xml", feed_title="T",
                         base_url="https://orewire.example/rss.xml", now=NOW)
    assert item["url"] == "https://orewire.example/news/2025/cobalt-deal"
    assert item["article_id"] == article_id(item["url"])


def test_relative_link_without_base_is_bad_url():
    with pytest.raises(BadURL):
        entry_to_item(_entry(link="/news/x"), feed_url="f", feed_title="T",
                      base_url=None, now=NOW)


def test_missing_link_is_bad_url():
    with pytest.raises(BadURL):
        entry_to_item(_entry(link=None), feed_url="f", feed_title="T",
                      base_url="https://x.example/", now=NOW)


def test_authors_stripped_and_blank_dropped():
    item = entry_to_item(_entry(authors=[" Ana Rojas ", "", "  ", "Li Wei"]),
                         feed_url="f", feed_title="T", base_url=None, now=NOW)
    assert item["authors"] == ["Ana Rojas", "Li Wei"]
    assert item["title"] == "Title"


@pytest.mark.parametrize("feed_title", [None, "", "   "])
def test_source_falls_back_to_host(feed_title):
    item = entry_to_item(_entry(link="https://News.Orewire.example/a"), feed_url="f",
                         feed_title=feed_title, base_url=None, now=NOW)
    assert item["source"] == "news.orewire.example"


def test_source_is_feed_title():
    item = entry_to_item(_entry(), feed_url="f", feed_title=" Ore Wire ", base_url=None,
                         now=NOW)
    assert item["source"] == "Ore Wire"


def test_content_text_and_full_text_flag():
    paragraphs = "".join(f"<p>{_words(40)}.</p>" for _ in range(5))
    item = entry_to_item(_entry(content_html=paragraphs, summary_html="<b>Teaser</b>"),
                         feed_url="f", feed_title="T", base_url=None, now=NOW)
    assert item["full_text"] is True
    assert "<p>" not in item["content_text"]
    assert item["content_text"].count("\n\n") == 4
    assert item["summary"] == "Teaser"


def test_summary_used_as_content_when_no_content():
    item = entry_to_item(_entry(summary_html="<p>Copper output fell.</p>"),
                         feed_url="f", feed_title="T", base_url=None, now=NOW)
    assert item["content_text"] == "Copper output fell."
    assert item["full_text"] is False


def test_parsed_rss_entry_to_item_end_to_end():
    feed = parse_feed(RSS, "https://orewire.example/rss")
    item = entry_to_item(feed.entries[0], feed_url="https://orewire.example/rss",
                         feed_title=feed.title, base_url="https://orewire.example/rss", now=NOW)
    assert item["url"] == "https://orewire.example/news/chile-lithium"
    assert item["source"] == "Ore Wire Test Desk"
    assert item["authors"] == ["Ana Rojas"]
    assert item["content_text"] == ("Chile raised the royalty on lithium exports.\n\n"
                                    "Producers objected.")
