"""The outbound fetch policy: links found in content never reach internal addresses (in any spelling, nor
through a redirect), the operator's own URL is fetched as given, and deadlines hold against slow servers."""

from __future__ import annotations

import logging
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.sources import FeedSource, FetchPolicy, open_source
from summarizer.sources.fetch_policy import BlockedAddress
from summarizer.sources.http import FetchError, fetch, make_client
from tests.httpserver import LocalHTTPServer, Reply
from tests.summarizer.sources_helpers import article_page, rss, story

RSS_TYPE = "application/rss+xml; charset=utf-8"
STORIES = [
    "bbc/business-015.txt",
    "reuters/10078.txt",
    "bbc/business-017.txt",
    "bbc/business-018.txt",
    "bbc/business-015.txt",
]
INTERNAL_PAGE = "INTERNAL ONLY AccessKeyId AKIAFAKE"


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",
        "127.1",
        "0x7f000001",
        "2130706433",
        "0177.0.0.1",
        "::1",
        "::ffff:127.0.0.1",
        "::ffff:7f00:1",
        "0.0.0.0",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "fe80::1",
        "fc00::1",
        "224.0.0.1",
        "ff02::1",
        "240.0.0.1",
        "255.255.255.255",
        "64:ff9b::a9fe:a9fe",
        "2002:7f00:1::1",
    ],
)
def test_internal_addresses_are_refused_in_every_spelling(host: str) -> None:
    with pytest.raises(BlockedAddress, match="address, not fetched"):
        FetchPolicy().resolve(host, 80, check=True)


