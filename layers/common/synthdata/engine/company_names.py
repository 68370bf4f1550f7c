"""The forms of the locale's company names: legal name, trading name, and the label its web domain uses."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from synthdata.engine.locale_data import locale_data


class CompanyNameForms(NamedTuple):
    """Three arrays over the locale's company name pool; the same index is the same company."""

    legal: npt.NDArray[np.object_]  # "Abbott, Paul and Edwards LLC"
    trading: npt.NDArray[np.object_]  # "Abbott, Paul and Edwards": without the legal suffix
    domain_labels: npt.NDArray[np.object_]  # "abbott-paul-and-edwards": ASCII, for web and email domains


def company_name_forms(locale: str) -> CompanyNameForms:
    """The name forms of the locale's company pool (derived at build time, read with the locale's data)."""
    data = locale_data(locale)
    return CompanyNameForms(data.companies, data.company_trading, data.company_domain_labels)
