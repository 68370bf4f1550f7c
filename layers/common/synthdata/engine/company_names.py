"""The forms of the locale's company names: legal name, trading name, and the label its web domain uses."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from synthdata.engine.locale_data import ascii_slug, locale_data

_LABEL_LENGTH = 24


class CompanyNameForms(NamedTuple):
    """Three arrays over the locale's company name pool; the same index is the same company."""

    legal: npt.NDArray[np.object_]  # "Abbott, Paul and Edwards LLC"
    trading: npt.NDArray[np.object_]  # "Abbott, Paul and Edwards": without the legal suffix
    domain_labels: npt.NDArray[np.object_]  # "abbottpauledwards": ASCII, for web and email domains


@lru_cache(maxsize=8)
def company_name_forms(locale: str) -> CompanyNameForms:
    """The name forms of the locale's company pool (built once per locale, then cached)."""
    data = locale_data(locale)
    # Longest first, so "GmbH & Co. KG" is removed whole rather than as "KG".
    suffixes = sorted(data.company_suffixes, key=len, reverse=True)
    trading = []
    for name in data.companies.tolist():
        base = name
        for suffix in suffixes:
            if base.endswith(" " + suffix):
                base = base[: -len(suffix) - 1].rstrip(" ,")
                break
        trading.append(base)
    labels = [ascii_slug(t)[:_LABEL_LENGTH] or "company" for t in trading]
    return CompanyNameForms(
        data.companies, np.asarray(trading, dtype=object), np.asarray(labels, dtype=object)
    )
