"""Offers files as text: JSON or YAML in, JSON or YAML out."""

from __future__ import annotations

import json
from typing import Any

from offereval import _limits, _printable, _yaml
from offereval._errors import InputError, Problem
from offereval._model import OfferSet

FORMATS = ("json", "yaml")


def format_of(filename: str) -> str:
    """The format a file name implies: .json is JSON, .yaml/.yml is YAML, anything else JSON
    if it starts like JSON and YAML otherwise (the caller decides on the text)."""
    lower = filename.lower()
    if lower.endswith(".json"):
        return "json"
    if lower.endswith((".yaml", ".yml")):
        return "yaml"
    return ""


def decode(data: bytes) -> str:
    """A file's bytes as text: at most MAX_FILE_BYTES (InputError beyond), UTF-8
    (UnicodeDecodeError otherwise). A byte-order mark is dropped when the text is parsed."""
    _limits.check_size(len(data))
    return data.decode("utf-8")


def parse_text(text: str, fmt: str = "") -> Any:
    """Plain data from JSON or YAML text; a malformed file raises InputError with its line.

    Text over the size limit is refused before it is parsed. JSON is read as JSON whatever the
    format says, since JSON is YAML too: the page's JSON export saved as offers.yaml is read.
    """
    _limits.check_text(text)
    text = text.removeprefix("\ufeff")  # a byte-order mark, as some editors write one
    looks_like_json = text.lstrip().startswith(("{", "["))
    if fmt == "json" or (looks_like_json and not fmt):
        return _json(text)
    if looks_like_json:
        try:
            return _json(text)
        except InputError:
            pass  # a YAML flow mapping such as {offers: [...]}, which JSON does not allow
    return _yaml.loads(text)


def _json(text: str) -> Any:
    _limits.check_json_nesting(text)
    try:
        return json.loads(text, object_pairs_hook=_limits.mapping_from_pairs)
    except json.JSONDecodeError as error:
        raise InputError(
            [Problem("", f"line {error.lineno}, column {error.colno}: not valid JSON: {error.msg}")]
        ) from None
    except ValueError as error:  # e.g. an integer longer than Python converts (4300 digits)
        raise InputError([Problem("", f"the file cannot be read: {error}")]) from None


def load_text(text: str, filename: str = "") -> OfferSet:
    """An offers file's text, checked: raises InputError listing every problem."""
    return read_text(text, filename)[0]


def read_text(text: str, filename: str = "") -> tuple[OfferSet, tuple[Problem, ...]]:
    """An offers file's text, checked, with the questions about values that were read but
    look like slips ("a yearly base salary of 500? ..."); raises InputError like load_text."""
    offer_set, problems, remarks = OfferSet.read(parse_text(text, format_of(filename)))
    if problems:
        raise InputError(problems)
    return offer_set, tuple(remarks.questions)


def dump_text(offer_set: OfferSet, fmt: str) -> str:
    """The offers file as JSON or YAML text, ready to save and load again."""
    data = offer_set.to_dict()
    if fmt == "json":
        return _printable.json_text(data, indent=2) + "\n"
    if fmt == "yaml":
        return _yaml.dumps(data)
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
