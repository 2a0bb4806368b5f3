"""The after-tax tables, beside the framework's pre-tax ones: the annualized total taxed, the
take-home by year, and each offer's tax breakdown with its sources.

Each is built with offereval._layout.table, so it also says how to read it on a phone.
"""

from __future__ import annotations

from offereval import _format as fmt
from offereval._aftertax import TaxedPay, tax_year
from offereval._contract import Table
from offereval._decision import Evaluation, OfferResult
from offereval._layout import row as _row
from offereval._layout import table as _table


def _located(evaluation: Evaluation) -> bool:
    """Whether any offer has a location or a rate, so after-tax tables have something to say."""
    return any(o.after_tax.location or o.after_tax.known for o in evaluation.offers)


def _maybe(amount: float | None) -> str:
    return fmt.money(amount) if amount is not None else "unknown"


def after_tax_tables(evaluation: Evaluation) -> list[Table]:
    """The after-tax summary, the take-home by year, and each offer's tax breakdown."""
    if not _located(evaluation):
        return []
    tables = [_after_tax(evaluation), _take_home_by_year(evaluation)]
    tables += [
        _tax_breakdown(i, o) for i, o in enumerate(evaluation.offers, start=1) if o.after_tax.known
    ]
    return tables


def _after_tax(evaluation: Evaluation) -> Table:
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
        offers_as="rows",
        transposable=True,
    )


def _cost_of_living(evaluation: Evaluation, company: str) -> float:
    return next(o.cost_of_living for o in evaluation.offer_set.offers if o.company == company)


def _take_home_by_year(evaluation: Evaluation) -> Table:
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
        offers_as="rows",
        transposable=True,
    )


def _tax_breakdown(index: int, o: OfferResult) -> Table:
    a = o.after_tax
    periods = [a.annual, *a.years]
    # A tax can apply in one year only (the Additional Medicare Tax in a year with a bonus).
    names = list(dict.fromkeys(t.name for p in periods for t in p.taxes))

    def amount(period: TaxedPay, name: str) -> str:
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
        transposable=True,
    )
