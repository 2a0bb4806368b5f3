"""The detail tables of an evaluation: totals, years, the matrix, the ranking, the gut check,
eliminations, red flags, the negotiation gap and what would change the leader.

Each is built with offereval._layout.table, so it also says how to read it on a phone.
"""

from __future__ import annotations

from offereval import _content as content
from offereval import _format as fmt
from offereval._call_view import call_tables
from offereval._contract import Row, Table
from offereval._decision import Evaluation, OfferResult
from offereval._layout import row as _row
from offereval._layout import table as _table
from offereval._sensitivity import TippingPoint
from offereval._taxtables import after_tax_tables

_FACTOR_NAMES = {f.id: f.name for f in content.FACTORS}
_STAGE_NAMES = {stage_id: name for stage_id, name, _ in content.STAGES}
_FLAGS = content.flags_by_id()
_CATEGORY_NAMES = {c.id: c.name for c in content.FLAG_CATEGORIES}
_OWN_CATEGORY = "Yours"
PARTS = (
    ("base", "Base"),
    ("equity", "Equity"),
    ("bonus", "Bonus"),
    ("signing_amortized", "Signing (amortized)"),
    ("benefits", "Benefits"),
)
YEAR_PARTS = (
    ("base", "Base"),
    ("equity", "Equity"),
    ("bonus", "Bonus"),
    ("signing", "Signing"),
    ("benefits", "Benefits"),
)


def detail_tables(evaluation: Evaluation) -> list[Table]:
    """Every detail table, in reading order; tables with nothing to show are left out."""
    tables = [_totals(evaluation), *after_tax_tables(evaluation), _projection(evaluation)]
    benefits = _has_benefits(evaluation)  # once: asking per offer would cost offers squared
    tables += [_years(evaluation, i, o, benefits) for i, o in enumerate(evaluation.offers, start=1)]
    tables += [_matrix(evaluation)]
    tables += [
        t
        for t in (
            _ranking(evaluation),
            _gut_check(evaluation),
            _eliminations(evaluation),
            _red_flags(evaluation),
            _negotiation(evaluation),
            _sensitivity(evaluation),
        )
        if t is not None
    ]
    tables += call_tables(evaluation.offer_set)
    return tables


def _has_benefits(evaluation: Evaluation) -> bool:
    return any(o.pay.annual.benefits for o in evaluation.offers)


def _totals(evaluation: Evaluation) -> Table:
    parts = [p for p in PARTS if p[0] != "benefits" or _has_benefits(evaluation)]
    leader = min(evaluation.offers, key=lambda o: (-o.pay.annual.total, o.company)).company
    rows = []
    for o in evaluation.offers:
        tc = o.pay.annual.to_dict()
        rows.append(
            _row(
                [o.company]
                + [fmt.money(tc[k]) for k, _ in parts]
                + [fmt.money(o.pay.annual.total)],
                "leader" if o.company == leader else "",
                "eliminated" if o.eliminated else "",
            )
        )
    a = evaluation.offer_set.assumptions
    factors = ", ".join(f"{_STAGE_NAMES[s]} {fmt.factor(f)}" for s, f in a.stage_factors.items())
    return _table(
        "totals",
        "Annualized total compensation",
        ["Company"] + [label for _, label in parts] + ["Total"],
        rows,
        f"Equity counted at: {factors}. Signing bonus spread over "
        f"{fmt.score(a.signing_tenure_years)} years.",
        offers_as="rows",
        transposable=True,
    )


def _projection(evaluation: Evaluation) -> Table:
    n = evaluation.offer_set.assumptions.projection_years
    rows = [
        _row(
            [o.company]
            + [fmt.money(y.total) for y in o.pay.years]
            + [fmt.money(sum(y.total for y in o.pay.years))],
            "eliminated" if o.eliminated else "",
        )
        for o in evaluation.offers
    ]
    return _table(
        "projection",
        "Total by year",
        ["Company"] + [f"Year {y}" for y in range(1, n + 1)] + [f"{n}-year total"],
        rows,
        "Year 1 includes the whole signing bonus; raises, refreshers and the cliff are applied.",
        offers_as="rows",
        transposable=True,
    )


def _years(evaluation: Evaluation, index: int, o: OfferResult, benefits: bool) -> Table:
    parts = [p for p in YEAR_PARTS if p[0] != "benefits" or benefits]
    rows = []
    for y in o.pay.years:
        values = y.to_dict()
        rows.append(
            _row(
                [f"Year {y.year}"]
                + [fmt.money(values[k]) for k, _ in parts]
                + [fmt.money(y.total)],
                "first-year" if y.year == 1 else "",
            )
        )
    note = ""
    if o.pay.exercise_cost:
        note = f"Exercising every option costs {fmt.money(o.pay.exercise_cost)}."
    return _table(
        f"years-{index}",
        f"Year by year: {o.company}",
        ["Year"] + [label for _, label in parts] + ["Total"],
        rows,
        note,
        transposable=True,
    )


def _rating_text(o: OfferResult, factor_id: str) -> str:
    rating = o.ratings.get(factor_id)
    if rating is None:
        return "not rated"
    suffix = {"given": "", "suggested": " (suggested)", "rubric": " (rubric)"}[rating.source]
    return fmt.score(rating.value) + suffix


