"""Shared pieces of the state-tax properties: consistent federal figures for a year's wages.

The state rules only read the federal figures; these come from the 2026 federal schedule and
standard deduction (Rev. Proc. 2025-32, sections 4.01 and 4.14), enough for the properties to
feed every state figures that hang together (more wages, more federal tax).
"""

from __future__ import annotations

from hypothesis import strategies as st

from offereval._tax._core import Bracket, FederalFigures, FilingStatus, Schedule, Source

_REV_PROC = Source(title="Rev. Proc. 2025-32", section="4.01, 4.14(1)")
_FEDERAL: dict[FilingStatus, tuple[float, Schedule]] = {
    "single": (
        16_100,
        Schedule(
            brackets=tuple(
                Bracket(floor, rate)
                for floor, rate in (
                    (0, 0.10), (12_400, 0.12), (50_400, 0.22), (105_700, 0.24),
                    (201_775, 0.32), (256_225, 0.35), (640_600, 0.37),
                )
            ),
            source=_REV_PROC,
        ),
    ),
    "married_joint": (
        32_200,
        Schedule(
            brackets=tuple(
                Bracket(floor, rate)
                for floor, rate in (
                    (0, 0.10), (24_800, 0.12), (100_800, 0.22), (211_400, 0.24),
                    (403_550, 0.32), (512_450, 0.35), (768_700, 0.37),
                )
            ),
            source=_REV_PROC,
        ),
    ),
}  # fmt: skip


def federal_figures(wages: float, status: FilingStatus) -> FederalFigures:
    """The federal figures of a return with only these wages."""
    deduction, schedule = _FEDERAL[status]
    taxable = max(wages - deduction, 0.0)
    return FederalFigures(
        agi=wages,
        taxable_income=taxable,
        income_tax=schedule.tax(taxable),
        social_security=min(wages, 184_500) * 0.062,
        medicare=wages * 0.0145,
    )


wages = st.one_of(
    st.integers(0, 3_000_000).map(float),
    st.floats(0, 3_000_000, allow_nan=False, allow_infinity=False),
)
statuses = st.sampled_from(["single", "married_joint"])
