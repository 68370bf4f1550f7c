"""Emails and usernames from a person's name and a code unique to the row: as arrays, or as pieces for the
writer (shared table words around one new string per row, the surname and code, which both share)."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import numpy.typing as npt

from synthdata.engine.builders import EXAMPLE_DOMAINS, FREE_MAIL_DOMAINS, People, digits, suffixed
from synthdata.engine.column_text import int_pieces
from synthdata.engine.rng import unique_codes
from synthdata.engine.row_parts import Coded, Pieces

ObjArray = npt.NDArray[np.object_]


def email_domains(rng: np.random.Generator, n: int, realistic: bool) -> ObjArray:
    """Each row's email domain with its "@" (what follows the name in `person_handles`), from a shared table."""
    domains = email_domain_codes(rng, n, realistic)
    return domains.table[domains.codes]


def email_domain_codes(rng: np.random.Generator, n: int, realistic: bool) -> Coded:
    """`email_domains` as the shared table and each row's code into it (the same draw)."""
    return Coded(_at_domains(realistic), rng.integers(0, len(_at_domains(realistic)), n))


@lru_cache(maxsize=2)
def _at_domains(realistic: bool) -> ObjArray:
    return np.asarray(
        ["@" + domain for domain in (FREE_MAIL_DOMAINS if realistic else EXAMPLE_DOMAINS)], dtype=object
    )


def person_handles(
    person: People, row_index: npt.NDArray[np.int64], seed: int, at_domains: ObjArray
) -> tuple[ObjArray, ObjArray]:
    """(email, username) from the person's name plus a code unique to the row, so unique within a file;
    `at_domains` is each row's "@" and domain (`email_domains`)."""
    # Array additions, not a join per row: each makes one string per row at less cost than a join of three.
    tail = _handle_tail(person, row_index, seed)
    email = suffixed(person.data.first_names_ascii, ".")[person.first_codes] + tail + at_domains
    username = suffixed(person.data.first_names_ascii, "_")[person.first_codes] + tail
    return email, username


def person_handle_pieces(
    person: People, row_index: npt.NDArray[np.int64], seed: int, at_domains: Coded
) -> tuple[Pieces, Pieces]:
    """`person_handles` as pieces for the writer: the first name with "." or "_" and the "@" and domain from
    tables, the surname and code one string per row shared by both, so no string per email or username."""
    tail = _handle_tail(person, row_index, seed).tolist()
    email = Pieces(
        (Coded(suffixed(person.data.first_names_ascii, "."), person.first_codes), tail, at_domains)
    )
    username = Pieces((Coded(suffixed(person.data.first_names_ascii, "_"), person.first_codes), tail))
    return email, username


def _handle_tail(person: People, row_index: npt.NDArray[np.int64], seed: int) -> ObjArray:
    """The ASCII surname and the row's unique code, made from table pieces (no string for the code alone)."""
    codes = unique_codes(row_index, seed)
    pieces = int_pieces(codes)
    tail: ObjArray = (
        person.last_ascii + pieces[0] + pieces[1] if pieces else person.last_ascii + digits(codes)
    )
    return tail
