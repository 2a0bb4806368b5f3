"""What every jurisdiction's taxes are made of: sources, bracket schedules and breakdown lines.

A figure in the tax data is never bare: it sits in a value that carries its Source, the official
publication (and section) or page it was read from.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

FilingStatus = Literal["single", "married_joint"]
FILING_STATUSES: tuple[FilingStatus, ...] = ("single", "married_joint")


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Source:
    """Where figures were read: an official publication and its section, or a page's title."""

    title: str
    section: str = ""
    url: str = ""

    def __str__(self) -> str:
        return f"{self.title}, {self.section}" if self.section else self.title


@dataclasses.dataclass(frozen=True, slots=True)
class Bracket:
    """Income from ``floor`` up to the next bracket's floor is taxed at ``rate`` (0.22 is 22%)."""

    floor: float
    rate: float


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Schedule:
    """A progressive rate schedule: brackets by ascending floor, the first at 0.

    >>> s = Schedule(brackets=(Bracket(0, 0.1), Bracket(10_000, 0.2)), source=Source(title="t"))
    >>> s.tax(15_000)  # 10,000 x 10% + 5,000 x 20%
    2000.0
    """

    brackets: tuple[Bracket, ...]
    source: Source

    def __post_init__(self) -> None:
        floors = [b.floor for b in self.brackets]
        if not floors or floors[0] != 0 or floors != sorted(set(floors)):
            raise ValueError(f"brackets must start at 0 and rise strictly: {floors}")

    def tax(self, taxable: float) -> float:
        """The tax on ``taxable`` income (nothing on zero or less)."""
        owed = 0.0
        tops = [b.floor for b in self.brackets[1:]] + [float("inf")]
        for bracket, top in zip(self.brackets, tops, strict=True):
            if taxable <= bracket.floor:
                break
            owed += (min(taxable, top) - bracket.floor) * bracket.rate
        return owed

    def marginal_rate(self, taxable: float) -> float:
        """The rate on the next unit of income above ``taxable``."""
        rate = self.brackets[0].rate
        for bracket in self.brackets:
            if taxable >= bracket.floor:
                rate = bracket.rate
        return rate


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class TaxLine:
    """One named tax in a breakdown: "Federal income tax", "Social Security", "California SDI".

    ``jurisdiction`` is an ISO 3166 code ("US", "US-CA", "GB-SCT") or, for a city, the region's
    code and the city's ("US-NY-NYC").
    """

    name: str
    amount: float
    jurisdiction: str
    source: Source


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class FederalFigures:
    """What a US state's rules may need from the federal return of the same year.

    ``agi`` is the federal adjusted gross income (here: the year's taxable pay),
    ``taxable_income`` is AGI less the federal standard deduction, ``income_tax`` the federal
    income tax, and ``social_security``/``medicare`` the employee's FICA contributions.
    """

    agi: float
    taxable_income: float
    income_tax: float
    social_security: float
    medicare: float


@dataclasses.dataclass(frozen=True, slots=True)
class Figure:
    """One number of the tax data (an amount, or a rate as a fraction) and where it was read."""

    value: float
    source: Source
