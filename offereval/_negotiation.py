"""The negotiation gap: what it would take for an offer to match the best annualized total.

Each way of closing the gap is priced through the framework's own formula: base counts in
full, a signing bonus is spread over the assumed tenure, and an equity grant over its vesting
years at its stage's factor.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from offereval._compensation import Compensation
from offereval._fields import MONEY_MAX
from offereval._model import OfferSet


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Gap:
    """How far ``company`` is behind ``target`` and three ways to close it."""

    company: str
    target: str
    total_gap: float
    first_year_gap: float
    more_base: float
    more_signing: float
    more_equity: float | None  # None when no grant an offers file can hold closes the gap

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def negotiation_gaps(offer_set: OfferSet, pay: dict[str, Compensation]) -> list[Gap]:
    """For every offer but the one with the highest annualized total: the gap to that one."""
    if len(offer_set.offers) < 2:
        return []
    target = min(offer_set.offers, key=lambda o: (-pay[o.company].annual.total, o.company))
    best = pay[target.company]
    tenure = offer_set.assumptions.signing_tenure_years
    gaps = []
    for offer in offer_set.offers:
        if offer is target:
            continue
        own = pay[offer.company]
        gap = best.annual.total - own.annual.total
        factor = own.stage_factor
        gaps.append(
            Gap(
                company=offer.company,
                target=target.company,
                total_gap=gap,
                first_year_gap=best.first_year.total - own.first_year.total,
                more_base=gap,
                more_signing=gap * tenure,
                more_equity=_equity_needed(gap, offer.vesting_years, factor),
            )
        )
    return gaps


def _equity_needed(gap: float, vesting_years: int, factor: float) -> float | None:
    """The larger grant that closes ``gap``; None when equity counts (next to) nothing: with a
    stage factor of 0, or one so small (1e-300) that the grant would be infinite, or a number
    of hundreds of digits, beyond any grant an offers file can hold (MONEY_MAX)."""
    if factor <= 0:
        return None
    needed = gap * vesting_years / factor
    return needed if math.isfinite(needed) and needed <= MONEY_MAX else None
