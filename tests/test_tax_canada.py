"""Canadian taxes for 2026, worked by hand: federal and provincial income tax, CPP/QPP, EI, QPIP.

The figures used below (each cited in `offereval/_tax/_canada_data.py`):

- CPP 2026: 5.95% (4.95% base + 1% first additional) of pay between 3,500 and 74,600;
  CPP2 4% between 74,600 and 85,000. QPP: 6.3% (5.3% base + 1%), QPP2 4%.
- EI: 1.63% (1.30% in Quebec) of pay up to 68,900. QPIP: 0.430% up to 103,000.
- Taxable income = pay - enhanced contributions (the 1% and the 4%).
- Federal: 14% to 58,523, 20.5% to 117,045, 26% to 181,440, 29% to 258,482, 33% above;
  credits at 14%: basic personal amount 16,452 (less 1,623 x (net - 181,440) / 77,042 above
  181,440), Canada employment amount 1,471 (2025 tables), base CPP/QPP, EI and QPIP. Quebec:
  less 16.5% (the abatement).
- Alberta: 8% to 61,200, 10% to 154,259, 12% to 185,111, 13% to 246,813, 14% to 370,220;
  credits at 8%: 22,769 + base CPP + EI.
- Ontario: 5.05% to 53,891, 9.15% to 107,785, 11.16% to 150,000, 12.16% to 220,000, 13.16%;
  credits at 5.05%: 12,989 + base CPP + EI; surtax 20% of basic tax over 5,818 and 36% over
  7,446; Ontario Tax Reduction 2 x 294 less the tax; LIFT: min(875, 5.05% of pay) less 5% of
  net income over 32,500; Health Premium from the ON428 chart.
- British Columbia: 5.06% to 50,363, 7.7% to 100,728, 10.5% to 115,648, 12.29% to 140,430,
  14.7% to 190,405, 16.8% to 265,545, 20.5%; credits at 5.06%: 13,216 + base CPP + EI; tax
  reduction 575 less 3.56% of net income over 25,570.
- Quebec: taxable = pay - deduction for workers (6%, at most 1,380) - enhanced QPP; 14% to
  54,345, 19% to 108,680, 24% to 132,245, 25.75% above; less 18,952 x 14% = 2,653.28.
"""

from __future__ import annotations

import dataclasses
import pathlib

import pytest

from offereval._tax import canada, jurisdictions, liability
from offereval._tax._canada_data import (
    CPP_2026,
    EI_2026,
    EI_QUEBEC_2026,
    FEDERAL_2026,
    PROVINCES_2026,
    QPIP_2026,
    QPP_2026,
    QUEBEC_2026,
)
from offereval._tax._core import Figure

FEDERAL = "Federal income tax (Canada employment amount from 2025 tables)"
FEDERAL_QC = (
    "Federal income tax, less the Quebec abatement (Canada employment amount from 2025 tables)"
)
ONTARIO = "Ontario income tax (tax reduction from 2025 tables)"
QUEBEC = "Quebec income tax (deduction for workers from 2024 tables)"


def lines(region: str, pay: float) -> dict[str, float]:
    return {t.name: t.amount for t in canada.canada_taxes(region, 2026, pay)}


