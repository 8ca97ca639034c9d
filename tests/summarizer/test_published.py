from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from summarizer.article import parse_text
from summarizer.published import dateline_date, with_publication_time
from summarizer.sources import FolderSource
from tests.conftest import SHARED_DATA

DEC_1 = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def test_a_dateline_without_a_year_is_the_latest_such_date_not_after_the_reference() -> None:
    assert dateline_date("NEW YORK, March 26", DEC_1) == datetime(2026, 3, 26, tzinfo=UTC)
    assert dateline_date("BELGRADE, Dec 19", DEC_1) == datetime(2025, 12, 19, tzinfo=UTC)
    assert dateline_date("Feb 29", DEC_1) == datetime(2024, 2, 29, tzinfo=UTC)
    assert dateline_date("BEVERLY HILLS, Calif., April 1 - Cardis Corp said", DEC_1) == datetime(
        2026, 4, 1, tzinfo=UTC
    )
    assert dateline_date("NEW YORK, MARCH 9 - Ford Motor Co's stock rose", DEC_1) == datetime(
        2026, 3, 9, tzinfo=UTC
    )


def test_a_dateline_with_a_year_is_taken_as_it_stands_and_other_openings_give_nothing() -> None:
    assert dateline_date("March 10, 2015 . We're truly international", DEC_1) == datetime(
        2015, 3, 10, tzinfo=UTC
    )
    assert dateline_date("(CNN)On October 24, 1944, U.S. warplanes swarmed", DEC_1) is None
    assert dateline_date("London (CNN)", DEC_1) is None
    assert dateline_date("The European Community (EC) and Soviet-led Comecon", DEC_1) is None
    assert dateline_date(None, DEC_1) is None


def test_the_source_date_wins_then_the_dateline_then_the_file_time() -> None:
    text = (SHARED_DATA / "news/reuters/7643.txt").read_text()
    own = datetime(1987, 3, 20, 14, 0, tzinfo=UTC)
    assert with_publication_time(parse_text(text, published=own), file_mtime=DEC_1).published == own
    dated = with_publication_time(parse_text(text), file_mtime=DEC_1)
    assert dated.published == datetime(2026, 3, 20, tzinfo=UTC)  # "GENEVA, March 20 -"
    bbc = parse_text((SHARED_DATA / "news/bbc/politics-267.txt").read_text())
    assert with_publication_time(bbc, file_mtime=DEC_1).published == DEC_1
    assert with_publication_time(bbc).published is None  # the ingest time stands in


def test_a_folder_dates_its_stories_by_dateline_else_by_modification_time(tmp_path: Path) -> None:
    for name in ("reuters/7643.txt", "bbc/politics-267.txt"):
        shutil.copy(SHARED_DATA / "news" / name, tmp_path / name.replace("/", "-"))
    mtime = datetime(2026, 11, 30, 7, 0, tzinfo=UTC).timestamp()
    os.utime(tmp_path / "bbc-politics-267.txt", (mtime, mtime))
    os.utime(tmp_path / "reuters-7643.txt", (mtime, mtime))
    by_file = {Path(a.source).name: a.published for a in FolderSource(tmp_path).poll().articles}
    assert by_file["reuters-7643.txt"] == datetime(2026, 3, 20, tzinfo=UTC)
    assert by_file["bbc-politics-267.txt"] == datetime(2026, 11, 30, 7, 0, tzinfo=UTC)
