"""After tax, in the home currency, and for what it buys: each offer's pay once taxed.

The tax is the year's liability (not withholding) on the year's taxable pay: base, bonus,
signing bonus and the equity as the framework counts it that year (stage factor applied;
options counted as if exercised and sold when they vest). Benefits are untaxed and kept whole.
The annualized figure's tax is the tax on one year whose pay is the annualized total less
benefits. Money stays in the offer's currency; ``home`` shows the annualized figures in the
home currency, and purchasing power is the home take-home divided by cost_of_living / 100.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from offereval import _format as fmt
from offereval._compensation import Compensation
from offereval._model import Offer, OfferSet
from offereval._tax import liability
from offereval._tax._core import FilingStatus, TaxLine
from offereval._taxkeys import currency_of, place_of


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class TaxedPay:
    """The tax owed on one year's pay and what is left; None where no tax is known."""

    tax: float | None
    take_home: float | None
    taxes: tuple[TaxLine, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "tax": self.tax,
            "take_home": self.take_home,
            "taxes": [
                {
                    "name": t.name,
                    "amount": t.amount,
                    "jurisdiction": t.jurisdiction,
                    "source": str(t.source),
                }
                for t in self.taxes
            ],
        }


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class HomeFigures:
    """The annualized figures in the home currency (``rate`` home units per offer unit)."""

    currency: str
    rate: float
    total: float
    take_home: float | None
    purchasing_power: float | None

    def to_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "currency": self.currency or None}


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class AfterTax:
    """One offer after tax: the annualized year, each projected year, and the home view."""

    location: str
    currency: str  # "" when neither the offer, its location nor the home currency says
    annual: TaxedPay
    years: tuple[TaxedPay, ...]
    home: HomeFigures

    @property
    def known(self) -> bool:
        return self.annual.tax is not None


def tax_year(offer_set: OfferSet) -> int:
    """The tax year used: the document's, or the latest one with data."""
    return offer_set.tax_year if offer_set.tax_year is not None else liability.latest_year()


def _rate(offer_set: OfferSet, currency: str) -> float:
    """Home units per unit of ``currency`` (1 for the home currency, or with none set)."""
    if not offer_set.home_currency or currency in ("", offer_set.home_currency):
        return 1.0
    return offer_set.exchange_rates[currency]


def year_taxes(offer: Offer, offer_set: OfferSet, pay: float) -> tuple[TaxLine, ...] | None:
    """Every tax owed on one year's taxable ``pay`` (in the offer's currency), or None when
    offereval neither computes the place's taxes nor has the user's rate."""
    place = place_of(offer.location)
    if place is not None and liability.computes(place):
        # Taxes are computed in the place's currency; the amounts come back in the offer's.
        to_tax = _rate(offer_set, currency_of(offer, offer_set.home_currency)) / _rate(
            offer_set, place.country.currency
        )
        status: FilingStatus = "married_joint" if offer_set.filing_status != "single" else "single"
        lines = liability.computed_taxes(
            place, offer.local, tax_year(offer_set), status, pay * to_tax
        )
        return tuple(dataclasses.replace(t, amount=t.amount / to_tax) for t in lines)
    if offer.tax_rate is not None:
        return (liability.entered_rate(offer.tax_rate, pay, offer.location),)
    return None


def _taxed(offer: Offer, offer_set: OfferSet, total: float, benefits: float) -> TaxedPay:
    lines = year_taxes(offer, offer_set, total - benefits)
    if lines is None:
        return TaxedPay(tax=None, take_home=None, taxes=())
    tax = sum(t.amount for t in lines)
    return TaxedPay(tax=tax, take_home=total - tax, taxes=lines)


def after_tax(offer: Offer, pay: Compensation, offer_set: OfferSet) -> AfterTax:
    """The offer's annualized total and every projected year, taxed; and the home view."""
    annual = _taxed(offer, offer_set, pay.annual.total, pay.annual.benefits)
    currency = currency_of(offer, offer_set.home_currency)
    rate = _rate(offer_set, currency)
    home_take = annual.take_home * rate if annual.take_home is not None else None
    return AfterTax(
        location=offer.location,
        currency=currency,
        annual=annual,
        years=tuple(_taxed(offer, offer_set, y.total, y.benefits) for y in pay.years),
        home=HomeFigures(
            currency=offer_set.home_currency or currency,
            rate=rate,
            total=pay.annual.total * rate,
            take_home=home_take,
            purchasing_power=(
                home_take / (offer.cost_of_living / 100) if home_take is not None else None
            ),
        ),
    )


def rating_basis(
    offers: tuple[Offer, ...], after: dict[str, AfterTax]
) -> tuple[str, dict[str, float]]:
    """What the suggested compensation ratings follow: purchasing power when every offer has a
    location and a known tax, else the annualized total (in the home currency when one is set).
    """
    if all(o.location for o in offers) and all(after[o.company].known for o in offers):
        return "purchasing_power", {
            o.company: after[o.company].home.purchasing_power or 0.0 for o in offers
        }
    return "total", {o.company: after[o.company].home.total for o in offers}


def mixed_currencies(after: dict[str, AfterTax]) -> bool:
    """Whether the offers are paid in more than one currency."""
    return len({a.currency for a in after.values()} - {""}) > 1


def tax_notes(offers: tuple[Offer, ...], after: dict[str, AfterTax]) -> list[str]:
    """What the after-tax figures say, and what they still need."""
    notes = []
    for offer in offers:
        if offer.location and not after[offer.company].known:
            notes.append(
                f"{offer.company}: offereval does not compute the taxes of {offer.location}; "
                "give tax_rate, your effective rate of all taxes, for its after-tax figures."
            )
    known = [o for o in offers if after[o.company].home.purchasing_power is not None]
    if len(known) > 1 and len(known) == len(offers):
        ranked = sorted(
            known, key=lambda o: (-(after[o.company].home.purchasing_power or 0), o.company)
        )
        currency = after[ranked[0].company].home.currency
        unit = f" {currency}" if currency else ""
        others = ", ".join(
            f"{o.company} {fmt.money(after[o.company].home.purchasing_power or 0.0)}"
            for o in ranked[1:]
        )
        notes.append(
            f"After tax and cost of living, {ranked[0].company} leads: a purchasing power of "
            f"{fmt.money(after[ranked[0].company].home.purchasing_power or 0.0)}{unit} a year, "
            f"against {others}."
        )
    if mixed_currencies(after):
        notes.append(
            "The offers are paid in different currencies, so the negotiation gap and the "
            "equity tipping points, which compare pre-tax totals in one currency, are left out; "
            "the after-tax table compares the offers in the home currency."
        )
    return notes
