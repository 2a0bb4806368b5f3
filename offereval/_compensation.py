"""What an offer pays: the framework's annualized total, and a year-by-year projection.

The annualized total is exactly the framework's formula: base, equity grant / vesting years x
the stage's factor, target bonus x payout history, signing bonus / assumed tenure. The projection
adds what a single average hides: the vesting schedule and cliff, yearly refreshers, raises, and
the signing bonus in the year it is paid.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from offereval._model import Assumptions, Offer


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class AnnualTotal:
    """The framework's true annual total compensation and its parts."""

    base: float
    equity: float
    bonus: float
    signing_amortized: float
    benefits: float
    total: float

    def to_dict(self) -> dict[str, float]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class YearTotal:
    """What one year of the offer pays, counting money in the year it arrives or vests."""

    year: int
    base: float
    equity: float
    bonus: float
    signing: float
    benefits: float
    total: float

    def to_dict(self) -> dict[str, float]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Compensation:
    """Everything computed about one offer's pay."""

    stage_factor: float
    grant_value: float
    exercise_cost: float
    annual: AnnualTotal
    years: tuple[YearTotal, ...]

    @property
    def first_year(self) -> YearTotal:
        return self.years[0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "stage_factor": self.stage_factor,
            "grant_value": self.grant_value,
            "exercise_cost": self.exercise_cost,
            "tc": self.annual.to_dict(),
            "years": [y.to_dict() for y in self.years],
        }


def grant_value(offer: Offer) -> float:
    """The equity grant's paper value: the RSU grant, or the options' spread over the strike."""
    if offer.has_options:
        return offer.option_count * max(offer.share_price - offer.strike_price, 0.0)
    return offer.equity_grant


def exercise_cost(offer: Offer) -> float:
    """Cash needed to exercise every option (0 for RSUs): reported, not subtracted."""
    return offer.option_count * offer.strike_price if offer.has_options else 0.0


def annual_total(offer: Offer, assumptions: Assumptions) -> AnnualTotal:
    """The framework's calculate_annual_tc, with its assumptions taken from the file."""
    factor = assumptions.stage_factor(offer.company_stage)
    equity = grant_value(offer) / offer.vesting_years * factor
    bonus = offer.target_bonus * offer.bonus_payout_history
    signing = offer.signing_bonus / assumptions.signing_tenure_years
    total = offer.base_salary + equity + bonus + signing + offer.benefits_value
    return AnnualTotal(
        base=offer.base_salary,
        equity=equity,
        bonus=bonus,
        signing_amortized=signing,
        benefits=offer.benefits_value,
        total=total,
    )


def vesting_fractions(offer: Offer) -> tuple[float, ...]:
    """Share of one grant that vests in each year after it is granted, the cliff applied.

    Within a year the schedule vests evenly by month; nothing vests before the cliff, and what
    was due by then vests at the cliff. A cliff beyond the first year moves money later.
    """
    schedule = offer.schedule
    months = 12 * len(schedule)

    def due_by(month: int) -> float:
        month = min(month, months)
        whole_years, rest = divmod(month, 12)
        done = sum(schedule[:whole_years])
        partial = schedule[whole_years] * rest / 12 if rest else 0.0
        return (done + partial) / 100.0

    def vested_by(month: int) -> float:
        return 0.0 if month < offer.cliff_months else due_by(month)

    last_year = max(len(schedule), math.ceil(offer.cliff_months / 12))
    return tuple(vested_by(12 * y) - vested_by(12 * (y - 1)) for y in range(1, last_year + 1))


def project_years(offer: Offer, assumptions: Assumptions) -> tuple[YearTotal, ...]:
    """Years 1..N of the offer; refreshers granted at the end of year k vest from year k+1."""
    factor = assumptions.stage_factor(offer.company_stage)
    fractions = vesting_fractions(offer)
    initial = grant_value(offer) * factor
    refresher = offer.refresher_grant * factor
    years = []
    for year in range(1, assumptions.projection_years + 1):
        growth = (1 + offer.raise_percent / 100) ** (year - 1)
        equity = initial * _fraction(fractions, year)
        equity += sum(refresher * _fraction(fractions, year - k) for k in range(1, year))
        base = offer.base_salary * growth
        bonus = offer.target_bonus * offer.bonus_payout_history * growth
        signing = offer.signing_bonus if year == 1 else 0.0
        years.append(
            YearTotal(
                year=year,
                base=base,
                equity=equity,
                bonus=bonus,
                signing=signing,
                benefits=offer.benefits_value,
                total=base + equity + bonus + signing + offer.benefits_value,
            )
        )
    return tuple(years)


def _fraction(fractions: tuple[float, ...], year: int) -> float:
    return fractions[year - 1] if 1 <= year <= len(fractions) else 0.0


def compensation(offer: Offer, assumptions: Assumptions) -> Compensation:
    """The annualized total and the projection of one offer."""
    return Compensation(
        stage_factor=assumptions.stage_factor(offer.company_stage),
        grant_value=grant_value(offer),
        exercise_cost=exercise_cost(offer),
        annual=annual_total(offer, assumptions),
        years=project_years(offer, assumptions),
    )
