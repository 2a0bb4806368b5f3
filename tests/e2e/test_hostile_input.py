"""Hostile input in the browser: the engine refuses it with a reason, and keeps working after.

Pyodide runs Python on the browser's own, much smaller stack: input that only made CPython raise
a RecursionError could end the whole runtime there, and with it every later answer.
"""

from __future__ import annotations

import base64
import zlib
from pathlib import Path

import pytest
from calculator_helpers import (
    import_file,
    load_example,
    open_calculator,
    table_rows,
    tools_message,
)
from conftest import RequestLog, SiteServer
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

DEPTH = 3000


def nested(depth: int) -> str:
    """'[[[...]]]', `depth` lists deep."""
    return "[" * depth + "]" * depth


def share_link_fragment(text: str) -> str:
    """What a share link carries after '#offers=': the text, compressed, in URL-safe base64."""
    packed = base64.urlsafe_b64encode(zlib.compress(text.encode(), 9)).decode()
    return "v1." + packed.rstrip("=")


def test_deeply_nested_input_is_refused_and_the_engine_keeps_working(
    page: Page, site_server: SiteServer, request_log: RequestLog, tmp_path: Path
) -> None:
    url = site_server.url_for("calculator/") + "#offers=" + share_link_fragment(nested(DEPTH))
    open_calculator(page, url)
    expect(tools_message(page)).to_contain_text("The link's offers could not be read")
    expect(tools_message(page)).to_contain_text("nest more than 10 deep")

    deep_file = tmp_path / "deep.json"
    deep_file.write_text(nested(DEPTH), encoding="utf-8")
    import_file(page, str(deep_file))
    expect(tools_message(page)).to_contain_text("Not imported, nothing was changed: deep.json")
    expect(tools_message(page)).to_contain_text("nest more than 10 deep")

    # A file far over the size limit: the page reads no more of it than the engine would.
    huge_file = tmp_path / "huge.json"
    with huge_file.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB of zeros
    import_file(page, str(huge_file))
    expect(tools_message(page)).to_contain_text(
        "Not imported, nothing was changed: huge.json: the file is larger than 1 MiB "
        "(1,048,576 bytes), the most offereval reads"
    )

    # The same engine still computes: the framework's totals, 200000 + 100000 + 30000 + 25000.
    load_example(page)
    assert table_rows(page, "totals")[0][-1] == "355,000"
    request_log.assert_same_origin(site_server.origin)
