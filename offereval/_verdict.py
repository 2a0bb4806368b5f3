"""The answer first: who leads the weighted score, who pays the most, what is out or missing.

``verdict`` gathers the facts (who leads, by how much, who is out and why) and writes them as
one to three sentences, in words ("top score", "highest pay"), every figure formatted here.
The facts never depend on the order of the offers: ties and lists go by company name.

Pay is compared in one currency (the home currency when one is set) and, when every offer in
the running has a known tax (a location offereval computes, or a tax rate), after tax: the
take-home, and what it buys once the cost of living is counted (purchasing power).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from offereval import _content as content
from offereval import _format as fmt

_FACTOR_NAMES = {f.id: f.name for f in content.FACTORS}
_TIE = 0.5  # totals closer than half a unit show the same figure: they are a tie in words
_SCORE_TIE = 1e-9  # as offereval._matrix.rank rounds scores


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Lead:
    """Who is ahead on one measure, and by how much over the next one."""

    leaders: tuple[str, ...]  # more than one when they tie, in name order
    value: float
    runner_up: str | None  # the best of the others, None when there are none
    runner_up_value: float | None

    @property
    def margin(self) -> float | None:
        return None if self.runner_up_value is None else self.value - self.runner_up_value

    def to_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "leaders": list(self.leaders), "margin": self.margin}


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Standing:
    """What the verdict needs to know about one evaluated offer; money in the currency the
    offers are compared in, None where the tax is not known."""

    company: str
    annual: float  # the annualized total, before tax
    first_year: float
    take_home: float | None  # the annualized total after tax
    first_year_take_home: float | None
    purchasing_power: float | None  # the take-home over the cost of living index / 100
    score: float | None
    eliminated_because: tuple[str, ...]
    missing_ratings: tuple[str, ...]
    current_job: bool


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Verdict:
    """The facts the verdict states, and its sentences."""

    top_score: Lead | None  # among the ranked offers (passed step 1, every rating given)
    basis: str  # "after_tax" when every offer compared has a known tax, else "pre_tax"
    currency: str  # of every amount below; "" when no offer says
    highest_pay: Lead | None  # annualized, among the offers still in the running
    highest_first_year: Lead | None
    # after tax only, and only when some offer's cost of living changes what its pay buys
    highest_purchasing_power: Lead | None
    current_job: str | None
    # each other offer against the current job: (company, annualized, first year) differences
    against_current_job: tuple[tuple[str, float, float], ...]
    eliminated: tuple[tuple[str, tuple[str, ...]], ...]  # company, reasons; by name
    unscored: tuple[tuple[str, tuple[str, ...]], ...]  # company, missing factor ids; by name
    sentences: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        def lead(x: Lead | None) -> dict[str, Any] | None:
            return None if x is None else x.to_dict()

        return {
            "sentences": list(self.sentences),
            "top_score": lead(self.top_score),
            "basis": self.basis,
            "currency": self.currency or None,
            "highest_pay": lead(self.highest_pay),
            "highest_first_year": lead(self.highest_first_year),
            "highest_purchasing_power": lead(self.highest_purchasing_power),
            "current_job": self.current_job,
            "against_current_job": [
                {"company": c, "annualized": a, "first_year": f}
                for c, a, f in self.against_current_job
            ],
            "eliminated": [{"company": c, "because": list(r)} for c, r in self.eliminated],
            "unscored": [{"company": c, "missing": list(m)} for c, m in self.unscored],
        }


def lead(values: dict[str, float], tie: float) -> Lead | None:
    """The leaders of ``values`` (highest first) and the best of the rest."""
    if not values:
        return None
    order = sorted(values, key=lambda c: (-values[c], c))
    top = values[order[0]]
    leaders = tuple(sorted(c for c in order if top - values[c] < tie))
    rest = [c for c in order if c not in leaders]
    return Lead(
        leaders=leaders,
        value=top,
        runner_up=rest[0] if rest else None,
        runner_up_value=values[rest[0]] if rest else None,
    )


def verdict(standings: Sequence[Standing], currency: str = "") -> Verdict:
    """The verdict on evaluated offers, their money in ``currency``."""
    current = next((s for s in standings if s.current_job), None)
    running = [s for s in standings if not s.eliminated_because and not s.current_job]
    compared = running + ([current] if current else [])
    taxed = bool(compared) and all(s.take_home is not None for s in compared)
    annual, first = _measures(taxed)
    scored = {s.company: s.score for s in standings if s.score is not None}
    buys = {s.company: s.purchasing_power or 0.0 for s in running}
    facts = Verdict(
        top_score=lead(scored, _SCORE_TIE),
        basis="after_tax" if taxed else "pre_tax",
        currency=currency,
        highest_pay=lead({s.company: annual(s) for s in running}, _TIE),
        highest_first_year=lead({s.company: first(s) for s in running}, _TIE),
        highest_purchasing_power=(
            lead(buys, _TIE)
            if taxed and any(abs(buys[s.company] - annual(s)) >= _TIE for s in running)
            else None
        ),
        current_job=current.company if current else None,
        against_current_job=_against(current, standings, annual, first, taxed),
        eliminated=tuple(
            sorted((s.company, s.eliminated_because) for s in standings if s.eliminated_because)
        ),
        unscored=tuple(
            sorted(
                (s.company, s.missing_ratings)
                for s in standings
                if s.missing_ratings and not s.eliminated_because
            )
        ),
        sentences=(),
    )
    sentences = (score_sentence(facts, len(standings)), pay_sentence(facts), out_sentence(facts))
    return dataclasses.replace(facts, sentences=tuple(s for s in sentences if s))


Measure = Callable[[Standing], float]


def _measures(taxed: bool) -> tuple[Measure, Measure]:
    """The annualized and the first-year pay compared: after tax when every offer's is known."""
    if taxed:
        return (lambda s: s.take_home or 0.0), (lambda s: s.first_year_take_home or 0.0)
    return (lambda s: s.annual), (lambda s: s.first_year)


