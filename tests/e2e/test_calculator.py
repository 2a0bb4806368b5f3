"""The calculator in Chromium on a phone: the offereval package itself, running on Pyodide.

Every test also checks that no request left the site's origin.
"""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from calculator_helpers import (
    ENGINE_TIMEOUT_MS,
    STORAGE_KEY,
    card_figures,
    field,
    import_file,
    load_example,
    offer,
    open_calculator,
    open_every_fold,
    open_fold,
    root,
    show_details,
    summary_card,
    table_columns,
    table_rows,
    tools_message,
    verdict,
    wait_for_engine_ready,
    wait_for_form,
    wait_for_results,
)
from playwright.sync_api import Page, expect

from offereval import _format, bridge

pytestmark = pytest.mark.e2e

DATA = Path(__file__).parent / "data"
THREE_OFFERS = DATA / "three-offers.yaml"
OFFEREVAL_CLI = Path(sys.executable).with_name("offereval")
HOSTILE_NAME = "<img src=x onerror=alert(1)><script>alert('pwned')</script>"


def compare_json(path: Path) -> dict:
    """What `offereval compare --json` says about an offers file."""
    result = subprocess.run(
        [str(OFFEREVAL_CLI), "compare", "--json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


# ---- The framework's example ---------------------------------------------------------------


def test_framework_example_gives_355000_and_301000(
    page: Page, calculator_url, request_log, site_server
):
    open_calculator(page, calculator_url)
    load_example(page)

    assert table_columns(page, "totals")[:1] == ["Company"]
    for column in ("Base", "Equity", "Bonus", "Signing (amortized)", "Total"):
        assert column in table_columns(page, "totals")
    rows = table_rows(page, "totals")
    total = table_columns(page, "totals").index("Total")
    assert [(r[0], r[total]) for r in rows] == [
        ("BigTech Inc", "355,000"),
        ("GrowthStartup", "301,000"),
    ]
    # Row headers are real header cells, so a screen reader announces the company with each number.
    assert page.locator("#result-totals tbody th[scope=row]").count() == 2
    # The answer first: the engine's verdict, then a card per offer with its figures and marks
    # in words.
    answer = json.loads(bridge.evaluate(bridge.example(), "2026-11-25T10:00:00+00:00"))["view"]
    expect(verdict(page).locator("p")).to_have_text(answer["verdict"]["sentences"])
    assert card_figures(page, "BigTech Inc")["Annualized total"] == "355,000"
    assert card_figures(page, "GrowthStartup")["Annualized total"] == "301,000"
    expect(summary_card(page, "BigTech Inc").locator(".mark")).to_contain_text(["highest pay"])
    expect(summary_card(page, "GrowthStartup").locator(".mark")).to_have_text(["top score"])
    # Each offer is a fieldset named by its legend, with the framework's words as labels.
    expect(offer(page, 1).locator("legend").first).to_have_text("Offer 1 — BigTech Inc")
    expect(field(page, 2, "Company")).to_have_value("GrowthStartup")
    for label, value in [
        ("Base salary", "180000"),
        ("Equity grant", "600000"),
        ("Vesting years", "4"),
        ("Target bonus", "20000"),
        ("Bonus payout history", "0.8"),
        ("Signing bonus", "30000"),
    ]:
        expect(field(page, 2, label)).to_have_value(value)
    expect(field(page, 2, "Company stage")).to_have_value("late_stage_private")
    # The first year of each year-by-year table is marked, in whichever form the phone shows.
    show_details(page)
    first_year = page.locator(
        ".result-table[data-table=years-1] :is(.row-first-year > th, th.col-first-year)"
    )
    expect(first_year.locator("visible=true")).to_have_text(["Year 1"])
    request_log.assert_same_origin(site_server.origin)


# ---- Parity with the command line ----------------------------------------------------------


def test_three_offers_match_offereval_compare_json(
    page: Page, calculator_url, request_log, site_server
):
    machine = compare_json(THREE_OFFERS)
    open_calculator(page, calculator_url)
    import_file(page, str(THREE_OFFERS))
    wait_for_results(page)

    columns = table_columns(page, "totals")
    parts = {
        "Base": "base",
        "Equity": "equity",
        "Bonus": "bonus",
        "Signing (amortized)": "signing_amortized",
        "Benefits": "benefits",
        "Total": "total",
    }
    expected = [
        [o["company"]] + [_format.money(o["tc"][parts[c]]) for c in columns[1:]]
        for o in machine["offers"]
    ]
    assert table_rows(page, "totals") == expected
    # The year-by-year projection agrees too, year by year.
    projection = table_rows(page, "projection")
    for row, o in zip(projection, machine["offers"], strict=True):
        assert row[0] == o["company"]
        assert row[1 : 1 + len(o["years"])] == [_format.money(y["total"]) for y in o["years"]]
    # Each summary card agrees too.
    for o in machine["offers"]:
        figures = card_figures(page, o["company"])
        assert figures["Annualized total"] == _format.money(o["tc"]["total"])
        assert figures["First year"] == _format.money(o["years"][0]["total"])
    # The form shows the file's offers, so what is typed next starts from the same numbers.
    expect(field(page, 3, "Company")).to_have_value("Harbor Analytics")
    expect(field(page, 1, "Refresher grant")).to_have_value("60000")
    request_log.assert_same_origin(site_server.origin)


# ---- Keeping the user's data ---------------------------------------------------------------


def test_offers_and_results_survive_a_reload(page: Page, calculator_url, request_log, site_server):
    open_calculator(page, calculator_url)
    load_example(page)
    # What is typed is saved as typed; the engine reads the thousands separator.
    field(page, 2, "Base salary").fill("250,000")
    wait_for_results(page)
    total = table_columns(page, "totals").index("Total")
    changed = table_rows(page, "totals")[1][total]
    document = json.loads(bridge.example())
    document["offers"][1]["base_salary"] = "250,000"
    answer = json.loads(bridge.evaluate(json.dumps(document), "2026-11-25T10:00:00+00:00"))
    assert (
        changed
        == next(t for t in answer["view"]["tables"] if t["id"] == "totals")["rows"][1]["cells"][
            total
        ]
    )

    page.reload()
    wait_for_form(page)
    # The last results are on screen as soon as the form is, before the engine has started.
    assert table_rows(page, "totals")[1][total] == changed
    expect(field(page, 2, "Base salary")).to_have_value("250,000")
    expect(field(page, 1, "Company")).to_have_value("BigTech Inc")
    wait_for_engine_ready(page)
    wait_for_results(page)
    assert table_rows(page, "totals")[1][total] == changed
    request_log.assert_same_origin(site_server.origin)


def test_results_saved_in_a_shape_this_build_cannot_show_are_recomputed(
    page: Page, calculator_url, request_log, site_server
):
    # Results laid out by another build (here: tables that are not a list) must not stop the
    # page: the offers stay, and the engine recomputes the results.
    document = json.loads(bridge.example())
    saved = {"version": 1, "document": document, "view": {"tables": "laid out otherwise"}}
    page.goto(site_server.url)
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        [STORAGE_KEY, json.dumps(saved)],
    )
    open_calculator(page, calculator_url)
    expect(field(page, 2, "Company")).to_have_value("GrowthStartup")
    wait_for_engine_ready(page)
    wait_for_results(page)
    total = table_columns(page, "totals").index("Total")
    assert [(row[0], row[total]) for row in table_rows(page, "totals")] == [
        ("BigTech Inc", "355,000"),
        ("GrowthStartup", "301,000"),
    ]
    request_log.assert_same_origin(site_server.origin)


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_export_then_import_round_trips(
    page: Page, calculator_url, request_log, site_server, tmp_path: Path, fmt: str
):
    open_calculator(page, calculator_url)
    import_file(page, str(THREE_OFFERS))
    wait_for_results(page)
    before = table_rows(page, "totals")

    open_fold(page, "Save, share, import or clear")
    with page.expect_download() as download:
        page.get_by_role("button", name=f"Export {fmt.upper()}").click()
    exported = tmp_path / f"offers.{fmt}"
    download.value.save_as(exported)
    assert download.value.suggested_filename == f"offers.{fmt}"
    # The command line reads the exported file and gives the totals the page shows.
    total = table_columns(page, "totals").index("Total")
    assert [
        (o["company"], _format.money(o["tc"]["total"])) for o in compare_json(exported)["offers"]
    ] == [(r[0], r[total]) for r in before]

    page.get_by_role("button", name="Clear all data").click()
    page.get_by_role("button", name="Delete everything").click()
    expect(page.locator("#result-totals")).to_have_count(0)
    expect(field(page, 1, "Company")).to_have_value("")
    assert page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY) is None
    page.locator("[data-toast]").get_by_role("button", name="Undo").click()
    expect(field(page, 1, "Company")).to_have_value("Northwind Cloud")
    wait_for_results(page)
    assert table_rows(page, "totals") == before
    page.get_by_role("button", name="Clear all data").click()
    page.get_by_role("button", name="Delete everything").click()
    expect(page.locator("#result-totals")).to_have_count(0)

    import_file(page, str(exported))
    wait_for_results(page)
    assert table_rows(page, "totals") == before
    request_log.assert_same_origin(site_server.origin)


