"""Tax data for the South census region: AL, AR, DE, DC, FL, GA, KY, LA, MD, MS, NC, OK, SC,
TN, TX, VA, WV.

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
    flat,
    rates,
    same,
)
from ._us_special import arkansas_high_income, banded_exemption, federal_tax

NONE = StateYear(income_tax=None)


def _src(title: str, section: str = "", url: str = "") -> Source:
    return Source(title=title, section=section, url=url)


def _both(schedule: Schedule) -> dict[FilingStatus, Schedule]:
    return {"single": schedule, "married_joint": schedule}


# --- Alabama: fixed by statute; federal income tax is deductible -----------------------------
_AL_BOOK = "https://www.revenue.alabama.gov/wp-content/uploads/2026/01/25f40bk.pdf"
_AL_RATES = _src(
    "Code of Ala. § 40-18-5; Alabama DOR, 2025 Form 40 Instructions", "tax table", _AL_BOOK
)
_AL_STD = _src(
    "Code of Ala. § 40-18-15(b); Alabama DOR, 2025 Form 40 Instructions",
    "standard deduction chart: $3,000 ($8,500 joint), reduced by $25 ($175 joint) for each $500 "
    "of AGI over $25,500, to $2,500 ($5,000 joint)",
    _AL_BOOK,
)
_AL_EXEMPTION = _src(
    "Code of Ala. § 40-18-19(a)(8)", "personal exemption $1,500 ($3,000 joint)", _AL_BOOK
)
_AL_FEDERAL = _src("Code of Ala. § 40-18-15(a)(2)", "federal income tax deduction", _AL_BOOK)
AL_2026 = StateIncomeTax(
    name="Alabama income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules={
        "single": rates(_AL_RATES, (0, 0.02), (500, 0.04), (3_000, 0.05)),
        "married_joint": rates(_AL_RATES, (0, 0.02), (1_000, 0.04), (6_000, 0.05)),
    },
    standard_deduction=Allowance(
        amount=PerStatus(single=3_000, married_joint=8_500, source=_AL_STD),
        phase_out=PhaseOut(
            kind="stepped",
            start=same(25_500, _AL_STD),
            step=500,
            per_step=PerStatus(single=25, married_joint=175, source=_AL_STD),
            minimum=PerStatus(single=2_500, married_joint=5_000, source=_AL_STD),
            source=_AL_STD,
        ),
    ),
    exemption=Allowance(amount=PerStatus(single=1_500, married_joint=3_000, source=_AL_EXEMPTION)),
    subtraction=federal_tax,
    subtraction_source=_AL_FEDERAL,
)

# --- Arkansas: 2025 tables (the 2026 standard deduction was not found) ----------------------
_AR_BOOK = (
    "https://www.dfa.arkansas.gov/wp-content/uploads/2025_AR1000F_and_AR1000NR_Instructions.pdf"
)
_AR_RATES = _src(
    "A.C.A. § 26-51-201; Arkansas DFA, 2025 Indexed Tax Brackets",
    "net income up to $94,700: 0%, 2%, 3%, 3.4%, 3.9%; above, 3.9% less a bracket reduction",
    "https://www.dfa.arkansas.gov/wp-content/uploads/2025_TaxBrackets.pdf",
)
_AR_STD = _src(
    "A.C.A. § 26-51-430; Arkansas DFA, 2025 AR1000F Instructions",
    "standard deduction $2,470 ($4,940 joint)",
    _AR_BOOK,
)
_AR_CREDIT = _src(
    "A.C.A. § 26-51-501; Arkansas DFA, 2025 AR1000F Instructions",
    "personal tax credit $29 a person",
    _AR_BOOK,
)
_AR_SCHEDULE = rates(
    _AR_RATES, (0, 0.0), (5_600, 0.02), (11_200, 0.03), (16_000, 0.034), (26_400, 0.039)
)
# Over $94,700: 3.9% of net income less $399.30, $10 less for each further $100, to $89.30.
_AR_REDUCTIONS = tuple((94_701 + 100 * i, 399.30 - 10 * i) for i in range(32))
AR_2025 = StateIncomeTax(
    name="Arkansas income tax",
    tables_year=2025,
    starts_from="federal_agi",
    schedules=_both(_AR_SCHEDULE),
    standard_deduction=Allowance(
        amount=PerStatus(single=2_470, married_joint=4_940, source=_AR_STD)
    ),
    exemption_credit=Allowance(amount=PerStatus(single=29, married_joint=58, source=_AR_CREDIT)),
    adjustment=arkansas_high_income(94_700, 0.039, _AR_REDUCTIONS),
    adjustment_source=_AR_RATES,
)

# --- Delaware: fixed by statute; paid leave contributions from 2025 -------------------------
_DE_BOOK = "https://revenuefiles.delaware.gov/2025/PITForms_Instructions/Instructions/PIT-RES_Instructions_2025-01.pdf"
_DE_RATES = _src(
    "30 Del. C. § 1102(a)(14); Delaware Division of Revenue, Tax Rate Changes",
    "",
    "https://revenue.delaware.gov/software-developer/tax-rate-changes/",
)
_DE_STD = _src(
    "30 Del. C. § 1108; 2025 Delaware PIT-RES Instructions",
    "standard deduction $3,250 ($6,500 joint)",
    _DE_BOOK,
)
_DE_CREDIT = _src(
    "30 Del. C. § 1110(b)(1); 2025 Delaware PIT-RES Instructions",
    "personal credit $110 a person",
    _DE_BOOK,
)
DE_2026 = StateIncomeTax(
    name="Delaware income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=_both(
        rates(
            _DE_RATES,
            (0, 0.0),
            (2_000, 0.022),
            (5_000, 0.039),
            (10_000, 0.048),
            (20_000, 0.052),
            (25_000, 0.0555),
            (60_000, 0.066),
        )
    ),
    standard_deduction=Allowance(
        amount=PerStatus(single=3_250, married_joint=6_500, source=_DE_STD)
    ),
    exemption_credit=Allowance(amount=PerStatus(single=110, married_joint=220, source=_DE_CREDIT)),
)
_DE_LEAVE = _src(
    "19 Del. C. § 3705(b); 19 Del. Admin. Code § 1401-6.1.2",
    "0.8% of wages for 2025 and 2026 (0.4% medical, 0.32% parental, 0.08% family caregiving), "
    "up to half from the employee; contributions stop at the FICA wage limit ($184,500 in 2026)",
    "https://www.law.cornell.edu/regulations/delaware/19-Del-Admin-Code-SS-1401-6.0",
)
DE_LEAVE_2026 = PayrollProgram(
    name="Delaware Paid Leave (employee share)",
    tables_year=2026,
    rate=0.004,
    wage_base=184_500,
    source=_DE_LEAVE,
)

# --- District of Columbia: 2025 tables (the 2026 standard deduction was not found) ----------
_DC_BOOK = "https://otr.cfo.dc.gov/sites/default/files/dc/sites/otr/publication/attachments/2025_D40_Book_082026_v1.pdf"
_DC_RATES = _src("DC OTR, 2025 Form D-40 Booklet", "tax rate schedule", _DC_BOOK)
_DC_STD = _src(
    "D.C. Code § 47-1801.04(3A); DC OTR, 2025 Form D-40 Booklet",
    "standard deduction $15,000 ($30,000 joint)",
    _DC_BOOK,
)
DC_2025 = StateIncomeTax(
    name="District of Columbia income tax",
    tables_year=2025,
    starts_from="federal_agi",
    schedules=_both(
        rates(
            _DC_RATES,
            (0, 0.04),
            (10_000, 0.06),
            (40_000, 0.065),
            (60_000, 0.085),
            (250_000, 0.0925),
            (500_000, 0.0975),
            (1_000_000, 0.1075),
        )
    ),
    standard_deduction=Allowance(
        amount=PerStatus(single=15_000, married_joint=30_000, source=_DC_STD)
    ),
)

# --- Georgia ------------------------------------------------------------------------------------
_GA_LAW = "https://www.legis.ga.gov/api/legislation/document/20252026/249080"
GA_2026 = StateIncomeTax(
    name="Georgia income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=flat(
        0.0499,
        _src(
            "O.C.G.A. § 48-7-20(a.1) as amended by HB 463 (2025-2026), § 2-1",
            "4.99% for 2026",
            _GA_LAW,
        ),
    ),
    standard_deduction=Allowance(
        amount=PerStatus(
            single=15_000,
            married_joint=30_000,
            source=_src(
                "O.C.G.A. § 48-7-27(a)(1)(B) as amended by HB 463 (2025-2026), § 2-3",
                "standard deduction $15,000 ($30,000 joint)",
                _GA_LAW,
            ),
        )
    ),
)

# --- Kentucky -----------------------------------------------------------------------------------
KY_2026 = StateIncomeTax(
    name="Kentucky income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=flat(
        0.035,
        _src(
            "KRS 141.020 as amended by 2025 HB 1",
            "3.5% from 2026",
            "https://apps.legislature.ky.gov/recorddocuments/bill/25RS/hb1/bill.pdf",
        ),
    ),
    standard_deduction=Allowance(
        amount=same(
            3_360,
            _src(
                "KRS 141.081; Kentucky DOR, Kentucky DOR Announces 2026 Standard Deduction",
                "$3,360",
                "https://revenue.ky.gov/News/Pages/Kentucky-DOR-Announces-2026-Standard-Deduction.aspx",
            ),
        )
    ),
)

# --- Louisiana ----------------------------------------------------------------------------------
LA_2026 = StateIncomeTax(
    name="Louisiana income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=flat(
        0.03,
        _src(
            "La. R.S. 47:32 (Act 11 of the 2024 Third Extraordinary Session); 2025 IT-540 "
            "Instructions",
            "3% flat rate",
            "https://dam.ldr.la.gov/taxforms/IT540i%20WEB(2025)D11.pdf",
        ),
    ),
    standard_deduction=Allowance(
        amount=PerStatus(
            single=12_838,
            married_joint=25_676,
            source=_src(
                "Louisiana Department of Revenue, Revenue Information Bulletin 26-019",
                "Inflation Adjustment to Standard Deduction for 2026",
                "https://dam.ldr.la.gov/lawspolicies/RIB%2026-019.pdf",
            ),
        )
    ),
)

# --- Maryland: 2025 tables (the 2026 standard deduction was not found); county tax left out ----
_MD_BOOK = "https://www.marylandcomptroller.gov/content/dam/mdcomp/tax/instructions/2025/resident-booklet.pdf"
_MD_RATES = _src(
    "Md. Code, Tax-Gen. § 10-105 as amended by HB 352 (2025); Comptroller of Maryland, 2025 "
    "Resident Tax Booklet",
    "tax rate schedules I and II",
    _MD_BOOK,
)
_MD_STD = _src(
    "Md. Code, Tax-Gen. § 10-217 as amended by HB 352 (2025)",
    "standard deduction $3,350 ($6,700 joint)",
    _MD_BOOK,
)
_MD_EXEMPTION = _src(
    "Md. Code, Tax-Gen. § 10-211; Comptroller of Maryland, 2025 Resident Tax Booklet",
    "exemption $3,200 a person, $1,600 or $800 in higher AGI bands",
    _MD_BOOK,
)
MD_2025 = StateIncomeTax(
    name="Maryland income tax",
    tables_year=2025,
    starts_from="federal_agi",
    schedules={
        "single": rates(
            _MD_RATES,
            (0, 0.02),
            (1_000, 0.03),
            (2_000, 0.04),
            (3_000, 0.0475),
            (100_000, 0.05),
            (125_000, 0.0525),
            (150_000, 0.055),
            (250_000, 0.0575),
            (500_000, 0.0625),
            (1_000_000, 0.065),
        ),
        "married_joint": rates(
            _MD_RATES,
            (0, 0.02),
            (1_000, 0.03),
            (2_000, 0.04),
            (3_000, 0.0475),
            (150_000, 0.05),
            (175_000, 0.0525),
            (225_000, 0.055),
            (300_000, 0.0575),
            (600_000, 0.0625),
            (1_200_000, 0.065),
        ),
    },
    standard_deduction=Allowance(
        amount=PerStatus(single=3_350, married_joint=6_700, source=_MD_STD)
    ),
    subtraction=banded_exemption(
        {
            "single": ((0, 3_200), (100_001, 1_600), (125_001, 800), (150_001, 0)),
            "married_joint": ((0, 3_200), (150_001, 1_600), (175_001, 800), (200_001, 0)),
        }
    ),
    subtraction_source=_MD_EXEMPTION,
)

# --- Mississippi --------------------------------------------------------------------------------
_MS_BOOK = "https://www.dor.ms.gov/sites/default/files/tax-forms/individual/80100251%202.pdf"
MS_2026 = StateIncomeTax(
    name="Mississippi income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=_both(
        rates(
            _src(
                "Miss. Code Ann. § 27-7-5",
                "0% on the first $10,000, 4.0% above for 2026",
                "https://law.justia.com/codes/mississippi/title-27/chapter-7/article-1/section-27-7-5/",
            ),
            (0, 0.0),
            (10_000, 0.04),
        )
    ),
    standard_deduction=Allowance(
        amount=PerStatus(
            single=2_300,
            married_joint=4_600,
            source=_src(
                "Miss. Code Ann. § 27-7-17; 2025 Mississippi Income Tax Instructions",
                "standard deduction $2,300 ($4,600 joint)",
                _MS_BOOK,
            ),
        )
    ),
    exemption=Allowance(
        amount=PerStatus(
            single=6_000,
            married_joint=12_000,
            source=_src(
                "Miss. Code Ann. § 27-7-21; 2025 Mississippi Income Tax Instructions",
                "exemption $6,000 ($12,000 joint)",
                _MS_BOOK,
            ),
        )
    ),
)

# --- North Carolina -----------------------------------------------------------------------------
NC_2026 = StateIncomeTax(
    name="North Carolina income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=flat(
        0.0399,
        _src(
            "N.C.G.S. § 105-153.7; NCDOR, Tax Rate Schedules",
            "3.99% for 2026",
            "https://www.ncdor.gov/taxes-forms/tax-rate-schedules",
        ),
    ),
    standard_deduction=Allowance(
        amount=PerStatus(
            single=12_750,
            married_joint=25_500,
            source=_src(
                "N.C.G.S. § 105-153.5(a)(1); NCDOR, North Carolina Standard Deduction",
                "$12,750 ($25,500 joint)",
                "https://www.ncdor.gov/taxes-forms/individual-income-tax/filing-topics/north-carolina-standard-deduction-or-north-carolina-itemized-deductions",
            ),
        )
    ),
)

# --- Oklahoma: the 2026 schedule of HB 2764 (2025) ----------------------------------------------
_OK_BOOK = (
    "https://oklahoma.gov/content/dam/ok/en/tax/documents/forms/individuals/current/511-Pkt.pdf"
)
_OK_RATES = _src(
    "68 O.S. § 2355 as amended by HB 2764 (2025)",
    "rates for 2026",
    "https://www.oklegislature.gov/cf_pdf/2025-26%20ENR/hB/HB2764%20ENR.PDF",
)
OK_2026 = StateIncomeTax(
    name="Oklahoma income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules={
        "single": rates(_OK_RATES, (0, 0.0), (3_750, 0.025), (4_900, 0.035), (7_200, 0.045)),
        "married_joint": rates(
            _OK_RATES, (0, 0.0), (7_500, 0.025), (9_800, 0.035), (14_400, 0.045)
        ),
    },
    standard_deduction=Allowance(
        amount=PerStatus(
            single=6_350,
            married_joint=12_700,
            source=_src(
                "68 O.S. § 2358; 2025 Oklahoma Form 511 Instructions",
                "standard deduction $6,350 ($12,700 joint)",
                _OK_BOOK,
            ),
        )
    ),
    exemption=Allowance(
        amount=PerStatus(
            single=1_000,
            married_joint=2_000,
            source=_src(
                "68 O.S. § 2358; 2025 Oklahoma Form 511 Instructions",
                "exemption $1,000 a person",
                _OK_BOOK,
            ),
        )
    ),
)

# --- South Carolina: H.4216's 2026 structure, federal AGI less the SCIAD
_SC_LAW = "https://www.scstatehouse.gov/sess126_2025-2026/bills/4216.htm"
_SC_SCIAD = _src(
    "S.C. Code § 12-6-1140(15) as added by H.4216 § 3",
    "SC income adjustment deduction $15,000 ($30,000 joint), phased out over $55,000 ($110,000 "
    "joint) of AGI from $40,000 ($80,000 joint)",
    _SC_LAW,
)
SC_2026 = StateIncomeTax(
    name="South Carolina income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=_both(
        rates(
            _src(
                "S.C. Code § 12-6-510(C) as amended by H.4216 § 1",
                "1.99% up to $30,000, 5.21% above",
                _SC_LAW,
            ),
            (0, 0.0199),
            (30_000, 0.0521),
        )
    ),
    standard_deduction=Allowance(
        amount=PerStatus(single=15_000, married_joint=30_000, source=_SC_SCIAD),
        phase_out=PhaseOut(
            kind="linear",
            start=PerStatus(single=40_000, married_joint=80_000, source=_SC_SCIAD),
            rate=15_000 / 55_000,
            source=_SC_SCIAD,
        ),
    ),
)

# --- Virginia -----------------------------------------------------------------------------------
_VA_BOOK = "https://www.tax.virginia.gov/sites/default/files/vatax-pdf/2025-760-instructions.pdf"
VA_2026 = StateIncomeTax(
    name="Virginia income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=_both(
        rates(
            _src(
                "Code of Virginia § 58.1-320; 2025 Form 760 Instructions",
                "tax rate schedule",
                _VA_BOOK,
            ),
            (0, 0.02),
            (3_000, 0.03),
            (5_000, 0.05),
            (17_000, 0.0575),
        )
    ),
    standard_deduction=Allowance(
        amount=PerStatus(
            single=8_750,
            married_joint=17_500,
            source=_src(
                "Code of Virginia § 58.1-322.03(1)(b); Virginia Department of Taxation, 2026 "
                "Legislative Summary",
                "standard deduction $8,750 ($17,500 joint)",
                "https://www.tax.virginia.gov/sites/default/files/inline-files/2026-legislative-summary.pdf",
            ),
        )
    ),
    exemption=Allowance(
        amount=PerStatus(
            single=930,
            married_joint=1_860,
            source=_src(
                "Code of Virginia § 58.1-322.03(2)(a); 2025 Form 760 Instructions",
                "exemption $930 a person",
                _VA_BOOK,
            ),
        )
    ),
)

# --- West Virginia ------------------------------------------------------------------------------
WV_2026 = StateIncomeTax(
    name="West Virginia income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=_both(
        rates(
            _src(
                "W. Va. Code § 11-21-4j as amended by SB 392 (2026)",
                "rates for 2026",
                "https://www.wvlegislature.gov/Bill_Text_HTML/2026_SESSIONS/RS/bills/sb392%20sub1%20enr.pdf",
            ),
            (0, 0.0211),
            (10_000, 0.0281),
            (25_000, 0.0316),
            (40_000, 0.0422),
            (60_000, 0.0458),
        )
    ),
    exemption=Allowance(
        amount=PerStatus(
            single=2_000,
            married_joint=4_000,
            source=_src(
                "W. Va. Code § 11-21-16; West Virginia 2025 IT-140 Instructions",
                "exemption $2,000 a person",
                "https://tax.wv.gov/Documents/PIT/2025/it140.PersonalIncomeTaxFormsAndInstructions.2025.pdf",
            ),
        )
    ),
)

STATES: Mapping[str, Mapping[int, StateYear]] = {
    "AL": {2026: StateYear(income_tax=AL_2026)},
    "AR": {2025: StateYear(income_tax=AR_2025)},
    "DC": {2025: StateYear(income_tax=DC_2025)},
    "DE": {2026: StateYear(income_tax=DE_2026, payroll=(DE_LEAVE_2026,))},
    "FL": {2026: NONE},
    "GA": {2026: StateYear(income_tax=GA_2026)},
    "KY": {2026: StateYear(income_tax=KY_2026)},
    "LA": {2026: StateYear(income_tax=LA_2026)},
    "MD": {2025: StateYear(income_tax=MD_2025)},
    "MS": {2026: StateYear(income_tax=MS_2026)},
    "NC": {2026: StateYear(income_tax=NC_2026)},
    "OK": {2026: StateYear(income_tax=OK_2026)},
    "SC": {2026: StateYear(income_tax=SC_2026)},
    "TN": {2026: NONE},
    "TX": {2026: NONE},
    "VA": {2026: StateYear(income_tax=VA_2026)},
    "WV": {2026: StateYear(income_tax=WV_2026)},
}
