"""Properties of every state's taxes on wages, for both filing statuses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from state_tax_strategies import federal_figures, statuses, wages

from offereval._tax import us_states
from offereval._tax._core import FilingStatus

YEAR = us_states.latest_year()
states = st.sampled_from(us_states.STATE_CODES)

# Where the law itself makes a dollar more of pay cost more than a dollar of state tax, the
# largest such drop (single, joint), rounded up. Everywhere else more pay never leaves less.
STATUTORY_NOTCHES: dict[str, tuple[float, float]] = {
    # Federal deductions over $1,000/$2,000 are added back once AGI reaches $300,000.
    "CO": (650, 1_310),
    # Table C and D add-backs grow by $25-$90 ($50-$180) for each $5,000 ($10,000) or part.
    "CT": (70, 160),
    # The $2,850 exemption is lost entirely over $250,000 ($500,000) of AGI.
    "IL": (120, 260),
    # The personal exemption falls in bands: $3,200, $1,600, $800, nothing.
    "MD": (55, 130),
    # The share of federal tax deductible falls in bands: 35%, 25%, 15%, 5%, 0%.
    "MO": (40, 15),
    # The supplemental tax recaptures a bracket's benefit from the AGI over the bracket's
    # floor as soon as taxable income enters it (§ 601(d-1)).
    "NY": (4_700, 19_100),
    # No tax at all up to $26,050, then $332 plus 2.75%; exemption and credit bands.
    "OH": (290, 310),
    # The exemption credit is lost entirely over $100,000 ($200,000) of AGI.
    "OR": (235, 490),
    # Deduction and exemptions fall by 20% for each $7,450 of AGI, or part, over $261,000.
    "RI": (175, 375),
}


def after_state_taxes(state: str, status: FilingStatus, pay: float) -> float:
    lines = us_states.state_taxes(state, YEAR, status, pay, federal_figures(pay, status))
    return pay - sum(line.amount for line in lines)


@settings(max_examples=400, deadline=None)
@given(states, statuses, wages, wages)
def test_more_pay_never_leaves_less_after_state_taxes(
    state: str, status: FilingStatus, a: float, b: float
) -> None:
    """More wages never lower what is left after state taxes, beyond a statutory notch."""
    low, high = sorted((a, b))
    single, joint = STATUTORY_NOTCHES.get(state, (0.0, 0.0))
    allowed = (single if status == "single" else joint) + 0.02  # cents rounding, twice
    assert after_state_taxes(state, status, high) >= after_state_taxes(state, status, low) - allowed


@settings(max_examples=400, deadline=None)
@given(states, statuses, wages)
def test_state_taxes_are_between_nothing_and_all_the_pay(
    state: str, status: FilingStatus, pay: float
) -> None:
    lines = us_states.state_taxes(state, YEAR, status, pay, federal_figures(pay, status))
    assert all(line.amount >= 0 for line in lines)
    assert sum(line.amount for line in lines) <= pay + 0.01


@settings(max_examples=200, deadline=None)
@given(states, statuses, wages)
def test_every_line_names_its_source_and_jurisdiction(
    state: str, status: FilingStatus, pay: float
) -> None:
    local = us_states.LOCALS.get(state, ("",))[0]
    lines = us_states.state_taxes(state, YEAR, status, pay, federal_figures(pay, status), local)
    for line in lines:
        assert line.source.title.strip(), line
        assert line.jurisdiction.startswith(f"US-{state}")


@given(st.sampled_from(["AK", "FL", "NV", "NH", "SD", "TN", "TX", "WA", "WY"]), statuses, wages)
def test_a_state_without_income_tax_has_no_income_tax_line(
    state: str, status: FilingStatus, pay: float
) -> None:
    lines = us_states.state_taxes(state, YEAR, status, pay, federal_figures(pay, status))
    assert not [line for line in lines if "income tax" in line.name]
    assert us_states.tables_for(state, YEAR).income_tax is None
