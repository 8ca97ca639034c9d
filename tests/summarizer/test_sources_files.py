"""Files and folders as sources: formats, bad input (one clear log line each), new/changed/unchanged."""

from __future__ import annotations

import json
import logging
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from summarizer.article import ArticleError
from summarizer.sources import FileSource, FolderSource, load_article_file, open_source
from tests.summarizer.sources_helpers import FOOTER, NAV, SCRIPT, SEED, SHARED_NEWS, article_page, story

MB = 1024 * 1024


def _roundtrip(state: dict) -> dict:
    """What the caller stores and hands back: the state must survive JSON."""
    return json.loads(json.dumps(state))


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


# -- one file -----------------------------------------------------------------------------------------
def test_seed_text_file_becomes_an_article(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    shutil.copyfile(SEED, path)
    article = load_article_file(path)
    assert article.source == str(path)
    assert article.paragraphs[0].startswith("President Biden is sending a top White House official to Mexico")
    assert "Liz Sherwood-Randall" in article.body


def test_markdown_front_matter_gives_title_author_date_and_markup_is_stripped(tmp_path: Path) -> None:
    s = story("bbc/business-015.txt")
    path = tmp_path / "story.md"
    path.write_text(
        '---\ntitle: "Air passengers win new EU rights"\nauthor: Jane Doe\ndate: 2005-02-17\n---\n\n'
        f"# {s.headline}\n\n**{s.paragraphs[0]}**\n\n{s.paragraphs[1]} [More](http://example.org/more)\n",
        encoding="utf-8",
    )
    article = load_article_file(path)
    assert article.headline == "Air passengers win new EU rights"
    assert article.author == "Jane Doe"
    assert article.published == datetime(2005, 2, 17, tzinfo=UTC)
    assert article.paragraphs[0] == s.paragraphs[0]
    assert "**" not in article.body and "](http" not in article.body and "More" in article.body


def test_html_file_is_extracted_without_site_furniture(tmp_path: Path) -> None:
    s = story("bbc/business-015.txt")
    path = tmp_path / "page.html"
    path.write_text(article_page(s, author="Jane Doe", date="2005-02-17T10:00:00Z"), encoding="utf-8")
    article = load_article_file(path)
    assert article.headline == s.headline
    assert article.author == "Jane Doe"
    assert article.published is not None and article.published.date().isoformat() == "2005-02-17"
    assert list(article.paragraphs) == s.paragraphs
    for furniture in (NAV, FOOTER, SCRIPT, "Most read", "<p>"):
        assert furniture not in article.body


def test_utf8_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    text = SEED.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    article = load_article_file(path)
    assert article.paragraphs[0].startswith("President Biden")
    assert article.id == load_article_file(SEED).id


def test_html_file_may_declare_its_own_charset(tmp_path: Path) -> None:
    s = story("bbc/business-015.txt")
    page = article_page(s).replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    page = page.replace("</article>", "<p>The café owners in Orléans welcomed the ruling.</p></article>")
    path = tmp_path / "latin1.html"
    path.write_bytes(page.encode("latin-1", errors="xmlcharrefreplace"))
    article = load_article_file(path)
    assert "The café owners in Orléans welcomed the ruling." in article.paragraphs


# -- bad files ------------------------------------------------------------------------------------------
def _write_bad(folder: Path, kind: str) -> tuple[Path, str]:
    """A bad file of `kind` and the reason it must be skipped with."""
    if kind == "empty":
        path = folder / "empty.txt"
        path.write_text("  \n\n \t\n", encoding="utf-8")
        return path, "empty file"
    if kind == "binary":
        path = folder / "photo.txt"
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
        return path, "binary file (contains NUL bytes)"
    if kind == "control":
        path = folder / "controls.md"
        path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 40 + b"some words")
        return path, "binary file ("
    if kind == "latin1":
        path = folder / "latin1.txt"
        data = "Headline\n\nThe café was closed.".encode("latin-1")
        path.write_bytes(data)
        return path, f"not UTF-8: byte 0xE9 at offset {data.index(0xE9)} (line 3)"
    if kind == "huge":
        path = folder / "huge.txt"
        with path.open("wb") as f:
            f.write(b"word " * (10 * MB // 5))
        return path, "too large: 10.0 MB > 5 MB"
    if kind == "no-body-html":
        path = folder / "shell.html"
        path.write_text(
            f"<html><head><title>Shell</title></head><body><nav>{NAV}</nav>"
            "<div id='app'></div><script>render()</script></body></html>",
            encoding="utf-8",
        )
        return path, "HTML has no article text"
    raise AssertionError(kind)


BAD_KINDS = ["empty", "binary", "control", "latin1", "huge", "no-body-html"]


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_load_article_file_refuses_bad_input_with_a_clear_reason(tmp_path: Path, kind: str) -> None:
    path, reason = _write_bad(tmp_path, kind)
    with pytest.raises(ArticleError) as info:
        load_article_file(path)
    assert str(info.value).startswith(reason)


def test_folder_skips_each_bad_file_once_with_one_log_line_and_keeps_the_good_ones(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shutil.copyfile(SEED, tmp_path / "seed.txt")
    shutil.copyfile(SHARED_NEWS / "bbc" / "business-015.txt", tmp_path / "bbc.txt")
    expected = dict(_write_bad(tmp_path, kind) for kind in BAD_KINDS)

    caplog.set_level(logging.WARNING)
    batch = FolderSource(tmp_path).poll()

    assert sorted(Path(a.source).name for a in batch.articles) == ["bbc.txt", "seed.txt"]
    assert {s.location for s in batch.skipped} == {str(p.resolve()) for p in expected}
    for skipped in batch.skipped:
        assert skipped.reason.startswith(expected[Path(skipped.location)])
    lines = _warnings(caplog)
    assert len(lines) == len(BAD_KINDS)
    for path, reason in expected.items():
        assert [ln for ln in lines if path.name in ln and reason in ln], (path.name, lines)

    # the next poll does not log the same bad files again, but still lists them as skipped (repeated)
    caplog.clear()
    again = FolderSource(tmp_path).poll(_roundtrip(batch.state))
    assert again.articles == [] and _warnings(caplog) == []
    assert again.skipped == batch.skipped and all(s.repeated for s in again.skipped)

    # a fixed file comes through
    (tmp_path / "latin1.txt").write_text("Headline here\n\nThe café was closed on Monday.", encoding="utf-8")
    fixed = FolderSource(tmp_path).poll(_roundtrip(again.state))
    assert [a.body for a in fixed.articles] == ["The café was closed on Monday."]


# -- folders --------------------------------------------------------------------------------------------
def _copy(rel: str, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHARED_NEWS / rel, dest)
    return dest


def test_folder_is_recursive_and_ignores_hidden_and_foreign_files(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _copy("bbc/business-015.txt", tmp_path / "a.txt")
    _copy("reuters/10078.txt", tmp_path / "wire" / "2024" / "b.md")
    _copy("bbc/business-017.txt", tmp_path / ".hidden.txt")
    _copy("bbc/business-018.txt", tmp_path / ".cache" / "c.txt")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    caplog.set_level(logging.WARNING)

    batch = FolderSource(tmp_path).poll()

    assert sorted(Path(a.source).relative_to(tmp_path.resolve()).as_posix() for a in batch.articles) == [
        "a.txt",
        "wire/2024/b.md",
    ]
    assert batch.skipped == [] and _warnings(caplog) == []


def test_folder_poll_returns_only_new_and_changed_files(tmp_path: Path) -> None:
    a = _copy("bbc/business-015.txt", tmp_path / "a.txt")
    b = _copy("bbc/business-017.txt", tmp_path / "b.txt")
    source = FolderSource(tmp_path)

    first = source.poll()
    assert len(first.articles) == 2

    unchanged = source.poll(_roundtrip(first.state))
    assert unchanged.articles == [] and unchanged.skipped == []

    # touched (new mtime, same bytes): nothing new
    st = a.stat()
    os.utime(a, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    touched = source.poll(_roundtrip(unchanged.state))
    assert touched.articles == []

    # changed content and a new file: exactly those two
    late = "\n\nA late paragraph was added to the story.\n"
    b.write_text(b.read_text(encoding="utf-8") + late, encoding="utf-8")
    _copy("cnn/0154aaedee1b.txt", tmp_path / "sub" / "c.txt")
    changed = source.poll(_roundtrip(touched.state))
    assert sorted(Path(x.source).name for x in changed.articles) == ["b.txt", "c.txt"]
    assert (
        "A late paragraph was added to the story."
        in next(x for x in changed.articles if x.source.endswith("b.txt")).paragraphs
    )

    # a deleted file leaves the state; put back, it is new again
    a.unlink()
    after_delete = source.poll(_roundtrip(changed.state))
    assert after_delete.articles == [] and "a.txt" not in after_delete.state["files"]
    _copy("bbc/business-015.txt", a)
    assert [Path(x.source).name for x in source.poll(_roundtrip(after_delete.state)).articles] == ["a.txt"]


def test_a_missing_folder_is_reported_and_its_state_kept(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    _copy("bbc/business-015.txt", folder / "a.txt")
    source = FolderSource(folder)
    state = source.poll().state
    shutil.rmtree(folder)
    batch = source.poll(state)
    assert batch.articles == [] and [s.reason for s in batch.skipped] == ["folder not found"]
    assert batch.state == state


def test_the_shared_news_corpus_reads_without_a_skip() -> None:
    batch = FolderSource(SHARED_NEWS).poll()
    files = [p for p in SHARED_NEWS.rglob("*.txt") if not p.name.startswith(".")]
    assert batch.skipped == []
    assert len(batch.articles) == len(files) > 600
    assert all(a.body and a.headline for a in batch.articles)


# -- open_source -------------------------------------------------------------------------------------
def test_open_source_picks_folder_file_or_url_and_refuses_the_rest(tmp_path: Path) -> None:
    seed = tmp_path / "seed.txt"
    shutil.copyfile(SEED, seed)
    folder_source = open_source(str(tmp_path))
    assert isinstance(folder_source, FolderSource) and folder_source.key == str(tmp_path.resolve())
    file_source = open_source(str(seed))
    assert isinstance(file_source, FileSource)
    first = file_source.poll()
    assert [a.source for a in first.articles] == [str(seed.resolve())]
    assert file_source.poll(_roundtrip(first.state)).articles == []
    assert open_source("https://example.org/feed.xml").key == "https://example.org/feed.xml"

    with pytest.raises(FileNotFoundError, match="no such folder or file"):
        open_source(str(tmp_path / "missing"))
    with pytest.raises(ValueError, match="unsupported URL scheme 'ftp'"):
        open_source("ftp://example.org/news")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(ValueError, match=r"unsupported file type '\.pdf'"):
        open_source(str(tmp_path / "report.pdf"))
