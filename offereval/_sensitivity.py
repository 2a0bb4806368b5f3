"""How sure is the leader? The equity discount, or the weight, at which the top offer changes.

Both questions have the same shape: each offer's figure is a straight line in one quantity (a
stage factor, or one factor's weight), and the leader changes where another line crosses the
leader's. ``_tipping_points`` finds the nearest such crossing on each side of today's value.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from offereval import _content as content
from offereval._compensation import annual_total, grant_value
from offereval._model import OfferSet

Line = tuple[float, float]  # (value at 0, change per unit)


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class TippingPoint:
    """The leader changes from ``leader`` to ``new_leader`` once ``quantity`` passes ``at``."""

    quantity: str  # a stage id, or a factor id
    current: float
    at: float
    direction: str  # "above" or "below"
    leader: str
    new_leader: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _leader(lines: Mapping[str, Line], x: float) -> str:
    return min(lines, key=lambda c: (-round(lines[c][0] + lines[c][1] * x, 6), c))


def _tipping_points(
    lines: Mapping[str, Line], current: float, low: float, high: float, quantity: str
) -> list[TippingPoint]:
    """The nearest value above and below ``current``, strictly inside (low, high), where the
    leader changes (none in a direction where it never does)."""
    if len(lines) < 2:
        return []
    leader = _leader(lines, current)
    a0, b0 = lines[leader]
    crossings = sorted(
        {
            (a - a0) / (b0 - b)
            for c, (a, b) in lines.items()
            if c != leader and b != b0 and low < (a - a0) / (b0 - b) < high
        }
    )
    points = []
    above = [x for x in crossings if x > current]
    below = [x for x in reversed(crossings) if x < current]
    for direction, candidates, edge in (("above", above, high), ("below", below, low)):
        for i, x in enumerate(candidates):
            beyond = candidates[i + 1] if i + 1 < len(candidates) else edge
            probe = (x + beyond) / 2
            new = _leader(lines, probe)
            if new != leader:
                points.append(
                    TippingPoint(
                        quantity=quantity,
                        current=current,
                        at=x,
                        direction=direction,
                        leader=leader,
                        new_leader=new,
                    )
                )
                break
    return points


def equity_tipping_points(offer_set: OfferSet) -> list[TippingPoint]:
    """For each company stage among the offers: the stage factor at which the offer with the
    highest annualized total would change, everything else unchanged."""
    assumptions = offer_set.assumptions
    points: list[TippingPoint] = []
    for stage in content.stage_ids():
        if not any(o.company_stage == stage for o in offer_set.offers):
            continue
        lines: dict[str, Line] = {}
        for offer in offer_set.offers:
            annual = annual_total(offer, assumptions)
            if offer.company_stage == stage:
                # The total without its equity, plus the equity's paper value per year x factor.
                per_year = grant_value(offer) / offer.vesting_years
                lines[offer.company] = (annual.total - annual.equity, per_year)
            else:
                lines[offer.company] = (annual.total, 0.0)
        current = assumptions.stage_factor(stage)
        points += _tipping_points(lines, current, 0.0, 1.0, stage)
    return points


def weight_tipping_points(
    ratings: Mapping[str, Mapping[str, float]], weights: Mapping[str, float]
) -> list[TippingPoint]:
    """For each factor: the weight at which the top-scoring offer would change, the other
    weights growing or shrinking in proportion so that all still sum to 100."""
    points: list[TippingPoint] = []
    for factor in content.FACTORS:
        w = weights[factor.id]
        rest = 100.0 - w
        if rest <= 0:
            continue
        lines: dict[str, Line] = {}
        for company, r in ratings.items():
            others = sum(weights[f.id] * r[f.id] for f in content.FACTORS if f.id != factor.id)
            # score(W) = (W * r_k + (100 - W) / rest * others) / 100, a line in the weight W
            slope = (r[factor.id] - others / rest) / 100
            lines[company] = (others / rest, slope)
        points += _tipping_points(lines, w, 0.0, 100.0, factor.id)
    return points
