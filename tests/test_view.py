"""The view: the tables and messages the command line prints and the browser renders."""

from __future__ import annotations

from typing import Any

import pytest
from offer_docs import document, framework_document, offer, run

from offereval import build_view, example


def view_of(data: dict[str, Any]) -> dict[str, Any]:
    return build_view(run(data))


def table(view: dict[str, Any], table_id: str) -> dict[str, Any]:
    return next(t for t in view["tables"] if t["id"] == table_id)


def test_the_matrix_says_where_each_rating_came_from() -> None:
    rows = {
        row["cells"][0]: row["cells"][2:] for row in table(view_of(example()), "matrix")["rows"]
    }
    # 5 x 301000 / 355000 = 4.24 -> 4.2; growth (3+3+5+5)/4 = 4 and (5+5+3+3)/4 = 4
    assert rows["Compensation"] == ["5 (suggested)", "4.2 (suggested)"]
    assert rows["Career Growth"] == ["4 (rubric)", "4 (rubric)"]
    assert rows["Team & Manager"] == ["3", "5"]
    assert rows["Weighted score"] == ["3.85", "4.15"]


def test_totals_table_has_a_benefits_column_only_when_an_offer_has_benefits() -> None:
    assert "Benefits" not in table(view_of(framework_document()), "totals")["columns"]
    with_benefits = view_of(document(offer(benefits_value=6000)))
    assert table(with_benefits, "totals")["columns"] == [
        "Company",
        "Base",
        "Equity",
        "Bonus",
        "Signing (amortized)",
        "Benefits",
        "Total",
    ]
    assert table(with_benefits, "totals")["rows"][0]["cells"][-1] == "106,000"


def test_eliminated_offers_are_tagged_and_explained() -> None:
    view = view_of(document(offer(company="A", location_acceptable=False), offer(company="B")))
    assert table(view, "totals")["rows"][0]["tags"] == ["leader", "eliminated"]
    assert table(view, "eliminations")["rows"][0]["cells"] == [
        "A",
        "the location/remote policy is not acceptable",
    ]


def test_exercise_cost_note() -> None:
    # exercising 10000 options at a strike of 2 costs 20000
    view = view_of(document(offer(option_count=10000, strike_price=2, share_price=5)))
    assert table(view, "years-1")["note"] == "Exercising every option costs 20,000."


@pytest.mark.parametrize(
    ("offer_keys", "warning"),
    [
        ({"cliff_months": 18}, "A: its cliff of 18 months is longer than a year"),
        (
            {"company_stage": "early_stage", "equity_grant": 1000},
            "A: early-stage equity is counted at 0.1 of its paper value",
        ),
    ],
)
def test_warnings(offer_keys: dict[str, Any], warning: str) -> None:
    messages = view_of(document(offer(**offer_keys)))["messages"]
    assert any(m["kind"] == "warning" and m["text"].startswith(warning) for m in messages)


def test_a_ticked_long_cliff_flag_silences_the_cliff_warning() -> None:
    messages = view_of(document(offer(cliff_months=18, red_flags=["long_cliff"])))["messages"]
    assert not any(m["kind"] == "warning" for m in messages)


def test_chart_bars_are_shares_of_the_largest_total() -> None:
    chart = view_of(framework_document())["charts"][0]
    bigtech = chart["bars"][0]
    # BigTech is the largest: its parts are 200/355, 100/355, 30/355, 25/355 of the bar
    assert [s["percent"] for s in bigtech["segments"]] == [56.34, 28.17, 8.45, 7.04]
    assert bigtech["total_text"] == "355,000"


def test_decision_in_the_view() -> None:
    view = view_of(framework_document(decision={"choice": "BigTech Inc"}))
    assert view["decision"]["status"] == "undated"
    assert view["decision"]["text"].startswith("You chose BigTech Inc.")
