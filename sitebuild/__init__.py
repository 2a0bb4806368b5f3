"""The offereval site's build: a pipeline of stages, each in the module of its concern.

    sitebuild.build(site_dir)    every stage below, in order, into site_dir
    sitebuild.serve(site_dir)    serve a built site at http://127.0.0.1:8000/

Each stage is deterministic and stops the whole build with a BuildError (sitebuild.errors) that
says what went wrong. `build.py` at the repository's root is the command that runs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["build", "built_or_given", "serve"]


def build(site_dir: Path | None = None) -> None:
    """Run every stage of the build, in order, into site_dir (site/ by default)."""
    # The stages are imported here rather than with the package, so that importing one module
    # of it (the engine's import trace runs sitebuild.engine_workload) loads nothing else.
    import tempfile
    from pathlib import Path

    from sitebuild import bytecode, downloads, prune, stdlib
    from sitebuild.app import write_app_icons
    from sitebuild.budgets import check_budgets
    from sitebuild.layout import SITE_DIR
    from sitebuild.pages import build_pages
    from sitebuild.runtime import (
        PYODIDE_PACKAGE,
        PYODIDE_SITE_DIR,
        STDLIB_NAME,
        build_wheel,
        copy_runtime,
        write_compiled_lockfile,
        write_lockfile,
    )
    from sitebuild.service_worker import write_service_worker

    site_dir = SITE_DIR if site_dir is None else site_dir
    with tempfile.TemporaryDirectory(prefix="offereval-build-") as scratch:
        sources, shipped = Path(scratch) / "sources", Path(scratch) / "shipped"
        sources.mkdir()
        shipped.mkdir()
        # The offereval wheel: the very package the command line runs, for Pyodide to install.
        wheel = build_wheel(sources)
        # Pyodide's lockfile, trimmed to offereval, with the wheel's sha256 for the integrity
        # check Pyodide makes before it installs the wheel.
        lockfile = write_lockfile(wheel, sources)
        # The standard library trimmed to what the calculator's Python imports, found by running
        # the engine in the pinned Pyodide with that wheel installed (sitebuild/stdlib.py).
        trimmed = sources / STDLIB_NAME
        stdlib.write_trimmed_stdlib(PYODIDE_PACKAGE, lockfile, trimmed)
        # Both compiled to bytecode by the runtime's own interpreter, so that Python starts
        # without compiling what it imports (sitebuild/bytecode.py).
        compiled = bytecode.compile_python(
            PYODIDE_PACKAGE, [(trimmed, "stdlib"), (wheel, "site-packages")]
        )
        stdlib_code, wheel_code = compiled.bytecode
        shipped_stdlib = shipped / STDLIB_NAME
        bytecode.write_compiled(trimmed, shipped_stdlib, stdlib_code)
        shipped_wheel = bytecode.write_compiled_wheel(wheel, shipped, wheel_code, compiled.python)
        # The lockfile again, for the wheel as shipped.
        shipped_lockfile = write_compiled_lockfile(lockfile, shipped_wheel, shipped)
        # The pages: MkDocs renders site_src/ with the framework's data into site_dir, and its
        # hooks add data/calculator.json, the form the calculator shows before Python starts.
        # It empties site_dir first, so every stage that writes into site_dir comes after it.
        build_pages(site_dir)
        # The Pyodide runtime with that standard library, the lockfile and the wheel, copied
        # into the site after MkDocs (which empties its output folder) has written the pages.
        copy_runtime(site_dir, shipped_wheel, shipped_lockfile, shipped_stdlib)
        # The sizes of what the worker downloads, for the progress it shows in bytes.
        downloads.write_downloads(site_dir / PYODIDE_SITE_DIR)
        # Nothing the site never loads: Material's source maps, search languages it does not use.
        prune.prune(site_dir)
        # The PNG icons a phone needs to install the site as an app, drawn from the SVG icons
        # MkDocs rendered (the manifest and the offline page are MkDocs templates too).
        write_app_icons(site_dir)
        # Last, so that it lists every file written before it: the service worker that keeps
        # the whole site, the Pyodide runtime included, for offline use.
        write_service_worker(site_dir)
        # What a phone downloads: each page stays light without Pyodide, the whole site fits.
        check_budgets(site_dir)


def built_or_given(site_dir: Path | None, scratch: Path) -> Path:
    """`site_dir` when given (a site built already), else a site built now under `scratch`: for
    the scripts that measure a build (`--site`)."""
    if site_dir is not None:
        return site_dir
    built = scratch / "site"
    build(built)
    return built


def serve(site_dir: Path | None = None, port: int = 8000) -> None:
    """Serve a built site (site/ by default) on 127.0.0.1 (sitebuild/server.py)."""
    from sitebuild import server
    from sitebuild.layout import SITE_DIR

    server.serve(SITE_DIR if site_dir is None else site_dir, port)
