"""Build the offereval site into site/, and optionally serve it.

    python build.py            # build site/
    python build.py --serve    # build, then serve site/ at http://127.0.0.1:8000/

The build is a pipeline: each stage below runs in order, is deterministic, and stops the whole
build with a BuildError that says what went wrong.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import html
import json
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any

from sitebuild import downloads, prune, stdlib
from sitebuild.errors import BuildError

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
# A fixed timestamp for every file in the wheel, so that the same source gives the same bytes.
WHEEL_SOURCE_DATE_EPOCH = "315532800"  # 1980-01-01, the earliest date a zip file can hold

# Installing the site as an app: the web app manifest and its icons, at the site's root.
APP_MANIFEST = "manifest.webmanifest"
APP_NAME = "offereval: compare job offers"
ICONS_DIR = "icons"
# The palette's teal (mkdocs.yml; overrides/partials/pwa-head.html says the same), and white.
THEME_COLOR = "#009485"
BACKGROUND_COLOR = "#ffffff"
# (file, pixels, shape). "any": a rounded square on transparency. "maskable" and iOS's "apple"
# fill the square: a launcher crops the maskable one to any shape that keeps its central circle.
APP_ICONS = (
    ("icon-192.png", 192, "any"),
    ("icon-512.png", 512, "any"),
    ("icon-maskable-512.png", 512, "maskable"),
    ("apple-touch-icon.png", 180, "apple"),
)
# Working offline: the service worker (at the root, so that it controls every page), made from
# its source by workbox-build, the Workbox modules it loads, and the page it shows for an address
# it never saved.
SERVICE_WORKER = "sw.js"
SERVICE_WORKER_SOURCE = ROOT / "site_src" / "js" / "sw" / "service-worker.js"
SERVICE_WORKER_SCRIPT = ROOT / "scripts" / "service-worker.mjs"
BUILD_ID_PLACEHOLDER = "__OFFEREVAL_BUILD__"
WORKBOX_MODULES = ("core", "routing", "strategies", "precaching")
WORKBOX_SITE_DIR = "workbox"
OFFLINE_PAGE = "offline.html"

# Budgets, in bytes. A page with the styles and scripts it loads is what a phone fetches before
# it can read anything; the site is what the service worker then keeps for offline use.
PAGE_BUDGET = 512 * 1024
SITE_BUDGET = 24 * 1024 * 1024


def build(site_dir: Path = SITE_DIR) -> None:
    """Run every stage of the build, in order, into site_dir."""
    with tempfile.TemporaryDirectory(prefix="offereval-build-") as scratch:
        work_dir = Path(scratch)
        # The offereval wheel: the very package the command line runs, for Pyodide to install.
        wheel = build_wheel(work_dir)
        # Pyodide's lockfile, trimmed to offereval, carrying the wheel's sha256 for the
        # integrity check Pyodide makes before it installs the wheel.
        lockfile = write_lockfile(wheel, work_dir)
        # The pages: MkDocs renders site_src/ with the framework's data into site_dir, and its
        # hooks add data/calculator.json, the form the calculator shows before Python starts.
        # It empties site_dir first, so every stage that writes into site_dir comes after it.
        _build_site(site_dir)
        # The Pyodide runtime, the lockfile and the wheel, copied into the site after MkDocs
        # (which empties its output folder) has written the pages.
        copy_runtime(site_dir, wheel, lockfile)
        # The standard library trimmed to what the calculator's Python imports, found by running
        # the engine in the pinned Pyodide (sitebuild/stdlib.py).
        stdlib.write_trimmed_stdlib(site_dir / PYODIDE_SITE_DIR, PYODIDE_PACKAGE)
        # The sizes of what the worker downloads, for the progress it shows in bytes.
        downloads.write_downloads(site_dir / PYODIDE_SITE_DIR)
        # Nothing the site never loads: Material's source maps, search languages it does not use.
        prune.prune(site_dir)
        # The web app manifest and its icons: what a phone needs to install the site as an app.
        write_app_manifest(site_dir)
        # The page the service worker shows, offline, for an address it never saved.
        write_offline_page(site_dir)
        # Last, so that it lists every file written before it: the service worker that keeps
        # the whole site, the Pyodide runtime included, for offline use.
        write_service_worker(site_dir)
        # What a phone downloads: each page stays light without Pyodide, the whole site fits.
        check_budgets(site_dir)


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


# ---- Installing and working offline ---------------------------------------------------------


def write_app_manifest(site_dir: Path) -> None:
    """Write the web app manifest and its PNG icons into site_dir.

    Every URL in it is relative to the manifest, at the site's root, so the same build installs
    at / and under any prefix (a GitHub Pages project site).
    """
    config = _site_config()
    icons_dir = site_dir / ICONS_DIR
    icons_dir.mkdir(parents=True, exist_ok=True)
    icons = []
    for name, size, shape in APP_ICONS:
        (icons_dir / name).write_bytes(_draw_icon(size, shape))
        if shape != "apple":  # iOS finds its icon through <link rel="apple-touch-icon">
            purpose = "maskable" if shape == "maskable" else "any"
            entry = {"src": f"{ICONS_DIR}/{name}", "sizes": f"{size}x{size}", "type": "image/png"}
            icons.append({**entry, "purpose": purpose})
    manifest = {
        "id": "./",
        "name": APP_NAME,
        "short_name": config["site_name"],
        "description": config["site_description"],
        "lang": "en",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": icons,
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    (site_dir / APP_MANIFEST).write_text(text, encoding="utf-8")


def _site_config() -> dict[str, Any]:
    """mkdocs.yml as written (its !ENV tags resolved): the site's name, description, palette."""
    from mkdocs.utils.yaml import yaml_load

    config: dict[str, Any] = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return config


