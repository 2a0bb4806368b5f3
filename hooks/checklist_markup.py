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
    """A heading and the items printed under it, each a question, a check or a red flag
    (``kind``: the page keeps a ticked red flag with the company's offer)."""

    id: str
    heading: str
    items: tuple[content.ChecklistItem, ...]
    kind: str


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
        ChecklistGroup(group.id, group.name, content.question_items(group), "question")
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
            "red_flag",
        )
        for category in content.FLAG_CATEGORIES
    )


def _dealbreakers() -> tuple[ChecklistGroup, ...]:
    # The dealbreaker check is the first decision step: its checks, for one offer at a time.
    step = content.DECISION_STEPS[0]
    return (ChecklistGroup(step.id, step.name, content.dealbreaker_checks(), "check"),)


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

# Details the reader types on the page, with their longest length (the engine's limit).
_EDITABLE = {"location_rule": 200}

# Check 3 lists the reader's dealbreaker red flags, each an item to tick when it is seen; with
# none saved, this many blank rows to write them on.
_BLANK_FLAG_ROWS = 4
_FLAG_LIST_AFTER = "eliminate_dealbreakers_3"

_ITEM = Markup(
    '<li class="checklist__item" data-item="{id}" data-kind="{kind}"{hidden}>'
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

    It has no blank line, so Python-Markdown passes it through untouched. It names every item
    of the framework's checklists (``data-framework-ids``), which the reader's own may not reuse.
    """
    if name not in CHECKLISTS:
        raise ValueError(f"unknown checklist {name!r}, expected one of {sorted(CHECKLISTS)}")
    spec = CHECKLISTS[name]
    parts = [
        Markup('<div class="checklist" data-checklist="{}" data-framework-ids="{}">').format(
            name, " ".join(content.checklist_item_ids())
        ),
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


def _item(
    name: str,
    spec: Checklist,
    item: content.ChecklistItem,
    kind: str,
    *,
    mine: bool = False,
    hidden: bool = False,
) -> Markup:
    """One item; ``mine`` marks the reader's own (with a button to remove it)."""
    extra = Markup("")
    if mine:
        extra = Markup(
            '<button class="md-button checklist__remove" type="button" '
            'aria-describedby="item-text-{}" data-remove>Remove</button>'
        ).format(item.id)
    return _ITEM.format(
        id=item.id,
        kind=kind,
        text=item.text,
        mine=Markup('<span class="checklist__mine"> (yours)</span>') if mine else "",
        detail=_details(name, spec, item),
        answer=spec.answer_label,
        list=name,
        extra=extra,
        hidden=Markup(" hidden") if hidden else "",
    )


def _details(name: str, spec: Checklist, item: content.ChecklistItem) -> Markup:
    """Under a dealbreaker check: the reader's rule and what the offer holds (see _DETAILS)."""
    parts = []
    for key, label in _DETAILS.get(item.id, ()):
        if key in _EDITABLE:
            # Typed on screen, kept in the offers file under the same key, printed as text.
            parts.append(
                Markup(
                    '<p class="checklist__detail checklist__detail--editable" data-detail="{0}">'
                    '<label class="checklist__detail-label" for="detail-{0}">{1}:</label> '
                    '<input class="checklist__detail-input" id="detail-{0}" type="text" '
                    'maxlength="{2}" autocomplete="off" data-document="{0}">'
                    '<span class="checklist__fill" data-detail-text></span></p>'
                ).format(key, label, _EDITABLE[key])
            )
        else:
            parts.append(
                Markup(
                    '<p class="checklist__detail" data-detail="{0}">'
                    '<span class="checklist__detail-label">{1}:</span> '
                    '<span class="checklist__fill" data-detail-text></span></p>'
                ).format(key, label)
            )
    if item.id == _FLAG_LIST_AFTER:
        parts.append(_dealbreaker_flags(name, spec))
    return Markup("").join(parts)


def _dealbreaker_flags(name: str, spec: Checklist) -> Markup:
    """Every red flag, hidden until the page shows those the reader counts as dealbreakers (a
    tick here is the same as on the red flag check); blank rows for a copy with none saved."""
    flags = [
        _item(name, spec, content.ChecklistItem(id=f.id, text=f.text), "red_flag", hidden=True)
        for f in content.RED_FLAGS
    ]
    blank = Markup(
        '<li class="checklist__item checklist__item--blank" data-blank-row>'
        '<span class="checklist__box"></span><span class="checklist__fill"></span>'
        '<span class="checklist__notes"></span></li>'
    )
    return Markup(
        '<ul class="checklist__items checklist__items--sub" data-dealbreaker-flags>{}{}</ul>'
        '<p class="checklist__hint" data-no-dealbreakers>None yet: mark red flags as dealbreakers '
        "in the calculator, or add your own on the red flag check.</p>"
        '<template data-own-template="red_flags">{}</template>'
    ).format(
        Markup("").join(flags), blank * _BLANK_FLAG_ROWS, _own_template(name, spec, "red_flag")
    )


def _own_template(name: str, spec: Checklist, kind: str) -> Markup:
    """One of the reader's own items; the page puts its id in place of ``__ID__``, and its text."""
    return _item(name, spec, content.ChecklistItem(id="__ID__", text=""), kind, mine=True)


def _group(name: str, spec: Checklist, group: ChecklistGroup) -> Markup:
    group_id = f"{name}-{group.id}"
    items = Markup("\n").join(_item(name, spec, i, group.kind) for i in group.items)
    return Markup(
        '<section class="checklist__group" aria-labelledby="{0}">\n'
        '<h2 class="checklist__heading" id="{0}">{1}</h2>\n'
        '<ul class="checklist__items">\n{2}\n</ul>\n</section>'
    ).format(group_id, group.heading, items)


def _own_group(name: str, spec: Checklist) -> Markup:
    """The reader's own items (filled in by the page), the template of one, and the add form."""
    kind = "red_flag" if spec.own == "red_flags" else "question"
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
    ).format(
        name,
        spec.own,
        spec.own_heading,
        _own_template(name, spec, kind),
        spec.add_label,
        dealbreaker,
    )