def test_a_malformed_file_is_refused_and_changes_nothing(
    page: Page, calculator_url, request_log, site_server, tmp_path: Path
):
    open_calculator(page, calculator_url)
    load_example(page)
    broken = tmp_path / "broken.json"
    broken.write_text(
        '{"offers": [{"company": "X", "base_salary": "lots", "company_stage": "public"}]}'
    )

    import_file(page, str(broken))
    expect(tools_message(page)).to_contain_text("Not imported")
    expect(tools_message(page)).to_contain_text("offers[0].base_salary")
    expect(field(page, 1, "Company")).to_have_value("BigTech Inc")
    expect(offer(page, 3)).to_have_count(0)
    assert table_rows(page, "totals")[0][0] == "BigTech Inc"
    request_log.assert_same_origin(site_server.origin)


# ---- Bad input and hostile input -----------------------------------------------------------


def test_bad_input_is_shown_at_its_field_and_keeps_the_last_results(
    page: Page, calculator_url, request_log, site_server
):
    open_calculator(page, calculator_url)
    load_example(page)
    results_before = table_rows(page, "totals")

    # A bad value sets its offer aside, with the reason at the field; the other is still compared.
    field(page, 2, "Vesting years").fill("0")
    expect(page.locator("[data-incomplete]")).to_contain_text("Offer 2 (GrowthStartup)")
    wait_for_results(page)
    message = offer(page, 2).locator('[data-path="offers[1].vesting_years"] .field-message')
    expect(message).to_be_visible()
    expect(message).to_contain_text("0")
    expect(field(page, 2, "Vesting years")).to_have_attribute("aria-invalid", "true")
    assert [row[0] for row in table_rows(page, "totals")] == ["BigTech Inc"]

    # With no offer left to compare, the last results stay on screen, marked as such.
    field(page, 1, "Base salary").fill("two hundred thousand")
    wait_for_results(page, "stale")
    expect(
        offer(page, 1).locator('[data-path="offers[0].base_salary"] .field-message')
    ).to_contain_text("two hundred thousand")
    assert [row[0] for row in table_rows(page, "totals")] == ["BigTech Inc"]

    # What was typed, wrong as it is, is kept through a reload.
    page.reload()
    wait_for_form(page)
    expect(field(page, 2, "Vesting years")).to_have_value("0")
    expect(field(page, 1, "Base salary")).to_have_value("two hundred thousand")

    # Fixing the fields brings the results back.
    wait_for_engine_ready(page)
    field(page, 2, "Vesting years").fill("4")
    field(page, 1, "Base salary").fill("200000")
    wait_for_results(page)
    assert table_rows(page, "totals") == results_before
    expect(page.locator(".field-message:visible")).to_have_count(0)
    request_log.assert_same_origin(site_server.origin)


