"""UK taxes on employment income: income tax (Scottish rates in Scotland) and employee Class 1
National Insurance.

"Tax year 2026" is the UK's 2026 to 2027 tax year, 6 April 2026 to 5 April 2027. The bands of
a Scottish or other UK rate schedule apply to taxable income, that is income less the personal
allowance, which shrinks by 1 for every 2 of income over 100,000. National Insurance is worked
out on the year's pay as one annual amount (payroll works it per pay period; for steady pay the
two agree).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from offereval._tax._core import Bracket, Figure, Schedule, Source, TaxLine

REGIONS = ("GB-ENG", "GB-NIR", "GB-SCT", "GB-WLS")

_RATES_PAGE = Source(
    title="GOV.UK, Income Tax rates and Personal Allowances",
    section="Current rates (2026 to 2027)",
    url="https://www.gov.uk/income-tax-rates",
)
_EMPLOYERS_2026 = "GOV.UK, Rates and thresholds for employers 2026 to 2027"
_EMPLOYERS_URL = "https://www.gov.uk/guidance/rates-and-thresholds-for-employers-2026-to-2027"
_SCOTLAND_2026 = Source(
    title="Scottish Government, Scottish Income Tax: rates and bands",
    section="Scottish rates and bands for 2026 to 2027",
    url="https://www.gov.scot/publications/scottish-income-tax-rates-and-bands/",
)


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class UkYear:
    """Every UK figure of one tax year, each with its source."""

    year: int
    personal_allowance: Figure
    taper_threshold: Figure  # the allowance shrinks by 1 for every 2 of income above this
    schedules: Mapping[str, Schedule]  # by region; bands on taxable income
    ni_primary_threshold: Figure
    ni_upper_earnings_limit: Figure
    ni_main_rate: Figure
    ni_upper_rate: Figure


def _bands(rows: tuple[tuple[float, float], ...], source: Source) -> Schedule:
    return Schedule(brackets=tuple(Bracket(f, r) for f, r in rows), source=source)


def _ruk_2026(region: str) -> Schedule:
    section = {
        "GB-ENG": "PAYE tax rates and thresholds: England and Northern Ireland",
        "GB-NIR": "PAYE tax rates and thresholds: England and Northern Ireland",
        "GB-WLS": "PAYE tax rates and thresholds: Wales (Welsh rates of income tax of 10p, "
        "kept by the Senedd's Welsh Rate Resolution for 2026-27)",
    }[region]
    return _bands(
        ((0, 0.20), (37_700, 0.40), (125_140, 0.45)),
        Source(title=_EMPLOYERS_2026, section=section, url=_EMPLOYERS_URL),
    )


def _ni(section: str) -> Source:
    return Source(title=_EMPLOYERS_2026, section=section, url=_EMPLOYERS_URL)


_YEARS: dict[int, UkYear] = {
    2026: UkYear(
        year=2026,
        personal_allowance=Figure(12_570, _RATES_PAGE),
        taper_threshold=Figure(
            100_000, Source(title=_RATES_PAGE.title, section="Your tax-free Personal Allowance")
        ),
        schedules={
            "GB-ENG": _ruk_2026("GB-ENG"),
            "GB-NIR": _ruk_2026("GB-NIR"),
            "GB-WLS": _ruk_2026("GB-WLS"),
            # The published bands less the 12,570 allowance: 16,537, 29,526, 43,662 and
            # 75,000 of income are 3,967, 16,956, 31,092 and 62,430 of taxable income.
            "GB-SCT": _bands(
                (
                    (0, 0.19),
                    (3_967, 0.20),
                    (16_956, 0.21),
                    (31_092, 0.42),
                    (62_430, 0.45),
                    (125_140, 0.48),
                ),
                _SCOTLAND_2026,
            ),
        },
        ni_primary_threshold=Figure(12_570, _ni("Class 1 National Insurance thresholds")),
        ni_upper_earnings_limit=Figure(50_270, _ni("Class 1 National Insurance thresholds")),
        ni_main_rate=Figure(0.08, _ni("Class 1 National Insurance rates, category A")),
        ni_upper_rate=Figure(0.02, _ni("Class 1 National Insurance rates, category A")),
    ),
}

_TAX_NAMES = {
    "GB-ENG": "Income Tax",
    "GB-NIR": "Income Tax",
    "GB-WLS": "Income Tax (Welsh rates)",
    "GB-SCT": "Scottish Income Tax",
}


def years() -> tuple[int, ...]:
    """The tax years with UK figures (2026 is 2026 to 2027), oldest first."""
    return tuple(sorted(_YEARS))


def personal_allowance(year: int, income: float) -> float:
    """The allowance on ``income``: 12,570, less 1 for every 2 over 100,000, never below 0.

    >>> personal_allowance(2026, 50_000), personal_allowance(2026, 110_000)
    (12570.0, 7570.0)
    """
    data = _YEARS[year]
    excess = max(0.0, income - data.taper_threshold.value)
    return max(0.0, data.personal_allowance.value - excess / 2)


def uk_taxes(region: str, year: int, pay: float) -> tuple[TaxLine, ...]:
    """Income tax and employee National Insurance owed for the tax year on ``pay``.

    >>> [(t.name, round(t.amount, 2)) for t in uk_taxes("GB-ENG", 2026, 30_000)]
    [('Income Tax', 3486.0), ('National Insurance', 1394.4)]
    """
    data = _YEARS[year]
    pay = max(0.0, pay)
    schedule = data.schedules[region]
    taxable = max(0.0, pay - personal_allowance(year, pay))
    lower = data.ni_primary_threshold.value
    upper = data.ni_upper_earnings_limit.value
    ni = (min(pay, upper) - lower) * data.ni_main_rate.value if pay > lower else 0.0
    ni += max(0.0, pay - upper) * data.ni_upper_rate.value
    return (
        TaxLine(
            name=_TAX_NAMES[region],
            amount=schedule.tax(taxable),
            jurisdiction=region,
            source=schedule.source,
        ),
        TaxLine(
            name="National Insurance",
            amount=ni,
            jurisdiction=region,
            source=data.ni_main_rate.source,
        ),
    )
