"""A small HTTP server for tests: programmable routes, served from a thread on 127.0.0.1, free port.

    with LocalHTTPServer() as server:
        server.route("/feed.xml", Reply(body=rss, content_type="application/rss+xml"))
        server.route("/api", lambda req: Reply.json({"ok": True, "got": req.json()}), method="POST")
        server.route("/slow", Reply(body="late", delay=2.0))      # for client timeouts
        fetch(server.url("/feed.xml"))
        assert server.requests_to("/feed.xml")[0].headers["user-agent"].startswith("briefbot")

Unknown paths answer 404. A route is a Reply (served every time), a list of Replies (served in turn, the
last one repeating) or a callable taking the Request. Every request is recorded in `server.requests`.
Nothing is served beyond 127.0.0.1.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = None  # default: text/plain for str bodies, octet-stream for bytes
    delay: float = 0.0  # seconds to wait before answering (cut short when the server stops)

    @classmethod
    def json(cls, obj: Any, status: int = 200, **kwargs: Any) -> Reply:
        return cls(status=status, body=json.dumps(obj), content_type="application/json", **kwargs)

    @classmethod
    def redirect(cls, location: str, status: int = 302) -> Reply:
        return cls(status=status, headers={"Location": location})


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body or b"null")


Route = Reply | list[Reply] | Callable[[Request], Reply]


class LocalHTTPServer:
    def __init__(self) -> None:
        self.requests: list[Request] = []
        self._routes: dict[tuple[str, str], Route] = {}
        self._served: dict[tuple[str, str], int] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    # -- lifecycle
    def start(self) -> LocalHTTPServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, name="test-http", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes delayed replies
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def __enter__(self) -> LocalHTTPServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- programming and inspection
    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str = "/") -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    def route(self, path: str, reply: Route, *, method: str = "GET") -> None:
        with self._lock:
            self._routes[(method.upper(), path)] = reply
            self._served[(method.upper(), path)] = 0

    def requests_to(self, path: str, method: str | None = None) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path and (method is None or r.method == method)]

    def _answer(self, request: Request) -> Reply:
        key = (request.method, request.path)
        with self._lock:
            self.requests.append(request)
            route = self._routes.get(key)
            if route is None and request.method == "HEAD":
                route = self._routes.get(("GET", request.path))
            n = self._served.get(key, 0)
            self._served[key] = n + 1
        if route is None:
            return Reply(404, "not found")
        if isinstance(route, list):
            return route[min(n, len(route) - 1)]
        if isinstance(route, Reply):
            return route
        return route(request)


def _handler_for(server: LocalHTTPServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

        def _handle(self) -> None:
            split = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            request = Request(
                method=self.command,
                path=split.path,
                query=parse_qs(split.query),
                headers={k.lower(): v for k, v in self.headers.items()},
                body=body,
            )
            try:
                reply = server._answer(request)
            except Exception as exc:  # a broken test handler should show up as a 500, not a hang
                reply = Reply(500, f"test route failed: {exc!r}")
            if reply.delay and server._stopping.wait(reply.delay):
                return
            payload = reply.body.encode("utf-8") if isinstance(reply.body, str) else reply.body
            content_type = reply.content_type or (
                "text/plain; charset=utf-8" if isinstance(reply.body, str) else "application/octet-stream"
            )
            try:
                self.send_response(reply.status)
                names = {k.lower() for k in reply.headers}
                if "content-type" not in names and reply.status != 304:
                    self.send_header("Content-Type", content_type)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if "content-length" not in names and reply.status != 304:
                    self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD" and reply.status != 304:
                    self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (e.g. its timeout fired)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _handle

        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            pass

    return Handler