def _against(
    current: Standing | None,
    standings: Sequence[Standing],
    annual: Measure,
    first: Measure,
    taxed: bool,
) -> tuple[tuple[str, float, float], ...]:
    """Each other offer's pay less the current job's, annualized and in the first year."""
    if current is None:
        return ()
    return tuple(
        sorted(
            (s.company, annual(s) - annual(current), first(s) - first(current))
            for s in standings
            if s is not current and (not taxed or s.take_home is not None)
        )
    )


def _namer(facts: Verdict) -> Callable[[str], str]:
    """Names an offer in a sentence; the current job is called so."""

    def name(company: str) -> str:
        return f"your current job at {company}" if company == facts.current_job else company

    return name


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def score_sentence(facts: Verdict, evaluated: int) -> str:
    """Who leads the weighted score, and by how much."""
    name = _namer(facts)
    top = facts.top_score
    if top is None:
        return "No offer has a full score yet." if facts.unscored else ""
    score = fmt.score(top.value)
    if len(top.leaders) > 1:
        text = f"{_join([name(c) for c in top.leaders])} share the top score: {score} out of 5"
    elif top.runner_up is None:
        text = (
            f"{name(top.leaders[0])} scores {score} out of 5"
            if evaluated == 1
            else f"{name(top.leaders[0])} is the only "
            f"{'one' if top.leaders[0] == facts.current_job else 'offer'} with a full score: "
            f"{score} out of 5"
        )
    else:
        text = f"{name(top.leaders[0])} has the top score: {score} out of 5"
    if top.runner_up is not None and top.margin is not None:
        text += (
            f", {fmt.score(top.margin)} ahead of {name(top.runner_up)} "
            f"({fmt.score(top.value - top.margin)})"
        )
    return _capital(text) + "."


