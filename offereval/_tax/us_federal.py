"""US federal taxes on wages: income tax, Social Security, Medicare and Additional Medicare Tax.

The liability for the year on wages alone, with the standard deduction (no credits, no other
deductions). Wages here are every taxable payment of the year: salary, bonuses and vested equity.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from offereval._tax._core import (
    Bracket,
    FederalFigures,
    Figure,
    FilingStatus,
    Schedule,
    Source,
    TaxLine,
)

_REV_PROC_2025_32 = "IRS Rev. Proc. 2025-32 (inflation adjustments for 2026)"
_REV_PROC_URL = "https://www.irs.gov/pub/irs-drop/rp-25-32.pdf"
_IRC_3101 = "26 U.S.C. 3101 (tax on employees: FICA)"
_IRC_3101_URL = "https://www.law.cornell.edu/uscode/text/26/3101"


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class FederalYear:
    """Every federal figure of one tax year, each with its source."""

    year: int
    schedules: Mapping[FilingStatus, Schedule]
    standard_deduction: Mapping[FilingStatus, Figure]
    social_security_rate: Figure
    social_security_wage_base: Figure
    medicare_rate: Figure
    additional_medicare_rate: Figure
    additional_medicare_threshold: Mapping[FilingStatus, Figure]


def _schedule(rows: tuple[tuple[float, float], ...], table: str) -> Schedule:
    return Schedule(
        brackets=tuple(Bracket(floor, rate) for floor, rate in rows),
        source=Source(title=_REV_PROC_2025_32, section=f"section 4.01, {table}", url=_REV_PROC_URL),
    )


_RATES = (0.10, 0.12, 0.22, 0.24, 0.32, 0.35, 0.37)
_STD_2026 = Source(
    title=_REV_PROC_2025_32, section="section 4.14 (standard deduction)", url=_REV_PROC_URL
)
_SSA_BASE_2026 = Source(
    title="Social Security Administration, Contribution and Benefit Base",
    section="2026: $184,500",
    url="https://www.ssa.gov/oact/cola/cbb.html",
)
_FICA_A = Source(title=_IRC_3101, section="3101(a) (old-age, survivors and disability insurance)")
_FICA_B1 = Source(title=_IRC_3101, section="3101(b)(1) (hospital insurance)", url=_IRC_3101_URL)
_FICA_B2 = Source(
    title=_IRC_3101,
    section="3101(b)(2) (Additional Medicare Tax; thresholds not indexed)",
    url=_IRC_3101_URL,
)

_YEARS: dict[int, FederalYear] = {
    2026: FederalYear(
        year=2026,
        schedules={
            "single": _schedule(
                tuple(
                    zip(
                        (0, 12_400, 50_400, 105_700, 201_775, 256_225, 640_600),
                        _RATES,
                        strict=True,
                    )
                ),
                "Table 3 (unmarried individuals)",
            ),
            "married_joint": _schedule(
                tuple(
                    zip(
                        (0, 24_800, 100_800, 211_400, 403_550, 512_450, 768_700),
                        _RATES,
                        strict=True,
                    )
                ),
                "Table 1 (married individuals filing joint returns)",
            ),
        },
        standard_deduction={
            "single": Figure(16_100, _STD_2026),
            "married_joint": Figure(32_200, _STD_2026),
        },
        social_security_rate=Figure(0.062, _FICA_A),
        social_security_wage_base=Figure(184_500, _SSA_BASE_2026),
        medicare_rate=Figure(0.0145, _FICA_B1),
        additional_medicare_rate=Figure(0.009, _FICA_B2),
        additional_medicare_threshold={
            "single": Figure(200_000, _FICA_B2),
            "married_joint": Figure(250_000, _FICA_B2),
        },
    ),
}


def years() -> tuple[int, ...]:
    """The tax years with federal figures, oldest first."""
    return tuple(sorted(_YEARS))


def figures_for(year: int) -> FederalYear:
    """The federal figures of ``year``; KeyError when there are none."""
    return _YEARS[year]


def federal_figures(year: int, status: FilingStatus, wages: float) -> FederalFigures:
    """What a state's rules may need from the federal return on ``wages`` alone."""
    lines = {t.name: t.amount for t in federal_taxes(year, status, wages)}
    data = _YEARS[year]
    return FederalFigures(
        agi=wages,
        taxable_income=max(0.0, wages - data.standard_deduction[status].value),
        income_tax=lines["Federal income tax"],
        social_security=lines["Social Security"],
        medicare=lines["Medicare"] + lines.get("Additional Medicare Tax", 0.0),
    )


def federal_taxes(year: int, status: FilingStatus, wages: float) -> tuple[TaxLine, ...]:
    """Federal income tax, Social Security and Medicare (and the Additional Medicare Tax when
    the wages pass the filing status's threshold) owed for the year on ``wages``.

    >>> [(t.name, t.amount) for t in federal_taxes(2026, "single", 50_000)]
    [('Federal income tax', 3820.0), ('Social Security', 3100.0), ('Medicare', 725.0)]
    """
    data = _YEARS[year]
    wages = max(0.0, wages)
    taxable = max(0.0, wages - data.standard_deduction[status].value)
    schedule = data.schedules[status]
    base = data.social_security_wage_base
    out = [
        TaxLine(
            name="Federal income tax",
            amount=schedule.tax(taxable),
            jurisdiction="US",
            source=schedule.source,
        ),
        TaxLine(
            name="Social Security",
            amount=min(wages, base.value) * data.social_security_rate.value,
            jurisdiction="US",
            source=Source(
                title=base.source.title,
                section=f"{base.source.section}; the rate from {data.social_security_rate.source}",
                url=base.source.url,
            ),
        ),
        TaxLine(
            name="Medicare",
            amount=wages * data.medicare_rate.value,
            jurisdiction="US",
            source=data.medicare_rate.source,
        ),
    ]
    threshold = data.additional_medicare_threshold[status]
    if wages > threshold.value:
        out.append(
            TaxLine(
                name="Additional Medicare Tax",
                amount=(wages - threshold.value) * data.additional_medicare_rate.value,
                jurisdiction="US",
                source=threshold.source,
            )
        )
    return tuple(out)
