"""The urllib3 sender against real sockets: it connects to the pinned address while TLS (SNI and the certificate
check) and the Host header speak for the URL's name; it follows no redirect and gives up at its timeout."""

from __future__ import annotations

import datetime
import ssl
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from synthdata.adapters.http_webhooks import Urllib3WebhookSender
from synthdata.webhooks.ports import SendFailed
from synthdata.webhooks.url_policy import Destination

NAME = "hooks.test"  # never resolved: the sender must not ask DNS


def _certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for NAME (its own authority) and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, NAME)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(NAME)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_file, key_file


class Seen:
    def __init__(self) -> None:
        self.sni: list[str | None] = []
        self.hosts: list[str] = []
        self.paths: list[str] = []


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[int, Path, Seen]]:
    cert_file, key_file = _certificate(tmp_path)
    seen = Seen()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            seen.hosts.append(str(self.headers.get("Host")))
            seen.paths.append(self.path)
            if self.path == "/slow":
                time.sleep(2)
            redirect = self.path == "/moved"
            self.send_response(302 if redirect else 204)
            if redirect:
                self.send_header("Location", "https://169.254.169.254/latest/meta-data/")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_: object) -> None:
            pass

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    context.sni_callback = lambda _sock, name, _ctx: seen.sni.append(name)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(httpd.server_address[1]), cert_file, seen
    finally:
        httpd.shutdown()
        httpd.server_close()


def _to(port: int, target: str = "/in?x=1", host: str = NAME) -> Destination:
    return Destination("https", host, port, target, "127.0.0.1")


def test_the_pinned_address_is_dialled_while_sni_certificate_and_host_name_the_url(
    server: tuple[int, Path, Seen],
) -> None:
    port, authority, seen = server
    status = Urllib3WebhookSender(str(authority)).post(_to(port), b"{}", {"X-Test": "1"}, timeout=5)
    assert status == 204
    assert seen.sni == [NAME] and seen.hosts == [f"{NAME}:{port}"] and seen.paths == ["/in?x=1"]


def test_a_certificate_for_another_name_is_refused(server: tuple[int, Path, Seen]) -> None:
    port, authority, seen = server
    with pytest.raises(SendFailed):
        Urllib3WebhookSender(str(authority)).post(_to(port, host="other.test"), b"{}", {}, timeout=5)
    assert seen.paths == []  # nothing was sent over the refused connection


def test_an_untrusted_certificate_is_refused(server: tuple[int, Path, Seen]) -> None:
    port, _, seen = server
    with pytest.raises(SendFailed):
        Urllib3WebhookSender().post(_to(port), b"{}", {}, timeout=5)
    assert seen.paths == []


def test_a_redirect_is_answered_not_followed(server: tuple[int, Path, Seen]) -> None:
    port, authority, seen = server
    assert Urllib3WebhookSender(str(authority)).post(_to(port, "/moved"), b"{}", {}, timeout=5) == 302
    assert seen.paths == ["/moved"]


def test_a_receiver_slower_than_the_timeout_is_given_up(server: tuple[int, Path, Seen]) -> None:
    port, authority, _ = server
    with pytest.raises(SendFailed):  # without the timeout it would get the 204 sent after 2 s
        Urllib3WebhookSender(str(authority)).post(_to(port, "/slow"), b"{}", {}, timeout=0.5)


def test_nothing_listening_is_a_send_failure() -> None:
    from local.stack import free_port

    with pytest.raises(SendFailed):
        Urllib3WebhookSender().post(
            Destination("http", "127.0.0.1", free_port(), "/", "127.0.0.1"), b"", {}, 1
        )
