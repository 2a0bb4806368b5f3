"""The printable checklists' HTML, built from the framework's data.

Each item is a real checkbox with its label (so it can be ticked on a phone and is announced by a
screen reader) followed by an empty area that the print style sheet turns into lines to write on.
Item text is escaped by markupsafe; nothing here is typed by hand.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from markupsafe import Markup

from offereval import content


@dataclasses.dataclass(frozen=True, slots=True)
class ChecklistGroup:
    """A heading and the items printed under it."""

    id: str
    heading: str
    items: tuple[str, ...]


def _questions() -> tuple[ChecklistGroup, ...]:
    return tuple(
        ChecklistGroup(group.id, group.name, group.questions) for group in content.QUESTION_GROUPS
    )


def _red_flags() -> tuple[ChecklistGroup, ...]:
    return tuple(
        ChecklistGroup(
            category.id,
            category.name,
            tuple(flag.text for flag in content.RED_FLAGS if flag.category == category.id),
        )
        for category in content.FLAG_CATEGORIES
    )


def _dealbreakers() -> tuple[ChecklistGroup, ...]:
    # The dealbreaker check is the first decision step: its checks, for one offer at a time.
    step = content.DECISION_STEPS[0]
    return (ChecklistGroup(step.id, step.name, step.checks),)


CHECKLISTS: dict[str, Callable[[], tuple[ChecklistGroup, ...]]] = {
    "questions": _questions,
    "red_flags": _red_flags,
    "dealbreakers": _dealbreakers,
}


def checklist(name: str) -> Markup:
    """The HTML of the checklist called name (a key of CHECKLISTS), as one raw HTML block.

    It has no blank line, so Python-Markdown passes it through untouched.
    """
    if name not in CHECKLISTS:
        raise ValueError(f"unknown checklist {name!r}, expected one of {sorted(CHECKLISTS)}")
    parts = [Markup('<div class="checklist" data-checklist="{}">').format(name)]
    for group in CHECKLISTS[name]():
        parts.append(_group(f"{name}-{group.id}", group))
    parts.append(Markup("</div>"))
    return Markup("\n").join(parts)


def _group(group_id: str, group: ChecklistGroup) -> Markup:
    items = [
        Markup(
            '<li class="checklist__item">'
            '<input class="checklist__box" type="checkbox" id="{0}">'
            '<label class="checklist__text" for="{0}">{1}</label>'
            '<span class="checklist__notes" aria-hidden="true"></span>'
            "</li>"
        ).format(f"{group_id}-{number}", text)
        for number, text in enumerate(group.items, start=1)
    ]
    return Markup(
        '<section class="checklist__group" aria-labelledby="{0}">\n'
        '<h2 class="checklist__heading" id="{0}">{1}</h2>\n'
        '<ul class="checklist__items">\n{2}\n</ul>\n</section>'
    ).format(group_id, group.heading, Markup("\n").join(items))
