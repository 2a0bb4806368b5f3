"""An offers document as a form sends it while it is being typed: an offer that is not complete
yet is set aside, with what it lacks, and never stops the others from being evaluated.

A file is checked whole (``OfferSet.from_dict``); the calculator reads with ``read_document``:
problems under ``offers[i]`` set that offer aside, problems anywhere else (the weights, the
assumptions, the decision record) are the document's own and refuse it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from offereval._contract import IncompleteView
from offereval._errors import Problem
from offereval._fields import OFFER_FIELDS
from offereval._model import OfferSet

_OFFER_PATH = re.compile(r"offers\[(\d+)\](?:\.([a-z_]+))?")
_NAMES = {f.key: f.label for f in OFFER_FIELDS}
_REQUIRED = {f.key for f in OFFER_FIELDS if f.required}


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class IncompleteOffer:
    """An offer left out of the evaluation until its problems are fixed."""

    index: int
    company: str  # as typed so far; may be empty
    problems: tuple[Problem, ...]

    @property
    def path(self) -> str:
        return f"offers[{self.index}]"

    @property
    def label(self) -> str:
        """How the page's form names the offer: "Offer 2", with its company when typed."""
        return f"Offer {self.index + 1}" + (f" ({self.company})" if self.company else "")

    @property
    def needs(self) -> tuple[str, ...]:
        """The required fields that are not given yet, by name."""
        return _field_names(p for p in self.problems if p.message.startswith("is required"))

    @property
    def to_check(self) -> tuple[str, ...]:
        """The other fields whose values are refused, by name."""
        return _field_names(p for p in self.problems if not p.message.startswith("is required"))

    @property
    def text(self) -> str:
        """One sentence saying what the offer lacks before it can be evaluated.

        >>> IncompleteOffer(index=1, company="", problems=(
        ...     Problem("offers[1].base_salary", "is required"),
        ...     Problem("offers[1].vesting_years", "must be ..."))).text
        'Offer 2 is not evaluated yet: it needs a base salary; check its vesting years.'
        """
        parts = []
        if self.needs:
            parts.append("it needs " + _join(["a " + n.lower() for n in self.needs]))
        if self.to_check:
            parts.append("check its " + _join([n.lower() for n in self.to_check]))
        return f"{self.label} is not evaluated yet: " + "; ".join(parts) + "."

    def to_dict(self) -> IncompleteView:
        return {
            "index": self.index,
            "path": self.path,
            "company": self.company,
            "label": self.label,
            "needs": list(self.needs),
            "to_check": list(self.to_check),
            "text": self.text,
            "problems": [p.to_dict() for p in self.problems],
        }


def _field_names(problems: Any) -> tuple[str, ...]:
    names: list[str] = []
    for problem in problems:
        match = _OFFER_PATH.match(problem.path)
        key = match.group(2) if match else None
        name = _NAMES.get(key or "", "offer") if key else "offer"
        if name not in names:
            names.append(name)
    return tuple(names)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class DocumentReading:
    """A document read for the calculator: what can be evaluated, and what the form shows."""

    offer_set: OfferSet | None  # the complete offers; None when nothing can be evaluated
    problems: tuple[Problem, ...]  # every problem, each with its path
    incomplete: tuple[IncompleteOffer, ...]
    readings: dict[str, str]  # path -> "read as 200,000", where that differs from the text
    questions: tuple[Problem, ...]  # values read anyway, with a question

    @property
    def refused(self) -> bool:
        return self.offer_set is None


def read_document(data: object) -> DocumentReading:
    """Read a document leniently: complete offers are kept, incomplete ones set aside.

    ``offer_set`` is None when the document itself has a problem (a path outside any offer)
    or no offer is complete: then there is nothing to evaluate.
    """
    offer_set, problems, remarks = OfferSet.read(data)
    by_offer: dict[int, list[Problem]] = {}
    document_problems = []
    for problem in problems:
        match = _OFFER_PATH.match(problem.path)
        if match:
            by_offer.setdefault(int(match.group(1)), []).append(problem)
        else:
            document_problems.append(problem)
    incomplete = tuple(
        IncompleteOffer(index=i, company=offer_set.offers[i].company, problems=tuple(found))
        for i, found in sorted(by_offer.items())
        if i < len(offer_set.offers)
    )
    complete = tuple(o for i, o in enumerate(offer_set.offers) if i not in by_offer)
    usable = not document_problems and complete
    return DocumentReading(
        offer_set=dataclasses.replace(offer_set, offers=complete) if usable else None,
        problems=tuple(problems),
        incomplete=incomplete,
        readings=dict(remarks.readings),
        questions=tuple(remarks.questions),
    )
