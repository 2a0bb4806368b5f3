"""The reader's own checklist items, and what they noted on their calls with each company.

An offers file may add questions and red flags of the reader's own (``own_questions``,
``own_red_flags``: each an ``id`` and a ``text``) to the framework's, and keep, per company, what
the printable checklists hold for a call (``calls``): the date, the interviewer, the round, the
items ticked and short answers, each item named by its id. The framework's items keep the ids
``offereval.content`` gives them; an own item's id is the reader's and may not reuse one.

A red flag ticked on a call counts as a red flag of the offer from that company (``red_flags_of``
in ``_model``), so what was heard on a call reaches the decision.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Collection, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from offereval import _content as content
from offereval._fields import Reader, describe

OWN_ITEMS_MAX = 50  # of each kind: more than any checklist can print
CALLS_MAX = 100
OWN_TEXT_MAX = 200
ANSWER_MAX = 300
CALL_TEXT_MAX = {"company": 120, "date": 40, "interviewer": 120, "round": 120}
_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")
_CALL_KEYS = ("company", "date", "interviewer", "round", "ticked", "answers")


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class OwnItem:
    """A question or a red flag of the reader's own, beside the framework's."""

    id: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text}


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Call:
    """What the checklists hold for one company: the call's details, ticks and answers."""

    company: str
    date: str = ""
    interviewer: str = ""
    round: str = ""
    ticked: tuple[str, ...] = ()
    answers: Mapping[str, str] = MappingProxyType({})  # item id -> answer, in the list's order

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"company": self.company}
        for key in ("date", "interviewer", "round"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.ticked:
            out["ticked"] = list(self.ticked)
        if self.answers:
            out["answers"] = dict(self.answers)
        return out


def read_own_items(r: Reader, key: str, taken: Collection[str]) -> tuple[OwnItem, ...]:
    """The list at ``key``: each an id (not one in ``taken``, nor repeated) and a text."""
    items = r.sequence(key)
    if len(items) > OWN_ITEMS_MAX:
        r.fail(key, f"must list at most {OWN_ITEMS_MAX} items, got {len(items)}")
        return ()
    seen = set(taken)
    out = []
    for index, data in enumerate(items):
        item = Reader(data, r.at(key) + f"[{index}]", r.problems)
        item.reject_unknown(("id", "text"))
        item_id = _read_id(item, seen)
        text = _read_text(item, "text", OWN_TEXT_MAX, required=True)
        if item_id and text:
            seen.add(item_id)
            out.append(OwnItem(id=item_id, text=text))
    return tuple(out)


def _read_id(item: Reader, taken: Collection[str]) -> str:
    if not item.required("id"):
        return ""
    value = item.data["id"]
    if not isinstance(value, str) or not _ID.fullmatch(value):
        item.fail(
            "id",
            "must be 1-40 lower-case letters, digits or underscores, starting with a letter, "
            f"such as no_remote_days; got {describe(value)}",
        )
        return ""
    if value in taken:
        item.fail("id", f"{describe(value)} is already the id of another item; choose another")
        return ""
    return value


def _read_text(r: Reader, key: str, limit: int, *, required: bool = False) -> str:
    text = r.text(key, non_empty=required) if required and r.required(key) else r.text(key)
    if len(text) > limit:
        r.fail(key, f"must be at most {limit} characters, got {len(text)}")
        return ""
    return text.strip()


def read_calls(r: Reader, item_ids: Sequence[str]) -> tuple[Call, ...]:
    """The list of calls: one per company, each item it ticks or answers among ``item_ids``."""
    items = r.sequence("calls")
    if len(items) > CALLS_MAX:
        r.fail("calls", f"must list at most {CALLS_MAX} calls, got {len(items)}")
        return ()
    calls: list[Call] = []
    first: dict[str, int] = {}
    for index, data in enumerate(items):
        call = Reader(data, r.at("calls") + f"[{index}]", r.problems)
        call.reject_unknown(_CALL_KEYS)
        texts = {
            key: _read_text(call, key, limit, required=key == "company")
            for key, limit in CALL_TEXT_MAX.items()
        }
        company = texts.pop("company")
        if company in first:
            call.fail(
                "company",
                f"repeats the company of calls[{first[company]}] ({describe(company)}); "
                "keep one entry per company",
            )
        elif company:
            first[company] = index
        ticked = call.id_list("ticked", item_ids, "checklist items")
        answers = _read_answers(call.mapping("answers"), item_ids)
        calls.append(Call(company=company, ticked=ticked, answers=answers, **texts))
    return tuple(calls)


def _read_answers(r: Reader, item_ids: Sequence[str]) -> Mapping[str, str]:
    """Answers by item id; an empty answer is the same as none."""
    for key in r.data:
        if key not in item_ids:
            close = difflib.get_close_matches(str(key), item_ids, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            r.fail(str(key), f"is not the id of a checklist item{hint}")
    answers: dict[str, str] = {}
    for item_id in item_ids:
        if r.has(item_id):
            text = _read_text(r, item_id, ANSWER_MAX)
            if text:
                answers[item_id] = text
    return MappingProxyType(answers)


def framework_item_ids() -> tuple[str, ...]:
    """The ids of the framework's checklist items, which an own item may not take."""
    return content.checklist_item_ids()
