"""`briefbot ingest` analyses in worker processes: the same stories and analyses as one process, a story
whose analysis fails in a worker is logged and skipped, and stopping drops what is not analysed yet."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from bot.analysis_pool import AnalysisPool
from bot.ingest import BATCH, MIN_POOLED, ingest_specs, make_analyser
from bot.store import open_database
from bot.store.models import StoredArticle
from summarizer.analysis import Analysis
from summarizer.article import Article
from summarizer.pipeline import analyse_article
from tests.bot.cli_support import briefbot
from tests.conftest import SHARED_DATA
from tests.summarizer.test_language import GERMAN

NEWS = SHARED_DATA / "news"
pytestmark = pytest.mark.skipif(not NEWS.is_dir(), reason="shared/data/news is missing")


def fails_on_exports(article: Article) -> Analysis:
    """The pipeline's analysis, except for a story about exports (a module function: workers import it)."""
    if "export" in article.body.lower():
        raise ValueError("analysis broke")
    return analyse_article(article)


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for path in sorted((NEWS / "reuters").glob("*.txt"))[:n]:
        shutil.copy(path, folder / path.name)
    return folder


def _analyses(url: str) -> dict[str, str]:
    with open_database(url).session() as s:
        return {row.id: row.analysis for row in s.query(StoredArticle)}


def test_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    folder = _folder(tmp_path, MIN_POOLED + 4)
    urls = [f"sqlite:///{tmp_path / name}" for name in ("one.sqlite3", "pool.sqlite3")]
    alone = ingest_specs(open_database(urls[0]), [str(folder)], make_analyser())
    with AnalysisPool(make_analyser(), 2) as pool:
        pooled = ingest_specs(open_database(urls[1]), [str(folder)], make_analyser(), pool=pool)
    assert len(alone.new) == len(pooled.new) == MIN_POOLED + 4
    assert alone.new == pooled.new  # in file order
    assert _analyses(urls[0]) == _analyses(urls[1])


def test_a_story_failing_in_a_worker_is_logged_and_the_rest_stored(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path, MIN_POOLED + 4)
    exports = [p.name for p in folder.iterdir() if "export" in p.read_text(errors="replace").lower()]
    assert 0 < len(exports) < MIN_POOLED + 4
    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    with caplog.at_level(logging.ERROR), AnalysisPool(fails_on_exports, 2) as pool:
        report = ingest_specs(db, [str(folder)], fails_on_exports, pool=pool)
    assert report.failed == len(exports)
    assert len(report.new) == MIN_POOLED + 4 - len(exports)
    logged = [r.getMessage() for r in caplog.records if "analysis failed" in r.getMessage()]
    assert len(logged) == len(exports)
    assert all("ValueError: analysis broke" in line for line in logged)  # the worker's traceback
    assert {line.split("\n")[0].rsplit("/", 1)[-1] for line in logged} == set(exports)


def test_stopping_drops_what_the_workers_have_not_analysed(tmp_path: Path) -> None:
    folder = _folder(tmp_path, BATCH + MIN_POOLED)
    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    asked = 0

    def stop_after_ten() -> bool:
        nonlocal asked
        asked += 1
        return asked > 1 + BATCH + 10  # asked once for the folder, once per article, then per analysis

    with AnalysisPool(make_analyser(), 2) as pool:
        report = ingest_specs(db, [str(folder)], make_analyser(), should_stop=stop_after_ten, pool=pool)
    assert report.stopped
    assert len(report.new) == 10  # what was analysed is stored; the rest waits for the next run
    again = ingest_specs(db, [str(folder)], make_analyser())
    assert len(again.new) == BATCH + MIN_POOLED - 10


def test_cli_ingest_with_workers_and_a_bad_worker_count(tmp_path: Path) -> None:
    folder = _folder(tmp_path, MIN_POOLED + 2)
    (folder / "klima.txt").write_text(GERMAN, encoding="utf-8")
    r = briefbot("ingest", "--workers", "2", str(folder), tmp=tmp_path, timeout=300)
    assert r.returncode == 0, r.stderr
    assert f"Ingested: {MIN_POOLED + 3} new, 0 already stored, 0 skipped." in r.stdout
    # a worker logs as the command does: the German story is summarized only, and says so
    assert "German article: summary only" in r.stderr, r.stderr
    bad = briefbot("ingest", "--workers", "0", str(folder), tmp=tmp_path)
    assert bad.returncode == 2
    assert "--workers" in bad.stderr and "at least 1" in bad.stderr
