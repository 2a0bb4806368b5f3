"""Tax data for the Northeast census region: CT, ME, MA, NH, NJ, NY (and New York City), PA,
RI, VT.

Each state maps its tax years to its figures; every figure is read from the publication its
Source names. A year missing here is a year whose official figures were not found.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._core import FilingStatus, Schedule, Source
from ._us_rules import (
    Allowance,
    PayrollProgram,
    PerStatus,
    PhaseOut,
    StateIncomeTax,
    StateYear,
    Surtax,
    flat,
    rates,
    same,
)
from ._us_special import (
    massachusetts_retirement_contributions,
    new_york_supplemental,
    stepped_addbacks,
)

SS_WAGE_BASE_2026 = 184_500


def _src(title: str, section: str = "", url: str = "") -> Source:
    return Source(title=title, section=section, url=url)


def _both(schedule: Schedule) -> dict[FilingStatus, Schedule]:
    return {"single": schedule, "married_joint": schedule}


def _pair(single: float, joint: float, source: Source) -> PerStatus:
    return PerStatus(single=single, married_joint=joint, source=source)


# --- Connecticut: fixed by statute; the personal tax credit is left out ------------------------
_CT_BOOK = "https://portal.ct.gov/-/media/drs/forms/2025/income/2025-ct-1040-instructions.pdf"
_CT_RATES = _src(
    "Conn. Gen. Stat. § 12-700(a)(10); 2025 Form CT-1040 Instructions", "Table B", _CT_BOOK
)
_CT_EXEMPTION = _src(
    "Conn. Gen. Stat. § 12-702; 2025 Form CT-1040 Instructions",
    "Table A: exemption $15,000 ($24,000 joint), less $1,000 for each $1,000 of AGI over "
    "$30,000 ($48,000 joint)",
    _CT_BOOK,
)
_CT_ADDBACKS = _src(
    "Conn. Gen. Stat. § 12-700(a)(10); 2025 Form CT-1040 Instructions",
    "Tables C and D: phase-out add-back and benefit recapture",
    _CT_BOOK,
)
CT_2026 = StateIncomeTax(
    name="Connecticut income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules={
        "single": rates(
            _CT_RATES,
            (0, 0.02),
            (10_000, 0.045),
            (50_000, 0.055),
            (100_000, 0.06),
            (200_000, 0.065),
            (250_000, 0.069),
            (500_000, 0.0699),
        ),
        "married_joint": rates(
            _CT_RATES,
            (0, 0.02),
            (20_000, 0.045),
            (100_000, 0.055),
            (200_000, 0.06),
            (400_000, 0.065),
            (500_000, 0.069),
            (1_000_000, 0.0699),
        ),
    },
    exemption=Allowance(
        amount=_pair(15_000, 24_000, _CT_EXEMPTION),
        phase_out=PhaseOut(
            kind="stepped",
            start=_pair(30_000, 48_000, _CT_EXEMPTION),
            step=1_000,
            per_step=same(1_000, _CT_EXEMPTION),
            source=_CT_EXEMPTION,
        ),
    ),
    # (start, step, amount per step, maximum): the 2% rate's phase-out (Table C), then the
    # recapture of the 4.5% bracket, of the middle brackets and of the top (Table D).
    adjustment=stepped_addbacks(
        (
            (
                _pair(56_500, 100_500, _CT_ADDBACKS),
                same(5_000, _CT_ADDBACKS),
                _pair(25, 50, _CT_ADDBACKS),
                _pair(250, 500, _CT_ADDBACKS),
            ),
            (
                _pair(105_000, 210_000, _CT_ADDBACKS),
                _pair(5_000, 10_000, _CT_ADDBACKS),
                _pair(25, 50, _CT_ADDBACKS),
                _pair(250, 500, _CT_ADDBACKS),
            ),
            (
                _pair(200_000, 400_000, _CT_ADDBACKS),
                _pair(5_000, 10_000, _CT_ADDBACKS),
                _pair(90, 180, _CT_ADDBACKS),
                _pair(2_700, 5_400, _CT_ADDBACKS),
            ),
            (
                _pair(500_000, 1_000_000, _CT_ADDBACKS),
                _pair(5_000, 10_000, _CT_ADDBACKS),
                _pair(50, 100, _CT_ADDBACKS),
                _pair(450, 900, _CT_ADDBACKS),
            ),
        )
    ),
    adjustment_source=_CT_ADDBACKS,
)
_CT_LEAVE = _src(
    "Conn. Gen. Stat. § 31-49e; CT Paid Leave Authority, board minutes of September 10, 2026",
    "0.5% of wages up to the Social Security wage base ($184,500 in 2026)",
    "https://www.ctpaidleave.org/remit-contributions",
)
CT_LEAVE_2026 = PayrollProgram(
    name="Connecticut Paid Leave",
    tables_year=2026,
    rate=0.005,
    wage_base=SS_WAGE_BASE_2026,
    source=_CT_LEAVE,
)

# --- Maine: 2025 tables (the 2026 personal exemption was not found) ---------------------------
_ME_BOOK = "https://www.maine.gov/revenue/sites/maine.gov.revenue/files/inline-files/25_1040me_gen_instr_w_cover_pg.pdf"
_ME_RATES = _src(
    "36 M.R.S. § 5111; 2025 Form 1040ME Instructions", "2025 tax rate schedules", _ME_BOOK
)
_ME_STD = _src(
    "36 M.R.S. § 5124-C; 2025 Form 1040ME Instructions",
    "standard deduction $15,000 ($30,000 joint), phased out over $75,000 ($150,000 joint) of "
    "AGI above $100,000 ($200,050 joint)",
    _ME_BOOK,
)
_ME_EXEMPTION = _src(
    "36 M.R.S. § 5126-A; 2025 Form 1040ME Instructions",
    "exemption $5,150 a person, phased out over $125,000 of AGI above $333,450 ($400,100 joint)",
    _ME_BOOK,
)
ME_2025 = StateIncomeTax(
    name="Maine income tax",
    tables_year=2025,
    starts_from="federal_agi",
    schedules={
        "single": rates(_ME_RATES, (0, 0.058), (26_800, 0.0675), (63_450, 0.0715)),
        "married_joint": rates(_ME_RATES, (0, 0.058), (53_600, 0.0675), (126_900, 0.0715)),
    },
    standard_deduction=Allowance(
        amount=_pair(15_000, 30_000, _ME_STD),
        phase_out=PhaseOut(
            kind="linear", start=_pair(100_000, 200_050, _ME_STD), rate=0.2, source=_ME_STD
        ),
    ),
    exemption=Allowance(
        amount=_pair(5_150, 10_300, _ME_EXEMPTION),
        phase_out=PhaseOut(
            kind="linear",
            start=_pair(333_450, 400_100, _ME_EXEMPTION),
            rate=_pair(5_150 / 125_000, 10_300 / 125_000, _ME_EXEMPTION),
            source=_ME_EXEMPTION,
        ),
    ),
)
_ME_PFML = _src(
    "26 M.R.S. § 850-F; Maine DOL, Paid Family and Medical Leave Employer FAQ (2026), question 4",
    "1% of wages for 2025-2027, up to half from the employee, up to the Social Security wage "
    "base ($184,500 in 2026)",
    "https://www.maine.gov/paidleave/docs/2026/employers/faq/employerFAQenglish.pdf",
)
ME_PFML_2026 = PayrollProgram(
    name="Maine Paid Family and Medical Leave (employee share)",
    tables_year=2026,
    rate=0.005,
    wage_base=SS_WAGE_BASE_2026,
    source=_ME_PFML,
)

# --- Massachusetts: 2025 tables (the 2026 surtax threshold was not found) ---------------------
_MA_BOOK = "https://www.mass.gov/doc/2025-form-1-instructions/download"
_MA_SURTAX = _src(
    "M.G.L. c. 62 § 4(d); 2025 Form 1 Instructions",
    "4% surtax on taxable income over $1,083,150",
    _MA_BOOK,
)
MA_2025 = StateIncomeTax(
    name="Massachusetts income tax",
    tables_year=2025,
    starts_from="federal_agi",
    schedules=flat(
        0.05, _src("M.G.L. c. 62 § 4(b); 2025 Form 1 Instructions", "5% on Part B income", _MA_BOOK)
    ),
    exemption=Allowance(
        amount=_pair(
            4_400,
            8_800,
            _src(
                "M.G.L. c. 62 § 3(B)(b)(1)-(2); 2025 Form 1 Instructions",
                "personal exemption $4,400 ($8,800 joint)",
                _MA_BOOK,
            ),
        )
    ),
    subtraction=massachusetts_retirement_contributions(2_000),
    subtraction_source=_src(
        "M.G.L. c. 62 § 3(B)(a)(4); 2025 Form 1 Instructions",
        "line 11: Social Security and Medicare withheld, up to $2,000 a person",
        _MA_BOOK,
    ),
    surtaxes=(
        Surtax(
            name="Massachusetts 4% surtax",
            schedules=_both(rates(_MA_SURTAX, (0, 0.0), (1_083_150, 0.04))),
        ),
    ),
)
_MA_PFML = _src(
    "M.G.L. c. 175M § 6; Mass.gov, Paid Family and Medical Leave contribution rates, 2025 & 2026",
    "0.88% of wages (0.70% medical, 0.18% family); employees pay up to 40% of medical and all of "
    "family, up to the Social Security wage base ($184,500 in 2026)",
    "https://www.mass.gov/info-details/paid-family-and-medical-leave-employer-contribution-rates-and-calculator",
)
MA_PFML_2026 = PayrollProgram(
    name="Massachusetts PFML (employee share)",
    tables_year=2026,
    rate=0.007 * 0.4 + 0.0018,
    wage_base=SS_WAGE_BASE_2026,
    source=_MA_PFML,
)

# --- New Jersey: fixed by statute; UI/WF/SWF, DI and FLI -----------------------------------------
_NJ_BOOK = "https://www.nj.gov/treasury/taxation/pdf/current/1040i.pdf"
_NJ_RATES = _src(
    "N.J.S.A. 54A:2-1; NJ Division of Taxation, 2025 NJ-1040 Instructions",
    "tax rate schedules",
    _NJ_BOOK,
)
NJ_2026 = StateIncomeTax(
    name="New Jersey income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules={
        "single": rates(
            _NJ_RATES,
            (0, 0.014),
            (20_000, 0.0175),
            (35_000, 0.035),
            (40_000, 0.05525),
            (75_000, 0.0637),
            (500_000, 0.0897),
            (1_000_000, 0.1075),
        ),
        "married_joint": rates(
            _NJ_RATES,
            (0, 0.014),
            (20_000, 0.0175),
            (50_000, 0.0245),
            (70_000, 0.035),
            (80_000, 0.05525),
            (150_000, 0.0637),
            (500_000, 0.0897),
            (1_000_000, 0.1075),
        ),
    },
    exemption=Allowance(
        amount=_pair(
            1_000,
            2_000,
            _src(
                "N.J.S.A. 54A:3-1(b); 2025 NJ-1040 Instructions",
                "exemption $1,000 a person",
                _NJ_BOOK,
            ),
        )
    ),
)
_NJ_RATES_PAGE = "https://www.nj.gov/labor/ea/employer-services/rate-info/"
NJ_PAYROLL_2026 = (
    PayrollProgram(
        name="New Jersey UI/WF/SWF",
        tables_year=2026,
        rate=0.003825 + 0.000425,
        wage_base=44_800,
        source=_src(
            "N.J.S.A. 43:21-7(d); NJ DOL, Employer rate information",
            "worker contributions 0.3825% UI and 0.0425% WF/SWF on the first $44,800 (2026)",
            _NJ_RATES_PAGE,
        ),
    ),
    PayrollProgram(
        name="New Jersey DI",
        tables_year=2026,
        rate=0.0019,
        wage_base=171_100,
        source=_src(
            "N.J.S.A. 43:21-7(d); NJ DOL, Employer rate information",
            "worker disability insurance 0.19% on the first $171,100 (2026)",
            _NJ_RATES_PAGE,
        ),
    ),
    PayrollProgram(
        name="New Jersey FLI",
        tables_year=2026,
        rate=0.0023,
        wage_base=171_100,
        source=_src(
            "N.J.S.A. 43:21-7(d); NJ DOL, Employer rate information",
            "worker family leave insurance 0.23% on the first $171,100 (2026)",
            _NJ_RATES_PAGE,
        ),
    ),
)

# --- New York and New York City -----------------------------------------------------------------
_NY_BOOK = "https://www.tax.ny.gov/pdf/current_forms/it/it201i.pdf"
_NY_LAW = "https://legislation.nysenate.gov/pdf/bills/2025/S3009C"
_NY_RATES = _src("N.Y. Tax Law § 601 as amended by S.3009-C (FY2026 budget)", "2026 rates", _NY_LAW)
_NY_STD = _src(
    "N.Y. Tax Law § 614; 2025 Form IT-201-I", "standard deduction $8,000 ($16,050 joint)", _NY_BOOK
)
_NY_SUPPLEMENTAL = _src(
    "N.Y. Tax Law § 601(d-1) as amended by S.3009-C; 2025 Form IT-201-I",
    "tax computation worksheets: recapture over $107,650 of AGI",
    _NY_BOOK,
)
_NY_SCHEDULES: dict[FilingStatus, Schedule] = {
    "single": rates(
        _NY_RATES,
        (0, 0.039),
        (8_500, 0.044),
        (11_700, 0.0515),
        (13_900, 0.054),
        (80_650, 0.059),
        (215_400, 0.0685),
        (1_077_550, 0.0965),
        (5_000_000, 0.103),
        (25_000_000, 0.109),
    ),
    "married_joint": rates(
        _NY_RATES,
        (0, 0.039),
        (17_150, 0.044),
        (23_600, 0.0515),
        (27_900, 0.054),
        (161_550, 0.059),
        (323_200, 0.0685),
        (2_155_350, 0.0965),
        (5_000_000, 0.103),
        (25_000_000, 0.109),
    ),
}
NY_STANDARD_DEDUCTION = Allowance(amount=_pair(8_000, 16_050, _NY_STD))
NY_2026 = StateIncomeTax(
    name="New York income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=_NY_SCHEDULES,
    standard_deduction=NY_STANDARD_DEDUCTION,
    # (taxable income over, recapture base, incremental benefit) by filing status.
    adjustment=new_york_supplemental(
        _NY_SCHEDULES,
        {
            "single": (
                (0, 0, 567),
                (215_400, 567, 2_047),
                (1_077_550, 2_614, 30_172),
                (5_000_000, 32_786, 32_500),
            ),
            "married_joint": (
                (0, 0, 333),
                (161_550, 333, 807),
                (323_200, 1_140, 3_071),
                (2_155_350, 4_211, 60_350),
                (5_000_000, 64_561, 32_500),
            ),
        },
        min_agi=107_650,
        phase_in=50_000,
        flat_above=25_000_000,
    ),
    adjustment_source=_NY_SUPPLEMENTAL,
)
_NYC_RATES = _src(
    "NYC Administrative Code § 11-1701; NYS DTF, 2025 Form IT-201-I",
    "New York City tax rate schedule",
    _NY_BOOK,
)
NYC_2026 = StateIncomeTax(
    name="New York City income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules={
        "single": rates(
            _NYC_RATES, (0, 0.03078), (12_000, 0.03762), (25_000, 0.03819), (50_000, 0.03876)
        ),
        "married_joint": rates(
            _NYC_RATES, (0, 0.03078), (21_600, 0.03762), (45_000, 0.03819), (90_000, 0.03876)
        ),
    },
    standard_deduction=NY_STANDARD_DEDUCTION,
)
_NY_WCL = "N.Y. Workers' Compensation Law § 209"
NY_PAYROLL_2026 = (
    PayrollProgram(
        name="New York SDI",
        tables_year=2026,
        rate=0.005,
        yearly_max=31.20,
        source=_src(
            f"{_NY_WCL}; NY WCB, Employee disability benefits",
            "0.5% of wages, at most $0.60 a week",
            "https://www.wcb.ny.gov/content/main/DisabilityBenefits/employee-disability-benefits.jsp",
        ),
    ),
    PayrollProgram(
        name="New York Paid Family Leave",
        tables_year=2026,
        rate=0.00432,
        yearly_max=411.91,
        source=_src(
            f"{_NY_WCL}; NY WCB, 2026 Paid Family Leave payroll deduction notice",
            "0.432% of wages, at most $411.91",
            "https://www.wcb.ny.gov/content/main/forms/PFLDocs/pfl-pay-deduction-notice-2026.pdf",
        ),
    ),
)

# --- Pennsylvania: one rate on all compensation; local earned income taxes left out -----------
PA_2026 = StateIncomeTax(
    name="Pennsylvania income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=flat(
        0.0307,
        _src(
            "72 P.S. § 7302 (Tax Reform Code of 1971, § 302); 2025 PA-40 Instructions",
            "3.07%",
            "https://www.pa.gov/content/dam/copapwp-pagov/en/revenue/documents/formsandpublications/formsforindividuals/pit/documents/2025/2025_pa-40in.pdf",
        ),
    ),
)
PA_UC_2026 = PayrollProgram(
    name="Pennsylvania unemployment compensation (employee)",
    tables_year=2026,
    rate=0.0007,
    source=_src(
        "43 P.S. § 781.4; Pennsylvania DLI, Employee Withholding",
        "0.07% of all wages",
        "https://www.pa.gov/agencies/dli/resources/for-employers-and-educators/how-to-file/uc-tax/employee-withholding",
    ),
)

# --- Rhode Island -------------------------------------------------------------------------------
_RI_ADV = (
    "https://tax.ri.gov/sites/g/files/xkgbur541/files/2025-11/ADV_2025_22_Inflation_Adjustments.pdf"
)
_RI_AMOUNTS = _src(
    "R.I. Gen. Laws § 44-30-2.6; RI Division of Taxation, ADV 2025-22",
    "Inflation-adjusted amounts set for Tax Year 2026",
    _RI_ADV,
)
_RI_PHASE = _src(
    "R.I. Gen. Laws § 44-30-2.6(c)(3); RI Division of Taxation, ADV 2025-22",
    "standard deduction and exemptions reduced by 20% for each $7,450 of AGI (or part) over "
    "$261,000",
    _RI_ADV,
)
RI_2026 = StateIncomeTax(
    name="Rhode Island income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=_both(rates(_RI_AMOUNTS, (0, 0.0375), (82_050, 0.0475), (186_450, 0.0599))),
    standard_deduction=Allowance(
        amount=_pair(11_200, 22_400, _RI_AMOUNTS),
        phase_out=PhaseOut(
            kind="stepped",
            start=same(261_000, _RI_PHASE),
            step=7_450,
            per_step=_pair(2_240, 4_480, _RI_PHASE),
            source=_RI_PHASE,
        ),
    ),
    exemption=Allowance(
        amount=_pair(5_250, 10_500, _RI_AMOUNTS),
        phase_out=PhaseOut(
            kind="stepped",
            start=same(261_000, _RI_PHASE),
            step=7_450,
            per_step=_pair(1_050, 2_100, _RI_PHASE),
            source=_RI_PHASE,
        ),
    ),
)
RI_TDI_2026 = PayrollProgram(
    name="Rhode Island TDI",
    tables_year=2026,
    rate=0.011,
    wage_base=100_000,
    source=_src(
        "R.I. Gen. Laws § 28-40-1; RI DLT, 2026 tax rates for UI and TDI",
        "TDI 1.1% on the first $100,000 (2026)",
        "https://dlt.ri.gov/press-releases/2026-tax-rates-unemployment-insurance-and-temporary-disability-insurance",
    ),
)

# --- Vermont: 2025 tables (the 2026 figures were not found) -----------------------------------
_VT_BOOK = "https://tax.vermont.gov/sites/tax/files/documents/IN-111-Instr-2025.pdf"
_VT_RATES = _src(
    "32 V.S.A. § 5822; Vermont DOT, 2025 Form IN-111 Instructions", "2025 rate schedules", _VT_BOOK
)
VT_2025 = StateIncomeTax(
    name="Vermont income tax",
    tables_year=2025,
    starts_from="federal_agi",
    schedules={
        "single": rates(
            _VT_RATES, (0, 0.0335), (49_400, 0.066), (119_700, 0.076), (249_700, 0.0875)
        ),
        "married_joint": rates(
            _VT_RATES, (0, 0.0335), (82_500, 0.066), (199_450, 0.076), (304_000, 0.0875)
        ),
    },
    standard_deduction=Allowance(
        amount=_pair(
            7_650,
            15_300,
            _src(
                "32 V.S.A. § 5811(21)(C); 2025 Form IN-111 Instructions",
                "standard deduction $7,650 ($15,300 joint)",
                _VT_BOOK,
            ),
        )
    ),
    exemption=Allowance(
        amount=_pair(
            5_300,
            10_600,
            _src(
                "32 V.S.A. § 5811(21)(C); 2025 Form IN-111 Instructions",
                "personal exemption $5,300 a person",
                _VT_BOOK,
            ),
        )
    ),
)
VT_CHILD_CARE_2026 = PayrollProgram(
    name="Vermont Child Care Contribution (employee share)",
    tables_year=2026,
    rate=0.0011,
    source=_src(
        "32 V.S.A. § 10553; Vermont DOT, GB-1326 Child Care Contribution",
        "0.44% of wages, of which employers may withhold up to a quarter (0.11%)",
        "https://tax.vermont.gov/sites/tax/files/documents/GB-1326.pdf",
    ),
)

STATES: Mapping[str, Mapping[int, StateYear]] = {
    "CT": {2026: StateYear(income_tax=CT_2026, payroll=(CT_LEAVE_2026,))},
    "MA": {2026: StateYear(income_tax=MA_2025, payroll=(MA_PFML_2026,))},
    "ME": {2026: StateYear(income_tax=ME_2025, payroll=(ME_PFML_2026,))},
    # New Hampshire's tax on interest and dividends ended in 2025; wages were never taxed.
    "NH": {2026: StateYear(income_tax=None)},
    "NJ": {2026: StateYear(income_tax=NJ_2026, payroll=NJ_PAYROLL_2026)},
    "NY": {2026: StateYear(income_tax=NY_2026, payroll=NY_PAYROLL_2026, locals={"NYC": NYC_2026})},
    "PA": {2026: StateYear(income_tax=PA_2026, payroll=(PA_UC_2026,))},
    "RI": {2026: StateYear(income_tax=RI_2026, payroll=(RI_TDI_2026,))},
    "VT": {2026: StateYear(income_tax=VT_2025, payroll=(VT_CHILD_CARE_2026,))},
}
