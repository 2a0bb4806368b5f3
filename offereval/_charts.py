"""Bar charts of the totals: each bar a total, each segment a part, as a share of the largest."""

from __future__ import annotations

from offereval import _format as fmt
from offereval._contract import Bar, Chart
from offereval._decision import Evaluation
from offereval._tables import PARTS, YEAR_PARTS


def charts(evaluation: Evaluation) -> list[Chart]:
    """The annualized totals and the totals year by year, by part."""
    return [_totals_chart(evaluation), _years_chart(evaluation)]


def _bar(label: str, parts: dict[str, float], total: float, scale: float) -> Bar:
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


def _totals_chart(evaluation: Evaluation) -> Chart:
    scale = max(o.pay.annual.total for o in evaluation.offers)
    return {
        "id": "totals-chart",
        "title": "Annualized total, by part",
        "legend": [{"part": k, "label": label} for k, label in PARTS],
        "bars": [
            _bar(
                o.company,
                {k: getattr(o.pay.annual, k) for k, _ in PARTS},
                o.pay.annual.total,
                scale,
            )
            for o in evaluation.offers
        ],
    }


def _years_chart(evaluation: Evaluation) -> Chart:
    scale = max(y.total for o in evaluation.offers for y in o.pay.years)
    return {
        "id": "years-chart",
        "title": "Year by year, by part",
        "legend": [{"part": k, "label": label} for k, label in YEAR_PARTS],
        "bars": [
            _bar(
                f"{o.company}, year {y.year}",
                {k: getattr(y, k) for k, _ in YEAR_PARTS},
                y.total,
                scale,
            )
            for o in evaluation.offers
            for y in o.pay.years
        ],
    }
