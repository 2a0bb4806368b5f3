"""What each key of an offer means (OFFER_FIELDS), and the reader that checks values against it.

OFFER_FIELDS is the one description of the offer keys: validation reads its bounds, the browser form
is built from it, and the README documents the same keys (a test keeps them in step).
"""

from __future__ import annotations

import dataclasses
import difflib
import math
from collections.abc import Mapping, Sequence
from typing import Any

from offereval import _content as content
from offereval._answers import FieldEntry
from offereval._errors import Problem
from offereval._tax import jurisdictions

Key = str | int  # a mapping's key, or a list's index


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Field:
    """One key of an offer: its label in the framework's words, its kind and its bounds."""

    key: str
    label: str
    kind: str  # text, money, integer, ratio, percent, select, boolean, percent_list, ...
    section: str
    help: str
    default: Any = None
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> FieldEntry:
        return {
            "key": self.key,
            "label": self.label,
            "kind": self.kind,
            "section": self.section,
            "help": self.help,
            "default": self.default,
            "required": self.required,
            "minimum": self.minimum,
            "maximum": self.maximum,
            "choices": [{"value": v, "label": label} for v, label in self.choices],
        }


def describe(value: object) -> str:
    """A value as a message shows it: short, and with strings quoted."""
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else repr(value[:37] + "...")
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, int) and abs(value) >= 10**40:
        return "a number of more than 40 digits"  # str() of a huge int is long, or refused
    return str(value)


