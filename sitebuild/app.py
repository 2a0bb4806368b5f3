"""Installing the site as an app: the PNG icons the manifest and iOS ask for.

The manifest (overrides/manifest.webmanifest), the icons' SVG sources (overrides/icons/) and the
offline page (overrides/offline.html) are templates MkDocs renders with the rest of the site, in
the theme colour mkdocs.yml defines. What is left for the build is what MkDocs cannot do: turn
the SVG icons into PNG files, which every browser and iOS accept as app icons.
"""

from __future__ import annotations

import json
from pathlib import Path

from sitebuild.errors import BuildError

APP_MANIFEST = "manifest.webmanifest"
OFFLINE_PAGE = "offline.html"
# Each PNG icon: (its path in the site, its size in pixels, the rendered SVG it is drawn from).
# The manifest declares these:
MANIFEST_ICONS = (
    ("icons/icon-192.png", 192, "icons/icon.svg"),
    ("icons/icon-512.png", 512, "icons/icon.svg"),
    ("icons/icon-maskable-512.png", 512, "icons/icon-maskable.svg"),
)
# iOS reads its own through <link rel="apple-touch-icon"> (overrides/partials/pwa-head.html), and
# paints transparency black, so its source is the opaque one.
APPLE_TOUCH_ICON = ("icons/apple-touch-icon.png", 180, "icons/icon-maskable.svg")


def write_app_icons(site_dir: Path) -> None:
    """Rasterize every icon from its SVG in site_dir; fail unless MANIFEST_ICONS are exactly the
    icons the manifest declares, at the sizes it declares."""
    # Imported here: the engine's import trace runs sitebuild's modules without site-packages.
    import resvg_py

    for name, size, source in (*MANIFEST_ICONS, APPLE_TOUCH_ICON):
        svg = site_dir / source
        if not svg.is_file():
            raise BuildError(f"{source} is missing: is it in mkdocs.yml's theme.static_templates?")
        png = resvg_py.svg_to_bytes(
            svg_string=svg.read_text(encoding="utf-8"),
            width=size,
            height=size,
            skip_system_fonts=True,  # no text in an icon: no font lookup, the same bytes anywhere
        )
        (site_dir / name).write_bytes(png)
    manifest = json.loads((site_dir / APP_MANIFEST).read_text(encoding="utf-8"))
    declared = {(icon["src"], icon["sizes"]) for icon in manifest["icons"]}
    made = {(name, f"{size}x{size}") for name, size, _ in MANIFEST_ICONS}
    if declared != made:
        raise BuildError(
            f"{APP_MANIFEST} declares the icons {sorted(declared)}; the build makes {sorted(made)}"
        )
