"""Build the offereval site into site/, and optionally serve it.

    python build.py            # build site/
    python build.py --serve    # build, then serve site/ at http://127.0.0.1:8000/

The build is a pipeline: each stage below runs in order, is deterministic, and stops the whole
build with a BuildError that says what went wrong.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SITE_DIR = ROOT / "site"

# The Pyodide runtime comes from npm (package.json pins it; scripts/bootstrap runs `npm ci`).
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
# Only the core runtime a module worker loads; the classic-script build, the consoles, the source
# maps and the type declarations in the npm package are never served.
PYODIDE_RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# Where the runtime, the trimmed lockfile and the offereval wheel live inside the site.
PYODIDE_SITE_DIR = "pyodide"
LOCKFILE_NAME = "pyodide-lock.json"
# The calculator form's description and the example offers, read by the page before Python starts.
CALCULATOR_DATA = "data/calculator.json"
# A fixed timestamp for every file in the wheel, so that the same source gives the same bytes.
WHEEL_SOURCE_DATE_EPOCH = "315532800"  # 1980-01-01, the earliest date a zip file can hold


class BuildError(Exception):
    """Raised by any build stage that cannot produce a correct site."""


def build(site_dir: Path = SITE_DIR) -> None:
    """Run every stage of the build, in order, into site_dir."""
    with tempfile.TemporaryDirectory(prefix="offereval-build-") as scratch:
        work_dir = Path(scratch)
        # The offereval wheel: the very package the command line runs, for Pyodide to install.
        wheel = build_wheel(work_dir)
        # Pyodide's lockfile, trimmed to offereval, carrying the wheel's sha256 for the
        # integrity check Pyodide makes before it installs the wheel.
        lockfile = write_lockfile(wheel, work_dir)
        # The pages: MkDocs renders site_src/ with the framework's data into site_dir. It empties
        # site_dir first, so every stage that writes into site_dir comes after this one.
        _build_site(site_dir)
        # The Pyodide runtime, the lockfile and the wheel, copied into the site after MkDocs
        # (which empties its output folder) has written the pages.
        copy_runtime(site_dir, wheel, lockfile)
        # What the calculator's form is built from, and the framework's example offers, from
        # offereval.bridge: the page shows the form at once, before Python has started.
        write_calculator_data(site_dir)


def _build_site(site_dir: Path) -> None:
    """Build the MkDocs site (mkdocs.yml) into site_dir; any MkDocs warning fails the build."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": _source_date_epoch(), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-P", "-m", "mkdocs", "build", "--strict", "--clean"]
    command += ["--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}")


def _source_date_epoch() -> str:
    """The date MkDocs writes into the sitemap: the last commit's, so a rebuild changes nothing."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True
        )
    except OSError:  # no git: a source archive
        return WHEEL_SOURCE_DATE_EPOCH
    commit_time = result.stdout.strip()
    return commit_time if result.returncode == 0 and commit_time else WHEEL_SOURCE_DATE_EPOCH


def build_wheel(out_dir: Path) -> Path:
    """Build offereval's pure-Python wheel into out_dir with PEP 517 tooling and return its path."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": WHEEL_SOURCE_DATE_EPOCH}
    # -P keeps this file (build.py) from shadowing the PyPA `build` module it runs.
    command = [sys.executable, "-P", "-m", "build", "--wheel", "--no-isolation"]
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


def copy_runtime(site_dir: Path, wheel: Path, lockfile: Path) -> None:
    """Copy the Pyodide core runtime, the lockfile and the wheel into site_dir/pyodide/."""
    target = site_dir / PYODIDE_SITE_DIR
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in PYODIDE_RUNTIME_FILES:
        shutil.copyfile(PYODIDE_PACKAGE / name, target / name)
    shutil.copyfile(lockfile, target / LOCKFILE_NAME)
    shutil.copyfile(wheel, target / wheel.name)
    # Pyodide refuses a wheel whose sha256 differs from the lockfile's: check it here, not there.
    entry = json.loads(lockfile.read_text(encoding="utf-8"))["packages"]["offereval"]
    served = target / entry["file_name"]
    if not served.is_file() or hashlib.sha256(served.read_bytes()).hexdigest() != entry["sha256"]:
        raise BuildError(f"{served}: missing, or its sha256 differs from {LOCKFILE_NAME}")


def write_calculator_data(site_dir: Path) -> None:
    """Write bridge.form() and bridge.example() into site_dir/data/calculator.json for the page."""
    from offereval import bridge

    form = json.loads(bridge.form())
    if not form.pop("ok", False):
        raise BuildError(f"offereval.bridge.form() refused: {form}")
    data = {"form": form, "example": json.loads(bridge.example())}
    target = site_dir / CALCULATOR_DATA
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


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


def serve(site_dir: Path = SITE_DIR, port: int = 8000) -> None:
    """Serve site_dir on 127.0.0.1 (http.server sends .wasm as application/wasm)."""
    import functools
    import http.server

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site_dir))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Serving {site_dir} at http://127.0.0.1:{port}/ (Ctrl+C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", action="store_true", help="serve the site after building it")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    try:
        build()
    except BuildError as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    if args.serve:
        serve(port=args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
