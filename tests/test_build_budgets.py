"""The build's last stage: budgets for what a phone downloads.

A content page with the styles and scripts it loads must stay under the page budget and never
load the Pyodide runtime itself (the calculator's worker does, in the background); the whole
site, which the service worker keeps for offline use, must stay under the site budget.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import budgets
from sitebuild.errors import BuildError


def _write(path: Path, size: int = 0, text: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode() if text else b"x" * size)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A small site: a page in a folder loading a stylesheet and a module by relative paths."""
    _write(tmp_path / "assets" / "site.css", 10_000)
    _write(tmp_path / "js" / "page.js", 20_000)
    _write(
        tmp_path / "guide" / "index.html",
        text=(
            '<link rel="stylesheet" href="../assets/site.css">'
            '<script type="module" src="../js/page.js"></script>'
        ),
    )
    return tmp_path


def test_a_light_site_passes(site: Path):
    budgets.check_budgets(site)


def test_a_page_is_weighed_with_what_it_loads(site: Path, monkeypatch):
    # 10,000 + 20,000 bytes of assets plus the page itself: just over a 30,000-byte budget.
    monkeypatch.setattr(budgets, "PAGE_BUDGET", 30_000)
    with pytest.raises(BuildError, match=r"guide/index\.html weighs 30,\d{3} bytes"):
        budgets.check_budgets(site)


def test_the_404_page_loads_from_the_root(site: Path, monkeypatch):
    _write(site / "404.html", text='<script src="/js/page.js"></script>')
    monkeypatch.setattr(budgets, "PAGE_BUDGET", 20_000)
    with pytest.raises(BuildError, match=r"404\.html weighs 20,0\d\d bytes"):
        budgets.check_budgets(site)


def test_a_page_must_not_load_the_runtime_itself(site: Path):
    _write(site / "pyodide" / "pyodide.mjs", 100)
    _write(
        site / "calculator" / "index.html",
        text='<script type="module" src="../pyodide/pyodide.mjs"></script>',
    )
    with pytest.raises(BuildError, match=r"calculator/index\.html loads the Pyodide runtime"):
        budgets.check_budgets(site)


def test_the_whole_site_has_a_budget(site: Path, monkeypatch):
    _write(site / "pyodide" / "pyodide.asm.wasm", 50_000)
    monkeypatch.setattr(budgets, "SITE_BUDGET", 60_000)
    with pytest.raises(BuildError, match="the site weighs 80,"):
        budgets.check_budgets(site)
