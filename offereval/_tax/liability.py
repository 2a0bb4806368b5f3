"""The taxes owed on one year's pay at one place: the jurisdictions' rules, or the user's rate.

This is the one door into the tax data: it knows which countries offereval computes, which tax
years every one of them has, and in which currency each computes.
"""

from __future__ import annotations

from offereval._tax import canada, uk, us_federal, us_states
from offereval._tax._core import FilingStatus, Source, TaxLine
from offereval._tax.jurisdictions import Place

# Countries whose taxes are computed, with the years each has data for (the US: the federal
# years the state module also answers for).
_COMPUTED: dict[str, tuple[int, ...]] = {
    "CA": canada.years(),
    "GB": uk.years(),
    "US": tuple(y for y in us_federal.years() if y <= us_states.latest_year()),
}


def computes(place: Place | None) -> bool:
    """Whether offereval computes the taxes of ``place`` (else a rate must be given): a
    Canadian province or territory, a UK country, or a US state (or DC)."""
    return place is not None and place.country.code in _COMPUTED and place.region is not None


def _state(place: Place) -> str:
    assert place.region is not None
    return place.region.code.removeprefix("US-")


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
    """Every tax owed for ``year`` on ``pay`` (in the place's own currency) at ``place``: in
    the US the federal taxes then the state's and the city's; in Canada the federal and
    provincial income taxes and CPP/QPP, EI and QPIP; in the UK income tax and National
    Insurance (Canada and the UK tax each person alone, so the filing status does not
    apply there)."""
    if not computes(place):
        raise ValueError(f"offereval does not compute the taxes of {place.code}")
    if place.country.code == "US":
        federal = us_federal.federal_figures(year, status, pay)
        state = us_states.state_taxes(_state(place), year, status, pay, federal, local)
        return us_federal.federal_taxes(year, status, pay) + state
    assert place.region is not None
    if place.country.code == "CA":
        return canada.canada_taxes(place.region.code, year, pay)
    return uk.uk_taxes(place.region.code, year, pay)


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
