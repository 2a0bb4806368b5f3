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
from offereval._model import Offer, OfferSet


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Gap:
    """How far ``company`` is behind ``target`` and three ways to close it."""

    company: str
    target: str
    target_is_current_job: bool  # the gap to staying, rather than to the highest total
    total_gap: float
    first_year_gap: float
    more_base: float
    more_signing: float
    more_equity: float | None  # None when no grant an offers file can hold closes the gap

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def negotiation_gaps(offer_set: OfferSet, pay: dict[str, Compensation]) -> list[Gap]:
    """For every offer but the one with the highest annualized total: the gap to that one.
    With a current job that is not that one, also every other offer's gap to the current job
    (negative when the offer pays more than staying)."""
    if len(offer_set.offers) < 2:
        return []
    target = min(offer_set.offers, key=lambda o: (-pay[o.company].annual.total, o.company))
    gaps = [_gap(offer_set, pay, o, target) for o in offer_set.offers if o is not target]
    current = next((o for o in offer_set.offers if o.current_job), None)
    if current is not None and current is not target:
        gaps += [_gap(offer_set, pay, o, current) for o in offer_set.offers if o is not current]
    return gaps


def _gap(offer_set: OfferSet, pay: dict[str, Compensation], offer: Offer, target: Offer) -> Gap:
    """How far ``offer`` is behind ``target``, priced three ways."""
    best, own = pay[target.company], pay[offer.company]
    gap = best.annual.total - own.annual.total
    return Gap(
        company=offer.company,
        target=target.company,
        target_is_current_job=target.current_job,
        total_gap=gap,
        first_year_gap=best.first_year.total - own.first_year.total,
        more_base=gap,
        more_signing=gap * offer_set.assumptions.signing_tenure_years,
        more_equity=_equity_needed(gap, offer.vesting_years, own.stage_factor),
    )


def _equity_needed(gap: float, vesting_years: int, factor: float) -> float | None:
    """The larger grant that closes ``gap``; None when equity counts (next to) nothing: with a
    stage factor of 0, or one so small (1e-300) that the grant would be infinite, or a number
    of hundreds of digits, beyond any grant an offers file can hold (MONEY_MAX)."""
    if factor <= 0:
        return None
    needed = gap * vesting_years / factor
    return needed if math.isfinite(needed) and needed <= MONEY_MAX else None
