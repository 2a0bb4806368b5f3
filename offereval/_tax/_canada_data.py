"""Canada's tax figures for 2026: federal, CPP/QPP, EI and QPIP, and every province's and
territory's income tax, each figure with the publication it was read from.

A figure whose 2026 value was not found is its latest official year's, and the line computed
from it says so ("Nunavut income tax (2025 tables)"); none is projected.
"""

from __future__ import annotations

from ._canada_rules import (
    FederalTax,
    LowIncomeReduction,
    Ontario,
    PensionPlan,
    PhaseDown,
    Premium,
    ProvincialTax,
    QuebecTax,
    Tier,
)
from ._core import Bracket, Figure, Schedule, Source

_RATES_TITLE = (
    "Canada Revenue Agency, Canadian income tax rates for individuals - current and previous years"
)
_RATES_URL = (
    "https://www.canada.ca/en/revenue-agency/services/tax/individuals/"
    "frequently-asked-questions-individuals/canadian-income-tax-rates-individuals-current-previous-years.html"
)
_INDEXATION = Source(
    title="Canada Revenue Agency, Indexation adjustment for personal income tax and benefit "
    "amounts",
    section="2026: basic personal amount $16,452, or $14,829 at net income from $258,482 "
    "(the enhanced $1,623 phased out from $181,440)",
    url="https://www.canada.ca/en/revenue-agency/services/tax/individuals/"
    "frequently-asked-questions-individuals/adjustment-personal-income-tax-benefit-amounts.html",
)
_CEA_2025 = Source(
    title="Canada Revenue Agency, Line 31260 - Canada employment amount",
    section="the lesser of $1,471 and employment income (2025 tables: the 2026 amount was "
    "not found)",
    url="https://www.canada.ca/en/revenue-agency/services/tax/individuals/topics/"
    "about-your-tax-return/tax-return/completing-a-tax-return/deductions-credits-expenses/"
    "line-31260-canada-employment-amount.html",
)
_ITA = "Income Tax Act (Canada)"
_CREDITS = Source(
    title=_ITA,
    section="s. 118.7 (credits for base CPP/QPP contributions, EI and QPIP premiums) and "
    "s. 60(e.1) (deduction of enhanced contributions), at the appropriate percentage of s. 248(1)",
    url="https://laws-lois.justice.gc.ca/eng/acts/I-3.3/",
)
_ABATEMENT = Source(
    title="Canada Revenue Agency, Line 44000 - Refundable Quebec abatement",
    section="16.5% of basic federal tax (Federal-Provincial Fiscal Arrangements Act, s. 27)",
)
_CPP = Source(
    title="Canada Revenue Agency, CPP contribution rates, maximums and exemptions",
    section="2026: YMPE $74,600, basic exemption $3,500, employee rate 5.95%; second "
    "additional contributions (CPP2): YAMPE $85,000, rate 4%",
    url="https://www.canada.ca/en/revenue-agency/services/tax/businesses/topics/payroll/"
    "payroll-deductions-contributions/canada-pension-plan-cpp/"
    "cpp-contribution-rates-maximums-exemptions.html",
)
_CPP_SPLIT = Source(
    title="Canada Revenue Agency, Line 22215 - Deduction for CPP or QPP enhanced "
    "contributions on employment income",
    section="the base contribution (4.95% of the 5.95%) is a credit on line 30800; the first "
    "additional (1%) and second additional contributions are deducted",
)
_EI = Source(
    title="Canada Revenue Agency, EI premium rates and maximums",
    section="2026: maximum insurable earnings $68,900; employee rate 1.63%, 1.30% in Quebec",
    url="https://www.canada.ca/en/revenue-agency/services/tax/businesses/topics/payroll/"
    "payroll-deductions-contributions/employment-insurance-ei/ei-premium-rates-maximums.html",
)
_QC_UPDATE = (
    "Ministère des Finances du Québec, Update on Québec's Economic and Financial Situation, "
    "Fall 2025"
)
_QPP = Source(
    title="Revenu Québec, Contributions to the Québec Pension Plan (QPP)",
    section="2026: maximum pensionable earnings $74,600, exemption $3,500, base plan 5.3% "
    f"(down from 5.4%: {_QC_UPDATE}), additional plan 1%, and 4% up to $85,000",
    url="https://www.revenuquebec.ca/fr/entreprises/retenues-et-cotisations/"
    "calculer-les-retenues-a-la-source-et-vos-cotisations-demployeur/regime-de-rentes-du-quebec/",
)
_QPP_SPLIT = Source(
    title="Revenu Québec, Line 248 - Deduction for contributions to the QPP or CPP on "
    "employment income",
    section="the additional (enhanced) contributions are deducted; federally, the base "
    "contribution is a credit on line 30800",
    url="https://www.revenuquebec.ca/fr/citoyens/declaration-de-revenus/"
    "produire-votre-declaration-de-revenus/comment-remplir-votre-declaration/aide-par-ligne/"
    "201-a-260-revenu-net/ligne-248/point-1/",
)
_QPIP = Source(
    title="Revenu Québec, Québec Parental Insurance Plan (QPIP) premiums",
    section=f"2026: maximum insurable earnings $103,000, employee rate 0.430% ({_QC_UPDATE})",
)
_QC_PARAMETERS = (
    "Ministère des Finances du Québec, Paramètres du régime d'imposition des particuliers pour "
    "l'année d'imposition 2026 (indexation of 2.05%)"
)
_QC_WORKERS_2024 = Source(
    title="Revenu Québec, Line 201 - Deduction for workers",
    section="6% of eligible work income, at most $1,380 (2024 tables: the 2025 and 2026 "
    "maximums were not found)",
    url="https://www.revenuquebec.ca/en/citizens/income-tax-return/"
    "completing-your-income-tax-return/completing-your-income-tax-return/line-by-line-help/"
    "201-to-260-net-income/line-201/",
)


