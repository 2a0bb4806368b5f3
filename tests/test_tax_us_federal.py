"""US federal taxes for 2026: income tax, Social Security, Medicare, Additional Medicare Tax.

Every expected figure is worked out by hand beside its case, from IRS Rev. Proc. 2025-32
(section 4.01 tax rate tables, section 4.14 standard deduction), the SSA's 2026 contribution
and benefit base ($184,500) and IRC 3101 (6.2%, 1.45%, and 0.9% above $200,000 single or
$250,000 married filing jointly).
"""

from __future__ import annotations

import pytest

from offereval._tax import us_federal
from offereval._tax._core import FilingStatus


def lines(status: FilingStatus, wages: float) -> dict[str, float]:
    return {t.name: t.amount for t in us_federal.federal_taxes(2026, status, wages)}


@pytest.mark.parametrize(
    ("status", "wages", "income_tax", "social_security", "medicare", "additional"),
    [
        # --- single ---
        # low: 10,000 is under the 16,100 standard deduction: no income tax;
        # SS 10,000 x 6.2% = 620; Medicare 10,000 x 1.45% = 145
        ("single", 10_000, 0.0, 620.0, 145.0, 0.0),
        # taxable 50,000 - 16,100 = 33,900; 1,240 + (33,900 - 12,400) x 12% = 1,240 + 2,580
        # SS 50,000 x 6.2% = 3,100; Medicare 50,000 x 1.45% = 725
        ("single", 50_000, 3_820.0, 3_100.0, 725.0, 0.0),
        # median engineer: taxable 150,000 - 16,100 = 133,900;
        # 17,966 + (133,900 - 105,700) x 24% = 17,966 + 6,768; SS 9,300; Medicare 2,175
        ("single", 150_000, 24_734.0, 9_300.0, 2_175.0, 0.0),
        # high (the framework's BigTech total): taxable 355,000 - 16,100 = 338,900;
        # 58,448 + (338,900 - 256,225) x 35% = 58,448 + 28,936.25;
        # SS capped: 184,500 x 6.2% = 11,439; Medicare 355,000 x 1.45% = 5,147.50;
        # Additional Medicare (355,000 - 200,000) x 0.9% = 1,395
        ("single", 355_000, 87_384.25, 11_439.0, 5_147.5, 1_395.0),
        # very high: taxable 1,000,000 - 16,100 = 983,900;
        # 192,979.25 + (983,900 - 640,600) x 37% = 192,979.25 + 127,021;
        # Medicare 14,500; Additional (1,000,000 - 200,000) x 0.9% = 7,200
        ("single", 1_000_000, 320_000.25, 11_439.0, 14_500.0, 7_200.0),
        # --- married filing jointly ---
        # low: 30,000 - 32,200 < 0: no income tax; SS 1,860; Medicare 435
        ("married_joint", 30_000, 0.0, 1_860.0, 435.0, 0.0),
        # median: taxable 150,000 - 32,200 = 117,800;
        # 11,600 + (117,800 - 100,800) x 22% = 11,600 + 3,740; SS 9,300; Medicare 2,175
        ("married_joint", 150_000, 15_340.0, 9_300.0, 2_175.0, 0.0),
        # 225,000 is above the single threshold (200,000) but under the joint one (250,000):
        # taxable 192,800; 11,600 + (192,800 - 100,800) x 22% = 11,600 + 20,240;
        # SS capped 11,439; Medicare 225,000 x 1.45% = 3,262.50; no Additional Medicare
        ("married_joint", 225_000, 31_840.0, 11_439.0, 3_262.5, 0.0),
        # high: taxable 300,000 - 32,200 = 267,800; 35,932 + (267,800 - 211,400) x 24%
        # = 35,932 + 13,536; Medicare 4,350; Additional (300,000 - 250,000) x 0.9% = 450
        ("married_joint", 300_000, 49_468.0, 11_439.0, 4_350.0, 450.0),
    ],
)
def test_federal_taxes_worked_by_hand(
    status: FilingStatus,
    wages: float,
    income_tax: float,
    social_security: float,
    medicare: float,
    additional: float,
) -> None:
    got = lines(status, wages)
    assert got["Federal income tax"] == pytest.approx(income_tax, abs=0.005)
    assert got["Social Security"] == pytest.approx(social_security, abs=0.005)
    assert got["Medicare"] == pytest.approx(medicare, abs=0.005)
    assert got.get("Additional Medicare Tax", 0.0) == pytest.approx(additional, abs=0.005)


# The cumulative amounts Rev. Proc. 2025-32 section 4.01 prints at the start of each bracket
# ("$5,800 plus 22% of the excess over $50,400"), read from the published tables.
PUBLISHED = {
    "single": [
        (12_400, 1_240.0),
        (50_400, 5_800.0),
        (105_700, 17_966.0),
        (201_775, 41_024.0),
        (256_225, 58_448.0),
        (640_600, 192_979.25),
    ],
    "married_joint": [
        (24_800, 2_480.0),
        (100_800, 11_600.0),
        (211_400, 35_932.0),
        (403_550, 82_048.0),
        (512_450, 116_896.0),
        (768_700, 206_583.5),
    ],
}


@pytest.mark.parametrize(
    ("status", "taxable", "tax"),
    [(s, t, x) for s, rows in PUBLISHED.items() for t, x in rows],
)
def test_schedules_match_the_published_tables(
    status: FilingStatus, taxable: float, tax: float
) -> None:
    schedule = us_federal.figures_for(2026).schedules[status]
    assert schedule.tax(taxable) == pytest.approx(tax, abs=0.005)


@pytest.mark.parametrize(
    ("status", "wages", "taxable"),
    [
        ("single", 100_000, 83_900),  # 100,000 - 16,100
        ("married_joint", 100_000, 67_800),  # 100,000 - 32,200
        ("single", 5_000, 0),  # never below zero
    ],
)
def test_federal_figures_for_the_states(status: FilingStatus, wages: float, taxable: float) -> None:
    figures = us_federal.federal_figures(2026, status, wages)
    assert figures.agi == wages
    assert figures.taxable_income == taxable
    by_name = lines(status, wages)
    assert figures.income_tax == by_name["Federal income tax"]
    assert figures.social_security == by_name["Social Security"]
    assert figures.medicare == by_name["Medicare"] + by_name.get("Additional Medicare Tax", 0.0)


def test_every_line_names_its_source() -> None:
    for line in us_federal.federal_taxes(2026, "single", 400_000):
        assert line.jurisdiction == "US"
        assert line.source.title
    sources = {t.name: str(t.source) for t in us_federal.federal_taxes(2026, "single", 400_000)}
    assert "Rev. Proc. 2025-32" in sources["Federal income tax"]
    assert "184,500" in sources["Social Security"] or "base" in sources["Social Security"]
    assert "3101" in sources["Additional Medicare Tax"]


def test_years_on_record() -> None:
    assert 2026 in us_federal.years()
    with pytest.raises(KeyError):
        us_federal.figures_for(1999)
