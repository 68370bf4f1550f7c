"""Internet: URLs and domains of the row's company, documentation-range IP addresses, user agents."""

from __future__ import annotations

from typing import ClassVar, Literal

import numpy as np
import numpy.typing as npt

from synthdata.engine import builders
from synthdata.engine.columns import Column
from synthdata.engine.company_names import company_name_forms
from synthdata.engine.locale_data import lorem_words
from synthdata.engine.words import TEST_NETS, USER_AGENTS
from synthdata.fields.base import EarlierColumns, FieldModel
from synthdata.fields.draws import category
from synthdata.fields.row import Row

_HOSTS_PER_NET = 254  # .1 to .254 of each /24
_IPV6_GROUPS = 6  # after the 2001:db8 documentation prefix


class InternetField(FieldModel):
    family: ClassVar[str] = "internet"


class Url(InternetField):
    field_type: Literal["url"] = "url"
    description = "https URL on a reserved .example domain"
    example = "https://www.abbott.example/pricing"
    max_bytes = 80
    work = 4

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        words = lorem_words()
        paths = words[rng.integers(0, len(words), row.context.size)]
        return Column("str", builders.join("https://www.", _company_domains(row), "/", paths))


class Domain(InternetField):
    field_type: Literal["domain"] = "domain"
    description = "Domain on the reserved .example TLD"
    example = "abbott.example"
    max_bytes = 48
    work = 3

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column("str", _company_domains(row), ascii_safe=True)


class Ipv4(InternetField):
    field_type: Literal["ipv4"] = "ipv4"
    description = "IPv4 from the documentation ranges (TEST-NET 1-3)"
    example = "198.51.100.23"
    max_bytes = 15
    work = 4
    enumerable = True

    def capacity(self) -> int:
        return len(TEST_NETS) * _HOSTS_PER_NET

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        code = self.codes(row, rng, self.capacity())
        nets = np.asarray(TEST_NETS, dtype=object)[code // _HOSTS_PER_NET]
        return Column("str", builders.join(nets, builders.digits(code % _HOSTS_PER_NET + 1)), ascii_safe=True)


class Ipv6(InternetField):
    field_type: Literal["ipv6"] = "ipv6"
    description = "IPv6 from the documentation prefix 2001:db8::/32"
    example = "2001:db8:4f2a::1c"
    max_bytes = 39
    work = 30

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        groups = rng.integers(0, 65536, (row.context.size, _IPV6_GROUPS))
        text: npt.NDArray[np.object_] = np.full(row.context.size, "2001:db8", dtype=object)
        for index in range(_IPV6_GROUPS):
            text = text + ":" + np.char.mod("%x", groups[:, index]).astype(object)
        return Column("str", text, ascii_safe=True)


class UserAgent(InternetField):
    field_type: Literal["user_agent"] = "user_agent"
    description = "Browser user agent"
    example = "Mozilla/5.0 (X11; Linux x86_64) ..."
    max_bytes = 128

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return category(USER_AGENTS, self.codes(row, rng, len(USER_AGENTS)))


def _company_domains(row: Row) -> npt.NDArray[np.object_]:
    labels = company_name_forms(row.context.locale).domain_labels
    return builders.join(labels[row.company], ".example")


INTERNET: list[type[FieldModel]] = [Url, Domain, Ipv4, Ipv6, UserAgent]
