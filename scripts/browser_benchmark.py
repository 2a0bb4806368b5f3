"""What a phone downloads and waits for: the built site in Chromium, measured in one run.

    .venv/bin/python scripts/browser_benchmark.py                 # builds the site first
    .venv/bin/python scripts/browser_benchmark.py --site site     # measures a site already built

The site is served like GitHub Pages (sitebuild/pages_server.py: under /offereval/, gzip on the
wire, `Cache-Control: max-age=600`, 304s) to Chromium emulating a Pixel 7. Beside it, under
/bare/, the same server serves a bare page whose worker boots the stock Pyodide runtime (the npm
package's files, its whole standard library) and installs and runs the same offereval wheel:
the yardstick every time below is divided by. Printed, as tables:

- every file of a first visit to the calculator (until the calculator and the offline copy are
  ready): how often it was fetched, its size and the bytes on the wire (gzip), and the total;
- the total of a first visit to a content page, until it is ready offline;
- cold (first visit) and warm (later visits, the median of --warm-visits, taken in turns with
  the bare page's so that both see the same load) time to the engine being ready and to fresh
  results, and to saved results on a warm visit, each as a ratio to the bare boot;
- edit to new results: the median time from a changed field to the results being current.

Each profile runs its own cold visits: "phone" is the machine as it is; "10 Mbps" is a link of
10 Mbps and 40 ms per request, simulated by the server for every request the page, its worker
and its service worker make, with the page's CPU 4x slower (CDP). --slow-link adds a 1.6 Mbps
profile. Times come from the page's own clock (a MutationObserver on the data-* states the page
reports), from navigation start. It is a benchmark: it prints figures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # build.py and sitebuild/ live at the root, beside this folder

import sitebuild  # noqa: E402
from sitebuild import chromium  # noqa: E402
from sitebuild.pages_server import Link, PagesServer, Sent  # noqa: E402

SITE = "/offereval/"
BARE = "/bare/"
TIMEOUT_MS = 300_000
STOCK_RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
EDITS = 15


@dataclasses.dataclass(frozen=True)
class Profile:
    name: str
    link: Link | None
    cpu_slowdown: float


# Every data-* state change of the page, with the time it happened (ms from navigation start).
MARKS_SCRIPT = """
window.__marks = {};
new MutationObserver((records) => {
  for (const record of records) {
    const name = record.attributeName;
    const key = `${name.slice(5)}=${record.target.getAttribute(name)}`;
    if (!(key in window.__marks)) window.__marks[key] = performance.now();
  }
}).observe(document, {subtree: true, attributes: true,
  attributeFilter: ['data-engine', 'data-results', 'data-form']});
"""

# One edit: a new base salary for the first offer, then the time until the results are current.
EDIT_SCRIPT = """
async (value) => {
  const root = document.querySelector('[data-calculator]');
  const input = root.querySelector('[data-path="offers[0].base_salary"] input');
  const settled = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (root.dataset.results === 'current') { observer.disconnect(); resolve(); }
    });
    observer.observe(root, {attributes: true, attributeFilter: ['data-results']});
  });
  const start = performance.now();
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  await settled;
  return performance.now() - start;
}
"""

BARE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide</title></head>
<body><div data-calculator data-engine="loading" data-results="none"></div>
<script type="module" src="bare.js"></script></body></html>
"""
BARE_SCRIPT = """
const root = document.querySelector('[data-calculator]');
const worker = new Worker(new URL('bare-worker.js', import.meta.url), {type: 'module'});
worker.onmessage = ({data}) => {
  if (data === 'ready') root.dataset.engine = 'ready';
  else if (data === 'results') root.dataset.results = 'current';
  else root.dataset.engine = `failed: ${data}`;
};
"""
BARE_WORKER = """
const runtime = new URL('pyodide/', import.meta.url).href;
try {
  const {loadPyodide} = await import(`${runtime}pyodide.mjs`);
  const pyodide = await loadPyodide({indexURL: runtime,
    lockFileURL: `${runtime}pyodide-lock.json`, packageBaseUrl: runtime});
  await pyodide.loadPackage('offereval', {checkIntegrity: true});
  const bridge = pyodide.pyimport('offereval.bridge');
  self.postMessage('ready');
  const answer = JSON.parse(bridge.evaluate(bridge.example(), new Date().toISOString()));
  self.postMessage(answer.ok ? 'results' : JSON.stringify(answer.problems));
} catch (error) {
  self.postMessage(String(error));
}
"""


def write_bare_page(site: Path, folder: Path) -> None:
    """The yardstick: a page whose worker boots the stock runtime and runs the site's wheel."""
    runtime = folder / "pyodide"
    runtime.mkdir(parents=True)
    for name in STOCK_RUNTIME:
        shutil.copyfile(ROOT / "node_modules" / "pyodide" / name, runtime / name)
    for built in (*site.glob("pyodide/*.whl"), site / "pyodide" / "pyodide-lock.json"):
        shutil.copyfile(built, runtime / built.name)
    (folder / "index.html").write_text(BARE_PAGE, encoding="utf-8")
    (folder / "bare.js").write_text(BARE_SCRIPT, encoding="utf-8")
    (folder / "bare-worker.js").write_text(BARE_WORKER, encoding="utf-8")