def _schedule(source: Source, *pairs: tuple[float, float]) -> Schedule:
    return Schedule(brackets=tuple(Bracket(f, r) for f, r in pairs), source=source)


def _rates(province: str) -> Source:
    return Source(
        title=_RATES_TITLE, section=f"{province} income tax rates for 2026", url=_RATES_URL
    )


def _td1(form: str, amount: str, year: int = 2026) -> Source:
    return Source(
        title=f"Canada Revenue Agency, Form {form} {year} Personal Tax Credits Return",
        section=f"line 1, basic personal amount {amount}",
    )


FEDERAL_2026 = FederalTax(
    schedule=_schedule(
        Source(title=_RATES_TITLE, section="Federal income tax rates for 2026", url=_RATES_URL),
        (0, 0.14),
        (58_523, 0.205),
        (117_045, 0.26),
        (181_440, 0.29),
        (258_482, 0.33),
    ),
    basic_personal_amount=PhaseDown(
        full=Figure(16_452, _INDEXATION),
        least=Figure(14_829, _INDEXATION),
        start=Figure(181_440, _INDEXATION),
        end=Figure(258_482, _INDEXATION),
    ),
    employment_amount=Figure(1_471, _CEA_2025),
    quebec_abatement=Figure(0.165, _ABATEMENT),
    credits_source=_CREDITS,
    older=("Canada employment amount from 2025 tables",),
)

CPP_2026 = PensionPlan(
    name="CPP",
    exemption=Figure(3_500, _CPP),
    ympe=Figure(74_600, _CPP),
    yampe=Figure(85_000, _CPP),
    base_rate=Figure(0.0495, _CPP_SPLIT),
    first_additional_rate=Figure(0.01, _CPP_SPLIT),
    second_additional_rate=Figure(0.04, _CPP),
    split_source=_CPP_SPLIT,
)

QPP_2026 = PensionPlan(
    name="QPP",
    exemption=Figure(3_500, _QPP),
    ympe=Figure(74_600, _QPP),
    yampe=Figure(85_000, _QPP),
    base_rate=Figure(0.053, _QPP),
    first_additional_rate=Figure(0.01, _QPP),
    second_additional_rate=Figure(0.04, _QPP),
    split_source=_QPP_SPLIT,
)

EI_2026 = Premium(rate=Figure(0.0163, _EI), max_insurable=Figure(68_900, _EI))
EI_QUEBEC_2026 = Premium(rate=Figure(0.013, _EI), max_insurable=Figure(68_900, _EI))
QPIP_2026 = Premium(rate=Figure(0.0043, _QPIP), max_insurable=Figure(103_000, _QPIP))

