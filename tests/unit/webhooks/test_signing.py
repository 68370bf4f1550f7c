"""The Stripe-style signature: what a receiver verifies, and what it must refuse."""

from __future__ import annotations

import hashlib
import hmac

from synthdata.webhooks.signing import TOLERANCE_SECONDS, new_secret, signature_header, verify

SECRET = "whsec_test"
BODY = b'{"id": "job", "status": "completed"}'
NOW = 1_800_000_000


def test_the_header_is_t_and_the_hex_hmac_of_t_dot_body() -> None:
    expected = hmac.new(SECRET.encode(), f"{NOW}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert signature_header(SECRET, BODY, NOW) == f"t={NOW},v1={expected}"


def test_a_fresh_signature_verifies() -> None:
    assert verify(SECRET, BODY, signature_header(SECRET, BODY, NOW), now=NOW)


def test_a_changed_body_another_secret_or_a_moved_timestamp_is_refused() -> None:
    header = signature_header(SECRET, BODY, NOW)
    assert not verify(SECRET, BODY + b" ", header, now=NOW)
    assert not verify("whsec_other", BODY, header, now=NOW)
    forged = header.replace(f"t={NOW}", f"t={NOW + 1}")
    assert not verify(SECRET, BODY, forged, now=NOW)


def test_a_replay_outside_the_tolerance_is_refused_and_inside_it_accepted() -> None:
    header = signature_header(SECRET, BODY, NOW)
    assert verify(SECRET, BODY, header, now=NOW + TOLERANCE_SECONDS)
    assert not verify(SECRET, BODY, header, now=NOW + TOLERANCE_SECONDS + 1)
    assert not verify(SECRET, BODY, header, now=NOW - TOLERANCE_SECONDS - 1)


def test_malformed_headers_are_refused() -> None:
    for header in ("", "t=abc,v1=00", f"v1={'0' * 64}", f"t={NOW}", f"t={NOW},t={NOW},v1=00"):
        assert not verify(SECRET, BODY, header, now=NOW), header


def test_secrets_are_random_and_prefixed() -> None:
    made = {new_secret() for _ in range(100)}
    assert len(made) == 100 and all(s.startswith("whsec_") and len(s) == 6 + 64 for s in made)


def test_the_readme_verifier_accepts_our_signatures_and_refuses_replays() -> None:
    """The Python snippet README gives receivers, run as written."""
    import re
    import time
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text()
    section = readme.split("### Webhooks", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert code, "README's Webhooks section has no Python snippet"
    namespace: dict[str, object] = {}
    exec(code.group(1), namespace)
    readme_verify = namespace["verify"]
    assert callable(readme_verify), "README's snippet defines no verify()"
    now = int(time.time())
    assert readme_verify(SECRET, BODY, signature_header(SECRET, BODY, now))
    assert not readme_verify(SECRET, BODY + b"x", signature_header(SECRET, BODY, now))
    assert not readme_verify(SECRET, BODY, signature_header(SECRET, BODY, now - 301))
