"""How the template tests render files: rows [start, stop) of a `total`-row file (the whole file by default)."""

from __future__ import annotations

from typing import Any

from synthdata.engine import Dataset, render_rows
from tests.unit.fields.parents import compiled


def rendered(
    source: Dataset | list[dict[str, Any]],
    stop: int,
    *,
    fmt: str = "json",
    seed: int = 1,
    locale: str = "en_US",
    compression: str | None = None,
    options: dict[str, Any] | None = None,
    start: int = 0,
    total: int | None = None,
) -> bytes:
    """The bytes of rows [start, stop) of a file of `total` rows (stop rows when not given); `source` is a
    dataset or the schema_fields of a template."""
    dataset = compiled(source) if isinstance(source, list) else source
    return render_rows(
        dataset,
        seed=seed,
        locale=locale,
        fmt=fmt,
        compression=compression,
        start=start,
        stop=stop,
        total=total or stop,
        options=options,
    )
