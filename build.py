"""Build the offereval site into site/, and optionally serve it.

    python build.py            # build site/
    python build.py --serve    # build, then serve site/ at http://127.0.0.1:8000/

The stages live in the sitebuild package (sitebuild.build() is the pipeline); this is the command.
"""

from __future__ import annotations

import argparse
import sys

import sitebuild
from sitebuild.errors import BuildError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--serve", action="store_true", help="serve the site after building it")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    try:
        sitebuild.build()
    except BuildError as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    if args.serve:
        sitebuild.serve(port=args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
