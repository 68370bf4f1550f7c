"""The generation engine: built-in datasets and custom templates, generated block by block, column by column.

Public API used by the pipeline, the API and the CLI. `render_rows` gives the exact bytes of a row range of a
file; concatenating consecutive ranges gives the same bytes as rendering the whole file at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from synthdata.engine.columns import Column
from synthdata.engine.compression import gzip_member, max_gzip_bytes
from synthdata.engine.dataset import BlockContext, Dataset, FieldInfo
from synthdata.engine.datasets import BUILT_IN
from synthdata.engine.locale_data import DEFAULT_LOCALE, LOCALES
from synthdata.engine.rng import BLOCK_ROWS
from synthdata.engine.writers import FORMATS, FormatOptions, max_row_bytes, write_piece

ENGINE_VERSION = "1.2.0"
COMPRESSIONS = ("gzip",)

__all__ = [
    "BLOCK_ROWS",
    "COMPRESSIONS",
    "DEFAULT_LOCALE",
    "ENGINE_VERSION",
    "FORMATS",
    "LOCALES",
    "Dataset",
    "FieldInfo",
    "FormatOptions",
    "content_type",
    "estimate_record_bytes",
    "get_dataset",
    "iter_rendered_blocks",
    "max_record_bytes",
    "preview_records",
    "render_rows",
]


def get_dataset(name: str) -> Dataset:
    """A built-in dataset by name; KeyError for any other name."""
    return BUILT_IN[name]


def _block_columns(
    dataset: Dataset, seed: int, locale: str, block: int, options: dict[str, Any], rows: int
) -> dict[str, Column]:
    """The columns of at least the first `rows` rows of a block: only those when the dataset is prefix-safe."""
    wanted = rows if dataset.prefix_safe else BLOCK_ROWS
    context = BlockContext(seed=seed, locale=locale, block_index=block, options=options, rows=wanted)
    return dataset.generate_block(context)


def iter_rendered_blocks(
    dataset: Dataset,
    *,
    seed: int,
    locale: str,
    fmt: str,
    compression: str | None,
    start: int,
    stop: int,
    total: int,
    options: dict[str, Any] | None = None,
) -> Iterator[tuple[bytes, int]]:
    """(bytes, rows) for each block piece of rows [start, stop): lets callers stream and report progress."""
    if not 0 <= start < stop <= total:
        raise ValueError(f"bad row range [{start}, {stop}) of {total}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if compression not in (None, *COMPRESSIONS):
        raise ValueError(f"unknown compression {compression!r}")
    if compression and start % BLOCK_ROWS:
        raise ValueError("compressed ranges must start on a block boundary")
    names = [f.name for f in dataset.fields]
    opts = dict(options or {})
    writing = FormatOptions.from_options(opts)
    for block in range(start // BLOCK_ROWS, (stop - 1) // BLOCK_ROWS + 1):
        block_start = block * BLOCK_ROWS
        lo, hi = max(start, block_start) - block_start, min(stop, block_start + BLOCK_ROWS) - block_start
        columns = _block_columns(dataset, seed, locale, block, opts, hi)
        if (lo, hi) != (0, len(columns[names[0]])):
            columns = {name: column.take(lo, hi) for name, column in columns.items()}
        text = write_piece(
            fmt,
            names,
            columns,
            first_row=block_start + lo == 0,
            last_row=block_start + hi == total,
            start_row=block_start + lo,
            options=writing,
        ).encode()
        yield (gzip_member(text) if compression else text), hi - lo


def render_rows(
    dataset: Dataset,
    *,
    seed: int,
    locale: str,
    fmt: str,
    compression: str | None,
    start: int,
    stop: int,
    total: int,
    options: dict[str, Any] | None = None,
) -> bytes:
    """The bytes of rows [start, stop) of a `total`-row file (a shard). Compressed shards start on a block."""
    return b"".join(
        piece
        for piece, _ in iter_rendered_blocks(
            dataset,
            seed=seed,
            locale=locale,
            fmt=fmt,
            compression=compression,
            start=start,
            stop=stop,
            total=total,
            options=options,
        )
    )


def preview_records(
    dataset: Dataset, *, seed: int, locale: str, count: int, options: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The first `count` rows (at most one block) as JSON-ready dicts: the same values the file holds."""
    count = min(count, BLOCK_ROWS)
    columns = _block_columns(dataset, seed, locale, 0, dict(options or {}), count)
    values = {f.name: columns[f.name].take(0, count).python_values() for f in dataset.fields}
    return [{name: values[name][i] for name in values} for i in range(count)]


def estimate_record_bytes(
    dataset: Dataset, *, locale: str, fmt: str, compression: str | None, options: dict[str, Any] | None = None
) -> float:
    """Bytes per record of a file, measured on one rendered block (seed-independent to within a few %)."""
    piece = render_rows(
        dataset,
        seed=0,
        locale=locale,
        fmt=fmt,
        compression=compression,
        start=0,
        stop=BLOCK_ROWS,
        total=BLOCK_ROWS + 1,
        options=options,
    )
    return len(piece) / BLOCK_ROWS


def max_record_bytes(
    dataset: Dataset, *, fmt: str, compression: str | None, options: dict[str, Any] | None = None
) -> float | None:
    """The most bytes a record of the file can take, from its fields' bounded widths (templates); None when a
    field states no bound (built-in datasets, whose sampled estimate is the plan).

    An upper bound, several times the typical size: it bounds what a shard can weigh (a worker's memory and
    time). It must not replace estimate_record_bytes in the 5 MiB part floor: a larger bytes-per-record
    figure plans fewer records per part, so parts come out smaller than planned, not larger.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    widths = [field.max_bytes for field in dataset.fields if field.max_bytes is not None]
    if len(widths) < len(dataset.fields):
        return None
    text = max_row_bytes(fmt, dataset.fields, widths, FormatOptions.from_options(options))
    return max_gzip_bytes(text * BLOCK_ROWS) / BLOCK_ROWS if compression else float(text)


_MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "json": "application/json",
    "ndjson": "application/x-ndjson",
    "sql": "application/sql",
}


def content_type(fmt: str, compression: str | None) -> tuple[str, str | None, str]:
    """(Content-Type, Content-Encoding, file extension) of a file."""
    media = _MEDIA_TYPES[fmt]
    if compression == "gzip":
        return media, "gzip", f"{fmt}.gz"
    return media, None, fmt
