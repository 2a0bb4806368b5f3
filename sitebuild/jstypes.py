"""The engine's contract with the page, as TypeScript declarations the page's code is checked by.

The modules of CONTRACT_MODULES hold, as TypedDicts, what the page reads (`offereval._contract`:
the view of an evaluation; `offereval._answers`: each answer of `offereval.bridge`). This module
writes them out as the TypeScript interfaces of `site_src/js/page/contract.d.ts`, which the
page's JSDoc types import; `tsc --checkJs` then fails on a key the engine does not send, and a
test fails when the file is not what this module writes from the TypedDicts of today.

    python -m sitebuild.jstypes    # rewrite site_src/js/page/contract.d.ts
"""

from __future__ import annotations

import ast
import importlib
import inspect
import io
import json
import sys
import tokenize
import types
import typing
from collections.abc import Sequence
from typing import Any, Literal, get_args, get_origin, get_type_hints, is_typeddict

from sitebuild.layout import ROOT

DECLARATIONS = ROOT / "site_src" / "js" / "page" / "contract.d.ts"
CONTRACT_MODULES = ("offereval._contract", "offereval._answers")

_HEADER = """\
// The engine's contract with the page: what offereval.bridge answers.
// Written by `python -m sitebuild.jstypes` from the engine's TypedDicts; do not edit by hand.
"""
_SCALARS: dict[object, str] = {
    str: "string",
    int: "number",
    float: "number",
    bool: "boolean",
    type(None): "null",
    Any: "unknown",
    object: "unknown",
}


def render(modules: Sequence[str] = CONTRACT_MODULES) -> str:
    """The declarations for every TypedDict and ``type`` alias of the modules, in the order
    they define them."""
    declared = [
        value
        for name in modules
        for value in vars(importlib.import_module(name)).values()
        if (is_typeddict(value) or isinstance(value, typing.TypeAliasType))
        and value.__module__ == name
    ]
    return _HEADER + "".join("\n" + _declaration(value) for value in declared)


def _declaration(value: object) -> str:
    """A TypedDict as an interface, or a ``type`` alias as a TypeScript type of its name."""
    if isinstance(value, typing.TypeAliasType):
        comment = _alias_comment(value)
        return comment + f"export type {value.__name__} = {_type(value.__value__)};\n"
    return _interface(typing.cast(type, value))


def _interface(cls: type) -> str:
    """One TypedDict as an exported interface, its docstring and field comments kept."""
    hints = get_type_hints(cls)
    comments = _field_comments(cls)
    lines = []
    doc = inspect.getdoc(cls)
    if doc and doc != inspect.getdoc(dict):
        lines.append(_comment(doc, ""))
    lines.append(f"export interface {cls.__name__} {{")
    for name, hint in hints.items():
        if name in comments:
            lines.append(_comment(comments[name], "  "))
        optional = "?" if name in getattr(cls, "__optional_keys__", ()) else ""
        lines.append(f"  {name}{optional}: {_type(hint)};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _type(hint: object) -> str:
    """A Python annotation as a TypeScript type."""
    if hint in _SCALARS:
        return _SCALARS[hint]
    if isinstance(hint, typing.TypeAliasType):  # declared on its own: refer to it by name
        return hint.__name__
    if is_typeddict(hint):
        return typing.cast(type, hint).__name__
    origin, args = get_origin(hint), get_args(hint)
    if origin is Literal:
        return " | ".join(_literal(value) for value in args)
    if origin is list or (origin is tuple and len(args) == 2 and args[1] is Ellipsis):
        return _array(_type(args[0]))
    if origin is tuple:
        return "[" + ", ".join(_type(arg) for arg in args) + "]"
    if origin is dict:
        return f"Record<{_type(args[0])}, {_type(args[1])}>"
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_type(arg) for arg in args)
    raise TypeError(f"{hint!r} has no TypeScript counterpart here")


def _array(item: str) -> str:
    return f"({item})[]" if " " in item else f"{item}[]"


def _literal(value: object) -> str:
    if isinstance(value, bool | str | int | float):
        return json.dumps(value)
    raise TypeError(f"Literal[{value!r}] has no TypeScript counterpart here")


def _comment(text: str, indent: str) -> str:
    lines = text.strip().splitlines()
    if len(lines) == 1:
        return f"{indent}/** {lines[0]} */"
    body = "\n".join(f"{indent} * {line}".rstrip() for line in lines)
    return f"{indent}/**\n{body}\n{indent} */"


def _alias_comment(alias: typing.TypeAliasType) -> str:
    """The block of `#` comment lines just above a ``type`` statement, as a doc comment."""
    lines = inspect.getsource(sys.modules[str(alias.__module__)]).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"type {alias.__name__} "))
    above: list[str] = []
    for line in reversed(lines[:start]):
        if not line.startswith("#"):
            break
        above.insert(0, line.lstrip("#").strip())
    return _comment("\n".join(above), "") + "\n" if above else ""


def _field_comments(cls: type) -> dict[str, str]:
    """The `# comment` at the end of each field's line in the class's source."""
    source = inspect.getsource(cls)
    comments = {
        token.start[0]: token.string.lstrip("#").strip()
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    }
    (node,) = ast.parse(source).body
    assert isinstance(node, ast.ClassDef)
    return {
        statement.target.id: comments[statement.end_lineno or statement.lineno]
        for statement in node.body
        if isinstance(statement, ast.AnnAssign)
        and isinstance(statement.target, ast.Name)
        and (statement.end_lineno or statement.lineno) in comments
    }


def main() -> int:
    DECLARATIONS.write_text(render(), encoding="utf-8")
    print(f"wrote {DECLARATIONS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
