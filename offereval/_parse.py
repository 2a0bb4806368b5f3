"""Numbers as people type them: `$200,000`, `200 000`, `200k`, `1.2m`, `15%`, `5/15/40/40`.

The offers file, the command line and the calculator's form all read a number given as text
through ``read_number``, so one text means one number everywhere. A text is either read, or
refused with a message that says what to type instead; nothing is guessed silently:

- currency signs and codes around an amount are ignored (``$``, ``£``, ``€``, ``US$``, ``EUR``);
- thousands are grouped by commas, spaces, underscores or apostrophes in groups of three
  (``200,000``, ``1 250 000.50``), or by dots when a decimal comma or a second dot leaves no
  doubt (``1.250.000``, ``1.250.000,50``);
- ``k`` and ``m`` multiply an amount by a thousand and a million (``200k``, ``1.2m``);
- a ``%`` sign is read where a percentage makes sense; the caller decides what it means;
- ``200.000`` could be two hundred or two hundred thousand, and ``200,00`` is no grouping:
  both are refused with a question that proposes the readings.
"""

from __future__ import annotations

import dataclasses
import decimal
import math
import re

# The kinds of number a key holds; each says which decorations its text may carry.
AMOUNT = "amount"  # money: currency signs, thousands, k and m
COUNT = "count"  # a count such as stock options: thousands, k and m, no currency
RATIO = "ratio"  # a share such as a payout: 0.95 or 95%
PERCENT = "percent"  # a percentage such as a raise or a weight: 3 or 3%
PLAIN = "plain"  # ratings, years, an index: a plain number

_LARGE = (AMOUNT, COUNT)  # kinds whose values run into thousands
_PERCENT_SIGN = (RATIO, PERCENT)  # kinds that always take a % sign

MAX_CHARS = 40  # more than any number a person types, even with its currency and spaces
MAX_DIGITS = 20  # far beyond any amount, and well within what a float holds exactly enough