# ---- The browser ---------------------------------------------------------------------------


class Phone:
    """Fresh Pixel 7-like browser contexts, each with the marks script and the profile's CPU."""

    def __init__(self, browser: Browser, device: dict[str, Any], profile: Profile) -> None:
        self.browser, self.device, self.profile = browser, device, profile

    def context(self) -> BrowserContext:
        context = self.browser.new_context(**self.device)
        context.add_init_script(MARKS_SCRIPT)
        return context

    def page(self, context: BrowserContext) -> Page:
        page = context.new_page()
        if self.profile.cpu_slowdown > 1:
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": self.profile.cpu_slowdown})
        return page


def marks(page: Page, *wanted: str) -> dict[str, float]:
    """Wait for each state in `wanted` ("engine=ready", ...); their times in seconds."""
    for state in wanted:
        name, value = state.split("=")
        expect(page.locator("[data-calculator]")).to_have_attribute(
            f"data-{name}", value, timeout=TIMEOUT_MS
        )
    seen: dict[str, float] = page.evaluate("window.__marks")
    return {state: seen[state] / 1000 for state in wanted}


def wait_until_offline_ready(page: Page) -> None:
    """The footer says the site is saved on the device (every build since the first says so)."""
    status = page.locator(".app-offline")
    expect(status).to_have_text("Ready to work offline", timeout=TIMEOUT_MS)


def quiet(server: PagesServer, seconds: float = 2.0) -> None:
    """Wait until nothing was requested for `seconds` (a background download has finished)."""
    while True:
        count = len(server.log)
        time.sleep(seconds)
        if len(server.log) == count:
            return


def visit_calculator(phone: Phone, server: PagesServer) -> tuple[Visit, list[Sent]]:
    """A first visit: the example loaded as soon as the form is there; what it cost. The
    browser is kept for the warm visits."""
    server.log.clear()
    context = phone.context()
    page = phone.page(context)
    page.goto(server.url_for("calculator/", SITE))
    marks(page, "form=ready")
    page.get_by_role("button", name="Load the framework's example").click()
    times = marks(page, "engine=ready", "results=current")
    wait_until_offline_ready(page)
    quiet(server)
    page.close()
    return Visit(context, server.url_for("calculator/", SITE), times), list(server.log)


def visit_bare(phone: Phone, server: PagesServer) -> Visit:
    """The stock runtime's first boot; the browser is kept for the warm visits (its HTTP cache
    keeps the runtime for ten minutes)."""
    context = phone.context()
    page = phone.page(context)
    page.goto(server.url_for("index.html", BARE))
    times = marks(page, "engine=ready", "results=current")
    page.close()
    return Visit(context, server.url_for("index.html", BARE), times)


@dataclasses.dataclass
class Visit:
    """A browser that made a first visit to `url`: that visit's times, and its warm visits'."""

    context: BrowserContext
    url: str
    times: dict[str, float]
    warm: dict[str, list[float]] = dataclasses.field(default_factory=dict)

    def again(self, phone: Phone, states: tuple[str, ...]) -> Page:
        """A later visit in the same browser, nothing changed on the server; returns its page."""
        page = phone.page(self.context)
        page.goto(self.url)
        for state, value in marks(page, *states).items():
            self.warm.setdefault(f"warm {state}", []).append(value)
        return page

    def medians(self) -> dict[str, float]:
        """The first visit's times and the median of the warm visits' times."""
        return {**self.times, **{k: statistics.median(v) for k, v in self.warm.items()}}


def edit_latency(page: Page) -> float:
    """Median seconds from a changed field to current results, the engine ready and idle."""
    latencies = []
    for i in range(EDITS):
        latencies.append(page.evaluate(EDIT_SCRIPT, str(200_000 + 1_000 * (i + 1))) / 1000)
        page.wait_for_timeout(300)  # a pause between edits, as a person makes
    return statistics.median(latencies)


def visit_content_page(phone: Phone, server: PagesServer) -> list[Sent]:
    """A first visit to the home page, until the site says it is ready offline."""
    server.log.clear()
    context = phone.context()
    page = phone.page(context)
    page.goto(server.url_for("", SITE))
    wait_until_offline_ready(page)
    quiet(server)
    sent = list(server.log)
    context.close()
    return sent


def measure(
    phone: Phone, server: PagesServer, warm_visits: int
) -> tuple[dict[str, float], dict[str, float], list[Sent]]:
    """Cold visits to the bare page and the calculator, then warm visits to each in turn (so
    that both see the same load on the machine); the medians, and the first visit's requests."""
    bare = visit_bare(phone, server)
    site, sent = visit_calculator(phone, server)
    for number in range(warm_visits):
        bare.again(phone, ("engine=ready", "results=current")).close()
        page = site.again(phone, ("results=saved", "engine=ready", "results=current"))
        if number == warm_visits - 1:
            site.times["edit"] = edit_latency(page)
        page.close()
    bare.context.close()
    site.context.close()
    return site.medians(), bare.medians(), sent


