"""The browser the tests share keeps nothing one test saved for the next (tests/e2e/conftest.py)."""

from __future__ import annotations

import pytest
from conftest import SiteServer, forget_site_data, left_behind, left_behind_afresh
from playwright.sync_api import BrowserContext

pytestmark = pytest.mark.e2e

SAVE_SOMETHING = """async () => {
  localStorage.setItem('left-behind', 'yes');
  await (await caches.open('left-behind')).put('left-behind', new Response('yes'));
}"""
WHAT_IS_SAVED = """async () => ({
  storage: localStorage.getItem('left-behind'),
  caches: await caches.keys(),
})"""


def test_forgetting_the_site_data_leaves_the_next_test_nothing(
    shared_browser: BrowserContext, site_server: SiteServer
):
    page = shared_browser.new_page()
    page.goto(site_server.url)
    page.evaluate(SAVE_SOMETHING)
    assert page.evaluate(WHAT_IS_SAVED) == {"storage": "yes", "caches": ["left-behind"]}
    page.close()

    forget_site_data(shared_browser, site_server.origin)

    page = shared_browser.new_page()
    page.goto(site_server.url)
    assert page.evaluate(WHAT_IS_SAVED) == {"storage": None, "caches": []}
    page.close()


def test_what_the_site_keeps_is_read_back_by_its_keys(
    shared_browser: BrowserContext, site_server: SiteServer
):
    page = shared_browser.new_page()
    page.goto(site_server.url)
    page.evaluate(SAVE_SOMETHING)
    page.close()
    # Read by the page kept open on the origin, and by a page opened to read.
    for read in (left_behind, left_behind_afresh):
        kept = read(shared_browser, site_server.origin)
        assert kept.count("left-behind") == 2, kept  # the item, then the cache
    forget_site_data(shared_browser, site_server.origin)
    assert left_behind(shared_browser, site_server.origin) == []
    assert left_behind_afresh(shared_browser, site_server.origin) == []