def test_a_hostile_company_name_is_shown_as_text(
    page: Page, calculator_url, request_log, site_server
):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_calculator(page, calculator_url)
    load_example(page)

    field(page, 1, "Company").fill(HOSTILE_NAME)
    wait_for_results(page)

    assert table_rows(page, "totals")[0][0] == HOSTILE_NAME
    expect(offer(page, 1).locator("legend").first).to_have_text(f"Offer 1 — {HOSTILE_NAME}")
    expect(page.get_by_label("Your choice").locator("option", has_text=HOSTILE_NAME)).to_have_count(
        1
    )
    # Nothing was parsed as HTML: no image, no extra script, no dialog, no request for "x".
    assert page.locator(".calculator img, .calculator script").count() == 0
    assert dialogs == []
    assert not [url for url in request_log.urls if url.rstrip("/").endswith("/x")]

    # And the page keeps working after it: the name survives a reload.
    page.reload()
    wait_for_form(page)
    expect(field(page, 1, "Company")).to_have_value(HOSTILE_NAME)
    assert dialogs == []
    request_log.assert_same_origin(site_server.origin)


# ---- Editing the list of offers -----------------------------------------------------------


def test_add_duplicate_and_remove_offers_move_focus(
    page: Page, calculator_url, request_log, site_server
):
    open_calculator(page, calculator_url)
    load_example(page)

    page.get_by_role("button", name="Add an offer").click()
    expect(offer(page, 3)).to_be_visible()
    expect(field(page, 3, "Company")).to_be_focused()
    # A new, empty offer blocks nothing: the two others are compared meanwhile.
    wait_for_results(page)
    assert [r[0] for r in table_rows(page, "totals")] == ["BigTech Inc", "GrowthStartup"]

    offer(page, 1).get_by_role("button", name="Duplicate").click()
    expect(offer(page, 2).locator("legend").first).to_have_text("Offer 2 — BigTech Inc (copy)")
    expect(field(page, 2, "Company")).to_be_focused()
    expect(field(page, 2, "Base salary")).to_have_value("200000")
    expect(offer(page, 4)).to_be_visible()

    offer(page, 2).get_by_role("button", name="Remove").click()
    expect(offer(page, 4)).to_have_count(0)
    expect(offer(page, 2).locator("legend").first).to_have_text("Offer 2 — GrowthStartup")
    # The focus is on Undo, in a message that says what was removed.
    toast = page.locator("[data-toast]")
    expect(toast).to_contain_text("Removed BigTech Inc (copy)")
    expect(toast.get_by_role("button", name="Undo")).to_be_focused()
    page.keyboard.press("Escape")
    expect(toast).to_be_hidden()
    expect(field(page, 2, "Company")).to_be_focused()

    # Renaming is typing a new company name; the legend and the results follow.
    field(page, 2, "Company").fill("Growth Startup Ltd")
    offer(page, 3).get_by_role("button", name="Remove").click()
    wait_for_results(page)
    assert [r[0] for r in table_rows(page, "totals")] == ["BigTech Inc", "Growth Startup Ltd"]
    request_log.assert_same_origin(site_server.origin)