def _draw_icon(size: int, shape: str) -> bytes:
    """The app's icon as PNG bytes: a white balance scale on the theme's teal, anti-aliased."""
    teal = bytes.fromhex(THEME_COLOR.removeprefix("#"))
    # The maskable icon keeps its glyph inside the central circle (radius 40%) every mask keeps.
    box = 0.56 if shape == "maskable" else 0.68
    origin = (1 - box) / 2
    pixels = bytearray()
    for row in range(size):
        y = (row + 0.5) / size
        gy = (y - origin) / box
        # The icon is symmetric: draw the left half of the row (and its middle), then mirror it.
        left: list[bytes] = []
        for column in range((size + 1) // 2):
            x = (column + 0.5) / size
            gx = (x - origin) / box
            alpha = 1.0
            if shape == "any":  # a rounded square, transparent around it
                alpha = _coverage(_rounded_box(x, y, 0.5, 0.5, 0.5, 0.5, 0.18) * size)
            ink = 0.0
            if 0 <= gx <= 1 and 0 <= gy <= 1:
                ink = _coverage(_scale_distance(gx, gy) * box * size)
            rgb = bytes(round(c + (255 - c) * ink) for c in teal)
            left.append(rgb + bytes((round(255 * alpha),)))
        pixels.append(0)  # PNG filter type "none" for this row
        pixels += b"".join(left + left[: size // 2][::-1])
    return _png(size, size, bytes(pixels))


def _scale_distance(x: float, y: float) -> float:
    """Signed distance from (x, y) in the unit square to the balance scale's outline (<0 inside)."""
    distance = min(
        math.hypot(x - 0.5, y - 0.16) - 0.06,  # the knob
        _rounded_box(x, y, 0.5, 0.55, 0.035, 0.3, 0.015),  # the post
        _rounded_box(x, y, 0.5, 0.26, 0.4, 0.03, 0.03),  # the beam
        _rounded_box(x, y, 0.5, 0.87, 0.24, 0.04, 0.03),  # the foot
    )
    for pan in (0.2, 0.8):
        bowl = max(math.hypot(x - pan, y - 0.6) - 0.16, 0.6 - y)  # the lower half of a disc
        cords = min(_segment_distance(x, y, pan, 0.27, pan + side, 0.6) for side in (-0.15, 0.15))
        distance = min(distance, bowl, cords - 0.016)
    return distance


def _rounded_box(x: float, y: float, cx: float, cy: float, hw: float, hh: float, r: float) -> float:
    """Signed distance to a box centred on (cx, cy), half-sizes hw and hh, corners of radius r."""
    qx, qy = abs(x - cx) - hw + r, abs(y - cy) - hh + r
    return math.hypot(max(qx, 0.0), max(qy, 0.0)) + min(max(qx, qy), 0.0) - r


def _segment_distance(x: float, y: float, ax: float, ay: float, bx: float, by: float) -> float:
    """Distance from (x, y) to the segment from (ax, ay) to (bx, by)."""
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - ax - t * dx, y - ay - t * dy)


def _coverage(distance_in_pixels: float) -> float:
    """How much of a pixel a shape covers, from the signed distance of the pixel's centre."""
    return max(0.0, min(1.0, 0.5 - distance_in_pixels))


def _png(width: int, height: int, rows: bytes) -> bytes:
    """An 8-bit RGBA PNG from its filtered rows, with the standard library alone (zlib)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", header),
            chunk(b"IDAT", zlib.compress(rows, 9)),
            chunk(b"IEND", b""),
        )
    )


def write_offline_page(site_dir: Path) -> None:
    """Write offline.html at the site's root, in the site's own styles.

    The service worker answers with it, offline, for any address it never saved, and sets its
    <base> to the site's root: its links are written relative to the root.
    """
    styles = sorted((site_dir / "assets" / "stylesheets").glob("*.min.css"))
    links = [path.relative_to(site_dir).as_posix() for path in styles] + ["css/app-update.css"]
    for target in (*links, "index.html", "calculator/index.html"):
        if not (site_dir / target).is_file():
            raise BuildError(f"{OFFLINE_PAGE} links to {target}, which the site lacks")
    stylesheets = "\n".join(f'<link rel="stylesheet" href="{href}">' for href in links)
    # The light scheme of the site's palette, as Material writes it on every page's <body>
    # (with "deep orange" spelt "deep-orange").
    config = _site_config()
    policy = config["extra"]["content_security_policy"]
    palette = config["theme"]["palette"]
    light = palette[0] if isinstance(palette, list) else palette
    colours = " ".join(
        f'data-md-color-{key}="{html.escape(str(light[key]).replace(" ", "-"))}"'
        for key in ("scheme", "primary", "accent")
        if key in light
    )
    page = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="theme-color" content="{THEME_COLOR}">
<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">
<title>Offline · offereval</title>
{stylesheets}
</head>
<body {colours}>
<main class="offline-page md-typeset">
<h1>You are offline</h1>
<p>This page is not saved on this device, and there is no network to fetch it.</p>
<p>The framework's pages and the calculator are saved, with the offers you entered:</p>
<ul>
<li><a href="./">The home page</a></li>
<li><a href="calculator/">Compare offers</a></li>
</ul>
</main>
</body>
</html>
"""
    (site_dir / OFFLINE_PAGE).write_text(page, encoding="utf-8")


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


# ---- Budgets ---------------------------------------------------------------------------------

_LOADED = re.compile(r'<(?:script|link)\b[^>]*?\b(?:src|href)="([^"#?:]+\.(?:m?js|css))"')


def check_budgets(site_dir: Path) -> None:
    """Fail when a page with what it loads outgrows PAGE_BUDGET, when a page loads the Pyodide
    runtime itself (the worker does, in the background), or when the site outgrows SITE_BUDGET."""
    problems = []
    root = site_dir.resolve()
    for page in sorted(site_dir.rglob("*.html")):
        # The 404 page links from the site's root ("/assets/..."), every other page relatively.
        assets = {
            (root / href.lstrip("/") if href.startswith("/") else page.parent / href).resolve()
            for href in _LOADED.findall(page.read_text(encoding="utf-8"))
        }
        name = page.relative_to(site_dir).as_posix()
        runtime = [
            a
            for a in assets
            if a.is_relative_to(root) and PYODIDE_SITE_DIR in a.relative_to(root).parts
        ]
        if runtime:
            problems.append(f"{name} loads the Pyodide runtime ({runtime[0].name}) itself")
        weight = page.stat().st_size + sum(a.stat().st_size for a in assets if a.is_file())
        if weight > PAGE_BUDGET:
            problems.append(
                f"{name} weighs {weight:,} bytes with what it loads; the budget is {PAGE_BUDGET:,}"
            )
    total = sum(path.stat().st_size for path in site_dir.rglob("*") if path.is_file())
    if total > SITE_BUDGET:
        problems.append(f"the site weighs {total:,} bytes; the budget is {SITE_BUDGET:,}")
    if problems:
        raise BuildError("over budget:\n  " + "\n  ".join(problems))


def serve(site_dir: Path = SITE_DIR, port: int = 8000) -> None:
    """Serve site_dir on 127.0.0.1 (http.server sends .wasm as application/wasm)."""
    import functools
    import http.server

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site_dir))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Serving {site_dir} at http://127.0.0.1:{port}/ (Ctrl+C to stop)")
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C is how serving ends
            server.serve_forever()


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
