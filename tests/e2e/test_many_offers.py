"""Fifty offers, the most the engine compares: the page shows them a few at a time, loses nothing
meanwhile, and redraws only the figures an edit changes.

How long the main thread is blocked is measured by scripts/main_thread_benchmark.py, not here;
these tests check what makes it short, and that it costs the person nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from calculator_helpers import (
    field,
    import_file,
    load_example,
    open_calculator,
    open_fold,
    show_details,
    summary_card,
    tools_message,
    wait_for_results,
)
from playwright.sync_api import Page, expect

from sitebuild.engine_workload import most_offers

pytestmark = pytest.mark.e2e

OFFERS = len(most_offers()["offers"])  # the most the engine reads


def test_fifty_offers_are_shown_whole_and_exported_whole_at_once(
    page: Page, calculator_url: str, tmp_path: Path
) -> None:
    doc = most_offers()
    path = tmp_path / "fifty.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    open_calculator(page, calculator_url)
    import_file(page, str(path))
    expect(tools_message(page)).to_contain_text("Imported fifty.json")
    # At once, while the last offers may still be on their way to the form, an export holds
    # every offer as it was imported.
    open_fold(page, "Save, share, import or clear")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export JSON").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert [(o["company"], o["base_salary"]) for o in exported["offers"]] == [
        (o["company"], o["base_salary"]) for o in doc["offers"]
    ]

    wait_for_results(page)
    expect(page.locator("fieldset.offer")).to_have_count(OFFERS)
    expect(field(page, OFFERS, "Company")).to_have_value(f"Company {OFFERS}")
    expect(field(page, OFFERS, "Base salary")).to_have_value("199000")
    expect(page.locator(".summary-card")).to_have_count(OFFERS)
    expect(summary_card(page, f"Company {OFFERS}")).to_be_visible()
    expect(page.locator("#result-totals tbody tr")).to_have_count(OFFERS)
    # Offers drawn in later slices are named after their company wherever they appear.
    last = page.locator("fieldset.offer").last
    expect(last.locator("legend")).to_have_text(f"Offer {OFFERS} — Company {OFFERS}")
    expect(page.locator("[data-ratings] thead th").last).to_have_text(f"Company {OFFERS}")
    expect(page.locator(".offer-flags summary").last).to_have_text(f"Red flags at Company {OFFERS}")
    # Out of view an offer is neither styled nor laid out until scrolled to; printed, all is.
    skipped = "(element) => getComputedStyle(element).contentVisibility"
    assert last.evaluate(skipped) == "auto"
    page.emulate_media(media="print")
    assert last.evaluate(skipped) == "visible"
    page.emulate_media(media="screen")
    # Every location field offers the same one list of places, not a copy each.
    lists = page.locator('[data-key="location"]').evaluate_all(
        "(inputs) => new Set(inputs.map((input) => input.list)).size"
    )
    assert lists == 1


def test_an_edit_redraws_only_the_tables_it_changes(page: Page, calculator_url: str) -> None:
    open_calculator(page, calculator_url)
    load_example(page)
    show_details(page)
    # Each table on screen gets a mark; a table drawn again is a new element, without it.
    page.locator("[data-results-details] [data-table]").evaluate_all(
        "(tables) => tables.forEach((table) => (table.dataset.drawnBefore = 'yes'))"
    )
    # Its text as the page holds it (with many offers, a table out of view has no inner text).
    years_2 = page.locator("#result-years-2 tbody").text_content()
    field(page, 2, "Signing bonus").fill("40000")
    wait_for_results(page)

    kept = page.locator("[data-results-details] [data-table][data-drawn-before]").evaluate_all(
        "(tables) => tables.map((table) => table.dataset.table)"
    )
    drawn = page.locator(
        "[data-results-details] [data-table]:not([data-drawn-before])"
    ).evaluate_all("(tables) => tables.map((table) => table.dataset.table)")
    # The first offer's years are the same: kept. The totals and the second offer's years
    # changed: drawn again, with the new figures.
    assert "years-1" in kept
    assert {"totals", "years-2"} <= set(drawn)
    assert page.locator("#result-years-2 tbody").text_content() != years_2
    assert page.locator("[data-results-details] .result-placeholder").count() == 0
