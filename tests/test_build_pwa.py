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
import urllib.parse
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load
from PIL import Image

from sitebuild.app import APP_MANIFEST, APPLE_TOUCH_ICON, OFFLINE_PAGE, write_app_icons
from sitebuild.errors import BuildError
from sitebuild.layout import ROOT
from sitebuild.runtime import PYODIDE_SITE_DIR
from sitebuild.service_worker import SERVICE_WORKER, WORKBOX_MODULES, write_service_worker

# The one place the site's colour is defined.
MKDOCS_CONFIG = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
THEME_COLOR = MKDOCS_CONFIG["extra"]["theme_color"]


@pytest.fixture
def site(built_site: Path) -> Path:
    """The whole site, built by every stage of the pipeline (once per run: tests/conftest.py)."""
    return built_site


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


def pixels(path: Path) -> Image.Image:
    """A PNG icon as RGBA pixels."""
    with Image.open(path) as image:
        assert image.format == "PNG"
        return image.convert("RGBA")


def rgba(colour: str) -> tuple[int, int, int, int]:
    """'#009485' as an opaque RGBA pixel."""
    red, green, blue = bytes.fromhex(colour.removeprefix("#"))
    return (red, green, blue, 255)


# ---- The manifest and its icons --------------------------------------------------------------


def test_the_manifest_works_under_any_prefix(site: Path):
    manifest = json.loads((site / APP_MANIFEST).read_text(encoding="utf-8"))
    assert (manifest["start_url"], manifest["scope"], manifest["id"]) == ("./", "./", "./")
    assert manifest["display"] == "standalone"
    assert manifest["name"] and manifest["short_name"] == "offereval"
    # Every URL relative to the manifest, none to another origin or to the host's root.
    for icon in manifest["icons"]:
        assert not icon["src"].startswith(("/", "http:", "https:")), icon
        assert (site / icon["src"]).is_file()
    assert "http" not in json.dumps(manifest)


def test_the_theme_colour_comes_from_mkdocs_yml_everywhere(site: Path):
    manifest = json.loads((site / APP_MANIFEST).read_text(encoding="utf-8"))
    assert manifest["theme_color"] == THEME_COLOR
    for page in ("index.html", "calculator/index.html", OFFLINE_PAGE):
        html = (site / page).read_text(encoding="utf-8")
        assert f'<meta name="theme-color" content="{THEME_COLOR}">' in html, page
        # The palette's primary colour is the custom one the stylesheet sets.
        assert 'data-md-color-primary="custom"' in html, page
        assert "assets/site/theme-color.css" in html, page
    css = (site / "assets" / "site" / "theme-color.css").read_text(encoding="utf-8")
    assert f"--md-primary-fg-color: {THEME_COLOR};" in css
    # The icons are drawn in it too.
    assert pixels(site / "icons" / "icon-maskable-512.png").getpixel((4, 4)) == rgba(THEME_COLOR)


def test_the_icons_are_pngs_of_their_declared_size(site: Path):
    manifest = json.loads((site / APP_MANIFEST).read_text(encoding="utf-8"))
    declared = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert declared == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for icon in manifest["icons"]:
        image = pixels(site / icon["src"])
        assert f"{image.width}x{image.height}" == icon["sizes"]
    apple = pixels(site / APPLE_TOUCH_ICON[0])
    # iOS paints transparency black: its icon is opaque.
    assert apple.size == (180, 180)
    assert apple.getextrema()[3] == (255, 255)


def test_the_maskable_icon_keeps_its_glyph_inside_the_safe_zone(site: Path):
    image = pixels(site / "icons" / "icon-maskable-512.png")
    background = rgba(THEME_COLOR)
    centre = image.width / 2
    glyph = [
        math.hypot(x + 0.5 - centre, y + 0.5 - centre)
        for y in range(image.height)
        for x in range(image.width)
        if image.getpixel((x, y)) != background
    ]
    assert glyph, "the icon has no glyph"
    # Launchers may crop everything outside the circle of radius 40% of the icon's size.
    assert max(glyph) <= 0.4 * image.width
    assert image.getextrema()[3] == (255, 255)


def test_the_any_icon_is_a_rounded_square(site: Path):
    image = pixels(site / "icons" / "icon-512.png")
    last = image.width - 1
    assert image.getpixel((0, 0))[3] == 0 and image.getpixel((last, last))[3] == 0  # corners
    assert image.getpixel((2, image.height // 2))[3] == 255  # opaque along the edges' middle


def test_the_icons_are_the_same_bytes_from_the_same_source(site: Path, tmp_path: Path):
    shutil.copytree(site, tmp_path / "again")
    write_app_icons(tmp_path / "again")
    for icon in sorted((site / "icons").glob("*.png")):
        assert (tmp_path / "again" / "icons" / icon.name).read_bytes() == icon.read_bytes()


def test_an_icon_the_manifest_declares_but_the_build_does_not_make_fails_it(
    site: Path, tmp_path: Path
):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    manifest = json.loads((copy / APP_MANIFEST).read_text(encoding="utf-8"))
    manifest["icons"].append({"src": "icons/icon-144.png", "sizes": "144x144"})
    (copy / APP_MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(BuildError, match="icon-144"):
        write_app_icons(copy)


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
    with pytest.raises(BuildError, match="precaches"):
        write_service_worker(copy)


def test_the_offline_page_is_a_page_of_the_site_linking_into_it(site: Path):
    page = (site / OFFLINE_PAGE).read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    # The same policy and palette as every page: it extends the theme like they do.
    policy = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]+">')
    assert policy.findall(page) == policy.findall(home) != []
    palette = re.compile(r"<body [^>]*data-md-color-[^>]*>")
    assert palette.findall(page) == palette.findall(home) != []
    assert "<h1>You are offline</h1>" in page
    # Written for the site's root (the service worker sets <base> to it): every link resolves.
    hrefs = {href.split("#")[0] for href in re.findall(r'href="([^"]*)"', page)} - {""}
    assert {"./", "calculator/"} <= hrefs
    for href in hrefs:
        assert not href.startswith(("/", "http:", "https:")), href
        path = urllib.parse.urljoin("http://site/", href).removeprefix("http://site/")
        target = path + "index.html" if path.endswith("/") or not path else path
        assert (site / target).is_file(), href
