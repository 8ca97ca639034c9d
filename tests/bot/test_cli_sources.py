"""`briefbot sources import/export`: an operator's OPML list in and out of a chat's own sources, all or
nothing, with a clear error for a file that is not OPML."""

from __future__ import annotations

from pathlib import Path

from bot.commands import ChatContext, Commands
from bot.opml import read_opml
from bot.render.text import render_text
from bot.settings import load_settings
from bot.store import open_database
from tests.bot.cli_support import briefbot

CHAT = "telegram:-1001234567890"
OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="World">
      <outline type="rss" text="BBC World" title="BBC World" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/>
      <outline type="rss" text="Reuters &amp; Co" xmlUrl="HTTPS://Example.ORG:443/reuters.xml#latest"/>
    </outline>
    <outline type="rss" text="Local" title="Local paper" xmlUrl="http://news.example.net/feed?section=city"/>
    <outline text="A bookmark, not a feed" htmlUrl="https://example.com/"/>
  </body>
</opml>
"""
WANTED = {
    "https://feeds.bbci.co.uk/news/world/rss.xml": "BBC World",
    "https://example.org/reuters.xml": "Reuters & Co",
    "http://news.example.net/feed?section=city": "Local paper",
}


def exported(tmp_path: Path, chat: str = CHAT) -> dict[str, str]:
    out = briefbot("sources", "export", "--chat", chat, tmp=tmp_path)
    assert out.returncode == 0, out.stderr
    return {f.url: f.title for f in read_opml(out.stdout.encode()).feeds} if "xmlUrl" in out.stdout else {}


def test_import_then_export_gives_the_same_feeds(tmp_path: Path) -> None:
    source = tmp_path / "feeds.opml"
    source.write_text(OPML, encoding="utf-8")
    done = briefbot("sources", "import", str(source), "--chat", CHAT, tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Imported into {CHAT}: 3 new, 0 already there, 0 left out."
    assert exported(tmp_path) == WANTED
    target = tmp_path / "out.opml"
    written = briefbot("sources", "export", "--chat", CHAT, str(target), tmp=tmp_path)
    assert written.returncode == 0 and "Exported 3 sources" in written.stderr
    assert {f.url: f.title for f in read_opml(target.read_bytes()).feeds} == WANTED
    again = briefbot("sources", "import", str(target), "--chat", CHAT, tmp=tmp_path)  # the export reads back
    assert again.stdout.strip() == f"Imported into {CHAT}: 0 new, 3 already there, 0 left out."
    assert exported(tmp_path, "telegram:42") == {}  # another chat has none of them
    # the chat sees them in /sources (not fetched yet: the next poll does)
    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    try:
        listed = render_text(
            Commands(db, load_settings({})).handle("/sources", ChatContext("telegram", CHAT[9:]))
        )
    finally:
        db.dispose()
    assert "3 of at most 20" in listed and "Local paper" in listed and "not fetched yet" in listed


def test_a_malformed_file_gives_a_clear_error_and_imports_nothing(tmp_path: Path) -> None:
    cases = {
        "truncated.opml": (OPML[:400], "not well-formed XML (line 9, column 5)"),
        "laughs.opml": (
            '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            '<opml version="2.0"><body><outline text="&b;" xmlUrl="https://example.org/x.xml"/></body></opml>',
            "refused: the file declares a DTD, entities or external references",
        ),
        "feed.opml": ("<rss version='2.0'><channel/></rss>", "not an OPML file: the root element is <rss>"),
        "empty.opml": ("<opml version='2.0'><body/></opml>", "no feeds in the file"),
    }
    for name, (text, reason) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        out = briefbot("sources", "import", str(path), "--chat", CHAT, tmp=tmp_path)
        assert out.returncode == 2, name
        assert out.stderr.strip().startswith(f"briefbot sources import: {path}: {reason}"), out.stderr
        assert out.stderr.strip().endswith("nothing imported"), name
    assert exported(tmp_path) == {}


def test_unusable_outlines_are_listed_and_a_list_past_the_cap_imports_nothing(tmp_path: Path) -> None:
    path = tmp_path / "feeds.opml"
    path.write_text(OPML.replace("http://news.example.net", "ftp://news.example.net"), encoding="utf-8")
    out = briefbot("sources", "import", str(path), "--chat", CHAT, tmp=tmp_path)
    assert out.returncode == 1  # done, but some input could not be used: listed
    assert "2 new, 0 already there, 1 left out" in out.stdout
    assert "left out ftp://news.example.net/feed?section=city: not an http(s) URL" in out.stdout
    path.write_text(OPML, encoding="utf-8")
    full = briefbot(
        "sources",
        "import",
        str(path),
        "--chat",
        "slack:C0NEWS",
        tmp=tmp_path,
        env={"BRIEFBOT_CHAT_SOURCES_MAX": "2"},
    )
    assert full.returncode == 2
    assert (
        "3 new feeds would give the chat 3 sources, more than chat_sources_max (2); nothing imported"
        in full.stderr
    )
    assert exported(tmp_path, "slack:C0NEWS") == {}
    bad = briefbot("sources", "export", "--chat", "C0NEWS", tmp=tmp_path)
    assert bad.returncode == 2 and "is not PLATFORM:ID" in bad.stderr
