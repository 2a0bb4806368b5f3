"""The browser's door into the engine: JSON text in, JSON text out.

The Web Worker calls these functions through Pyodide. Strings cross the bridge rather than
converted objects, so the page never depends on how Pyodide maps Python values to JavaScript.
Every answer is an object with ``ok``: true with the payload, or false with ``problems``, a list
of ``{"path", "message"}`` that the page shows next to the field each path names.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from typing import Any

from offereval import _content, _example, _files
from offereval._decision import evaluate as _evaluate
from offereval._document import read_document
from offereval._errors import InputError, Problem
from offereval._fields import OFFER_FIELDS, describe
from offereval._model import DOCUMENT_KEYS, OfferSet
from offereval._record import parse_timestamp
from offereval._view import build_view

_FRAGMENT_PREFIX = "v1."


def _answer(payload: dict[str, Any]) -> str:
    return json.dumps({"ok": True, **payload}, ensure_ascii=False)


def _refuse(problems: list[Problem] | tuple[Problem, ...], **more: Any) -> str:
    return json.dumps(
        {"ok": False, "problems": [p.to_dict() for p in problems], **more}, ensure_ascii=False
    )


def _document(document_json: str) -> OfferSet:
    return OfferSet.from_dict(_files.parse_text(document_json, "json"))


def framework() -> str:
    """The framework's items (factors, weights, rubric, flags, questions, steps) as JSON."""
    return json.dumps(_content.as_dict())


def form() -> str:
    """What the calculator's form is built from: every offer field with its label and bounds."""
    return _answer(
        {
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
        }
    )


def example() -> str:
    """The example offers file (the framework's two offers) as JSON."""
    return json.dumps(_example.example())


def evaluate(document_json: str, now_iso: str) -> str:
    """Evaluate the form's document: the machine result and the view the page renders.

    The document holds what was typed, numbers as text included ("$200,000", "15%"). Complete
    offers are evaluated even while another is incomplete; the answer is

    - ``{"ok": true, "result", "view", "problems", "readings", "questions"}``, where
      ``problems`` are those of the offers set aside (each offer is also in
      ``view["incomplete"]``, with a sentence saying what it lacks); or
    - ``{"ok": false, "problems", "readings", "questions"}`` when the document itself has a
      problem (a path outside ``offers[i]``: weights, assumptions, decision) or no offer is
      complete yet.

    ``readings`` maps a field's path to how its text was read, only where that differs from
    the text ("read as 200,000"); ``questions`` (``{"path", "message"}``) ask about values
    that were read and evaluated but look like slips ("a yearly base salary of 500? ...").
    """
    now = parse_timestamp(now_iso)
    if now is None:
        return _refuse([Problem("", f"the current time is not a date-time: {describe(now_iso)}")])
    try:
        data = _files.parse_text(document_json, "json")
    except InputError as error:
        return _refuse(error.problems)
    reading = read_document(data)
    remarks = {
        "readings": reading.readings,
        "questions": [q.to_dict() for q in reading.questions],
    }
    if reading.offer_set is None:
        return _refuse(reading.problems, **remarks)
    evaluation = _evaluate(
        reading.offer_set, now, incomplete=reading.incomplete, questions=reading.questions
    )
    return _answer(
        {
            "result": evaluation.to_dict(),
            "view": build_view(evaluation),
            "problems": [p.to_dict() for p in reading.problems],
            **remarks,
        }
    )


def load(text: str, filename: str) -> str:
    """An imported file (JSON or YAML), checked in full; the document in the file's own form."""
    try:
        offer_set = _files.load_text(text, filename)
    except InputError as error:
        return _refuse(error.problems)
    return _answer({"document": offer_set.to_dict()})


def dump(document_json: str, fmt: str) -> str:
    """The document as the text of an offers file, for export."""
    if fmt not in _files.FORMATS:
        return _refuse([Problem("", f"format must be one of {', '.join(_files.FORMATS)}")])
    try:
        offer_set = _document(document_json)
    except InputError as error:
        return _refuse(error.problems)
    return _answer({"text": _files.dump_text(offer_set, fmt)})


def to_fragment(document_json: str) -> str:
    """The document packed for a share link's #fragment (compressed, URL-safe base64)."""
    try:
        offer_set = _document(document_json)
    except InputError as error:
        return _refuse(error.problems)
    packed = zlib.compress(json.dumps(offer_set.to_dict(), separators=(",", ":")).encode(), 9)
    text = base64.urlsafe_b64encode(packed).decode().rstrip("=")
    return _answer({"fragment": _FRAGMENT_PREFIX + text})


def from_fragment(fragment: str) -> str:
    """A document unpacked from a share link's #fragment, checked like an imported file."""
    if not fragment.startswith(_FRAGMENT_PREFIX):
        return _refuse([Problem("", "this share link is not one offereval made")])
    body = fragment[len(_FRAGMENT_PREFIX) :]
    try:
        raw = zlib.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        text = raw.decode()
    except (binascii.Error, zlib.error, UnicodeDecodeError, ValueError):
        return _refuse([Problem("", "this share link is damaged: it may have been cut short")])
    return load(text, "shared.json")