CASES = [
    # --- Alberta ---
    # low: CPP 26,500 x 5.95% = 1,576.75 (base 1,311.75, first additional 265); EI 30,000 x
    # 1.63% = 489; taxable 29,735. Federal 29,735 x 14% = 4,162.90 less (16,452 + 1,471 +
    # 1,311.75 + 489 = 19,723.75) x 14% = 2,761.33: 1,401.58. Alberta 29,735 x 8% = 2,378.80
    # less (22,769 + 1,311.75 + 489 = 24,569.75) x 8% = 1,965.58: 413.22
    (
        "CA-AB",
        30_000,
        {
            FEDERAL: 1_401.58,
            "Alberta income tax": 413.22,
            "CPP contributions": 1_576.75,
            "EI premiums": 489.0,
        },
    ),
    # median: CPP 66,500 x 5.95% = 3,956.75 (base 3,291.75, first 665); EI at the maximum
    # 68,900 x 1.63% = 1,123.07; taxable 69,335. Federal 58,523 x 14% = 8,193.22 + 10,812 x
    # 20.5% = 2,216.46 = 10,409.68 less 22,337.82 x 14% = 3,127.29: 7,282.39. Alberta 61,200
    # x 8% = 4,896 + 8,135 x 10% = 813.50 = 5,709.50 less 27,183.82 x 8% = 2,174.71: 3,534.79
    (
        "CA-AB",
        70_000,
        {
            FEDERAL: 7_282.39,
            "Alberta income tax": 3_534.79,
            "CPP contributions": 3_956.75,
            "EI premiums": 1_123.07,
        },
    ),
    # high: CPP 71,100 x 5.95% = 4,230.45 (base 3,519.45, first 711); CPP2 10,400 x 4% = 416;
    # taxable 250,000 - 711 - 416 = 248,873. Federal 8,193.22 + 58,522 x 20.5% = 11,997.01 +
    # 64,395 x 26% = 16,742.70 + 67,433 x 29% = 19,555.57 = 56,488.50; basic personal amount
    # 16,452 - 1,623 x 67,433 / 77,042 = 15,031.43; credits 15,031.43 + 1,471 + 3,519.45 +
    # 1,123.07 = 21,144.95 x 14% = 2,960.29: 53,528.21. Alberta 4,896 + 93,059 x 10% = 9,305.90
    # + 30,852 x 12% = 3,702.24 + 61,702 x 13% = 8,021.26 + 2,060 x 14% = 288.40 = 26,213.80
    # less 27,411.52 x 8% = 2,192.92: 24,020.88
    (
        "CA-AB",
        250_000,
        {
            FEDERAL: 53_528.21,
            "Alberta income tax": 24_020.88,
            "CPP contributions": 4_230.45,
            "CPP2 contributions (second additional)": 416.0,
            "EI premiums": 1_123.07,
        },
    ),
    # --- Ontario ---
    # low, the Ontario Tax Reduction: CPP 16,500 x 5.95% = 981.75 (base 816.75, first 165);
    # EI 326; taxable 19,835. Federal 2,776.90 less 19,065.75 x 14% = 2,669.21: 107.69.
    # Ontario 19,835 x 5.05% = 1,001.67 less 14,131.75 x 5.05% = 713.65 = 288.02; reduction
    # 2 x 294 - 288.02 = 299.98, at most the tax: nothing left. No Health Premium to 20,000.
    (
        "CA-ON",
        20_000,
        {
            FEDERAL: 107.69,
            ONTARIO: 0.0,
            "Ontario Health Premium": 0.0,
            "CPP contributions": 981.75,
            "EI premiums": 326.0,
        },
    ),
    # LIFT: CPP 36,500 x 5.95% = 2,171.75 (base 1,806.75, first 365); EI 652; taxable 39,635.
    # Federal 5,548.90 less 20,381.75 x 14% = 2,853.45: 2,695.46. Ontario 2,001.57 less
    # 15,447.75 x 5.05% = 780.11 = 1,221.46; LIFT 875 - 7,135 x 5% = 518.25: 703.21. Premium
    # 300 + min(150, 3,635 x 6% = 218.10) = 450
    (
        "CA-ON",
        40_000,
        {
            FEDERAL: 2_695.46,
            ONTARIO: 703.21,
            "Ontario Health Premium": 450.0,
            "CPP contributions": 2_171.75,
            "EI premiums": 652.0,
        },
    ),
    # median: CPP 4,230.45 (base 3,519.45, first 711); CPP2 400 x 4% = 16; taxable 74,273.
    # Federal 8,193.22 + 15,750 x 20.5% = 3,228.75 = 11,421.97 less 22,565.52 x 14% = 3,159.17:
    # 8,262.80. Ontario 53,891 x 5.05% = 2,721.50 + 20,382 x 9.15% = 1,864.95 = 4,586.45 less
    # 17,631.52 x 5.05% = 890.39: 3,696.06 (under the surtax's 5,818). Premium 750
    (
        "CA-ON",
        75_000,
        {
            FEDERAL: 8_262.80,
            ONTARIO: 3_696.06,
            "Ontario Health Premium": 750.0,
            "CPP contributions": 4_230.45,
            "CPP2 contributions (second additional)": 16.0,
            "EI premiums": 1_123.07,
        },
    ),
    # high, the surtax: taxable 248,873. Ontario 2,721.50 + 53,894 x 9.15% = 4,931.30 + 42,215
    # x 11.16% = 4,711.19 + 70,000 x 12.16% = 8,512 + 28,873 x 13.16% = 3,799.69 = 24,675.68
    # less 890.39 = 23,785.29; surtax 17,967.29 x 20% = 3,593.46 + 16,339.29 x 36% = 5,882.14:
    # 33,260.89. Premium 900 (the most)
    (
        "CA-ON",
        250_000,
        {
            FEDERAL: 53_528.21,
            ONTARIO: 33_260.89,
            "Ontario Health Premium": 900.0,
            "CPP contributions": 4_230.45,
            "CPP2 contributions (second additional)": 416.0,
            "EI premiums": 1_123.07,
        },
    ),
    # --- British Columbia ---
    # low, the tax reduction: taxable 29,735 (as in Alberta). B.C. 29,735 x 5.06% = 1,504.59
    # less 15,016.75 x 5.06% = 759.85 = 744.74; reduction 575 - 4,165 x 3.56% = 426.73: 318.02
    (
        "CA-BC",
        30_000,
        {
            FEDERAL: 1_401.58,
            "British Columbia income tax": 318.02,
            "CPP contributions": 1_576.75,
            "EI premiums": 489.0,
        },
    ),
    # median: taxable 69,335. B.C. 50,363 x 5.06% = 2,548.37 + 18,972 x 7.7% = 1,460.84 =
    # 4,009.21 less 17,630.82 x 5.06% = 892.12: 3,117.09 (the reduction is gone past 41,722)
    (
        "CA-BC",
        70_000,
        {
            FEDERAL: 7_282.39,
            "British Columbia income tax": 3_117.09,
            "CPP contributions": 3_956.75,
            "EI premiums": 1_123.07,
        },
    ),
    # high: taxable 248,873. B.C. 2,548.37 + 50,365 x 7.7% = 3,878.11 + 14,920 x 10.5% =
    # 1,566.60 + 24,782 x 12.29% = 3,045.71 + 49,975 x 14.7% = 7,346.33 + 58,468 x 16.8% =
    # 9,822.62 = 28,207.73 less 17,858.52 x 5.06% = 903.64: 27,304.09
    (
        "CA-BC",
        250_000,
        {
            FEDERAL: 53_528.21,
            "British Columbia income tax": 27_304.09,
            "CPP contributions": 4_230.45,
            "CPP2 contributions (second additional)": 416.0,
            "EI premiums": 1_123.07,
        },
    ),
    # --- Quebec ---
    # low: QPP 26,500 x 5.3% = 1,404.50 + 265 = 1,669.50; EI 30,000 x 1.30% = 390; QPIP 30,000
    # x 0.43% = 129. Federal 4,162.90 less (16,452 + 1,471 + 1,404.50 + 390 + 129 = 19,846.50)
    # x 14% = 2,778.51 = 1,384.39, less 16.5%: 1,155.97. Quebec taxable 30,000 - 1,380 - 265
    # = 28,355 x 14% = 3,969.70 less 2,653.28: 1,316.42
    (
        "CA-QC",
        30_000,
        {
            FEDERAL_QC: 1_155.97,
            QUEBEC: 1_316.42,
            "QPP contributions": 1_669.50,
            "EI premiums": 390.0,
            "QPIP premiums": 129.0,
        },
    ),
    # median: QPP 56,500 x 5.3% = 2,994.50 + 565 = 3,559.50; EI 780; QPIP 258; taxable 59,435.
    # Federal 8,193.22 + 912 x 20.5% = 186.96 = 8,380.18 less 21,955.50 x 14% = 3,073.77 =
    # 5,306.41, less 16.5%: 4,430.85. Quebec taxable 60,000 - 1,380 - 565 = 58,055: 54,345 x
    # 14% = 7,608.30 + 3,710 x 19% = 704.90 = 8,313.20 less 2,653.28: 5,659.92
    (
        "CA-QC",
        60_000,
        {
            FEDERAL_QC: 4_430.85,
            QUEBEC: 5_659.92,
            "QPP contributions": 3_559.50,
            "EI premiums": 780.0,
            "QPIP premiums": 258.0,
        },
    ),
    # high: QPP 71,100 x 6.3% = 4,479.30 (base 3,768.30); QPP2 416; EI 895.70; QPIP 103,000
    # x 0.43% = 442.90. Federal 56,488.50 less (15,031.43 + 1,471 + 3,768.30 + 895.70 +
    # 442.90 = 21,609.33) x 14% = 3,025.31 = 53,463.19, less 16.5%: 44,641.77. Quebec taxable
    # 250,000 - 1,380 - 1,127 = 247,493: 7,608.30 + 54,335 x 19% = 10,323.65 + 23,565 x 24% =
    # 5,655.60 + 115,248 x 25.75% = 29,676.36 = 53,263.91 less 2,653.28: 50,610.63
    (
        "CA-QC",
        250_000,
        {
            FEDERAL_QC: 44_641.77,
            QUEBEC: 50_610.63,
            "QPP contributions": 4_479.30,
            "QPP2 contributions (second additional)": 416.0,
            "EI premiums": 895.70,
            "QPIP premiums": 442.90,
        },
    ),
    # --- Manitoba: the basic personal amount phased out from 200,000 to 400,000 ---
    # taxable 298,873: 47,000 x 10.8% = 5,076 + 53,000 x 12.75% = 6,757.50 + 198,873 x 17.4%
    # = 34,603.90 = 46,437.40; amount 15,780 x (1 - 98,873 / 200,000) = 7,978.92; credits
    # 7,978.92 + 3,519.45 + 1,123.07 = 12,621.44 x 10.8% = 1,363.12: 45,074.29. Federal past
    # 258,482: 36,932.93 + 77,042 x 29% = 22,342.18 + 40,391 x 33% = 13,329.03 = 72,604.14
    # less (14,829 + 1,471 + 3,519.45 + 1,123.07 = 20,942.52) x 14% = 2,931.95: 69,672.19
    (
        "CA-MB",
        300_000,
        {
            FEDERAL: 69_672.19,
            "Manitoba income tax": 45_074.29,
            "CPP contributions": 4_230.45,
            "CPP2 contributions (second additional)": 416.0,
            "EI premiums": 1_123.07,
        },
    ),
]


