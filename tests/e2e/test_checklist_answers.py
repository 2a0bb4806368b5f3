"""The checklists as working pages on a phone: ticks, answers, the call's details and the
reader's own items are kept per company in the calculator's saved offers, survive a reload,
reach the calculator, and travel with export, import and share links; "Clear all data" clears
them. Every test also checks that no request left the site's origin."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from calculator_helpers import (
    STORAGE_KEY,
    field,
    import_file,
    open_calculator,
    open_fold,
    table_rows,
    wait_for_results,
)
from playwright.sync_api import Page, expect

from offereval import content

pytestmark = pytest.mark.e2e

DATA = Path(__file__).parent / "data"
OFFEREVAL_CLI = Path(sys.executable).with_name("offereval")
# The calculator's key, scoped to the site's base path (the test server's /offereval/).
RUSHED = content.flags_by_id()["rushed_decision"].text
LAYOFFS = content.flags_by_id()["recent_layoffs"].text
FIRST_QUESTION = content.QUESTION_GROUPS[0].questions[0]


def saved_record(page: Page) -> dict[str, Any] | None:
    text = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    return None if text is None else json.loads(text)


def expect_first_question_kept_under(page: Page, company: str) -> None:
    """The page says it keeps the ticks for `company`, and the saved record holds one call:
    `company`, with the first question ticked."""
    expect(page.locator("[data-call-status]")).to_contain_text(company)
    record = saved_record(page)
    assert record is not None
    assert record["document"]["calls"] == [{"company": company, "ticked": ["about_the_role_1"]}]


def seed(page: Page, url: str, record: dict[str, Any]) -> None:
    """Put a saved record in this browser's storage for the site (as the calculator would)."""
    page.goto(url)
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)", [STORAGE_KEY, json.dumps(record)]
    )


def open_checklist(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("[data-checklist]")).to_have_attribute("data-state", "ready")


def commit_company(page: Page, name: str) -> None:
    """Type a company's name and leave the field, as a reader does."""
    company = page.get_by_role("combobox", name="Company", exact=True)
    company.fill(name)
    company.blur()


def test_ticks_answers_and_details_survive_a_reload_per_company(
    page: Page, site_server, request_log
) -> None:
    url = site_server.url_for("checklists/red-flags/")
    open_checklist(page, url + "?company=Northwind+Traders")
    page.get_by_role("checkbox", name=RUSHED, exact=True).check()
    page.get_by_role("textbox", name=f"What you heard {RUSHED}").fill("An answer by Friday")
    page.get_by_label("Date", exact=True).fill("20 Nov")
    page.get_by_label("Interviewer", exact=True).fill("Dana Ruiz")
    page.get_by_label("Round", exact=True).fill("Hiring manager")

    page.reload()
    expect(page.locator("[data-checklist]")).to_have_attribute("data-state", "ready")
    expect(page.get_by_role("checkbox", name=RUSHED, exact=True)).to_be_checked()
    expect(page.get_by_role("textbox", name=f"What you heard {RUSHED}")).to_have_value(
        "An answer by Friday"
    )
    expect(page.get_by_label("Interviewer", exact=True)).to_have_value("Dana Ruiz")
    expect(page.locator("[data-print='round']")).to_have_text("Hiring manager")

    # Another company has its own copy; the first one is still there when it comes back.
    commit_company(page, "Keepsake Ltd")
    expect(page.get_by_role("checkbox", name=RUSHED, exact=True)).not_to_be_checked()
    expect(page.get_by_label("Interviewer", exact=True)).to_have_value("")
    commit_company(page, "Northwind Traders")
    expect(page.get_by_role("checkbox", name=RUSHED, exact=True)).to_be_checked()

    record = saved_record(page)
    assert record is not None and record["version"] == 1
    assert record["document"]["calls"] == [
        {
            "company": "Northwind Traders",
            "ticked": ["rushed_decision"],
            "answers": {"rushed_decision": "An answer by Friday"},
            "date": "20 Nov",
            "interviewer": "Dana Ruiz",
            "round": "Hiring manager",
        }
    ]
    request_log.assert_same_origin(site_server.origin)


def test_a_box_tapped_straight_after_typing_the_company_is_ticked_and_kept(
    page: Page, site_server, request_log
) -> None:
    # Tapping the box leaves the company field: the page then says where it keeps the ticks,
    # and that line must not move the box from under the finger.
    open_checklist(page, site_server.url_for("checklists/questions/"))
    page.get_by_role("combobox", name="Company", exact=True).fill("Straight Corp")
    box = page.get_by_role("checkbox", name=FIRST_QUESTION, exact=True)
    box.click()
    expect(box).to_be_checked()
    expect_first_question_kept_under(page, "Straight Corp")
    request_log.assert_same_origin(site_server.origin)


