"""RSS and Atom feeds served from 127.0.0.1: conditional GET, dedupe, teasers, failures."""

from __future__ import annotations

import json
import logging
import re
import time
from datetime import UTC, datetime

import pytest

from summarizer.sources import FeedSource, FetchPolicy, open_source
from tests.httpserver import LocalHTTPServer, Reply, Request
from tests.summarizer.sources_helpers import FOOTER, NAV, SCRIPT, article_page, atom, entry_html, rss, story

RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml"
HTML_TAG = re.compile(r"</?(?:p|em|b|a|img|figure|figcaption|script|div|br)\b[^>]*>", re.IGNORECASE)
# The test server plays a public news site here: its pages may be fetched from feed entries.
LOCAL_SITE = FetchPolicy.allowing("127.0.0.1/32")
STORIES = ["bbc/business-015.txt", "reuters/10078.txt", "bbc/business-017.txt", "bbc/business-018.txt"]


def _item(rel: str, server: LocalHTTPServer, n: int, **extra: str) -> dict[str, str]:
    s = story(rel)
    item = {
        "title": s.headline,
        "link": server.url(f"/story/{n}"),
        "guid": f"urn:example:{n}",
        "pubDate": f"Mon, 0{n + 1} Apr 2024 08:30:00 GMT",
        "author": "Jane Doe",
    }
    item.update(extra)
    return item


def _full_item(rel: str, server: LocalHTTPServer, n: int) -> dict[str, str]:
    return _item(rel, server, n, content=entry_html(story(rel)), description=story(rel).teaser)


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_rss_entries_become_clean_articles_with_their_metadata(http_server: LocalHTTPServer) -> None:
    items = [_full_item(rel, http_server, n) for n, rel in enumerate(STORIES[:3])]
    http_server.route("/feed.xml", Reply(body=rss(items), content_type=RSS_TYPE))

    batch = FeedSource(http_server.url("/feed.xml"), timeout=2, policy=LOCAL_SITE).poll()

    assert batch.skipped == []
    assert [a.headline for a in batch.articles] == [
        "Air passengers win new EU rights",
        # a wire headline in capitals is shown in headline case, without the tickers
        "BP Does Not Plan to Hike Standard Bid",
        story(STORIES[2]).headline,
    ]
    first = batch.articles[0]
    assert list(first.paragraphs) == story(STORIES[0]).paragraphs
    assert first.url == http_server.url("/story/0")
    assert first.source == http_server.url("/feed.xml")
    assert first.author == "Jane Doe"
    assert first.published == datetime(2024, 4, 1, 8, 30, tzinfo=UTC)
    for article in batch.articles:
        assert not HTML_TAG.search(article.body), article.body
        assert "&amp;" not in article.body and "&lt;" not in article.body
        assert SCRIPT not in article.body and "Photo caption" not in article.body
    # escaped text in the entry is text: the Reuters tickers "<RD> <SC>" survive, decoded
    wire = story(STORIES[1])
    assert batch.articles[1].dateline == "NEW YORK, March 26"
    assert list(batch.articles[1].paragraphs[1:]) == wire.paragraphs[1:]
    assert "Royal Dutch/Shell Group <RD> <SC>" in batch.articles[1].body
    # nothing but the feed was fetched: every entry carried its full content
    assert [r.path for r in http_server.requests] == ["/feed.xml"]
    assert http_server.requests[0].headers["user-agent"].startswith("briefbot/")


def test_atom_entries_with_html_content(http_server: LocalHTTPServer) -> None:
    s = story(STORIES[0])
    entries = [
        {
            "id": "tag:example.org,2024:1",
            "title": s.headline,
            "link": http_server.url("/a/1"),
            "author": "Sam Reporter",
            "updated": "2024-03-02T10:15:00Z",
            "content": entry_html(s),
        },
    ]
    http_server.route("/atom", Reply(body=atom(entries), content_type=ATOM_TYPE))

    batch = open_source(http_server.url("/atom"), timeout=2).poll()

    [article] = batch.articles
    assert article.headline == s.headline and article.author == "Sam Reporter"
    assert article.published == datetime(2024, 3, 2, 10, 15, tzinfo=UTC)
    assert list(article.paragraphs) == s.paragraphs
    assert article.url == http_server.url("/a/1")


