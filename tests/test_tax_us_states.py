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


# Flat rates: Pennsylvania taxes all compensation at 3.07% with no deduction; Illinois (2025
# tables) at 4.95% after a $2,850 exemption a person, lost over $250,000 ($500,000) of AGI.
FLAT = [
    ("PA", "single", 100_000, "Pennsylvania income tax", 3_070.00),  # 100,000 x 3.07%
    ("PA", "married_joint", 400_000, "Pennsylvania income tax", 12_280.00),  # 400,000 x 3.07%
    # (100,000 - 2,850) x 4.95% = 4,808.925 -> 4,808.93
    ("IL", "single", 100_000, "Illinois income tax (2025 tables)", 4_808.93),
    # (60,000 - 5,700) x 4.95% = 2,687.85
    ("IL", "married_joint", 60_000, "Illinois income tax (2025 tables)", 2_687.85),
    # over $500,000 of AGI, no exemption: 600,000 x 4.95% = 29,700
    ("IL", "married_joint", 600_000, "Illinois income tax (2025 tables)", 29_700.00),
]


@pytest.mark.parametrize(("state", "status", "wages", "name", "expected"), FLAT)
def test_flat_rate_states(
    state: str, status: FilingStatus, wages: float, name: str, expected: float
) -> None:
    assert lines(state, status, federal(wages))[name] == expected


def test_pennsylvania_employee_unemployment_contribution_has_no_wage_limit() -> None:
    assert (
        lines("PA", "single", federal(400_000))["Pennsylvania unemployment compensation (employee)"]
        == 280.00
    )  # 400,000 x 0.07%


# Colorado starts from federal taxable income (here AGI less the $16,100/$32,200 federal
# standard deduction) at 4.4%; at $300,000 of AGI or more, the federal deduction beyond
# $1,000 ($2,000 joint) is added back.
COLORADO = [
    ("single", 100_000, 83_900, 3_691.60),  # 83,900 x 4.4%
    ("married_joint", 50_000, 17_800, 783.20),  # 17,800 x 4.4%
    # 383,900 + (16,100 - 1,000) = 399,000 x 4.4% = 17,556
    ("single", 400_000, 383_900, 17_556.00),
]


@pytest.mark.parametrize(("status", "wages", "taxable", "expected"), COLORADO)
def test_colorado_starts_from_federal_taxable_income(
    status: FilingStatus, wages: float, taxable: float, expected: float
) -> None:
    assert lines("CO", status, federal(wages, taxable))["Colorado income tax"] == expected


def test_colorado_famli_stops_at_the_social_security_wage_base() -> None:
    assert lines("CO", "single", federal(100_000, 83_900))["Colorado FAMLI (employee share)"] == (
        440.00  # 100,000 x 0.44%
    )
    assert lines("CO", "single", federal(400_000, 383_900))["Colorado FAMLI (employee share)"] == (
        811.80  # 184,500 x 0.44%
    )


# New York 2026: standard deduction $8,000/$16,050; rates 3.9% ... 5.9% ...; over $107,650 of
# AGI the supplemental tax recaptures the lower rates' benefit ($567 single in the first
# bracket row), phased in over $50,000 of AGI.
NEW_YORK = [
    # 50,000 - 16,050 = 33,950: 17,150 x 3.9% = 668.85; 6,450 x 4.4% = 283.80;
    # 4,300 x 5.15% = 221.45; 6,050 x 5.4% = 326.70 -> 1,500.80
    ("married_joint", 50_000, 1_500.80),
    # 100,000 - 8,000 = 92,000: 331.50 + 140.80 + 113.30 + 66,750 x 5.4% = 3,604.50
    # + 11,350 x 5.9% = 669.65 -> 4,859.75 (AGI under $107,650: no recapture)
    ("single", 100_000, 4_859.75),
    # 150,000 - 8,000 = 142,000: 4,190.10 + 61,350 x 5.9% = 3,619.65 -> 7,809.75;
    # recapture 567 x (150,000 - 107,650) / 50,000 = 480.25 -> 8,290.00
    ("single", 150_000, 8_290.00),
]


@pytest.mark.parametrize(("status", "wages", "expected"), NEW_YORK)
def test_new_york_income_tax_and_its_recapture(
    status: FilingStatus, wages: float, expected: float
) -> None:
    assert lines("NY", status, federal(wages))["New York income tax"] == expected


