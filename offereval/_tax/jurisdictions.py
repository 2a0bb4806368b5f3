"""Where an offer can be: countries and their regions, with names, currencies and city taxes.

A location is an ISO 3166-2 code. Where offereval computes the taxes (the United States,
Canada and the United Kingdom) the region is needed, because the taxes depend on it: ``US-CA``,
``CA-ON``, ``GB-SCT``.
Elsewhere the country's code is enough (``DE``), and a region's code is accepted as typed
(``DE-BE``); the user then gives an effective tax rate.
"""

from __future__ import annotations

import dataclasses
import re


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Region:
    """A region of a country: ``US-NY``, with the city income taxes it has (``NYC``)."""

    code: str
    name: str
    locals: tuple[tuple[str, str], ...] = ()  # (code, name)


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Country:
    """A country, its currency (ISO 4217) and, where taxes are computed, its regions."""

    code: str
    name: str
    currency: str
    regions: tuple[Region, ...] = ()

    def region(self, code: str) -> Region | None:
        return next((r for r in self.regions if r.code == code), None)


def _regions(country: str, names: dict[str, str]) -> tuple[Region, ...]:
    return tuple(Region(code=f"{country}-{code}", name=name) for code, name in names.items())


_US_STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
}
# City income taxes, by region: the state module computes them.
_US_LOCALS = {"US-NY": (("NYC", "New York City"),)}

_CANADA = {
    "AB": "Alberta",
    "BC": "British Columbia",
    "MB": "Manitoba",
    "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador",
    "NS": "Nova Scotia",
    "NT": "Northwest Territories",
    "NU": "Nunavut",
    "ON": "Ontario",
    "PE": "Prince Edward Island",
    "QC": "Quebec",
    "SK": "Saskatchewan",
    "YT": "Yukon",
}

# Countries with their ISO 4217 currency; the ones with regions listed come first.
COUNTRIES: tuple[Country, ...] = (
    Country(
        code="US",
        name="United States",
        currency="USD",
        regions=tuple(
            dataclasses.replace(r, locals=_US_LOCALS.get(r.code, ()))
            for r in _regions("US", _US_STATES)
        ),
    ),
    Country(
        code="GB",
        name="United Kingdom",
        currency="GBP",
        regions=_regions(
            "GB",
            {"ENG": "England", "NIR": "Northern Ireland", "SCT": "Scotland", "WLS": "Wales"},
        ),
    ),
    Country(code="CA", name="Canada", currency="CAD", regions=_regions("CA", _CANADA)),
    *(
        Country(code=code, name=name, currency=currency)
        for code, name, currency in (
            ("AE", "United Arab Emirates", "AED"),
            ("AR", "Argentina", "ARS"),
            ("AT", "Austria", "EUR"),
            ("AU", "Australia", "AUD"),
            ("BE", "Belgium", "EUR"),
            ("BR", "Brazil", "BRL"),
            ("CH", "Switzerland", "CHF"),
            ("CL", "Chile", "CLP"),
            ("CN", "China", "CNY"),
            ("CO", "Colombia", "COP"),
            ("CZ", "Czechia", "CZK"),
            ("DE", "Germany", "EUR"),
            ("DK", "Denmark", "DKK"),
            ("EE", "Estonia", "EUR"),
            ("EG", "Egypt", "EGP"),
            ("ES", "Spain", "EUR"),
            ("FI", "Finland", "EUR"),
            ("FR", "France", "EUR"),
            ("GR", "Greece", "EUR"),
            ("HK", "Hong Kong", "HKD"),
            ("HR", "Croatia", "EUR"),
            ("HU", "Hungary", "HUF"),
            ("IE", "Ireland", "EUR"),
            ("IL", "Israel", "ILS"),
            ("IN", "India", "INR"),
            ("IS", "Iceland", "ISK"),
            ("IT", "Italy", "EUR"),
            ("JP", "Japan", "JPY"),
            ("KE", "Kenya", "KES"),
            ("KR", "South Korea", "KRW"),
            ("LT", "Lithuania", "EUR"),
            ("LU", "Luxembourg", "EUR"),
            ("LV", "Latvia", "EUR"),
            ("MX", "Mexico", "MXN"),
            ("MY", "Malaysia", "MYR"),
            ("NG", "Nigeria", "NGN"),
            ("NL", "Netherlands", "EUR"),
            ("NO", "Norway", "NOK"),
            ("NZ", "New Zealand", "NZD"),
            ("PH", "Philippines", "PHP"),
            ("PL", "Poland", "PLN"),
            ("PT", "Portugal", "EUR"),
            ("RO", "Romania", "RON"),
            ("SA", "Saudi Arabia", "SAR"),
            ("SE", "Sweden", "SEK"),
            ("SG", "Singapore", "SGD"),
            ("TH", "Thailand", "THB"),
            ("TR", "Türkiye", "TRY"),
            ("TW", "Taiwan", "TWD"),
            ("UA", "Ukraine", "UAH"),
            ("VN", "Viet Nam", "VND"),
            ("ZA", "South Africa", "ZAR"),
        )
    ),
)

_BY_CODE = {c.code: c for c in COUNTRIES}
_SHAPE = re.compile(r"([A-Z]{2})(?:-([A-Z0-9]{1,3}))?")


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Place:
    """A location as read: its country, and its region when the country lists regions."""

    code: str
    country: Country
    region: Region | None


def find(location: str) -> Place | str:
    """The place ``location`` names, or a message saying why it names none.

    >>> find("US-NY").region.name
    'New York'
    >>> print(find("UK"))
    is not a location offereval knows; the United Kingdom is GB-ENG, GB-SCT, GB-WLS or GB-NIR
    """
    match = _SHAPE.fullmatch(location)
    if match is None:
        return "must be an ISO 3166-2 code such as US-CA or GB-ENG, or a country code such as DE"
    country = _BY_CODE.get(match.group(1))
    if country is None:
        if match.group(1) == "UK":
            return (
                "is not a location offereval knows; the United Kingdom is "
                "GB-ENG, GB-SCT, GB-WLS or GB-NIR"
            )
        return (
            "is not a country offereval knows; leave location empty and give tax_rate "
            "and currency for a place that is not listed"
        )
    if not country.regions:
        return Place(code=location, country=country, region=None)
    region = country.region(location)
    if region is None:
        examples = ", ".join(r.code for r in country.regions[:3])
        what = "is not a region of" if match.group(2) else "needs the region in"
        return f"{what} {country.name}: use one of its codes, such as {examples}"
    return Place(code=location, country=country, region=region)


def locations() -> list[tuple[str, str]]:
    """Every location a picker offers, by country then region: (code, "Country, Region")."""
    out: list[tuple[str, str]] = []
    for country in sorted(COUNTRIES, key=lambda c: c.name):
        if country.regions:
            out += [(r.code, f"{country.name}, {r.name}") for r in country.regions]
        else:
            out.append((country.code, country.name))
    return out


def label(name: str, code: str) -> str:
    """How a picker and a message name a place: the name, then its code.

    >>> label("California", "US-CA")
    'California (US-CA)'
    """
    return f"{name} ({code})"


def named(text: str) -> list[str]:
    """The places whose name starts with ``text`` (three letters at least, any case), labelled:
    what a person who typed a name instead of a code may have meant.

    >>> named("calif")
    ['California (US-CA)']
    """
    start = text.strip().casefold()
    if len(start) < 3:
        return []
    found = []
    for country in COUNTRIES:
        for name, code in [(r.name, r.code) for r in country.regions] or [
            (country.name, country.code)
        ]:
            if name.casefold().startswith(start):
                found.append(label(name, code))
    return found
