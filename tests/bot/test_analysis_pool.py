"""`briefbot ingest`, and the bot's polls that bring many stories, analyse in worker processes: the same
stories and analyses as one process, a story whose analysis fails in a worker is logged and skipped,
stopping drops what is not analysed yet, and no worker outlives the process that started it."""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bot.analysis_pool import AnalysisPool
from bot.app import ingest_configured
from bot.ingest import BATCH, MIN_POOLED, ingest_specs, make_analyser, reanalyse_stale
from bot.settings import load_settings
from bot.store import open_database
from bot.store.models import StoredArticle
from summarizer.analysis import ANALYSIS_VERSION, Analysis
from summarizer.article import Article, parse_text
from summarizer.pipeline import analyse_article
from tests.bot.cli_support import briefbot
from tests.conftest import REPO, SHARED_DATA
from tests.summarizer.test_language import GERMAN

NEWS = SHARED_DATA / "news"
pytestmark = pytest.mark.skipif(not NEWS.is_dir(), reason="shared/data/news is missing")


def fails_on_exports(article: Article) -> Analysis:
    """The pipeline's analysis, except for a story about exports (a module function: workers import it)."""
    if "export" in article.body.lower():
        raise ValueError("analysis broke")
    return analyse_article(article)


def dies_in_a_worker_on_exports(article: Article) -> Analysis:
    """A worker process killed on a story about exports (as the system kills one short of memory); the
    same story analysed in the main process is fine."""
    if multiprocessing.parent_process() is not None and "export" in article.body.lower():
        os._exit(1)
    return analyse_article(article)


def takes_a_minute(article: Article) -> Analysis:
    time.sleep(60)
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


def test_a_worker_that_dies_loses_no_story(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = _folder(tmp_path, MIN_POOLED + 4)
    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    with caplog.at_level(logging.ERROR), AnalysisPool(dies_in_a_worker_on_exports, 2) as pool:
        report = ingest_specs(db, [str(folder)], dies_in_a_worker_on_exports, pool=pool)
    assert len(report.new) == MIN_POOLED + 4 and report.failed == 0
    assert _analyses(f"sqlite:///{tmp_path / 'b.sqlite3'}") == _analyses(_one_process(tmp_path, folder))
    assert any("an analysis worker died" in r.getMessage() for r in caplog.records)


def _one_process(tmp_path: Path, folder: Path) -> str:
    url = f"sqlite:///{tmp_path / 'one.sqlite3'}"
    ingest_specs(open_database(url), [str(folder)], make_analyser())
    return url


def test_ctrl_c_reaching_the_workers_leaves_the_parent_to_decide() -> None:
    articles = [parse_text(f"Talks in Geneva\n\nThe ministers met in Geneva on day {i}.") for i in range(3)]
    with AnalysisPool(make_analyser(), 2, use_model=False) as pool:
        assert len(list(pool.map(articles[:1]))) == 1
        for child in multiprocessing.active_children():
            os.kill(child.pid, signal.SIGINT)  # what a terminal sends the whole process group
        time.sleep(0.5)
        results = list(pool.map(articles))
    assert all(isinstance(r, Analysis) for r in results), results


def test_closing_while_stopping_ends_busy_workers_at_once() -> None:
    pool = AnalysisPool(takes_a_minute, 2, use_model=False)
    results = pool.map([parse_text(f"Talks\n\nThe ministers met on day {i}.") for i in range(4)])
    outcome: list[object] = []

    def wait_for_the_first() -> None:  # as the ingest thread does
        try:
            outcome.append(next(results))
        except Exception as exc:
            outcome.append(exc)

    waiting = threading.Thread(target=wait_for_the_first)
    waiting.start()
    workers: list[multiprocessing.Process] = []
    deadline = time.monotonic() + 30
    while len(workers) < 2 and time.monotonic() < deadline:  # both busy with their first article
        time.sleep(0.2)
        workers = multiprocessing.active_children()
    assert len(workers) == 2
    pids = [w.pid for w in workers if w.pid is not None]
    t0 = time.monotonic()
    pool.close(wait=False)
    waiting.join(10)
    while any(_running(p) for p in pids) and time.monotonic() - t0 < 10:
        time.sleep(0.1)
    assert not [p for p in pids if _running(p)]
    assert time.monotonic() - t0 < 10  # not the minute their articles take
    assert outcome and not isinstance(outcome[0], Analysis)  # the caller is told, not left waiting


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


def test_the_bots_poll_of_a_big_folder_analyses_in_workers_as_one_process_would(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path, MIN_POOLED + 4)
    stored: dict[int, dict[str, str]] = {}
    for workers in (1, 2):
        url = f"sqlite:///{tmp_path / f'w{workers}.sqlite3'}"
        settings = load_settings({}, database_url=url, sources=(str(folder),), analysis_workers=workers)
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="bot.analysis_pool"):
            assert len(ingest_configured(open_database(url), settings).new) == MIN_POOLED + 4
        started = [r for r in caplog.records if "worker processes" in r.getMessage()]
        assert len(started) == (workers > 1)
        stored[workers] = _analyses(url)
    assert stored[1] == stored[2]


