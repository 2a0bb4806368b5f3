"""An evaluation laid out for people: tables, chart bars and messages, every number formatted.

The command line prints these tables as text and the browser renders them as HTML, so both
show the same figures in the same words, and no number is computed or formatted twice.
"""

from __future__ import annotations

import re
from typing import Any

from offereval import _content as content
from offereval import _format as fmt
from offereval._aftertax import tax_year
from offereval._call_view import call_tables, dealbreaker_check
from offereval._decision import Evaluation, OfferResult
from offereval._sensitivity import TippingPoint

_FACTOR_NAMES = {f.id: f.name for f in content.FACTORS}
_STAGE_NAMES = {stage_id: name for stage_id, name, _ in content.STAGES}
_FLAGS = content.flags_by_id()
_CATEGORY_NAMES = {c.id: c.name for c in content.FLAG_CATEGORIES}
_OWN_CATEGORY = "Yours"
_PARTS = (
    ("base", "Base"),
    ("equity", "Equity"),
    ("bonus", "Bonus"),
    ("signing_amortized", "Signing (amortized)"),
    ("benefits", "Benefits"),
)
_YEAR_PARTS = (
    ("base", "Base"),
    ("equity", "Equity"),
    ("bonus", "Bonus"),
    ("signing", "Signing"),
    ("benefits", "Benefits"),
)


_FIGURE = re.compile(r"[-+]?[0-9][0-9,.]*%?")


def _table(
    table_id: str, caption: str, columns: list[str], rows: list[dict[str, Any]], note: str = ""
) -> dict[str, Any]:
    """A table; ``align`` says per column whether it holds figures (right) or words (left)."""
    align = [
        "right" if i > 0 and all(_FIGURE.fullmatch(r["cells"][i]) for r in rows) else "left"
        for i in range(len(columns))
    ]
    return {
        "id": table_id,
        "caption": caption,
        "columns": columns,
        "align": align,
        "rows": rows,
        "note": note or None,
    }


def _row(cells: list[str], *tags: str) -> dict[str, Any]:
    return {"cells": cells, "tags": [t for t in tags if t]}


def build_view(evaluation: Evaluation) -> dict[str, Any]:
    """Tables, charts, messages and the decision status of one evaluation."""
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
    return {
        "tables": tables,
        "charts": [_totals_chart(evaluation), _years_chart(evaluation)],
        "messages": [{"kind": "info", "text": n} for n in evaluation.notes] + _warnings(evaluation),
        "decision": {"status": evaluation.decision.stage, "text": evaluation.decision.text},
        "dealbreaker_check": dealbreaker_check(evaluation),
    }


def _has_benefits(evaluation: Evaluation) -> bool:
    return any(o.pay.annual.benefits for o in evaluation.offers)


def _totals(evaluation: Evaluation) -> dict[str, Any]:
    parts = [p for p in _PARTS if p[0] != "benefits" or _has_benefits(evaluation)]
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
    factors = ", ".join(f"{_STAGE_NAMES[s]} {fmt.factor(f)}" for s, f in a.stage_factors)
    return _table(
        "totals",
        "Annualized total compensation",
        ["Company"] + [label for _, label in parts] + ["Total"],
        rows,
        f"Equity counted at: {factors}. Signing bonus spread over "
        f"{fmt.score(a.signing_tenure_years)} years.",
    )


def _projection(evaluation: Evaluation) -> dict[str, Any]:
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
    )


def _years(evaluation: Evaluation, index: int, o: OfferResult, benefits: bool) -> dict[str, Any]:
    parts = [p for p in _YEAR_PARTS if p[0] != "benefits" or benefits]
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
    )


def _rating_text(o: OfferResult, factor_id: str) -> str:
    rating = o.ratings.get(factor_id)
    if rating is None:
        return "not rated"
    suffix = {"given": "", "suggested": " (suggested)", "rubric": " (rubric)"}[rating.source]
    return fmt.score(rating.value) + suffix


def _matrix(evaluation: Evaluation) -> dict[str, Any]:
    weights = dict(evaluation.offer_set.weights)
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
    )


def _ranked(
    table_id: str,
    caption: str,
    companies: tuple[str, ...],
    evaluation: Evaluation,
    gut: bool,
    note: str,
) -> dict[str, Any] | None:
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
    return _table(table_id, caption, ["Rank", "Company", "Score"], rows, note)


