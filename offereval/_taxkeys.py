"""The keys about taxes, currencies and cost of living, read and checked with their paths.

An offer's ``location``, ``local``, ``currency``, ``cost_of_living`` and ``tax_rate``; the
document's ``tax_year``, ``filing_status``, ``home_currency`` and ``exchange_rates``. What is
typed is forgiven where that is safe (``us-ca`` is ``US-CA``, ``gbp`` is ``GBP``); what cannot
be used is a problem naming its path, never silently ignored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, Protocol

from offereval import _parse as parse
from offereval._errors import Problem
from offereval._fields import Reader, describe
from offereval._tax import jurisdictions, liability
from offereval._tax._core import FILING_STATUSES
from offereval._tax.jurisdictions import Place

CURRENCY_SHAPE = re.compile(r"[A-Z]{3}")
COST_OF_LIVING_RANGE = (1.0, 1000.0)


class Located(Protocol):
    """What the currency checks need of an offer."""

    @property
    def location(self) -> str: ...
    @property
    def currency(self) -> str: ...


def place_of(location: str) -> Place | None:
    """The place of a checked location ("" is none)."""
    found = jurisdictions.find(location) if location else None
    return found if isinstance(found, Place) else None


def currency_of(offer: Located, home_currency: str) -> str:
    """The currency an offer is paid in: its own, else its location's, else the home currency
    ("" when none of them is known)."""
    place = place_of(offer.location)
    return offer.currency or (place.country.currency if place else "") or home_currency


def tax_currency_of(offer: Located) -> str:
    """The currency in which the offer's taxes are computed ("" when they are not)."""
    place = place_of(offer.location)
    return place.country.currency if place and liability.computes(place) else ""


def _lenient_code(value: object) -> str:
    return value.strip().upper() if isinstance(value, str) else ""


def rate_needs(data: Mapping[str, Any]) -> list[str]:
    """The currencies whose exchange rate a document as typed needs or gives: with a home
    currency, every other one its offers are paid or taxed in; and every one whose rate is
    given. Read leniently (what cannot be read is left out), so that a form can ask for the
    rates before the document is complete."""
    home = _lenient_code(data.get("home_currency"))
    found: set[str] = set()
    offers = data.get("offers")
    for offer in offers if isinstance(offers, list) and home else []:
        if isinstance(offer, Mapping):
            place = place_of(_lenient_code(offer.get("location")))
            taxed = place.country.currency if place and liability.computes(place) else ""
            paid = _lenient_code(offer.get("currency")) or (place.country.currency if place else "")
            found |= {paid, taxed}
    rates = data.get("exchange_rates")
    if isinstance(rates, Mapping):
        found |= {_lenient_code(key) for key in rates}
    return sorted(c for c in found if CURRENCY_SHAPE.fullmatch(c) and c != home)


def _code(r: Reader, key: str) -> str:
    """A code as typed, trimmed and in capitals ("" when absent or not text)."""
    return r.text(key).strip().upper()


def _currency(r: Reader, key: str) -> str:
    code = _code(r, key)
    if code and not CURRENCY_SHAPE.fullmatch(code):
        r.fail(key, f"must be an ISO 4217 currency code such as USD, GBP or EUR; got {code!r}")
        return ""
    return code


def read_offer_keys(r: Reader) -> dict[str, Any]:
    """An offer's location, local, currency, cost of living and effective tax rate."""
    location = _code(r, "location")
    place = None
    if location:
        found = jurisdictions.find(location)
        if isinstance(found, str):
            meant = jurisdictions.named(r.data["location"])[:3]
            hint = f"; did you mean {' or '.join(meant)}?" if meant else ""
            r.fail("location", f"{found}; got {describe(r.data['location'])}{hint}")
            location = ""
        else:
            place = found
    local = _code(r, "local")
    known = dict(place.region.locals) if place and place.region else {}
    if local and local not in known:
        if location:
            offered = ", ".join(f"{c} ({n})" for c, n in known.items()) or "none"
            r.fail("local", f"is not a city tax of {location} (its city taxes: {offered})")
        else:
            r.fail("local", "needs a location: a city tax belongs to a region (NYC to US-NY)")
        local = ""
    tax_rate = None
    if r.has("tax_rate"):
        tax_rate = r.number("tax_rate", 0.0, 0.0, 100.0, kind=parse.PERCENT)
        if liability.computes(place):
            r.fail(
                "tax_rate",
                f"is only for places whose taxes offereval does not compute; {location}'s "
                "are computed, so leave tax_rate out",
            )
            tax_rate = None
    low, high = COST_OF_LIVING_RANGE
    return {
        "location": location,
        "local": local,
        "currency": _currency(r, "currency"),
        "cost_of_living": r.number("cost_of_living", 100.0, low, high, what="an index"),
        "tax_rate": tax_rate,
    }


