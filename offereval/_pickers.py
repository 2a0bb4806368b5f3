"""What the form's location, currency and tax pickers offer, in the engine's words.

The page builds its location picker (countries, then their regions, each labelled
"California (US-CA)"), its currency lists and the document's tax settings from these, so a
label or a choice is written once, here. The values the page sends back are the codes the
offers file holds: ``US-CA``, ``GBP``, ``2026``, ``married_joint``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offereval._answers import Choice, CountryEntry, FieldEntry, RegionEntry
from offereval._fields import Field
from offereval._tax import jurisdictions, liability
from offereval._taxkeys import CURRENCY_SHAPE, rate_needs

# The currencies of the countries offereval lists, by their ISO 4217 names (ISO 4217, list one:
# "Current currency & funds"), so that a picker can say what GBP is.
CURRENCY_NAMES: dict[str, str] = {
    "AED": "UAE dirham",
    "ARS": "Argentine peso",
    "AUD": "Australian dollar",
    "BRL": "Brazilian real",
    "CAD": "Canadian dollar",
    "CHF": "Swiss franc",
    "CLP": "Chilean peso",
    "CNY": "Yuan renminbi",
    "COP": "Colombian peso",
    "CZK": "Czech koruna",
    "DKK": "Danish krone",
    "EGP": "Egyptian pound",
    "EUR": "Euro",
    "GBP": "Pound sterling",
    "HKD": "Hong Kong dollar",
    "HUF": "Forint",
    "ILS": "New Israeli sheqel",
    "INR": "Indian rupee",
    "ISK": "Iceland krona",
    "JPY": "Yen",
    "KES": "Kenyan shilling",
    "KRW": "Won",
    "MXN": "Mexican peso",
    "MYR": "Malaysian ringgit",
    "NGN": "Naira",
    "NOK": "Norwegian krone",
    "NZD": "New Zealand dollar",
    "PHP": "Philippine peso",
    "PLN": "Zloty",
    "RON": "Romanian leu",
    "SAR": "Saudi riyal",
    "SEK": "Swedish krona",
    "SGD": "Singapore dollar",
    "THB": "Baht",
    "TRY": "Turkish lira",
    "TWD": "New Taiwan dollar",
    "UAH": "Hryvnia",
    "USD": "US dollar",
    "VND": "Dong",
    "ZAR": "Rand",
}

_FILING_LABELS = {"single": "Single", "married_joint": "Married filing jointly"}


def place_label(name: str, code: str) -> str:
    """How a picker names a place: the name, then the code the offers file holds.

    >>> place_label("California", "US-CA")
    'California (US-CA)'
    """
    return jurisdictions.label(name, code)


def places() -> list[CountryEntry]:
    """Every country a location can be in: the ones whose taxes offereval computes first (with
    their regions, each with its city taxes), then the others by name."""
    computed = [c for c in jurisdictions.COUNTRIES if c.regions]
    others = sorted((c for c in jurisdictions.COUNTRIES if not c.regions), key=lambda c: c.name)
    return [
        {
            "code": country.code,
            "name": country.name,
            "label": place_label(country.name, country.code),
            "currency": country.currency,
            "regions": [_region(region) for region in country.regions],
        }
        for country in (*computed, *others)
    ]


def _region(region: jurisdictions.Region) -> RegionEntry:
    return {
        "code": region.code,
        "name": region.name,
        "label": place_label(region.name, region.code),
        "locals": [{"value": code, "label": name} for code, name in region.locals],
    }


def currencies() -> list[Choice]:
    """The currencies of the listed countries, by code: the value and its ISO 4217 name."""
    codes = sorted({c.currency for c in jurisdictions.COUNTRIES})
    return [{"value": code, "label": CURRENCY_NAMES[code]} for code in codes]


TAX_SETTINGS: tuple[Field, ...] = (
    Field(
        key="home_currency",
        label="Home currency",
        kind="currency",
        section="taxes",
        default="",
        help="The currency to compare the offers in, as an ISO 4217 code such as USD. "
        "Needed when the offers are paid in more than one currency.",
    ),
    Field(
        key="tax_year",
        label="Tax year",
        kind="select",
        section="taxes",
        default="",
        choices=(
            ("", f"The latest with data ({liability.latest_year()})"),
            *((str(year), str(year)) for year in reversed(liability.tax_years())),
        ),
        help="Which year's rules tax the pay. For the UK, a year is the tax year that starts "
        "on 6 April of it; for the US and Canada, the calendar year.",
    ),
    Field(
        key="filing_status",
        label="Filing status (United States)",
        kind="select",
        section="taxes",
        default="single",
        choices=tuple((status, _FILING_LABELS[status]) for status in _FILING_LABELS),
        help="Married filing jointly taxes a couple as one earner with this pay. The UK and "
        "Canada tax each person alone.",
    ),
)


def tax_settings() -> list[FieldEntry]:
    """The document's tax settings, as the form shows them."""
    return [f.to_dict() for f in TAX_SETTINGS]


def rate_fields(document: object) -> list[Choice]:
    """The exchange rates the form asks for: one per currency the offers are paid or taxed in
    other than the home currency, and one per rate already given; each labelled with what to
    type ("Value of 1 GBP in USD"). Read leniently: a document with problems still gets its
    fields, so the problem shows under one."""
    data: Mapping[str, Any] = document if isinstance(document, Mapping) else {}
    home_given = data.get("home_currency")
    home = home_given.strip().upper() if isinstance(home_given, str) else ""
    in_home = f"in {home}" if CURRENCY_SHAPE.fullmatch(home) else "in your home currency"
    return [{"value": code, "label": f"Value of 1 {code} {in_home}"} for code in rate_needs(data)]
