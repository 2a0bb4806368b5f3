"""Working offline: the service worker that precaches every file of the site, and Workbox."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

from sitebuild.errors import BuildError
from sitebuild.layout import ROOT

# Working offline: the service worker (at the root, so that it controls every page), made from
# its source by workbox-build, and the Workbox modules it loads.
SERVICE_WORKER = "sw.js"
SERVICE_WORKER_SOURCE = ROOT / "site_src" / "js" / "sw" / "service-worker.js"
SERVICE_WORKER_SCRIPT = ROOT / "scripts" / "service-worker.mjs"
BUILD_ID_PLACEHOLDER = "__OFFEREVAL_BUILD__"
WORKBOX_MODULES = ("core", "routing", "strategies", "precaching")
WORKBOX_SITE_DIR = "workbox"


def write_service_worker(site_dir: Path) -> None:
    """Write sw.js, which precaches every other file of site_dir; the build's last stage.

    workbox-build (scripts/service-worker.mjs) puts the list of files, each with a hash of its
    content, into site_src/js/sw/service-worker.js; the build's id, a hash of the result, then
    names the caches, so that each deployment has its own.
    """
    _copy_workbox(site_dir)
    node = shutil.which("node")
    if node is None:
        raise BuildError("node is not on PATH: workbox-build (Node.js) writes the service worker")
    target = site_dir / SERVICE_WORKER
    command = [node, str(SERVICE_WORKER_SCRIPT), str(site_dir), str(SERVICE_WORKER_SOURCE)]
    result = subprocess.run([*command, str(target)], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"workbox-build failed:\n{result.stdout}{result.stderr}")
    listed = json.loads(result.stdout)["count"]
    files = sum(1 for path in site_dir.rglob("*") if path.is_file() and path != target)
    if listed != files:
        raise BuildError(f"{SERVICE_WORKER} precaches {listed} files, but the site has {files}")
    text = target.read_text(encoding="utf-8")
    if text.count(BUILD_ID_PLACEHOLDER) != 1:
        raise BuildError(f"{SERVICE_WORKER_SOURCE}: {BUILD_ID_PLACEHOLDER} must appear once")
    build_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    target.write_text(text.replace(BUILD_ID_PLACEHOLDER, build_id), encoding="utf-8")


def _copy_workbox(site_dir: Path) -> None:
    """Copy the production builds of the Workbox modules sw.js loads into site_dir/workbox/."""
    target = site_dir / WORKBOX_SITE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for module in WORKBOX_MODULES:
        source = ROOT / "node_modules" / f"workbox-{module}" / "build" / f"workbox-{module}.prod.js"
        if not source.is_file():
            raise BuildError(f"{source} is missing: run scripts/bootstrap")
        # Without the pointer to a source map the site does not ship (a 404 in the dev tools).
        text = source.read_text(encoding="utf-8")
        text = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", text)
        (target / source.name).write_text(text, encoding="utf-8")
