"""The Chromium that the site's tests and browser scripts drive, and the flags it starts with.

Playwright cannot download its own browser here: `scripts/bootstrap --browser` installs
Debian's package, and OFFEREVAL_CHROMIUM names another Chromium or Chrome (GitHub's runners
have one preinstalled).
"""

from __future__ import annotations

import os

DEFAULT = "/usr/bin/chromium"
# --no-sandbox: Chromium's sandbox refuses to run as root (containers, CI). The others keep a
# machine without internet from waiting on Google's update, sync and field-trial servers.
# A headless browser shows no address bar, yet every new context renders the address bar's
# two pop-ups as WebUI pages in a renderer of their own: about 0.6 CPU-seconds per context,
# half of what a context costs that opens one page. Chromium merges this list with the one
# Playwright passes.
ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
)


def executable() -> str:
    """OFFEREVAL_CHROMIUM if set, else Debian's Chromium."""
    return os.environ.get("OFFEREVAL_CHROMIUM") or DEFAULT
