"""The build's last check: budgets for what a phone downloads."""

from __future__ import annotations

import re
from pathlib import Path

from sitebuild.errors import BuildError
from sitebuild.runtime import PYODIDE_SITE_DIR

# Budgets, in bytes. A page with the styles and scripts it loads is what a phone fetches before
# it can read anything; the site is what the service worker then keeps for offline use.
PAGE_BUDGET = 512 * 1024
SITE_BUDGET = 24 * 1024 * 1024

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
