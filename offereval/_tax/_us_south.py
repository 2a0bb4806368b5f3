"""Tax data for the South census region: AL, AR, DE, DC, FL, GA, KY, LA, MD, MS, NC, OK, SC,
TN, TX, VA, WV.

Each state maps its tax years to its figures; every figure is read from the publication its
Source names. A year missing here is a year whose official figures were not found.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._us_rules import StateYear

STATES: Mapping[str, Mapping[int, StateYear]] = {
    "FL": {2026: StateYear(income_tax=None)},
    "TN": {2026: StateYear(income_tax=None)},
    "TX": {2026: StateYear(income_tax=None)},
}
