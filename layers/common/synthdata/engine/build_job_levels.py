"""Writes the shipped title -> wage level table from the keyword rules: `python -m synthdata.engine.build_job_levels`."""

from __future__ import annotations

from synthdata.engine.occupations import JOB_LEVELS_STEM, derive_job_levels
from synthdata.engine.vocabulary_files import encode_document, vocabulary_path


def main() -> None:
    """Rewrite `job_levels.json.gz` from `occupations.RULES` and the locales' job lists."""
    path = vocabulary_path(JOB_LEVELS_STEM)
    path.write_bytes(encode_document(derive_job_levels()))
    print(f"{path.name}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