def test_etag_and_last_modified_make_the_next_poll_conditional(http_server: LocalHTTPServer) -> None:
    body = rss([_full_item(STORIES[0], http_server, 0)])
    etag, modified = '"v1-abc"', "Mon, 01 Apr 2024 08:30:00 GMT"

    def feed(req: Request) -> Reply:
        if req.headers.get("if-none-match") == etag:
            return Reply(304)
        return Reply(body=body, content_type=RSS_TYPE, headers={"ETag": etag, "Last-Modified": modified})

    http_server.route("/feed.xml", feed)
    source = FeedSource(http_server.url("/feed.xml"), timeout=2, policy=LOCAL_SITE)

    first = source.poll()
    assert len(first.articles) == 1
    assert first.state["etag"] == etag and first.state["last_modified"] == modified

    state = json.loads(json.dumps(first.state))
    second = source.poll(state)
    assert second.articles == [] and second.skipped == []
    assert second.state == state
    conditional = http_server.requests_to("/feed.xml")[1]
    assert conditional.headers["if-none-match"] == etag
    assert conditional.headers["if-modified-since"] == modified


def test_entries_already_seen_are_not_returned_again(http_server: LocalHTTPServer) -> None:
    items = [_full_item(rel, http_server, n) for n, rel in enumerate(STORIES)]
    # no validators: the server sends the whole feed each time, one more entry at the top the second time
    http_server.route(
        "/feed.xml",
        [
            Reply(body=rss(items[1:]), content_type=RSS_TYPE),
            Reply(body=rss(items), content_type=RSS_TYPE),
        ],
    )
    source = FeedSource(http_server.url("/feed.xml"), timeout=2, seen_limit=3, policy=LOCAL_SITE)

    first = source.poll()
    assert len(first.articles) == 3
    second = source.poll(json.loads(json.dumps(first.state)))
    assert [a.url for a in second.articles] == [http_server.url("/story/0")]
    third = source.poll(json.loads(json.dumps(second.state)))
    assert third.articles == []
    # the remembered set is bounded, yet never shorter than twice the feed
    assert len(third.state["seen"]) == 4 <= max(3, 2 * len(items))


def test_a_teaser_entry_is_completed_from_its_page(
    http_server: LocalHTTPServer, caplog: pytest.LogCaptureFixture
) -> None:
    s = story(STORIES[0])
    teaser_html = f"<p>{s.teaser}</p> <a href='#'>Read more</a>"
    http_server.route(
        "/feed.xml",
        Reply(body=rss([_item(STORIES[0], http_server, 0, description=teaser_html)]), content_type=RSS_TYPE),
    )
    http_server.route("/story/0", Reply(body=article_page(s, author="Page Author"), content_type="text/html"))
    caplog.set_level(logging.WARNING)

    [article] = FeedSource(http_server.url("/feed.xml"), timeout=2, policy=LOCAL_SITE).poll().articles

    assert list(article.paragraphs) == s.paragraphs  # the whole story, not the teaser
    assert article.headline == s.headline and article.author == "Jane Doe"  # the feed's metadata wins
    assert NAV not in article.body and FOOTER not in article.body
    page_request = http_server.requests_to("/story/0")[0]
    assert page_request.headers["user-agent"].startswith("briefbot/")
    assert _warnings(caplog) == []


def test_a_teaser_whose_page_fails_falls_back_to_the_teaser_and_says_so(
    http_server: LocalHTTPServer, caplog: pytest.LogCaptureFixture
) -> None:
    s = story(STORIES[0])
    http_server.route(
        "/feed.xml",
        Reply(body=rss([_item(STORIES[0], http_server, 0, description=s.teaser)]), content_type=RSS_TYPE),
    )  # /story/0 is not routed: 404
    caplog.set_level(logging.WARNING)

    batch = FeedSource(http_server.url("/feed.xml"), timeout=2, policy=LOCAL_SITE).poll()

    [article] = batch.articles
    assert article.body == s.teaser and batch.skipped == []
    [line] = _warnings(caplog)
    assert http_server.url("/story/0") in line and "teaser" in line and "HTTP 404" in line