def test_what_was_ticked_before_the_company_was_typed_is_kept_under_it(
    page: Page, site_server, request_log
) -> None:
    open_checklist(page, site_server.url_for("checklists/questions/"))
    page.get_by_role("checkbox", name=FIRST_QUESTION, exact=True).check()
    expect(page.locator("[data-call-status]")).to_contain_text("Type the company's name")
    assert saved_record(page) is None
    commit_company(page, "Archive Corp")
    expect_first_question_kept_under(page, "Archive Corp")
    request_log.assert_same_origin(site_server.origin)


def test_own_questions_are_added_kept_ticked_and_removed(
    page: Page, site_server, request_log
) -> None:
    url = site_server.url_for("checklists/questions/?company=Archive+Corp")
    open_checklist(page, url)
    page.get_by_label("Add a question of your own").fill("Do you sponsor work visas?")
    page.get_by_role("button", name="Add", exact=True).click()
    own = page.get_by_role("checkbox", name="Do you sponsor work visas? (yours)")
    expect(own).to_be_visible()
    own.check()
    page.get_by_role("textbox", name="Answer Do you sponsor work visas? (yours)").fill("Yes")

    page.reload()
    expect(own).to_be_checked()
    record = saved_record(page)
    assert record is not None
    document = record["document"]
    assert document["own_questions"] == [
        {"id": "do_you_sponsor_work_visas", "text": "Do you sponsor work visas?"}
    ]
    assert document["calls"][0]["answers"] == {"do_you_sponsor_work_visas": "Yes"}

    # The framework's own items are untouched, and removing an own item removes what named it.
    expect(page.locator(".checklist__item[data-item]")).to_have_count(
        sum(len(g.questions) for g in content.QUESTION_GROUPS) + 1
    )
    page.get_by_role("button", name="Remove").click()
    expect(own).to_have_count(0)
    record = saved_record(page)
    assert record is not None and record["document"] == {}

    # Undo puts it back with its tick and answer, and the focus on it.
    undo = page.locator("[data-call-status]").get_by_role("button", name="Undo")
    expect(undo).to_be_focused()
    undo.click()
    expect(own).to_be_checked()
    expect(own).to_be_focused()
    answer = page.get_by_role("textbox", name="Answer Do you sponsor work visas? (yours)")
    expect(answer).to_have_value("Yes")
    record = saved_record(page)
    assert record is not None and record["document"] == document

    # Removed again, then something else changes: the Undo goes with the message it was in
    # (undoing then would undo that change too).
    page.get_by_role("button", name="Remove").click()
    expect(own).to_have_count(0)
    page.get_by_role("checkbox").first.check()
    changed = saved_record(page)
    expect(page.locator("[data-call-status]")).not_to_contain_text("Removed")
    assert changed is not None and changed["document"] != {}
    request_log.assert_same_origin(site_server.origin)


def test_an_own_red_flag_can_be_a_dealbreaker_and_is_listed_on_the_dealbreaker_check(
    page: Page, site_server, request_log
) -> None:
    open_checklist(page, site_server.url_for("checklists/red-flags/?company=Archive+Corp"))
    page.get_by_label("Add a red flag of your own").fill("No remote days after the first year")
    page.get_by_label("It rules an offer out for me (a dealbreaker)").check()
    page.get_by_role("button", name="Add", exact=True).click()
    page.get_by_role("checkbox", name="No remote days after the first year (yours)").check()

    open_checklist(page, site_server.url_for("checklists/dealbreakers/?company=Archive+Corp"))
    flag = page.get_by_role("checkbox", name="No remote days after the first year (yours)")
    expect(flag).to_be_checked()  # the same tick as on the red flag check
    expect(page.locator("[data-no-dealbreakers]")).to_be_hidden()
    record = saved_record(page)
    assert record is not None
    assert record["document"]["dealbreakers"] == ["no_remote_days_after_the_first"]
    request_log.assert_same_origin(site_server.origin)