def _format_bound(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


class Reader:
    """Reads keys of one mapping, recording a Problem with its full path for every bad value.

    Each method returns a usable value (the default when the input is bad), so that reading goes
    on and every problem in the input is found in one pass.
    """

    def __init__(self, data: object, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        if isinstance(data, Mapping):
            self.data: Mapping[Key, Any] = data
        else:
            self.data = {}
            self.fail("", f"must be a mapping of keys to values, got {describe(data)}")

    def at(self, key: Key) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        if key == "":
            return self.path
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: Key, message: str) -> None:
        self.problems.append(Problem(self.at(key), message))

    def has(self, key: Key) -> bool:
        return key in self.data and self.data[key] is not None

    def reject_unknown(self, known: Sequence[str]) -> None:
        """A misspelt key is a problem, not something silently ignored."""
        for key in self.data:
            if key not in known:
                close = difflib.get_close_matches(str(key), known, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                self.fail(str(key), f"is not a known key{hint}")

    def required(self, key: Key) -> bool:
        if self.has(key):
            return True
        self.fail(key, "is required")
        return False

    def number(
        self,
        key: Key,
        default: float,
        minimum: float | None = 0.0,
        maximum: float | None = None,
        *,
        what: str = "a number",
    ) -> float:
        if not self.has(key):
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(key, f"must be {what}, got {describe(value)}")
            return default
        try:
            number = float(value)
        except OverflowError:  # an integer too large for a float: JSON allows any length
            number = math.inf if value > 0 else -math.inf
        if not math.isfinite(number):
            self.fail(key, f"must be a finite number, got {describe(value)}")
            return default
        if minimum is not None and value < minimum:
            self.fail(key, f"must be at least {_format_bound(minimum)}, got {describe(value)}")
            return default
        if maximum is not None and value > maximum:
            self.fail(key, f"must be at most {_format_bound(maximum)}, got {describe(value)}")
            return default
        return number + 0.0  # -0.0 is 0: never a "-0" in the results

    def integer(self, key: Key, default: int, minimum: int, maximum: int) -> int:
        if not self.has(key):
            return default
        value = self.data[key]
        whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
        if isinstance(value, bool) or not whole or not minimum <= value <= maximum:
            self.fail(
                key,
                f"must be a whole number from {minimum} to {maximum}, got {describe(value)}",
            )
            return default
        return int(value)

    def text(self, key: Key, default: str = "", *, non_empty: bool = False) -> str:
        if not self.has(key):
            return default
        value = self.data[key]
        if not isinstance(value, str):
            self.fail(key, f"must be text, got {describe(value)}")
            return default
        if non_empty and not value.strip():
            self.fail(key, "must not be empty")
            return default
        return value.strip() if non_empty else value

    def choice(self, key: Key, choices: Sequence[str], default: str) -> str:
        if not self.has(key):
            return default
        value = self.data[key]
        if value not in choices:
            valid = ", ".join(choices)
            self.fail(key, f"must be one of {valid}; got {describe(value)}")
            return default
        return str(value)

    def boolean(self, key: Key, default: bool) -> bool:
        if not self.has(key):
            return default
        value = self.data[key]
        if not isinstance(value, bool):
            self.fail(key, f"must be true or false, got {describe(value)}")
            return default
        return value

    def mapping(self, key: Key) -> Reader:
        # Only a missing or null key means "empty"; a 0, "" or [] is the wrong type and says so.
        return Reader(self.data[key] if self.has(key) else {}, self.at(key), self.problems)

    def sequence(self, key: Key) -> list[Any]:
        if not self.has(key):
            return []
        value = self.data[key]
        if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
            self.fail(key, f"must be a list, got {describe(value)}")
            return []
        return list(value)

    def id_list(self, key: str, valid: Sequence[str], what: str) -> tuple[str, ...]:
        """A list of ids such as red flags: unknown or repeated ids are problems."""
        ids: list[str] = []
        for i, item in enumerate(self.sequence(key)):
            where = f"{key}[{i}]"
            if item not in valid:
                close = difflib.get_close_matches(str(item), valid, n=1)
                hint = (
                    f"; did you mean '{close[0]}'?"
                    if close
                    else f"; valid {what}: {', '.join(valid)}"
                )
                self.fail(where, f"is not a known {what[:-1]} ({describe(item)}){hint}")
            elif item in ids:
                self.fail(where, f"repeats {describe(item)}")
            else:
                ids.append(item)
        return tuple(ids)


# ---- The keys of an offer ----------------------------------------------------------------

MONEY_MAX = 1e12  # beyond any salary; keeps sums far from float overflow
_STAGE_CHOICES = tuple((stage_id, name) for stage_id, name, _ in content.STAGES)
_LOCATION_CHOICES = (("", "Not given: pre-tax figures only"), *jurisdictions.locations())
_LOCAL_CHOICES = (
    ("", "None"),
    *(
        (code, f"{name} ({region.code})")
        for country in jurisdictions.COUNTRIES
        for region in country.regions
        for code, name in region.locals
    ),
)
# The keys of the "location" section are read by offereval._taxkeys, which checks them together.
LOCATION_SECTION = "location"

OFFER_FIELDS: tuple[Field, ...] = (
    Field(
        key="company",
        label="Company",
        kind="text",
        section="offer",
        required=True,
        help="The company's name, as you want to see it in the results.",
    ),
    Field(
        key="base_salary",
        label="Base salary",
        kind="money",
        section="cash",
        required=True,
        maximum=MONEY_MAX,
        help="Yearly base salary.",
    ),
    Field(
        key="target_bonus",
        label="Target bonus",
        kind="money",
        section="cash",
        default=0.0,
        maximum=MONEY_MAX,
        help="Yearly bonus at 100% of target, as an amount.",
    ),
    Field(
        key="bonus_payout_history",
        label="Bonus payout history",
        kind="ratio",
        section="cash",
        default=1.0,
        minimum=0.0,
        maximum=3.0,
        help="Share of the target the company has really paid: 1.0 is 100%, 0.8 is 80%.",
    ),
    Field(
        key="signing_bonus",
        label="Signing bonus",
        kind="money",
        section="cash",
        default=0.0,
        maximum=MONEY_MAX,
        help="One-time bonus, paid in the first year.",
    ),
    Field(
        key="raise_percent",
        label="Yearly raise (%)",
        kind="percent",
        section="cash",
        default=0.0,
        minimum=0.0,
        maximum=100.0,
        help="Expected yearly raise of base and bonus, in percent.",
    ),
    Field(
        key="benefits_value",
        label="Benefits (yearly value)",
        kind="money",
        section="cash",
        default=0.0,
        maximum=MONEY_MAX,
        help="Yearly value of benefits such as a 401(k) match; 0 to leave out.",
    ),
    Field(
        key="company_stage",
        label="Company stage",
        kind="select",
        section="equity",
        required=True,
        choices=_STAGE_CHOICES,
        help="Decides how much of the equity's paper value is counted.",
    ),
    Field(
        key="equity_grant",
        label="Equity grant",
        kind="money",
        section="equity",
        default=0.0,
        maximum=MONEY_MAX,
        help="Value of the whole grant (RSUs) at today's price, over all vesting years.",
    ),
    Field(
        key="vesting_years",
        label="Vesting years",
        kind="integer",
        section="equity",
        default=4,
        minimum=1,
        maximum=10,
        help="Years over which the grant vests.",
    ),
    Field(
        key="vesting_schedule",
        label="Vesting schedule (% per year)",
        kind="percent_list",
        section="equity",
        default=None,
        help="Yearly percentages summing to 100, such as 5, 15, 40, 40. Empty: even.",
    ),
    Field(
        key="cliff_months",
        label="Vesting cliff (months)",
        kind="integer",
        section="equity",
        default=12,
        minimum=0,
        maximum=60,
        help="Nothing vests before the cliff; what was due by then vests at the cliff.",
    ),
    Field(
        key="refresher_grant",
        label="Refresher grant (yearly)",
        kind="money",
        section="equity",
        default=0.0,
        maximum=MONEY_MAX,
        help="Grant expected at the end of each year, vesting on the same schedule.",
    ),
    Field(
        key="option_count",
        label="Stock options (count)",
        kind="number",
        section="options",
        default=0.0,
        maximum=MONEY_MAX,
        help="Number of options, if the grant is options instead of RSUs.",
    ),
    Field(
        key="strike_price",
        label="Strike price",
        kind="money",
        section="options",
        default=0.0,
        maximum=MONEY_MAX,
        help="Price per share paid to exercise an option.",
    ),
    Field(
        key="share_price",
        label="Current share price",
        kind="money",
        section="options",
        default=0.0,
        maximum=MONEY_MAX,
        help="Today's value of one share (preferred price or latest valuation).",
    ),
    Field(
        key="location",
        label="Location",
        kind="select",
        section=LOCATION_SECTION,
        default="",
        choices=_LOCATION_CHOICES,
        help="Where you would live and pay tax, as an ISO 3166-2 code such as US-CA or GB-SCT. "
        "Gives the after-tax figures; empty keeps the pre-tax ones only.",
    ),
    Field(
        key="local",
        label="City income tax",
        kind="select",
        section=LOCATION_SECTION,
        default="",
        choices=_LOCAL_CHOICES,
        help="A city's own income tax where the location has one, such as NYC in US-NY.",
    ),
    Field(
        key="currency",
        label="Currency",
        kind="text",
        section=LOCATION_SECTION,
        default="",
        help="What the offer pays in, as an ISO 4217 code such as USD, GBP or EUR. "
        "Empty: the location's currency.",
    ),
    Field(
        key="cost_of_living",
        label="Cost of living (index)",
        kind="number",
        section=LOCATION_SECTION,
        default=100.0,
        minimum=1.0,
        maximum=1000.0,
        help="How dear the place is: 100 is where you live now, 120 is 20% dearer.",
    ),
    Field(
        key="tax_rate",
        label="Effective tax rate (%)",
        kind="percent",
        section=LOCATION_SECTION,
        default=None,
        minimum=0.0,
        maximum=100.0,
        help="Only where offereval does not compute the taxes: the share of the pay that all "
        "taxes take, in percent.",
    ),
    Field(
        key="location_acceptable",
        label="Location/remote policy acceptable",
        kind="boolean",
        section="dealbreakers",
        default=True,
        help="Untick if the location or remote policy rules this offer out.",
    ),
    Field(
        key="ratings",
        label="Ratings (1-5)",
        kind="ratings",
        section="matrix",
        default=None,
        help="Your 1-5 rating of each factor of the decision matrix.",
    ),
    Field(
        key="growth",
        label="Career growth rubric",
        kind="growth",
        section="growth",
        default=None,
        help="high, medium or low for each part of the rubric.",
    ),
    Field(
        key="red_flags",
        label="Red flags",
        kind="flags",
        section="red_flags",
        default=None,
        help="The ids of the red flags you saw in this offer.",
    ),
    Field(
        key="notes",
        label="Notes",
        kind="text",
        section="offer",
        default="",
        help="Anything you want to remember about this offer.",
    ),
)
