"""Nothing is lost in the calculator's browser storage: two tabs, clearing while the engine
works, storage that refuses to save, share links opened while the engine starts, text kept as
typed, saved records this build cannot read, and two sites on one origin.

Every test also checks that no request left the site's origin.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from calculator_helpers import (
    ENGINE_TIMEOUT_MS,
    LEGACY_KEY,
    field,
    hold_the_engine,
    import_file,
    load_example,
    open_calculator,
    open_fold,
    root,
    storage_key,
    summary_card,
    tools_message,
    wait_for_engine_ready,
    wait_for_form,
    wait_for_results,
    without_the_engine,
)
from conftest import RequestLog, SiteServer
from playwright.sync_api import BrowserContext, Page, expect

from offereval import bridge

pytestmark = pytest.mark.e2e

DATA = Path(__file__).parent / "data"
THREE_OFFERS = DATA / "three-offers.yaml"
# The record's key is scoped to the site's base path (two project sites on one origin keep
# apart); the unscoped key of earlier builds is still read once, and moved.
ASIDE_SUFFIX = ".set-aside"
# Storage that is full: every write is refused as a full disk would refuse it.
FULL_STORAGE = """
Storage.prototype.setItem = function () {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};
"""


def stored(page: Page, key: str) -> str | None:
    text: str | None = page.evaluate("(key) => localStorage.getItem(key)", key)
    return text


def stored_document(page: Page, key: str | None = None) -> dict[str, Any] | None:
    text = stored(page, key or storage_key())
    return None if text is None else json.loads(text)["document"]


def seed(page: Page, site_server: SiteServer, key: str, text: str) -> None:
    page.goto(site_server.url)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, text])


def example_link(calculator_url: str) -> str:
    """The calculator's address with the framework's example in a share link's fragment."""
    answer = json.loads(bridge.to_fragment(bridge.example()))
    return f"{calculator_url}#offers={answer['fragment']}"


def type_while_the_engine_starts(page: Page, url: str, company: str) -> Callable[[], None]:
    """Open `url` and type a company into offer 1 while the engine is held back from starting;
    returns what lets it start."""
    start_the_engine = hold_the_engine(page)
    open_calculator(page, url, wait_for_engine=False)
    expect(root(page)).to_have_attribute("data-engine", "loading")
    field(page, 1, "Company").fill(company)
    return start_the_engine


def example_record() -> dict[str, Any]:
    return {"version": 1, "document": json.loads(bridge.example()), "view": None}


# ---- 1. Two tabs ---------------------------------------------------------------------------


def test_two_tabs_follow_each_other_and_neither_save_is_lost(
    context: BrowserContext, calculator_url: str, request_log: RequestLog, site_server: SiteServer
) -> None:
    first = context.new_page()
    open_calculator(first, calculator_url)
    load_example(first)
    second = context.new_page()
    open_calculator(second, calculator_url)
    wait_for_results(second)

    # The first tab changes offer 1's base; the second, straight after, offer 2's.
    field(first, 1, "Base salary").fill("210000")
    field(second, 2, "Base salary").fill("190000")
    # Each tab shows the other's change, as typed.
    expect(field(second, 1, "Base salary")).to_have_value("210000")
    expect(field(first, 2, "Base salary")).to_have_value("190000")
    wait_for_results(first)
    wait_for_results(second)

    for page in (first, second):
        page.reload()
        wait_for_form(page)
        expect(field(page, 1, "Base salary")).to_have_value("210000")
        expect(field(page, 2, "Base salary")).to_have_value("190000")
    request_log.assert_same_origin(site_server.origin)


def test_leaving_a_field_in_an_older_tab_does_not_save_its_old_copy(
    context: BrowserContext, calculator_url: str, request_log: RequestLog, site_server: SiteServer
) -> None:
    # As when the first tab's "Reload" (a new version) is clicked: the click takes the focus
    # from a field, whose change event saves what that tab shows.
    first = context.new_page()
    open_calculator(first, calculator_url)
    load_example(first)
    first_base = field(first, 1, "Base salary")
    first_base.fill("210000")
    wait_for_results(first)
    expect(first_base).to_be_focused()

    second = context.new_page()
    open_calculator(second, calculator_url)
    wait_for_results(second)
    field(second, 2, "Company").fill("Later Co")
    wait_for_results(second)

    first.get_by_role("button", name="Load the framework's example").focus()
    expect(field(first, 2, "Company")).to_have_value("Later Co")

    second.reload()
    wait_for_form(second)
    expect(field(second, 2, "Company")).to_have_value("Later Co")
    expect(field(second, 1, "Base salary")).to_have_value("210000")
    request_log.assert_same_origin(site_server.origin)


# ---- 2. Clearing wins over work in flight --------------------------------------------------


