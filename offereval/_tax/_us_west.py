"""Tax data for the West census region: AK, AZ, CA, CO, HI, ID, MT, NV, NM, OR, UT, WA, WY.

Each state maps its tax years to its figures; every figure is read from the publication its
Source names. A year missing here is a year whose official figures were not found.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._core import Source
from ._us_rules import (
    Allowance,
    PayrollProgram,
    PerStatus,
    PhaseOut,
    StateIncomeTax,
    StateYear,
    Surtax,
    rates,
)

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

# --- Washington: no income tax on wages; Paid Family and Medical Leave and WA Cares ---------
_WA_PFML = Source(
    title="Washington Paid Leave, 2026 Paid Family & Medical Leave Premiums",
    section="premium 1.13% of wages, employees pay 71.43%, up to the $184,500 Social Security cap",
    url="https://paidleave.wa.gov/updates/",
)
_WA_CARES = Source(
    title="RCW 50B.04.080; WA Cares Fund, Employer information",
    section="premium 0.58% of all wages",
    url="https://wacaresfund.wa.gov/employers",
)

STATES: Mapping[str, Mapping[int, StateYear]] = {
    "AK": {2026: NONE},
    "CA": {2026: StateYear(income_tax=CA_2025, payroll=(CA_SDI_2026,))},
    "NV": {2026: NONE},
    "WA": {
        2026: StateYear(
            income_tax=None,
            payroll=(
                PayrollProgram(
                    name="Washington Paid Family and Medical Leave",
                    tables_year=2026,
                    rate=0.0113 * 0.7143,
                    wage_base=184_500,
                    source=_WA_PFML,
                ),
                PayrollProgram(name="WA Cares", tables_year=2026, rate=0.0058, source=_WA_CARES),
            ),
        )
    },
    "WY": {2026: NONE},
}
