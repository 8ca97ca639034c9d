"""The outbound fetch policy, in one place for every fetch: where a URL may lead and how long it may take.

Two rules:

* **Addresses.** A URL that came from content (a feed entry's link, a page, a redirect to another site)
  may only reach public unicast addresses: loopback, private, link-local, shared (CGNAT), multicast,
  reserved and unspecified addresses are refused, and so is a public-looking IPv6 address that embeds
  one (IPv4-mapped, 6to4, Teredo, NAT64). The host is resolved once, *every* address it resolves to is
  checked, and the connection goes to the checked address (the URL's host still names the site in the
  Host header and TLS SNI), so a name cannot be re-pointed between check and connect (DNS rebinding)
  and no spelling of an address (``0x7f000001``, ``2130706433``, ``0177.0.0.1``, ``127.1``, ``[::ffff:…]``)
  escapes the check: the resolver reads them exactly as the connection would. The URL an operator
  configured (settings, ``briefbot ingest URL``) and its redirects on the same host are trusted as given.
* **Time.** ``deadline(seconds)`` bounds everything inside it — DNS, connect, TLS, headers and body
  together — so a server that trickles its headers cannot hold a fetch past its timeout; deadlines nest
  (a poll's deadline bounds every fetch of that poll).

`PolicyTransport` applies both to httpx: trusted requests and content requests use separate connection
pools, so a connection opened for a trusted URL is never reused for content.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import ipaddress
import socket
import ssl
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx
from httpcore._backends.sync import SyncBackend

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

TRUSTED = "briefbot.trusted"  # request extension: True for the operator's own URL (no address check)

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT: not private, not public either
_RESOLVERS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="briefbot-dns")


class BlockedAddress(Exception):
    """The URL leads to an address the policy refuses; the message says which and why."""


# -- addresses ---------------------------------------------------------------------------------------------


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]  # (server, client): the client is where packets end up
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_problem(ip: IPAddress) -> str | None:
    """Why `ip` may not be fetched from content (None: it is a public unicast address)."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            problem = address_problem(inner)
            return f"embeds {inner}, {problem}" if problem else None
    for name in ("loopback", "unspecified", "link_local", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{name}"):
            return name.replace("_", "-")
    if ip in _SHARED:
        return "shared (carrier-grade NAT)"
    if not ip.is_global:
        return "not public"
    return None


@dataclass(frozen=True)
class FetchPolicy:
    """Which addresses content may reach: public ones, plus any network listed in `allow` (an operator's
    intranet, or a test server on 127.0.0.1). `resolve_timeout` bounds one DNS lookup."""

    allow: tuple[IPNetwork, ...] = ()
    resolve_timeout: float = 5.0

    @classmethod
    def allowing(cls, *networks: str) -> FetchPolicy:
        return cls(allow=tuple(ipaddress.ip_network(n, strict=False) for n in networks))

    def problem(self, ip: IPAddress) -> str | None:
        if any(ip.version == net.version and ip in net for net in self.allow):
            return None
        return address_problem(ip)

    def resolve(self, host: str, port: int, *, check: bool) -> list[str]:
        """The addresses to connect to for host:port, resolved once (within the deadline). With `check`,
        BlockedAddress when any of them is refused: a name with one public and one internal address is
        refused outright rather than trusted to pick the public one."""
        timeout = _bounded(self.resolve_timeout)
        future = _RESOLVERS.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
        try:
            infos = future.result(timeout=timeout)
        except FutureTimeout:
            raise httpcore.ConnectTimeout(f"resolving {host} timed out") from None
        except OSError as exc:  # socket.gaierror: unknown name
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if check:
            for address in addresses:
                problem = self.problem(ipaddress.ip_address(address.split("%", 1)[0]))
                if problem:
                    where = host if host == address else f"{host} is {address}"
                    raise BlockedAddress(f"{where}: {problem} address, not fetched")
        return addresses


# -- deadlines ---------------------------------------------------------------------------------------------

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "briefbot_fetch_deadline", default=None
)


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[float]:
    """Everything fetched inside ends by now + `seconds` (or by an enclosing, earlier deadline)."""
    outer = _DEADLINE.get()
    ends = time.monotonic() + seconds
    if outer is not None:
        ends = min(ends, outer)
    token = _DEADLINE.set(ends)
    try:
        yield ends
    finally:
        _DEADLINE.reset(token)


def remaining() -> float | None:
    """Seconds left before the current deadline (None: no deadline)."""
    ends = _DEADLINE.get()
    return None if ends is None else ends - time.monotonic()


def _bounded(timeout: float | None) -> float | None:
    """`timeout` cut to what is left of the deadline; raises ReadTimeout once nothing is left."""
    left = remaining()
    if left is None:
        return timeout
    if left <= 0:
        raise httpcore.ReadTimeout("fetch deadline reached")
    return left if timeout is None else min(timeout, left)


# -- httpx / httpcore plumbing -----------------------------------------------------------------------------


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write is cut to the fetch deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, _bounded(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _PolicyBackend(httpcore.NetworkBackend):
    """Connects to an address the policy resolved (and, with `check`, approved), within the deadline."""

    def __init__(self, policy: FetchPolicy, *, check: bool) -> None:
        self.policy = policy
        self.check = check
        self._sync = SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self.policy.resolve(host, port, check=self.check)
        error: Exception | None = None
        for address in addresses:
            try:
                stream = self._sync.connect_tcp(
                    address,
                    port,
                    _bounded(timeout),
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
                continue
            return _DeadlineStream(stream)
        raise error or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One verifying TLS context for every client (loading the CA bundle costs tens of milliseconds)."""
    return httpx.create_ssl_context()


def _transport(policy: FetchPolicy, *, check: bool) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(verify=_ssl_context(), trust_env=False)
    # httpx has no public hook for the network backend; its pool is rebuilt with ours (same settings).
    transport._pool = httpcore.ConnectionPool(
        ssl_context=_ssl_context(),
        max_connections=100,
        max_keepalive_connections=20,
        keepalive_expiry=5.0,
        network_backend=_PolicyBackend(policy, check=check),
    )
    return transport


class PolicyTransport(httpx.BaseTransport):
    """httpx transport applying `policy`: requests marked TRUSTED skip the address check, the rest are
    checked; both are bounded by the current deadline. The two kinds never share a connection."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self._trusted = _transport(self.policy, check=False)
        self._checked = _transport(self.policy, check=True)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._trusted if request.extensions.get(TRUSTED) else self._checked
        return inner.handle_request(request)

    def close(self) -> None:
        self._trusted.close()
        self._checked.close()
