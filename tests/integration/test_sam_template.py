"""The SAM template lints clean and builds, and the built layer fits Lambda's limits.

`sam build` needs a python3.13 (the template's runtime); pyenv builds live under $PYENV_ROOT/versions on these
machines. Where none exists the build test is skipped with the reason printed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import Figure
from tests.template_tools import (
    dependency_graph,
    find_cycle,
    logical_id_of,
    parameter_defaults,
    refused_by_rules,
    resources_of_type,
    translated_template,
    with_parameters,
)

ROOT = Path(__file__).resolve().parents[2]
SAM = str(Path(sys.executable).with_name("sam"))
LAMBDA_UNZIPPED_LIMIT = 250 * 1024 * 1024


def _sam_env(extra_path: str | None = None) -> dict[str, str]:
    env = dict(os.environ, SAM_CLI_TELEMETRY="0", AWS_DEFAULT_REGION="us-east-1")
    if extra_path:
        env["PATH"] = f"{extra_path}{os.pathsep}{env['PATH']}"
    return env


def _python313_bin() -> str | None:
    """A folder holding a working python3.13: pyenv's builds first (a pyenv shim on PATH may not run 3.13)."""
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = [p / "python3.13" for p in sorted(pyenv_root.glob("versions/3.13*/bin"), reverse=True)]
    on_path = shutil.which("python3.13")
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        try:
            ran = subprocess.run(
                [str(candidate), "-c", "import sys; print(sys.version_info[:2])"],
                capture_output=True,
                text=True,
                timeout=30,
            )
        except OSError:
            continue
        if ran.returncode == 0 and ran.stdout.strip() == "(3, 13)":
            return str(candidate.parent)
    return None


def _template() -> dict[str, Any]:
    class Loader(yaml.SafeLoader):
        pass

    def any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
        if isinstance(node, yaml.ScalarNode):
            return {suffix: loader.construct_scalar(node)}
        if isinstance(node, yaml.SequenceNode):
            return {suffix: loader.construct_sequence(node)}
        assert isinstance(node, yaml.MappingNode)  # the third and last kind of YAML node
        return {suffix: loader.construct_mapping(node)}

    Loader.add_multi_constructor("!", any_tag)
    template = yaml.load((ROOT / "template.yaml").read_text(), Loader=Loader)
    assert isinstance(template, dict)
    return template