QUEBEC_2026 = QuebecTax(
    name="Quebec income tax",
    tables_year=2026,
    schedule=_schedule(
        Source(
            title=_QC_PARAMETERS,
            section="tax table: 14% to $54,345, 19% to $108,680, 24% to $132,245, 25.75% above",
        ),
        (0, 0.14),
        (54_345, 0.19),
        (108_680, 0.24),
        (132_245, 0.2575),
    ),
    basic_personal_amount=Figure(
        18_952, Source(title=_QC_PARAMETERS, section="basic personal amount $18,952")
    ),
    workers_rate=Figure(0.06, _QC_WORKERS_2024),
    workers_max=Figure(1_380, _QC_WORKERS_2024),
    older=("deduction for workers from 2024 tables",),
)

_ON_TAXATION = Source(
    title="Ontario Taxation Act, 2007, s. 48 (surtax)",
    section="2026: 20% of Ontario tax over $5,818 and 36% of Ontario tax over $7,446 "
    "(thresholds indexed by 1.9%, as the CRA publishes them for 2026)",
)
_ON_REDUCTION_2025 = Source(
    title="Ontario Ministry of Finance, Ontario Tax Reduction",
    section="twice the basic reduction of $294, less Ontario tax (2025 tables: the 2026 "
    "basic reduction was not found)",
    url="https://www.ontario.ca/page/ontario-tax-reduction",
)
_ON_LIFT = Source(
    title="Ontario Ministry of Finance, Low-income Individuals and Families Tax (LIFT) Credit",
    section="the lesser of $875 and 5.05% of employment income, less 5% of adjusted net "
    "income over $32,500 (2022 Ontario Budget; not indexed)",
)
_ON_PREMIUM = Source(
    title="Canada Revenue Agency, Form ON428 Ontario Tax",
    section="Part C, Ontario health premium chart (from $20,000 of taxable income; $900 at "
    "most; not indexed)",
)

ONTARIO_2026 = ProvincialTax(
    name="Ontario income tax",
    tables_year=2026,
    schedule=_schedule(
        _rates("Ontario"),
        (0, 0.0505),
        (53_891, 0.0915),
        (107_785, 0.1116),
        (150_000, 0.1216),
        (220_000, 0.1316),
    ),
    basic_personal_amount=Figure(12_989, _td1("TD1ON", "$12,989")),
    ontario=Ontario(
        surtax=(
            (Figure(5_818, _ON_TAXATION), Figure(0.20, _ON_TAXATION)),
            (Figure(7_446, _ON_TAXATION), Figure(0.36, _ON_TAXATION)),
        ),
        reduction_basic=Figure(294, _ON_REDUCTION_2025),
        lift_max=Figure(875, _ON_LIFT),
        lift_rate=Figure(0.0505, _ON_LIFT),
        lift_threshold=Figure(32_500, _ON_LIFT),
        lift_clawback=Figure(0.05, _ON_LIFT),
        health_premium=(
            Tier(start=20_000, rate=0.06, cap=300),
            Tier(start=36_000, rate=0.06, cap=150),
            Tier(start=48_000, rate=0.25, cap=150),
            Tier(start=72_000, rate=0.25, cap=150),
            Tier(start=200_000, rate=0.25, cap=150),
        ),
        health_premium_source=_ON_PREMIUM,
    ),
    older=("tax reduction from 2025 tables",),
)

_BC_RATES = Source(
    title="Province of British Columbia, Personal income tax rates",
    section="2026 tax year (brackets indexed by BC CPI, 2.2%; Budget 2026's proposed 5.60% "
    "lowest rate is not yet law)",
    url="https://www2.gov.bc.ca/gov/content/taxes/income-taxes/personal/tax-rates",
)
_BC_CREDITS = Source(
    title="Province of British Columbia, B.C. basic personal income tax credits",
    section="2026: B.C. tax reduction credit $575, reduced by 3.56% of net income over $25,570",
    url="https://www2.gov.bc.ca/gov/content/taxes/income-taxes/personal/credits/basic",
)

BRITISH_COLUMBIA_2026 = ProvincialTax(
    name="British Columbia income tax",
    tables_year=2026,
    schedule=_schedule(
        _BC_RATES,
        (0, 0.0506),
        (50_363, 0.077),
        (100_728, 0.105),
        (115_648, 0.1229),
        (140_430, 0.147),
        (190_405, 0.168),
        (265_545, 0.205),
    ),
    basic_personal_amount=Figure(13_216, _td1("TD1BC", "$13,216")),
    reduction=LowIncomeReduction(
        amount=Figure(575, _BC_CREDITS),
        threshold=Figure(25_570, _BC_CREDITS),
        rate=Figure(0.0356, _BC_CREDITS),
    ),
)

