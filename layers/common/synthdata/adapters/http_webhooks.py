"""WebhookSender on urllib3: a POST to the address the URL policy checked, never to a fresh DNS answer.

urllib3 (already in the layer: botocore depends on it) can connect to one host while speaking TLS for another:
the pool is opened on the pinned IP, `server_hostname` puts the URL's host name in SNI and `assert_hostname`
verifies the certificate against it, and the Host header carries it too. So DNS rebinding cannot move the
connection after the check. No redirect is followed (a 3xx is a failed delivery) and urllib3 retries nothing:
retries belong to the queue, with backoff.
"""

from __future__ import annotations

from collections.abc import Mapping

import urllib3

from synthdata.webhooks.ports import SendFailed
from synthdata.webhooks.url_policy import Destination

CONNECT_SECONDS = 3.0  # a receiver that does not accept a connection in 3 s is down for this attempt


class Urllib3WebhookSender:
    def __init__(self, ca_certs: str | None = None) -> None:
        self.ca_certs = ca_certs  # None: the system's trust store (tests pass their own authority)

    def post(self, destination: Destination, body: bytes, headers: Mapping[str, str], timeout: float) -> int:
        timeouts = urllib3.Timeout(connect=min(CONNECT_SECONDS, timeout), read=timeout)
        pool: urllib3.HTTPConnectionPool
        if destination.scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                destination.address,
                destination.port,
                server_hostname=destination.host,
                assert_hostname=destination.host,
                cert_reqs="CERT_REQUIRED",
                ca_certs=self.ca_certs,
                timeout=timeouts,
                retries=False,
                maxsize=1,
            )
        else:  # only http://127.0.0.1, and only where WebhookAllowLocalHttp is on (the local stack)
            pool = urllib3.HTTPConnectionPool(
                destination.address, destination.port, timeout=timeouts, retries=False, maxsize=1
            )
        try:
            with pool:
                answer = pool.urlopen(
                    "POST",
                    destination.target,
                    body=body,
                    headers={**headers, "Host": destination.host_header},
                    redirect=False,
                    preload_content=False,
                    assert_same_host=False,
                )
                answer.release_conn()  # the receiver's body is not read: only its status counts
                return int(answer.status)
        except urllib3.exceptions.HTTPError as error:
            raise SendFailed(type(error).__name__) from None