def test_sam_validate_lint_is_clean() -> None:
    result = subprocess.run(
        [SAM, "validate", "--lint", "--template-file", str(ROOT / "template.yaml")],
        cwd=ROOT,
        env=_sam_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "is a valid SAM Template" in result.stdout + result.stderr


def test_every_function_runs_python313_with_the_layer() -> None:
    # Permissions: tests/integration/test_permissions.py checks the roles of the translated template.
    template = _template()
    globals_fn = template["Globals"]["Function"]
    assert globals_fn["Runtime"] == "python3.13"
    assert globals_fn["Layers"] == [{"Ref": "CommonLayer"}]
    functions = {k: v for k, v in template["Resources"].items() if v["Type"] == "AWS::Serverless::Function"}
    assert set(functions) == {
        "ApiFunction",
        "AuthorizerFunction",
        "WorkerFunction",
        "FinalizerFunction",
        "WebhookFunction",
    }


def test_storage_is_private_encrypted_and_expires() -> None:
    resources = _template()["Resources"]
    bucket = resources["DataBucket"]["Properties"]
    assert all(bucket["PublicAccessBlockConfiguration"].values())
    assert bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    rules = {r["Id"]: r for r in bucket["LifecycleConfiguration"]["Rules"]}
    assert rules["ExpireGeneratedFiles"]["ExpirationInDays"] == {"Ref": "MaxFileAgeDays"}
    assert rules["AbortIncompleteUploads"]["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"] >= 1
    for table in ("JobsTable", "TemplatesTable", "IdempotencyTable", "UsageTable", "WebhookSecretsTable"):
        props = resources[table]["Properties"]
        assert props["BillingMode"] == "PAY_PER_REQUEST"
        assert props["SSESpecification"]["SSEEnabled"] is True
        assert props["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True
    worker_timeout = resources["WorkerFunction"]["Properties"]["Timeout"]
    assert resources["WorkQueue"]["Properties"]["VisibilityTimeout"] > worker_timeout


@pytest.mark.slow
def test_sam_build_succeeds_and_layer_fits_lambda(tmp_path: Path) -> None:
    python313 = _python313_bin()
    if python313 is None:
        pytest.skip(
            "no python3.13 interpreter on PATH or under pyenv: sam build for Runtime python3.13 needs one"
        )
    build_dir = tmp_path / "build"
    result = subprocess.run(
        [
            SAM,
            "build",
            "--template-file",
            str(ROOT / "template.yaml"),
            "--build-dir",
            str(build_dir),
            "--cache-dir",
            str(tmp_path / "cache"),
        ],
        cwd=ROOT,
        env=_sam_env(python313),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    layer = build_dir / "CommonLayer" / "python"
    assert (layer / "synthdata" / "__init__.py").exists(), "the library must sit at /opt/python/synthdata"
    assert (layer / "synthdata" / "engine" / "vocabularies" / "places_en_US.npy").exists()
    # Bytecode for the runtime ships in the layer (/opt is read-only: Lambda cannot cache what it compiles),
    # hash-based and unchecked (flags 1), so zip mtimes cannot make it stale (layers/common/Makefile).
    for module in ("synthdata/engine/columns", "numpy/__init__", "pydantic/main", "botocore/client"):
        folder, name = (layer / module).parent, (layer / module).name
        pyc = (folder / "__pycache__" / f"{name}.cpython-313.pyc").read_bytes()
        assert int.from_bytes(pyc[4:8], "little") == 1, module
    size = sum(p.stat().st_size for p in layer.rglob("*") if p.is_file())
    print(f"built layer: {size / 2**20:.1f} MiB unzipped (limit 250 MiB)")
    assert size < LAMBDA_UNZIPPED_LIMIT
    for function in (
        "ApiFunction",
        "AuthorizerFunction",
        "WorkerFunction",
        "FinalizerFunction",
        "WebhookFunction",
    ):
        assert (build_dir / function / "app.py").exists()


# ---------------------------------------------------------------------------------------------- AWS guidance
# Checked on the translated template (what `sam deploy` sends), parameters at their defaults.
def _sqs_event_sources(translated: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(queue, function, mapping properties) of every event-source mapping that reads an SQS queue."""
    queues = resources_of_type(translated, "AWS::SQS::Queue")
    found = []
    for mapping in resources_of_type(translated, "AWS::Lambda::EventSourceMapping").values():
        props = mapping["Properties"]
        queue = logical_id_of(props["EventSourceArn"])
        if queue in queues:
            found.append((queue, logical_id_of(props["FunctionName"]), props))
    return found


def test_queues_hide_a_message_six_times_their_consumers_timeout(figure: Figure) -> None:
    translated = translated_template()
    resources = translated["Resources"]
    sources = _sqs_event_sources(translated)
    assert {"WorkQueue", "ExpressQueue", "WebhookQueue"} <= {queue for queue, _, _ in sources}
    for queue, function, _ in sources:
        visibility = int(resources[queue]["Properties"].get("VisibilityTimeout", 30))
        timeout = int(resources[function]["Properties"]["Timeout"])
        print(
            f"{queue}: visibility {visibility} s, {function} timeout {timeout} s ({visibility / timeout:.1f}x)"
        )
        assert visibility >= 6 * timeout, f"{queue} must hide a message for at least 6 x {function}'s timeout"
    ratios = [
        int(resources[q]["Properties"].get("VisibilityTimeout", 30))
        / int(resources[f]["Properties"]["Timeout"])
        for q, f, _ in sources
    ]
    figure(
        "12 template: visibility",
        f"{len(sources)} SQS event sources, visibility >= {min(ratios):.0f}x the timeout",
    )


def test_every_redrive_allows_five_receives(figure: Figure) -> None:
    translated = translated_template()
    resolved = with_parameters(translated, parameter_defaults(translated))
    queues = resources_of_type(resolved, "AWS::SQS::Queue")
    redriven = {
        name: q["Properties"]["RedrivePolicy"]
        for name, q in queues.items()
        if "RedrivePolicy" in q["Properties"]
    }
    assert {"WorkQueue", "ExpressQueue", "FinalizeQueue", "WebhookQueue"} <= set(redriven)
    # WebhookMaxAttempts sets the webhook queue's: its lowest allowed value still allows five receives.
    assert int(translated["Parameters"]["WebhookMaxAttempts"]["MinValue"]) >= 5
    for name, policy in redriven.items():
        print(
            f"{name}: maxReceiveCount {policy['maxReceiveCount']} -> {logical_id_of(policy['deadLetterTargetArn'])}"
        )
        assert int(policy["maxReceiveCount"]) >= 5, name
    lowest = min(int(policy["maxReceiveCount"]) for policy in redriven.values())
    figure("12 template: redrive", f"{len(redriven)} redrive policies, maxReceiveCount >= {lowest}")


def test_sqs_event_sources_cap_their_concurrency_within_the_reservation() -> None:
    translated = with_parameters(translated_template(), parameter_defaults(translated_template()))
    resources = translated["Resources"]
    caps: dict[str, list[int]] = {}
    for queue, function, props in _sqs_event_sources(translated):
        assert "MaximumConcurrency" in props.get("ScalingConfig", {}), (
            f"{function} reading {queue} has no cap"
        )
        cap = int(props["ScalingConfig"]["MaximumConcurrency"])
        assert 2 <= cap <= 1000, f"{function} reading {queue}: MaximumConcurrency {cap} outside 2..1000"
        caps.setdefault(function, []).append(cap)
    for function, function_caps in sorted(caps.items()):
        reserved = resources[function]["Properties"].get("ReservedConcurrentExecutions")
        print(
            f"{function}: MaximumConcurrency {function_caps} (sum {sum(function_caps)}), reserved {reserved}"
        )
        if reserved is None:
            continue  # draws on the account's unreserved pool: no reservation to stay within
        assert max(function_caps) <= int(reserved) and sum(function_caps) <= int(reserved), function
    assert resources["WorkerFunction"]["Properties"].get("ReservedConcurrentExecutions") is not None


def test_every_dead_letter_queue_raises_an_alarm() -> None:
    translated = translated_template()
    queues = resources_of_type(translated, "AWS::SQS::Queue").values()
    dead_letter = {
        logical_id_of(q["Properties"]["RedrivePolicy"]["deadLetterTargetArn"])
        for q in queues
        if "RedrivePolicy" in q["Properties"]
    }
    assert dead_letter == {"WorkDeadLetterQueue", "FinalizeDeadLetterQueue", "WebhookDeadLetterQueue"}
    watched: dict[str, list[str]] = {}
    for name, alarm in resources_of_type(translated, "AWS::CloudWatch::Alarm").items():
        props = alarm["Properties"]
        for dimension in props.get("Dimensions", []):
            if dimension["Name"] == "QueueName" and props.get("AlarmActions"):
                watched.setdefault(logical_id_of(dimension["Value"]), []).append(
                    f"{name} ({props['MetricName']})"
                )
    for queue in sorted(dead_letter):
        print(f"{queue}: {', '.join(watched.get(queue, ['no alarm']))}")
        assert watched.get(queue), f"no alarm with an action watches {queue}"


def test_the_api_stage_writes_access_logs() -> None:
    (stage,) = resources_of_type(translated_template(), "AWS::ApiGateway::Stage").values()
    setting = stage["Properties"].get("AccessLogSetting", {})
    print(f"access logs -> {setting.get('DestinationArn')}")
    assert setting.get("DestinationArn") and setting.get("Format")


def test_the_api_function_does_not_trace_its_responses() -> None:
    api = translated_template()["Resources"]["ApiFunction"]["Properties"]
    value = api["Environment"]["Variables"].get("POWERTOOLS_TRACER_CAPTURE_RESPONSE")
    print(f"ApiFunction POWERTOOLS_TRACER_CAPTURE_RESPONSE={value!r}")
    assert value == "false", "responses carry presigned links: the tracer must not record them"


def test_the_rules_refuse_the_default_api_key_outside_dev() -> None:
    translated = translated_template()
    default_key = translated["Parameters"]["ApiKey"]["Default"]
    cases = {
        ("prod", default_key): False,
        ("prod", "a-secret-of-our-own-0123"): True,
        ("dev", default_key): True,
    }
    for (stage, key), allowed in cases.items():
        refusals = refused_by_rules(translated, {"Stage": stage, "ApiKey": key})
        print(f"Stage={stage}, {'default' if key == default_key else 'own'} key: {refusals or 'deploys'}")
        assert (not refusals) is allowed, (stage, key)


def test_the_rules_refuse_local_http_webhooks_outside_dev() -> None:
    translated = translated_template()
    own_key = {"ApiKey": "a-secret-of-our-own-0123"}
    cases = {("prod", "true"): False, ("prod", "false"): True, ("dev", "true"): True}
    for (stage, allow), allowed in cases.items():
        refusals = refused_by_rules(translated, {**own_key, "Stage": stage, "WebhookAllowLocalHttp": allow})
        print(f"Stage={stage}, WebhookAllowLocalHttp={allow}: {refusals or 'deploys'}")
        assert (not refusals) is allowed, (stage, allow)
    assert translated["Parameters"]["WebhookAllowLocalHttp"]["Default"] == "false"


def test_stage_throttles_sit_above_the_per_key_limits() -> None:
    translated = translated_template()
    defaults = parameter_defaults(translated)
    resolved = with_parameters(translated, defaults)
    (stage,) = resources_of_type(resolved, "AWS::ApiGateway::Stage").values()
    (plan,) = resources_of_type(resolved, "AWS::ApiGateway::UsagePlan").values()
    (method,) = stage["Properties"]["MethodSettings"]
    per_key = plan["Properties"]["Throttle"]
    print(
        f"stage {method['ThrottlingRateLimit']} rps / burst {method['ThrottlingBurstLimit']}; "
        f"per key {per_key['RateLimit']} rps / burst {per_key['BurstLimit']}"
    )
    assert float(method["ThrottlingRateLimit"]) > float(per_key["RateLimit"])
    assert int(method["ThrottlingBurstLimit"]) > int(per_key["BurstLimit"])


def test_download_links_live_at_most_an_hour() -> None:
    expiry = translated_template()["Parameters"]["DownloadUrlExpirySeconds"]
    print(f"DownloadUrlExpirySeconds default {expiry['Default']}, MaxValue {expiry.get('MaxValue')}")
    assert "MaxValue" in expiry and int(expiry["MaxValue"]) <= 3600
    assert int(expiry["Default"]) <= int(expiry["MaxValue"])


def test_the_translated_template_has_no_dependency_cycle() -> None:
    graph = dependency_graph(translated_template())
    print(f"{len(graph)} resources, {sum(len(d) for d in graph.values())} dependencies")
    cycle = find_cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])
