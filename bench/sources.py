"""Throughput of the sources on the shared news corpus: folder polls, HTML extraction, feed polls.

    .venv/bin/python bench/sources.py [--entries 200] [--repeat 3]

Prints, best of --repeat runs: a first and an unchanged poll of ../shared/data/news (every file), HTML
extraction of every news story wrapped as a web page, and a poll of a local RSS feed (127.0.0.1) whose
entries carry full content, then one whose entries are teasers so every page is fetched.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer.sources import FeedSource, FetchPolicy, FolderSource
from summarizer.sources.htmltext import extract_html
from tests.httpserver import LocalHTTPServer, Reply
from tests.summarizer.sources_helpers import SHARED_NEWS, article_page, entry_html, rss, story


def best(repeat: int, fn: Callable[[], object]) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    logging.basicConfig(level=logging.ERROR)

    folder = FolderSource(SHARED_NEWS)
    secs, batch = best(args.repeat, folder.poll)
    n = len(batch.articles)
    print(
        f"folder, first poll      {n:5d} files  {secs:7.3f} s  {n / secs:8.0f} files/s  "
        f"({len(batch.skipped)} skipped)"
    )
    secs, again = best(args.repeat, lambda: folder.poll(batch.state))
    print(f"folder, unchanged poll  {n:5d} files  {secs:7.3f} s  {len(again.articles)} returned")

    rels = sorted(p.relative_to(SHARED_NEWS).as_posix() for p in SHARED_NEWS.glob("[br]*/*.txt"))
    stories = [story(rel) for rel in rels]
    pages = [article_page(s, author="Jane Doe", date="2024-03-01T09:00:00Z") for s in stories]
    secs, _ = best(args.repeat, lambda: [extract_html(p, source="bench") for p in pages])
    print(f"HTML extraction         {len(pages):5d} pages  {secs:7.3f} s  {len(pages) / secs:8.0f} pages/s")

    count = min(args.entries, len(stories))
    with LocalHTTPServer() as server:
        full = [
            {
                "title": s.headline,
                "link": server.url(f"/p/{i}"),
                "guid": f"urn:b:{i}",
                "content": entry_html(s),
            }
            for i, s in enumerate(stories[:count])
        ]
        teasers = [
            {
                "title": s.headline,
                "link": server.url(f"/p/{i}"),
                "guid": f"urn:b:{i}",
                "description": s.teaser,
            }
            for i, s in enumerate(stories[:count])
        ]
        server.route("/full.xml", Reply(body=rss(full), content_type="application/rss+xml"))
        server.route("/teasers.xml", Reply(body=rss(teasers), content_type="application/rss+xml"))
        for i, page in enumerate(pages[:count]):
            server.route(f"/p/{i}", Reply(body=page, content_type="text/html"))
        for name in ("full", "teasers"):
            source = FeedSource(
                server.url(f"/{name}.xml"),
                timeout=5,
                poll_timeout=600,
                policy=FetchPolicy.allowing("127.0.0.1/32"),
            )  # the local "site"
            secs, fb = best(args.repeat, source.poll)
            got = len(fb.articles)
            print(f"feed, {name:<8} entries {got:5d} items  {secs:7.3f} s  {got / secs:8.0f} entries/s")


if __name__ == "__main__":
    main()
