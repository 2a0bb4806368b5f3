"""The calculator as a person uses it, on a 360 px phone and a 1366 px desktop.

The answer first and near the inputs; tables that fit with long names; a short form; input typed
as people type it; incomplete offers that block nothing; nothing lost by a tap; the current job;
the five steps; the printed report; keyboard use. Every figure checked here is the engine's own,
computed again through offereval.bridge.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pypdf
import pytest
from calculator_helpers import (
    card_figures,
    field,
    import_file,
    load_example,
    offer,
    open_calculator,
    open_every_fold,
    root,
    show_details,
    summary_card,
    table_rows,
    tools_message,
    verdict,
    wait_for_results,
)
from conftest import OWN_BROWSER, page_of_size
from playwright.sync_api import Page, expect

from offereval import bridge

pytestmark = pytest.mark.e2e

DATA = Path(__file__).parent / "data"
THREE_OFFERS = DATA / "three-offers.yaml"
LONG_NAMES = DATA / "three-long-names.yaml"
PHONE_HEIGHT = 740
DESKTOP = {"width": 1366, "height": 768}
NOW = "2026-11-25T10:00:00+00:00"
# The framework's own fields, shown for every offer, and the current-job box.
SHORT_FORM = [
    "Company",
    "This is my current job",
    "Company stage",
    "Base salary (a year)",
    "Equity grant (whole grant, at today's value)",
    "Vesting years (years)",
    "Target bonus (a year, amount or % of base)",
    "Bonus payout history (% of target paid)",
    "Signing bonus (once)",
]


def engine_view(document: dict) -> dict:
    """What the engine itself says about a document."""
    answer = json.loads(bridge.evaluate(json.dumps(document), NOW))
    assert answer["ok"], answer
    return answer["view"]


def top_in_page(page: Page, selector: str) -> float:
    return page.locator(selector).first.evaluate(
        "(node) => node.getBoundingClientRect().top + window.scrollY"
    )


def in_viewport(page: Page, selector: str) -> bool:
    return page.locator(selector).first.evaluate(
        """(node) => { const r = node.getBoundingClientRect();
                       return r.top >= 0 && r.top < window.innerHeight && r.height > 0; }"""
    )


def tables_too_wide(page: Page) -> list[str]:
    """The shown tables wider than the box they sit in (which would cut them off)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.calculator table')]
            .filter((t) => t.checkVisibility())
            .filter((t) => t.getBoundingClientRect().width > t.parentElement.clientWidth + 1)
            .map((t) => t.id || t.querySelector('caption')?.textContent)"""
    )


# ---- The answer first, and near the inputs -------------------------------------------------------


def test_the_verdict_is_on_the_first_screen_of_a_phone(page: Page, calculator_url):
    open_calculator(page, calculator_url)
    # Before any offer: the place of the verdict says what to do.
    assert top_in_page(page, "[data-verdict]") < PHONE_HEIGHT
    expect(verdict(page)).to_contain_text("Enter your offers")
    load_example(page)
    assert top_in_page(page, "[data-verdict]") < PHONE_HEIGHT
    sentences = engine_view(json.loads(bridge.example()))["verdict"]["sentences"]
    expect(verdict(page).locator("p")).to_have_text(sentences)
    # The cards follow the verdict, before the form.
    assert top_in_page(page, ".summary-card") < top_in_page(page, "[data-offers]")


def test_the_results_are_one_tap_away_from_anywhere_in_the_form(page: Page, calculator_url):
    open_calculator(page, calculator_url)
    load_example(page)
    bar = page.locator("[data-answer-bar]")
    # Deep in the form, the bar stays under the site's header, with each offer's total and score.
    page.locator("#calculator-decision-title").scroll_into_view_if_needed()
    box = bar.bounding_box()
    assert box is not None and 0 <= box["y"] <= 60
    for company in ("BigTech Inc", "GrowthStartup"):
        figures = card_figures(page, company)
        item = bar.locator("li").filter(has_text=company)
        expect(item).to_contain_text(figures["Annualized total"])
        expect(item).to_contain_text(figures["Score"])
    # A change deep in the form shows in the bar as soon as the engine has answered.
    field(page, 2, "Signing bonus").fill("130000")
    wait_for_results(page)
    expect(bar.locator("li").filter(has_text="GrowthStartup")).to_contain_text(
        card_figures(page, "GrowthStartup")["Annualized total"]
    )
    # One tap: the verdict is in view, and the focus on the results.
    bar.get_by_role("button", name="Results").click()
    expect(page.locator("#calculator-results-title")).to_be_focused()
    assert in_viewport(page, "[data-verdict]")


def test_on_a_desktop_the_results_stand_beside_the_form_and_stay_in_view(
    desktop_page: Page, calculator_url
):
    page = desktop_page
    open_calculator(page, calculator_url)
    load_example(page)
    form = page.locator("form.calculator-form").bounding_box()
    results = page.locator("[data-results-section]").bounding_box()
    assert form is not None and results is not None
    assert results["x"] >= form["x"] + form["width"]  # side by side
    expect(page.locator("[data-answer-bar]")).to_be_hidden()
    # Editing the last offer, far down the form: the verdict is still in view, and follows.
    field(page, 2, "Signing bonus").scroll_into_view_if_needed()
    field(page, 2, "Signing bonus").fill("130000")
    wait_for_results(page)
    assert in_viewport(page, "[data-verdict]")
    page.locator("#calculator-decision-title").scroll_into_view_if_needed()
    assert in_viewport(page, "[data-verdict]")
    assert in_viewport(page, ".summary-card")
    assert tables_too_wide(page) == []


@pytest.mark.parametrize("width", [360, DESKTOP["width"]])
def test_no_table_is_cut_off_with_three_long_names(
    request: pytest.FixtureRequest, calculator_url, width: int
):
    page = page_of_size(request, "phone" if width == 360 else "desktop")
    page.set_viewport_size({"width": width, "height": PHONE_HEIGHT})
    open_calculator(page, calculator_url)
    import_file(page, str(LONG_NAMES))
    wait_for_results(page)
    show_details(page)
    names = [
        o["company"]
        for o in json.loads(bridge.load(LONG_NAMES.read_text(), "x.yaml"))["document"]["offers"]
    ]
    assert all(len(name) >= 30 for name in names)
    # Every table of the view is there, in a form that fits: nothing scrolls sideways.
    tables = page.locator(".result-table")
    assert tables.count() >= 10
    assert tables_too_wide(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Each offer's name is shown whole in the totals, whichever form they take.
    totals = page.locator(".result-table[data-table=totals] table:visible")
    for name in names:
        expect(totals).to_contain_text(name)


# ---- A short form --------------------------------------------------------------------------------


def test_each_offer_shows_the_frameworks_fields_and_folds_the_rest(page: Page, calculator_url):
    open_calculator(page, calculator_url)
    first = offer(page, 1)
    shown = first.locator("input:visible, select:visible")
    labels = [
        label.strip()
        for label in shown.evaluate_all("(cs) => cs.map((c) => c.labels[0].textContent)")
    ]
    assert labels == SHORT_FORM
    more = first.locator("details.offer-more")
    expect(more).not_to_have_attribute("open", "")
    # The stage is chosen, never assumed.
    expect(field(page, 1, "Company stage")).to_have_value("")
    expect(field(page, 1, "Company stage").locator("option").first).to_have_text("Choose the stage")
    field(page, 1, "Company").fill("Acme")
    field(page, 1, "Base salary").fill("150000")
    expect(
        offer(page, 1).locator('[data-path="offers[0].company_stage"] .field-message')
    ).to_contain_text("is required")
    # The six ratings of all offers in one grid: a row per factor, a column per offer.
    grid = page.locator(".ratings-grid table")
    expect(grid.locator("tbody tr")).to_have_count(6)
    expect(grid.locator("tbody tr").first.locator("input")).to_have_count(2)
    # The rubric and the red flags fold away while they hold nothing.
    expect(page.locator("details.rubric")).not_to_have_attribute("open", "")
    expect(page.locator("details.offer-flags[open]")).to_have_count(0)

    # A disclosure that holds a value is open.
    page.get_by_role("button", name="Load the framework's example").click()
    page.get_by_role("button", name="Load the example").click()
    import_file(page, str(THREE_OFFERS))
    page.get_by_role("button", name="Import the file").click()
    expect(tools_message(page)).to_contain_text("Imported")
    wait_for_results(page)
    expect(offer(page, 1).locator("details.offer-more")).to_have_attribute("open", "")
    expect(field(page, 1, "Vesting schedule")).to_have_value("10, 20, 30, 40")
    expect(offer(page, 2).locator("details.offer-more")).to_have_attribute("open", "")
    expect(page.locator("details.rubric")).to_have_attribute("open", "")
    expect(page.locator("details.offer-flags[open]")).to_have_count(1)


def test_the_rubric_shows_its_questions_and_whole_levels_on_a_phone(page: Page, calculator_url):
    framework = json.loads(bridge.framework())
    open_calculator(page, calculator_url)
    page.locator("details.rubric > summary").click()
    rubric = page.locator("details.rubric")
    for area in framework["growth_areas"]:
        section = rubric.locator(".rubric-area").filter(
            has=page.get_by_role("heading", name=area["name"], exact=True)
        )
        expect(section.locator(".rubric-questions li")).to_have_text(area["questions"])
        expect(section.locator(".rubric-levels dd")).to_have_text(
            [area["high"], area["medium"], area["low"]]
        )
        # A choice per offer, each named by the area and the offer.
        expect(section.get_by_role("group", name=f"{area['name']}: Offer 1")).to_be_visible()
    cut = page.evaluate(
        """() => [...document.querySelectorAll('.rubric-area dd, .rubric-area li, .radio-option')]
            .filter((n) => n.scrollWidth > n.clientWidth + 1).map((n) => n.textContent)"""
    )
    assert cut == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


# ---- Input as people type it ---------------------------------------------------------------------


def test_the_engine_reads_what_is_typed_and_asks_when_unsure(page: Page, calculator_url):
    open_calculator(page, calculator_url)
    load_example(page)
    document = json.loads(bridge.example())

    # Sent as typed, read by the engine, and the reading shown under the field.
    field(page, 1, "Base salary").fill("$210,000")
    field(page, 2, "Target bonus").fill("15%")
    wait_for_results(page)
    reading = offer(page, 2).locator('[data-path="offers[1].target_bonus"] .field-reading')
    expect(reading).to_have_text("read as 27,000 (15% of the base salary)")
    document["offers"][0]["base_salary"] = "$210,000"
    document["offers"][1]["target_bonus"] = "15%"
    expected = {card["company"]: card for card in engine_view(document)["summary"]}
    assert (
        card_figures(page, "BigTech Inc")["Annualized total"]
        == (expected["BigTech Inc"]["figures"][0]["text"])
    )

    # An ambiguous amount is never read silently: a question under the field.
    field(page, 2, "Base salary").fill("200.000")
    wait_for_results(page)
    message = offer(page, 2).locator('[data-path="offers[1].base_salary"]')
    expect(message).to_contain_text("200,000 or 200")
    expect(page.locator("[data-incomplete]")).to_contain_text("Offer 2 (GrowthStartup)")

    # An implausible amount is read, evaluated, and questioned.
    field(page, 2, "Base salary").fill("500")
    wait_for_results(page)
    question = offer(page, 2).locator('[data-path="offers[1].base_salary"] .field-question')
    expect(question).to_be_visible()
    expect(question).to_contain_text("a yearly base salary of 500?")
    expect(summary_card(page, "GrowthStartup")).to_be_visible()


# ---- Incomplete offers never block ---------------------------------------------------------------


def test_an_incomplete_offer_is_listed_next_to_the_verdict(page: Page, calculator_url):
    open_calculator(page, calculator_url)
    load_example(page)
    page.get_by_role("button", name="Add an offer").click()
    field(page, 3, "Company").fill("Third Street Labs")
    field(page, 3, "Base salary").fill("150k")
    wait_for_results(page)
    # The complete offers are compared; the third is listed with what it lacks.
    expect(page.locator(".summary-card")).to_have_count(2)
    incomplete = page.locator("[data-incomplete]")
    expect(incomplete).to_contain_text("Offer 3 (Third Street Labs)")
    expect(incomplete).to_contain_text("company stage")
    assert top_in_page(page, "[data-incomplete]") < top_in_page(page, ".summary-card")
    expect(
        page.locator("[data-answer-bar] li").filter(has_text="Third Street Labs")
    ).to_contain_text("not compared yet")
    # From the list to the field that needs a value.
    incomplete.get_by_role("button", name="Complete Offer 3 (Third Street Labs)").click()
    expect(field(page, 3, "Company stage")).to_be_focused()
    field(page, 3, "Company stage").select_option("public")
    wait_for_results(page)
    expect(page.locator(".summary-card")).to_have_count(3)
    expect(page.locator("[data-incomplete]")).to_have_count(0)


# ---- Nothing lost by a tap -----------------------------------------------------------------------


# The top of an element in the viewport at each of ten animation frames.
TOPS_OVER_FRAMES = """async (element) => {
    const tops = [];
    for (let frame = 0; frame < 10; frame += 1) {
        tops.push(element.getBoundingClientRect().top);
        await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return tops;
}"""


def test_a_button_scrolled_to_stays_where_it_is_until_tapped(page: Page, calculator_url):
    """With a few offers every part of the form is drawn at once: were a part above a button
    drawn only once scrolled to, it would take its real height then, and move the button from
    under the finger (and a tap to the field below it)."""
    open_calculator(page, calculator_url)
    load_example(page)
    page.get_by_role("button", name="Add an offer").click()  # every offer is drawn anew
    wait_for_results(page)
    duplicate = offer(page, 1).get_by_role("button", name="Duplicate")
    duplicate.scroll_into_view_if_needed()
    tops = duplicate.evaluate(TOPS_OVER_FRAMES)
    assert len(set(tops)) == 1, tops
    duplicate.click()
    expect(offer(page, 2).locator("legend").first).to_have_text("Offer 2 — BigTech Inc (copy)")


def test_loading_the_example_asks_before_it_replaces_typed_offers(page: Page, calculator_url):
    open_calculator(page, calculator_url)
    example = page.get_by_role("button", name="Load the framework's example")
    # Into an empty calculator: no question.
    example.click()
    expect(page.locator("dialog[open]")).to_have_count(0)
    wait_for_results(page)
    field(page, 1, "Company").fill("My Own Offer")
    example.click()
    dialog = page.locator("dialog[open]")
    expect(dialog).to_contain_text("Replace your offers with the example?")
    dialog.get_by_role("button", name="Keep my offers").click()
    expect(field(page, 1, "Company")).to_have_value("My Own Offer")
    expect(example).to_be_focused()  # the dialog gives the focus back
    example.click()
    page.locator("dialog[open]").get_by_role("button", name="Load the example").click()
    expect(field(page, 1, "Company")).to_have_value("BigTech Inc")
    wait_for_results(page)
    assert table_rows(page, "totals")[0][0] == "BigTech Inc"


@OWN_BROWSER  # the page's clock is faked, and a browser keeps a fake clock for good
def test_removing_an_offer_can_be_undone_for_ten_seconds_and_more(page: Page, calculator_url):
    page.clock.install()
    open_calculator(page, calculator_url)
    load_example(page)
    offer(page, 2).get_by_role("button", name="Remove").click()
    expect(offer(page, 2)).to_have_count(0)
    undo = page.locator("[data-toast]").get_by_role("button", name="Undo")
    expect(undo).to_be_focused()
    # Still there after ten seconds, even with the focus elsewhere.
    field(page, 1, "Company").focus()
    page.clock.run_for(10_500)
    expect(undo).to_be_visible()
    undo.focus()
    page.keyboard.press("Enter")  # reachable and usable by keyboard
    expect(field(page, 2, "Company")).to_have_value("GrowthStartup")
    wait_for_results(page)
    assert [row[0] for row in table_rows(page, "totals")] == ["BigTech Inc", "GrowthStartup"]


def test_importing_over_typed_offers_asks_first(page: Page, calculator_url):
    open_calculator(page, calculator_url)
    load_example(page)
    import_file(page, str(THREE_OFFERS))
    dialog = page.locator("dialog[open]")
    expect(dialog).to_contain_text("Replace your offers with three-offers.yaml?")
    dialog.get_by_role("button", name="Keep my offers").click()
    expect(offer(page, 3)).to_have_count(0)
    expect(field(page, 1, "Company")).to_have_value("BigTech Inc")


# ---- The current job -----------------------------------------------------------------------------


def test_the_current_job_is_what_every_offer_is_compared_with(page: Page, calculator_url):
    open_calculator(page, calculator_url)
    load_example(page)
    field(page, 2, "This is my current job").check()
    wait_for_results(page)
    document = json.loads(bridge.example())
    document["offers"][1]["current_job"] = True
    view = engine_view(document)
    expect(verdict(page).locator("p")).to_have_text(view["verdict"]["sentences"])
    expect(verdict(page)).to_contain_text("your current job at GrowthStartup")
    expect(summary_card(page, "GrowthStartup").locator(".mark")).to_contain_text(
        ["your current job"]
    )
    against = next(f for f in view["summary"][0]["figures"] if f["label"].startswith("Against"))
    assert card_figures(page, "BigTech Inc")[against["label"]] == against["text"]
    negotiation = next(t for t in view["tables"] if t["id"] == "negotiation")
    assert table_rows(page, "negotiation") == [row["cells"] for row in negotiation["rows"]]
    # One offer at most is the current job: ticking another moves the mark.
    field(page, 1, "This is my current job").check()
    expect(field(page, 2, "This is my current job")).not_to_be_checked()
    wait_for_results(page)
    expect(verdict(page)).to_contain_text("your current job at BigTech Inc")


# ---- The printed report --------------------------------------------------------------------------


def printed_pages(page: Page, paper: str) -> list[str]:
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format=paper)))
    return [" ".join(p.extract_text().split()) for p in reader.pages]


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("offers_file", [THREE_OFFERS, LONG_NAMES], ids=["three", "long-names"])
def test_printing_gives_a_decision_report_of_two_pages_at_most(
    desktop_page: Page, calculator_url, paper: str, offers_file: Path
):
    page = desktop_page
    open_calculator(page, calculator_url)
    import_file(page, str(offers_file))
    wait_for_results(page)
    pages = printed_pages(page, paper)
    assert 1 <= len(pages) <= 2, f"{len(pages)} {paper} pages"
    document = json.loads(bridge.load(offers_file.read_text(), offers_file.name))["document"]
    view = engine_view(document)
    everything = squeeze(" ".join(pages))
    # Title, date, verdict, summary, totals, year by year, matrix, red flags, decision.
    assert squeeze("Offer comparison") in squeeze(pages[0])
    assert re.search(r"20\d\d", pages[0])
    assert squeeze(view["verdict"]["sentences"][0]) in squeeze(pages[0])
    for card in view["summary"]:
        assert squeeze(card["figures"][0]["text"]) in everything
    captions = {t["id"]: t["caption"] for t in view["tables"]}
    for table_id in ("totals", "projection", "years-1", "matrix", "red-flags"):
        assert squeeze(captions[table_id]) in everything, table_id
    assert squeeze(view["decision"]["text"]) in everything
    # No form and no buttons.
    for text in ("Your offers", "Add an offer", "Load the framework's example", "Export JSON"):
        assert squeeze(text) not in everything, text
    # No table split across pages: each table's caption and last row are on the same page.
    for table in view["tables"]:
        if table["id"] not in ("totals", "projection", "matrix", "red-flags"):
            continue
        last = squeeze(" ".join(table["rows"][-1]["cells"][-1:]))
        assert any(squeeze(table["caption"]) in squeeze(p) and last in squeeze(p) for p in pages)


# ---- Keyboard and screen readers -----------------------------------------------------------------


def test_the_keyboard_reaches_every_control_and_the_results_with_a_visible_focus(
    page: Page, calculator_url
):
    open_calculator(page, calculator_url)
    load_example(page)
    open_every_fold(page)
    show_details(page)
    page.locator("h1").first.click()
    wanted = set(
        page.evaluate(
            """() => {
              const controls = [...document.querySelectorAll(
                '.calculator :is(input, select, button, summary, a[href], [tabindex="0"])')]
                .filter((c) => c.checkVisibility() && c.type !== 'hidden' && !c.disabled);
              // Each control gets a name; a group of radio buttons is one stop, one name.
              controls.forEach((c, i) => (c.dataset.kbd = c.type === 'radio' ? c.name : `c${i}`));
              return controls.map((c) => c.dataset.kbd);
            }"""
        )
    )
    reached: set[str] = set()
    invisible_focus: list[str] = []
    for _ in range(len(wanted) + 80):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """() => { const a = document.activeElement;
                       const s = getComputedStyle(a);
                       // On a date's calendar button, drawn by the browser inside the field,
                       // the field is not :focus; the browser rings the button itself.
                       const picker = a.type === 'datetime-local' && !a.matches(':focus');
                       const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
                       return [a.dataset.kbd ?? '', a.type === 'radio' ? a.name : '',
                               picker || ring, a.outerHTML.slice(0, 80)]; }"""
        )
        kbd, _, ring, html = state
        if kbd:
            reached.add(kbd)
            if not ring:
                invisible_focus.append(html)
        if reached >= wanted:
            break
    assert wanted - reached == set(), f"{len(wanted - reached)} controls never reached by Tab"
    assert invisible_focus == []
    # The results themselves are a stop on the way, announced as their region.
    expect(page.locator("[data-results-section]")).to_have_attribute("tabindex", "0")


def test_the_verdict_is_announced_politely_when_it_changes(page: Page, calculator_url):
    open_calculator(page, calculator_url)
    load_example(page)
    live = page.locator("[data-verdict-live]")
    expect(live).to_have_attribute("role", "status")
    first = " ".join(engine_view(json.loads(bridge.example()))["verdict"]["sentences"])
    expect(live).to_have_text(first)
    field(page, 1, "Signing bonus").fill("0")
    wait_for_results(page)
    expect(live).not_to_have_text(first)
    expect(live).to_have_text(" ".join(verdict(page).locator("p").all_inner_texts()))
    assert root(page).get_attribute("data-results") == "current"


# ---- The same points on a desktop --------------------------------------------------------------


def test_every_point_holds_on_a_desktop_too(desktop_page: Page, calculator_url):
    page = desktop_page
    open_calculator(page, calculator_url)
    # A short form: the framework's fields, the rest folded; the stage unchosen.
    labels = offer(page, 1).locator("input:visible, select:visible")
    assert labels.evaluate_all("(cs) => cs.map((c) => c.labels[0].textContent.trim())") == (
        SHORT_FORM
    )
    expect(field(page, 1, "Company stage")).to_have_value("")
    # Into an empty calculator the example loads without a question; the answer comes first.
    load_example(page)
    expect(page.locator("dialog[open]")).to_have_count(0)
    sentences = engine_view(json.loads(bridge.example()))["verdict"]["sentences"]
    expect(verdict(page).locator("p")).to_have_text(sentences)
    expect(summary_card(page, "GrowthStartup").locator(".mark")).to_have_text(["top score"])
    # Typed as people type; read, or asked about, by the engine.
    field(page, 2, "Target bonus").fill("15%")
    wait_for_results(page)
    reading = offer(page, 2).locator('[data-path="offers[1].target_bonus"] .field-reading')
    expect(reading).to_have_text("read as 27,000 (15% of the base salary)")
    # An incomplete offer is listed beside the verdict; the others are compared.
    page.get_by_role("button", name="Add an offer").click()
    field(page, 3, "Company").fill("Third Street Labs")
    wait_for_results(page)
    expect(page.locator("[data-incomplete]")).to_contain_text("Offer 3 (Third Street Labs)")
    expect(page.locator(".summary-card")).to_have_count(2)
    # Removing it can be undone.
    offer(page, 3).get_by_role("button", name="Remove").click()
    page.locator("[data-toast]").get_by_role("button", name="Undo").click()
    expect(field(page, 3, "Company")).to_have_value("Third Street Labs")
    offer(page, 3).get_by_role("button", name="Remove").click()
    # The current job.
    field(page, 2, "This is my current job").check()
    wait_for_results(page)
    expect(verdict(page)).to_contain_text("your current job at GrowthStartup")
    # Committing early asks again.
    page.locator("details.decision-section > summary").click()
    page.get_by_label("Your choice").select_option("BigTech Inc")
    wait_for_results(page)
    page.get_by_label("Committed: I have slept on it and stop second-guessing").click()
    expect(page.locator("dialog[open]")).to_contain_text("Take 24-48 hours")
    page.locator("dialog[open]").get_by_role("button", name="Wait").click()
    # Every table fits beside the form, and the verdict stayed in view throughout.
    assert tables_too_wide(page) == []
    assert in_viewport(page, "[data-verdict]")
