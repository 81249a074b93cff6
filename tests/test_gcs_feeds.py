"""--feeds with gs:// paths: lists and folders read through Beam's FileSystems.

Beam's GCS file system needs Google Cloud, so FileSystems is replaced here by an
in-memory stand-in with the same three calls (match, exists, open)."""
from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from apache_beam.io.filesystems import FileSystems

from orewire.feeds import FeedArgumentError, FeedSource, resolve_feed_args

OPML = b"""<?xml version="1.0"?><opml version="2.0"><body>
<outline text="Mining" xmlUrl="https://www.mining.example/feed/"/>
<outline text="Ours" xmlUrl="more/ours.xml"/>
</body></opml>"""


@pytest.fixture
def gcs(monkeypatch):
    files = {"gs://b/feeds/list.opml": OPML,
             "gs://b/feeds/list.txt": b"# a comment\nhttps://a.example/rss\n\ngs://b/x.xml\n",
             "gs://b/feeds/more/ours.xml": b"<rss/>",
             "gs://b/dir/one.xml": b"<rss/>", "gs://b/dir/two.atom": b"<feed/>"}
    monkeypatch.setattr(FileSystems, "exists", staticmethod(lambda path: path in files))
    monkeypatch.setattr(FileSystems, "open", staticmethod(
        lambda path, **kw: io.BytesIO(files[path])))

    def match(patterns):
        prefix = patterns[0].rstrip("*")
        return [SimpleNamespace(metadata_list=[SimpleNamespace(path=p) for p in files
                                               if p.startswith(prefix)])]
    monkeypatch.setattr(FileSystems, "match", staticmethod(match))
    return files


def test_gs_opml_list_resolves_relative_entries(gcs):
    assert resolve_feed_args(["gs://b/feeds/list.opml"]) == [
        FeedSource("https://www.mining.example/feed/", "url"),
        FeedSource("gs://b/feeds/more/ours.xml", "file")]


def test_gs_text_list_folder_and_file(gcs):
    gcs["gs://b/x.xml"] = b"<rss/>"
    assert resolve_feed_args(["gs://b/feeds/list.txt", "gs://b/dir/",
                              "gs://b/dir/one.xml"]) == [
        FeedSource("https://a.example/rss", "url"), FeedSource("gs://b/x.xml", "file"),
        FeedSource("gs://b/dir/one.xml", "file"), FeedSource("gs://b/dir/two.atom", "file")]


def test_missing_gs_path_is_a_usage_error(gcs):
    with pytest.raises(FeedArgumentError, match="not found: gs://b/nope.opml"):
        resolve_feed_args(["gs://b/nope.opml"])


def test_gs_feed_file_is_read_by_the_workers_through_filesystems(gcs):
    from orewire.transforms.read_feeds import _open_feed_file
    with _open_feed_file("gs://b/dir/one.xml") as fh:
        assert fh.read() == b"<rss/>"