_NORMAL = str.maketrans(
    {
        "\u00a0": " ",  # no-break space, as French grouping uses
        "\u202f": " ",  # narrow no-break space
        "\u2009": " ",  # thin space
        "\u2212": "-",  # minus sign
        "\u2019": "'",  # right single quote, as Swiss grouping uses
    }
)
_SYMBOLS = "$£€¥₹₩₪₽₺₫₱₴₦"
# A sign or a three-letter code (US$, £, EUR) next to the figures, before or after them.
_CURRENCY_BEFORE = re.compile(
    rf"^(?:[A-Za-z]{{1,3}}\s?[{_SYMBOLS}]|[{_SYMBOLS}]|[A-Za-z]{{3}})\s*(?=[-+.\d])"
)
_CURRENCY_AFTER = re.compile(rf"(?<=[\dkKmM])\s*(?:[{_SYMBOLS}]|[A-Za-z]{{3}})$")
_SIGN = re.compile(r"^[-+]\s*")
_MULTIPLIERS = {"k": 1_000, "m": 1_000_000}
_PLAIN = re.compile(r"(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PLAIN_TEXT = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_AMBIGUOUS = re.compile(r"[1-9]\d{0,2}\.\d{3}")
# Thousands grouped by one separator, with an optional decimal part after the other mark.
_GROUPED = (
    (re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?"), ",", "."),
    (re.compile(r"[1-9]\d{0,2}(?:[ ]\d{3})+(?:[.,]\d+)?"), " ", ""),
    (re.compile(r"[1-9]\d{0,2}(?:_\d{3})+(?:\.\d+)?"), "_", "."),
    (re.compile(r"[1-9]\d{0,2}(?:'\d{3})+(?:\.\d+)?"), "'", "."),
    (re.compile(r"[1-9]\d{0,2}(?:\.\d{3}){2,}(?:,\d+)?"), ".", ","),
    (re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+,\d+"), ".", ","),
    (re.compile(r"[1-9]\d?(?:,\d{2})+,\d{3}(?:\.\d+)?"), ",", "."),  # lakh: 12,34,567
)


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Parsed:
    """What a text was read as."""

    value: float  # for a percentage, the percentage itself: 15.0 for "15%"
    percent: bool  # the text ended with a % sign
    plain: bool  # the text was a plain decimal number: nothing to tell the person


class Unreadable(ValueError):
    """A text that is not a number of its kind. ``message`` says what to type instead; empty
    when the caller's own "must be ..." says it best."""

    def __init__(self, message: str = "") -> None:
        self.message = message
        super().__init__(message)


def read_number(text: str, kind: str, *, percent: bool | None = None) -> Parsed:
    """The number a person meant by ``text``; raises Unreadable when it is not one.

    ``percent`` says whether a % sign is accepted (by default: for ratios and percentages).

    >>> read_number("$200,000", AMOUNT).value, read_number("1.2m", AMOUNT).value
    (200000.0, 1200000.0)
    >>> read_number("95%", RATIO)
    Parsed(value=95.0, percent=True, plain=False)
    >>> read_number("200.000", AMOUNT)
    Traceback (most recent call last):
        ...
    offereval._parse.Unreadable: is '200.000' 200,000 or 200? Type 200000 or 200
    """
    accepts_percent = kind in _PERCENT_SIGN if percent is None else percent
    s = text.translate(_NORMAL).strip()
    digits = sum(c.isdigit() for c in s)
    if digits > MAX_DIGITS:
        raise Unreadable(f"has {digits} digits, more than any number offereval reads")
    if len(s) > MAX_CHARS:
        raise Unreadable(f"is too long to be a number ({len(s)} characters)")
    negative, s = _take_sign(s)
    s, currency = _take_currency(s)
    if currency and kind != AMOUNT:
        raise Unreadable(f"takes no currency sign: type the number alone, got {text.strip()!r}")
    if not negative:
        negative, s = _take_sign(s)
    has_percent = s.endswith("%")
    if has_percent:
        if not accepts_percent:
            raise Unreadable(f"takes no % sign here: type the number alone, got {text.strip()!r}")
        s = s[:-1].rstrip()
    multiplier = 1
    if kind in _LARGE and not has_percent and s[-1:].lower() in _MULTIPLIERS:
        multiplier = _MULTIPLIERS[s[-1:].lower()]
        s = s[:-1].rstrip()
    number = _digits(s, text.strip(), large=kind in _LARGE, suffixed=multiplier != 1)
    try:
        value = float(number * multiplier)
    except (decimal.DecimalException, OverflowError):
        value = math.inf
    if not math.isfinite(value):
        raise Unreadable(f"is too large to be a number, got {text.strip()!r}")
    return Parsed(
        value=-value if negative else value,
        percent=has_percent,
        plain=bool(_PLAIN_TEXT.fullmatch(text.strip())),
    )


def _take_sign(s: str) -> tuple[bool, str]:
    match = _SIGN.match(s)
    if not match:
        return False, s
    return s[0] == "-", s[match.end() :]


def _take_currency(s: str) -> tuple[str, bool]:
    """The text without a currency sign or code before or after it."""
    before = _CURRENCY_BEFORE.match(s)
    if before:
        return s[before.end() :], True
    after = _CURRENCY_AFTER.search(s)
    if after:
        return s[: after.start()], True
    return s, False


def _digits(s: str, typed: str, *, large: bool, suffixed: bool) -> decimal.Decimal:
    """The number written in ``s`` (digits, a decimal mark, perhaps thousands separators)."""
    if _PLAIN.fullmatch(s):
        if large and not suffixed and _AMBIGUOUS.fullmatch(s):
            whole, point = s.replace(".", ""), format(decimal.Decimal(s).normalize(), "f")
            raise Unreadable(
                f"is {typed!r} {int(whole):,} or {point}? Type {int(whole)} or {point}"
            )
        return decimal.Decimal(s)
    if large:
        for pattern, thousands, point in _GROUPED:
            if pattern.fullmatch(s):
                body = s.replace(thousands, "")
                return decimal.Decimal(
                    body.replace(point, ".") if point else body.replace(",", ".")
                )
    if "," in s and re.fullmatch(r"\d*,\d+", s):
        proposal = s.replace(",", ".")
        if large:
            raise Unreadable(
                f"is the comma in {typed!r} a decimal point? Type {proposal}; commas separate "
                "thousands only in groups of three, as in 200,000"
            )
        raise Unreadable(f"is the comma in {typed!r} a decimal point? Type {proposal}")
    raise Unreadable()


def split_list(text: str) -> list[str]:
    """The items of a list typed on one line: ``5/15/40/40``, ``5, 15, 40, 40``, ``[25, 75]``.

    >>> split_list("5/15/40/40"), split_list("[5%, 15%; 40 40]")
    (['5', '15', '40', '40'], ['5%', '15%', '40', '40'])
    """
    body = text.strip().removeprefix("[").removesuffix("]")
    return [item for item in re.split(r"\s*[/,;]\s*|\s+", body) if item]
