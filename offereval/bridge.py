"""The browser's door into the engine: JSON text in, JSON text out.

The Web Worker calls these functions through Pyodide. Strings cross the bridge rather than
converted objects, so the page never depends on how Pyodide maps Python values to JavaScript.
Every answer is an object with ``ok``: true with the payload, or false with ``problems``, a list
of ``{"path", "message"}`` that the page shows next to the field each path names.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import zlib
from collections.abc import Callable

from offereval import _content, _example, _files, _limits, _pickers, _printable
from offereval._answers import (
    DumpAnswer,
    EvaluateAnswer,
    EvaluateRefusal,
    FormAnswer,
    FragmentAnswer,
    LoadAnswer,
    Refusal,
)
from offereval._contract import ProblemView
from offereval._decision import evaluate as _evaluate
from offereval._document import read_document
from offereval._errors import InputError, Problem
from offereval._fields import OFFER_FIELDS, describe
from offereval._model import DOCUMENT_KEYS, OfferSet
from offereval._record import parse_timestamp
from offereval._view import build_view

_FRAGMENT_PREFIX = "v1."


def _answer(answer: FormAnswer | EvaluateAnswer | LoadAnswer | DumpAnswer | FragmentAnswer) -> str:
    return _printable.json_text(answer)


def _refuse(problems: list[Problem] | tuple[Problem, ...]) -> str:
    refusal: Refusal = {"ok": False, "problems": [p.to_dict() for p in problems]}
    return _printable.json_text(refusal)


def _always_answers[**P](function: Callable[P, str]) -> Callable[P, str]:
    """Whatever goes wrong inside, the page gets an answer it can show, and the engine lives on:
    an InputError is the refusal it lists, and any other exception (a RecursionError, a
    MemoryError, a mistake of ours) a refusal that names it. None escapes to the worker."""

    @functools.wraps(function)
    def answering(*args: P.args, **kwargs: P.kwargs) -> str:
        try:
            return function(*args, **kwargs)
        except InputError as error:
            return _refuse(error.problems)
        except Exception as error:
            message = f"offereval could not process this ({type(error).__name__})"
            return _refuse([Problem("", message)])

    return answering


def _document(document_json: str) -> OfferSet:
    return OfferSet.from_dict(_files.parse_text(document_json, "json"))


def framework() -> str:
    """The framework's items (factors, weights, rubric, flags, questions, steps) as JSON."""
    return json.dumps(_content.as_dict())


def form() -> str:
    """What the calculator's form is built from: every offer field with its label and bounds,
    and the limits on what the engine reads (so the page reads no more of a file)."""
    return _answer(
        {
            "ok": True,
            "offer_fields": [f.to_dict() for f in OFFER_FIELDS],
            "document_fields": list(DOCUMENT_KEYS),
            "factors": [
                {"id": f.id, "name": f.name, "weight": f.weight, "questions": f.questions}
                for f in _content.FACTORS
            ],
            "growth_areas": [
                {"id": a.id, "name": a.name, "high": a.high, "medium": a.medium, "low": a.low}
                for a in _content.GROWTH_AREAS
            ],
            "growth_levels": [level for level, _ in _content.GROWTH_LEVELS],
            "red_flags": [
                {"id": f.id, "category": f.category, "text": f.text} for f in _content.RED_FLAGS
            ],
            "flag_categories": [{"id": c.id, "name": c.name} for c in _content.FLAG_CATEGORIES],
            "limits": _limits.as_dict(),
            "places": _pickers.places(),
            "currencies": _pickers.currencies(),
            "tax_settings": _pickers.tax_settings(),
        }
    )


def example() -> str:
    """The example offers file (the framework's two offers) as JSON."""
    return json.dumps(_example.example())