PRIOR_STATE = {"kind": "feed", "etag": '"old"', "seen": ["urn:example:9"]}


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (Reply(404, "gone"), "HTTP 404 Not Found"),
        (Reply(500, "oops"), "HTTP 500 Internal Server Error"),
        (Reply(body="<html><body><p>Oops, <b>broken", content_type=RSS_TYPE), "not a valid RSS/Atom feed"),
        (
            Reply(body=b"\x00\x01\x02 garbage \xff\xfe", content_type="application/xml"),
            "not a valid RSS/Atom feed",
        ),
    ],
    ids=["404", "500", "garbage-html", "garbage-bytes"],
)
def test_a_failing_feed_is_skipped_with_one_line_and_state_unchanged(
    http_server: LocalHTTPServer, caplog: pytest.LogCaptureFixture, reply: Reply, reason: str
) -> None:
    http_server.route("/feed.xml", reply)
    url = http_server.url("/feed.xml")
    caplog.set_level(logging.WARNING)

    batch = FeedSource(url, timeout=2, policy=LOCAL_SITE).poll(dict(PRIOR_STATE))

    assert batch.articles == []
    [skipped] = batch.skipped
    assert skipped.location == url and skipped.reason.startswith(reason)
    assert batch.state == PRIOR_STATE
    [line] = _warnings(caplog)
    assert url in line and reason in line


def test_a_feed_that_does_not_answer_in_time_is_skipped(
    http_server: LocalHTTPServer, caplog: pytest.LogCaptureFixture
) -> None:
    http_server.route("/slow.xml", Reply(body=rss([]), content_type=RSS_TYPE, delay=5))
    caplog.set_level(logging.WARNING)

    started = time.monotonic()
    batch = open_source(http_server.url("/slow.xml"), timeout=0.3).poll(dict(PRIOR_STATE))

    assert time.monotonic() - started < 2
    assert [s.reason for s in batch.skipped] == ["timed out after 0.3 s"]
    assert batch.state == PRIOR_STATE
    assert len(_warnings(caplog)) == 1


def test_redirects_are_followed(http_server: LocalHTTPServer) -> None:
    http_server.route("/old-feed", Reply.redirect("/feed.xml", status=301))
    http_server.route(
        "/feed.xml", Reply(body=rss([_full_item(STORIES[0], http_server, 0)]), content_type=RSS_TYPE)
    )
    batch = FeedSource(http_server.url("/old-feed"), timeout=2, policy=LOCAL_SITE).poll()
    assert [a.headline for a in batch.articles] == [story(STORIES[0]).headline]
    assert batch.articles[0].source == http_server.url("/old-feed")


def test_a_short_content_element_is_a_teaser_too(http_server: LocalHTTPServer) -> None:
    s = story(STORIES[2])
    entries = [
        {
            "id": "urn:a:1",
            "title": s.headline,
            "link": http_server.url("/a/1"),
            "content": f"<p>{s.teaser}</p>",
            "summary": s.teaser,
        }
    ]
    http_server.route("/atom", Reply(body=atom(entries), content_type=ATOM_TYPE))
    http_server.route("/a/1", Reply(body=article_page(s), content_type="text/html"))

    [article] = FeedSource(http_server.url("/atom"), timeout=2, policy=LOCAL_SITE).poll().articles

    assert list(article.paragraphs) == s.paragraphs


def test_pages_stop_being_fetched_once_the_site_looks_down(
    http_server: LocalHTTPServer, caplog: pytest.LogCaptureFixture
) -> None:
    items = [_item(rel, http_server, n, description=story(rel).teaser) for n, rel in enumerate(STORIES)]
    http_server.route("/feed.xml", Reply(body=rss(items), content_type=RSS_TYPE))
    for n in range(len(items)):
        http_server.route(f"/story/{n}", Reply(503, "down"))
    caplog.set_level(logging.WARNING)

    batch = FeedSource(http_server.url("/feed.xml"), timeout=2, policy=LOCAL_SITE).poll()

    # every entry still arrives, as its teaser (the wire dateline split off as usual)
    assert [a.body for a in batch.articles] == [
        story(rel).teaser.removeprefix("NEW YORK, March 26 - ") for rel in STORIES
    ]
    page_requests = [r for r in http_server.requests if r.path.startswith("/story/")]
    assert len(page_requests) == 3
    assert len(_warnings(caplog)) == len(STORIES)  # one line per entry that fell back to its teaser
