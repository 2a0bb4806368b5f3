"""The calculator's runtime: the offereval wheel, Pyodide's lockfile for it, the core runtime.

Pyodide installs offereval only if the lockfile's sha256 matches the wheel it downloads, and it
refuses a runtime whose files come from different versions: these stages make both hold.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from sitebuild.errors import BuildError
from sitebuild.layout import ROOT

# The Pyodide runtime comes from npm (package.json pins it; scripts/bootstrap runs `npm ci`).
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
# Only the core runtime a module worker loads; the classic-script build, the consoles, the source
# maps and the type declarations in the npm package are never served.
STDLIB_NAME = "python_stdlib.zip"
PYODIDE_RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", STDLIB_NAME)
# Where the runtime, the trimmed lockfile and the offereval wheel live inside the site.
PYODIDE_SITE_DIR = "pyodide"
LOCKFILE_NAME = "pyodide-lock.json"
# A fixed timestamp for every file in the wheel, so that the same source gives the same bytes.
WHEEL_SOURCE_DATE_EPOCH = "315532800"  # 1980-01-01, the earliest date a zip file can hold


def build_wheel(out_dir: Path) -> Path:
    """Build offereval's pure-Python wheel into out_dir with PEP 517 tooling and return its path."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": WHEEL_SOURCE_DATE_EPOCH}
    command = [sys.executable, "-m", "build", "--wheel", "--no-isolation"]
    command += ["--outdir", str(out_dir), str(ROOT)]
    result = subprocess.run(command, cwd=out_dir, env=env, capture_output=True, text=True)
    wheels = sorted(out_dir.glob("offereval-*-py3-none-any.whl"))
    if result.returncode != 0 or len(wheels) != 1:
        raise BuildError(f"building the offereval wheel failed:\n{result.stdout}{result.stderr}")
    return wheels[0]


def write_lockfile(wheel: Path, out_dir: Path) -> Path:
    """Write a pyodide-lock.json into out_dir listing the wheel and nothing the site does not load.

    `pyodide lockfile add-wheels` adds the wheel (name, imports, dependencies, sha256) to the
    lockfile of the pinned Pyodide; the several hundred packages offereval does not need are then
    dropped, so the site neither ships nor points at them.
    """
    _check_pyodide_package()
    added = out_dir / "pyodide-lock-added.json"
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    command = [
        str(pyodide_cli),
        "lockfile",
        "add-wheels",
        "--input",
        str(PYODIDE_PACKAGE / LOCKFILE_NAME),
        "--output",
        str(added),
        "--base-path",
        str(wheel.parent),
        str(wheel),
    ]
    result = subprocess.run(command, cwd=out_dir, capture_output=True, text=True)
    if result.returncode != 0 or not added.is_file():
        raise BuildError(f"pyodide lockfile add-wheels failed:\n{result.stdout}{result.stderr}")
    lock = json.loads(added.read_text(encoding="utf-8"))
    packages = lock["packages"]
    keep: set[str] = set()
    wanted = ["offereval"]
    while wanted:
        name = wanted.pop()
        if name not in packages:
            raise BuildError(f"{LOCKFILE_NAME}: offereval needs {name!r}, which Pyodide lacks")
        if name not in keep:
            keep.add(name)
            wanted.extend(packages[name]["depends"])
    lock["packages"] = {name: packages[name] for name in sorted(keep)}
    lockfile = out_dir / LOCKFILE_NAME
    lockfile.write_text(json.dumps(lock, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return lockfile


def write_compiled_lockfile(lockfile: Path, compiled_wheel: Path, out_dir: Path) -> Path:
    """Write into out_dir the lockfile of the wheel compiled from lockfile's offereval wheel:
    the same entry with the compiled wheel's name and sha256 (`pyodide lockfile` cannot read
    a wheel of bytecode alone: it finds no module to import in it)."""
    lock = json.loads(lockfile.read_text(encoding="utf-8"))
    entry = lock["packages"]["offereval"]
    entry["file_name"] = compiled_wheel.name
    entry["sha256"] = hashlib.sha256(compiled_wheel.read_bytes()).hexdigest()
    compiled = out_dir / LOCKFILE_NAME
    compiled.write_text(json.dumps(lock, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return compiled


def copy_runtime(site_dir: Path, wheel: Path, lockfile: Path, stdlib: Path) -> None:
    """Copy the Pyodide core runtime with the given standard library's zip, the lockfile and
    the wheel into site_dir/pyodide/."""
    target = site_dir / PYODIDE_SITE_DIR
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in PYODIDE_RUNTIME_FILES:
        shutil.copyfile(stdlib if name == STDLIB_NAME else PYODIDE_PACKAGE / name, target / name)
    shutil.copyfile(lockfile, target / LOCKFILE_NAME)
    shutil.copyfile(wheel, target / wheel.name)
    # Pyodide refuses a wheel whose sha256 differs from the lockfile's: check it here, not there.
    entry = json.loads(lockfile.read_text(encoding="utf-8"))["packages"]["offereval"]
    served = target / entry["file_name"]
    if not served.is_file() or hashlib.sha256(served.read_bytes()).hexdigest() != entry["sha256"]:
        raise BuildError(f"{served}: missing, or its sha256 differs from {LOCKFILE_NAME}")


def _check_pyodide_package() -> None:
    """Fail unless node_modules holds every runtime file at the version package.json pins."""
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    manifest = PYODIDE_PACKAGE / "package.json"
    installed = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else {}
    needed = (*PYODIDE_RUNTIME_FILES, LOCKFILE_NAME)
    missing = [name for name in needed if not (PYODIDE_PACKAGE / name).is_file()]
    if installed.get("version") != pinned["pyodide"] or missing:
        raise BuildError(
            f"node_modules/pyodide is not pyodide {pinned['pyodide']} with all its runtime files"
            f" (missing: {', '.join(missing) or 'none'}): run scripts/bootstrap"
        )
