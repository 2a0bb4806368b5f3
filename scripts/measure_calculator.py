"""Measure the calculator as a person meets it, and print the figures as tables.

    .venv/bin/python scripts/measure_calculator.py              # build site/, then measure it
    .venv/bin/python scripts/measure_calculator.py --site DIR   # measure a site built earlier
    .venv/bin/python scripts/measure_calculator.py --screenshots shots/

What it prints, in Debian's Chromium (OFFEREVAL_CHROMIUM to use another):

- how far the verdict is from the top of the page on a 360 x 740 phone, in screens of 740 px
  (before the verdict existed: the results heading), with the form as it opens and with every
  fold of the form open, and whether one tap brings it into view;
- how many of an offer's controls are shown by default, of how many it has (a group of radio
  buttons counts as one control);
- how many A4 and Letter pages printing the calculator takes with the three offers of
  tests/e2e/data/three-offers.yaml;
- the serious and critical violations axe-core (node_modules/axe-core) finds on every page, 404
  and offline pages included, in the light and the dark scheme.

axe-core is evaluated through Playwright (the DevTools protocol), which a page's
Content-Security-Policy does not govern; the pages are measured as they are served.
--screenshots saves the calculator at 360 and 1366 px, empty, with one offer and with three,
light and dark, and its printout as PNG pages (pdftoppm).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import io
import json
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
from playwright.sync_api import Browser, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # sitebuild/ lives at the root, beside this folder

from sitebuild import chromium  # noqa: E402

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
THREE_OFFERS = ROOT / "tests" / "e2e" / "data" / "three-offers.yaml"
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1366, "height": 768}}
SCREEN = PHONE["viewport"]["height"]
ENGINE_MS = 180_000
# The verdict; a build without one has only the results heading.
VERDICT = "[data-verdict], #calculator-results-title"
CONTROLS = "input:not([type=hidden]), select, textarea"


# ---- Serving a built site --------------------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 (the base class's attribute, extended)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".webmanifest": "application/manifest+json",
        ".whl": "application/zip",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    """Serve `site` at http://127.0.0.1:<port>/ in a thread; yields that URL."""
    handler = functools.partial(_Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# ---- Driving the calculator ------------------------------------------------------------------


def _open(page: Page, url: str) -> None:
    page.goto(url + "calculator/")
    expect(page.locator("[data-calculator]")).to_have_attribute("data-form", "ready")
    expect(page.locator("[data-calculator]")).to_have_attribute(
        "data-engine", "ready", timeout=ENGINE_MS
    )


def _settle(page: Page) -> None:
    """Wait until the results on screen are those of the form."""
    expect(page.locator("[data-calculator]")).to_have_attribute(
        "data-results", "current", timeout=ENGINE_MS
    )


def _confirm_if_asked(page: Page) -> None:
    """Agree to a question the page asks (a build that asks before replacing offers)."""
    dialog = page.locator("dialog[open]")
    with contextlib.suppress(Exception):
        dialog.wait_for(timeout=1500)
        dialog.locator("button[value=yes]").click()


def _import_three(page: Page) -> None:
    page.locator("[data-import]").set_input_files(str(THREE_OFFERS))
    _confirm_if_asked(page)
    _settle(page)


def _verdict_top(page: Page) -> float:
    box = page.locator(VERDICT).first.evaluate(
        "node => node.getBoundingClientRect().top + window.scrollY"
    )
    return float(box)


def _open_every_fold(page: Page) -> None:
    page.evaluate(
        "() => document.querySelectorAll('.calculator form details').forEach(d => d.open = true)"
    )


def _one_tap_shows_verdict(page: Page) -> str:
    """From the end of the form, tap the control that leads to the results, if the page has
    one: is the verdict then in view?"""
    page.evaluate(
        "() => window.scrollTo(0, document.querySelector('form.calculator-form')"
        ".getBoundingClientRect().bottom + window.scrollY - window.innerHeight)"
    )
    bar = page.locator("[data-answer-bar] [data-action=show-results]")
    if bar.count() == 0 or not bar.first.is_visible():
        return "no such control"
    bar.first.tap()
    page.wait_for_timeout(800)  # the smooth scroll
    inside = page.locator(VERDICT).first.evaluate(
        """node => { const r = node.getBoundingClientRect();
                     return r.top >= 0 && r.top < window.innerHeight; }"""
    )
    return "yes" if inside else "no"


def measure_distance(browser: Browser, url: str) -> list[list[str]]:
    rows = []
    for state in ("empty", "example"):
        context = browser.new_context(**PHONE)
        page = context.new_page()
        _open(page, url)
        if state == "example":
            page.locator("[data-action=example]").first.click()
            _confirm_if_asked(page)
            _settle(page)
        closed = _verdict_top(page)
        tap = _one_tap_shows_verdict(page)
        _open_every_fold(page)
        opened = _verdict_top(page)
        rows.append(
            [
                state,
                f"{closed:,.0f} px = {closed / SCREEN:.1f}",
                f"{opened:,.0f} px = {opened / SCREEN:.1f}",
                tap,
            ]
        )
        context.close()
    return rows


def measure_controls(browser: Browser, url: str) -> list[list[str]]:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    _open(page, url)
    counts = page.evaluate(
        """([selector]) => {
        const mine = [...document.querySelectorAll(selector)].filter((c) => {
          const place = c.closest('[data-path]');
          return place && /^offers\\[0\\](\\.|$)/.test(place.dataset.path);
        });
        const key = (c) => (c.type === 'radio' ? `radio:${c.name}` : c);
        const all = new Set(mine.map(key));
        const shown = new Set(mine.filter((c) => c.checkVisibility()).map(key));
        const inside = (c) => c.closest('fieldset.offer') !== null;
        const own = new Set(mine.filter(inside).map(key));
        const ownShown = new Set(mine.filter((c) => inside(c) && c.checkVisibility()).map(key));
        return [shown.size, all.size, ownShown.size, own.size];
      }""",
        [CONTROLS],
    )
    height = page.locator("[data-offers] fieldset.offer").first.evaluate(
        "node => node.getBoundingClientRect().height"
    )
    form = page.evaluate(
        """([selector]) => {
        const form = document.querySelector('form.calculator-form');
        const shown = [...form.querySelectorAll(selector)].filter((c) => c.checkVisibility());
        const key = (c) => (c.type === 'radio' ? `radio:${c.name}` : c);
        return [new Set(shown.map(key)).size, form.getBoundingClientRect().height];
      }""",
        [CONTROLS],
    )
    context.close()
    shown, total, own_shown, own = counts
    return [
        ["anywhere on the page", f"{shown} of {total}"],
        ["in the offer's own fieldset", f"{own_shown} of {own}"],
        ["height of the empty offer", f"{height:,.0f} px = {height / SCREEN:.1f} screens"],
        [
            "whole form, two empty offers",
            f"{form[0]} controls shown, {form[1] / SCREEN:.1f} screens",
        ],
    ]


def measure_print(browser: Browser, url: str, pdf_dir: Path | None) -> list[list[str]]:
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    _open(page, url)
    _import_three(page)
    rows = []
    for paper in ("A4", "Letter"):
        data = page.pdf(format=paper, print_background=True)
        if pdf_dir is not None:
            (pdf_dir / f"print-three-{paper}.pdf").write_bytes(data)
        rows.append([paper, str(len(pypdf.PdfReader(io.BytesIO(data)).pages))])
    context.close()
    return rows


def _pages(site: Path) -> list[str]:
    found = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    pages = ["" if p == "." else f"{p}/" for p in found]
    return [p for p in pages if not p.startswith(("pyodide", "workbox"))] + [
        "404.html",
        "offline.html",
    ]


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"])}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def measure_axe(browser: Browser, url: str, site: Path) -> list[list[str]]:
    rows = []
    for scheme in ("light", "dark"):
        context = browser.new_context(**PHONE, color_scheme=scheme)
        page = context.new_page()
        for path in _pages(site):
            page.goto(url + path)
            if path == "calculator/":
                expect(page.locator("[data-calculator]")).to_have_attribute("data-form", "ready")
            found = axe_violations(page)
            text = ", ".join(f"{v['id']} ({v['impact']}, {v['nodes']})" for v in found)
            rows.append([scheme, path or "(home)", str(len(found)), text or "-"])
        context.close()
    return rows


# ---- Screenshots -----------------------------------------------------------------------------


def screenshots(browser: Browser, url: str, out: Path) -> None:
    """The calculator at 360 and 1366 px, light and dark: empty, one offer, three offers."""
    for name, size in (("360", PHONE), ("1366", DESKTOP)):
        for scheme in ("light", "dark"):
            context = browser.new_context(**size, color_scheme=scheme)
            page = context.new_page()
            _open(page, url)
            _settle_or_none(page)
            _shoot(page, out / f"{name}-{scheme}-empty")
            page.locator("[data-action=example]").first.click()
            _confirm_if_asked(page)
            _settle(page)
            if page.locator("[data-action=remove]").count() > 1:
                page.locator("[data-action=remove]").nth(1).click()
                _confirm_if_asked(page)
            _settle(page)
            _shoot(page, out / f"{name}-{scheme}-one")
            _import_three(page)
            _shoot(page, out / f"{name}-{scheme}-three")
            context.close()
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    _open(page, url)
    _import_three(page)
    pdf = out / "print-three-A4.pdf"
    pdf.write_bytes(page.pdf(format="A4", print_background=True))
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(out / "print")], check=True)
    context.close()


