"""The YAML that offers files are written in, read and written with the standard library only.

The engine must run in the browser with nothing but Python's standard library, so it reads YAML
itself rather than through a third-party parser. It reads the block style people write by hand:
mappings, lists (``- item``), one-line flow lists and mappings (``[5, 15, 40, 40]``), quoted and
plain scalars, comments. Anchors, aliases, tags, multi-line strings and multiple documents are
refused with the line they are on, never silently misread.
"""

from __future__ import annotations

import json
import re
from typing import Any

from offereval._errors import InputError, Problem
from offereval._limits import MAX_DEPTH, FileMapping, too_deep

_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOATS = {
    ".inf": float("inf"),
    "+.inf": float("inf"),
    "-.inf": float("-inf"),
    ".nan": float("nan"),
}
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
# Words other YAML readers take as booleans: always quoted on output so every reader agrees.
_AMBIGUOUS = {"yes", "no", "on", "off", "y", "n"}


class _Line:
    __slots__ = ("content", "indent", "number")

    def __init__(self, number: int, indent: int, content: str) -> None:
        self.number, self.indent, self.content = number, indent, content


def _error(number: int, message: str) -> InputError:
    return InputError([Problem("", f"line {number}: {message}")])


def loads(text: str) -> Any:
    """Parse one YAML document in the subset described above."""
    lines = _significant_lines(text)
    if not lines:
        return None
    value, end = _block(lines, 0, lines[0].indent, 1)
    if end < len(lines):
        raise _error(lines[end].number, "unexpected text after the document; check indentation")
    return value


def _significant_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        body = _strip_comment(raw, number).rstrip()
        if not body.strip():
            continue
        stripped = body.lstrip(" ")
        if stripped.startswith("\t") or stripped != body.lstrip():
            raise _error(number, "indent with spaces, not tabs")
        if stripped == "---":
            if lines:
                raise _error(number, "only one document per file is supported")
            continue
        if stripped == "...":
            break
        if stripped.startswith("%"):
            raise _error(number, "YAML directives are not supported")
        lines.append(_Line(number, len(body) - len(stripped), stripped))
    return lines


def _strip_comment(raw: str, number: int) -> str:
    quote = ""
    skip = False
    for i, ch in enumerate(raw):
        if skip:  # the second character of an escape: \" in double quotes, '' in single
            skip = False
        elif quote:
            if (quote == '"' and ch == "\\") or (quote == "'" and raw[i : i + 2] == "''"):
                skip = True
            elif ch == quote:
                quote = ""
        elif ch in "\"'" and (i == 0 or raw[i - 1] in " \t[{,:-"):
            quote = ch
        elif ch == "#" and (i == 0 or raw[i - 1] in " \t"):
            return raw[:i]
    return raw


def _block(lines: list[_Line], i: int, indent: int, depth: int) -> tuple[Any, int]:
    """The value starting at lines[i]; a list or mapping there is ``depth`` levels deep."""
    line = lines[i]
    if line.indent != indent:
        raise _error(line.number, "unexpected indentation")
    if _is_item(line.content):
        return _sequence(lines, i, indent, depth)
    if _split_key(line.content, line.number) is not None:
        return _mapping(lines, i, indent, depth)
    return _scalar(line.content, line.number, depth), i + 1


def _check_depth(depth: int, number: int) -> None:
    # Refused as it is reached, so nesting never gets deep enough to exhaust a small stack.
    if depth > MAX_DEPTH:
        raise _error(number, too_deep())


def _is_item(content: str) -> bool:
    return content == "-" or content.startswith("- ")


def _sequence(lines: list[_Line], i: int, indent: int, depth: int) -> tuple[list[Any], int]:
    _check_depth(depth, lines[i].number)
    items: list[Any] = []
    while i < len(lines) and lines[i].indent == indent and _is_item(lines[i].content):
        line = lines[i]
        rest = line.content[1:].lstrip(" ")
        if not rest:
            if i + 1 < len(lines) and lines[i + 1].indent > indent:
                value, i = _block(lines, i + 1, lines[i + 1].indent, depth + 1)
            else:
                value, i = None, i + 1
        elif _is_item(rest) or _split_key(rest, line.number) is not None:
            # "- key: value" starts a nested block whose indentation is where "key" stands.
            lines[i] = _Line(line.number, indent + len(line.content) - len(rest), rest)
            value, i = _block(lines, i, lines[i].indent, depth + 1)
        else:
            value, i = _scalar(rest, line.number, depth + 1), i + 1
        items.append(value)
    if i < len(lines) and lines[i].indent > indent:
        raise _error(lines[i].number, "unexpected indentation")
    return items, i


