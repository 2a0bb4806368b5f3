"""The printable checklists' HTML, built from the framework's data.

Each item is a real checkbox with its label (so it can be ticked on a phone and is announced by a
screen reader), a field for a short answer, and, on paper, lines to write on beside the item.
Every item carries its id (`data-item`), the one an offers file ticks or answers it with. After
the framework's groups come the reader's own items: an empty group that the page fills from what
this browser keeps, a template for one item, and (on screen) a form to add one.
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
    items: tuple[content.ChecklistItem, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class Checklist:
    """One printable checklist: its groups, what its answer field is called, and the reader's
    own items it takes (``own``: "questions", "red_flags" or "" for none)."""

    groups: Callable[[], tuple[ChecklistGroup, ...]]
    answer_label: str
    own: str = ""
    own_heading: str = ""
    add_label: str = ""


def _questions() -> tuple[ChecklistGroup, ...]:
    return tuple(
        ChecklistGroup(group.id, group.name, content.question_items(group))
        for group in content.QUESTION_GROUPS
    )


def _red_flags() -> tuple[ChecklistGroup, ...]:
    return tuple(
        ChecklistGroup(
            category.id,
            category.name,
            tuple(
                content.ChecklistItem(id=flag.id, text=flag.text)
                for flag in content.RED_FLAGS
                if flag.category == category.id
            ),
        )
        for category in content.FLAG_CATEGORIES
    )


def _dealbreakers() -> tuple[ChecklistGroup, ...]:
    # The dealbreaker check is the first decision step: its checks, for one offer at a time.
    step = content.DECISION_STEPS[0]
    return (ChecklistGroup(step.id, step.name, content.dealbreaker_checks()),)


CHECKLISTS: dict[str, Checklist] = {
    "questions": Checklist(
        _questions,
        "Answer",
        own="questions",
        own_heading="Your own questions",
        add_label="Add a question of your own",
    ),
    "red_flags": Checklist(
        _red_flags,
        "What you heard",
        own="red_flags",
        own_heading="Your own red flags",
        add_label="Add a red flag of your own",
    ),
    "dealbreakers": Checklist(_dealbreakers, "Why"),
}

# What the dealbreaker check prints under each check: the reader's own rule and what this offer
# holds, each as a line to write on when nothing of theirs is saved (and on a blank copy). The
# page fills them from what the calculator saved (see js/page/checklist-page.js).
_DETAILS: dict[str, tuple[tuple[str, str], ...]] = {
    "eliminate_dealbreakers_1": (
        ("minimum", "My minimum total"),
        ("offer_total", "This offer's annualized total"),
    ),
    "eliminate_dealbreakers_2": (
        ("location_rule", "My location/remote rule"),
        ("their_policy", "Their policy"),
    ),
    "eliminate_dealbreakers_3": (("dealbreaker_flags", "My dealbreaker red flags"),),
}

# Check 3 lists the reader's dealbreaker red flags, each an item to tick when it is seen; with
# none saved, this many blank rows to write them on.
_BLANK_FLAG_ROWS = 4
_FLAG_LIST_AFTER = "eliminate_dealbreakers_3"

_ITEM = Markup(
    '<li class="checklist__item" data-item="{id}">'
    '<input class="checklist__box" type="checkbox" id="item-{id}" data-tick>'
    '<label class="checklist__text" id="item-text-{id}" for="item-{id}">{text}{mine}</label>'
    "{detail}"
    '<span class="checklist__notes">'
    '<textarea class="checklist__answer" id="answer-{id}" rows="1" maxlength="300" '
    'placeholder="{answer}" aria-labelledby="answer-label-{list} item-text-{id}" data-answer>'
    "</textarea></span>{extra}</li>"
)


def checklist(name: str) -> Markup:
    """The HTML of the checklist called name (a key of CHECKLISTS), as one raw HTML block.

    It has no blank line, so Python-Markdown passes it through untouched.
    """
    if name not in CHECKLISTS:
        raise ValueError(f"unknown checklist {name!r}, expected one of {sorted(CHECKLISTS)}")
    spec = CHECKLISTS[name]
    parts = [
        Markup('<div class="checklist" data-checklist="{}">').format(name),
        # The answer fields' accessible name starts with this word, then the item's text.
        Markup('<span class="checklist__label-only" id="answer-label-{}" hidden>{}</span>').format(
            name, spec.answer_label
        ),
    ]
    parts += [_group(name, spec, group) for group in spec.groups()]
    if spec.own:
        parts.append(_own_group(name, spec))
    parts.append(Markup("</div>"))
    return Markup("\n").join(parts)


def _item(name: str, spec: Checklist, item: content.ChecklistItem) -> Markup:
    detail = Markup("").join(
        Markup(
            '<p class="checklist__detail" data-detail="{0}">'
            '<span class="checklist__detail-label">{1}:</span> '
            '<span class="checklist__fill" data-detail-text></span></p>'
        ).format(key, label)
        for key, label in _DETAILS.get(item.id, ())
    )
    if item.id == _FLAG_LIST_AFTER:
        blank = Markup(
            '<li class="checklist__item checklist__item--blank">'
            '<span class="checklist__box"></span><span class="checklist__fill"></span>'
            '<span class="checklist__notes"></span></li>'
        )
        detail += Markup(
            '<ul class="checklist__items checklist__items--sub" data-dealbreaker-flags>{}</ul>'
        ).format(blank * _BLANK_FLAG_ROWS)
    return _ITEM.format(
        id=item.id,
        text=item.text,
        mine="",
        detail=detail,
        answer=spec.answer_label,
        list=name,
        extra="",
    )


def _group(name: str, spec: Checklist, group: ChecklistGroup) -> Markup:
    group_id = f"{name}-{group.id}"
    return Markup(
        '<section class="checklist__group" aria-labelledby="{0}">\n'
        '<h2 class="checklist__heading" id="{0}">{1}</h2>\n'
        '<ul class="checklist__items">\n{2}\n</ul>\n</section>'
    ).format(group_id, group.heading, Markup("\n").join(_item(name, spec, i) for i in group.items))


def _own_group(name: str, spec: Checklist) -> Markup:
    """The reader's own items (filled in by the page), the template of one, and the add form.

    The template's ``__ID__`` and text are replaced by the page; it marks the item as theirs.
    """
    template = _ITEM.format(
        id="__ID__",
        text="",
        mine=Markup('<span class="checklist__mine"> (yours)</span>'),
        detail=Markup(""),
        answer=spec.answer_label,
        list=name,
        extra=Markup(
            '<button class="md-button checklist__remove" type="button" '
            'aria-describedby="item-text-__ID__" data-remove>Remove</button>'
        ),
    )
    dealbreaker = Markup("")
    if spec.own == "red_flags":
        dealbreaker = Markup(
            '<span class="checklist-add__option">'
            '<input type="checkbox" id="add-{0}-dealbreaker" data-add-dealbreaker>'
            '<label for="add-{0}-dealbreaker">It rules an offer out for me (a dealbreaker)</label>'
            "</span>"
        ).format(name)
    return Markup(
        '<section class="checklist__group checklist__group--own" aria-labelledby="{0}-own" '
        'data-own="{1}" hidden>\n'
        '<h2 class="checklist__heading" id="{0}-own">{2}</h2>\n'
        '<ul class="checklist__items" data-own-items></ul>\n</section>\n'
        '<template data-own-template="{1}">{3}</template>\n'
        '<form class="checklist-add" data-add="{1}" hidden>'
        '<label class="checklist-add__label" for="add-{0}">{4}</label>'
        '<input class="checklist-add__input" id="add-{0}" type="text" maxlength="200" '
        'autocomplete="off" required data-add-text>'
        "{5}"
        '<button class="md-button checklist-add__button" type="submit">Add</button>'
        "</form>"
    ).format(name, spec.own, spec.own_heading, template, spec.add_label, dealbreaker)
