"""US state and local taxes on wages: hand-worked cases, each with its arithmetic beside it.

The federal figures are given explicitly (they are the federal module's job); a state that
uses them is worked from the figures written in the case.
"""

from __future__ import annotations

import pytest

from offereval._tax import us_states
from offereval._tax._core import FederalFigures, FilingStatus


def federal(agi: float, taxable: float = 0.0, income_tax: float = 0.0) -> FederalFigures:
    """Federal figures for a case: only what the state under test reads matters."""
    return FederalFigures(
        agi=agi,
        taxable_income=taxable,
        income_tax=income_tax,
        social_security=0.0,
        medicare=0.0,
    )


def lines(
    state: str, status: FilingStatus, fed: FederalFigures, local: str = ""
) -> dict[str, float]:
    year = us_states.latest_year()
    taxes = us_states.state_taxes(state, year, status, fed.agi, fed, local)
    return {line.name: line.amount for line in taxes}


# California, 2025 tables (Schedule X/Y), standard deduction $5,706/$11,412, exemption credit
# $153 a person, reduced by $6 a person per $2,500 (or part) of AGI over $252,203/$504,411.
CALIFORNIA = [
    # 50,000 - 5,706 = 44,294: 110.79 + 303.70 + 607.52 + (44,294-41,452) x 6% = 170.52
    # -> 1,192.53 - 153 = 1,039.53
    ("single", 50_000, 1_039.53),
    # 100,000 - 5,706 = 94,294: 110.79 + 303.70 + 607.52 + 965.40 + 1,214.56
    # + (94,294 - 72,724) x 9.3% = 2,006.01 -> 5,207.98 - 153 = 5,054.98
    ("single", 100_000, 5_054.98),
    # 400,000 - 5,706 = 394,294: 3,201.97 to 72,724; (371,479-72,724) x 9.3% = 27,784.22;
    # (394,294-371,479) x 10.3% = 2,349.95 -> 33,336.13. Credit: 400,000 - 252,203 = 147,797
    # is 60 steps of 2,500 (59.1, rounded up): 153 - 360 < 0, so no credit -> 33,336.13
    ("single", 400_000, 33_336.13),
    # 100,000 - 11,412 = 88,588: 221.58 + 607.40 + 1,215.04 + (88,588-82,904) x 6% = 341.04
    # -> 2,385.06 - 306 = 2,079.06
    ("married_joint", 100_000, 2_079.06),
    # 510,000 - 11,412 = 498,588: to 145,448: 221.58 + 607.40 + 1,215.04 + 1,930.80 + 2,429.12
    # = 6,403.94; (498,588-145,448) x 9.3% = 32,842.02 -> 39,245.96. Credit: 510,000 - 504,411
    # = 5,589 is 3 steps (2.2, rounded up): 306 - 3 x 12 = 270 -> 38,975.96
    ("married_joint", 510_000, 38_975.96),
]


@pytest.mark.parametrize(("status", "wages", "expected"), CALIFORNIA)
def test_california_income_tax(status: FilingStatus, wages: float, expected: float) -> None:
    assert lines("CA", status, federal(wages))["California income tax (2025 tables)"] == expected


def test_california_behavioral_health_tax_is_its_own_line_above_a_million() -> None:
    # 1,500,000 - 5,706 = 1,494,294 taxable; 1% of (1,494,294 - 1,000,000) = 4,942.94
    got = lines("CA", "single", federal(1_500_000))
    assert got["California Behavioral Health Services Tax (2025 tables)"] == 4_942.94
    # Under a million of taxable income the line is absent.
    assert "California Behavioral Health Services Tax (2025 tables)" not in lines(
        "CA", "single", federal(900_000)
    )


def test_california_sdi_has_no_wage_limit() -> None:
    assert lines("CA", "single", federal(300_000))["California SDI"] == 3_900.00  # 1.3%


# Washington: no income tax; Paid Family and Medical Leave 1.13% x 71.43% up to $184,500,
# WA Cares 0.58% of all wages.
WASHINGTON = [
    # 100,000 x 0.0113 x 0.7143 = 807.159 -> 807.16; 100,000 x 0.58% = 580
    (100_000, 807.16, 580.00),
    # capped: 184,500 x 0.0113 x 0.7143 = 1,489.21; 400,000 x 0.58% = 2,320
    (400_000, 1_489.21, 2_320.00),
]


@pytest.mark.parametrize(("wages", "pfml", "cares"), WASHINGTON)
def test_washington_payroll_programs(wages: float, pfml: float, cares: float) -> None:
    got = lines("WA", "single", federal(wages))
    assert got == {"Washington Paid Family and Medical Leave": pfml, "WA Cares": cares}


@pytest.mark.parametrize("state", ["AK", "FL", "NV", "NH", "SD", "TN", "TX", "WY"])
def test_states_without_income_tax_have_no_income_tax_line(state: str) -> None:
    taxes = us_states.state_taxes(state, 2026, "single", 100_000, federal(100_000))
    assert not any("income tax" in line.name for line in taxes)


def test_bad_arguments_are_named() -> None:
    with pytest.raises(ValueError, match="state: must be a US state's two-letter code"):
        us_states.state_taxes("XX", 2026, "single", 1.0, federal(1.0))
    with pytest.raises(ValueError, match="year: no tables for CA in 2019"):
        us_states.state_taxes("CA", 2019, "single", 1.0, federal(1.0))
    with pytest.raises(ValueError, match="wages: must be a number of at least 0"):
        us_states.state_taxes("CA", 2026, "single", -1.0, federal(1.0))
