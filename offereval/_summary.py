"""One summary card per evaluated offer, for the top of the results: the figures a person
compares first, each already written out, and the offer's standing in words."""

from __future__ import annotations

from typing import Literal

from offereval import _content as content
from offereval import _format as fmt
from offereval._aftertax import tax_year
from offereval._contract import AfterTaxView, Figure, SummaryCard
from offereval._decision import Evaluation, OfferResult
from offereval._pickers import place_label
from offereval._taxkeys import place_of

_FACTOR_NAMES = {f.id: f.name for f in content.FACTORS}

# The words a card uses for its marks; never a symbol.
TOP_SCORE = "top score"
HIGHEST_PAY = "highest pay"
HIGHEST_FIRST_YEAR = "highest first-year pay"
CURRENT_JOB = "your current job"


def document_paths(evaluation: Evaluation) -> list[str]:
    """Where each evaluated offer sits in the document the form sent: offers set aside as
    incomplete keep their places, so the evaluated ones fill the others in order."""
    set_aside = {o.index for o in evaluation.incomplete}
    total = len(evaluation.offers) + len(set_aside)
    return [f"offers[{i}]" for i in range(total) if i not in set_aside]


def summary_cards(evaluation: Evaluation) -> list[SummaryCard]:
    """A card per evaluated offer, in the document's order.

    Each card: ``company``, ``path`` (the offer's place in the document, ``offers[i]``),
    ``current_job``, ``state`` ("ranked", "unscored" or "eliminated"), ``status`` (the state
    in words), ``marks`` (words such as "top score", "highest pay"), ``figures`` (a list of
    ``{"label", "text"}`` to show in order: the annualized total and the first year, the
    take-home and purchasing power when the tax is known, the score, the rank, the difference
    to the current job, the red flags), ``red_flags`` (their texts) and ``after_tax`` (when the
    tax is known: the pay before and after tax side by side, and the taxes one by one).
    """
    verdict = evaluation.verdict
    marks: dict[str, list[str]] = {o.company: [] for o in evaluation.offers}
    for lead, word in (
        (verdict.top_score, TOP_SCORE),
        (verdict.highest_pay, HIGHEST_PAY),
        (verdict.highest_first_year, HIGHEST_FIRST_YEAR),
    ):
        if lead is not None and (lead.runner_up is not None or len(lead.leaders) > 1):
            for company in lead.leaders:
                marks[company].append(word)
    if verdict.current_job is not None:
        marks[verdict.current_job].insert(0, CURRENT_JOB)
    return [
        _card(evaluation, o, path, marks[o.company])
        for o, path in zip(evaluation.offers, document_paths(evaluation), strict=True)
    ]


def _card(evaluation: Evaluation, o: OfferResult, path: str, marks: list[str]) -> SummaryCard:
    state, status = _state(evaluation, o)
    flags = [evaluation.offer_set.flag_text(f) for f in o.red_flags]
    return {
        "company": o.company,
        "path": path,
        "current_job": o.current_job,
        "state": state,
        "status": status,
        "marks": marks,
        "figures": _figures(evaluation, o, flags),
        "red_flags": flags,
        "after_tax": _after_tax_view(evaluation, o),
    }


def _state(
    evaluation: Evaluation, o: OfferResult
) -> tuple[Literal["ranked", "unscored", "eliminated"], str]:
    """Where the offer stands in the five steps, and that in words."""
    if o.eliminated:
        return "eliminated", "Eliminated: " + "; ".join(o.eliminated_because)
    if o.score is None:
        names = ", ".join(_FACTOR_NAMES[f] for f in o.missing_ratings)
        return "unscored", f"Not scored yet: needs a rating for {names}"
    place = evaluation.ranking.index(o.company) + 1
    return "ranked", f"Ranked {place} of {len(evaluation.ranking)} by weighted score"


