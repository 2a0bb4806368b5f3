"""Numbers and durations as people read them; the site and the command line both use these."""

from __future__ import annotations

import datetime
import math


def money(amount: float) -> str:
    """Whole currency units with thousands separators.

    >>> money(355000.0), money(-1234.5), money(0.4)
    ('355,000', '-1,235', '0')
    """
    whole = _round_half_away(amount)
    return f"{whole:,}" if whole != 0 else "0"


def _round_half_away(amount: float) -> int:
    """Rounds 0.5 away from zero, as people do (Python's round() goes to the even number)."""
    return int(math.copysign(math.floor(abs(amount) + 0.5), amount))


def amount(value: float) -> str:
    """An amount as it is shown back to the person who typed it: thousands separated, and
    decimals only when it has some (a share price of 2.5 is not 3).

    >>> amount(200000.0), amount(2.5), amount(1234567.891), amount(0.0125)
    ('200,000', '2.5', '1,234,567.89', '0.0125')
    """
    if float(value).is_integer():
        return f"{int(value):,}"
    places = 2 if abs(value) >= 1 else 4
    return f"{value:,.{places}f}".rstrip("0").rstrip(".")


def signed_money(amount: float) -> str:
    """Money with its sign, for differences.

    >>> signed_money(54000.0), signed_money(-12.0), signed_money(0.0)
    ('+54,000', '-12', '0')
    """
    text = money(amount)
    return "+" + text if _round_half_away(amount) > 0 else text


def score(value: float) -> str:
    """A 1-5 score or rating with two decimals at most: 4.25, 3.5, 4.

    >>> score(4.25), score(3.5), score(4.0), score(3.3333333)
    ('4.25', '3.5', '4', '3.33')
    """
    return f"{value:.2f}".rstrip("0").rstrip(".")


def factor(value: float) -> str:
    """A stage factor or share: 0.6, 0.96, 1.

    >>> factor(0.6), factor(0.9600000001), factor(1.0)
    ('0.6', '0.96', '1')
    """
    return score(value)


def percent(value: float) -> str:
    """A weight in percent.

    >>> percent(25.0), percent(12.5)
    ('25%', '12.5%')
    """
    return score(value) + "%"


def hours(value: float) -> str:
    """A duration in whole hours, or days and hours past two days.

    >>> hours(0.2), hours(1), hours(30.4), hours(75)
    ('less than an hour', '1 hour', '30 hours', '3 days 3 hours')
    """
    whole = int(value)
    if whole < 1:
        return "less than an hour"
    if whole < 48:
        return f"{whole} hour" + ("" if whole == 1 else "s")
    days, rest = divmod(whole, 24)
    text = f"{days} days"
    return text + (f" {rest} hour" + ("" if rest == 1 else "s") if rest else "")


def moment(value: datetime.datetime) -> str:
    """A date and time with its offset from UTC, as the form says how it read one.

    >>> moment(datetime.datetime(2026, 11, 25, 9, 30, tzinfo=datetime.UTC))
    '2026-11-25 09:30 UTC'
    >>> moment(datetime.datetime(2026, 11, 25, 9, 30,
    ...        tzinfo=datetime.timezone(datetime.timedelta(hours=-5))))
    '2026-11-25 09:30 UTC-05:00'
    """
    offset = value.utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    zone = "UTC" if minutes == 0 else f"UTC{'+' if minutes > 0 else '-'}"
    if minutes:
        zone += f"{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return f"{value:%Y-%m-%d %H:%M} {zone}"