def _mapping(lines: list[_Line], i: int, indent: int, depth: int) -> tuple[FileMapping, int]:
    _check_depth(depth, lines[i].number)
    result = FileMapping()
    repeated: dict[str, None] = {}  # a dict: in order, and found at once however many
    while i < len(lines) and lines[i].indent == indent and not _is_item(lines[i].content):
        line = lines[i]
        pair = _split_key(line.content, line.number)
        if pair is None:
            raise _error(line.number, "expected 'key: value'")
        key, rest = pair
        if key in result:
            repeated[key] = None  # refused with its path once the document is read
        i += 1
        if rest:
            result[key] = _scalar(rest, line.number, depth + 1)
        elif i < len(lines) and lines[i].indent > indent:
            result[key], i = _block(lines, i, lines[i].indent, depth + 1)
        elif i < len(lines) and lines[i].indent == indent and _is_item(lines[i].content):
            # a list may sit level with its key
            result[key], i = _sequence(lines, i, indent, depth + 1)
        else:
            result[key] = None
    if i < len(lines) and lines[i].indent > indent:
        raise _error(lines[i].number, "unexpected indentation")
    result.repeated = tuple(repeated)
    return result, i


def _split_key(content: str, number: int) -> tuple[str, str] | None:
    """'key: value' -> (key, value); None when the line is not a mapping entry."""
    if content[0] in "[{":
        return None
    if content[0] in "\"'":
        end = _quoted_end(content, 0, number)
        after = content[end:]
        if not (after == ":" or after.startswith(": ")):
            return None
        return str(_scalar(content[:end], number, 1)), after[1:].strip()
    match = re.search(r":( |$)", content)
    if match is None:
        return None
    key = content[: match.start()].strip()
    if key[:1] in ("&", "*", "!", "?"):
        raise _error(number, "anchors, aliases, tags and complex keys are not supported")
    return key, content[match.end() :].strip()


def _quoted_end(text: str, start: int, number: int) -> int:
    quote = text[start]
    i = start + 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if quote == "'" and text[i + 1 : i + 2] == "'":
                i += 2
                continue
            return i + 1
        i += 1
    raise _error(number, "a quoted string is not closed on its line")


def _scalar(text: str, number: int, depth: int) -> Any:
    text = text.strip()
    if text[:1] in ("[", "{"):
        value, end = _flow(text, 0, number, depth)
        if text[end:].strip():
            raise _error(number, f"unexpected text after the closing bracket: {text[end:]!r}")
        return value
    if text[:1] in ("&", "*", "!"):
        raise _error(number, "anchors, aliases and tags are not supported")
    if text[:1] in ("|", ">"):
        raise _error(number, "multi-line strings are not supported; write the text on one line")
    if text[:1] in ('"', "'"):  # a tuple: "" in a string would be True
        end = _quoted_end(text, 0, number)
        if text[end:].strip():
            raise _error(number, f"unexpected text after the closing quote: {text[end:]!r}")
        return _unquote(text[:end], number)
    return _plain(text)


def _unquote(text: str, number: int) -> str:
    if text[0] == "'":
        return text[1:-1].replace("''", "'")
    try:
        return str(json.loads(text))
    except json.JSONDecodeError:
        raise _error(number, f"bad escape in the double-quoted string {text}") from None


def _plain(text: str) -> Any:
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    if text.lower() in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[text.lower()]
    return text


