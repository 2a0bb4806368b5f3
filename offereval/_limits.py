"""How much offereval reads: limits checked before any work, each refusal naming its limit.

A comparison needs a handful of offers. These bounds sit far above any real offers file and far
below what would make reading one slow, or run the browser's engine out of memory or out of the
small stack Pyodide runs on. The command line, the bridge (import, share link, evaluation) and the
page all take them from here, and the README lists them.

Reading a file is linear in its size; what is read is then checked here in one pass, before any
offer is looked at. The same pass refuses a key given twice in one mapping, which JSON readers
and YAML flow mappings would otherwise let the last one win.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from offereval._answers import Limits
from offereval._errors import InputError, Problem

MAX_FILE_BYTES = 1024 * 1024  # a file or standard input; fifty offers with long notes fit
MAX_LINK_CHARS = 1024 * 1024  # a share link's packed #fragment; it unpacks to MAX_FILE_BYTES
MAX_DEPTH = 10  # lists and mappings inside each other; an offers file needs four
MAX_OFFERS = 50
MAX_ENTRIES = 200  # in any other list or mapping; a call can tick about 130 checklist items
MAX_TEXT_CHARS = 10_000  # in any string or key, notes included


def as_dict() -> Limits:
    """The limits, for the page (which reads no more of a file than the engine would)."""
    return {
        "file_bytes": MAX_FILE_BYTES,
        "link_chars": MAX_LINK_CHARS,
        "depth": MAX_DEPTH,
        "offers": MAX_OFFERS,
        "entries": MAX_ENTRIES,
        "text_chars": MAX_TEXT_CHARS,
    }


def _mib(size: int) -> str:
    return f"{size / 1024**2:g} MiB ({size:,} bytes)"


def too_deep() -> str:
    """The message for nesting past MAX_DEPTH (the YAML reader adds the line)."""
    return (
        f"lists and mappings nest more than {MAX_DEPTH} deep; offereval reads {MAX_DEPTH} at most"
    )


def check_size(size: int) -> None:
    """Refuse a file of ``size`` bytes over MAX_FILE_BYTES."""
    if size > MAX_FILE_BYTES:
        message = f"the file is larger than {_mib(MAX_FILE_BYTES)}, the most offereval reads"
        raise InputError([Problem("", message)])


def check_text(text: str) -> None:
    """Refuse text over MAX_FILE_BYTES once written as UTF-8, before it is parsed."""
    check_size(len(text))  # every character is at least one byte: no encoding needed to refuse
    check_size(len(text.encode("utf-8", "surrogatepass")))


def check_unpacked(size: int) -> None:
    """Refuse a share link whose packed offers unpack to more than MAX_FILE_BYTES."""
    if size > MAX_FILE_BYTES:
        message = f"this share link unpacks to more than {_mib(MAX_FILE_BYTES)}"
        raise InputError([Problem("", message + ", the most offereval reads")])


def check_link(fragment: str) -> None:
    """Refuse a share link's fragment longer than MAX_LINK_CHARS, before it is unpacked."""
    if len(fragment) > MAX_LINK_CHARS:
        message = f"this share link is longer than {MAX_LINK_CHARS:,} characters"
        raise InputError([Problem("", message + ", the most offereval reads")])


# A JSON string (its escapes included), and everything that is not a bracket.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")


def check_json_nesting(text: str) -> None:
    """Refuse JSON text whose brackets nest past MAX_DEPTH, before a parser recurses into them.

    Counted in one pass, without recursion: Pyodide's stack is too small for what CPython's
    recursion limit allows, and a runtime that overflows it stops answering altogether.
    """
    depth = 0
    for bracket in _NOT_BRACKETS.sub("", _JSON_STRING.sub("", text)):
        if bracket in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError([Problem("", too_deep())])
        else:
            depth = max(depth - 1, 0)


class FileMapping(dict[str, Any]):
    """A mapping as a file wrote it: a key given twice keeps its last value, and is listed in
    ``repeated`` so that check_document refuses it with its path."""

    repeated: tuple[str, ...] = ()


def mapping_from_pairs(pairs: Sequence[tuple[str, Any]]) -> FileMapping:
    """A FileMapping from (key, value) pairs in file order (json's ``object_pairs_hook``)."""
    mapping = FileMapping(pairs)
    if len(mapping) < len(pairs):
        seen: set[str] = set()
        repeated: dict[str, None] = {}
        for key, _ in pairs:
            if key in seen:
                repeated[key] = None
            seen.add(key)
        mapping.repeated = tuple(repeated)
    return mapping


def check_document(data: object) -> None:
    """Refuse a document over any limit, or with a key given twice, before anything reads it.

    One pass over every value, without recursion; a list or mapping over a limit is refused
    without looking inside it. Raises InputError listing every problem with its path.
    """
    problems: list[Problem] = []
    stack: list[tuple[object, str, int]] = [(data, "", 1)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, str):
            if len(value) > MAX_TEXT_CHARS:
                problems.append(Problem(path, _too_long("is", len(value))))
            continue
        if not _is_collection(value):
            continue
        if depth > MAX_DEPTH:
            problems.append(Problem(path, too_deep()))
            continue
        over = _over_count(value, path)
        if over:
            problems.append(Problem(path, over))
            continue
        children = _children(value, path, problems)
        stack += [(child, child_path, depth + 1) for child, child_path in reversed(children)]
    if problems:
        raise InputError(problems)


def _at(path: str, key: object) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _is_collection(value: object) -> bool:
    return isinstance(value, Mapping) or (
        isinstance(value, Sequence) and not isinstance(value, (str, bytes))
    )


def _children(value: Any, path: str, problems: list[Problem]) -> list[tuple[object, str]]:
    """The items of a list or mapping with their paths. Keys given twice, or too long to show
    in a path, are problems of their own."""
    if not isinstance(value, Mapping):
        return [(item, _at(path, i)) for i, item in enumerate(value)]
    repeated = getattr(value, "repeated", ())
    problems += [Problem(_at(path, key), "is given more than once; keep one") for key in repeated]
    children: list[tuple[object, str]] = []
    for key, item in value.items():
        if isinstance(key, str) and len(key) > MAX_TEXT_CHARS:
            problems.append(Problem(path, _too_long("has a key", len(key))))
        else:
            children.append((item, _at(path, key)))
    return children


def _over_count(value: Any, path: str) -> str:
    """What is wrong with the number of entries of a list or mapping ("" when nothing is)."""
    count = len(value)
    if path == "offers" and not isinstance(value, Mapping):
        if count > MAX_OFFERS:
            return f"lists {count:,} offers; offereval compares {MAX_OFFERS} at most"
        return ""
    if count > MAX_ENTRIES:
        return (
            f"has {count:,} entries; offereval reads {MAX_ENTRIES} at most in one list or mapping"
        )
    return ""


def _too_long(what: str, length: int) -> str:
    return f"{what} {length:,} characters long; offereval reads {MAX_TEXT_CHARS:,} at most"
