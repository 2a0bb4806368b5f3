"""Installing the site as an app and using it offline: the manifest, its icons, the offline page."""

from __future__ import annotations

import html
import json
import math
import struct
import zlib
from pathlib import Path
from typing import Any

from sitebuild.errors import BuildError
from sitebuild.layout import ROOT

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
# The page the service worker shows for an address it never saved.
OFFLINE_PAGE = "offline.html"


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
