"""`user`: one coherent person per row."""

from __future__ import annotations

from synthdata.engine import builders, handles
from synthdata.engine.columns import Column
from synthdata.engine.dataset import BlockContext, FieldInfo
from synthdata.engine.economics import economics, salaries, salary_description
from synthdata.engine.locale_data import locale_data
from synthdata.engine.places import CITY_DESCRIPTION, POSTAL_CODE_DESCRIPTION, REGION_DESCRIPTION
from synthdata.engine.rng import block_rng

FIELDS = [
    FieldInfo("id", "string", "UUID4 of the user", "0f8e3c1a-5b2d-4c4e-9a7b-1d2e3f405162"),
    FieldInfo(
        "first_name", "string", "Given name, drawn with real-world frequency, matching gender", "Emily"
    ),
    FieldInfo("last_name", "string", "Family name, drawn with real-world frequency", "Johnson"),
    FieldInfo(
        "full_name",
        "string",
        "Given and family name in the locale's order, space-separated (ja_JP: last_name + ' ' + first_name)",
        "Emily Johnson",
    ),
    FieldInfo(
        "email",
        "string",
        "ASCII from the name as the locale spells it (ä -> ae in de_DE, Hepburn in ja_JP) plus a per-file "
        "unique code; example domains by default",
        "emily.johnson4821907@example.com",
    ),
    FieldInfo(
        "phone",
        "string",
        "The locale's national format (no +country prefix); fictional ranges where they exist (US 555-01xx)",
        "(312) 555-0147",
    ),
    FieldInfo("date_of_birth", "date", "ISO date; the person is `age` at created_at", "1987-04-12"),
    FieldInfo("age", "integer", "Whole years between date_of_birth and created_at, 18 to 90", 37),
    FieldInfo("gender", "string", "female or male, agreeing with first_name", "female"),
    FieldInfo(
        "street_address",
        "string",
        "Street and number as the locale writes them ('Hauptstraße 12', '12 rue de la Paix', 'Calle Mayor, 12'; "
        "ja_JP town + chōme-ban-gō '青葉台2丁目3-14')",
        "1420 Maple Grove",
    ),
    FieldInfo("city", "string", CITY_DESCRIPTION, "Chicago"),
    FieldInfo("state", "string", REGION_DESCRIPTION, "IL"),
    FieldInfo("postal_code", "string", POSTAL_CODE_DESCRIPTION, "60614"),
    FieldInfo("country", "string", "Country of the locale", "United States"),
    FieldInfo("username", "string", "ASCII from the name plus the same unique code", "emily_johnson4821907"),
    FieldInfo(
        "job_title",
        "string",
        "A job from the locale's list (Faker's), each title equally likely",
        "Data scientist",
    ),
    FieldInfo("company", "string", "Employer name", "Abbott, Paul and Edwards"),
    FieldInfo("salary", "integer", salary_description(), 72400),
    FieldInfo(
        "created_at",
        "datetime",
        "Account creation (UTC), never in the future, after the 18th birthday",
        "2025-03-08T14:22:05Z",
    ),
    FieldInfo("is_active", "boolean", "Active account (about 87%)", True),
]


class UserDataset:
    name = "user"
    description = (
        "People with consistent identities. Rules: full_name = first_name + ' ' + last_name (family name first "
        "where the locale writes it so: ja_JP); email and username come from that name (ASCII as the locale "
        "spells it: ä -> ae in de_DE, Hepburn romanization in ja_JP; lowercase) and are unique within a file; gender agrees with the first name; "
        "age is the whole years between date_of_birth and created_at (18-90); city, state, postal_code and "
        "country describe one real place (GeoNames cities drawn by population, a real postal code of the city's "
        "region); phone follows the locale's format; created_at "
        "is never in the future; emails use example domains unless realistic_email_domains is set; salary follows "
        "the country's wage distribution, the job title's occupational wage level and an experience curve over age "
        "(a surgeon out-earns a barista, people in their forties those in their early twenties)."
    )
    fields = FIELDS
    prefix_safe = False  # one stream per block, drawn in sequence: always the whole block

    def generate_block(self, context: BlockContext) -> dict[str, Column]:
        data = locale_data(context.locale)
        rng = block_rng(context.seed, context.block_index, "user")
        n = context.size
        person = builders.people(rng, data, n)
        domains = handles.email_domain_codes(rng, n, bool(context.options.get("realistic_email_domains")))
        email, username = handles.person_handle_pieces(person, context.row_index, context.seed, domains)
        place = builders.places(rng, data, n)
        created_at = builders.datetimes_before_reference(rng, n, max_days=5 * 365)
        target_age = builders.adult_ages(rng, n)
        born = builders.birth_dates(rng, created_at, target_age)
        age = builders.whole_years_between(born, created_at)
        job_codes = rng.integers(0, len(data.jobs), n)
        salary = salaries(rng, economics(context.locale, data.currency), job_codes, age)
        return {
            "id": Column("str", builders.uuid4_column(rng, n), ascii_safe=True),
            "first_name": Column.categorical(data.first_names, person.first_codes),
            "last_name": Column.categorical(data.last.words, person.last_codes),
            "full_name": Column("str", person.full_name_pieces, ascii_safe=person.plain_names),
            "email": Column("str", email, ascii_safe=True),
            "phone": builders.phone_column(rng, data, n),
            "date_of_birth": Column("date", born),
            "age": Column("int", age),
            "gender": person.gender_column,
            "street_address": Column("str", place.street_pieces, ascii_safe=place.plain_street),
            "city": Column.categorical(data.places.cities, place.place_codes),
            "state": Column.categorical(data.places.regions, place.place_codes),
            "postal_code": Column.categorical(data.places.postcodes, place.place_codes),
            "country": builders.constant(data.country, n),
            "username": Column("str", username, ascii_safe=True),
            "job_title": Column.categorical(data.jobs, job_codes),
            "company": Column.categorical(data.companies, rng.integers(0, len(data.companies), n)),
            "salary": Column("int", salary),
            "created_at": Column("datetime", created_at),
            "is_active": Column("bool", rng.random(n) < 0.87),
        }
