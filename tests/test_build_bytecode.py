"""The calculator's Python ships as bytecode, compiled by the runtime's own interpreter.

Compiling what it imports was most of the time Python took to start in the browser
(sitebuild/bytecode.py). Here: the site holds no source the runtime would compile, the shipped
runtime runs the engine's whole workload from bytecode alone, the same sources give the same
bytes, and the wheel's RECORD and tag say what it holds.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from sitebuild import bytecode, stdlib
from sitebuild import runtime as stages
from sitebuild.errors import BuildError

# PEP 552: the flags word of a .pyc that is valid without checking its source.
UNCHECKED_HASH = (0b01).to_bytes(4, "little")


def shipped_runtime(site: Path) -> tuple[Path, Path]:
    """The site's (offereval wheel, standard library zip)."""
    runtime = site / stages.PYODIDE_SITE_DIR
    lock = json.loads((runtime / stages.LOCKFILE_NAME).read_text(encoding="utf-8"))
    return runtime / lock["packages"]["offereval"]["file_name"], runtime / stages.STDLIB_NAME


def record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def test_the_site_ships_bytecode_for_the_runtimes_python_and_no_source(built_site: Path):
    wheel, stdlib_zip = shipped_runtime(built_site)
    lock = json.loads((wheel.parent / stages.LOCKFILE_NAME).read_text(encoding="utf-8"))
    major, minor = lock["info"]["python"].split(".")[:2]
    assert wheel.name == f"offereval-1.0.0-py{major}{minor}-none-any.whl"
    magic = set()
    for path in (wheel, stdlib_zip):
        with zipfile.ZipFile(path) as shipped:
            names = shipped.namelist()
            assert not [name for name in names if name.endswith(".py")], path.name
            compiled = [name for name in names if name.endswith(".pyc")]
            assert len(compiled) > 40, path.name
            for name in compiled:
                header = shipped.read(name)[:16]
                assert header[4:8] == UNCHECKED_HASH, name
                magic.add(header[:4])
    # One interpreter wrote them all (a version's magic number ends with \r\n).
    assert len(magic) == 1 and magic.pop().endswith(b"\r\n")
    with zipfile.ZipFile(stdlib_zip) as shipped:
        assert {"json/__init__.pyc", "dataclasses.pyc", "_pyodide/__init__.pyc"} <= set(
            shipped.namelist()
        )


def test_the_shipped_runtime_runs_the_engine_from_bytecode_alone(built_site: Path):
    # The import trace of the build, on the site's runtime instead of the stock one: every
    # action of the bridge on rich documents, offereval installed from the site's lockfile.
    runtime = built_site / stages.PYODIDE_SITE_DIR
    files = stdlib.traced_files(runtime, runtime / stages.LOCKFILE_NAME)
    from_site = [f for f in files if ".zip/" in f or "/site-packages/offereval/" in f]
    assert len(from_site) > 100
    assert any(f.endswith("/offereval/bridge.pyc") for f in from_site)
    assert any(f.endswith(".zip/json/decoder.pyc") for f in from_site)
    # The modules frozen into the interpreter (os, io, codecs...) name a source they were never
    # read from; every other module was read from bytecode.
    _, stdlib_zip = shipped_runtime(built_site)
    with zipfile.ZipFile(stdlib_zip) as shipped_zip:
        shipped = set(shipped_zip.namelist())
    sources = [f for f in from_site if not f.endswith(".pyc")]
    assert sources and all(f.endswith(".py") for f in sources)
    assert [f for f in sources if f.split(".zip/")[-1] in shipped] == []
    assert len(sources) < 20, sources


def test_the_same_sources_compile_to_the_same_wheel(built_site: Path, tmp_path: Path):
    wheel = stages.build_wheel(tmp_path)
    compiled = bytecode.compile_python(stages.PYODIDE_PACKAGE, [(wheel, "site-packages")])
    (wheel_code,) = compiled.bytecode
    (tmp_path / "out").mkdir()
    again = bytecode.write_compiled_wheel(wheel, tmp_path / "out", wheel_code, compiled.python)
    shipped, _ = shipped_runtime(built_site)
    assert again.name == shipped.name
    assert again.read_bytes() == shipped.read_bytes()


# ---- Writing the compiled zips (no runtime needed) -----------------------------------------


def small_wheel(path: Path) -> Path:
    """A wheel of one package, as flit writes it: a module, data, WHEEL and RECORD."""
    wheel = path / "demo-2.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as out:
        for name, text in [
            ("demo/__init__.py", "x = 1\n"),
            ("demo/data.json", "{}"),
            ("demo-2.0.dist-info/WHEEL", "Wheel-Version: 1.0\nTag: py3-none-any\n"),
            ("demo-2.0.dist-info/RECORD", "stale,,\n"),
        ]:
            out.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), text)
    return wheel


def test_a_compiled_wheel_is_retagged_and_its_record_lists_what_it_holds(tmp_path: Path):
    wheel = small_wheel(tmp_path)
    (tmp_path / "out").mkdir()
    code = {"demo/__init__.py": b"BYTECODE"}
    compiled = bytecode.write_compiled_wheel(wheel, tmp_path / "out", code, (3, 14))
    assert compiled.name == "demo-2.0-py314-none-any.whl"
    with zipfile.ZipFile(compiled) as shipped:
        assert shipped.namelist() == [
            "demo/__init__.pyc",
            "demo/data.json",
            "demo-2.0.dist-info/WHEEL",
            "demo-2.0.dist-info/RECORD",
        ]
        assert shipped.read("demo/__init__.pyc") == b"BYTECODE"
        assert shipped.getinfo("demo/__init__.pyc").date_time == (1980, 1, 1, 0, 0, 0)
        retagged = shipped.read("demo-2.0.dist-info/WHEEL")
        assert retagged == b"Wheel-Version: 1.0\nTag: py314-none-any\n"
        rows = list(csv.reader(io.StringIO(shipped.read("demo-2.0.dist-info/RECORD").decode())))
        assert rows[-1] == ["demo-2.0.dist-info/RECORD", "", ""]
        for name, digest, size in rows[:-1]:
            data = shipped.read(name)
            assert (digest, size) == (record_hash(data), str(len(data))), name
        assert [row[0] for row in rows[:-1]] == shipped.namelist()[:-1]


def test_a_source_left_uncompiled_fails_the_build(tmp_path: Path):
    with pytest.raises(BuildError, match=r"demo/__init__\.py was not compiled"):
        bytecode.write_compiled(small_wheel(tmp_path), tmp_path / "out.zip", {})
