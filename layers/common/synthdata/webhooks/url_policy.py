"""Where a webhook may be sent (SSRF protection), checked when a job is submitted and again before each delivery.

A callback URL must be https, carry no credentials and stay within a length limit; its host must resolve, and
EVERY address it resolves to must be public: no private, loopback, link-local, multicast, reserved, unspecified,
shared (CGNAT) or cloud metadata address. The connection is then made to the checked address (the host name only
goes into SNI, the certificate check and the Host header), so a DNS answer that changes between the check and
the connection (DNS rebinding) cannot steer it elsewhere. Only the local stack may allow http://127.0.0.1, through
an explicit setting (WebhookAllowLocalHttp), off by default.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# (host, port) -> the addresses the host resolves to, as text; raises OSError when it does not resolve.
Resolver = Callable[[str, int], Sequence[str]]

LOCAL_HOST = "127.0.0.1"  # the one address WebhookAllowLocalHttp opens, for the local stack's receivers
METADATA_ADDRESSES = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)  # EC2 instance metadata (IPv4 and IPv6), refused by name even though the checks below cover them too


class RefusedDestination(Exception):
    """The URL or an address it resolves to may never receive a webhook; the message says why."""


class UnresolvedHost(Exception):
    """The host name did not resolve now (it may later: a delivery retries, a submission is refused)."""


@dataclass(frozen=True)
class UrlPolicy:
    max_length: int = 2048
    allow_local_http: bool = False


@dataclass(frozen=True)
class Destination:
    """A checked URL: where to connect (`address`, pinned) and what to say to it (host, path)."""

    scheme: str
    host: str
    port: int
    target: str  # path and query, as sent in the request line
    address: str

    @property
    def host_header(self) -> str:
        default = 443 if self.scheme == "https" else 80
        name = f"[{self.host}]" if ":" in self.host else self.host
        return name if self.port == default else f"{name}:{self.port}"


def url_problem(url: str, policy: UrlPolicy) -> str | None:
    """What is wrong with the URL as text (no DNS), in a sentence; None when it may be used."""
    if len(url) > policy.max_length:
        return f"must be at most {policy.max_length} characters"
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return "must not contain spaces or control characters"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "is not a valid URL"
    scheme, host = parts.scheme.lower(), parts.hostname or ""
    local = policy.allow_local_http and host == LOCAL_HOST
    if scheme != "https" and not (scheme == "http" and local):
        return "must be an https:// URL"
    if parts.username is not None or parts.password is not None:
        return "must not contain credentials (user:password@)"
    if not host:
        return "must name a host"
    if port == 0:
        return "must not use port 0"
    return None


def address_problem(address: IPAddress, policy: UrlPolicy) -> str | None:
    """Why this address may not receive webhooks; None when it is a public unicast address."""
    if policy.allow_local_http and address == ipaddress.ip_address(LOCAL_HOST):
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:  # ::ffff:10.0.0.1 reaches 10.0.0.1
        return address_problem(mapped, policy)
    if address in METADATA_ADDRESSES:
        return "is the cloud metadata service"
    for kind, found in (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    ):  # the most specific name first: most of these are also "private" to the ipaddress module
        if found:
            return f"is a {kind} address"
    if not address.is_global:  # e.g. 100.64.0.0/10, shared by carrier-grade NAT
        return "is not a public address"
    return None


def destination(url: str, policy: UrlPolicy, resolve: Resolver) -> Destination:
    """The checked destination of `url`: RefusedDestination when the URL or any address of its host is refused,
    UnresolvedHost when the host does not resolve."""
    problem = url_problem(url, policy)
    if problem:
        raise RefusedDestination(problem)
    parts = urlsplit(url)
    scheme, host = parts.scheme.lower(), str(parts.hostname)
    port = parts.port or (443 if scheme == "https" else 80)
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        addresses = _resolved(host, port, resolve)
    for address in addresses:
        problem = address_problem(address, policy)
        if problem:
            where = (
                f"address {address}" if host == str(address) else f"host {host} resolves to {address}, which"
            )
            raise RefusedDestination(f"{where} {problem}")
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Destination(scheme, host, port, target, str(addresses[0]))


def _resolved(host: str, port: int, resolve: Resolver) -> list[IPAddress]:
    try:
        found = [ipaddress.ip_address(a.split("%", 1)[0]) for a in resolve(host, port)]
    except (OSError, UnicodeError, ValueError) as error:
        raise UnresolvedHost(f"host {host} does not resolve ({type(error).__name__})") from None
    if not found:
        raise UnresolvedHost(f"host {host} does not resolve")
    return list(dict.fromkeys(found))
