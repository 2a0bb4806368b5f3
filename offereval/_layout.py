"""Tables as the view sends them, and how each is best read on a phone 360 pixels wide.

Every table says where its offers are (``offers_as``: "rows", "columns" or "none") and how to
show it on a phone (``phone``):

- "table": as sent; it fits.
- "transposed": the table in ``transposed`` fits where the table as sent does not (the
  totals turned to a row per part and a column per offer; a year's table or a tax breakdown
  to a row per part and a column per year).
- "cards": nothing fits; show each row of the table as sent as a card, its first cell as the
  title and every other cell under its column's name.

The advice comes from an estimate of the width in characters (``PHONE_CHARACTERS``): a figure
never wraps, so its column is as wide as its longest text; words wrap, so theirs is as wide as
their longest word; a heading wraps too, and breaks a word longer than ``HEADING_WORD``
characters (the page sets ``overflow-wrap: anywhere`` on headings, so a company's long name
never widens a column of figures). The page applies the advice and never computes it.
"""

from __future__ import annotations

import re
from typing import Literal

from offereval._contract import Row, Table, Transposed

# 360 px less the page's margins, at about 8 px per character of a 14 px font
PHONE_CHARACTERS = 40
HEADING_WORD = 10  # a heading's word longer than this breaks
_GAP = 2  # between two columns, in characters
_FIGURE = re.compile(r"[-+]?[0-9][0-9,.]*%?")
_WORD_COLUMN_MIN = 6  # a column of words is never narrower than this


def row(cells: list[str], *tags: str) -> Row:
    """One row: its cells, already formatted, and tags such as "leader" for styles."""
    return {"cells": cells, "tags": [t for t in tags if t]}


def _align(columns: list[str], rows: list[Row]) -> list[str]:
    """Per column: figures right, words left (the first column always holds names)."""
    return [
        "right"
        if i > 0 and rows and all(_FIGURE.fullmatch(r["cells"][i]) for r in rows)
        else "left"
        for i in range(len(columns))
    ]


def table(
    table_id: str,
    caption: str,
    columns: list[str],
    rows: list[Row],
    note: str = "",
    *,
    offers_as: Literal["rows", "columns", "none"] = "none",
    transposable: bool = False,
    words: bool = False,
) -> Table:
    """A table; ``align`` says per column whether it holds figures (right) or words (left).

    A ``transposable`` table also comes ``transposed`` (for the totals: a row per part and the
    offers as columns), which phones show when it fits better. A table of ``words`` has every
    column left-aligned, even one that happens to hold only numbers (a call's round).
    """
    align = ["left"] * len(columns) if words else _align(columns, rows)
    transposed = transpose(columns, rows) if transposable else None
    return {
        "id": table_id,
        "caption": caption,
        "columns": columns,
        "align": align,
        "rows": rows,
        "note": note or None,
        "offers_as": offers_as,
        "transposed": transposed,
        "phone": phone_layout(columns, rows, align, transposed),
    }


def transpose(columns: list[str], rows: list[Row]) -> Transposed:
    """The table turned a quarter: each row becomes a column headed by its first cell, and
    its tags go with it (``column_tags``, one list per column, the first for the corner, which
    keeps the first column's name: "Company" above the companies)."""
    new_columns = [columns[0]] + [r["cells"][0] for r in rows]
    new_rows = [row([columns[i]] + [r["cells"][i] for r in rows]) for i in range(1, len(columns))]
    return {
        "columns": new_columns,
        "align": _align(new_columns, new_rows),
        "rows": new_rows,
        "column_tags": [[]] + [list(r["tags"]) for r in rows],
    }


def width(columns: list[str], rows: list[Row], align: list[str]) -> int:
    """The characters a table needs at least: figures unbroken, words wrapped."""
    total = 0
    for i, heading in enumerate(columns):
        cells = [r["cells"][i] for r in rows]
        widest = min(_longest_word(heading), HEADING_WORD)
        if align[i] == "right":  # figures do not wrap
            widest = max([widest] + [len(c) for c in cells])
        else:
            widest = max([widest, _WORD_COLUMN_MIN] + [_longest_word(c) for c in cells])
        total += widest + (_GAP if i else 0)
    return total


def _longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)


def phone_layout(
    columns: list[str],
    rows: list[Row],
    align: list[str],
    transposed: Transposed | None,
) -> Literal["table", "transposed", "cards"]:
    """ "transposed" when that fits, else "table" when the table as sent fits, else "cards"."""
    if transposed is not None:
        turned = width(transposed["columns"], transposed["rows"], transposed["align"])
        if turned <= PHONE_CHARACTERS:
            return "transposed"
    if width(columns, rows, align) <= PHONE_CHARACTERS:
        return "table"
    return "cards"
