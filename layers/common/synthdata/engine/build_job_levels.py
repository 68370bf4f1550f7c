"""Writes the shipped title -> wage level table from the keyword rules, then each locale's salary levels from it:
`python -m synthdata.engine.build_job_levels`."""

from __future__ import annotations

from pathlib import Path

from synthdata.engine import occupations
from synthdata.engine.economics import derive_salary_levels, salary_levels_path
from synthdata.engine.locales import LOCALES
from synthdata.engine.vocabulary_files import encode_document, vocabulary_path


def main() -> None:
    """Rewrite `job_levels.json` from `occupations.RULES` and the locales' job lists, and each locale's
    `salary_levels_<locale>.json` from that table."""
    path = vocabulary_path(occupations.JOB_LEVELS_STEM)
    path.write_bytes(encode_document(occupations.derive_job_levels()))
    occupations.job_levels.cache_clear()  # the salary levels derive from the table just written
    written = [path]
    for locale in LOCALES:
        written.append(Path(salary_levels_path(locale)))
        written[-1].write_bytes(derive_salary_levels(locale))
    for file in written:
        print(f"{file.name}: {file.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