def _flow(text: str, i: int, number: int, depth: int) -> tuple[Any, int]:
    """A one-line flow collection starting at text[i]; returns it and the index after it."""
    _check_depth(depth, number)
    closing = "]" if text[i] == "[" else "}"
    items: list[Any] = []
    mapping = FileMapping()
    repeated: dict[str, None] = {}
    i += 1
    while True:
        i = _skip_spaces(text, i)
        if i >= len(text):
            raise _error(number, f"'{text[0]}' is not closed on its line")
        if text[i] == closing:
            mapping.repeated = tuple(repeated)
            return (items if closing == "]" else mapping), i + 1
        stop = ",:" + closing if closing == "}" else "," + closing
        value, i = _flow_value(text, i, number, stop, depth + 1)
        if closing == "}":
            i = _skip_spaces(text, i)
            if text[i : i + 1] != ":":
                raise _error(number, "expected 'key: value' in a flow mapping")
            entry, i = _flow_value(text, _skip_spaces(text, i + 1), number, ",}", depth + 1)
            if str(value) in mapping:
                repeated[str(value)] = None
            mapping[str(value)] = entry
        else:
            items.append(value)
        i = _skip_spaces(text, i)
        if text[i : i + 1] == ",":
            i += 1
        elif text[i : i + 1] != closing:
            raise _error(number, f"expected ',' or '{closing}'")


def _flow_value(text: str, i: int, number: int, stop: str, depth: int) -> tuple[Any, int]:
    if i >= len(text):
        raise _error(number, f"'{text[0]}' is not closed on its line")
    if text[i] in "[{":
        return _flow(text, i, number, depth)
    if text[i] in "\"'":
        end = _quoted_end(text, i, number)
        return _unquote(text[i:end], number), end
    end = i
    while end < len(text) and text[end] not in stop:
        end += 1
    return _scalar(text[i:end], number, depth), end


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] == " ":
        i += 1
    return i


def dumps(value: Any) -> str:
    """YAML in block style that ``loads`` (and any YAML reader) reads back as ``value``."""
    return "\n".join(_dump(value, 0)) + "\n"


def _dump(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return [pad + "{}"]
        lines = []
        for key, item in value.items():
            if _is_block(item):
                lines.append(f"{pad}{_dump_scalar(str(key))}:")
                lines += _dump(item, indent + 2)
            else:
                lines.append(f"{pad}{_dump_scalar(str(key))}: {_inline(item)}")
        return lines
    if isinstance(value, list):
        if not _is_block(value):
            return [pad + _inline(value)]
        lines = []
        for item in value:
            if _is_block(item):
                nested = _dump(item, indent + 2)
                lines.append(pad + "- " + nested[0][indent + 2 :])
                lines += nested[1:]
            else:
                lines.append(f"{pad}- {_inline(item)}")
        return lines
    return [pad + _inline(value)]


def _is_block(value: Any) -> bool:
    if isinstance(value, dict):
        return bool(value)
    if isinstance(value, list):
        return any(isinstance(v, (dict, list)) for v in value)
    return False


def _inline(value: Any, in_flow: bool = False) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v, in_flow=True) for v in value) + "]"
    if isinstance(value, dict):
        return "{}"
    if in_flow and isinstance(value, str) and any(c in value for c in ",?[]{}:#"):
        # Inside [...] these end a plain word for YAML readers: quote the whole string.
        return _quoted(value)
    return _dump_scalar(value)


def _dump_scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return ".nan"
        if value in (float("inf"), float("-inf")):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        # YAML 1.1 readers (PyYAML) only take "1.0e-07" as a float, never "1e-07".
        return text.replace("e", ".0e") if "e" in text and "." not in text else text
    text = str(value)
    return _quoted(text) if _needs_quotes(text) else text


def _quoted(text: str) -> str:
    """A double-quoted YAML string: JSON's escapes, which YAML shares, plus \\u escapes for
    what YAML readers would take as a line break or refuse."""
    return _UNSAFE_IN_QUOTES.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False)
    )


# Characters a YAML reader takes as line breaks or refuses in a file: written as \u escapes.
_UNSAFE_IN_QUOTES = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _needs_quotes(text: str) -> bool:
    return (
        text != text.strip()
        or _plain(text) != text
        or text.lower() in _AMBIGUOUS
        or text[:1] in "-?:,[]{}#&*!|>'\"%@`"
        # YAML 1.1 readers take 1_000, 0x1f, 1:30 and 2026-11-25 as numbers and dates.
        or text[:1] in "+.0123456789"
        or text in ("<<", "=")
        or any(s in text for s in (": ", " #", "\n", "\t", "\\"))
        or text.endswith(":")
        or not text.isprintable()
    )
