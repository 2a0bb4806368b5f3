"""How long the calculator's page blocks its main thread: long tasks while importing and typing.

    .venv/bin/python scripts/main_thread_benchmark.py                # builds the site first
    .venv/bin/python scripts/main_thread_benchmark.py --site site    # measures a site already built

The site is served like GitHub Pages (sitebuild/pages_server.py) to Chromium emulating a Pixel 7,
with the page's CPU as it is and 4x slower (CDP). A PerformanceObserver records every long task
(a task of the main thread over 50 ms: the page does not answer a tap or a key meanwhile) from
navigation start. Measured, each from the action to the results being current again:

- importing a file of 50 offers (the most the engine reads) into an empty calculator;
- typing a base salary, a key at a time, into one of those 50 offers;
- opening the calculator with those 50 offers saved (the form drawn from storage).

Printed as a table: the number of long tasks, the longest, and the time blocked beyond 50 ms
each (total blocking time). It is a benchmark: it prints figures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # build.py and sitebuild/ live at the root, beside this folder

import sitebuild  # noqa: E402
from sitebuild import chromium  # noqa: E402
from sitebuild.engine_workload import most_offers  # noqa: E402
from sitebuild.pages_server import PagesServer  # noqa: E402

SITE = "/offereval/"
TIMEOUT_MS = 300_000
LONG_TASK_MS = 50
OFFERS = len(most_offers()["offers"])  # the most the engine reads
TYPED = "215000"

# Every long task of the page, kept in the page until the benchmark reads them.
LONG_TASKS_SCRIPT = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
}).observe({ type: 'longtask', buffered: true });
"""


def long_tasks(page: Page, since: float) -> list[float]:
    """The durations of the long tasks that started after `since` (ms from navigation start)."""
    tasks: list[list[float]] = page.evaluate("window.__longTasks")
    return [duration for start, duration in tasks if start >= since]


def now(page: Page) -> float:
    value: float = page.evaluate("performance.now()")
    return value


def state(page: Page) -> dict[str, str]:
    """The calculator's data-* state attributes."""
    value: dict[str, str] = page.evaluate(
        "({...document.querySelector('[data-calculator]')?.dataset})"
    )
    return value


def wait_for(page: Page, ready: Callable[[dict[str, str]], bool]) -> None:
    """Poll the calculator's state until `ready` says so.

    Not with Playwright's `expect`: while its condition does not hold yet, it runs work of its
    own in the page (an accessibility snapshot of the whole page, seconds with 50 offers), on the
    very main thread this benchmark measures. Reading a few attributes costs next to nothing.
    """
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while not ready(state(page)):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the calculator did not settle: {state(page)}")
        time.sleep(0.05)


def settled(page: Page) -> None:
    """Wait until the results are those of the form and no evaluation is under way."""
    wait_for(page, lambda s: s.get("evaluating") == "no" and s.get("results") != "pending")


def tools_message(page: Page) -> str:
    text: str = page.evaluate("document.querySelector('[data-tools-message]')?.textContent ?? ''")
    return text


def open_calculator(page: Page, url: str) -> None:
    page.goto(url)
    wait_for(page, lambda s: s.get("engine") == "ready")
    settled(page)


def measure_import(page: Page, url: str, file: Path) -> list[float]:
    open_calculator(page, url)
    page.evaluate("localStorage.clear()")
    open_calculator(page, url)
    since = now(page)
    page.locator("[data-import]").set_input_files(str(file))
    wait_for(page, lambda s: "Imported" in tools_message(page))
    settled(page)
    return long_tasks(page, since)


def measure_typing(page: Page, url: str, file: Path) -> list[float]:
    # The 50 offers imported just before are saved: the page opens with them.
    open_calculator(page, url)
    base = page.locator('[data-key="base_salary"][data-offer="25"]')
    base.fill("")
    settled(page)
    base.focus()
    since = now(page)
    # Keys straight to the focused field: a locator's checks would add work of their own.
    page.keyboard.type(TYPED, delay=80)
    settled(page)
    return long_tasks(page, since)


def measure_opening(page: Page, url: str, file: Path) -> list[float]:
    page.goto(url)
    wait_for(page, lambda s: s.get("form") == "ready" and s.get("engine") == "ready")
    settled(page)
    return long_tasks(page, 0)


SCENARIOS: list[tuple[str, Callable[[Page, str, Path], list[float]]]] = [
    (f"import a file of {OFFERS} offers", measure_import),
    (f"type '{TYPED}' into offer 26 of {OFFERS}", measure_typing),
    (f"open with {OFFERS} offers saved", measure_opening),
]


def row(name: str, durations: list[float]) -> str:
    blocking = sum(max(0.0, d - LONG_TASK_MS) for d in durations)
    longest = max(durations, default=0.0)
    return f"| {name:<42} | {len(durations):>10} | {longest:>12.0f} | {blocking:>13.0f} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="offereval-main-thread-") as scratch:
        site = sitebuild.built_or_given(args.site, Path(scratch))
        offers_file = Path(scratch) / "fifty-offers.json"
        offers_file.write_text(json.dumps(most_offers()), encoding="utf-8")
        with PagesServer({SITE: site}) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium.executable(), args=list(chromium.ARGS)
            )
            device = dict(playwright.devices["Pixel 7"])
            device.pop("default_browser_type", None)
            url = server.url_for("calculator/")
            for slowdown in (1, 4):
                context = browser.new_context(**device, service_workers="block")
                context.add_init_script(LONG_TASKS_SCRIPT)
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
                print(f"\nMain-thread long tasks (over {LONG_TASK_MS} ms), CPU {slowdown}x slower")
                print(f"| {'action':<42} | long tasks | longest (ms) | blocking (ms) |")
                print(f"|{'-' * 44}|{'-' * 12}|{'-' * 14}|{'-' * 15}|")
                for name, scenario in SCENARIOS:
                    print(row(name, scenario(page, url, offers_file)), flush=True)
                context.close()
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
