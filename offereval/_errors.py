"""The errors offereval raises: each says which input it is about and what was wrong with it."""

from __future__ import annotations

import dataclasses

from offereval._contract import ProblemView


@dataclasses.dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input, at a path such as ``offers[1].vesting_years``."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def to_dict(self) -> ProblemView:
        return {"path": self.path, "message": self.message}


class InputError(ValueError):
    """Raised by the loaders and validators with every problem found in one input at once.

    >>> raise InputError([Problem("offers[1].vesting_years", "must be at least 1, got 0")])
    Traceback (most recent call last):
        ...
    offereval._errors.InputError: offers[1].vesting_years: must be at least 1, got 0
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
