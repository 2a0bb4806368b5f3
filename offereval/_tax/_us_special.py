"""The state rules no table describes: each a short function quoting the rule it implements.

The figures they use are passed in from the data modules, each with its Source there.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from ._core import FederalFigures, FilingStatus, Schedule
from ._us_rules import Income, PerStatus

# (floor of federal AGI, amount) rows, lowest floor first.
Table = Sequence[tuple[float, float]]


def _lookup(table: Table, value: float) -> float:
    """The amount of the last row whose floor ``value`` reaches."""
    found = table[0][1]
    for floor, amount in table:
        if value >= floor:
            found = amount
    return found


def _steps(excess: float, step: float) -> int:
    """Whole steps of ``step`` in ``excess``, a part of a step counting as a whole one."""
    return math.ceil(excess / step) if excess > 0 else 0


def federal_tax(status: FilingStatus, federal: FederalFigures) -> float:
    """Alabama (Code of Ala. § 40-18-15(a)(2)): "the amount of federal income tax paid or
    accrued ... for the taxable year" is deducted in full."""
    return max(federal.income_tax, 0.0)


def federal_standard_deduction(federal: FederalFigures) -> float:
    """The federal standard deduction on the same return: AGI less taxable income (there are
    no other deductions on wages alone)."""
    return max(federal.agi - federal.taxable_income, 0.0)


def massachusetts_retirement_contributions(cap: float) -> Callable[..., float]:
    """Massachusetts (M.G.L. c. 62 § 3(B)(a)(4), Form 1 line 11): amounts withheld for Social
    Security and Medicare are deducted, up to $2,000 a person (here the one who earns)."""

    def subtract(status: FilingStatus, federal: FederalFigures) -> float:
        return min(max(federal.social_security + federal.medicare, 0.0), cap)

    return subtract


def missouri_federal_tax(shares: Table, cap: PerStatus) -> Callable[..., float]:
    """Missouri (RSMo § 143.171): federal income tax is deducted at a percentage that falls
    with Missouri AGI (35% up to $25,000 ... 0% over $125,000), "not to exceed five thousand
    dollars" ($10,000 on a combined return). Missouri's standard deduction is the federal one
    (RSMo § 143.131), also subtracted here."""

    def subtract(status: FilingStatus, federal: FederalFigures) -> float:
        share = _lookup(shares, federal.agi)
        deduction = min(max(federal.income_tax, 0.0) * share, cap[status])
        return deduction + federal_standard_deduction(federal)

    return subtract


def oregon_federal_tax(caps: Mapping[FilingStatus, Table]) -> Callable[..., float]:
    """Oregon (ORS 316.800, 316.680(1)(b)): federal income tax is subtracted up to a cap that
    falls in steps with federal AGI and is nil from $145,000 ($290,000 joint)."""

    def subtract(status: FilingStatus, federal: FederalFigures) -> float:
        return min(max(federal.income_tax, 0.0), _lookup(caps[status], federal.agi))

    return subtract


def colorado_addback(threshold: float, kept: PerStatus) -> Callable[..., float]:
    """Colorado (C.R.S. 39-22-104(3)(p)): from federal taxable income, a taxpayer whose federal
    AGI is $300,000 or more adds back the federal standard deduction beyond the amount kept.
    Returned as a negative subtraction."""

    def subtract(status: FilingStatus, federal: FederalFigures) -> float:
        if federal.agi < threshold:
            return 0.0
        return -max(federal_standard_deduction(federal) - kept[status], 0.0)

    return subtract


def banded_exemption(bands: Mapping[FilingStatus, Table]) -> Callable[..., float]:
    """A personal exemption a person that depends on the band federal AGI falls in, so it drops
    in steps: Maryland (Tax-Gen. § 10-211: $3,200, then $1,600, $800, nothing) and Ohio
    (R.C. 5747.025: $2,400, $2,150, $1,900, nothing). A married couple has two."""

    def subtract(status: FilingStatus, federal: FederalFigures) -> float:
        people = 2 if status == "married_joint" else 1
        return people * _lookup(bands[status], federal.agi)

    return subtract


def utah_taxpayer_credit(
    rate: float, threshold: PerStatus, phase_out_rate: float
) -> Callable[[Income], float]:
    """Utah (Utah Code § 59-10-1018): the taxpayer tax credit is 6% of the federal standard
    deduction (with no dependants), reduced by 1.3% of Utah income over the base amount."""

    def adjust(income: Income) -> float:
        full = rate * federal_standard_deduction(income.federal)
        excess = max(income.federal.agi - threshold[income.status], 0.0)
        return income.tax - max(full - phase_out_rate * excess, 0.0)

    return adjust


def stepped_addbacks(
    rows: Sequence[tuple[PerStatus, PerStatus, PerStatus, PerStatus]],
) -> Callable[[Income], float]:
    """Connecticut (Conn. Gen. Stat. § 12-700(a)(9)-(10), Tables C and D): the benefit of the
    lower rates is taken back as AGI rises: for each row (start, step, amount, maximum), the
    amount for each step of AGI over the start, or part of one, up to the maximum."""

    def adjust(income: Income) -> float:
        added = 0.0
        for start, step, amount, most in rows:
            excess = income.federal.agi - start[income.status]
            steps = _steps(excess, step[income.status])
            added += min(steps * amount[income.status], most[income.status])
        return income.tax + added

    return adjust


def arkansas_high_income(
    floor: float, top_rate: float, reductions: Table
) -> Callable[[Income], float]:
    """Arkansas (A.C.A. § 26-51-201, DFA's indexed tax brackets): net income over the floor is
    taxed at the top rate on all of it, less a bracket reduction that shrinks by $10 for each
    $100 of income; below the floor the rate schedule applies."""

    def adjust(income: Income) -> float:
        if income.taxable <= floor:
            return income.tax
        return top_rate * income.taxable - _lookup(reductions, income.taxable)

    return adjust


def ohio_notch(threshold: float) -> Callable[[Income], float]:
    """Ohio (R.C. 5747.02(A)(3)): no tax at all on nonbusiness taxable income "equal to or less
    than" $26,050; above it the whole schedule applies, from the first dollar."""

    def adjust(income: Income) -> float:
        return 0.0 if income.taxable <= threshold else income.tax

    return adjust


def new_york_supplemental(
    schedules: Mapping[FilingStatus, Schedule],
    recapture: Mapping[FilingStatus, Sequence[tuple[float, float, float]]],
    min_agi: float,
    phase_in: float,
    flat_above: float,
) -> Callable[[Income], float]:
    """New York (Tax Law § 601(d-1), IT-201-I Tax computation worksheets 1-6): over $107,650 of
    AGI the benefit of the lower rates is recaptured. With taxable income in a bracket whose
    row is (floor, recapture base, incremental benefit), the tax grows by the base plus the
    benefit times the share of $50,000 by which AGI passes max(floor, $107,650); over
    $25,000,000 of AGI all taxable income is taxed at the top rate."""

    def adjust(income: Income) -> float:
        agi, taxable, status = income.federal.agi, income.taxable, income.status
        if agi <= min_agi:
            return income.tax
        schedule = schedules[status]
        if agi > flat_above:
            return taxable * schedule.brackets[-1].rate
        floor, base, benefit = recapture[status][0]
        for row in recapture[status]:
            if taxable > row[0]:
                floor, base, benefit = row
        share = min(max(agi - max(floor, min_agi), 0.0) / phase_in, 1.0)
        return income.tax + base + share * benefit

    return adjust
