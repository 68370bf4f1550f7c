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

import pytest
import yaml

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


def _template() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    def any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
        if isinstance(node, yaml.ScalarNode):
            return {suffix: loader.construct_scalar(node)}
        if isinstance(node, yaml.SequenceNode):
            return {suffix: loader.construct_sequence(node)}
        return {suffix: loader.construct_mapping(node)}

    Loader.add_multi_constructor("!", any_tag)
    return yaml.load((ROOT / "template.yaml").read_text(), Loader=Loader)


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


def test_every_function_runs_python313_with_the_layer_and_least_privilege() -> None:
    template = _template()
    globals_fn = template["Globals"]["Function"]
    assert globals_fn["Runtime"] == "python3.13"
    assert globals_fn["Layers"] == [{"Ref": "CommonLayer"}]
    functions = {k: v for k, v in template["Resources"].items() if v["Type"] == "AWS::Serverless::Function"}
    assert set(functions) == {"ApiFunction", "AuthorizerFunction", "WorkerFunction", "FinalizerFunction"}
    for name, fn in functions.items():
        policies = fn["Properties"].get("Policies", [])
        for policy in policies:
            for statement in policy.get("Statement", []) if isinstance(policy, dict) else []:
                resources = statement["Resource"]
                resources = resources if isinstance(resources, list) else [resources]
                assert "*" not in resources, f"{name} has a wildcard resource"
                actions = (
                    statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
                )
                assert not any(a.endswith(":*") for a in actions), f"{name} grants a whole service"


def test_storage_is_private_encrypted_and_expires() -> None:
    resources = _template()["Resources"]
    bucket = resources["DataBucket"]["Properties"]
    assert all(bucket["PublicAccessBlockConfiguration"].values())
    assert bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    rules = {r["Id"]: r for r in bucket["LifecycleConfiguration"]["Rules"]}
    assert rules["ExpireGeneratedFiles"]["ExpirationInDays"] == {"Ref": "MaxFileAgeDays"}
    assert rules["AbortIncompleteUploads"]["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"] >= 1
    for table in ("JobsTable", "TemplatesTable", "IdempotencyTable"):
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
    size = sum(p.stat().st_size for p in layer.rglob("*") if p.is_file())
    print(f"built layer: {size / 2**20:.1f} MiB unzipped (limit 250 MiB)")
    assert size < LAMBDA_UNZIPPED_LIMIT
    for function in ("ApiFunction", "AuthorizerFunction", "WorkerFunction", "FinalizerFunction"):
        assert (build_dir / function / "app.py").exists()