def test_a_share_link_carries_the_offers(
    page: Page, calculator_url, request_log, site_server, desktop_page: Page
):
    open_calculator(page, calculator_url)
    import_file(page, str(THREE_OFFERS))
    wait_for_results(page)
    expected = table_rows(page, "totals")

    open_fold(page, "Save, share, import or clear")
    page.get_by_role("button", name="Share link").click()
    link = page.get_by_label("Share link: the offers travel in the link itself")
    expect(link).not_to_have_value("")
    url = link.input_value()
    assert url.startswith(calculator_url) and "#offers=" in url

    # Another browser (a desktop: nothing saved) opens the link.
    other = desktop_page.context
    other.on("request", request_log.record)
    open_calculator(desktop_page, url)
    wait_for_results(desktop_page)
    assert table_rows(desktop_page, "totals") == expected
    assert "#offers=" not in desktop_page.url  # the offers now live in that browser's storage
    other.remove_listener("request", request_log.record)

    # Here, where other offers are saved, the link asks before it replaces them.
    page.get_by_role("button", name="Load the framework's example").click()
    page.get_by_role("button", name="Load the example").click()
    # The dialog answers when it has closed, a moment after the click: until then the results
    # of the offers before are current, and rightly so.
    expect(tools_message(page)).to_contain_text("Loaded the framework's example")
    wait_for_results(page)
    page.goto(url)
    page.get_by_role("button", name="Keep my offers").click()
    expect(tools_message(page)).to_contain_text("Kept the offers saved in this browser")
    assert table_rows(page, "totals")[0][0] == "BigTech Inc"
    page.goto(url)
    page.get_by_role("button", name="Open the link's offers").click()
    expect(tools_message(page)).to_contain_text("Loaded the offers from the link")
    wait_for_results(page)
    assert table_rows(page, "totals") == expected
    request_log.assert_same_origin(site_server.origin)