def test_the_first_saved_version_opens_on_the_dealbreaker_check(
    page: Page, site_server, request_log
) -> None:
    # What the first version saved has no results: the minimum is a line to write on, the
    # dealbreakers it lists are shown, the location rule is empty.
    url = site_server.url_for("checklists/dealbreakers/?company=Archive+Corp")
    seed(page, url, json.loads((DATA / "saved-state-v1.json").read_text()))
    open_checklist(page, url)
    expect(page.get_by_role("checkbox", name=LAYOFFS, exact=True)).to_be_visible()
    expect(page.locator("[data-detail='minimum'] [data-detail-text]")).to_have_text("")
    expect(page.get_by_label("My location/remote rule:")).to_have_value("")
    page.get_by_label("My location/remote rule:").fill("Remote only")
    record = saved_record(page)
    assert record is not None and record["document"]["location_rule"] == "Remote only"
    assert len(record["document"]["offers"]) == 2  # nothing of the calculator's is lost
    request_log.assert_same_origin(site_server.origin)


def test_a_ticked_red_flag_reaches_the_calculator_and_travels_with_the_offers(
    page: Page, site_server, request_log, tmp_path: Path
) -> None:
    # The first version's record: Archive Corp and Keepsake Ltd, layoffs are a dealbreaker.
    checklist = site_server.url_for("checklists/red-flags/?company=Archive+Corp")
    seed(page, checklist, json.loads((DATA / "saved-state-v1.json").read_text()))
    open_checklist(page, checklist)
    page.get_by_role("checkbox", name=LAYOFFS, exact=True).check()
    page.get_by_role("textbox", name=f"What you heard {LAYOFFS}").fill("A third of the team")
    page.get_by_label("Add a red flag of your own").fill("On call every other week")
    page.get_by_role("button", name="Add", exact=True).click()

    calculator = site_server.url_for("calculator/")
    open_calculator(page, calculator)
    wait_for_results(page)
    # The tick is the offer's red flag in the form, and it eliminates the offer.
    expect(field(page, 1, "Company")).to_have_value("Archive Corp")
    flags = page.locator('[data-path="offers[0].red_flags"]')
    expect(flags.get_by_role("checkbox", name=LAYOFFS, exact=True)).to_be_checked()
    assert ["Archive Corp", f"dealbreaker red flag: {LAYOFFS}"] in [
        [row[0], row[1]] for row in table_rows(page, "eliminations")
    ]

    # Export: the file carries the answers and the own red flag, and compare lists them.
    open_fold(page, "Save, share, import or clear")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export YAML").click()
    exported = tmp_path / "offers.yaml"
    download.value.save_as(exported)
    report = subprocess.run(
        [str(OFFEREVAL_CLI), "compare", str(exported)], capture_output=True, text=True, check=True
    ).stdout
    assert "On call every other week" in report
    assert "A third of the team" in report

    # A share link carries them too.
    page.get_by_role("button", name="Share link").click()
    # The engine makes the link: wait until it is in the field.
    expect(page.locator("[data-share-link]")).to_have_value(re.compile("#offers="))
    link = page.locator("[data-share-link]").input_value()
    shared = json.loads(
        subprocess.run(
            [sys.executable, "-c", SHARED_DOCUMENT, link.split("#offers=")[1]],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert shared["own_red_flags"] == [
        {"id": "on_call_every_other_week", "text": "On call every other week"}
    ]
    assert shared["calls"] == [
        {"company": "Archive Corp", "answers": {"recent_layoffs": "A third of the team"}}
    ]

    # Clear all data clears the answers; importing the file brings them back.
    page.get_by_role("button", name="Clear all data").click()
    page.get_by_role("button", name="Delete everything").click()
    # The dialog closes a task after the click: the page says when the data is gone.
    expect(page.locator("[data-tools-message]")).to_have_text(
        "All your data was deleted from this browser."
    )
    assert saved_record(page) is None
    open_checklist(page, checklist)
    expect(page.get_by_role("checkbox", name=LAYOFFS, exact=True)).not_to_be_checked()
    expect(page.get_by_role("checkbox", name="On call every other week (yours)")).to_have_count(0)

    open_calculator(page, calculator)
    import_file(page, str(exported))
    wait_for_results(page)
    open_checklist(page, checklist)
    expect(page.get_by_role("checkbox", name=LAYOFFS, exact=True)).to_be_checked()
    expect(page.get_by_role("textbox", name=f"What you heard {LAYOFFS}")).to_have_value(
        "A third of the team"
    )
    expect(page.get_by_role("checkbox", name="On call every other week (yours)")).to_be_visible()
    request_log.assert_same_origin(site_server.origin)


# Unpacks a share link's fragment with the engine, as the calculator does, and prints the document.
SHARED_DOCUMENT = (
    "import json, sys; from offereval import bridge; "
    "print(json.dumps(json.loads(bridge.from_fragment(sys.argv[1]))['document']))"
)
