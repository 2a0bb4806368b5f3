"""Tax data for the West census region: AK, AZ, CA, CO, HI, ID, MT, NV, NM, OR, UT, WA, WY.

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
)
from ._us_special import colorado_addback, oregon_federal_tax, utah_taxpayer_credit

NONE = StateYear(income_tax=None)  # no tax on wages, no employee payroll program

# --- California: 2025 tables (the FTB's 2026 figures were not found) -----------------------
_CA_SCHEDULES = Source(
    title="California FTB, 2025 California Tax Rate Schedules",
    url="https://www.ftb.ca.gov/forms/2025/2025-540-tax-rate-schedules.pdf",
)
_CA_540 = Source(
    title="California FTB, 2025 Form 540 California Resident Income Tax Return",
    section="line 18 standard deduction, line 32 exemption credits",
    url="https://www.ftb.ca.gov/forms/2025/2025-540.pdf",
)
_CA_BOOKLET = Source(
    title="California FTB, 2025 Form 540 instructions",
    section="line 32 exemption credits, AGI limitation worksheet",
    url="https://www.ftb.ca.gov/forms/2025/2025-540-booklet.html",
)
_CA_BHST = Source(
    title="Cal. Rev. & Tax. Code § 17043 (Behavioral Health Services Tax)",
    section="(a): 1% of taxable income over $1,000,000",
    url="https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=RTC&sectionNum=17043.",
)
_CA_DE201 = Source(
    title="California EDD, 2026 California Payroll Taxes (DE 201)",
    section="State Disability Insurance: 1.3% of all wages, no taxable wage limit",
    url="https://edd.ca.gov/siteassets/files/pdf_pub_ctr/de201.pdf",
)

CA_2025 = StateIncomeTax(
    name="California income tax",
    tables_year=2025,
    starts_from="federal_agi",
    schedules={
        "single": rates(
            Source(title=_CA_SCHEDULES.title, section="Schedule X", url=_CA_SCHEDULES.url),
            (0, 0.01),
            (11_079, 0.02),
            (26_264, 0.04),
            (41_452, 0.06),
            (57_542, 0.08),
            (72_724, 0.093),
            (371_479, 0.103),
            (445_771, 0.113),
            (742_953, 0.123),
        ),
        "married_joint": rates(
            Source(title=_CA_SCHEDULES.title, section="Schedule Y", url=_CA_SCHEDULES.url),
            (0, 0.01),
            (22_158, 0.02),
            (52_528, 0.04),
            (82_904, 0.06),
            (115_084, 0.08),
            (145_448, 0.093),
            (742_958, 0.103),
            (891_542, 0.113),
            (1_485_906, 0.123),
        ),
    },
    standard_deduction=Allowance(
        amount=PerStatus(single=5_706, married_joint=11_412, source=_CA_540)
    ),
    # The personal exemption credit, $153 a person, is reduced by $6 a person for each $2,500
    # (or part of it) of federal AGI over the threshold.
    exemption_credit=Allowance(
        amount=PerStatus(single=153, married_joint=306, source=_CA_540),
        phase_out=PhaseOut(
            kind="stepped",
            start=PerStatus(single=252_203, married_joint=504_411, source=_CA_BOOKLET),
            step=2_500,
            per_step=PerStatus(single=6, married_joint=12, source=_CA_BOOKLET),
            source=_CA_BOOKLET,
        ),
    ),
    surtaxes=(
        Surtax(
            name="California Behavioral Health Services Tax",
            schedules={
                "single": rates(_CA_BHST, (0, 0.0), (1_000_000, 0.01)),
                "married_joint": rates(_CA_BHST, (0, 0.0), (1_000_000, 0.01)),
            },
        ),
    ),
)

CA_SDI_2026 = PayrollProgram(name="California SDI", tables_year=2026, rate=0.013, source=_CA_DE201)

# The Social Security wage base for 2026, the cap of several paid-leave programs.
SS_WAGE_BASE_2026 = 184_500


def _src(title: str, section: str = "", url: str = "") -> Source:
    return Source(title=title, section=section, url=url)


def _both(schedule: Schedule) -> dict[FilingStatus, Schedule]:
    return {"single": schedule, "married_joint": schedule}


# --- Alaska: no income tax; the employee's unemployment insurance contribution -------------
_AK_UI = _src(
    "Alaska DOLWD, 2025 Unemployment Insurance Tax Rates for Experienced Employers",
    "2025 taxable wage base $51,700; employee rate 0.50%",
    "https://labor.alaska.gov/estax/2025-experience-rates.html",
)
AK_UI_2025 = PayrollProgram(
    name="Alaska unemployment insurance (employee)",
    tables_year=2025,
    rate=0.005,
    wage_base=51_700,
    source=_AK_UI,
)

# --- Arizona ------------------------------------------------------------------------------
_AZ_RATE = _src(
    "A.R.S. § 43-1011", "(A)(6): 2.5% of taxable income", "https://www.azleg.gov/ars/43/01011.htm"
)
_AZ_STD = _src(
    "A.R.S. § 43-1041 as amended by Laws 2026, ch. 140 (HB 4168); Rev. Proc. 2025-32 § 4.14(1)",
    "standard deduction equal to the 2026 federal one",
    "https://www.azleg.gov/legtext/57leg/2R/laws/0140.htm",
)
AZ_2026 = StateIncomeTax(
    name="Arizona income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=flat(0.025, _AZ_RATE),
    standard_deduction=Allowance(
        amount=PerStatus(single=16_100, married_joint=32_200, source=_AZ_STD)
    ),
)

# --- Colorado: federal taxable income, 4.4%, the add-back over $300,000 of AGI ---------------
_CO_RATE = _src(
    "C.R.S. 39-22-104(1.7); Colorado DOR, 2025 Individual Income Tax Filing Guide (104 Book)",
    "line 12: 4.4% of Colorado taxable income",
    "https://tax.colorado.gov/sites/tax/files/documents/Book104_2025.pdf#page=11",
)
_CO_ADDBACK = _src(
    "C.R.S. 39-22-104(3)(p.7)(I) (Colorado Revised Statutes 2025)",
    "AGI of $300,000 or more: federal deductions over $1,000 ($2,000 joint) added back from 2026",
    "https://olls.info/crs/crs2025-title-39.pdf",
)
CO_2026 = StateIncomeTax(
    name="Colorado income tax",
    tables_year=2026,
    starts_from="federal_taxable_income",
    schedules=flat(0.044, _CO_RATE),
    subtraction=colorado_addback(
        300_000, PerStatus(single=1_000, married_joint=2_000, source=_CO_ADDBACK)
    ),
    subtraction_source=_CO_ADDBACK,
)
_CO_FAMLI = _src(
    "C.R.S. 8-13.3-507; Colorado SB 25-144",
    "FAMLI premium 0.88% of wages for 2026, up to half from the employee, up to the Social "
    "Security wage base ($184,500)",
    "https://leg.colorado.gov/sites/default/files/documents/2025A/bills/2025a_144_eng.pdf",
)
CO_FAMLI_2026 = PayrollProgram(
    name="Colorado FAMLI (employee share)",
    tables_year=2026,
    rate=0.0044,
    wage_base=SS_WAGE_BASE_2026,
    source=_CO_FAMLI,
)

# --- Hawaii: 2026 figures under Act 46, SLH 2024 -----------------------------------------------
_HI_RATES = _src(
    "HRS § 235-51 (Act 46, SLH 2024); Hawaii DOTAX, 2025 Form N-11 Instructions",
    "Tax Rate Schedules I and II for taxable years 2025 and 2026",
    "https://files.hawaii.gov/tax/forms/current/n11ins.pdf#page=48",
)
_HI_STD = _src(
    "HRS § 235-2.4(a) as amended by H.B. 2404 C.D. 1 (Act 46, SLH 2024)",
    "standard deduction $8,000 ($16,000 joint) for 2026 and 2027",
    "https://data.capitol.hawaii.gov/sessions/session2024/bills/HB2404_CD1_.HTM",
)
_HI_EXEMPTION = _src(
    "HRS § 235-54; Hawaii DOTAX, 2025 Form N-11 Instructions",
    "personal exemption $1,144 a person",
    "https://files.hawaii.gov/tax/forms/current/n11ins.pdf#page=20",
)
_HI_SINGLE = (
    (0, 0.014),
    (9_600, 0.032),
    (14_400, 0.055),
    (19_200, 0.064),
    (24_000, 0.068),
    (36_000, 0.072),
    (48_000, 0.076),
    (125_000, 0.079),
    (175_000, 0.0825),
    (225_000, 0.09),
    (275_000, 0.10),
    (325_000, 0.11),
)
HI_2026 = StateIncomeTax(
    name="Hawaii income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules={
        "single": rates(_HI_RATES, *_HI_SINGLE),
        "married_joint": rates(_HI_RATES, *((2 * floor, rate) for floor, rate in _HI_SINGLE)),
    },
    standard_deduction=Allowance(
        amount=PerStatus(single=8_000, married_joint=16_000, source=_HI_STD)
    ),
    exemption=Allowance(amount=PerStatus(single=1_144, married_joint=2_288, source=_HI_EXEMPTION)),
)
_HI_TDI = _src(
    "HRS § 392-43; Hawaii DLIR Disability Compensation Division, TDI 2025 wage base",
    "employee pays up to 0.5% of weekly wages, at most $7.21 a week in 2025 "
    "($1,441.72 weekly base)",
    "https://labor.hawaii.gov/dcd/home/about-tdi/",
)
HI_TDI_2025 = PayrollProgram(
    name="Hawaii TDI (employee share)",
    tables_year=2025,
    rate=0.005,
    yearly_max=round(7.21 * 52, 2),
    source=_HI_TDI,
)

# --- Idaho: 2025 tables (2026 figures not found); federal taxable income --------------------
_ID_RATES = _src(
    "Idaho Code § 63-3024(2)(a); Idaho State Tax Commission, Individual Income Tax Rate Schedule",
    "2025: 0% up to $4,811 ($9,622 joint), 5.3% above",
    "https://tax.idaho.gov/taxes/income-tax/individual-income/individual-income-tax-rate-schedule/",
)
ID_2025 = StateIncomeTax(
    name="Idaho income tax",
    tables_year=2025,
    starts_from="federal_taxable_income",
    schedules={
        "single": rates(_ID_RATES, (0, 0.0), (4_811, 0.053)),
        "married_joint": rates(_ID_RATES, (0, 0.0), (9_622, 0.053)),
    },
)

# --- Montana: federal taxable income, two rates ------------------------------------------------
_MT_RATES = _src(
    "Mont. Code Ann. § 15-30-2103 as amended by HB 337 (2025)",
    "2026: 4.7% up to $47,500 ($95,000 joint), 5.65% above",
    "https://leg.mt.gov/bills/mca/title_0150/chapter_0300/part_0210/section_0030/0150-0300-0210-0030.html",
)
MT_2026 = StateIncomeTax(
    name="Montana income tax",
    tables_year=2026,
    starts_from="federal_taxable_income",
    schedules={
        "single": rates(_MT_RATES, (0, 0.047), (47_500, 0.0565)),
        "married_joint": rates(_MT_RATES, (0, 0.047), (95_000, 0.0565)),
    },
)

# --- New Mexico: federal taxable income (the federal standard deduction) ---------------------
_NM_RATES = _src(
    "NMSA 1978, § 7-2-7 (effective January 1, 2025); NM TRD, 2025 PIT-1 Form Packet",
    "tax rate tables",
    "https://law.justia.com/codes/new-mexico/chapter-7/article-2/section-7-2-7-d-1/",
)
NM_2026 = StateIncomeTax(
    name="New Mexico income tax",
    tables_year=2026,
    starts_from="federal_taxable_income",
    schedules={
        "single": rates(
            _NM_RATES,
            (0, 0.015),
            (5_500, 0.032),
            (16_500, 0.043),
            (33_500, 0.047),
            (66_500, 0.049),
            (210_000, 0.059),
        ),
        "married_joint": rates(
            _NM_RATES,
            (0, 0.015),
            (8_000, 0.032),
            (25_000, 0.043),
            (50_000, 0.047),
            (100_000, 0.049),
            (315_000, 0.059),
        ),
    },
)

# --- Oregon: 2025 tables (the 2026 standard deduction and exemption credit were not found) ---
_OR_BOOK = "Oregon DOR, 2025 Form OR-40 Instructions"
_OR_BOOK_URL = "https://www.oregon.gov/dor/forms/FormsPubs/form-or-40-inst_101-040-1_2025.pdf"
_OR_RATES = _src(_OR_BOOK, "2025 tax rate charts S and J", _OR_BOOK_URL)
_OR_STD = _src(_OR_BOOK, "standard deduction $2,835 ($5,670 joint)", _OR_BOOK_URL)
_OR_CREDIT = _src(
    f"ORS 316.085; {_OR_BOOK}",
    "exemption credit $256 a person, none when federal AGI is over $100,000 ($200,000 joint)",
    _OR_BOOK_URL,
)
_OR_FEDERAL = _src(
    f"ORS 316.800; {_OR_BOOK}",
    "federal tax subtraction, at most $8,500, phased out from $125,000 ($250,000 joint) of AGI",
    _OR_BOOK_URL,
)
# (federal AGI from, cap): the single column; the joint column doubles every figure but the cap.
_OR_SINGLE_CAPS = (
    (0, 8_500),
    (125_000, 6_800),
    (130_000, 5_100),
    (135_000, 3_400),
    (140_000, 1_700),
    (145_000, 0),
)
_OR_FEDERAL_CAPS: dict[FilingStatus, tuple[tuple[float, float], ...]] = {
    "single": _OR_SINGLE_CAPS,
    "married_joint": tuple((2 * start, cap) for start, cap in _OR_SINGLE_CAPS),
}
OR_2025 = StateIncomeTax(
    name="Oregon income tax",
    tables_year=2025,
    starts_from="federal_agi",
    schedules={
        "single": rates(
            _OR_RATES, (0, 0.0475), (4_400, 0.0675), (11_100, 0.0875), (125_000, 0.099)
        ),
        "married_joint": rates(
            _OR_RATES, (0, 0.0475), (8_800, 0.0675), (22_200, 0.0875), (250_000, 0.099)
        ),
    },
    standard_deduction=Allowance(
        amount=PerStatus(single=2_835, married_joint=5_670, source=_OR_STD)
    ),
    exemption_credit=Allowance(
        amount=PerStatus(single=256, married_joint=512, source=_OR_CREDIT),
        phase_out=PhaseOut(
            kind="cliff",
            start=PerStatus(single=100_000, married_joint=200_000, source=_OR_CREDIT),
            source=_OR_CREDIT,
        ),
    ),
    subtraction=oregon_federal_tax(_OR_FEDERAL_CAPS),
    subtraction_source=_OR_FEDERAL,
)
_OR_PAID_LEAVE = _src(
    "ORS 657B.150; Paid Leave Oregon, contributions",
    "1% of wages, employees pay 60%, up to the Social Security wage base ($184,500 in 2026)",
    "https://paidleave.oregon.gov/employers/contributions-calculator.html",
)
_OR_TRANSIT = _src(
    "ORS 320.550; Oregon DOR, Statewide Transit Tax",
    "0.1% of all wages",
    "https://www.oregon.gov/dor/programs/businesses/pages/statewide-transit-tax.aspx",
)
OR_PAYROLL_2026 = (
    PayrollProgram(
        name="Oregon Paid Leave (employee share)",
        tables_year=2026,
        rate=0.006,
        wage_base=SS_WAGE_BASE_2026,
        source=_OR_PAID_LEAVE,
    ),
    PayrollProgram(
        name="Oregon statewide transit tax", tables_year=2026, rate=0.001, source=_OR_TRANSIT
    ),
)

# --- Utah: 2025 tables (the 2026 credit phase-out base was not found) -------------------------
_UT_RATE = _src(
    "Utah Code § 59-10-104(2)(b); Utah State Tax Commission, 2025 TC-40 Instructions",
    "4.5% of Utah taxable income",
    "https://files.tax.utah.gov/tax/forms/2025/tc-40inst.pdf#page=10",
)
_UT_CREDIT = _src(
    "Utah Code § 59-10-1018; Utah State Tax Commission, 2025 TC-40 Instructions",
    "taxpayer tax credit: 6% of the federal standard deduction, less 1.3% of income over "
    "$18,213 ($36,426 joint)",
    "https://files.tax.utah.gov/tax/forms/2025/tc-40inst.pdf#page=10",
)
UT_2025 = StateIncomeTax(
    name="Utah income tax",
    tables_year=2025,
    starts_from="federal_agi",
    schedules=flat(0.045, _UT_RATE),
    adjustment=utah_taxpayer_credit(
        0.06, PerStatus(single=18_213, married_joint=36_426, source=_UT_CREDIT), 0.013
    ),
    adjustment_source=_UT_CREDIT,
)

# --- Washington: no income tax on wages; Paid Family and Medical Leave and WA Cares ---------
_WA_PFML = _src(
    "Washington Paid Leave, 2026 Paid Family & Medical Leave Premiums",
    "premium 1.13% of wages, employees pay 71.43%, up to the $184,500 Social Security cap",
    "https://paidleave.wa.gov/updates/",
)
_WA_CARES = _src(
    "RCW 50B.04.080; WA Cares Fund, Employer information",
    "premium 0.58% of all wages",
    "https://wacaresfund.wa.gov/employers",
)
WA_PAYROLL_2026 = (
    PayrollProgram(
        name="Washington Paid Family and Medical Leave",
        tables_year=2026,
        rate=0.0113 * 0.7143,
        wage_base=SS_WAGE_BASE_2026,
        source=_WA_PFML,
    ),
    PayrollProgram(name="WA Cares", tables_year=2026, rate=0.0058, source=_WA_CARES),
)

STATES: Mapping[str, Mapping[int, StateYear]] = {
    "AK": {2025: StateYear(income_tax=None, payroll=(AK_UI_2025,))},
    "AZ": {2026: StateYear(income_tax=AZ_2026)},
    "CA": {2026: StateYear(income_tax=CA_2025, payroll=(CA_SDI_2026,))},
    "CO": {2026: StateYear(income_tax=CO_2026, payroll=(CO_FAMLI_2026,))},
    "HI": {2026: StateYear(income_tax=HI_2026, payroll=(HI_TDI_2025,))},
    "ID": {2025: StateYear(income_tax=ID_2025)},
    "MT": {2026: StateYear(income_tax=MT_2026)},
    "NM": {2026: StateYear(income_tax=NM_2026)},
    "NV": {2026: NONE},
    "OR": {2026: StateYear(income_tax=OR_2025, payroll=OR_PAYROLL_2026)},
    "UT": {2025: StateYear(income_tax=UT_2025)},
    "WA": {2026: StateYear(income_tax=None, payroll=WA_PAYROLL_2026)},
    "WY": {2026: NONE},
}
