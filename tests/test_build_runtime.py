"""The build's Pyodide stages: the offereval wheel, the trimmed lockfile and the runtime files.

Pyodide installs offereval only if the lockfile's sha256 matches the wheel it downloads, and it
refuses a runtime whose files come from different versions; these tests check what the site
ships without starting a browser.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import zipfile
from pathlib import Path

import pytest

from offereval import bridge
from sitebuild import runtime as stages
from sitebuild.errors import BuildError
from sitebuild.layout import ROOT

STOCK_STDLIB = stages.PYODIDE_PACKAGE / stages.STDLIB_NAME


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(wheel, lockfile, site dir) from the wheel, lockfile and runtime stages."""
    work = tmp_path_factory.mktemp("work")
    site = tmp_path_factory.mktemp("site")
    wheel = stages.build_wheel(work)
    lockfile = stages.write_lockfile(wheel, work)
    stages.copy_runtime(site, wheel, lockfile, STOCK_STDLIB)
    return wheel, lockfile, site


def test_the_wheel_is_pure_python_and_holds_the_package(runtime):
    wheel, _, _ = runtime
    assert wheel.name.endswith("-py3-none-any.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "offereval/bridge.py" in names
    assert not [n for n in names if n.startswith(("tests/", "site_src/")) or "__pycache__" in n]


def test_the_same_source_gives_the_same_wheel(runtime, tmp_path: Path):
    wheel, _, _ = runtime
    again = stages.build_wheel(tmp_path)
    assert again.read_bytes() == wheel.read_bytes()


def test_the_lockfile_lists_offereval_alone_with_the_wheels_sha256(runtime):
    wheel, lockfile, _ = runtime
    lock = json.loads(lockfile.read_text())
    assert list(lock["packages"]) == ["offereval"]
    entry = lock["packages"]["offereval"]
    assert entry["file_name"] == wheel.name
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert entry["imports"] == ["offereval"]
    assert entry["depends"] == []
    # The runtime checks the lockfile was made for it: the info block is the pinned Pyodide's.
    upstream = json.loads((stages.PYODIDE_PACKAGE / stages.LOCKFILE_NAME).read_text())
    assert lock["info"] == upstream["info"]


def test_the_site_gets_the_core_runtime_and_nothing_else(runtime):
    wheel, _, site = runtime
    served = sorted(p.name for p in (site / stages.PYODIDE_SITE_DIR).iterdir())
    assert served == sorted([*stages.PYODIDE_RUNTIME_FILES, stages.LOCKFILE_NAME, wheel.name])
    for name in stages.PYODIDE_RUNTIME_FILES:
        shipped = (site / stages.PYODIDE_SITE_DIR / name).read_bytes()
        assert shipped == (stages.PYODIDE_PACKAGE / name).read_bytes(), name


def test_the_site_gets_the_standard_library_it_is_given(runtime, tmp_path: Path):
    wheel, lockfile, _ = runtime
    given = tmp_path / "trimmed.zip"
    given.write_bytes(b"PK\x05\x06" + bytes(18))  # an empty zip
    stages.copy_runtime(tmp_path / "site", wheel, lockfile, given)
    runtime_dir = tmp_path / "site" / stages.PYODIDE_SITE_DIR
    assert (runtime_dir / stages.STDLIB_NAME).read_bytes() == given.read_bytes()


def test_the_compiled_wheels_lockfile_differs_only_in_its_name_and_sha256(runtime, tmp_path):
    wheel, lockfile, _ = runtime
    compiled = tmp_path / "offereval-1.0.0-py314-none-any.whl"
    compiled.write_bytes(wheel.read_bytes() + b"compiled")
    written = stages.write_compiled_lockfile(lockfile, compiled, tmp_path)
    before, after = json.loads(lockfile.read_text()), json.loads(written.read_text())
    entry = after["packages"]["offereval"]
    assert entry["file_name"] == compiled.name
    assert entry["sha256"] == hashlib.sha256(compiled.read_bytes()).hexdigest()
    before["packages"]["offereval"].update(file_name=compiled.name, sha256=entry["sha256"])
    assert after == before


def test_a_wheel_that_differs_from_its_lockfile_fails_the_build(runtime, tmp_path: Path):
    wheel, lockfile, _ = runtime
    tampered = tmp_path / wheel.name
    tampered.write_bytes(wheel.read_bytes() + b"\0")
    with pytest.raises(BuildError, match="sha256"):
        stages.copy_runtime(tmp_path / "site", tampered, lockfile, STOCK_STDLIB)


def test_the_calculator_data_is_what_the_bridge_says():
    spec = importlib.util.spec_from_file_location(
        "calculator_data", ROOT / "hooks" / "calculator_data.py"
    )
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    data = json.loads(hook.calculator_data())
    form = json.loads(bridge.form())
    form.pop("ok")
    assert data == {
        "form": form,
        "framework": json.loads(bridge.framework()),
        "example": json.loads(bridge.example()),
    }
