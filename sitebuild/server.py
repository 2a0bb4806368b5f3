"""Serving a built site on this machine."""

from __future__ import annotations

import contextlib
from pathlib import Path

from sitebuild.layout import SITE_DIR


def serve(site_dir: Path = SITE_DIR, port: int = 8000) -> None:
    """Serve site_dir on 127.0.0.1 (http.server sends .wasm as application/wasm)."""
    import functools
    import http.server

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site_dir))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Serving {site_dir} at http://127.0.0.1:{port}/ (Ctrl+C to stop)")
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C is how serving ends
            server.serve_forever()
