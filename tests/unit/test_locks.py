"""The hashed lock files are complete and fresh, so a build installs exactly what was reviewed.

Each `.in` file is edited by hand; `make lock` compiles it into the lock beside it (see each lock's header).
These tests read files only: they catch a lock that was not regenerated after an `.in` edit, an entry added by
hand without a pin or a hash, and a layer whose versions drift from the ones the dev venv tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LAYER_IN = ROOT / "layers" / "common" / "requirements.in"
LAYER_LOCK = ROOT / "layers" / "common" / "requirements.txt"
DEV_IN = ROOT / "requirements-dev.in"
DEV_LOCK = ROOT / "requirements-dev.txt"
LOCKS = {"layer": (LAYER_IN, LAYER_LOCK), "dev": (DEV_IN, DEV_LOCK)}
HASH = re.compile(r"sha256:[0-9a-f]{64}")


def _lock_entries(lock: Path) -> list[str]:
    """The lock's entries, one string each: continuation lines joined, comment lines dropped."""
    joined = lock.read_text().replace("\\\n", " ")
    return [
        line.strip() for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]


def _pins(lock: Path) -> dict[str, str]:
    """Canonical package name -> pinned version, for every entry of the lock."""
    pins: dict[str, str] = {}
    for entry in _lock_entries(lock):
        requirement = Requirement(entry.split(" --hash=")[0])
        pins[canonicalize_name(requirement.name)] = str(requirement.specifier).removeprefix("==")
    return pins


def _in_requirements(source: Path) -> list[Requirement]:
    """The requirements an `.in` file names, following its `-r` includes (relative to the including file)."""
    requirements: list[Requirement] = []
    for raw in source.read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("-r "):
            requirements += _in_requirements(source.parent / line.removeprefix("-r ").strip())
            continue
        requirements.append(Requirement(line))
    return requirements


@pytest.mark.parametrize("lock_name", sorted(LOCKS))
def test_every_lock_entry_is_pinned_exactly_and_hashed(lock_name: str) -> None:
    _, lock = LOCKS[lock_name]
    entries = _lock_entries(lock)
    assert entries, f"{lock.relative_to(ROOT)} holds no requirement"
    for entry in entries:
        assert not entry.startswith("-"), (
            f"{lock.relative_to(ROOT)}: an option line makes the lock depend on another file: {entry}"
        )
        head, *hashes = entry.split(" --hash=")
        try:
            requirement = Requirement(head)
        except InvalidRequirement as error:
            pytest.fail(f"{lock.relative_to(ROOT)}: not a requirement: {head!r} ({error})")
        specifiers = list(requirement.specifier)
        assert requirement.url is None, f"{lock.relative_to(ROOT)}: {head} installs from a URL"
        assert len(specifiers) == 1 and specifiers[0].operator == "==" and "*" not in specifiers[0].version, (
            f"{lock.relative_to(ROOT)}: {head} is not pinned with =="
        )
        assert hashes, f"{lock.relative_to(ROOT)}: {head} has no --hash"
        assert all(HASH.fullmatch(h.strip()) for h in hashes), (
            f"{lock.relative_to(ROOT)}: {head} has a malformed hash"
        )


@pytest.mark.parametrize("lock_name", sorted(LOCKS))
def test_every_requirement_of_the_in_file_is_locked_at_a_version_it_allows(lock_name: str) -> None:
    source, lock = LOCKS[lock_name]
    pins = _pins(lock)
    for requirement in _in_requirements(source):
        name = canonicalize_name(requirement.name)
        assert name in pins, (
            f"{requirement} is in {source.relative_to(ROOT)} but not in {lock.relative_to(ROOT)}: run `make lock`"
        )
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{lock.relative_to(ROOT)} pins {name}=={pins[name]}, which {source.relative_to(ROOT)} no longer allows ({requirement}): "
            "run `make lock`"
        )


@pytest.mark.parametrize("lock_name", sorted(LOCKS))
def test_lock_header_names_the_command_that_regenerates_it(lock_name: str) -> None:
    source, lock = LOCKS[lock_name]
    header = "\n".join(line for line in lock.read_text().splitlines()[:3] if line.startswith("#"))
    # --universal: one lock serves Python 3.11 here and the python3.13 manylinux wheels sam build installs.
    for part in ("uv pip compile", "--universal", "--generate-hashes", str(source.relative_to(ROOT))):
        assert part in header, (
            f"{lock.relative_to(ROOT)}'s header lacks {part!r}: regenerate it with `make lock`"
        )
    assert f"-o {lock.relative_to(ROOT)}" in header


def test_layer_ships_the_versions_the_dev_venv_tests() -> None:
    layer, dev = _pins(LAYER_LOCK), _pins(DEV_LOCK)
    assert layer.keys() <= dev.keys(), (
        f"layer packages missing from the dev lock: {sorted(layer.keys() - dev.keys())}"
    )
    drifted = {name: (version, dev[name]) for name, version in layer.items() if dev[name] != version}
    assert not drifted, f"layer vs dev pins differ (layer, dev): {drifted}: run `make lock`"
