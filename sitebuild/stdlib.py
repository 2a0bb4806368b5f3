"""The standard library the calculator ships: what Python imports there, and nothing else.

Pyodide's `python_stdlib.zip` holds the whole standard library (2.5 MB, already deflated, so
gzip on the wire saves nothing): encodings, asyncio, email, xml, unittest, pdb, pydoc... The
calculator imports a small part of it. This stage boots the pinned Pyodide in Node.js with the
whole zip, installs offereval from the site's lockfile as the worker does, runs
`sitebuild/engine_workload.py` (every action of the bridge on rich documents) and keeps the
files Python imported, plus Pyodide's own packages. The list is computed on every build, so a
module offereval starts to import is shipped without anyone listing it. The site ships these
files compiled to bytecode (sitebuild/bytecode.py); the worker loads the zip with
`loadPyodide`'s `stdLibURL`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from sitebuild.errors import BuildError
from sitebuild.layout import ROOT
from sitebuild.runtime import STDLIB_NAME

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
    files = traced_files(pyodide_dir, lockfile)
    return {found.group(1) for found in map(_IN_ZIP.match, files) if found}


def traced_files(pyodide_dir: Path, lockfile: Path) -> list[str]:
    """Every file the calculator's Python imports in the Pyodide of pyodide_dir, as that
    runtime names it (/lib/python314.zip/json/decoder.py...), offereval's own included."""
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
    return files


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
                    out.writestr(entry, source.read(entry))
                    written.append(entry.filename)
    return written


def write_trimmed_stdlib(pyodide_dir: Path, lockfile: Path, target: Path) -> list[str]:
    """Write target: the stock zip of pyodide_dir, trimmed to what the calculator's Python
    imports with offereval installed from lockfile (the wheel beside it); returns its entries."""
    needed = traced_stdlib_files(pyodide_dir, lockfile)
    if not needed:
        raise BuildError("the import trace found no standard-library file: is the zip mounted?")
    return trim_stdlib(pyodide_dir / STDLIB_NAME, target, needed)