_MB_BPA = Source(
    title="Canada Revenue Agency, Form TD1MB 2026 Personal Tax Credits Return",
    section="line 1, basic personal amount $15,780, reduced for net income over $200,000 "
    "and nil from $400,000 (Manitoba Budget 2025)",
)
_YT_CEA_2025 = Source(
    title="Yukon Income Tax Act (Canada employment amount, as the federal one)",
    section=_CEA_2025.section,
)


def _simple(name: str, form: str, bpa: int, *pairs: tuple[float, float]) -> ProvincialTax:
    province = name.removesuffix(" income tax")
    return ProvincialTax(
        name=name,
        tables_year=2026,
        schedule=_schedule(_rates(province), *pairs),
        basic_personal_amount=Figure(bpa, _td1(form, f"${bpa:,}")),
    )


PROVINCES_2026: dict[str, ProvincialTax] = {
    "AB": _simple(
        "Alberta income tax",
        "TD1AB",
        22_769,
        (0, 0.08),
        (61_200, 0.10),
        (154_259, 0.12),
        (185_111, 0.13),
        (246_813, 0.14),
        (370_220, 0.15),
    ),
    "BC": BRITISH_COLUMBIA_2026,
    "MB": ProvincialTax(
        name="Manitoba income tax",
        tables_year=2026,
        schedule=_schedule(_rates("Manitoba"), (0, 0.108), (47_000, 0.1275), (100_000, 0.174)),
        basic_personal_amount=PhaseDown(
            full=Figure(15_780, _MB_BPA),
            least=Figure(0, _MB_BPA),
            start=Figure(200_000, _MB_BPA),
            end=Figure(400_000, _MB_BPA),
        ),
    ),
    "NB": _simple(
        "New Brunswick income tax",
        "TD1NB",
        13_664,
        (0, 0.094),
        (52_333, 0.14),
        (104_666, 0.16),
        (193_861, 0.195),
    ),
    "NL": _simple(
        "Newfoundland and Labrador income tax",
        "TD1NL",
        11_188,
        (0, 0.087),
        (44_678, 0.145),
        (89_354, 0.158),
        (159_528, 0.178),
        (223_340, 0.198),
        (285_319, 0.208),
        (570_638, 0.213),
        (1_141_275, 0.218),
    ),
    "NS": _simple(
        "Nova Scotia income tax",
        "TD1NS",
        11_932,
        (0, 0.0879),
        (30_995, 0.1495),
        (61_991, 0.1667),
        (97_417, 0.175),
        (157_124, 0.21),
    ),
    "NT": _simple(
        "Northwest Territories income tax",
        "TD1NT",
        18_198,
        (0, 0.059),
        (53_003, 0.086),
        (106_009, 0.122),
        (172_346, 0.1405),
    ),
    # Only the first 2026 bracket ($55,801) and the basic personal amount ($19,659) were
    # confirmed, so the whole 2025 table is used and the line says so.
    "NU": ProvincialTax(
        name="Nunavut income tax",
        tables_year=2025,
        schedule=_schedule(
            Source(title=_RATES_TITLE, section="Nunavut income tax rates for 2025", url=_RATES_URL),
            (0, 0.04),
            (54_707, 0.07),
            (109_413, 0.09),
            (177_881, 0.115),
        ),
        basic_personal_amount=Figure(19_274, _td1("TD1NU", "$19,274", 2025)),
    ),
    "ON": ONTARIO_2026,
    "PE": _simple(
        "Prince Edward Island income tax",
        "TD1PE",
        15_000,
        (0, 0.095),
        (33_328, 0.1347),
        (64_656, 0.166),
        (105_000, 0.1762),
        (140_000, 0.19),
    ),
    "SK": _simple(
        "Saskatchewan income tax",
        "TD1SK",
        20_381,
        (0, 0.105),
        (54_532, 0.125),
        (155_805, 0.145),
    ),
    "YT": ProvincialTax(
        name="Yukon income tax",
        tables_year=2026,
        schedule=_schedule(
            _rates("Yukon"),
            (0, 0.064),
            (58_523, 0.09),
            (117_045, 0.109),
            (181_440, 0.128),
            (500_000, 0.15),
        ),
        # Yukon's basic personal amount is the federal one, phase-down included.
        basic_personal_amount=FEDERAL_2026.basic_personal_amount,
        employment_amount=Figure(1_471, _YT_CEA_2025),
        older=("Canada employment amount from 2025 tables",),
    ),
}