def test_new_york_city_on_top_of_new_york() -> None:
    got = lines("NY", "single", federal(100_000), local="NYC")
    # NY taxable income 92,000: 12,000 x 3.078% = 369.36; 13,000 x 3.762% = 489.06;
    # 25,000 x 3.819% = 954.75; 42,000 x 3.876% = 1,627.92 -> 3,441.09
    assert got["New York City income tax"] == 3_441.09
    assert got["New York income tax"] == 4_859.75
    # SDI: 0.5% capped at $0.60 a week (31.20); PFL: 0.432% capped at $411.91
    assert got["New York SDI"] == 31.20
    assert got["New York Paid Family Leave"] == 411.91
    nyc = [line for line in us_states.state_taxes("NY", 2026, "single", 1.0, federal(1.0), "NYC")]
    assert [line.jurisdiction for line in nyc][-1] == "US-NY-NYC"
    # Without the local code there is no city line.
    assert "New York City income tax" not in lines("NY", "single", federal(100_000))


# New Jersey: no standard deduction, $1,000 exemption a person; UI/WF/SWF 0.425% on the first
# $44,800, DI 0.19% and FLI 0.23% on the first $171,100.
NEW_JERSEY = [
    # 99,000: 280 + 262.50 + 175 + 35,000 x 5.525% = 1,933.75 + 24,000 x 6.37% = 1,528.80
    # -> 4,180.05; 44,800 x 0.425% = 190.40; 100,000 x 0.19% = 190; x 0.23% = 230
    ("single", 100_000, 4_180.05, 190.40, 190.00, 230.00),
    # 298,000: 280 + 525 + 490 + 350 + 70,000 x 5.525% = 3,867.50 + 148,000 x 6.37%
    # = 9,427.60 -> 14,940.10; DI 171,100 x 0.19% = 325.09; FLI 171,100 x 0.23% = 393.53
    ("married_joint", 300_000, 14_940.10, 190.40, 325.09, 393.53),
]


@pytest.mark.parametrize(("status", "wages", "income", "ui", "di", "fli"), NEW_JERSEY)
def test_new_jersey_income_tax_and_payroll_programs(
    status: FilingStatus, wages: float, income: float, ui: float, di: float, fli: float
) -> None:
    assert lines("NJ", status, federal(wages)) == {
        "New Jersey income tax": income,
        "New Jersey UI/WF/SWF": ui,
        "New Jersey DI": di,
        "New Jersey FLI": fli,
    }


def test_alabama_deducts_federal_income_tax() -> None:
    # Standard deduction: 100,000 is 149 steps of $500 over 25,500, x $25 > 500, so the
    # $2,500 floor; 100,000 - 2,500 - 1,500 - 13,000 federal tax = 83,000:
    # 500 x 2% + 2,500 x 4% + 80,000 x 5% = 10 + 100 + 4,000 = 4,110
    got = lines("AL", "single", federal(100_000, 83_900, income_tax=13_000))
    assert got["Alabama income tax"] == 4_110.00


def test_connecticut_phases_out_the_exemption_and_the_two_percent_rate() -> None:
    # Exemption 15,000 - 30 x 1,000 (AGI 30,000 over $30,000) = 0; 60,000: 10,000 x 2% = 200
    # + 40,000 x 4.5% = 1,800 + 10,000 x 5.5% = 550 -> 2,550; add-back: 3,500 over $56,500
    # is one $5,000 step: + 25 -> 2,575
    assert lines("CT", "single", federal(60_000))["Connecticut income tax"] == 2_575.00


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


def test_massachusetts_deducts_social_security_and_medicare_up_to_2000() -> None:
    fed = FederalFigures(
        agi=100_000, taxable_income=83_900, income_tax=0, social_security=6_200, medicare=1_450
    )
    taxes = us_states.state_taxes("MA", 2026, "single", 100_000, fed)
    got = {line.name: line.amount for line in taxes}
    # 100,000 - 4,400 exemption - 2,000 (of 7,650 withheld) = 93,600 x 5% = 4,680
    assert got["Massachusetts income tax (2025 tables)"] == 4_680.00
    # PFML: 100,000 x (0.70% x 40% + 0.18%) = 460
    assert got["Massachusetts PFML (employee share)"] == 460.00
