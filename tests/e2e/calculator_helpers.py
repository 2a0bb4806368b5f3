"""Driving the calculator page in the end-to-end tests: open it, wait for its states, read tables.

The page says what it is doing on its root element, so tests wait on states, never on time:
    data-form="ready"       the form is built (and saved results, if any, are on screen)
    data-engine="ready"     Python and offereval have started in the worker
    data-results="current"  the results on screen are those of what the form shows now
    data-results="stale"    the form has a problem; the last good results are kept
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

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


def wait_for_form(page: Page) -> None:
    """Wait until the form is built and saved results, if any, are on screen."""
    expect(root(page)).to_have_attribute("data-form", "ready", timeout=FORM_TIMEOUT_MS)


def wait_for_engine_ready(page: Page) -> None:
    expect(root(page)).to_have_attribute("data-engine", "ready", timeout=ENGINE_TIMEOUT_MS)


def wait_for_results(page: Page, state: str = "current") -> None:
    expect(root(page)).to_have_attribute("data-results", state, timeout=RESULTS_TIMEOUT_MS)


def load_example(page: Page) -> None:
    """Click "Load the framework's example" and wait for its results."""
    page.get_by_role("button", name="Load the framework's example").click()
    wait_for_results(page)


def offer(page: Page, number: int) -> Locator:
    """The fieldset of offer `number` (1-based), found by its legend as a screen reader would."""
    return page.get_by_role("group", name=re.compile(rf"^Offer {number}(?!\d)"))


def field(page: Page, number: int, label: str) -> Locator:
    """A control of offer `number`, found by its visible label."""
    return offer(page, number).get_by_label(label, exact=True)


def table_rows(page: Page, table_id: str) -> list[list[str]]:
    """The body rows of a results table, each a list of its cells' text (header cell first)."""
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
