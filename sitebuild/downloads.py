"""What the calculator's worker downloads, with the sizes it shows progress against.

Pyodide fetches the WebAssembly runtime, the standard library, the lockfile and the offereval
wheel; the worker counts their bytes as they arrive and the page shows "Downloading the
calculator: 2.1MB of 10.5MB". Browsers hide a compressed response's size, so the build writes
each file's own size into pyodide/downloads.json, and the total.
"""

from __future__ import annotations

import json
from pathlib import Path

DOWNLOADS_NAME = "downloads.json"
# Loaded with import(), which reports no bytes: the runtime's JavaScript modules.
IMPORTED = (".mjs",)


def write_downloads(site_runtime: Path) -> dict[str, int]:
    """Write site_runtime/downloads.json ({"files": {name: bytes}, "total": bytes}); the files."""
    files = {
        path.name: path.stat().st_size
        for path in sorted(site_runtime.iterdir())
        if path.is_file() and path.suffix not in IMPORTED and path.name != DOWNLOADS_NAME
    }
    text = json.dumps({"files": files, "total": sum(files.values())}, indent=2) + "\n"
    (site_runtime / DOWNLOADS_NAME).write_text(text, encoding="utf-8")
    return files
