"""UK taxes for tax year 2026 to 2027 (6 April 2026 to 5 April 2027): income tax and employee
National Insurance.

Figures worked by hand beside each case, from GOV.UK "Income Tax rates and Personal
Allowances" (personal allowance 12,570, reduced by 1 for every 2 over 100,000; 20% up to
37,700 of taxable income, 40% to 125,140, 45% above), the Scottish Government's "Scottish
Income Tax: rates and bands" for 2026 to 2027 (19% to 3,967 of taxable income, 20% to 16,956,
21% to 31,092, 42% to 62,430, 45% to 125,140, 48% above) and GOV.UK "Rates and thresholds for
employers 2026 to 2027" (employee National Insurance 8% from 12,570 to 50,270, 2% above).
"""

from __future__ import annotations

import pytest

from offereval._tax import uk


def lines(region: str, pay: float) -> dict[str, float]:
    return {t.name: t.amount for t in uk.uk_taxes(region, 2026, pay)}


def income_tax(region: str, pay: float) -> float:
    return next(t.amount for t in uk.uk_taxes(region, 2026, pay) if "Income Tax" in t.name)


@pytest.mark.parametrize(
    ("region", "pay", "tax", "ni"),
    [
        # --- England (Wales and Northern Ireland pay the same in 2026 to 2027) ---
        # under the allowance: nothing
        ("GB-ENG", 12_000, 0.0, 0.0),
        # low: (30,000 - 12,570) x 20% = 17,430 x 20%; NI 17,430 x 8% = 1,394.40
        ("GB-ENG", 30_000, 3_486.0, 1_394.4),
        # median: taxable 47,430: 37,700 x 20% + 9,730 x 40% = 7,540 + 3,892;
        # NI 37,700 x 8% + (60,000 - 50,270) x 2% = 3,016 + 194.60
        ("GB-ENG", 60_000, 11_432.0, 3_210.6),
        # the taper: allowance 12,570 - (110,000 - 100,000) / 2 = 7,570; taxable 102,430:
        # 7,540 + (102,430 - 37,700) x 40% = 7,540 + 25,892; NI 3,016 + 59,730 x 2% = 1,194.60
        ("GB-ENG", 110_000, 33_432.0, 4_210.6),
        # high: no allowance; 7,540 + (125,140 - 37,700) x 40% + (150,000 - 125,140) x 45%
        # = 7,540 + 34,976 + 11,187; NI 3,016 + 99,730 x 2% = 1,994.60
        ("GB-ENG", 150_000, 53_703.0, 5_010.6),
        ("GB-WLS", 60_000, 11_432.0, 3_210.6),
        ("GB-NIR", 60_000, 11_432.0, 3_210.6),
        # --- Scotland ---
        # low: taxable 16,000 - 12,570 = 3,430 x 19% = 651.70; NI 3,430 x 8% = 274.40
        ("GB-SCT", 16_000, 651.7, 274.4),
        # taxable 20,430: 3,967 x 19% + 12,989 x 20% + (20,430 - 16,956) x 21%
        # = 753.73 + 2,597.80 + 729.54; NI 20,430 x 8% = 1,634.40
        ("GB-SCT", 33_000, 4_081.07, 1_634.4),
        # median: taxable 37,430: 753.73 + 2,597.80 + 14,136 x 21% + (37,430 - 31,092) x 42%
        # = 753.73 + 2,597.80 + 2,968.56 + 2,661.96; NI 37,430 x 8% = 2,994.40
        ("GB-SCT", 50_000, 8_982.05, 2_994.4),
        # high: no allowance; 6,320.09 (the three low bands) + 31,338 x 42% + 62,710 x 45%
        # + 24,860 x 48% = 6,320.09 + 13,161.96 + 28,219.50 + 11,932.80; NI 5,010.60
        ("GB-SCT", 150_000, 59_634.35, 5_010.6),
    ],
)
def test_uk_taxes_worked_by_hand(region: str, pay: float, tax: float, ni: float) -> None:
    assert income_tax(region, pay) == pytest.approx(tax, abs=0.005)
    assert lines(region, pay)["National Insurance"] == pytest.approx(ni, abs=0.005)


# The Scottish Parliament Information Centre's table of income tax payable under the Scottish
# Government's proposals for 2026-27 (whole pounds), read as published.
SPICE_2026_27 = [
    (20_000, 1_446),
    (30_000, 3_451),
    (45_000, 6_882),
    (60_000, 13_182),
    (80_000, 21_732),
    (100_000, 30_732),
    (150_000, 59_634),
]


@pytest.mark.parametrize(("pay", "published"), SPICE_2026_27)
def test_scotland_matches_the_published_table(pay: float, published: int) -> None:
    assert abs(income_tax("GB-SCT", pay) - published) < 1


def test_gov_uk_example() -> None:
    # GOV.UK's own example: 35,000 with the standard allowance pays 20% on 22,430
    assert income_tax("GB-ENG", 35_000) == pytest.approx(4_486.0)


def test_lines_name_their_jurisdiction_and_source() -> None:
    for region in uk.REGIONS:
        for line in uk.uk_taxes(region, 2026, 80_000):
            assert line.jurisdiction == region
            assert line.source.title
    names = [t.name for t in uk.uk_taxes("GB-SCT", 2026, 80_000)]
    assert names == ["Scottish Income Tax", "National Insurance"]


def test_years_on_record() -> None:
    assert 2026 in uk.years()