@pytest.mark.parametrize("host", ["8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_pass(host: str) -> None:
    assert FetchPolicy().resolve(host, 80, check=True)


def test_an_allowed_network_is_an_operators_explicit_choice() -> None:
    assert FetchPolicy.allowing("10.0.0.0/8").resolve("10.1.2.3", 80, check=True) == ["10.1.2.3"]
    with pytest.raises(BlockedAddress):
        FetchPolicy.allowing("10.0.0.0/8").resolve("127.0.0.1", 80, check=True)


def test_teaser_links_to_internal_addresses_are_never_requested(
    http_server: LocalHTTPServer, caplog: pytest.LogCaptureFixture
) -> None:
    """The feed (the operator's URL, on 127.0.0.1) is read; none of the links its entries carry is."""
    port = http_server.url().rsplit(":", 1)[1].rstrip("/")
    links = [
        f"http://127.0.0.1:{port}/latest/meta-data/iam/security-credentials/admin",
        f"http://localhost:{port}/to-loopback",
        f"http://[::ffff:127.0.0.1]:{port}/mapped",
        f"http://0x7f000001:{port}/hex",
        f"http://2130706433:{port}/decimal",
    ]
    items = [
        {"title": story(rel).headline, "link": link, "guid": f"urn:t:{n}", "description": story(rel).teaser}
        for n, (rel, link) in enumerate(zip(STORIES, links, strict=True))
    ]
    http_server.route("/feed.xml", Reply(body=rss(items), content_type=RSS_TYPE))
    http_server.route("/to-loopback", Reply.redirect(f"http://127.0.0.1:{port}/latest/meta-data/"))
    for path in (
        "/latest/meta-data/iam/security-credentials/admin",
        "/latest/meta-data/",
        "/mapped",
        "/hex",
        "/decimal",
    ):
        http_server.route(path, Reply(body=INTERNAL_PAGE))
    caplog.set_level(logging.WARNING)

    batch = FeedSource(http_server.url("/feed.xml"), timeout=2).poll()

    assert [a.url for a in batch.articles] == links  # every entry kept, as its teaser
    assert all(INTERNAL_PAGE not in a.body for a in batch.articles)
    assert [r.path for r in http_server.requests] == ["/feed.xml"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == len(links) and all("refused" in w for w in warnings)


def test_the_operators_url_may_redirect_on_its_own_site_but_not_elsewhere_inside(
    http_server: LocalHTTPServer,
) -> None:
    port = http_server.url().rsplit(":", 1)[1].rstrip("/")
    page = article_page(story(STORIES[0]))
    http_server.route("/moved", Reply.redirect("/page"))
    http_server.route("/page", Reply(body=page, content_type="text/html"))
    http_server.route("/away", Reply.redirect(f"http://localhost:{port}/page"))

    [article] = open_source(http_server.url("/moved"), timeout=2).poll().articles
    assert article.headline == story(STORIES[0]).headline

    batch = open_source(http_server.url("/away"), timeout=2).poll()
    assert batch.articles == [] and "refused" in batch.skipped[0].reason

    http_server.route("/other-port", Reply.redirect("http://127.0.0.1:9/page"))
    batch = open_source(http_server.url("/other-port"), timeout=2).poll()
    assert batch.articles == [] and "refused" in batch.skipped[0].reason
    assert [r.path for r in http_server.requests] == ["/moved", "/page", "/away", "/other-port"]


def test_the_connection_goes_to_the_resolved_address_and_the_host_header_names_the_site(
    http_server: LocalHTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One lookup per connection, and the connection goes to what that lookup returned: a name cannot
    answer the check with one address and the connection with another."""
    real = socket.getaddrinfo
    lookups: list[str] = []

    def fake_dns(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "news.example":
            lookups.append(host)
            return real("127.0.0.1", port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_dns)
    http_server.route("/story", Reply(body="It happened on Monday."))
    port = http_server.url().rsplit(":", 1)[1].rstrip("/")
    with make_client(2, FetchPolicy.allowing("127.0.0.1/32")) as client:
        got = fetch(client, f"http://news.example:{port}/story", timeout=2)
    assert got.body == b"It happened on Monday."
    assert http_server.requests[0].headers["host"] == f"news.example:{port}"
    assert lookups == ["news.example"]

    with (
        make_client(2) as client,
        pytest.raises(FetchError, match=r"news\.example is 127\.0\.0\.1: loopback"),
    ):
        fetch(client, f"http://news.example:{port}/story", timeout=2)


@pytest.fixture
def tls_listener(tmp_path: Path) -> Iterator[tuple[int, list[str | None]]]:
    """A TLS server on 127.0.0.1 with a self-signed certificate; records the SNI name of each handshake."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=news.example",
        ],
        check=True,
        capture_output=True,
    )
    names: list[str | None] = []
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda _sock, name, _ctx: names.append(name)  # type: ignore[assignment,misc,return-value]
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(5)

    def serve() -> None:
        try:
            conn, _ = listener.accept()
            with context.wrap_socket(conn, server_side=True):
                pass
        except (OSError, ssl.SSLError):
            pass  # the client refuses our self-signed certificate, as it should

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1], names
    thread.join(timeout=5)
    listener.close()


def test_tls_to_a_pinned_address_still_names_the_site(
    tls_listener: tuple[int, list[str | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The connection goes to the checked address, and the TLS handshake still asks for the site by name
    (SNI), so certificates are checked against the name, not the address."""
    port, names = tls_listener
    real = socket.getaddrinfo
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, *a, **kw: real("127.0.0.1" if host == "news.example" else host, *a, **kw),
    )
    with (
        make_client(2, FetchPolicy.allowing("127.0.0.1/32")) as client,
        pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED"),
    ):
        fetch(client, f"https://news.example:{port}/story", timeout=2)  # self-signed: refused
    assert names == ["news.example"]


# -- deadlines -----------------------------------------------------------------------------------------------


@pytest.fixture
def trickling_server() -> Iterator[str]:
    """A server that answers every request with one header byte every 50 ms, for up to 6 s."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        with conn:
            conn.recv(4096)
            started = time.monotonic()
            try:
                conn.sendall(b"HTTP/1.1 200 OK\r\n")
                while not stop.is_set() and time.monotonic() - started < 6:
                    conn.sendall(b"X")
                    stop.wait(0.05)
            except OSError:
                pass

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/feed.xml"
    stop.set()
    thread.join(timeout=2)
    listener.close()


def test_a_server_trickling_its_headers_is_abandoned_at_the_deadline(trickling_server: str) -> None:
    started = time.monotonic()
    batch = open_source(trickling_server, timeout=0.5).poll()
    elapsed = time.monotonic() - started
    assert elapsed < 1.0, f"held for {elapsed:.2f} s"
    assert batch.articles == [] and batch.skipped[0].reason == "timed out after 0.5 s"


def test_one_poll_ends_within_its_deadline_and_unfetched_pages_keep_their_teasers(
    http_server: LocalHTTPServer,
) -> None:
    items = [
        {
            "title": story(rel).headline,
            "link": http_server.url(f"/story/{n}"),
            "guid": f"urn:s:{n}",
            "description": story(rel).teaser,
        }
        for n, rel in enumerate(STORIES[:4])
    ]
    http_server.route("/feed.xml", Reply(body=rss(items), content_type=RSS_TYPE))
    for n, rel in enumerate(STORIES[:4]):
        http_server.route(
            f"/story/{n}", Reply(body=article_page(story(rel)), content_type="text/html", delay=0.4)
        )

    started = time.monotonic()
    source = FeedSource(
        http_server.url("/feed.xml"), timeout=1, poll_timeout=1.0, policy=FetchPolicy.allowing("127.0.0.1/32")
    )
    batch = source.poll()
    elapsed = time.monotonic() - started

    assert elapsed < 2.0, f"poll took {elapsed:.2f} s"
    assert len(batch.articles) == 4 and batch.skipped == []
    full = [a for a in batch.articles if len(a.body) > len(story(STORIES[0]).teaser) * 2]
    assert 1 <= len(full) < 4  # the first pages arrived in time, the last ones kept their teasers