def _ranking(evaluation: Evaluation) -> dict[str, Any] | None:
    return _ranked(
        "ranking",
        "Ranking by weighted score",
        evaluation.ranking,
        evaluation,
        False,
        "Offers that passed step 1 and have every rating.",
    )


def _gut_check(evaluation: Evaluation) -> dict[str, Any] | None:
    return _ranked(
        "gut-check",
        "Gut check: the ranking if every offer paid the same",
        evaluation.gut_check,
        evaluation,
        True,
        "Compensation left out; its weight spread over the other factors.",
    )


def _eliminations(evaluation: Evaluation) -> dict[str, Any] | None:
    out = [o for o in evaluation.offers if o.eliminated]
    if not out:
        return None
    return _table(
        "eliminations",
        "Eliminated by a dealbreaker",
        ["Company", "Why"],
        [_row([o.company, "; ".join(o.eliminated_because)], "eliminated") for o in out],
    )


def _red_flags(evaluation: Evaluation) -> dict[str, Any] | None:
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
    )


def _negotiation(evaluation: Evaluation) -> dict[str, Any] | None:
    if not evaluation.gaps:
        return None
    rows = [
        _row(
            [
                g.company,
                g.target,
                fmt.money(g.total_gap),
                fmt.money(g.first_year_gap),
                fmt.money(g.more_base),
                fmt.money(g.more_signing),
                fmt.money(g.more_equity) if g.more_equity is not None else "n/a",
            ]
        )
        for g in evaluation.gaps
    ]
    return _table(
        "negotiation",
        "Negotiation gap to the highest annualized total",
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
    )


def _tipping_row(p: TippingPoint, what: str, now: str, at: str) -> dict[str, Any]:
    return _row([what, now, f"{p.direction} {at}", p.leader, p.new_leader])


def _sensitivity(evaluation: Evaluation) -> dict[str, Any] | None:
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


def _bar(label: str, parts: dict[str, float], total: float, scale: float) -> dict[str, Any]:
    return {
        "label": label,
        "total_text": fmt.money(total),
        "segments": [
            {
                "part": part,
                "text": fmt.money(value),
                "percent": round(100 * max(value, 0.0) / scale, 2) if scale > 0 else 0.0,
            }
            for part, value in parts.items()
            if value > 0
        ],
    }


def _totals_chart(evaluation: Evaluation) -> dict[str, Any]:
    scale = max(o.pay.annual.total for o in evaluation.offers)
    return {
        "id": "totals-chart",
        "title": "Annualized total, by part",
        "legend": [{"part": k, "label": label} for k, label in _PARTS],
        "bars": [
            _bar(
                o.company,
                {k: getattr(o.pay.annual, k) for k, _ in _PARTS},
                o.pay.annual.total,
                scale,
            )
            for o in evaluation.offers
        ],
    }


def _years_chart(evaluation: Evaluation) -> dict[str, Any]:
    scale = max(y.total for o in evaluation.offers for y in o.pay.years)
    return {
        "id": "years-chart",
        "title": "Year by year, by part",
        "legend": [{"part": k, "label": label} for k, label in _YEAR_PARTS],
        "bars": [
            _bar(
                f"{o.company}, year {y.year}",
                {k: getattr(y, k) for k, _ in _YEAR_PARTS},
                y.total,
                scale,
            )
            for o in evaluation.offers
            for y in o.pay.years
        ],
    }


def _warnings(evaluation: Evaluation) -> list[dict[str, str]]:
    warnings = []
    for offer in evaluation.offer_set.offers:
        flags = evaluation.offer_set.red_flags_of(offer)
        if offer.cliff_months > 12 and "long_cliff" not in flags:
            warnings.append(
                f"{offer.company}: its cliff of {offer.cliff_months} months is longer "
                f"than a year, which the red-flag list warns about."
            )
        if offer.company_stage == "early_stage" and (offer.equity_grant > 0 or offer.has_options):
            warnings.append(
                f"{offer.company}: early-stage equity is counted at "
                f"{fmt.factor(evaluation.offer_set.assumptions.stage_factor('early_stage'))}"
                " of its paper value; treat it as a lottery ticket."
            )
    return [{"kind": "warning", "text": w} for w in warnings]


# ---- After tax: new tables beside the framework's pre-tax ones ----------------------------


