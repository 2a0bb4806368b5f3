"""The calculator's Python as bytecode, compiled at build time by the runtime's own interpreter.

Pyodide's standard library and a wheel hold sources: at every start, the runtime compiles each
module it imports, and in WebAssembly that is most of the time Python takes to start. This
stage compiles them once, when the site is built, with the pinned Pyodide's interpreter in
Node.js (scripts/compile-python.mjs), and the site ships the bytecode instead of the sources, as
Pyodide's own `pyodide py-compile` does for the packages it distributes. Bytecode is valid only
for the interpreter version that wrote it: the wheel is tagged for that version (py314-none-any;
`pyodide lockfile` takes no cp314-none-any, the tag `pyodide py-compile` gives), and the
header of every file says it needs no source to be checked against (PEP 552, unchecked hash), so
the same sources always give the same bytes.

    compile_python(pyodide_dir, [(zip, "stdlib"), (wheel, "site-packages")]) -> Compiled
    write_compiled(source_zip, target, bytecode)         the zip, each .py replaced by its .pyc
    write_compiled_wheel(wheel, out_dir, bytecode, python)  the wheel, as bytecode, retagged
"""

from __future__ import annotations

import base64
import csv
import dataclasses
import hashlib
import io
import json
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Literal

from sitebuild.errors import BuildError
from sitebuild.layout import ROOT

COMPILE_SCRIPT = ROOT / "scripts" / "compile-python.mjs"
# Where a zip's modules live inside the runtime, which names their code's file.
Location = Literal["stdlib", "site-packages"]


@dataclasses.dataclass(frozen=True)
class Compiled:
    """What compile_python gives back: the runtime's version and each zip's bytecode."""

    python: tuple[int, int]
    # Per zip given, in order: each .py entry's name -> the bytes of its .pyc.
    bytecode: tuple[Mapping[str, bytes], ...]


def compile_python(pyodide_dir: Path, zips: Sequence[tuple[Path, Location]]) -> Compiled:
    """Compile every .py entry of each zip with the interpreter of the Pyodide in pyodide_dir."""
    node = shutil.which("node")
    if node is None:
        raise BuildError("node is not on PATH: Python is compiled to bytecode in Node.js")
    with tempfile.TemporaryDirectory(prefix="offereval-bytecode-") as scratch:
        outs = [Path(scratch) / f"{index}.zip" for index in range(len(zips))]
        command = [node, str(COMPILE_SCRIPT), str(pyodide_dir)]
        for (source, location), out in zip(zips, outs, strict=True):
            command += [str(source), str(out), location]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        if result.returncode != 0:
            raise BuildError(f"compiling Python to bytecode in Pyodide failed:\n{result.stderr}")
        major, minor = json.loads(result.stdout.strip().splitlines()[-1])
        bytecode = []
        for out in outs:
            with zipfile.ZipFile(out) as compiled:
                bytecode.append({name[:-1]: compiled.read(name) for name in compiled.namelist()})
    return Compiled((major, minor), tuple(bytecode))


def write_compiled(source: Path, target: Path, bytecode: Mapping[str, bytes]) -> list[str]:
    """Write target: source's entries in order, each .py entry replaced by its bytecode (its
    name plus "c"), deflated, with the date and attributes the source had; returns the names."""
    with zipfile.ZipFile(source) as sources, zipfile.ZipFile(target, "w") as out:
        for entry, data in _compiled_entries(sources, bytecode):
            out.writestr(entry, data)
        return out.namelist()


def write_compiled_wheel(
    wheel: Path, out_dir: Path, bytecode: Mapping[str, bytes], python: tuple[int, int]
) -> Path:
    """The wheel with its sources replaced by their bytecode, written into out_dir: named and
    tagged for the interpreter (python, its version) that compiled it, its RECORD listing what
    it holds."""
    name, version, _tag = wheel.name.removesuffix(".whl").split("-", 2)
    tag = "py{}{}-none-any".format(*python)
    target = out_dir / f"{name}-{version}-{tag}.whl"
    rows = []
    with zipfile.ZipFile(wheel) as sources, zipfile.ZipFile(target, "w") as out:
        record = None
        for entry, data in _compiled_entries(sources, bytecode):
            if entry.filename.endswith(".dist-info/RECORD"):
                record = entry
                continue
            if entry.filename.endswith(".dist-info/WHEEL"):
                data = _retagged(data, tag)
            out.writestr(entry, data)
            rows.append([entry.filename, _record_hash(data), str(len(data))])
        if record is None:
            raise BuildError(f"{wheel.name} has no RECORD")
        rows.append([record.filename, "", ""])
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows(rows)
        out.writestr(record, text.getvalue().encode("utf-8"))
    return target


def _compiled_entries(
    sources: zipfile.ZipFile, bytecode: Mapping[str, bytes]
) -> Iterator[tuple[zipfile.ZipInfo, bytes]]:
    """The entries of a zip of sources, in order, each .py one as its bytecode instead."""
    for entry in sources.infolist():
        if not entry.filename.endswith(".py"):
            yield entry, sources.read(entry)
            continue
        if entry.filename not in bytecode:
            raise BuildError(f"{sources.filename}: {entry.filename} was not compiled")
        compiled = zipfile.ZipInfo(entry.filename + "c", entry.date_time)
        compiled.external_attr = entry.external_attr
        compiled.compress_type = zipfile.ZIP_DEFLATED
        yield compiled, bytecode[entry.filename]


def _retagged(wheel_file: bytes, tag: str) -> bytes:
    """A WHEEL file whose Tag line names `tag` instead."""
    lines = wheel_file.decode("utf-8").splitlines()
    return "".join(
        (f"Tag: {tag}" if line.startswith("Tag:") else line) + "\n" for line in lines
    ).encode("utf-8")


def _record_hash(data: bytes) -> str:
    """A RECORD row's hash: sha256, urlsafe base64 without padding (the wheel specification)."""
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode("ascii")
