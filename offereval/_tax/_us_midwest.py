"""Tax data for the Midwest census region: IL, IN, IA, KS, MI, MN, MO, NE, ND, OH, SD, WI.

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
from ._us_special import banded_exemption, missouri_federal_tax, ohio_notch

SS_WAGE_BASE_2026 = 184_500


def _src(title: str, section: str = "", url: str = "") -> Source:
    return Source(title=title, section=section, url=url)


def _both(schedule: Schedule) -> dict[FilingStatus, Schedule]:
    return {"single": schedule, "married_joint": schedule}


# --- Illinois: 2025 tables (the 2026 exemption allowance was not found) ---------------------
_IL_BOOK = (
    "https://tax.illinois.gov/content/dam/soi/en/web/tax/forms/incometax/documents/"
    "currentyear/individual/il-1040-instr.pdf"
)
_IL_EXEMPTION = _src(
    "35 ILCS 5/204; Illinois DOR, 2025 Form IL-1040 Instructions",
    "Step 4: exemption $2,850 a person, none when AGI is over $250,000 ($500,000 joint)",
    _IL_BOOK,
)
IL_2025 = StateIncomeTax(
    name="Illinois income tax",
    tables_year=2025,
    starts_from="federal_agi",
    schedules=flat(
        0.0495,
        _src(
            "35 ILCS 5/201(b); Illinois DOR, Income Tax Rates",
            "4.95%",
            "https://tax.illinois.gov/research/taxrates/income.html",
        ),
    ),
    exemption=Allowance(
        amount=PerStatus(single=2_850, married_joint=5_700, source=_IL_EXEMPTION),
        phase_out=PhaseOut(
            kind="cliff",
            start=PerStatus(single=250_000, married_joint=500_000, source=_IL_EXEMPTION),
            source=_IL_EXEMPTION,
        ),
    ),
)

# --- Indiana: county taxes left out --------------------------------------------------------------
IN_2026 = StateIncomeTax(
    name="Indiana income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=flat(
        0.0295,
        _src("IC 6-3-2-1(a)", "2.95% for 2026", "https://iga.in.gov/laws/2024/ic/titles/6#6-3-2-1"),
    ),
    exemption=Allowance(
        amount=PerStatus(
            single=1_000,
            married_joint=2_000,
            source=_src(
                "IC 6-3-1-3.5(a)(3)-(4)",
                "exemption $1,000 a person",
                "https://iga.in.gov/laws/2024/ic/titles/6#6-3-1-3.5",
            ),
        )
    ),
)

# --- Iowa: federal taxable income, one rate ----------------------------------------------------
IA_2026 = StateIncomeTax(
    name="Iowa income tax",
    tables_year=2026,
    starts_from="federal_taxable_income",
    schedules=flat(
        0.038,
        _src(
            "Iowa Code § 422.5A as amended by 2024 Iowa Acts, SF 2442; Iowa DOR, 2025 IA 1040 "
            "Expanded Instructions",
            "3.8% from 2025",
            "https://revenue.iowa.gov/",
        ),
    ),
    exemption_credit=Allowance(
        amount=PerStatus(
            single=40,
            married_joint=80,
            source=_src(
                "Iowa Code § 422.12(1)(a); Iowa DOR, 2025 IA 1040 Expanded Instructions",
                "exemption credits: $40 a person",
                "https://revenue.iowa.gov/taxes/tax-guidance/individual-income-tax/1040-expanded-instructions/exemption-credits",
            ),
        )
    ),
)

# --- Kansas -------------------------------------------------------------------------------------
_KS_BOOK = "https://www.ksrevenue.gov/pdf/ip25.pdf"
KS_2026 = StateIncomeTax(
    name="Kansas income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules={
        "single": rates(
            _src(
                "K.S.A. 79-32,110 (2024 SB 1); Kansas Notice 24-08",
                "5.2% up to $23,000, 5.58% above",
                "https://www.ksrevenue.gov/taxnotices/notice24-08.pdf",
            ),
            (0, 0.052),
            (23_000, 0.0558),
        ),
        "married_joint": rates(
            _src(
                "K.S.A. 79-32,110 (2024 SB 1); Kansas Notice 24-08",
                "5.2% up to $46,000, 5.58% above",
                "https://www.ksrevenue.gov/taxnotices/notice24-08.pdf",
            ),
            (0, 0.052),
            (46_000, 0.0558),
        ),
    },
    standard_deduction=Allowance(
        amount=PerStatus(
            single=3_605,
            married_joint=8_240,
            source=_src(
                "K.S.A. 79-32,119; 2025 Form K-40 Instructions",
                "standard deduction $3,605 ($8,240 joint)",
                _KS_BOOK,
            ),
        )
    ),
    exemption=Allowance(
        amount=PerStatus(
            single=9_160,
            married_joint=18_320,
            source=_src(
                "K.S.A. 79-32,121 (2024 SB 1); 2025 Form K-40 Instructions",
                "exemption $9,160 ($18,320 joint)",
                _KS_BOOK,
            ),
        )
    ),
)

# --- Michigan: city income taxes left out ---------------------------------------------------------
MI_2026 = StateIncomeTax(
    name="Michigan income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=flat(
        0.0425,
        _src(
            "Michigan Treasury, 4.25% Income Tax Rate for Individuals and Fiduciaries in 2026 Tax "
            "Year",
            "",
            "https://www.michigan.gov/treasury/reference/taxpayer-notices/2026/04/15/425-income-tax-rate-for-individuals-and-fiduciaries-in-2026-tax-year",
        ),
    ),
    exemption=Allowance(
        amount=PerStatus(
            single=5_900,
            married_joint=11_800,
            source=_src(
                "MCL 206.30; Michigan 2026 Income Tax Withholding Guide (Form 446)",
                "personal exemption $5,900",
                "https://www.michigan.gov/taxes/-/media/Project/Websites/taxes/Forms/SUW/TY2026/446_Withholding-Guide_2026.pdf",
            ),
        )
    ),
)

# --- Minnesota -----------------------------------------------------------------------------------
_MN_2026 = "https://www.revenue.state.mn.us/sites/default/files/2025-12/inflation-adjusted-amounts-2026.pdf"
_MN_RATES = _src(
    "Minn. Stat. § 290.06 subd. 2c; Minnesota DOR, Tax Year 2026 Inflation-Adjusted Amounts",
    "income tax brackets",
    _MN_2026,
)
_MN_STD = _src(
    "Minn. Stat. § 290.0123; Minnesota DOR, Tax Year 2026 Inflation-Adjusted Amounts",
    "standard deduction $15,300 ($30,600 joint), reduced by 3% of AGI over $244,400 and 10% "
    "of AGI over $337,800 (3% up to it), by at most 80%",
    _MN_2026,
)
MN_2026 = StateIncomeTax(
    name="Minnesota income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules={
        "single": rates(
            _MN_RATES, (0, 0.0535), (33_310, 0.068), (109_430, 0.0785), (203_150, 0.0985)
        ),
        "married_joint": rates(
            _MN_RATES, (0, 0.0535), (48_700, 0.068), (193_480, 0.0785), (337_930, 0.0985)
        ),
    },
    standard_deduction=Allowance(
        amount=PerStatus(single=15_300, married_joint=30_600, source=_MN_STD),
        phase_out=PhaseOut(
            kind="linear",
            start=same(244_400, _MN_STD),
            rate=0.03,
            start2=same(337_800, _MN_STD),
            rate2=0.07,  # 10% in all over the higher threshold
            minimum=PerStatus(single=15_300 * 0.2, married_joint=30_600 * 0.2, source=_MN_STD),
            source=_MN_STD,
        ),
    ),
)
_MN_LEAVE = _src(
    "Minn. Stat. § 268B.14; Minnesota DEED confirms Paid Leave premium rate",
    "premium 0.88% of wages from 2026, up to half from the employee, up to the Social Security "
    "wage base ($184,500)",
    "https://mn.gov/deed/newscenter/press-releases/?id=1045-670064",
)
MN_LEAVE_2026 = PayrollProgram(
    name="Minnesota Paid Leave (employee share)",
    tables_year=2026,
    rate=0.0044,
    wage_base=SS_WAGE_BASE_2026,
    source=_MN_LEAVE,
)

# --- Missouri: federal AGI less the federal standard deduction and part of the federal tax ---
_MO_RATES = _src(
    "RSMo § 143.011; Missouri DOR, 2026 Form MO-1040ES, Tax Rate Chart",
    "",
    "https://dor.mo.gov/forms/MO-1040ES_2026.pdf",
)
_MO_FEDERAL = _src(
    "RSMo §§ 143.131, 143.171; Missouri DOR, 2025 MO-1040 Book, lines 12-13",
    "federal standard deduction; federal tax deduction 35% (AGI up to $25,000) to 0% (over "
    "$125,000), at most $5,000 ($10,000 joint)",
    "https://dor.mo.gov/forms/MO-1040%20Instructions_2025.pdf",
)
MO_2026 = StateIncomeTax(
    name="Missouri income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=_both(
        rates(
            _MO_RATES,
            (0, 0.0),
            (1_348, 0.02),
            (2_696, 0.025),
            (4_044, 0.03),
            (5_392, 0.035),
            (6_740, 0.04),
            (8_088, 0.045),
            (9_436, 0.047),
        )
    ),
    subtraction=missouri_federal_tax(
        ((0, 0.35), (25_001, 0.25), (50_001, 0.15), (100_001, 0.05), (125_001, 0.0)),
        PerStatus(single=5_000, married_joint=10_000, source=_MO_FEDERAL),
    ),
    subtraction_source=_MO_FEDERAL,
)

# --- Nebraska -------------------------------------------------------------------------------------
_NE_ES = "https://revenue.nebraska.gov/sites/default/files/doc/tax-forms/2025/f_1040N-ES.pdf"
_NE_RATES = _src(
    "Neb. Rev. Stat. § 77-2715.03 (LB 754, 2023); 2026 Nebraska Form 1040N-ES",
    "2026 tax rate schedule",
    _NE_ES,
)
NE_2026 = StateIncomeTax(
    name="Nebraska income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules={
        "single": rates(_NE_RATES, (0, 0.0246), (4_130, 0.0351), (24_760, 0.0455)),
        "married_joint": rates(_NE_RATES, (0, 0.0246), (8_250, 0.0351), (49_530, 0.0455)),
    },
    standard_deduction=Allowance(
        amount=PerStatus(
            single=8_850,
            married_joint=17_700,
            source=_src(
                "Neb. Rev. Stat. § 77-2716.01; 2026 Nebraska Form 1040N-ES",
                "standard deduction $8,850 ($17,700 joint)",
                _NE_ES,
            ),
        )
    ),
    exemption_credit=Allowance(
        amount=PerStatus(
            single=176,
            married_joint=352,
            source=_src(
                "Neb. Rev. Stat. § 77-2716.01; 2026 Nebraska Form 1040N-ES",
                "personal exemption credit $176 a person",
                _NE_ES,
            ),
        )
    ),
)

# --- North Dakota: federal taxable income ---------------------------------------------------------
_ND_RATES = _src(
    "N.D.C.C. § 57-38-30.3(1)(a); 2026 North Dakota Form ND-1ES",
    "tax rate schedules",
    "https://www.tax.nd.gov/sites/www/files/documents/forms/individual/2025-iit/28709-form-nd-1es-2026.pdf",
)
ND_2026 = StateIncomeTax(
    name="North Dakota income tax",
    tables_year=2026,
    starts_from="federal_taxable_income",
    schedules={
        "single": rates(_ND_RATES, (0, 0.0), (49_575, 0.0195), (250_400, 0.025)),
        "married_joint": rates(_ND_RATES, (0, 0.0), (82_800, 0.0195), (304_850, 0.025)),
    },
)

# --- Ohio: no tax at or under $26,050; city and school district taxes left out ----------------
_OH_BOOK = "https://dam.assets.ohio.gov/image/upload/v1767095693/tax.ohio.gov/forms/ohio_individual/individual/2025/it1040-booklet.pdf"
_OH_RATES = _src(
    "R.C. 5747.02(A)(3) as amended by HB 96 (2025)",
    "2026: none up to $26,050; above, $332 plus 2.75% of the excess",
    "https://codes.ohio.gov/ohio-revised-code/section-5747.02",
)
_OH_EXEMPTION = _src(
    "R.C. 5747.025; Ohio 2025 IT 1040 Instructions",
    "exemption $2,400, $2,150 or $1,900 a person by MAGI band, none over $500,000 (2026)",
    _OH_BOOK,
)
_OH_CREDIT = _src(
    "R.C. 5747.022; Ohio 2025 IT 1040 Instructions",
    "exemption credit $20 a person when MAGI is under $30,000",
    _OH_BOOK,
)
_OH_SCHEDULE = rates(_OH_RATES, (0, 332 / 26_050), (26_050, 0.0275))
OH_2026 = StateIncomeTax(
    name="Ohio income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules=_both(_OH_SCHEDULE),
    subtraction=banded_exemption(
        {
            "single": ((0, 2_400), (40_001, 2_150), (80_001, 1_900), (500_001, 0)),
            "married_joint": ((0, 2_400), (40_001, 2_150), (80_001, 1_900), (500_001, 0)),
        }
    ),
    subtraction_source=_OH_EXEMPTION,
    exemption_credit=Allowance(
        amount=PerStatus(single=20, married_joint=40, source=_OH_CREDIT),
        phase_out=PhaseOut(kind="cliff", start=same(29_999.99, _OH_CREDIT), source=_OH_CREDIT),
    ),
    adjustment=ohio_notch(26_050),
    adjustment_source=_OH_RATES,
)

# --- Wisconsin: the standard deduction slides to nothing as income rises ------------------------
_WI_ES = "https://www.revenue.wi.gov/TaxForms2026/2026-Form1-ES-Inst.pdf"
_WI_RATES = _src(
    "Wis. Stat. § 71.06; Wisconsin DOR, 2026 Form 1-ES Instructions",
    "2026 tax rate schedules",
    _WI_ES,
)
_WI_STD = _src(
    "Wis. Stat. § 71.05(22); Wisconsin DOR, 2026 Form 1-ES Instructions",
    "standard deduction $13,960, less 12% of income over $20,120 (joint $25,840, less 19.778% "
    "over $29,040)",
    _WI_ES,
)
WI_2026 = StateIncomeTax(
    name="Wisconsin income tax",
    tables_year=2026,
    starts_from="federal_agi",
    schedules={
        "single": rates(_WI_RATES, (0, 0.035), (15_110, 0.044), (51_950, 0.053), (332_720, 0.0765)),
        "married_joint": rates(
            _WI_RATES, (0, 0.035), (20_150, 0.044), (69_260, 0.053), (443_630, 0.0765)
        ),
    },
    standard_deduction=Allowance(
        amount=PerStatus(single=13_960, married_joint=25_840, source=_WI_STD),
        phase_out=PhaseOut(
            kind="linear",
            start=PerStatus(single=20_120, married_joint=29_040, source=_WI_STD),
            rate=PerStatus(single=0.12, married_joint=0.19778, source=_WI_STD),
            source=_WI_STD,
        ),
    ),
    exemption=Allowance(
        amount=PerStatus(
            single=700,
            married_joint=1_400,
            source=_src(
                "Wis. Stat. § 71.07(8); Wisconsin DOR, 2025 Form 1 Instructions",
                "exemption $700 a person",
                "https://www.revenue.wi.gov/TaxForms2025/2025-Form1-inst.pdf",
            ),
        )
    ),
)

STATES: Mapping[str, Mapping[int, StateYear]] = {
    "IA": {2026: StateYear(income_tax=IA_2026)},
    "IL": {2025: StateYear(income_tax=IL_2025)},
    "IN": {2026: StateYear(income_tax=IN_2026)},
    "KS": {2026: StateYear(income_tax=KS_2026)},
    "MI": {2026: StateYear(income_tax=MI_2026)},
    "MN": {2026: StateYear(income_tax=MN_2026, payroll=(MN_LEAVE_2026,))},
    "MO": {2026: StateYear(income_tax=MO_2026)},
    "ND": {2026: StateYear(income_tax=ND_2026)},
    "NE": {2026: StateYear(income_tax=NE_2026)},
    "OH": {2026: StateYear(income_tax=OH_2026)},
    "SD": {2026: StateYear(income_tax=None)},
    "WI": {2026: StateYear(income_tax=WI_2026)},
}