@pytest.mark.parametrize(("region", "pay", "expected"), CASES)
def test_canadian_taxes_worked_by_hand(region: str, pay: float, expected: dict[str, float]) -> None:
    got = lines(region, pay)
    assert list(got) == list(expected)
    for name, amount in expected.items():
        assert got[name] == pytest.approx(amount, abs=0.011), name


def test_nothing_is_owed_on_nothing() -> None:
    for region in canada.REGIONS:
        assert all(t.amount == 0 for t in canada.canada_taxes(region, 2026, 0))


def test_the_lines_name_their_jurisdictions() -> None:
    quebec = {t.name: t.jurisdiction for t in canada.canada_taxes("CA-QC", 2026, 90_000)}
    assert quebec == {
        FEDERAL_QC: "CA",
        QUEBEC: "CA-QC",
        "QPP contributions": "CA-QC",
        "QPP2 contributions (second additional)": "CA-QC",
        "EI premiums": "CA",
        "QPIP premiums": "CA-QC",
    }
    ontario = {t.name: t.jurisdiction for t in canada.canada_taxes("CA-ON", 2026, 90_000)}
    assert ontario[ONTARIO] == ontario["Ontario Health Premium"] == "CA-ON"


# The figures whose 2026 value was not found, used from an earlier year's tables: the README
# lists them, and each line computed from them says so in its name.
OLDER = {
    "CA-NU": "Nunavut income tax (2025 tables)",
    "CA-ON": ONTARIO,
    "CA-QC": QUEBEC,
    "CA-YT": "Yukon income tax (Canada employment amount from 2025 tables)",
}


