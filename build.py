"""Build the offereval site into site/, and optionally serve it.

    python build.py            # build site/
    python build.py --serve    # build, then serve site/ at http://127.0.0.1:8000/

The build is a pipeline: each stage below runs in order, is deterministic, and stops the whole
build with a BuildError that says what went wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SITE_DIR = ROOT / "site"


class BuildError(Exception):
    """Raised by any build stage that cannot produce a correct site."""


def build(site_dir: Path = SITE_DIR) -> None:
    """Run every stage of the build, in order, into site_dir."""
    # Stages are added here, one call each, as the site grows.


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
