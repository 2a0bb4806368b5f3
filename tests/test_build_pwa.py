"""The build's offline and install stages: the web app manifest, its icons, the service worker.

A phone keeps exactly what the service worker lists, so these tests read what the build wrote
without starting a browser (tests/e2e/test_pwa.py drives the result in Chromium).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest

import sitebuild
from sitebuild.app import APP_MANIFEST, OFFLINE_PAGE, THEME_COLOR
from sitebuild.runtime import PYODIDE_SITE_DIR
from sitebuild.service_worker import SERVICE_WORKER, WORKBOX_MODULES, write_service_worker


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site, built by every stage of the pipeline."""
    site_dir = tmp_path_factory.mktemp("site")
    sitebuild.build(site_dir)
    return site_dir


def precache_list(site_dir: Path) -> list[dict[str, str]]:
    """The [{url, revision}] workbox-build wrote into sw.js."""
    text = (site_dir / SERVICE_WORKER).read_text(encoding="utf-8")
    found = re.search(r"const SITE_FILES = (\[.*?\]);", text, re.S)
    assert found, "sw.js has no precache list"
    return json.loads(found.group(1))


def build_id(site_dir: Path) -> str:
    text = (site_dir / SERVICE_WORKER).read_text(encoding="utf-8")
    found = re.search(r"const BUILD = '([0-9a-f]{16})';", text)
    assert found, "sw.js carries no build id"
    return found.group(1)


