"""The standard library the calculator ships: what Python imports there, and nothing else.

Pyodide's `python_stdlib.zip` holds the whole standard library (2.5 MB, already deflated, so
gzip on the wire saves nothing): encodings, asyncio, email, xml, unittest, pdb, pydoc... The
calculator imports a small part of it. This stage boots the pinned Pyodide in Node.js with the
whole zip, installs offereval from the site's lockfile as the worker does, runs
`sitebuild/engine_workload.py` (every action of the bridge on rich documents) and keeps the
files Python imported, plus Pyodide's own packages. The list is computed on every build, so a
module offereval starts to import is shipped without anyone listing it; the worker loads the
result with `loadPyodide`'s `stdLibURL`. The comments of the sources are left out (a sixth of the
zip): Python never reads them, and every line keeps its number for tracebacks.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import tokenize
import zipfile
from collections.abc import Iterable
from pathlib import Path

from sitebuild.errors import BuildError
from sitebuild.layout import ROOT

STDLIB_NAME = "python_stdlib.zip"
TRACE_SCRIPT = ROOT / "scripts" / "trace-imports.mjs"
WORKLOAD = Path(__file__).with_name("engine_workload.py")
# Pyodide's own packages, kept whole: its JavaScript side imports parts of them as it needs them
# (converting values, reporting errors), on paths a trace may not take.
PYODIDE_PACKAGES = ("_pyodide/", "pyodide/")
# Where Pyodide mounts the zip: /lib/python3XY.zip/<entry>.
_IN_ZIP = re.compile(r"^/lib/python3\d+\.zip/(.+)$")


def traced_stdlib_files(pyodide_dir: Path, lockfile: Path) -> set[str]:
    """The entries of pyodide_dir's python_stdlib.zip that the calculator's Python imports.

    lockfile is the site's pyodide-lock.json, with the offereval wheel beside it.
    """
    node = shutil.which("node")
    if node is None:
        raise BuildError("node is not on PATH: the standard library is traced in Node.js")
    command = [node, str(TRACE_SCRIPT), str(pyodide_dir), str(lockfile), str(WORKLOAD)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"tracing the engine's imports in Pyodide failed:\n{result.stderr}")
    try:
        files: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError) as error:
        raise BuildError(f"the import trace printed no list of files:\n{result.stdout}") from error
    return {found.group(1) for found in map(_IN_ZIP.match, files) if found}


def trim_stdlib(stock: Path, target: Path, needed: set[str]) -> list[str]:
    """Write target: the entries of the stock zip that are needed, in the stock zip's order and
    form (dates, compression), with the folders that hold them; returns the entries written."""
    with zipfile.ZipFile(stock) as source:
        entries = source.infolist()
        names = {entry.filename for entry in entries}
        missing = sorted(needed - names)
        if missing:
            raise BuildError(f"{stock.name} lacks files Python imported: {', '.join(missing)}")
        kept = {name for name in names if name.startswith(PYODIDE_PACKAGES)} | needed
        folders = {name[: i + 1] for name in kept for i, c in enumerate(name) if c == "/"}
        written = []
        with zipfile.ZipFile(target, "w") as out:
            for entry in entries:
                if entry.filename in kept or entry.filename in folders:
                    data = source.read(entry)
                    if entry.filename.endswith(".py"):
                        data = without_comments(data)
                    out.writestr(entry, data)
                    written.append(entry.filename)
    return written


def without_comments(source: bytes) -> bytes:
    """Python source with its comments cut out and all else, line numbers included, as it was.

    Only what the tokenizer calls a comment goes, and never on the first two lines (where an
    encoding declaration lives). The result must tokenize to the same tokens but the comments;
    a source for which it does not (or that does not tokenize) is kept whole.
    """
    try:
        tokens = list(tokenize.tokenize(io.BytesIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return source
    lines = source.splitlines(keepends=True)
    for token in reversed(tokens):
        (row, start), (end_row, end) = token.start, token.end
        if token.type == tokenize.COMMENT and row > 2 and row == end_row:
            line = lines[row - 1]
            lines[row - 1] = line[: _byte_offset(line, start)] + line[_byte_offset(line, end) :]
    stripped = b"".join(lines)
    try:
        again = list(tokenize.tokenize(io.BytesIO(stripped).readline))
    except (tokenize.TokenError, SyntaxError):
        return source
    if _shape(again) != _shape(t for t in tokens if t.type != tokenize.COMMENT or t.start[0] <= 2):
        return source
    return stripped


def _byte_offset(line: bytes, column: int) -> int:
    """The byte offset of a tokenizer's column (counted in characters) in a UTF-8 line."""
    return len(line.decode("utf-8")[:column].encode("utf-8"))


def _shape(tokens: Iterable[tokenize.TokenInfo]) -> list[tuple[int, str, int]]:
    """What a source means to the tokenizer: each token's type, text and line."""
    return [(t.type, t.string, t.start[0]) for t in tokens]


def write_trimmed_stdlib(site_runtime: Path, pyodide_dir: Path) -> list[str]:
    """Replace site_runtime's python_stdlib.zip with the trimmed one; returns its entries.

    site_runtime is the site's pyodide/ folder (the lockfile and the wheel already in it);
    pyodide_dir holds the pinned runtime, whose zip is the stock one.
    """
    needed = traced_stdlib_files(pyodide_dir, site_runtime / "pyodide-lock.json")
    if not needed:
        raise BuildError("the import trace found no standard-library file: is the zip mounted?")
    return trim_stdlib(pyodide_dir / STDLIB_NAME, site_runtime / STDLIB_NAME, needed)