def test_clear_all_data_wins_over_work_waiting_for_the_engine(
    page: Page, calculator_url: str, request_log: RequestLog, site_server: SiteServer
) -> None:
    # A share link opened while the engine starts waits for it to read the link, and the
    # form's evaluation waits too; "Clear all data" meanwhile must win over both.
    start_the_engine = type_while_the_engine_starts(page, example_link(calculator_url), "Typed Co")
    open_fold(page, "Save, share, import or clear")
    page.get_by_role("button", name="Clear all data").click()
    page.get_by_role("button", name="Delete everything").click()
    expect(field(page, 1, "Company")).to_have_value("")
    expect(root(page)).to_have_attribute("data-engine", "loading")

    start_the_engine()
    wait_for_engine_ready(page)
    expect(root(page)).to_have_attribute("data-evaluating", "no")
    expect(root(page)).to_have_attribute("data-results", "none")
    expect(page.get_by_role("button", name="Keep my offers")).to_be_hidden()
    expect(field(page, 1, "Company")).to_have_value("")
    assert stored(page, storage_key()) is None
    page.reload()
    wait_for_form(page)
    expect(field(page, 1, "Company")).to_have_value("")
    request_log.assert_same_origin(site_server.origin)


# ---- 3. A save the browser refuses is never reported as done --------------------------------


def _load_example(page: Page, calculator_url: str) -> None:
    open_calculator(page, calculator_url)
    page.get_by_role("button", name="Load the framework's example").click()


def _import(page: Page, calculator_url: str) -> None:
    open_calculator(page, calculator_url)
    open_fold(page, "Save, share, import or clear")
    import_file(page, str(THREE_OFFERS))


def _open_link(page: Page, calculator_url: str) -> None:
    open_calculator(page, example_link(calculator_url))


@pytest.mark.parametrize(
    ("action", "company"),
    [(_load_example, "BigTech Inc"), (_import, "Northwind Cloud"), (_open_link, "BigTech Inc")],
    ids=["example", "import", "link"],
)
def test_a_refused_save_is_said_and_an_export_is_offered(
    page: Page,
    calculator_url: str,
    request_log: RequestLog,
    site_server: SiteServer,
    tmp_path: Path,
    action: Callable[[Page, str], None],
    company: str,
) -> None:
    page.add_init_script(FULL_STORAGE)
    action(page, calculator_url)
    message = tools_message(page)
    expect(message).to_contain_text("not saved")
    expect(message).not_to_contain_text("Loaded")
    expect(message).not_to_contain_text("Imported")
    # The offers stay on the page, and the message's button exports them.
    expect(field(page, 1, "Company")).to_have_value(company)
    with page.expect_download() as download:
        message.get_by_role("button", name="Export JSON").click()
    exported = tmp_path / "offers.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["offers"][0]["company"] == company
    request_log.assert_same_origin(site_server.origin)


# ---- 4. Nothing typed is replaced without a question ----------------------------------------


def test_a_share_link_asks_before_replacing_offers_typed_while_the_engine_starts(
    page: Page, calculator_url: str, request_log: RequestLog, site_server: SiteServer
) -> None:
    start_the_engine = type_while_the_engine_starts(
        page, example_link(calculator_url), "Typed While Starting"
    )
    start_the_engine()
    wait_for_engine_ready(page)
    page.get_by_role("button", name="Keep my offers").click()
    expect(tools_message(page)).to_contain_text("the link's offers were not opened")
    expect(field(page, 1, "Company")).to_have_value("Typed While Starting")
    request_log.assert_same_origin(site_server.origin)


# ---- 5. What is typed is kept as typed ------------------------------------------------------


@pytest.mark.parametrize("typed", ["1e400", "9" * 400], ids=["1e400", "400-digits"])
def test_a_huge_number_is_kept_as_typed(
    page: Page, calculator_url: str, request_log: RequestLog, site_server: SiteServer, typed: str
) -> None:
    open_calculator(page, calculator_url)
    load_example(page)
    field(page, 1, "Base salary").fill(typed)
    # The engine says what it thinks of it, next to the field; it never says it is missing.
    message = page.locator('[data-path="offers[0].base_salary"] > .field-message')
    expect(message).to_be_visible()
    expect(message).not_to_contain_text("required")
    expect(root(page)).to_have_attribute("data-evaluating", "no")
    assert stored_document(page)["offers"][0]["base_salary"] == typed  # type: ignore[index]
    page.reload()
    wait_for_form(page)
    expect(field(page, 1, "Base salary")).to_have_value(typed)
    request_log.assert_same_origin(site_server.origin)


# ---- 8. A record this build cannot read is kept aside, and the calculator still works -------

