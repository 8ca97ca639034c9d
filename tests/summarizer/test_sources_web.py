"""A single URL: a page becomes one article, a feed is recognised by its type or its body."""

from __future__ import annotations

import json
import logging
import socket

import pytest

from summarizer.sources import UrlSource, open_source
from tests.httpserver import LocalHTTPServer, Reply, Request
from tests.summarizer.sources_helpers import FOOTER, NAV, SCRIPT, SEED, article_page, entry_html, rss, story

STORY = "bbc/business-017.txt"


def test_a_web_page_becomes_one_article(http_server: LocalHTTPServer) -> None:
    s = story(STORY)
    http_server.route(
        "/news/1",
        Reply(
            body=article_page(s, author="Jane Doe", date="2005-02-18T09:00:00Z"),
            content_type="text/html; charset=utf-8",
        ),
    )
    url = http_server.url("/news/1")

    source = open_source(url, timeout=2)
    assert isinstance(source, UrlSource) and source.key == url
    batch = source.poll()

    [article] = batch.articles
    assert article.headline == s.headline and article.author == "Jane Doe"
    assert article.published is not None and article.published.date().isoformat() == "2005-02-18"
    assert list(article.paragraphs) == s.paragraphs
    assert article.url == url and article.source == url
    for furniture in (NAV, FOOTER, SCRIPT, "Most read"):
        assert furniture not in article.body
    assert batch.state["kind"] == "page"


def test_an_unchanged_page_is_not_returned_again(http_server: LocalHTTPServer) -> None:
    s = story(STORY)
    page = article_page(s)
    # the second response differs only in its furniture: same story, nothing new
    http_server.route(
        "/news/1",
        [
            Reply(body=page, content_type="text/html"),
            Reply(body=page.replace("Most read", "Trending now"), content_type="text/html"),
            Reply(
                body=page.replace("</article>", "<p>Update: the airlines will appeal.</p></article>"),
                content_type="text/html",
            ),
        ],
    )
    source = open_source(http_server.url("/news/1"), timeout=2)
    first = source.poll()
    second = source.poll(json.loads(json.dumps(first.state)))
    assert len(first.articles) == 1 and second.articles == []
    third = source.poll(second.state)
    assert [a.paragraphs[-1] for a in third.articles] == ["Update: the airlines will appeal."]


def test_a_page_with_an_etag_answers_304_on_the_next_poll(http_server: LocalHTTPServer) -> None:
    def page(req: Request) -> Reply:
        if req.headers.get("if-none-match") == '"p1"':
            return Reply(304)
        return Reply(body=article_page(story(STORY)), content_type="text/html", headers={"ETag": '"p1"'})

    http_server.route("/news/1", page)
    source = open_source(http_server.url("/news/1"), timeout=2)
    first = source.poll()
    second = source.poll(first.state)
    assert len(first.articles) == 1 and second.articles == [] and second.state == first.state
    assert http_server.requests_to("/news/1")[1].headers["if-none-match"] == '"p1"'


@pytest.mark.parametrize("content_type", ["application/rss+xml", "text/html", "application/octet-stream"])
def test_open_source_recognises_a_feed_by_type_or_by_its_body(
    http_server: LocalHTTPServer, content_type: str
) -> None:
    s = story(STORY)
    item = {
        "title": s.headline,
        "link": http_server.url("/news/1"),
        "guid": "urn:x:1",
        "content": entry_html(s),
    }
    http_server.route("/feed", Reply(body=rss([item]), content_type=content_type))

    batch = open_source(http_server.url("/feed"), timeout=2).poll()

    assert [a.headline for a in batch.articles] == [s.headline]
    assert batch.articles[0].url == http_server.url("/news/1")
    assert batch.state["kind"] == "feed" and batch.state["seen"] == ["urn:x:1"]


def test_a_plain_text_url_is_read_as_an_article(http_server: LocalHTTPServer) -> None:
    http_server.route("/seed.txt", Reply(body=SEED.read_text(encoding="utf-8")))
    [article] = open_source(http_server.url("/seed.txt"), timeout=2).poll().articles
    assert article.paragraphs[0].startswith("President Biden is sending a top White House official")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        (
            Reply(
                body="<html><body><nav>Home | News</nav><div id='app'></div></body></html>",
                content_type="text/html",
            ),
            "HTML has no article text",
        ),
        (
            Reply(body=b"\x89PNG\r\n\x1a\n\x00\x00", content_type="image/png"),
            "unsupported content type image/png",
        ),
        (Reply(body=b"x" * (6 * 1024 * 1024), content_type="text/html"), "response too large"),
        (Reply(403, "forbidden"), "HTTP 403 Forbidden"),
        (None, "cannot fetch"),
    ],
    ids=["no-text", "image", "too-large", "403", "refused"],
)
def test_a_bad_page_is_skipped_with_one_line_and_state_unchanged(
    http_server: LocalHTTPServer, caplog: pytest.LogCaptureFixture, route: Reply | None, reason: str
) -> None:
    if route is None:
        url = f"http://127.0.0.1:{_free_port()}/gone"
    else:
        http_server.route("/p", route)
        url = http_server.url("/p")
    prior = {"kind": "page", "article_id": "0123456789abcdef"}
    caplog.set_level(logging.WARNING)

    batch = open_source(url, timeout=2).poll(dict(prior))

    assert batch.articles == [] and batch.state == prior
    [skipped] = batch.skipped
    assert skipped.location == url and skipped.reason.startswith(reason)
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) == 1 and url in lines[0] and reason in lines[0]
