"""The authorizer's decisions and its key cache, without AWS: a counting loader stands in for API Gateway."""

from __future__ import annotations

import threading

import pytest

from synthdata.auth import API_KEY_VALUE_PREFIX, ApiKey, ApiKeyDirectory, allow, deny, presented_key

ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123/dev/GET/api/jobs"
VALID = "valid-key-1234567890"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Loader:
    def __init__(self, *client_keys: str, disabled: tuple[str, ...] = ()) -> None:
        self.keys = {
            API_KEY_VALUE_PREFIX + k: ApiKey(f"id-{k[:5]}", API_KEY_VALUE_PREFIX + k, k not in disabled)
            for k in client_keys
        }
        self.calls = 0
        self.fail = False

    def __call__(self) -> dict[str, ApiKey]:
        self.calls += 1
        if self.fail:
            raise RuntimeError("TooManyRequestsException")
        return dict(self.keys)


def test_the_key_comes_from_the_header_in_any_case_before_the_query() -> None:
    assert presented_key({"X-Api-Key": " a "}, {"api_key": "b"}) == "a"
    assert presented_key({"Accept": "*/*"}, {"api_key": "b"}) == "b"
    assert presented_key(None, None) is None and presented_key({"x-api-key": ""}, {}) is None


def test_allow_meters_the_key_and_names_its_owner_never_its_value() -> None:
    key = ApiKey("k1", API_KEY_VALUE_PREFIX + VALID, True)
    answer = allow(key, ARN)
    assert answer["principalId"] == "k1" == answer["context"]["owner"]
    assert answer["usageIdentifierKey"] == key.value and VALID not in answer["principalId"]
    statement = answer["policyDocument"]["Statement"][0]
    assert statement == {
        "Action": "execute-api:Invoke",
        "Effect": "Allow",
        "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/dev/*/*",
    }
    assert deny(ARN)["policyDocument"]["Statement"][0]["Effect"] == "Deny"


def test_unknown_keys_never_trigger_a_reload() -> None:
    loader, clock = Loader(VALID), Clock()
    directory = ApiKeyDirectory(loader, reload_seconds=60, clock=clock)
    for n in range(1000):
        assert directory.find(f"invented-key-{n:06d}") is None
        assert directory.find(VALID) is not None
    assert loader.calls == 1
    clock.now = 61
    directory.find("invented-key-x")
    assert loader.calls == 2


def test_disabled_and_new_keys_take_effect_at_the_next_period() -> None:
    loader, clock = Loader(VALID, "second-key-123456", disabled=("second-key-123456",)), Clock()
    directory = ApiKeyDirectory(loader, reload_seconds=60, clock=clock)
    assert directory.find("second-key-123456") is None
    loader.keys[API_KEY_VALUE_PREFIX + "third-key-1234567"] = ApiKey("id-3", "x", True)
    assert directory.find("third-key-1234567") is None
    clock.now = 60
    assert directory.find("third-key-1234567") is not None


def test_a_failed_reload_keeps_serving_known_keys_and_retries_later() -> None:
    loader, clock = Loader(VALID), Clock()
    directory = ApiKeyDirectory(loader, reload_seconds=60, clock=clock)
    assert directory.find(VALID)
    loader.fail, clock.now = True, 61
    assert directory.find(VALID) is not None and loader.calls == 2
    assert directory.find(VALID) is not None and loader.calls == 2  # not again at once
    clock.now = 67
    loader.fail = False
    directory.find(VALID)
    assert loader.calls == 3


def test_the_first_load_failing_is_an_error_not_a_silent_deny() -> None:
    loader = Loader(VALID)
    loader.fail = True
    with pytest.raises(RuntimeError):
        ApiKeyDirectory(loader).find(VALID)


def test_concurrent_callers_share_one_reload() -> None:
    gate = threading.Event()
    loader = Loader(VALID)

    def slow() -> dict[str, ApiKey]:
        gate.wait(2)
        return loader()

    clock = Clock()
    directory = ApiKeyDirectory(slow, reload_seconds=60, clock=clock)
    directory.find(VALID)  # first load (gate times out harmlessly only if never set)
    clock.now = 61
    results: list[object] = []
    threads = [threading.Thread(target=lambda: results.append(directory.find(VALID))) for _ in range(8)]
    for thread in threads:
        thread.start()
    gate.set()
    for thread in threads:
        thread.join()
    assert loader.calls == 2 and all(r is not None for r in results)