UNREADABLE = {
    "offers-null": json.dumps({"version": 1, "document": {"offers": [None]}}),
    "offers-text": json.dumps({"version": 1, "document": {"offers": "abc"}}),
    "offers-number": json.dumps({"version": 1, "document": {"offers": 5}}),
    "offers-mapping": json.dumps({"version": 1, "document": {"offers": {}}}),
    "calls-number": json.dumps({"version": 1, "document": {"offers": [{}], "calls": 5}}),
    "document-list": json.dumps({"version": 1, "document": []}),
    "newer-version": json.dumps({"version": 99, "document": {"offers": [{"company": "Future"}]}}),
    "not-json": '{"version": 1, "document": {"offers": [',
}


@pytest.mark.parametrize("key", [LEGACY_KEY, storage_key()], ids=["unscoped-key", "scoped-key"])
@pytest.mark.parametrize("text", list(UNREADABLE.values()), ids=list(UNREADABLE))
def test_a_record_this_build_cannot_read_is_kept_aside_and_the_form_works(
    page: Page,
    calculator_url: str,
    request_log: RequestLog,
    site_server: SiteServer,
    tmp_path: Path,
    text: str,
    key: str,
) -> None:
    seed(page, site_server, key, text)
    # Nothing of this needs the engine (the record is set aside before the engine sees
    # anything), which does not start here; that it computes after all is the next test's.
    without_the_engine(page)
    open_calculator(page, calculator_url, wait_for_engine=False)
    notice = page.locator("[data-saved-notice]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("could not read")
    aside = storage_key() + ASIDE_SUFFIX
    assert json.loads(stored(page, aside) or "[]") == [text]

    # The form works: typing is saved, and kept.
    field(page, 1, "Company").fill("Fresh Start")
    assert stored_document(page)["offers"][0]["company"] == "Fresh Start"  # type: ignore[index]
    page.reload()
    wait_for_form(page)
    expect(field(page, 1, "Company")).to_have_value("Fresh Start")
    assert json.loads(stored(page, aside) or "[]") == [text]  # never overwritten

    # Downloaded exactly as it was found; then discarded when the reader says so. The engine's
    # status above the notice moves it until the start has failed: a click is taken after.
    expect(root(page)).to_have_attribute("data-engine", "failed", timeout=ENGINE_TIMEOUT_MS)
    with page.expect_download() as download:
        notice.get_by_role("button", name="Download it").click()
    kept = tmp_path / "kept.json"
    download.value.save_as(kept)
    assert kept.read_text(encoding="utf-8") == text
    notice.get_by_role("button", name="Discard it").click()
    page.get_by_role("button", name="Discard the record").click()
    expect(notice).to_be_hidden()
    assert stored(page, aside) is None
    request_log.assert_same_origin(site_server.origin)


def test_with_a_record_kept_aside_the_engine_computes(
    page: Page, calculator_url: str, site_server: SiteServer
) -> None:
    seed(page, site_server, storage_key(), UNREADABLE["offers-null"])
    open_calculator(page, calculator_url)
    expect(page.locator("[data-saved-notice]")).to_be_visible()
    page.get_by_role("button", name="Load the framework's example").click()
    wait_for_results(page)
    expect(summary_card(page, "BigTech Inc")).to_contain_text("355,000")


def test_the_unscoped_record_of_earlier_builds_is_moved_once(
    page: Page, calculator_url: str, request_log: RequestLog, site_server: SiteServer
) -> None:
    seed(page, site_server, LEGACY_KEY, json.dumps(example_record()))
    open_calculator(page, calculator_url, wait_for_engine=False)
    expect(field(page, 1, "Company")).to_have_value("BigTech Inc")
    assert stored(page, LEGACY_KEY) is None
    assert stored_document(page)["offers"][0]["company"] == "BigTech Inc"  # type: ignore[index]
    request_log.assert_same_origin(site_server.origin)


def test_two_sites_on_one_origin_keep_their_own_offers(
    page: Page,
    built_site: Path,
    tmp_path: Path,
    serve_site: Callable[..., SiteServer],
    request_log: RequestLog,
) -> None:
    # Two project sites of one account (user.github.io/a/ and /b/): one origin, two paths.
    account = tmp_path / "account"
    account.mkdir()
    for name in ("a", "b"):
        os.symlink(built_site, account / name)
    server = serve_site(account, prefix="/")
    open_calculator(page, server.url_for("a/calculator/"))
    load_example(page)
    open_calculator(page, server.url_for("b/calculator/"), wait_for_engine=False)
    expect(field(page, 1, "Company")).to_have_value("")
    field(page, 1, "Company").fill("Only On B")
    open_calculator(page, server.url_for("a/calculator/"), wait_for_engine=False)
    expect(field(page, 1, "Company")).to_have_value("BigTech Inc")
    # The checklists share the record of their own site's calculator.
    page.goto(server.url_for("b/checklists/red-flags/"))
    expect(page.locator("[data-companies] option[value='Only On B']")).to_have_count(1)
    request_log.assert_same_origin(server.origin)
