"""The system resolver, as the webhook URL policy's Resolver: every address (IPv4 and IPv6) of a host."""

from __future__ import annotations

import socket


def resolve_host(host: str, port: int) -> list[str]:
    """All addresses `host` resolves to (OSError when it does not); the policy checks every one of them."""
    answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(sockaddr[0]) for _, _, _, _, sockaddr in answers]
