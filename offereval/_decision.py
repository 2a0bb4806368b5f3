"""The five decision steps, run over an offers file: everything offereval computes, in one result.

1. Eliminate dealbreakers: a total under the minimum, an unacceptable location or remote policy,
   a red flag the person treats as a dealbreaker. 2. Score the remaining offers. 3. Gut check:
   rank them again with compensation left out. 4. Sleep on it: 24-48 hours after deciding.
   5. Commit fully.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from offereval import _content as content
from offereval import _format as fmt
from offereval._aftertax import (
    AfterTax,
    after_tax,
    mixed_currencies,
    rating_basis,
    tax_notes,
    tax_year,
)
from offereval._compensation import Compensation, compensation
from offereval._contract import DecisionStage
from offereval._document import IncompleteOffer
from offereval._errors import Problem
from offereval._matrix import Rating, missing_factors, rank, resolve_ratings, weighted_score
from offereval._model import Offer, OfferSet
from offereval._negotiation import Gap, negotiation_gaps
from offereval._record import DecisionRecord
from offereval._sensitivity import TippingPoint, equity_tipping_points, weight_tipping_points
from offereval._verdict import Standing, Verdict, verdict

_FACTOR_NAMES = {f.id: f.name for f in content.FACTORS}
_SOON, _LATE = content.SLEEP_ON_IT_HOURS


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class OfferResult:
    """One offer, evaluated."""

    company: str
    pay: Compensation
    after_tax: AfterTax
    ratings: Mapping[str, Rating]  # factor id -> rating, read-only
    missing_ratings: tuple[str, ...]
    red_flags: tuple[str, ...]
    eliminated_because: tuple[str, ...]
    score: float | None
    gut_score: float | None
    current_job: bool = False

    @property
    def eliminated(self) -> bool:
        return bool(self.eliminated_because)

    def to_dict(self) -> dict[str, Any]:
        pay = self.pay.to_dict()
        pay["tc"].update(self.after_tax.annual.to_dict(), home=self.after_tax.home.to_dict())
        for year, taxed in zip(pay["years"], self.after_tax.years, strict=True):
            year.update(taxed.to_dict())
        return {
            "company": self.company,
            "location": self.after_tax.location or None,
            "currency": self.after_tax.currency or None,
            **pay,
            "ratings": {k: v.to_dict() for k, v in self.ratings.items()},
            "missing_ratings": list(self.missing_ratings),
            "red_flags": list(self.red_flags),
            "eliminated": self.eliminated,
            "eliminated_because": list(self.eliminated_because),
            "score": self.score,
            "gut_score": self.gut_score,
            "current_job": self.current_job,
        }


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class DecisionStatus:
    """Where the person is in steps 4 and 5."""

    stage: DecisionStage
    choice: str
    hours_since: float | None
    text: str
    hours_left: float | None = None  # until the 24-hour mark, while sleeping on it
    # Committing now would come before the 24-hour mark: the page shows ``advice`` and asks
    # for a second, explicit confirmation (``decision.early_commit_confirmed``).
    needs_confirmation: bool = False
    advice: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Evaluation:
    """Everything offereval computes about one offers file."""

    offer_set: OfferSet
    offers: tuple[OfferResult, ...]
    ranking: tuple[str, ...]
    gut_check: tuple[str, ...]
    gaps: tuple[Gap, ...]
    equity_sensitivity: tuple[TippingPoint, ...]
    weight_sensitivity: tuple[TippingPoint, ...]
    decision: DecisionStatus
    notes: tuple[str, ...]
    verdict: Verdict
    # Offers set aside until they are complete, and questions about values read anyway: both
    # come from reading a form's document (offereval._document), never from a checked file.
    incomplete: tuple[IncompleteOffer, ...] = ()
    questions: tuple[Problem, ...] = ()

    def offer(self, company: str) -> OfferResult:
        return next(o for o in self.offers if o.company == company)

    def to_dict(self) -> dict[str, Any]:
        """The result as ``offereval compare --json`` prints it."""
        return {
            "verdict": self.verdict.to_dict(),
            "assumptions": self.offer_set.assumptions.to_dict(),
            "weights": dict(self.offer_set.weights),
            "minimum_total_comp": self.offer_set.minimum_total_comp,
            "tax_year": tax_year(self.offer_set),
            "filing_status": self.offer_set.filing_status,
            "home_currency": self.offer_set.home_currency or None,
            "offers": [o.to_dict() for o in self.offers],
            "ranking": list(self.ranking),
            "gut_check": list(self.gut_check),
            "negotiation": [g.to_dict() for g in self.gaps],
            "sensitivity": {
                "equity": [p.to_dict() for p in self.equity_sensitivity],
                "weights": [p.to_dict() for p in self.weight_sensitivity],
            },
            "decision": self.decision.to_dict(),
            "notes": list(self.notes),
            "own_red_flags": [item.to_dict() for item in self.offer_set.own_red_flags],
            "own_questions": [item.to_dict() for item in self.offer_set.own_questions],
            "calls": [call.to_dict() for call in self.offer_set.calls],
            "incomplete": [o.to_dict() for o in self.incomplete],
            "questions": [q.to_dict() for q in self.questions],
        }


def evaluate(
    offer_set: OfferSet,
    now: datetime.datetime | None = None,
    *,
    incomplete: tuple[IncompleteOffer, ...] = (),
    questions: tuple[Problem, ...] = (),
) -> Evaluation:
    """Run the framework over an offers file. ``now`` (aware) dates the sleep-on-it step;
    ``incomplete`` and ``questions`` are carried into the result for the page to show."""
    now = now or datetime.datetime.now(datetime.UTC)
    pay = {o.company: compensation(o, offer_set.assumptions) for o in offer_set.offers}
    after = {o.company: after_tax(o, pay[o.company], offer_set) for o in offer_set.offers}
    basis, compared = rating_basis(offer_set.offers, after)
    best = max(compared.values())
    weights = offer_set.weights
    notes: list[str] = []

    results = []
    for offer in offer_set.offers:
        ratings = MappingProxyType(resolve_ratings(offer, compared[offer.company], best))
        missing = missing_factors(ratings)
        reasons = _eliminations(offer_set, offer, after[offer.company].home.total)
        values = {k: r.value for k, r in ratings.items()}
        scored = not missing and not reasons
        results.append(
            OfferResult(
                company=offer.company,
                pay=pay[offer.company],
                after_tax=after[offer.company],
                ratings=ratings,
                missing_ratings=missing,
                red_flags=offer_set.red_flags_of(offer),
                eliminated_because=reasons,
                score=weighted_score(values, weights) if scored else None,
                gut_score=weighted_score(values, weights, ("compensation",)) if scored else None,
                current_job=offer.current_job,
            )
        )

    # Step 2 and 3 rank only what survived step 1 and is fully rated.
    scored_results = [r for r in results if r.score is not None]
    ranking = rank({r.company: r.score for r in scored_results if r.score is not None})
    gut = rank({r.company: r.gut_score for r in scored_results if r.gut_score is not None})
    notes += _rating_notes(results, basis)
    notes += tax_notes(offer_set.offers, after)
    if ranking and gut and ranking[0] != gut[0]:
        notes.append(
            f"Gut check: with compensation left out, {gut[0]} comes first instead of "
            f"{ranking[0]}. Ask yourself how much the money is deciding for you."
        )
    mixed = mixed_currencies(after)
    weight_points = weight_tipping_points(
        {r.company: {k: v.value for k, v in r.ratings.items()} for r in scored_results}, weights
    )
    return Evaluation(
        offer_set=offer_set,
        offers=tuple(results),
        ranking=tuple(ranking),
        gut_check=tuple(gut),
        gaps=() if mixed else tuple(negotiation_gaps(offer_set, pay)),
        equity_sensitivity=() if mixed else tuple(equity_tipping_points(offer_set)),
        weight_sensitivity=tuple(weight_points),
        decision=decision_status(offer_set, results, now),
        notes=tuple(notes),
        verdict=verdict([_standing(r) for r in results], _compared_in(results)),
        incomplete=incomplete,
        questions=questions,
    )


def _standing(r: OfferResult) -> Standing:
    """What the verdict compares of one offer, in the home currency (its own without one)."""
    home = r.after_tax.home
    first_take_home = r.after_tax.years[0].take_home
    return Standing(
        company=r.company,
        annual=home.total,
        first_year=r.pay.first_year.total * home.rate,
        take_home=home.take_home,
        first_year_take_home=None if first_take_home is None else first_take_home * home.rate,
        purchasing_power=home.purchasing_power,
        score=r.score,
        eliminated_because=r.eliminated_because,
        missing_ratings=r.missing_ratings,
        current_job=r.current_job,
    )


def _compared_in(results: list[OfferResult]) -> str:
    """The currency the verdict's amounts are in: the home one, or the one every offer is
    paid in; "" when none is known."""
    currencies = {r.after_tax.home.currency for r in results}
    return currencies.pop() if len(currencies) == 1 else ""


def _eliminations(offer_set: OfferSet, offer: Offer, total: float) -> tuple[str, ...]:
    """Step 1: every dealbreaker this offer fails, in the framework's order. ``total`` is the
    annualized total in the home currency (the offer's own when none is set)."""
    reasons = []
    minimum = offer_set.minimum_total_comp
    if minimum is not None and total < minimum:
        reasons.append(
            f"annualized total {fmt.money(total)} is under your minimum of {fmt.money(minimum)}"
        )
    if not offer.location_acceptable:
        reasons.append("the location/remote policy is not acceptable")
    for flag_id in offer_set.red_flags_of(offer):
        if flag_id in offer_set.dealbreakers:
            reasons.append(f"dealbreaker red flag: {offer_set.flag_text(flag_id)}")
    return tuple(reasons)


def _rating_notes(results: list[OfferResult], basis: str) -> list[str]:
    notes = []
    suggested = [r.company for r in results if r.ratings["compensation"].source == "suggested"]
    if suggested:
        source = (
            "purchasing power, the take-home pay after tax and cost of living (best = 5)"
            if basis == "purchasing_power"
            else "the annualized totals (best total = 5)"
        )
        notes.append(
            f"Compensation ratings were suggested from {source} "
            f"for: {', '.join(suggested)}. Give your own rating to replace a suggestion."
        )
    rubric = [
        r.company
        for r in results
        if "career_growth" in r.ratings and r.ratings["career_growth"].source == "rubric"
    ]
    if rubric:
        notes.append(f"Career Growth ratings come from the growth rubric for: {', '.join(rubric)}.")
    for r in results:
        if r.missing_ratings and not r.eliminated:
            names = ", ".join(_FACTOR_NAMES[f] for f in r.missing_ratings)
            notes.append(f"{r.company} is not scored until it has a rating for: {names}.")
    return notes


def decision_status(
    offer_set: OfferSet, results: list[OfferResult], now: datetime.datetime
) -> DecisionStatus:
    """Steps 4 and 5: how long ago the decision was made, and what to do now."""
    record = offer_set.decision
    if not record.choice:
        return DecisionStatus(
            stage="undecided",
            choice="",
            hours_since=None,
            text=(
                "No decision recorded yet. When you choose, record it, then sleep on it for "
                f"{_SOON}-{_LATE} hours before you answer."
            ),
        )
    chosen = next((r for r in results if r.company == record.choice), None)
    if chosen is None:  # the chosen offer is set aside until its fields are complete
        warning = f" Note: {record.choice} is not evaluated until its fields are complete."
    elif chosen.eliminated:
        warning = f" Note: {chosen.company} failed step 1 ({'; '.join(chosen.eliminated_because)})."
    else:
        warning = ""
    if record.committed:
        return _commitment(record, now, warning)
    if record.decided_at is None:
        return DecisionStatus(
            stage="undated",
            choice=record.choice,
            hours_since=None,
            text=(
                f"You chose {record.choice}. Record when you decided, so you know when "
                f"{_SOON} hours have passed.{warning}"
            ),
        )
    elapsed = _hours(record.decided_at, now)
    if elapsed is None:
        ahead = (record.decided_at - now).total_seconds() / 3600
        return DecisionStatus(
            stage="future",
            choice=record.choice,
            hours_since=None,
            text=(
                f"You chose {record.choice}, but the time recorded for it, "
                f"{record.decided_at.isoformat()}, is {fmt.hours(ahead)} after the current "
                f"time. Check its date and time zone: the {_SOON}-{_LATE} hours count from "
                f"when you decided.{warning}"
            ),
        )
    if elapsed < _SOON:
        return DecisionStatus(
            stage="sleeping",
            choice=record.choice,
            hours_since=elapsed,
            text=(
                f"You chose {record.choice} {fmt.hours(elapsed)} ago. Sleep on it: "
                f"{fmt.hours(_SOON - elapsed)} to go before the {_SOON}-hour mark.{warning}"
            ),
            hours_left=_SOON - elapsed,
            needs_confirmation=True,
            advice=content.sleep_on_it_advice(),
        )
    stage: DecisionStage
    if elapsed <= _LATE:
        stage, text = (
            "ready",
            (
                f"{fmt.hours(elapsed)} since you chose {record.choice}. Do you still feel good "
                f"about it? If so, commit."
            ),
        )
    else:
        stage, text = (
            "overdue",
            (
                f"{fmt.hours(elapsed)} since you chose {record.choice}, more than {_LATE} hours. "
                f"Time to commit, or to say what still holds you back."
            ),
        )
    return DecisionStatus(
        stage=stage, choice=record.choice, hours_since=elapsed, text=text + warning
    )


def _commitment(record: DecisionRecord, now: datetime.datetime, warning: str) -> DecisionStatus:
    """Step 5: a commitment counts once 24 hours have passed since the decision, or earlier
    when it was confirmed after reading the framework's advice."""
    moment, decided = record.committed_at or now, record.decided_at
    # hours from deciding to committing; unknown without a decision time, or with one that
    # comes after the commitment (a clock behind): then the commitment is taken as it is
    after = (moment - decided).total_seconds() / 3600 if decided and decided <= moment else None
    since = _hours(decided, now)
    if after is None or after >= _SOON:
        text = (
            f"You committed to {record.choice}. Stop second-guessing and make the choice a success."
        )
        return DecisionStatus(
            stage="committed", choice=record.choice, hours_since=since, text=text + warning
        )
    if record.early_commit_confirmed:
        return DecisionStatus(
            stage="committed_early",
            choice=record.choice,
            hours_since=since,
            text=(
                f"You committed to {record.choice} {fmt.hours(after)} after deciding, before "
                "sleeping on it. Stop second-guessing and make the choice a success." + warning
            ),
        )
    advice = content.sleep_on_it_advice()
    return DecisionStatus(
        stage="unconfirmed",
        choice=record.choice,
        hours_since=since,
        text=(
            f"Not committed yet: you marked {record.choice} as final {fmt.hours(after)} after "
            f"deciding, before the {_SOON}-hour mark. {advice} Confirm that you commit now "
            f"(early_commit_confirmed: true), or wait {fmt.hours(_SOON - after)}." + warning
        ),
        hours_left=_SOON - after,
        needs_confirmation=True,
        advice=advice,
    )


def _hours(since: datetime.datetime | None, now: datetime.datetime) -> float | None:
    """Hours from ``since`` to ``now``; None without a time, or for a time after ``now``."""
    if since is None or since > now:
        return None
    return (now - since).total_seconds() / 3600
