"""The Content-Security-Policy every page carries, and that nothing the site does breaks it.

The policy allows scripts, styles, data and workers from the site's own origin only. A page
that needed anything else (an inline script, a stylesheet on a CDN, a request to another
origin) would be refused by the browser, which reports each refusal as a
`securitypolicyviolation` event: the tests collect those events and expect none.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from calculator_helpers import load_example, open_calculator, table_rows, wait_for_results
from conftest import ALLOW_SERVICE_WORKERS
from playwright.sync_api import Page

pytestmark = pytest.mark.e2e

# Runs before any script of the page: every refusal the browser reports is kept on window.
COLLECT_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def violations(page: Page) -> list[str]:
    return page.evaluate("window.__violations")


def pages_of(site: Path) -> list[str]:
    """Every page of the built site, as a path under its root ("" for the home page)."""
    paths = [p.parent.relative_to(site).as_posix() for p in sorted(site.rglob("index.html"))]
    return ["" if p == "." else f"{p}/" for p in paths]


def test_every_page_carries_the_policy(built_site: Path):
    pages = [built_site / p / "index.html" for p in pages_of(built_site)]
    pages += [built_site / "404.html", built_site / "offline.html"]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', text)
        assert policy, f"{page} has no Content-Security-Policy"
        assert html.unescape(policy.group(1)).startswith("default-src 'self';"), page


def test_no_page_breaks_the_policy(page: Page, site_server, built_site: Path, request_log):
    page.add_init_script(COLLECT_VIOLATIONS)
    for path in pages_of(built_site):
        page.goto(site_server.url_for(path))
        page.wait_for_load_state("load")
        assert violations(page) == [], path
    request_log.assert_same_origin(site_server.origin)


@ALLOW_SERVICE_WORKERS  # as a visitor meets it: the service worker saves the site meanwhile
def test_the_calculator_computes_under_the_policy(page: Page, site_server, request_log):
    page.add_init_script(COLLECT_VIOLATIONS)
    open_calculator(page, site_server.url_for("calculator/"))
    load_example(page)
    wait_for_results(page)
    assert [row[0] for row in table_rows(page, "totals")] == ["BigTech Inc", "GrowthStartup"]
    assert violations(page) == []
    request_log.assert_same_origin(site_server.origin)


def test_the_policy_refuses_what_it_should(page: Page, site_server):
    # The check above can fail: an inline script and a foreign stylesheet are refused, and
    # reported, on a page of the site.
    page.add_init_script(COLLECT_VIOLATIONS)
    page.goto(site_server.url_for(""))
    page.evaluate("""() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline_ran = true';
      document.body.append(script);
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = 'https://cdn.invalid/style.css';
      document.head.append(link);
    }""")
    page.wait_for_function("window.__violations.length >= 2")
    assert page.evaluate("window.__inline_ran === undefined")
    directives = " ".join(violations(page))
    assert "script-src" in directives and "style-src" in directives