def _figures(evaluation: Evaluation, o: OfferResult, flags: list[str]) -> list[Figure]:
    own = f" {o.after_tax.currency}" if o.after_tax.currency else ""
    ranked = evaluation.ranking
    figures: list[Figure] = [
        {"label": "Annualized total", "text": fmt.money(o.pay.annual.total) + own},
        {"label": "First year", "text": fmt.money(o.pay.first_year.total) + own},
        *_after_tax_figures(o),
        {
            "label": "Score",
            "text": f"{fmt.score(o.score)} out of 5" if o.score is not None else "not scored",
        },
        {
            "label": "Rank",
            "text": (
                f"{ranked.index(o.company) + 1} of {len(ranked)}"
                if o.company in ranked
                else "not ranked"
            ),
        },
    ]
    verdict = evaluation.verdict
    against = {c: a for c, a, _ in verdict.against_current_job}
    if o.company in against:
        unit = f" {verdict.currency}" if verdict.currency else ""
        after_tax = " take-home" if verdict.basis == "after_tax" else ""
        text = f"{fmt.signed_money(against[o.company])}{unit} a year{after_tax}"
        figures.append({"label": "Against your current job", "text": text})
    figures.append(
        {"label": "Red flags", "text": f"{len(flags)}: " + "; ".join(flags) if flags else "none"}
    )
    return figures


def _after_tax_figures(o: OfferResult) -> list[Figure]:
    """The take-home and what it buys, when the offer's tax is known."""
    a = o.after_tax
    if a.annual.take_home is None or a.home.purchasing_power is None:
        return []
    own = f" {a.currency}" if a.currency else ""
    home = f" {a.home.currency}" if a.home.currency else ""
    return [
        {"label": "Take-home (annualized)", "text": fmt.money(a.annual.take_home) + own},
        {"label": "Purchasing power", "text": fmt.money(a.home.purchasing_power) + home},
    ]


# The card's figures its after-tax part shows instead, beside the ones they go with.
_SHOWN_AFTER_TAX = ["Annualized total", "First year", "Take-home (annualized)", "Purchasing power"]


def _after_tax_view(evaluation: Evaluation, o: OfferResult) -> AfterTaxView | None:
    """The pay before and after tax side by side (the annualized total and the first year),
    and the taxes on the annualized total one by one, with their sources."""
    a = o.after_tax
    first = a.years[0] if a.years else None
    if a.annual.tax is None or a.annual.take_home is None or first is None:
        return None
    offer = next(x for x in evaluation.offer_set.offers if x.company == o.company)
    place = place_of(a.location)
    if place is not None:
        name = place.region.name if place.region else place.country.name
        where = place_label(name, place.code)
    else:
        where = a.location or "no location"
    taxed = o.pay.annual.total - o.pay.annual.benefits
    share = a.annual.tax / taxed * 100 if taxed > 0 else 0.0
    figures: list[Figure] = []
    if a.home.rate != 1 and a.home.take_home is not None:
        figures.append(
            {"label": f"Take-home in {a.home.currency}", "text": fmt.money(a.home.take_home)}
        )
    figures.append(
        {
            "label": "Cost of living (100 is where you live now)",
            "text": fmt.score(offer.cost_of_living),
        }
    )
    figures += [f for f in _after_tax_figures(o) if f["label"] == "Purchasing power"]
    breakdown: list[Figure] = [
        {"label": t.name, "text": fmt.money(t.amount)} for t in a.annual.taxes
    ]
    breakdown += [
        {"label": "Total tax", "text": fmt.money(a.annual.tax)},
        {"label": "Share of the taxed pay", "text": f"{share:.1f}%"},
    ]
    return {
        "title": "Before and after tax" + (f", in {a.currency}" if a.currency else ""),
        "place": where,
        "columns": ["", "Pre-tax", "After tax"],
        "rows": [
            ["Annualized", fmt.money(o.pay.annual.total), fmt.money(a.annual.take_home)],
            ["First year", fmt.money(o.pay.first_year.total), _money_or(first.take_home)],
        ],
        "replaces": list(_SHOWN_AFTER_TAX),
        "figures": figures,
        "breakdown_title": "Taxes on the annualized total",
        "breakdown": breakdown,
        "note": f"The tax owed for the year under {tax_year(evaluation.offer_set)} rules, on the "
        "annualized total less benefits (benefits are untaxed). Each year's taxes and each "
        f'tax\'s source are in the table "Taxes: {o.company}".',
    }


def _money_or(amount: float | None) -> str:
    return fmt.money(amount) if amount is not None else "unknown"