def _matrix(evaluation: Evaluation) -> Table:
    weights = evaluation.offer_set.weights
    rows = [
        _row(
            [f.name, fmt.percent(weights[f.id])]
            + [_rating_text(o, f.id) for o in evaluation.offers]
        )
        for f in content.FACTORS
    ]
    rows.append(
        _row(
            ["Weighted score", "100%"]
            + [
                fmt.score(o.score)
                if o.score is not None
                else ("eliminated" if o.eliminated else "needs every rating")
                for o in evaluation.offers
            ],
            "score",
        )
    )
    return _table(
        "matrix",
        "Decision matrix (ratings 1-5)",
        ["Factor", "Weight"] + [o.company for o in evaluation.offers],
        rows,
        offers_as="columns",
    )


def _ranked(
    table_id: str,
    caption: str,
    companies: tuple[str, ...],
    evaluation: Evaluation,
    gut: bool,
    note: str,
) -> Table | None:
    if not companies:
        return None
    results = {o.company: o for o in evaluation.offers}  # not a search through them per row
    rows = []
    for place, company in enumerate(companies, start=1):
        result = results[company]
        value = result.gut_score if gut else result.score
        rows.append(
            _row([str(place), company, fmt.score(value or 0.0)], "leader" if place == 1 else "")
        )
    return _table(table_id, caption, ["Rank", "Company", "Score"], rows, note, offers_as="rows")


def _ranking(evaluation: Evaluation) -> Table | None:
    return _ranked(
        "ranking",
        "Ranking by weighted score",
        evaluation.ranking,
        evaluation,
        False,
        "Offers that passed step 1 and have every rating.",
    )


def _gut_check(evaluation: Evaluation) -> Table | None:
    return _ranked(
        "gut-check",
        "Gut check: the ranking if every offer paid the same",
        evaluation.gut_check,
        evaluation,
        True,
        "Compensation left out; its weight spread over the other factors.",
    )


def _eliminations(evaluation: Evaluation) -> Table | None:
    out = [o for o in evaluation.offers if o.eliminated]
    if not out:
        return None
    return _table(
        "eliminations",
        "Eliminated by a dealbreaker",
        ["Company", "Why"],
        [_row([o.company, "; ".join(o.eliminated_because)], "eliminated") for o in out],
        offers_as="rows",
    )


def _red_flags(evaluation: Evaluation) -> Table | None:
    offer_set = evaluation.offer_set
    dealbreakers = set(offer_set.dealbreakers)
    rows = [
        _row(
            [
                o.company,
                offer_set.flag_text(f),
                _OWN_CATEGORY if offer_set.is_own_flag(f) else _CATEGORY_NAMES[_FLAGS[f].category],
                "Yes" if f in dealbreakers else "No",
            ],
            "dealbreaker" if f in dealbreakers else "",
        )
        for o in evaluation.offers
        for f in o.red_flags
    ]
    if not rows:
        return None
    return _table(
        "red-flags",
        "Red flags seen",
        ["Company", "Red flag", "Category", "Dealbreaker"],
        rows,
        "With the red flags ticked on a call with the company.",
        offers_as="rows",
    )


def _negotiation(evaluation: Evaluation) -> Table | None:
    if not evaluation.gaps:
        return None

    def closing(amount: float | None, gap: float) -> str:
        if gap <= 0:
            return "none needed"
        return fmt.money(amount) if amount is not None else "n/a"

    rows = [
        _row(
            [
                g.company,
                f"{g.target} (your current job)" if g.target_is_current_job else g.target,
                fmt.money(g.total_gap),
                fmt.money(g.first_year_gap),
                closing(g.more_base, g.total_gap),
                closing(g.more_signing, g.total_gap),
                closing(g.more_equity, g.total_gap),
            ],
            "current-job" if g.target_is_current_job else "",
        )
        for g in evaluation.gaps
    ]
    staying = any(g.target_is_current_job for g in evaluation.gaps)
    return _table(
        "negotiation",
        "Negotiation gap to the highest annualized total"
        + (" and to your current job" if staying else ""),
        [
            "Company",
            "Compared with",
            "Gap (annualized)",
            "Gap (first year)",
            "More base",
            "Or more signing bonus",
            "Or a larger equity grant",
        ],
        rows,
        "Any one of the last three closes the annualized gap on its own. A negative gap "
        "means the offer is ahead in that view.",
        offers_as="rows",
        transposable=True,
    )


def _tipping_row(p: TippingPoint, what: str, now: str, at: str) -> Row:
    return _row([what, now, f"{p.direction} {at}", p.leader, p.new_leader])


def _sensitivity(evaluation: Evaluation) -> Table | None:
    rows = [
        _tipping_row(
            p,
            f"{_STAGE_NAMES[p.quantity]} equity counted at",
            fmt.factor(p.current),
            fmt.factor(p.at),
        )
        for p in evaluation.equity_sensitivity
    ] + [
        _tipping_row(
            p, f"Weight of {_FACTOR_NAMES[p.quantity]}", fmt.percent(p.current), fmt.percent(p.at)
        )
        for p in evaluation.weight_sensitivity
    ]
    if not rows:
        return None
    return _table(
        "sensitivity",
        "What would change the leader",
        ["What changes", "Now", "Leader changes when", "Leader now", "New leader"],
        rows,
        "Equity rows follow the highest annualized total; weight rows follow the weighted "
        "score, the other weights moving in proportion. Quantities not listed never change "
        "the leader on their own.",
    )