def pay_sentence(facts: Verdict) -> str:
    """Who pays the most per year, annualized and in the first year, and by how much (after
    tax when every tax is known, and then what the pay buys after the cost of living); with a
    current job, what the best offer adds to staying. The one place pay is compared in words."""
    name = _namer(facts)
    pay, first = facts.highest_pay, facts.highest_first_year
    if pay is None or first is None:
        return ""
    unit = f" {facts.currency}" if facts.currency else ""
    taxed = facts.basis == "after_tax"
    per_year = "a year take-home, annualized" if taxed else "a year annualized"
    leaders = _join([name(c) for c in pay.leaders])
    total = fmt.money(pay.value) + unit
    if len(pay.leaders) > 1:
        text = f"{leaders} have the highest pay: {total} {per_year} each"
    elif pay.runner_up is None:
        text = f"{leaders} pays {total} {per_year}"
    else:
        text = f"{leaders} has the highest pay: {total} {per_year}"
    if pay.runner_up is not None and pay.margin is not None:
        text += f", {fmt.money(pay.margin)} more than {name(pay.runner_up)}"
    against = _against_current_job(facts, pay.leaders[0])
    if against:
        text += (" and " if pay.runner_up is not None else ", ") + against
    year_one = fmt.money(first.value) + (" take-home" if taxed else "")
    if first.leaders == pay.leaders and first.runner_up is None and not against:
        text += f" and {year_one} in the first year"
    elif first.leaders == pay.leaders:
        text += f"; {year_one} in the first year"
    else:
        text += f"; in the first year {_join(first.leaders)} pays the most: {year_one}"
    if first.runner_up is not None and first.margin is not None:
        more = f"{fmt.money(first.margin)} more"
        same_rival = first.runner_up == pay.runner_up and first.leaders == pay.leaders
        text += f", {more}" if same_rival else f", {more} than {name(first.runner_up)}"
    return _capital(text + _buys_the_most(facts, unit)) + "."


def _buys_the_most(facts: Verdict, unit: str) -> str:
    """After the cost of living: who buys the most, and by how much."""
    buys = facts.highest_purchasing_power
    if buys is None:
        return ""
    names = [_namer(facts)(c) for c in buys.leaders]
    verb = "buy" if len(names) > 1 else "buys"
    text = (
        f"; after the cost of living, {_join(names)} {verb} the most: a purchasing power of "
        f"{fmt.money(buys.value)}{unit} a year"
    )
    if buys.runner_up is not None and buys.margin is not None:
        text += f", {fmt.money(buys.margin)} more than {_namer(facts)(buys.runner_up)}"
    return text


def _against_current_job(facts: Verdict, company: str) -> str:
    if facts.current_job is None:
        return ""
    differences = {c: a for c, a, _ in facts.against_current_job}
    if company not in differences:
        return ""
    difference = differences[company]
    if abs(difference) < _TIE:
        return f"the same as your current job at {facts.current_job}"
    more_or_less = "more" if difference > 0 else "less"
    return (
        f"{fmt.money(abs(difference))} {more_or_less} than your current job at {facts.current_job}"
    )


def out_sentence(facts: Verdict) -> str:
    """Which offers were eliminated and why, and what is still missing for a full score."""
    name = _namer(facts)
    parts = [f"{name(c)} was eliminated ({_join(list(why))})" for c, why in facts.eliminated]
    # offers that lack the same ratings are named together
    lacking: dict[tuple[str, ...], list[str]] = {}
    for company, missing in facts.unscored:
        lacking.setdefault(missing, []).append(company)
    for missing, companies in sorted(lacking.items(), key=lambda item: item[1]):
        needs = "needs" if len(companies) == 1 else "need"
        ratings = "a rating" if len(missing) == 1 else "ratings"
        factors = _join([_FACTOR_NAMES[f] for f in missing])
        parts.append(
            f"{_join([name(c) for c in companies])} {needs} {ratings} for {factors} to be scored"
        )
    return _capital("; ".join(parts)) + "." if parts else ""