def decode_png(data: bytes) -> tuple[int, int, list[list[tuple[int, int, int, int]]]]:
    """(width, height, rows of RGBA pixels) of an 8-bit RGBA PNG whose rows use no filter."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, color = struct.unpack(">IIBB", data[16:26])
    assert (depth, color) == (8, 6), "expected 8-bit RGBA"
    chunks, offset = {}, 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        chunks[kind] = chunks.get(kind, b"") + data[offset + 8 : offset + 8 + length]
        offset += 12 + length
    raw = zlib.decompress(chunks[b"IDAT"])
    stride = 1 + 4 * width
    assert len(raw) == height * stride
    rows = []
    for y in range(height):
        line = raw[y * stride : (y + 1) * stride]
        assert line[0] == 0, "unexpected PNG filter"
        rows.append([tuple(line[1 + 4 * x : 5 + 4 * x]) for x in range(width)])
    return width, height, rows


# ---- The manifest and its icons --------------------------------------------------------------


def test_the_manifest_works_under_any_prefix(site: Path):
    manifest = json.loads((site / APP_MANIFEST).read_text(encoding="utf-8"))
    assert (manifest["start_url"], manifest["scope"], manifest["id"]) == ("./", "./", "./")
    assert manifest["display"] == "standalone"
    assert manifest["name"] and manifest["short_name"] == "offereval"
    assert manifest["theme_color"] == THEME_COLOR
    # Every URL relative to the manifest, none to another origin or to the host's root.
    for icon in manifest["icons"]:
        assert not icon["src"].startswith(("/", "http:", "https:")), icon
        assert (site / icon["src"]).is_file()
    assert "http" not in json.dumps(manifest)


def test_the_icons_are_pngs_of_their_declared_size(site: Path):
    manifest = json.loads((site / APP_MANIFEST).read_text(encoding="utf-8"))
    declared = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert declared == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for icon in manifest["icons"]:
        width, height, _ = decode_png((site / icon["src"]).read_bytes())
        assert f"{width}x{height}" == icon["sizes"]
    width, height, rows = decode_png((site / "icons" / "apple-touch-icon.png").read_bytes())
    # iOS paints transparency black: its icon is opaque.
    assert (width, height) == (180, 180)
    assert all(pixel[3] == 255 for row in rows for pixel in row)


def test_the_maskable_icon_keeps_its_glyph_inside_the_safe_zone(site: Path):
    width, _, rows = decode_png((site / "icons" / "icon-maskable-512.png").read_bytes())
    teal = (*bytes.fromhex(THEME_COLOR.removeprefix("#")), 255)
    centre = width / 2
    glyph = [
        math.hypot(x + 0.5 - centre, y + 0.5 - centre)
        for y, row in enumerate(rows)
        for x, pixel in enumerate(row)
        if pixel != teal
    ]
    assert glyph, "the icon has no glyph"
    # Launchers may crop everything outside the circle of radius 40% of the icon's size.
    assert max(glyph) <= 0.4 * width
    assert all(pixel[3] == 255 for row in rows for pixel in row)


def test_the_any_icon_is_a_rounded_square(site: Path):
    width, _, rows = decode_png((site / "icons" / "icon-512.png").read_bytes())
    assert rows[0][0][3] == 0 and rows[-1][-1][3] == 0  # transparent corners
    assert rows[width // 2][2][3] == 255  # opaque along the edges' middle


# ---- The service worker ------------------------------------------------------------------


def test_the_service_worker_lists_every_file_with_its_content_hash(site: Path):
    listed = {entry["url"]: entry["revision"] for entry in precache_list(site)}
    files = {
        path.relative_to(site).as_posix(): path
        for path in site.rglob("*")
        if path.is_file() and path.name != SERVICE_WORKER
    }
    assert sorted(listed) == sorted(files)
    for url, path in files.items():
        assert listed[url] == hashlib.md5(path.read_bytes()).hexdigest(), url
    # What Workbox leaves out unless told: files over 2 MiB and these kinds.
    for url in ("pyodide/pyodide.asm.wasm", "pyodide/pyodide.asm.mjs", "pyodide/python_stdlib.zip"):
        assert url in listed
    assert any(url.endswith(".whl") for url in listed)
    assert "pyodide/pyodide-lock.json" in listed and "data/calculator.json" in listed
    assert (site / "pyodide/pyodide.asm.wasm").stat().st_size > 2 * 1024 * 1024
    # The pages the service worker answers offline, and the Workbox modules it loads.
    for url in (OFFLINE_PAGE, "index.html", "checklists/questions/index.html"):
        assert url in listed
    for module in WORKBOX_MODULES:
        assert f"workbox/workbox-{module}.prod.js" in listed
    # Its source is not served as a second, unfilled service worker.
    assert not (site / "js" / "sw").exists()


def test_the_site_ships_nothing_it_never_loads(site: Path):
    assert not sorted(site.rglob("*.map"))
    for path in [*site.rglob("*.js"), *site.rglob("*.mjs"), *site.rglob("*.css")]:
        assert "sourceMappingURL" not in path.read_text(encoding="utf-8"), path
    # The search is in English, which its worker knows without lunr's language files.
    assert not (site / "assets" / "javascripts" / "lunr").exists()


def test_the_worker_knows_the_size_of_each_download(site: Path):
    runtime = site / PYODIDE_SITE_DIR
    listed = json.loads((runtime / "downloads.json").read_text(encoding="utf-8"))
    fetched = {"pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"}
    assert fetched <= set(listed["files"])
    assert any(name.endswith(".whl") for name in listed["files"])
    for name, size in listed["files"].items():
        assert (runtime / name).stat().st_size == size, name
    assert listed["total"] == sum(listed["files"].values())
    # Modules are loaded with import(), which reports no bytes: they are not counted.
    assert not [name for name in listed["files"] if name.endswith(".mjs")]


def test_the_build_id_follows_the_content(site: Path, tmp_path: Path):
    same = tmp_path / "same"
    shutil.copytree(site, same)
    (same / SERVICE_WORKER).unlink()
    write_service_worker(same)
    # Deterministic: the same files give the same service worker, byte for byte.
    assert (same / SERVICE_WORKER).read_bytes() == (site / SERVICE_WORKER).read_bytes()

    changed = tmp_path / "changed"
    shutil.copytree(site, changed)
    with (changed / "compensation" / "index.html").open("a", encoding="utf-8") as page:
        page.write("<!-- edited -->\n")
    write_service_worker(changed)
    assert build_id(changed) != build_id(site)
    before = {entry["url"]: entry["revision"] for entry in precache_list(site)}
    after = {entry["url"]: entry["revision"] for entry in precache_list(changed)}
    assert {url for url in after if after[url] != before[url]} == {"compensation/index.html"}


def test_a_file_the_service_worker_would_leave_out_fails_the_build(site: Path, tmp_path: Path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    # Workbox's file patterns skip dot-files: the phone would miss it offline.
    (copy / ".well-known").mkdir()
    (copy / ".well-known" / "assetlinks.json").write_text("[]", encoding="utf-8")
    with pytest.raises(sitebuild.BuildError, match="precaches"):
        write_service_worker(copy)


def test_the_offline_page_links_into_the_site(site: Path):
    page = (site / OFFLINE_PAGE).read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert "./" in hrefs and "calculator/" in hrefs
    for href in hrefs:
        assert not href.startswith(("/", "http:", "https:")), href
        assert (site / (href + "index.html" if href.endswith("/") else href)).is_file(), href
    assert "<script" not in page and "style=" not in page
