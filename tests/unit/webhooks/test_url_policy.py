"""The SSRF rules: a callback URL's form, and every address its host resolves to."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from synthdata.webhooks.url_policy import (
    RefusedDestination,
    UnresolvedHost,
    UrlPolicy,
    destination,
    url_problem,
)

STRICT = UrlPolicy()
LOCAL = UrlPolicy(allow_local_http=True)


def resolver(answers: dict[str, Sequence[str]]) -> Callable[[str, int], Sequence[str]]:
    def resolve(host: str, port: int) -> Sequence[str]:
        if host not in answers:
            raise OSError("NXDOMAIN")
        return answers[host]

    return resolve


PUBLIC = resolver({"hooks.example.com": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"]})


def test_a_public_https_url_is_pinned_to_its_checked_address() -> None:
    found = destination("https://hooks.example.com:8443/in?x=1", STRICT, PUBLIC)
    assert (found.scheme, found.host, found.port, found.target) == (
        "https",
        "hooks.example.com",
        8443,
        "/in?x=1",
    )
    assert found.address == "93.184.216.34" and found.host_header == "hooks.example.com:8443"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://hooks.example.com/", "must be an https:// URL"),
        ("ftp://hooks.example.com/", "must be an https:// URL"),
        ("https://user:pw@hooks.example.com/", "must not contain credentials"),
        ("https://user@hooks.example.com/", "must not contain credentials"),
        ("https:///path", "must name a host"),
        ("https://hooks.example.com:99999/", "is not a valid URL"),
        ("https://hooks.example.com/a b", "must not contain spaces"),
        ("http://127.0.0.1:8080/", "must be an https:// URL"),  # the local setting is off
        ("not a url", "must not contain spaces"),
    ],
)
def test_the_form_of_a_url_is_checked_before_any_dns(url: str, problem: str) -> None:
    assert problem in (url_problem(url, STRICT) or "")


def test_the_length_limit_is_exact() -> None:
    policy = UrlPolicy(max_length=40)
    base = "https://hooks.example.com/"
    assert url_problem(base + "a" * (40 - len(base)), policy) is None
    assert url_problem(base + "a" * (41 - len(base)), policy) == "must be at most 40 characters"


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://10.0.0.1/", "private"),
        ("https://192.168.1.20/", "private"),
        ("https://127.0.0.1/", "loopback"),
        ("https://169.254.169.254/latest/meta-data/", "metadata"),
        ("https://[fd00:ec2::254]/", "metadata"),
        ("https://[::1]/", "loopback"),
        ("https://[fe80::1]/", "link-local"),
        ("https://[::ffff:10.0.0.1]/", "private"),
        ("https://224.0.0.1/", "multicast"),
        ("https://0.0.0.0/", "unspecified"),
        ("https://240.0.0.1/", "reserved"),
        ("https://100.64.0.1/", "not a public address"),
    ],
)
def test_literal_addresses_that_are_not_public_are_refused(url: str, why: str) -> None:
    with pytest.raises(RefusedDestination, match=why):
        destination(url, STRICT, PUBLIC)


def test_a_host_name_is_refused_when_any_of_its_addresses_is_private() -> None:
    sneaky = resolver({"hooks.example.com": ["93.184.216.34", "10.1.2.3"]})
    with pytest.raises(RefusedDestination, match=r"resolves to 10\.1\.2\.3, which is a private address"):
        destination("https://hooks.example.com/", STRICT, sneaky)


def test_a_host_that_does_not_resolve_is_unresolved_not_refused() -> None:
    with pytest.raises(UnresolvedHost, match="does not resolve"):
        destination("https://nowhere.example/", STRICT, PUBLIC)
    with pytest.raises(UnresolvedHost):
        destination("https://empty.example/", STRICT, resolver({"empty.example": []}))


def test_the_local_setting_opens_http_and_127_0_0_1_only() -> None:
    found = destination("http://127.0.0.1:8123/hook", LOCAL, PUBLIC)
    assert (found.scheme, found.address, found.host_header) == ("http", "127.0.0.1", "127.0.0.1:8123")
    for url in ("https://10.0.0.1/", "https://[::1]/", "https://169.254.169.254/", "http://127.0.0.2/"):
        with pytest.raises(RefusedDestination):
            destination(url, LOCAL, PUBLIC)
    with pytest.raises(RefusedDestination, match="https"):
        destination("http://hooks.example.com/", LOCAL, PUBLIC)
