"""The decision record of steps 4 and 5: which offer was chosen, when, and whether (and when)
the choice was made final; and the date-times it is written with."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any

from offereval import _format as fmt
from offereval._fields import Reader, describe


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class DecisionRecord:
    """Steps 4 and 5: which offer was chosen, when, and whether (and when) the choice is final.

    Committing before the 24 hours of step 4 have passed counts only with
    ``early_commit_confirmed``: the framework asks you to sleep on it first.
    """

    choice: str = ""
    decided_at: datetime.datetime | None = None
    committed: bool = False
    committed_at: datetime.datetime | None = None
    early_commit_confirmed: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.choice:
            out["choice"] = self.choice
        if self.decided_at is not None:
            out["decided_at"] = self.decided_at.isoformat()
        if self.committed:
            out["committed"] = True
        if self.committed_at is not None:
            out["committed_at"] = self.committed_at.isoformat()
        if self.early_commit_confirmed:
            out["early_commit_confirmed"] = True
        return out


DECISION_KEYS = ("choice", "decided_at", "committed", "committed_at", "early_commit_confirmed")


def read_decision(r: Reader, companies: list[str]) -> DecisionRecord:
    r.reject_unknown(DECISION_KEYS)
    choice = r.text("choice")
    if choice and companies and choice not in companies:
        r.fail("choice", f"must be the company of one of the offers, got {describe(choice)}")
        choice = ""
    decided_at = _read_moment(r, "decided_at")
    committed = r.boolean("committed", False)
    committed_at = _read_moment(r, "committed_at")
    if committed_at is not None and not committed:
        r.fail("committed_at", "is given, but committed is not true")
    if committed_at is not None and decided_at is not None and committed_at < decided_at:
        r.fail("committed_at", f"is before decided_at ({decided_at.isoformat()})")
    return DecisionRecord(
        choice=choice,
        decided_at=decided_at,
        committed=committed,
        committed_at=committed_at,
        early_commit_confirmed=r.boolean("early_commit_confirmed", False),
    )


def _read_moment(r: Reader, key: str) -> datetime.datetime | None:
    """A date and time as ISO 8601 (``T`` or a space between date and time, seconds and
    zone optional); without a zone, it is the device's local time, and the reading says so."""
    if not r.has(key):
        return None
    typed = r.data[key]
    moment = parse_timestamp(typed)
    if moment is None and isinstance(typed, str):
        try:
            naive = datetime.datetime.fromisoformat(typed.strip())
        except ValueError:
            naive = None
        if naive is not None and naive.tzinfo is None:
            moment = naive.astimezone()  # the device's own time zone, at that date
            r.remarks.readings[r.at(key)] = f"read as {fmt.moment(moment)}"
    if moment is None:
        r.fail(
            key,
            "must be a date and time, such as 2026-11-25 09:30 (your local time) or "
            f"2026-11-25T09:30:00+00:00; got {describe(typed)}",
        )
    return moment


def parse_timestamp(value: object) -> datetime.datetime | None:
    """An ISO 8601 date-time with a time zone, or None if it is not one."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