# ---- Tables --------------------------------------------------------------------------------


def print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    print(f"\n{title}")
    print(
        "  ".join(
            h.ljust(w) if i == 0 else h.rjust(w)
            for i, (h, w) in enumerate(zip(header, widths, strict=True))
        )
    )
    for row in rows:
        cells = [
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells))


def megabytes(size: float) -> str:
    return f"{size / 1_000_000:.2f} MB"


def downloads_table(title: str, sent: list[Sent], *, every_file: bool) -> None:
    """Per file: fetches (200), 304s, size, bytes on the wire; small files summed in one row."""
    files: dict[str, list[Sent]] = defaultdict(list)
    for answer in sent:
        files[answer.path.removeprefix(SITE)].append(answer)
    rows, small = [], [0, 0, 0]
    for path, answers in sorted(
        files.items(), key=lambda item: -sum(a.wire_bytes for a in item[1])
    ):
        fetched = sum(1 for a in answers if a.status == 200)
        revalidated = sum(1 for a in answers if a.status == 304)
        wire = sum(a.wire_bytes for a in answers)
        size = max(a.file_bytes for a in answers)
        if every_file and (wire >= 20_000 or fetched > 1):
            rows.append([path, str(fetched), str(revalidated), megabytes(size), megabytes(wire)])
        else:
            small[0] += 1
            small[1] += fetched
            small[2] += wire
    if small[0]:
        rows.append([f"({small[0]} other files)", str(small[1]), "", "", megabytes(small[2])])
    twice = sorted(p for p, a in files.items() if sum(1 for x in a if x.status == 200) > 1)
    total = sum(a.wire_bytes for a in sent)
    fetches = sum(1 for a in sent if a.status == 200)
    rows.append(["total on the wire", str(fetches), "", "", megabytes(total)])
    print_table(title, ["file", "fetches", "304", "size", "on the wire"], rows)
    print(
        f"files fetched more than once: {len(twice)}" + (f" ({', '.join(twice)})" if twice else "")
    )


def times_table(profile: Profile, site: dict[str, float], bare: dict[str, float]) -> None:
    rows = []
    for label, key in [
        ("cold: engine ready", "engine=ready"),
        ("cold: fresh results", "results=current"),
        ("warm: saved results", "warm results=saved"),
        ("warm: engine ready", "warm engine=ready"),
        ("warm: fresh results", "warm results=current"),
    ]:
        yardstick = bare.get(key)
        ratio = f"{site[key] / yardstick:.2f}x" if yardstick else ""
        rows.append([label, f"{site[key]:.2f} s", f"{yardstick:.2f} s" if yardstick else "", ratio])
    rows.append(["edit to new results (median)", f"{site['edit'] * 1000:.0f} ms", "", ""])
    print_table(f"Times, {profile.name}", ["", "site", "bare Pyodide", "ratio"], rows)


def median_times(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


# ---- Main ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--runs", type=int, default=1, help="cold visits per profile (median)")
    parser.add_argument(
        "--warm-visits", type=int, default=3, help="warm visits after each cold one (median)"
    )
    parser.add_argument("--slow-link", action="store_true", help="add a 1.6 Mbps profile")
    parser.add_argument("--fast-only", action="store_true", help="only the unthrottled profile")
    args = parser.parse_args(argv)
    profiles = [Profile("phone, no throttling", None, 1)]
    if not args.fast_only:
        profiles.append(Profile("10 Mbps, 40 ms, CPU 4x slower", Link(10e6, 0.040), 4))
    if args.slow_link:
        profiles.append(Profile("1.6 Mbps, 150 ms, CPU 4x slower", Link(1.6e6, 0.150), 4))
    with tempfile.TemporaryDirectory(prefix="offereval-benchmark-") as scratch:
        site = sitebuild.built_or_given(args.site, Path(scratch))
        bare = Path(scratch) / "bare"
        write_bare_page(site, bare)
        with PagesServer({SITE: site, BARE: bare}) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium.executable(), args=list(chromium.ARGS)
            )
            device = dict(playwright.devices["Pixel 7"])
            device.pop("default_browser_type", None)
            for number, profile in enumerate(profiles):
                server.link = profile.link
                phone = Phone(browser, device, profile)
                site_runs, bare_runs = [], []
                for _ in range(args.runs):
                    site_times, bare_times, sent = measure(phone, server, args.warm_visits)
                    site_runs.append(site_times)
                    bare_runs.append(bare_times)
                if number == 0:
                    downloads_table("First visit to the calculator", sent, every_file=True)
                    content = visit_content_page(phone, server)
                    downloads_table("First visit to the home page", content, every_file=False)
                times_table(profile, median_times(site_runs), median_times(bare_runs))
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