@pytest.mark.parametrize("region", canada.REGIONS)
def test_older_tables_are_named_in_the_lines(region: str) -> None:
    names = [t.name for t in canada.canada_taxes(region, 2026, 80_000)]
    federal = FEDERAL_QC if region == "CA-QC" else FEDERAL
    assert names[0] == federal
    provincial = names[1]
    if region in OLDER:
        assert provincial == OLDER[region]
    else:
        assert "tables" not in provincial and provincial.endswith(" income tax")


def test_the_readme_lists_the_figures_from_older_tables() -> None:
    readme = (pathlib.Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    paragraph = readme.split("**Canadian figures from an earlier year's tables**", 1)[1]
    paragraph = paragraph.split("\n\n", 1)[0]
    for named in ("Nunavut", "Canada employment amount", "Ontario's basic tax", "workers"):
        assert named in paragraph
    assert len(OLDER) == 4  # Nunavut, Ontario, Quebec, Yukon; the federal line is tested above


def _figures(value: object) -> list[Figure]:
    """Every Figure inside a data value, however deep."""
    if isinstance(value, Figure):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [
            f for field in dataclasses.fields(value) for f in _figures(getattr(value, field.name))
        ]
    if isinstance(value, tuple | list):
        return [f for item in value for f in _figures(item)]
    return []


@pytest.mark.parametrize("region", canada.REGIONS)
def test_every_figure_has_a_source_and_the_lines_cite_them(region: str) -> None:
    """Rule: every figure carries a source, every source is listed for the region, and the
    breakdown's lines cite every listed source (at a pay where every line is owed)."""
    code = region.removeprefix("CA-")
    quebec = code == "QC"
    data = QUEBEC_2026 if quebec else PROVINCES_2026[code]
    payroll = (QPP_2026, EI_QUEBEC_2026, QPIP_2026) if quebec else (CPP_2026, EI_2026)
    federal = _figures(FEDERAL_2026)
    if not quebec:
        federal.remove(FEDERAL_2026.quebec_abatement)
    figures = _figures(data) + federal + _figures(payroll)
    assert len(figures) >= 14  # the simplest province: 1 + 5 federal + 6 CPP + 2 EI
    listed = canada.sources(region)
    for figure in figures:
        assert figure.source.title.strip()
        assert figure.source in listed, figure
    cited = " ".join(str(t.source) for t in canada.canada_taxes(region, 2026, 300_000))
    for source in listed:
        assert str(source) in cited, source


def test_the_schedules_are_the_published_ones() -> None:
    # Each province's top rate and the number of its brackets, as the CRA lists them for 2026.
    tops = {
        code: (len(p.schedule.brackets), p.schedule.brackets[-1].rate)
        for code, p in PROVINCES_2026.items()
    }
    assert tops == {
        "AB": (6, 0.15),
        "BC": (7, 0.205),
        "MB": (3, 0.174),
        "NB": (4, 0.195),
        "NL": (8, 0.218),
        "NS": (5, 0.21),
        "NT": (4, 0.1405),
        "NU": (4, 0.115),
        "ON": (5, 0.1316),
        "PE": (5, 0.19),
        "SK": (3, 0.145),
        "YT": (5, 0.15),
    }


@pytest.mark.parametrize(
    ("region", "pay", "year", "message"),
    [
        ("CA-XX", 1, 2026, "region: must be one of CA-AB"),
        ("CA-ON", 1, 2025, "year: no Canadian tables for 2025"),
        ("CA-ON", -1, 2026, "pay: must be a number of at least 0, got -1"),
    ],
)
def test_bad_arguments_are_refused(region: str, pay: float, year: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        canada.canada_taxes(region, year, pay)


def test_every_province_and_territory_is_computed_in_cad() -> None:
    for code, name in jurisdictions.locations():
        if code.startswith("CA-"):
            place = jurisdictions.find(code)
            assert isinstance(place, jurisdictions.Place)
            assert liability.computes(place), name
            assert place.country.currency == "CAD"
            assert liability.computed_taxes(place, "", 2026, "single", 50_000)
    assert set(canada.REGIONS) == {c for c, _ in jurisdictions.locations() if c.startswith("CA-")}
    assert 2026 in liability.tax_years()
