"""The command line: ``offereval compare FILE`` and ``offereval example``.

Exit status: 0 on success, 2 when the input is bad (every problem listed, each with its path),
never a traceback for anything the user typed.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import textwrap
from collections.abc import Sequence
from typing import TextIO

from offereval import _example, _files
from offereval._contract import SummaryCard, Table, View
from offereval._decision import evaluate
from offereval._errors import InputError
from offereval._model import OfferSet
from offereval._record import parse_timestamp
from offereval._view import build_view

EXIT_BAD_INPUT = 2
_WIDTH = 100


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; returns the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.command == "example":
        text = _files.dump_text(OfferSet.from_dict(_example.example()), args.format)
        if args.format == "yaml":
            text = (
                "# An offers file for offereval: edit it, then run `offereval compare FILE`.\n"
                "# Every key is described in the README.\n" + text
            )
        out.write(text)
        return 0
    return _compare(args, out, err)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offereval",
        description="Compare job offers: real annual total compensation, a weighted decision "
        "matrix, red flags and the five decision steps.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    compare = commands.add_parser("compare", help="evaluate an offers file (JSON or YAML)")
    compare.add_argument("file", help="the offers file; - reads standard input")
    compare.add_argument("--json", action="store_true", help="print the result as JSON")
    compare.add_argument(
        "--now",
        help="the current time for the sleep-on-it step (ISO 8601 with a time zone; default: now)",
    )
    example = commands.add_parser("example", help="print an example offers file to edit")
    example.add_argument("--format", choices=_files.FORMATS, default="yaml")
    return parser


def _compare(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    name = "<stdin>" if args.file == "-" else args.file
    try:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8") as f:
                text = f.read()
    except (OSError, UnicodeDecodeError) as error:
        err.write(f"offereval: cannot read {name}: {getattr(error, 'strerror', None) or error}\n")
        return EXIT_BAD_INPUT
    now = None
    if args.now is not None:
        now = parse_timestamp(args.now)
        if now is None:
            err.write(
                f"offereval: --now must be an ISO 8601 date-time with a time zone, "
                f"got {args.now!r}\n"
            )
            return EXIT_BAD_INPUT
    try:
        offer_set, questions = _files.read_text(text, "" if args.file == "-" else args.file)
    except InputError as error:
        count = len(error.problems)
        err.write(f"offereval: {name} has {count} problem{'s' if count != 1 else ''}:\n")
        for problem in error.problems:
            err.write(f"  {problem}\n")
        return EXIT_BAD_INPUT
    evaluation = evaluate(
        offer_set, now or datetime.datetime.now(datetime.UTC), questions=questions
    )
    if args.json:
        out.write(json.dumps(evaluation.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(render_text(build_view(evaluation)))
    return 0


def render_text(view: View) -> str:
    """The view as plain text for a terminal: the verdict first, then a summary of each
    offer, any questions, and the details (tables, notes, the decision)."""
    parts = ["\n".join(textwrap.wrap(view["verdict"]["text"], _WIDTH))]
    parts += [_text_card(card) for card in view["summary"]]
    if view["questions"]:
        lines = ["Please check"]
        for question in view["questions"]:
            lines += textwrap.wrap(
                f"{question['path']}: {question['message']}",
                _WIDTH,
                initial_indent="  ? ",
                subsequent_indent="    ",
            )
        parts.append("\n".join(lines))
    for table in view["tables"]:
        parts.append(_text_table(table))
    if view["messages"]:
        lines = ["Notes"]
        for message in view["messages"]:
            marker = "!" if message["kind"] == "warning" else "-"
            lines += textwrap.wrap(
                message["text"], _WIDTH, initial_indent=f"  {marker} ", subsequent_indent="    "
            )
        parts.append("\n".join(lines))
    parts.append(
        "Decision\n"
        + "\n".join(
            textwrap.wrap(
                view["decision"]["text"], _WIDTH, initial_indent="  ", subsequent_indent="  "
            )
        )
    )
    return "\n\n".join(parts) + "\n"


def _text_card(card: SummaryCard) -> str:
    """One offer's summary: its name and marks, then its figures, one per line."""
    title = card["company"] + (f" ({', '.join(card['marks'])})" if card["marks"] else "")
    width = max(len(f["label"]) for f in card["figures"])
    lines = [title] + [f"  {f['label'].ljust(width)}  {f['text']}" for f in card["figures"]]
    lines += textwrap.wrap(card["status"], _WIDTH, initial_indent="  ", subsequent_indent="  ")
    return "\n".join(lines)


def _text_table(table: Table) -> str:
    columns = table["columns"]
    rows = [row["cells"] for row in table["rows"]]
    widths = [max(len(str(c)) for c in col) for col in zip(columns, *rows, strict=False)]

    def line(cells: list[str]) -> str:
        # Figures line up on the right, words on the left, as the view says per column.
        return "  ".join(
            c.rjust(w) if a == "right" else c.ljust(w)
            for c, w, a in zip(cells, widths, table["align"], strict=True)
        ).rstrip()

    out = [table["caption"], line(columns), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    if table["note"]:
        out += textwrap.wrap(table["note"], _WIDTH)
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
