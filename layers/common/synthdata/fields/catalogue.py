"""The field types templates may use: their parameters, capacity (distinct values) and examples.

Data, not behaviour: generators live in `generators.py`, validation in `compiler.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

NUMBER_DISTRIBUTIONS = ("uniform", "normal", "lognormal")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # int | number | string | bool | list | date | datetime | choice
    default: Any
    description: str
    choices: tuple[str, ...] = ()

    def describe(self) -> dict[str, Any]:
        described = {
            "name": self.name,
            "type": self.kind,
            "default": self.default,
            "description": self.description,
        }
        if self.choices:
            described["choices"] = list(self.choices)
        return described


@dataclass(frozen=True)
class FieldType:
    name: str
    family: str
    description: str
    example: Any
    params: tuple[Param, ...] = field(default_factory=tuple)
    value_type: str = "string"  # the JSON type of its values
    unique_by_construction: bool = False  # unique without a capacity limit (ids, sequences, emails)
    enumerable: bool = False  # unique possible up to its capacity (integers, dates, choices, patterns)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


COMMON_PARAMS = (
    Param("nullable", "bool", False, "May the value be missing (empty in CSV, null in JSON)"),
    Param("null_rate", "number", 0.1, "Share of missing values when nullable, 0 to 1"),
    Param(
        "unique", "bool", False, "Every value distinct within the file (checked against the type's capacity)"
    ),
)

_RANGE_INT = (Param("min", "int", 0, "Smallest value"), Param("max", "int", 100, "Largest value"))
FORMAT_PARAM = Param(
    "format",
    "string",
    "",
    "strftime-style output with %Y %m %d %H %M %S (empty: ISO 8601, and JSON dates stay ISO)",
)
_DISTRIBUTION = Param("distribution", "choice", "uniform", "Shape of the values", NUMBER_DISTRIBUTIONS)


def _types() -> list[FieldType]:
    return [
        # identifiers
        FieldType(
            "uuid",
            "identifiers",
            "UUID4",
            "0f8e3c1a-5b2d-4c4e-9a7b-1d2e3f405162",
            unique_by_construction=True,
        ),
        FieldType(
            "sequence",
            "identifiers",
            "start + step x row number",
            1,
            (Param("start", "int", 1, "First value"), Param("step", "int", 1, "Increment (not 0)")),
            "integer",
            unique_by_construction=True,
        ),
        FieldType(
            "pattern",
            "identifiers",
            "Text from a pattern: # a digit, ? an uppercase letter",
            "ORD-4821-KQ",
            (Param("pattern", "string", "ID-######", "The pattern"),),
            enumerable=True,
        ),
        # person (one coherent person per row)
        FieldType("first_name", "person", "Given name (matches gender)", "Emily"),
        FieldType("last_name", "person", "Family name", "Johnson"),
        FieldType("name", "person", "Full name", "Emily Johnson"),
        FieldType("gender", "person", "female or male, matching the first name", "female"),
        FieldType(
            "email",
            "person",
            "From the row's person; unique; reserved example domains by default",
            "emily.johnson4821907@example.com",
            (Param("domain", "string", "", "Use this domain instead (e.g. corp.example)"),),
            unique_by_construction=True,
        ),
        FieldType(
            "username",
            "person",
            "From the row's person; unique",
            "emily_johnson4821907",
            unique_by_construction=True,
        ),
        FieldType("phone", "person", "Locale format, fictional ranges where they exist", "+1-312-555-0147"),
        FieldType(
            "date_of_birth",
            "person",
            "The person's birth date (18 to 90 years before the reference date)",
            "1987-04-12",
            value_type="date",
        ),
        FieldType("age", "person", "The person's age, agreeing with date_of_birth", 37, value_type="integer"),
        FieldType("job_title", "person", "Job title", "Data scientist"),
        # address (one coherent place per row)
        FieldType("street_address", "address", "Building number and street", "1420 Maple Grove"),
        FieldType("city", "address", "City", "West Mark"),
        FieldType("state", "address", "State or region of the city", "IL"),
        FieldType("postal_code", "address", "Postal code of that state or region", "60614"),
        FieldType("country", "address", "Country of the locale", "United States"),
        FieldType("country_code", "address", "ISO 3166 alpha-2 code of the locale", "US"),
        FieldType(
            "latitude", "address", "Latitude inside the locale's country", 41.8781, value_type="number"
        ),
        FieldType(
            "longitude", "address", "Longitude inside the locale's country", -87.6298, value_type="number"
        ),
        # company
        FieldType("company_name", "company", "Company name", "Abbott, Paul and Edwards"),
        FieldType("industry", "company", "Industry", "Technology"),
        FieldType("department", "company", "Department", "Engineering"),
        # commerce
        FieldType(
            "product_name", "commerce", "Product name, of the row's product_category", "Premium Smartwatch"
        ),
        FieldType("product_category", "commerce", "Product category", "Electronics"),
        FieldType(
            "price",
            "commerce",
            "Price with cents",
            19.99,
            (Param("min", "number", 1.0, "Lowest price"), Param("max", "number", 500.0, "Highest price")),
            "number",
        ),
        FieldType("currency_code", "commerce", "ISO 4217 code", "EUR"),
        FieldType(
            "iban",
            "commerce",
            "German-format IBAN with valid check digits (not a real account)",
            "DE89370400440532013000",
        ),
        FieldType(
            "credit_card_number",
            "commerce",
            "A published test card number (never a real card)",
            "4242424242424242",
            enumerable=True,
        ),
        # internet
        FieldType(
            "url", "internet", "https URL on a reserved .example domain", "https://www.abbott.example/pricing"
        ),
        FieldType("domain", "internet", "Domain on the reserved .example TLD", "abbott.example"),
        FieldType(
            "ipv4",
            "internet",
            "IPv4 from the documentation ranges (TEST-NET 1-3)",
            "198.51.100.23",
            enumerable=True,
        ),
        FieldType(
            "ipv6", "internet", "IPv6 from the documentation prefix 2001:db8::/32", "2001:db8:4f2a::1c"
        ),
        FieldType("user_agent", "internet", "Browser user agent", "Mozilla/5.0 (X11; Linux x86_64) ..."),
        # numbers
        FieldType(
            "integer",
            "numbers",
            "Whole number in [min, max]",
            42,
            (*_RANGE_INT, _DISTRIBUTION),
            "integer",
            enumerable=True,
        ),
        FieldType(
            "float",
            "numbers",
            "Number in [min, max]",
            3.14,
            (
                Param("min", "number", 0.0, "Smallest value"),
                Param("max", "number", 1.0, "Largest value"),
                _DISTRIBUTION,
                Param("precision", "int", 2, "Decimal places (0-10)"),
            ),
            "number",
        ),
        FieldType(
            "decimal",
            "numbers",
            "Fixed-point number in [min, max]",
            1234.50,
            (
                Param("min", "number", 0.0, "Smallest value"),
                Param("max", "number", 10000.0, "Largest value"),
                Param("precision", "int", 2, "Decimal places (0-10)"),
            ),
            "number",
        ),
        FieldType(
            "boolean",
            "numbers",
            "true or false",
            True,
            (Param("true_ratio", "number", 0.5, "Share of true values, 0 to 1"),),
            "boolean",
            enumerable=True,
        ),
        # time
        FieldType(
            "date",
            "time",
            "Date in [start, end]",
            "2024-03-15",
            (
                Param("start", "date", "2020-01-01", "Earliest date"),
                Param("end", "date", "2026-10-31", "Latest date"),
                FORMAT_PARAM,
            ),
            "date",
            enumerable=True,
        ),
        FieldType(
            "datetime",
            "time",
            "UTC instant in [start, end]",
            "2024-03-15T10:22:05Z",
            (
                Param("start", "datetime", "2020-01-01T00:00:00", "Earliest instant"),
                Param("end", "datetime", "2026-10-31T23:59:59", "Latest instant"),
                FORMAT_PARAM,
            ),
            "datetime",
            enumerable=True,
        ),
        FieldType(
            "time",
            "time",
            "Time of day HH:MM:SS in [start, end]",
            "14:30:00",
            (
                Param("start", "time", "00:00:00", "Earliest time"),
                Param("end", "time", "23:59:59", "Latest time"),
            ),
            enumerable=True,
        ),
        FieldType("timezone", "time", "IANA time zone", "Europe/Berlin"),
        # text
        FieldType("word", "text", "One word", "lorem"),
        FieldType(
            "sentence",
            "text",
            "A sentence",
            "Voluptas sit amet dolor.",
            (Param("words", "int", 8, "Words per sentence (1-50)"),),
        ),
        FieldType(
            "paragraph",
            "text",
            "A paragraph",
            "Voluptas sit amet dolor. ...",
            (Param("sentences", "int", 4, "Sentences per paragraph (1-20)"),),
        ),
        FieldType(
            "lorem",
            "text",
            "Lorem ipsum words",
            "lorem ipsum dolor sit",
            (Param("words", "int", 12, "Number of words (1-200)"),),
        ),
        # choice, constant, template
        FieldType(
            "choice",
            "choice",
            "One of the given values, optionally weighted",
            "gold",
            (
                Param("values", "list", None, "The values (1-1000)"),
                Param("weights", "list", [], "Relative weights, one per value (empty: equal)"),
            ),
            enumerable=True,
        ),
        FieldType(
            "constant",
            "choice",
            "The same value on every row",
            "v1",
            (Param("value", "any", None, "The value"),),
            enumerable=True,
        ),
        FieldType(
            "template",
            "choice",
            "Text built from earlier fields of the row, e.g. {first_name}.{last_name}",
            "emily.johnson@corp.example",
            (Param("template", "string", None, "Text with {field} references to earlier fields"),),
        ),
    ]


FIELD_TYPES: dict[str, FieldType] = {t.name: t for t in _types()}


def list_field_types() -> list[dict[str, Any]]:
    """Every field type with its family, description, parameters (with defaults) and an example value."""
    return [
        {
            "name": t.name,
            "family": t.family,
            "description": t.description,
            "value_type": t.value_type,
            "parameters": [p.describe() for p in (*COMMON_PARAMS, *t.params)],
            "example": t.example,
        }
        for t in FIELD_TYPES.values()
    ]