# ---- Before and without the engine; structure; layout ---------------------------------------


def test_the_form_works_while_the_engine_cannot_start(
    page: Page, calculator_url, request_log, site_server
):
    # Python's runtime never arrives: the form must still take and keep what is typed.
    # On the context, so that the request fails whether the worker or a service worker makes it.
    page.context.route("**/pyodide/pyodide.asm.wasm", lambda route: route.abort())
    open_calculator(page, calculator_url, wait_for_engine=False)
    expect(page.locator("[data-status]")).to_be_visible()
    field(page, 1, "Company").fill("Acme Robotics")
    field(page, 1, "Base salary").fill("150000")
    expect(root(page)).to_have_attribute("data-engine", "failed", timeout=ENGINE_TIMEOUT_MS)
    expect(page.locator("[data-status]")).to_contain_text("could not start")
    expect(offer(page, 1).locator("legend").first).to_have_text("Offer 1 — Acme Robotics")

    page.context.unroute("**/pyodide/pyodide.asm.wasm")
    page.reload()
    wait_for_engine_ready(page)
    expect(field(page, 1, "Company")).to_have_value("Acme Robotics")
    expect(field(page, 1, "Base salary")).to_have_value("150000")
    request_log.assert_same_origin(site_server.origin)


def test_every_control_has_a_label_and_the_page_fits_a_phone(
    page: Page, calculator_url, request_log, site_server
):
    open_calculator(page, calculator_url)
    load_example(page)
    open_every_fold(page)
    show_details(page)
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll('.calculator input, .calculator select')]
            .filter((c) => c.type !== 'hidden' && c.labels.length === 0)
            .map((c) => c.outerHTML)"""
    )
    assert unlabelled == []
    # Nothing is wider than the 360 px screen, and no table scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    too_wide = """() => [...document.querySelectorAll('.calculator table')]
        .filter((t) => t.getBoundingClientRect().width > t.parentElement.clientWidth + 1)
        .map((t) => t.id)"""
    assert page.evaluate(too_wide) == []
    # Status and progress are announced politely to screen readers.
    expect(page.locator("[data-status]")).to_have_attribute("role", "status")
    request_log.assert_same_origin(site_server.origin)


# ---- The decision matrix and the decision record -------------------------------------------


def test_weights_and_ratings_are_editable(page: Page, calculator_url, request_log, site_server):
    open_calculator(page, calculator_url)
    load_example(page)
    open_fold(page, "Weights, minimum pay, dealbreakers and assumptions")
    weights = page.get_by_role("group", name="Decision matrix weights (%)")

    weights.get_by_label("Compensation (%)", exact=True).fill("30")
    wait_for_results(page, "stale")
    expect(weights.locator(":scope > .field-message")).to_contain_text("must sum to 100")

    weights.get_by_label("Stability (%)", exact=True).fill("0")
    wait_for_results(page)
    matrix = {row[0]: row for row in table_rows(page, "matrix")}
    assert matrix["Compensation"][1] == "30%"
    assert matrix["Stability"][1] == "0%"

    # The ratings of every offer are one grid: a row per factor, a column per offer. A rating
    # is typed and read by the engine: a half is a rating, and what is not one is said at its
    # cell, the last results kept.
    rating = page.get_by_label("Team & Manager for BigTech Inc", exact=True)
    rating.fill("5")
    wait_for_results(page)
    matrix = {row[0]: row for row in table_rows(page, "matrix")}
    assert matrix["Team & Manager"][2] == "5"
    rating.fill("4.5")
    wait_for_results(page)
    matrix = {row[0]: row for row in table_rows(page, "matrix")}
    assert matrix["Team & Manager"][2] == "4.5"
    rating.fill("6")
    wait_for_results(page)
    cell = page.locator('[data-path="offers[0].ratings.team_manager"]')
    expect(cell.locator(".field-message")).to_have_text("must be at most 5, got '6'")
    expect(rating).to_have_attribute("aria-invalid", "true")
    page.reload()
    wait_for_form(page)
    expect(page.get_by_label("Team & Manager for BigTech Inc", exact=True)).to_have_value("6")
    request_log.assert_same_origin(site_server.origin)


def test_the_decision_record(page: Page, calculator_url, request_log, site_server):
    open_calculator(page, calculator_url)
    load_example(page)
    open_fold(page, "Record your decision")
    # A choice is dated now, on a date-time control, unless another time is given.
    page.get_by_label("Your choice").select_option("GrowthStartup")
    decided_at = page.get_by_label("Decided at (your local time)")
    assert decided_at.get_attribute("type") == "datetime-local"
    expect(decided_at).to_have_value(re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$"))
    wait_for_results(page)
    expect(page.locator(".result-decision")).to_contain_text("You chose GrowthStartup")
    expect(page.locator(".decision-status")).to_contain_text("Sleep on it")
    expect(page.locator(".decision-status")).to_contain_text("hours to go")

    # Committing before 24 hours have passed shows the framework's advice and asks again.
    committed = page.get_by_label("Committed: I have slept on it and stop second-guessing")
    # (clicked, not checked: the box stays clear until the question is answered)
    committed.click()
    dialog = page.locator("dialog[open]")
    expect(dialog).to_contain_text("Take 24-48 hours after your 'final' decision")
    expect(dialog).to_contain_text("hours to go")
    dialog.get_by_role("button", name="Wait").click()
    expect(committed).not_to_be_checked()
    expect(committed).to_be_focused()  # the dialog gives the focus back
    committed.click()
    page.locator("dialog[open]").get_by_role("button", name="Commit now anyway").click()
    expect(committed).to_be_checked()
    wait_for_results(page)
    expect(page.locator(".result-decision")).to_contain_text("before sleeping on it")

    # Decided thirty hours ago: committing now needs no second question.
    committed.uncheck()
    earlier = datetime.datetime.now() - datetime.timedelta(hours=30)
    decided_at.fill(earlier.strftime("%Y-%m-%dT%H:%M"))
    wait_for_results(page)
    committed.click()
    expect(committed).to_be_checked()
    expect(page.locator("dialog[open]")).to_have_count(0)
    wait_for_results(page)
    expect(page.locator(".result-decision")).to_contain_text("You committed to GrowthStartup")
    expect(page.locator(".result-decision")).not_to_contain_text("before sleeping on it")
    request_log.assert_same_origin(site_server.origin)


def test_the_assumptions_are_editable(page: Page, calculator_url, request_log, site_server):
    open_calculator(page, calculator_url)
    load_example(page)
    open_fold(page, "Weights, minimum pay, dealbreakers and assumptions")
    page.get_by_label("Signing bonus spread over (years)").fill("4")
    page.get_by_label("Late-stage private equity counted at").fill("0.5")
    wait_for_results(page)

    document = json.loads(bridge.example())
    document["assumptions"] = {
        "signing_tenure_years": 4,
        "stage_factors": {"late_stage_private": 0.5},
    }
    answer = json.loads(bridge.evaluate(json.dumps(document), "2026-11-25T10:00:00+00:00"))
    totals = next(t for t in answer["view"]["tables"] if t["id"] == "totals")
    assert table_rows(page, "totals") == [row["cells"] for row in totals["rows"]]
    request_log.assert_same_origin(site_server.origin)