def read_document_keys(r: Reader, offers: Sequence[Located]) -> dict[str, Any]:
    """The document's tax year, filing status, home currency and exchange rates, checked
    against the currencies the offers are paid and taxed in."""
    years = liability.tax_years()
    tax_year = None
    if r.has("tax_year"):
        value = r.data["tax_year"]
        if isinstance(value, str) and value.strip().isdigit():  # as a form's choice sends it
            value = int(value.strip())
        if isinstance(value, int) and not isinstance(value, bool) and value in years:
            tax_year = value
        else:
            known = ", ".join(str(y) for y in years)
            r.fail("tax_year", f"must be a tax year with data ({known}); got {describe(value)}")
    status = r.choice("filing_status", FILING_STATUSES, "single")
    home = _currency(r, "home_currency")
    rates = _read_rates(r, home)
    _check_currencies(r, offers, home, rates)
    return {
        "tax_year": tax_year,
        "filing_status": status,
        "home_currency": home,
        "exchange_rates": rates,
    }


def _read_rates(r: Reader, home: str) -> Mapping[str, float]:
    if not r.has("exchange_rates"):
        return MappingProxyType({})
    table = r.mapping("exchange_rates")
    rates: list[tuple[str, float]] = []
    for key in table.data:
        code = str(key).strip().upper()
        if not CURRENCY_SHAPE.fullmatch(code):
            table.fail(str(key), "is not an ISO 4217 currency code such as USD, GBP or EUR")
            continue
        if any(code == seen for seen, _ in rates):
            table.fail(str(key), f"repeats the rate of {code}")
            continue
        value = table.number(key, 0.0, None, what="the value of one unit in the home currency")
        if value <= 0:
            if not any(p.path == table.at(key) for p in r.problems):
                table.fail(str(key), f"must be more than 0, got {describe(table.data[key])}")
            continue
        if code == home and value != 1:
            table.fail(str(key), f"is the home currency, worth 1 of itself; got {value:g}")
            continue
        rates.append((code, value))
    if rates and not home:
        r.fail("exchange_rates", "needs home_currency: the currency these rates are given in")
    return MappingProxyType(dict(sorted(rates)))


def _check_currencies(
    r: Reader, offers: Sequence[Located], home: str, rates: Mapping[str, float]
) -> None:
    paid = {currency_of(o, home) for o in offers} - {""}
    if not home:
        if len(paid) > 1:
            r.fail(
                "home_currency",
                f"is required when the offers are paid in more than one currency "
                f"({', '.join(sorted(paid))}): give the currency to compare them in, "
                "and exchange_rates",
            )
        for i, offer in enumerate(offers):
            taxed_in = tax_currency_of(offer)
            if offer.currency and taxed_in and offer.currency != taxed_in:
                r.fail(
                    f"offers[{i}].currency",
                    f"differs from {offer.location}'s currency ({taxed_in}), in which its "
                    "taxes are computed; set home_currency and exchange_rates to convert",
                )
        return
    needed: dict[str, int] = {}
    for i, offer in enumerate(offers):
        for code in (currency_of(offer, home), tax_currency_of(offer)):
            if code and code != home:
                needed.setdefault(code, i)
    for code, i in sorted(needed.items()):
        if code not in rates:
            verb = "paid" if currency_of(offers[i], home) == code else "taxed"
            r.problems.append(
                Problem(
                    r.at("exchange_rates") + f".{code}",
                    f"is required: offers[{i}] is {verb} in {code}",
                )
            )
