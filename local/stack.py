"""`make dev`: the whole platform on this machine, from template.yaml, with no AWS account and no Docker.

A moto server (its own process) stands in for DynamoDB, SQS, S3 and API Gateway keys; the resources are created
from template.yaml; SQS pollers feed the worker and finalizer in worker processes; the API is served by the
SAM CLI's local API Gateway. Ctrl-C (or SIGTERM) stops everything.

Environment: PORT (API, default 3000), MOTO_PORT (default: a free port), LOCAL_API_KEYS (comma-separated extra
keys), LOCAL_VISIBILITY_TIMEOUT (seconds, shortens SQS retries), LOCAL_SWEEP_SECONDS (overdue sweep period),
S3_UPLOAD_PART_MIN_SIZE (moto's multipart minimum, bytes), LOCAL_PARAMETER_<Name> (a template parameter's value;
WebhookAllowLocalHttp defaults to true here, so webhooks may go to http://127.0.0.1:<port>).

Stopping (Ctrl-C reaches the terminal's whole process group): only this process acts on it, in order: the pollers
and their worker processes, then the gateway, then the moto server, which runs in its own session so that
nothing still talking to it sees it go first. One line says it is done.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import suppress

from local.gateway import start_gateway
from local.pollers import Pollers
from local.resources import create_resources
from local.template import load_template

_LOCAL_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "local",
    "AWS_SECRET_ACCESS_KEY": "local",
    "AWS_DEFAULT_REGION": "us-east-1",
    "POWERTOOLS_TRACE_DISABLED": "true",
    "POWERTOOLS_METRICS_NAMESPACE": "Synthdata",
    "SAM_CLI_TELEMETRY": "0",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_moto(port: int) -> subprocess.Popen[bytes]:
    """moto in server mode, in its own process (so its work does not share the API's interpreter lock)."""
    # moto keeps object bytes in memory up to this size and spills larger ones to temporary files; generated
    # files reach hundreds of MB, and spilling them makes completing an upload several times slower.
    env = {
        **os.environ,
        "MOTO_S3_DEFAULT_KEY_BUFFER_SIZE": os.environ.get("MOTO_S3_DEFAULT_KEY_BUFFER_SIZE", str(2**30)),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,  # out of the terminal's process group: Ctrl-C does not stop it before its users
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with suppress(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/moto-api/", timeout=1)
            return process
        if process.poll() is not None:
            raise RuntimeError("the moto server exited at start")
        time.sleep(0.2)
    process.kill()
    raise RuntimeError("the moto server did not start within 30 s")


def main() -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # kill -USR1 <pid> prints every thread's stack
    port = int(os.environ.get("PORT", "3000"))
    moto_port = int(os.environ.get("MOTO_PORT") or free_port())
    for name, value in _LOCAL_CREDENTIALS.items():
        os.environ.setdefault(name, value)
    os.environ["AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{moto_port}"

    stopping = threading.Event()
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop_signal, lambda *_: stopping.set())
    moto = start_moto(moto_port)
    pollers = gateway = None
    try:
        # LOCAL_PARAMETER_<Name>=value overrides a template parameter locally (e.g. LOCAL_PARAMETER_MaxRecords).
        overrides = {
            k.removeprefix("LOCAL_PARAMETER_"): v
            for k, v in os.environ.items()
            if k.startswith("LOCAL_PARAMETER_")
        }
        # The local stack's webhook receivers listen on http://127.0.0.1 (template parameter, off on AWS).
        overrides.setdefault("WebhookAllowLocalHttp", "true")
        template = load_template(parameter_overrides=overrides)
        extra_keys = [k.strip() for k in os.environ.get("LOCAL_API_KEYS", "").split(",") if k.strip()]
        resources = create_resources(template, extra_api_keys=extra_keys)
        os.environ.update(resources.environment)  # the functions' environment, inherited by worker processes
        pollers = Pollers(resources, sweep_seconds=float(os.environ.get("LOCAL_SWEEP_SECONDS", "60")))
        pollers.start()
        gateway = start_gateway(template, port)
        dev_key = template.parameter("ApiKey")
        print(
            f"\nsynthdata is running\n"
            f"  API        {gateway.url}\n"
            f"  docs       {gateway.url}/docs   (OpenAPI: {gateway.url}/openapi.json)\n"
            f"  API key    {dev_key}" + "".join(f", {k}" for k in extra_keys) + "\n"
            f"  AWS (moto) http://127.0.0.1:{moto_port}\n\n"
            f"  curl -s -X POST {gateway.url}/api/generate -H 'X-API-Key: {dev_key}' "
            f"-H 'Content-Type: application/json' "
            f'-d \'{{"data_type": "user", "record_count": 10000, "output_format": "csv"}}\'\n\n'
            f"Ctrl-C stops everything.",
            flush=True,
        )
        while not stopping.wait(0.5):
            pass
    finally:
        started = time.monotonic()
        if pollers is not None:
            pollers.stop()
        if gateway is not None:
            gateway.stop()
        moto.terminate()
        with suppress(subprocess.TimeoutExpired):
            moto.wait(timeout=5)
        if moto.poll() is None:
            moto.kill()
        print(f"synthdata stopped ({time.monotonic() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