@_always_answers
def evaluate(document_json: str, now_iso: str) -> str:
    """Evaluate the form's document: the machine result and the view the page renders.

    The document holds what was typed, numbers as text included ("$200,000", "15%"). Complete
    offers are evaluated even while another is incomplete; the answer is

    - ``{"ok": true, "result", "view", "problems", "readings", "questions", "rate_fields"}``,
      where
      ``problems`` are those of the offers set aside (each offer is also in
      ``view["incomplete"]``, with a sentence saying what it lacks); or
    - ``{"ok": false, "problems", "readings", "questions", "rate_fields"}`` when the document
      itself has a
      problem (a path outside ``offers[i]``: weights, assumptions, decision) or no offer is
      complete yet.

    ``readings`` maps a field's path to how its text was read, only where that differs from
    the text ("read as 200,000"); ``questions`` (``{"path", "message"}``) ask about values
    that were read and evaluated but look like slips ("a yearly base salary of 500? ...");
    ``rate_fields`` (``{"value", "label"}``) are the exchange rates to ask for ("Value of 1
    GBP in USD"), one per currency the offers need converted or whose rate is given.
    """
    now = parse_timestamp(now_iso)
    if now is None:
        return _refuse([Problem("", f"the current time is not a date-time: {describe(now_iso)}")])
    data = _files.parse_text(document_json, "json")
    reading = read_document(data)
    questions: list[ProblemView] = [q.to_dict() for q in reading.questions]
    rate_fields = _pickers.rate_fields(data)
    if reading.offer_set is None:
        refusal: EvaluateRefusal = {
            "ok": False,
            "problems": [p.to_dict() for p in reading.problems],
            "readings": reading.readings,
            "questions": questions,
            "rate_fields": rate_fields,
        }
        return _printable.json_text(refusal)
    evaluation = _evaluate(
        reading.offer_set, now, incomplete=reading.incomplete, questions=reading.questions
    )
    return _answer(
        {
            "ok": True,
            "result": evaluation.to_dict(),
            "view": build_view(evaluation),
            "problems": [p.to_dict() for p in reading.problems],
            "readings": reading.readings,
            "questions": questions,
            "rate_fields": rate_fields,
        }
    )


@_always_answers
def load(text: str, filename: str) -> str:
    """An imported file (JSON or YAML), checked in full; the document in the file's own form."""
    return _answer({"ok": True, "document": _files.load_text(text, filename).to_dict()})


@_always_answers
def dump(document_json: str, fmt: str) -> str:
    """The document as the text of an offers file, for export."""
    if fmt not in _files.FORMATS:
        return _refuse([Problem("", f"format must be one of {', '.join(_files.FORMATS)}")])
    return _answer({"ok": True, "text": _files.dump_text(_document(document_json), fmt)})


@_always_answers
def to_fragment(document_json: str) -> str:
    """The document packed for a share link's #fragment (compressed, URL-safe base64)."""
    offer_set = _document(document_json)
    packed = zlib.compress(json.dumps(offer_set.to_dict(), separators=(",", ":")).encode(), 9)
    fragment = _FRAGMENT_PREFIX + base64.urlsafe_b64encode(packed).decode().rstrip("=")
    if len(fragment) > _limits.MAX_LINK_CHARS:
        message = (
            f"these offers are too large for a share link (more than "
            f"{_limits.MAX_LINK_CHARS:,} characters); export them to a file instead"
        )
        return _refuse([Problem("", message)])
    return _answer({"ok": True, "fragment": fragment})


@_always_answers
def from_fragment(fragment: str) -> str:
    """A document unpacked from a share link's #fragment, checked like an imported file.

    The link's length is checked before it is unpacked, and unpacking stops at the file limit:
    a link of one megabyte can unpack to a gigabyte.
    """
    if not fragment.startswith(_FRAGMENT_PREFIX):
        return _refuse([Problem("", "this share link is not one offereval made")])
    _limits.check_link(fragment)
    body = fragment[len(_FRAGMENT_PREFIX) :]
    damaged = [Problem("", "this share link is damaged: it may have been cut short")]
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        unpacker = zlib.decompressobj()
        raw = unpacker.decompress(packed, _limits.MAX_FILE_BYTES + 1)
    except (binascii.Error, zlib.error, ValueError):
        return _refuse(damaged)
    _limits.check_unpacked(len(raw))
    if not unpacker.eof:  # the packed offers end early
        return _refuse(damaged)
    try:
        text = raw.decode()
    except UnicodeDecodeError:
        return _refuse(damaged)
    return load(text, "shared.json")