def _settle_or_none(page: Page) -> None:
    with contextlib.suppress(Exception):
        expect(page.locator("[data-calculator]")).not_to_have_attribute(
            "data-results", "pending", timeout=5000
        )


def _shoot(page: Page, stem: Path) -> None:
    """The first screen, and the whole page."""
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=f"{stem}-top.png")
    page.screenshot(path=f"{stem}-full.png", full_page=True)


# ---- Report ----------------------------------------------------------------------------------


def table(title: str, header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join("-" * w for w in widths)
    body = [
        "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)) for r in [header, *rows]
    ]
    return "\n".join([title, line, body[0], line, *body[1:], ""])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build site/ first)")
    parser.add_argument("--screenshots", type=Path, help="save screenshots and the printout here")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    site = args.site
    if site is None:
        subprocess.run([sys.executable, str(ROOT / "build.py")], check=True, cwd=ROOT)
        site = ROOT / "site"
    with serving(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium.executable(), args=list(chromium.ARGS)
        )
        if args.screenshots:
            args.screenshots.mkdir(parents=True, exist_ok=True)
            screenshots(browser, url, args.screenshots)
        figures = {
            "distance": measure_distance(browser, url),
            "controls": measure_controls(browser, url),
            "print": measure_print(browser, url, args.screenshots),
            "axe": measure_axe(browser, url, site),
        }
        browser.close()
    if args.json:
        print(json.dumps(figures, indent=1))
        return 0
    print(
        table(
            "Scrolling from the top of the page to the verdict at 360 x 740 (screens of 740 px)",
            ["offers", "form as it opens", "every fold open", "one tap shows it"],
            figures["distance"],
        )
    )
    print(table("Controls of the first offer shown by default", ["", ""], figures["controls"]))
    print(table("Printing the calculator with three offers", ["paper", "pages"], figures["print"]))
    print(
        table(
            "axe-core: serious and critical violations per page",
            ["scheme", "page", "rules", "which (impact, elements)"],
            figures["axe"],
        )
    )
    pages_with = {row[1] for row in figures["axe"] if row[2] != "0"}
    print(f"Pages with a serious or critical violation: {len(pages_with)} of {len(_pages(site))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
