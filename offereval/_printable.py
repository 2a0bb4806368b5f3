"""Text from a file, made safe to print: what could drive a terminal or break an encoder, escaped.

A company's name, a note or an unknown key arrives as the file wrote it. Printed raw, an escape
sequence would drive the terminal, a newline or carriage return could forge a line of output, a
bidirectional override could reorder what is shown, and a lone surrogate (half of a UTF-16 pair,
which JSON's \\ud800 escape can produce) cannot be written as UTF-8 at all. Each is written the
way Python writes it in a string literal instead, so what is shown is what the file holds.

>>> escaped("Evil\\x1b[2J Corp\\n")
'Evil\\\\x1b[2J Corp\\\\n'
>>> json_text({"company": "A\\ud800\\u202e"})
'{"company": "A\\\\ud800\\\\u202e"}'
"""

from __future__ import annotations

import json
import re
from typing import Any

# Controls (C0, DEL, C1), bidirectional marks, embeddings, overrides and isolates, the line and
# paragraph separators, and lone surrogates.
_BIDI_AND_SEPARATORS = "\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI_AND_SEPARATORS}\ud800-\udfff]")
# In JSON, json.dumps already escapes C0 controls; the rest can only stand inside strings.
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{_BIDI_AND_SEPARATORS}\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def escaped(text: str) -> str:
    """``text`` with every control character, bidirectional control and lone surrogate
    written as an escape such as ``\\x1b`` or ``\\u202e``."""
    return _UNSAFE.sub(_escape, text)


def json_text(value: Any, *, indent: int | None = None) -> str:
    """JSON that is valid UTF-8 and safe in a terminal: what ``escaped`` escapes is written as
    a ``\\u`` escape, which any JSON reader turns back into the same string."""
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
