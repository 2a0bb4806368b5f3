"""The multi-factor decision matrix: 1-5 ratings, weights, weighted scores and rankings.

A rating comes from one of three places, and the result says which: the person gave it; the
career-growth rubric produced it; or, for compensation, it was suggested from the offers'
annualized totals because none was given.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from offereval import _content as content
from offereval._model import Offer

FACTOR_IDS = tuple(f.id for f in content.FACTORS)
_LEVEL_RATINGS = dict(content.GROWTH_LEVELS)


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Rating:
    """One 1-5 rating and where it came from: "given", "rubric" or "suggested"."""

    value: float
    source: str

    def to_dict(self) -> dict[str, float | str]:
        return {"value": self.value, "source": self.source}


def growth_rating(offer: Offer) -> float | None:
    """The Career Growth rating the rubric gives: high 5, medium 3, low 1, averaged over the
    parts that were assessed (None when none was)."""
    if not offer.growth:
        return None
    levels = [_LEVEL_RATINGS[level] for level in offer.growth.values()]
    return round(sum(levels) / len(levels), 2)


def suggested_compensation_rating(total: float, best_total: float) -> float:
    """A 1-5 compensation rating in proportion to the best annualized total on the table."""
    if best_total <= 0:
        return 5.0
    return round(min(5.0, max(1.0, 5.0 * total / best_total)), 1)


def resolve_ratings(offer: Offer, total: float, best_total: float) -> dict[str, Rating]:
    """Every rating the matrix can use for one offer; factors with no rating are left out."""
    ratings = {factor: Rating(value=v, source="given") for factor, v in offer.ratings.items()}
    if "career_growth" not in ratings:
        rubric = growth_rating(offer)
        if rubric is not None:
            ratings["career_growth"] = Rating(value=rubric, source="rubric")
    if "compensation" not in ratings:
        ratings["compensation"] = Rating(
            value=suggested_compensation_rating(total, best_total), source="suggested"
        )
    return ratings


def missing_factors(ratings: Mapping[str, Rating]) -> tuple[str, ...]:
    return tuple(f for f in FACTOR_IDS if f not in ratings)


def weighted_score(
    ratings: Mapping[str, float], weights: Mapping[str, float], leave_out: Iterable[str] = ()
) -> float:
    """Weighted average of 1-5 ratings (so the score is on the same 1-5 scale).

    Leaving a factor out spreads its weight over the others in proportion: that is the gut
    check, the ranking as it would be if every offer paid the same.
    """
    kept = [f for f in FACTOR_IDS if f not in set(leave_out)]
    total_weight = sum(weights[f] for f in kept)
    if total_weight <= 0:
        return 0.0
    return sum(weights[f] * ratings[f] for f in kept) / total_weight


def rank(scores: Mapping[str, float]) -> list[str]:
    """Companies from best score to worst; ties in name order, so input order never matters."""
    return sorted(scores, key=lambda company: (-round(scores[company], 9), company))