def _stale_store(tmp_path: Path, n: int) -> tuple[str, dict[str, str]]:
    """A store of `n` stories as an older version left them, and the analyses this version gives."""
    url = f"sqlite:///{tmp_path / 'stale.sqlite3'}"
    ingest_specs(open_database(url), [str(_folder(tmp_path, n))], make_analyser())
    fresh = _analyses(url)
    with open_database(url).session() as s:
        for row in s.query(StoredArticle):
            row.analysis = Analysis(summary=("old summary",), version=ANALYSIS_VERSION - 1).to_json()
            row.analysis_version = ANALYSIS_VERSION - 1
    return url, fresh


def test_stories_stored_by_an_older_version_are_reanalysed_in_workers(tmp_path: Path) -> None:
    url, fresh = _stale_store(tmp_path, MIN_POOLED + 2)
    with AnalysisPool(make_analyser(), 2) as pool:
        assert reanalyse_stale(open_database(url), make_analyser(), pool=pool) == MIN_POOLED + 2
        assert pool.started
    assert _analyses(url) == fresh


def test_a_story_failing_reanalysis_in_a_worker_keeps_its_old_summary(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url, fresh = _stale_store(tmp_path, MIN_POOLED + 2)
    with caplog.at_level(logging.ERROR), AnalysisPool(fails_on_exports, 2) as pool:
        assert reanalyse_stale(open_database(url), fails_on_exports, pool=pool) == MIN_POOLED + 2
    with open_database(url).session() as s:
        rows = list(s.query(StoredArticle))
    kept = [r for r in rows if "export" in r.body.lower()]
    assert 0 < len(kept) < len(rows)
    assert all(r.analysis_version == ANALYSIS_VERSION for r in rows)  # not tried again on every poll
    assert all(r.analysis["summary"] == ["old summary"] for r in kept)
    assert all(r.analysis == fresh[r.id] for r in rows if r not in kept)
    failures = [r.getMessage() for r in caplog.records if "re-analysis failed" in r.getMessage()]
    assert len(failures) == len(kept) and all("ValueError: analysis broke" in f for f in failures)


def test_stopping_a_reanalysis_leaves_the_rest_for_the_next_poll(tmp_path: Path) -> None:
    url, fresh = _stale_store(tmp_path, MIN_POOLED + 2)
    asked = 0

    def stop_after_three() -> bool:
        nonlocal asked
        asked += 1
        return asked > 4  # once before the batch, then once per story

    db = open_database(url)
    assert reanalyse_stale(db, make_analyser(), should_stop=stop_after_three) == 3
    assert reanalyse_stale(db, make_analyser()) == MIN_POOLED + 2 - 3
    assert _analyses(url) == fresh


_ABANDONING_PARENT = """
import multiprocessing, os, sys
from bot.analysis_pool import AnalysisPool
from bot.ingest import make_analyser
from summarizer.article import parse_text

pool = AnalysisPool(make_analyser(), 2, use_model=False)
list(pool.map([parse_text("Talks in Geneva\\n\\nThe ministers met in Geneva on Monday.")]))
with open(sys.argv[1], "w") as out:
    out.write(" ".join(str(p.pid) for p in multiprocessing.active_children()))
os._exit(0)  # as the bot exits when a thread is stuck: the pool is never closed
"""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_workers_end_when_the_process_that_started_them_exits_without_closing_the_pool(
    tmp_path: Path,
) -> None:
    # output to files: a worker left behind would hold a pipe open, and the run would wait for it
    pid_file, errors = tmp_path / "pids", tmp_path / "stderr"
    with errors.open("w") as err:
        done = subprocess.run(
            [sys.executable, "-c", _ABANDONING_PARENT, str(pid_file)],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=err,
            timeout=120,
        )
    assert done.returncode == 0, errors.read_text()
    pids = [int(p) for p in pid_file.read_text().split()]
    assert pids, "the pool started no worker"
    deadline = time.monotonic() + 15
    while any(_running(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    alive = [p for p in pids if _running(p)]
    for pid in alive:  # do not leave them behind on a failure either
        os.kill(pid, 9)
    assert not alive, f"workers still running after their parent exited: {alive}"
