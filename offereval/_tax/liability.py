"""The taxes owed on one year's pay at one place: the jurisdictions' rules, or the user's rate.

This is the one door into the tax data: it knows which countries offereval computes, which tax
years every one of them has, and in which currency each computes.
"""

from __future__ import annotations

from offereval._tax import uk
from offereval._tax._core import FilingStatus, Source, TaxLine
from offereval._tax.jurisdictions import Place

# Countries whose taxes are computed, with the years each has data for.
_COMPUTED: dict[str, tuple[int, ...]] = {"GB": uk.years()}


def computes(place: Place | None) -> bool:
    """Whether offereval computes the taxes of ``place`` (else a rate must be given)."""
    return place is not None and place.country.code in _COMPUTED


def tax_years() -> tuple[int, ...]:
    """The tax years every computed jurisdiction has data for, oldest first."""
    common = set.intersection(*(set(years) for years in _COMPUTED.values()))
    return tuple(sorted(common))


def latest_year() -> int:
    """The default tax year: the latest one every computed jurisdiction has."""
    return tax_years()[-1]


def computed_taxes(
    place: Place, local: str, year: int, status: FilingStatus, pay: float
) -> tuple[TaxLine, ...]:
    """Every tax owed for ``year`` on ``pay`` (in the place's own currency) at ``place``."""
    del local, status  # used by the United States; the UK taxes each person alone
    if place.country.code == "GB" and place.region is not None:
        return uk.uk_taxes(place.region.code, year, pay)
    raise ValueError(f"offereval does not compute the taxes of {place.code}")


def entered_rate(rate_percent: float, pay: float, jurisdiction: str) -> TaxLine:
    """The user's own effective rate on the year's pay, labelled as theirs.

    >>> entered_rate(30, 100_000, "DE").amount
    30000.0
    """
    return TaxLine(
        name=f"Effective tax rate you entered ({rate_percent:g}%)",
        amount=max(0.0, pay) * rate_percent / 100,
        jurisdiction=jurisdiction,
        source=Source(title="Entered by you (tax_rate)"),
    )