def _located(evaluation: Evaluation) -> bool:
    """Whether any offer has a location or a rate, so after-tax tables have something to say."""
    return any(o.after_tax.location or o.after_tax.known for o in evaluation.offers)


def _maybe(amount: float | None) -> str:
    return fmt.money(amount) if amount is not None else "unknown"


def after_tax_tables(evaluation: Evaluation) -> list[dict[str, Any]]:
    """The after-tax summary, the take-home by year, and each offer's tax breakdown."""
    if not _located(evaluation):
        return []
    tables = [_after_tax(evaluation), _take_home_by_year(evaluation)]
    tables += [
        _tax_breakdown(i, o) for i, o in enumerate(evaluation.offers, start=1) if o.after_tax.known
    ]
    return tables


def _after_tax(evaluation: Evaluation) -> dict[str, Any]:
    home = evaluation.offer_set.home_currency
    converted = any(o.after_tax.home.rate != 1 for o in evaluation.offers)
    rows = []
    for o in evaluation.offers:
        a = o.after_tax
        cells = [
            o.company,
            a.location or "not given",
            a.currency or "-",
            fmt.money(o.pay.annual.total),
            _maybe(a.annual.tax),
            _maybe(a.annual.take_home),
        ]
        if converted:
            cells.append(_maybe(a.home.take_home))
        cells += [
            fmt.score(_cost_of_living(evaluation, o.company)),
            _maybe(a.home.purchasing_power),
        ]
        rows.append(_row(cells, "eliminated" if o.eliminated else ""))
    in_home = f" in {home}" if home else ""
    columns = ["Company", "Location", "Currency", "Pre-tax total", "Tax", "Take-home"]
    if converted:
        columns.append(f"Take-home{in_home}")
    columns += ["Cost of living", f"Purchasing power{in_home}"]
    year = tax_year(evaluation.offer_set)
    return _table(
        "after-tax",
        "After tax: the annualized total, taxed",
        columns,
        rows,
        f"Tax owed for the year under {year} rules on the annualized total less benefits "
        "(benefits are untaxed). Purchasing power is the take-home"
        f"{in_home} divided by the cost-of-living index / 100 (100 is where you live now).",
    )


def _cost_of_living(evaluation: Evaluation, company: str) -> float:
    return next(o.cost_of_living for o in evaluation.offer_set.offers if o.company == company)


def _take_home_by_year(evaluation: Evaluation) -> dict[str, Any]:
    n = evaluation.offer_set.assumptions.projection_years
    rows = []
    for o in evaluation.offers:
        years = o.after_tax.years
        known = all(y.take_home is not None for y in years)
        total = sum(y.take_home or 0.0 for y in years) if known else None
        rows.append(
            _row(
                [o.company] + [_maybe(y.take_home) for y in years] + [_maybe(total)],
                "eliminated" if o.eliminated else "",
            )
        )
    return _table(
        "take-home-by-year",
        "Take-home by year",
        ["Company"] + [f"Year {y}" for y in range(1, n + 1)] + [f"{n}-year take-home"],
        rows,
        "Each year's pay taxed as that year's income under the same year's rules: RSUs and "
        "options when they vest, bonuses and the signing bonus when paid.",
    )


def _tax_breakdown(index: int, o: OfferResult) -> dict[str, Any]:
    a = o.after_tax
    periods = [a.annual, *a.years]
    # A tax can apply in one year only (the Additional Medicare Tax in a year with a bonus).
    names = list(dict.fromkeys(t.name for p in periods for t in p.taxes))

    def amount(period: Any, name: str) -> str:
        return fmt.money(sum(t.amount for t in period.taxes if t.name == name))

    rows = [_row([name] + [amount(p, name) for p in periods]) for name in names]
    rows.append(_row(["Total tax"] + [_maybe(p.tax) for p in periods], "score"))
    sources = "; ".join(dict.fromkeys(f"{t.name}: {t.source}" for p in periods for t in p.taxes))
    where = ", ".join(x for x in (a.location, a.currency) if x)
    return _table(
        f"taxes-{index}",
        f"Taxes: {o.company}" + (f" ({where})" if where else ""),
        ["Tax", "Annualized"] + [f"Year {y.year}" for y in o.pay.years],
        rows,
        f"Sources: {sources}.",
    )
