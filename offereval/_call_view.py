"""The reader's own items and their calls, laid out for people, and what the printable
dealbreaker check needs from an evaluation: the minimum and each offer's total as text.

``build_view`` adds these to the view, so ``offereval compare`` prints them and the calculator
shows them; the dealbreaker check page prints ``dealbreaker_check`` as it is, never formatting
a number itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from offereval import _content as content
from offereval import _format as fmt
from offereval import _layout as layout
from offereval._contract import CheckedTotal, DealbreakerCheck, Table
from offereval._decision import Evaluation
from offereval._model import OfferSet

_FRAMEWORK_KINDS = (
    *(
        (item.id, "Question", item.text)
        for group in content.QUESTION_GROUPS
        for item in content.question_items(group)
    ),
    *((item.id, "Dealbreaker check", item.text) for item in content.dealbreaker_checks()),
    *((flag.id, "Red flag", flag.text) for flag in content.RED_FLAGS),
)


def _items(offer_set: OfferSet) -> dict[str, tuple[str, str]]:
    """Every checklist item by id: its kind and its text, the framework's and the reader's."""
    items = {item_id: (kind, text) for item_id, kind, text in _FRAMEWORK_KINDS}
    items.update({item.id: ("Your red flag", item.text) for item in offer_set.own_red_flags})
    items.update({item.id: ("Your question", item.text) for item in offer_set.own_questions})
    return items


def _table(
    table_id: str,
    caption: str,
    columns: list[str],
    rows: list[list[str]],
    note: str,
    offers_as: Literal["rows", "columns", "none"] = "rows",
) -> Table:
    # Every column here holds words, left-aligned.
    return layout.table(
        table_id,
        caption,
        columns,
        [layout.row(c) for c in rows],
        note,
        offers_as=offers_as,
        words=True,
    )


def call_tables(offer_set: OfferSet) -> list[Table]:
    """The reader's own items, their calls, and what they ticked or answered on each."""
    tables = []
    dealbreakers = set(offer_set.dealbreakers)
    own = [
        ["Red flag", item.text, item.id, "Yes" if item.id in dealbreakers else "No"]
        for item in offer_set.own_red_flags
    ] + [["Question", item.text, item.id, ""] for item in offer_set.own_questions]
    if own:
        tables.append(
            _table(
                "own-items",
                "Your own questions and red flags",
                ["Kind", "Item", "Id", "Dealbreaker"],
                own,
                "Printed on the checklists with the framework's items, marked as yours.",
                offers_as="none",
            )
        )
    companies = {offer.company for offer in offer_set.offers}
    calls = [
        [call.company, call.date, call.interviewer, call.round, _yes(call.company in companies)]
        for call in offer_set.calls
    ]
    if calls:
        tables.append(
            _table(
                "calls",
                "Your calls",
                ["Company", "Date", "Interviewer", "Round", "Has an offer"],
                calls,
                "A red flag ticked on a call counts as a red flag of the offer from that company.",
            )
        )
    items = _items(offer_set)
    noted = [
        [call.company, items[item_id][1], items[item_id][0], _yes(item_id in call.ticked), answer]
        for call in offer_set.calls
        for item_id, answer in _noted(call.ticked, call.answers)
    ]
    if noted:
        tables.append(
            _table(
                "call-items",
                "Ticked and answered on your calls",
                ["Company", "Item", "Kind", "Ticked", "Answer"],
                noted,
                "",
            )
        )
    return tables


def _noted(ticked: tuple[str, ...], answers: Mapping[str, str]) -> list[tuple[str, str]]:
    """Items ticked (in the order ticked), then items only answered, each with its answer."""
    order = [*ticked, *(item_id for item_id in answers if item_id not in ticked)]
    return [(item_id, answers.get(item_id, "")) for item_id in order]


def _yes(value: bool) -> str:
    return "Yes" if value else "No"


def dealbreaker_check(evaluation: Evaluation) -> DealbreakerCheck:
    """What the printable dealbreaker check shows: the minimum, and each offer's total beside it.

    ``minimum_total_comp`` is the value the texts were made from, so a page can tell whether
    they still match what is saved.
    """
    minimum = evaluation.offer_set.minimum_total_comp
    offers: list[CheckedTotal] = []
    for result in evaluation.offers:
        total = result.pay.annual.total
        text = fmt.money(total)
        if minimum is not None:
            verdict = "under" if total < minimum else "meets"
            text += f", {verdict} your minimum of {fmt.money(minimum)}"
        offers.append({"company": result.company, "total": text})
    return {
        "minimum_total_comp": minimum,
        "minimum": None if minimum is None else fmt.money(minimum),
        "offers": offers,
    }
