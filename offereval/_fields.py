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
from offereval import _format as fmt
from offereval import _parse as parse
from offereval._answers import FieldEntry, FieldKind
from offereval._errors import Problem
from offereval._tax import jurisdictions

Key = str | int  # a mapping's key, or a list's index


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Field:
    """One key of an offer: its label in the framework's words, its kind and its bounds."""

    key: str
    label: str  # the name alone, as sentences use it: "it needs a Base salary"
    kind: FieldKind
    section: str
    help: str  # what to type, with examples of the forms that are read
    unit: str = ""  # what the number is counted in: "a year", "% of target", "months"
    default: Any = None
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[tuple[str, str], ...] = ()

    @property
    def full_label(self) -> str:
        """The label a form shows: the name and its unit, "Base salary (a year)"."""
        return f"{self.label} ({self.unit})" if self.unit else self.label

    def to_dict(self) -> FieldEntry:
        return {
            "key": self.key,
            "label": self.label,
            "full_label": self.full_label,
            "unit": self.unit,
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


@dataclasses.dataclass(frozen=True, slots=True)
class Remarks:
    """What reading a document found besides problems, for the form to show under each field.

    ``readings`` maps a path to how a typed text was read ("read as 200,000"), only where the
    reading differs from the text; ``questions`` are things that look wrong but are read anyway
    ("a yearly base salary of 500? ..."), so the offer is still evaluated.
    """

    readings: dict[str, str] = dataclasses.field(default_factory=dict)
    questions: list[Problem] = dataclasses.field(default_factory=list)


# What each kind of number looks like, for "must be ..." messages.
_EXPECTED = {
    parse.AMOUNT: "an amount, such as 200000, 200,000, $200k or 1.2m",
    parse.COUNT: "a number, such as 20000 or 20k",
    parse.RATIO: "a share, such as 95% or 0.95",
    parse.PERCENT: "a percentage, such as 3 or 3%",
    parse.PLAIN: "a number",
}


def shown(value: float, kind: str) -> str:
    """A number as the form shows what it read: 200,000 for an amount, 95% for a ratio."""
    if kind == parse.RATIO:
        return fmt.percent(value * 100)
    if kind == parse.PERCENT:
        return fmt.percent(value)
    return fmt.amount(value)


class Reader:
    """Reads keys of one mapping, recording a Problem with its full path for every bad value.

    Each method returns a usable value (the default when the input is bad), so that reading goes
    on and every problem in the input is found in one pass. Numbers may be given as the text a
    person typed (``offereval._parse``); how such a text was read goes to ``remarks``.
    """

    def __init__(
        self, data: object, path: str, problems: list[Problem], remarks: Remarks | None = None
    ) -> None:
        self.path = path
        self.problems = problems
        self.remarks = remarks if remarks is not None else Remarks()
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

    def ask(self, key: Key, question: str) -> None:
        """A question about a value that is read anyway: it looks wrong, but may be meant."""
        self.remarks.questions.append(Problem(self.at(key), question))

    def has(self, key: Key) -> bool:
        """Whether the key holds a value: null and blank text count as not given, so a form's
        empty field means the same as a key left out of a file."""
        if key not in self.data:
            return False
        value = self.data[key]
        return value is not None and not (isinstance(value, str) and not value.strip())

    def typed_percent(self, key: Key) -> bool:
        """Whether the value was typed with a % sign."""
        value = self.data.get(key)
        return isinstance(value, str) and value.strip().endswith("%")

    def reject_unknown(self, known: Sequence[str]) -> None:
        """A misspelt key is a problem, not something silently ignored."""
        for key in self.data:
            if key not in known:
                close = difflib.get_close_matches(str(key), known, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                self.fail(str(key), f"is not a known key{hint}")

    def required(self, key: Key, hint: str = "") -> bool:
        if self.has(key):
            return True
        self.fail(key, "is required" + (f": {hint}" if hint else ""))
        return False

    def number(
        self,
        key: Key,
        default: float,
        minimum: float | None = 0.0,
        maximum: float | None = None,
        *,
        what: str = "",
        kind: str = parse.PLAIN,
        percent_of: tuple[str, float | None] | None = None,
    ) -> float:
        """A number within bounds. ``kind`` says what a typed text may look like; with
        ``percent_of`` (a name and its value, such as the base salary), "15%" is that share
        of it."""
        if not self.has(key):
            return default
        value = self.data[key]
        what = what or _EXPECTED[kind]
        note = ""
        if isinstance(value, str):
            read = self._read_text(key, value, kind, what, percent_of)
            if read is None:
                return default
            number, note = read
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(key, f"must be {what}, got {describe(value)}")
            return default
        else:
            try:
                number = float(value)
            except OverflowError:  # an integer too large for a float: JSON allows any length
                number = math.inf if value > 0 else -math.inf
        if not self._within(key, number, minimum, maximum, kind):
            return default
        if note:
            self.remarks.readings[self.at(key)] = note
        return number + 0.0  # -0.0 is 0: never a "-0" in the results

    def _within(
        self, key: Key, number: float, minimum: float | None, maximum: float | None, kind: str
    ) -> bool:
        """Whether a number read is finite and within its bounds; if not, says so."""
        value = self.data[key]
        if not math.isfinite(number):
            self.fail(key, f"must be a finite number, got {describe(value)}")
            return False
        if minimum is not None and number < minimum:
            self.fail(key, f"must be at least {_format_bound(minimum)}, got {describe(value)}")
            return False
        if maximum is not None and number > maximum:
            hint = ""
            # 95 for a share of up to 3 was meant as 95%: say how to type it
            looks_like_percent = 10 <= number <= 100 * maximum
            if kind == parse.RATIO and not self.typed_percent(key) and looks_like_percent:
                hint = (
                    f"; for {fmt.percent(number)}, type {fmt.percent(number)} or {number / 100:g}"
                )
            self.fail(
                key,
                f"must be at most {_format_bound(maximum)}"
                + (f" ({fmt.percent(100 * maximum)})" if kind == parse.RATIO else "")
                + f", got {describe(value)}{hint}",
            )
            return False
        return True

    def _read_text(
        self,
        key: Key,
        text: str,
        kind: str,
        what: str,
        percent_of: tuple[str, float | None] | None,
    ) -> tuple[float, str] | None:
        """A number typed as text, and what to tell the person about how it was read."""
        try:
            parsed = parse.read_number(text, kind, percent=percent_of is not None or None)
        except parse.Unreadable as error:
            self.fail(key, error.message or f"must be {what}, got {describe(text)}")
            return None
        number = parsed.value
        if parsed.percent and percent_of is not None:
            name, base = percent_of
            if base is None:
                self.fail(key, f"is a percentage of the {name}, which is not given yet")
                return None
            number = base * parsed.value / 100
            return (
                number,
                f"read as {fmt.amount(number)} ({fmt.percent(parsed.value)} of the {name})",
            )
        if parsed.percent and kind == parse.RATIO:
            number = parsed.value / 100
        reading = shown(number, kind)
        if parsed.plain or reading == text.strip():
            return number, ""
        return number, f"read as {reading}"

    def integer(self, key: Key, default: int, minimum: int, maximum: int) -> int:
        if not self.has(key):
            return default
        value = self.data[key]
        if isinstance(value, str):
            try:
                value = parse.read_number(value, parse.PLAIN, percent=False).value
            except parse.Unreadable as error:
                if error.message:
                    self.fail(key, error.message)
                    return default
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
        # Only a missing, null or blank key means "empty"; a 0 or [] is the wrong type and says so.
        return Reader(
            self.data[key] if self.has(key) else {}, self.at(key), self.problems, self.remarks
        )

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
        key="current_job",
        label="This is my current job",
        kind="boolean",
        section="offer",
        default=False,
        help="Tick for the job you hold now, to see what each offer adds to staying. "
        "One offer at most.",
    ),
    Field(
        key="base_salary",
        label="Base salary",
        unit="a year",
        kind="money",
        section="cash",
        required=True,
        maximum=MONEY_MAX,
        help="Yearly base salary, such as 200000, $200,000, 200 000 or 200k.",
    ),
    Field(
        key="target_bonus",
        label="Target bonus",
        unit="a year, amount or % of base",
        kind="money",
        section="cash",
        default=0.0,
        maximum=MONEY_MAX,
        help="Yearly bonus at 100% of target: an amount such as 30,000 or 30k, or a share of "
        "the base salary such as 15%.",
    ),
    Field(
        key="bonus_payout_history",
        label="Bonus payout history",
        unit="% of target paid",
        kind="ratio",
        section="cash",
        default=1.0,
        minimum=0.0,
        maximum=3.0,
        help="How much of the target the company has really paid: 95% (or 0.95). Empty: 100%.",
    ),
    Field(
        key="signing_bonus",
        label="Signing bonus",
        unit="once",
        kind="money",
        section="cash",
        default=0.0,
        maximum=MONEY_MAX,
        help="One-time bonus, paid in the first year, such as 50,000 or 50k.",
    ),
    Field(
        key="raise_percent",
        label="Yearly raise",
        unit="%",
        kind="percent",
        section="cash",
        default=0.0,
        minimum=0.0,
        maximum=100.0,
        help="Expected yearly raise of base and bonus, in percent: 3 or 3%.",
    ),
    Field(
        key="benefits_value",
        label="Benefits",
        unit="value a year",
        kind="money",
        section="cash",
        default=0.0,
        maximum=MONEY_MAX,
        help="Yearly value of benefits such as a 401(k) match; empty to leave out.",
    ),
    Field(
        key="company_stage",
        label="Company stage",
        kind="select",
        section="equity",
        required=True,
        choices=_STAGE_CHOICES,
        help="Choose one: it decides how much of the equity's paper value is counted.",
    ),
    Field(
        key="equity_grant",
        label="Equity grant",
        unit="whole grant, at today's value",
        kind="money",
        section="equity",
        default=0.0,
        maximum=MONEY_MAX,
        help="Value of the whole grant (RSUs) at today's price, over all vesting years, such as "
        "400,000 or 400k.",
    ),
    Field(
        key="vesting_years",
        label="Vesting years",
        unit="years",
        kind="integer",
        section="equity",
        default=4,
        minimum=1,
        maximum=10,
        help="Years over which the grant vests.",
    ),
    Field(
        key="vesting_schedule",
        label="Vesting schedule",
        unit="% per year",
        kind="percent_list",
        section="equity",
        default=None,
        help="Yearly percentages summing to 100, such as 5/15/40/40 or 5, 15, 40, 40; one "
        "value such as 25% is the same every year. Empty: even.",
    ),
    Field(
        key="cliff_months",
        label="Vesting cliff",
        unit="months",
        kind="integer",
        section="equity",
        default=12,
        minimum=0,
        maximum=60,
        help="Nothing vests before the cliff; what was due by then vests at the cliff.",
    ),
    Field(
        key="refresher_grant",
        label="Refresher grant",
        unit="a year",
        kind="money",
        section="equity",
        default=0.0,
        maximum=MONEY_MAX,
        help="Grant expected at the end of each year, vesting on the same schedule.",
    ),
    Field(
        key="option_count",
        label="Stock options",
        unit="count",
        kind="number",
        section="options",
        default=0.0,
        maximum=MONEY_MAX,
        help="Number of options, if the grant is options instead of RSUs: 20000 or 20k.",
    ),
    Field(
        key="strike_price",
        label="Strike price",
        unit="per share",
        kind="money",
        section="options",
        default=0.0,
        maximum=MONEY_MAX,
        help="Price per share paid to exercise an option.",
    ),
    Field(
        key="share_price",
        label="Current share price",
        unit="per share",
        kind="money",
        section="options",
        default=0.0,
        maximum=MONEY_MAX,
        help="Today's value of one share (preferred price or latest valuation).",
    ),
    Field(
        key="location",
        label="Location",
        kind="location",
        section=LOCATION_SECTION,
        default="",
        help="Where you would live and pay tax: type a state, province, country or its ISO "
        "3166-2 code (California, US-CA, Scotland, GB-SCT, Germany, DE) and pick it from the "
        "list. Gives the after-tax figures; empty keeps the pre-tax ones only.",
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
        kind="currency",
        section=LOCATION_SECTION,
        default="",
        help="What the offer pays in, as an ISO 4217 code such as USD, GBP or EUR. "
        "Empty: the location's currency.",
    ),
    Field(
        key="cost_of_living",
        label="Cost of living",
        unit="index, 100 = where you live now",
        kind="number",
        section=LOCATION_SECTION,
        default=100.0,
        minimum=1.0,
        maximum=1000.0,
        help="How dear the place is against where you live now: 120 is 20% dearer, 80 is 20% "
        "cheaper. Purchasing power is the take-home divided by this index / 100.",
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
