"""Tax data for the Midwest census region: IL, IN, IA, KS, MI, MN, MO, NE, ND, OH, SD, WI.

Each state maps its tax years to its figures; every figure is read from the publication its
Source names. A year missing here is a year whose official figures were not found.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._us_rules import StateYear

STATES: Mapping[str, Mapping[int, StateYear]] = {
    "SD": {2026: StateYear(income_tax=None)},
}
