"""Driving the calculator page in the end-to-end tests: open it, wait for its states, read tables.

The page says what it is doing on its root element, so tests wait on states, never on time:
    data-form="ready"       the form is built (and saved results, if any, are on screen)
    data-engine="ready"     Python and offereval have started in the worker
    data-results="current"  the results on screen are those of what the form shows now
    data-results="stale"    the form has a problem; the last good results are kept
    data-details="open"     every figure (charts and tables) is shown on a phone too
"""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import Locator, Page, Route, expect

# The first release saved under this key; later builds move it under one scoped to the site's
# base path, so two sites on one origin keep apart.
LEGACY_KEY = "offereval.calculator"


def storage_key(prefix: str = "/offereval/") -> str:
    """The calculator's key for a site served under `prefix`."""
    return f"{LEGACY_KEY}:{prefix}"


# Where the calculator saves its record for the site the tests serve under /offereval/.
STORAGE_KEY = storage_key()

# Downloading and starting Pyodide takes seconds on a fast machine, longer on a slow CI runner.
ENGINE_TIMEOUT_MS = 120_000
RESULTS_TIMEOUT_MS = 60_000
FORM_TIMEOUT_MS = 30_000


def root(page: Page) -> Locator:
    return page.locator("[data-calculator]")


def open_calculator(page: Page, url: str, *, wait_for_engine: bool = True) -> None:
    """Open the calculator at url; wait until the form is built (and the engine, by default)."""
    page.goto(url)
    wait_for_form(page)
    if wait_for_engine:
        wait_for_engine_ready(page)


def without_the_engine(page: Page) -> None:
    """Refuse the page's context every file of the Python runtime, for a test of the form
    alone: the engine fails to start at once (data-engine="failed") and costs nothing."""
    page.context.route("**/pyodide/**", lambda route: route.abort())


# The first file the engine's worker asks for: the list of the runtime's downloads.
RUNTIME_LIST = "**/pyodide/downloads.json"


def hold_the_engine(page: Page) -> Callable[[], None]:
    """Keep the engine starting (data-engine="loading") until the function returned is called,
    however fast the machine: the runtime's first file, its list of downloads, is held back."""
    held: list[Route] = []
    page.context.route(RUNTIME_LIST, lambda route: held.append(route))

    def release() -> None:
        for route in held:
            route.continue_()
        page.context.unroute(RUNTIME_LIST)

    return release


def wait_for_form(page: Page) -> None:
    """Wait until the form is built and saved results, if any, are on screen."""
    expect(root(page)).to_have_attribute("data-form", "ready", timeout=FORM_TIMEOUT_MS)


def wait_for_engine_ready(page: Page) -> None:
    expect(root(page)).to_have_attribute("data-engine", "ready", timeout=ENGINE_TIMEOUT_MS)


def wait_for_results(page: Page, state: str = "current") -> None:
    expect(root(page)).to_have_attribute("data-results", state, timeout=RESULTS_TIMEOUT_MS)


def load_example(page: Page) -> None:
    """Click "Load the framework's example" in an empty calculator and wait for its results."""
    page.get_by_role("button", name="Load the framework's example").click()
    wait_for_results(page)


def show_details(page: Page) -> None:
    """Show every figure (the charts and the tables): behind a button on a phone, always shown
    beside the form on a desktop."""
    toggle = page.locator("[data-details-toggle]")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
        expect(root(page)).to_have_attribute("data-details", "open")
    expect(page.locator("[data-results-details]")).to_be_visible()


def open_fold(page: Page, title: str) -> Locator:
    """Open the disclosure whose summary reads `title` (left open if it is); returns it."""
    fold = page.locator("details").filter(has=page.locator("summary", has_text=title))
    if fold.first.get_attribute("open") is None:
        fold.first.locator("summary").click()
    expect(fold.first).to_have_attribute("open", "")
    return fold.first


def open_every_fold(page: Page) -> None:
    """Open every disclosure of the calculator."""
    page.evaluate(
        "() => document.querySelectorAll('.calculator details').forEach((d) => (d.open = true))"
    )


def verdict(page: Page) -> Locator:
    """The verdict: the engine's sentences at the top of the results."""
    return page.locator("[data-verdict]")


def summary_card(page: Page, company: str) -> Locator:
    """The summary card of one offer, found by its heading."""
    return page.locator(".summary-card").filter(
        has=page.get_by_role("heading", name=company, exact=True)
    )


def card_figures(page: Page, company: str) -> dict[str, str]:
    """A summary card's figures, label to text."""
    card = summary_card(page, company)
    labels = card.locator("dt").all_inner_texts()
    texts = card.locator("dd").all_inner_texts()
    return dict(zip(labels, texts, strict=True))


def offer(page: Page, number: int) -> Locator:
    """The fieldset of offer `number` (1-based), found by its legend as a screen reader would."""
    return page.get_by_role("group", name=re.compile(rf"^Offer {number}(?!\d)"))


def field(page: Page, number: int, label: str) -> Locator:
    """A control of offer `number`, found by its visible label: "Base salary" finds the field
    labelled "Base salary (a year)", whose unit is part of its label."""
    return offer(page, number).get_by_label(re.compile(rf"^{re.escape(label)}( \(.*\))?$"))


def table_rows(page: Page, table_id: str) -> list[list[str]]:
    """The body rows of a results table as the engine sent it (whichever form a phone shows),
    each a list of its cells' text (header cell first)."""
    rows = page.locator(f"#result-{table_id} tbody tr")
    return [
        [cell.strip() for cell in rows.nth(i).locator("th, td").all_inner_texts()]
        for i in range(rows.count())
    ]


def table_columns(page: Page, table_id: str) -> list[str]:
    return [c.strip() for c in page.locator(f"#result-{table_id} thead th").all_inner_texts()]


def import_file(page: Page, path: str) -> None:
    page.get_by_label("Import an offers file (JSON or YAML)").set_input_files(path)


def tools_message(page: Page) -> Locator:
    return page.locator("[data-tools-message]")
