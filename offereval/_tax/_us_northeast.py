"""Tax data for the Northeast census region: CT, ME, MA, NH, NJ, NY, PA, RI, VT.

Each state maps its tax years to its figures; every figure is read from the publication its
Source names. A year missing here is a year whose official figures were not found.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._us_rules import StateYear

STATES: Mapping[str, Mapping[int, StateYear]] = {
    # New Hampshire's tax on interest and dividends ended in 2025; wages were never taxed.
    "NH": {2026: StateYear(income_tax=None)},
}
