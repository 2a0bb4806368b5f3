"""The build's one exception."""

from __future__ import annotations


class BuildError(Exception):
    """Raised by any build stage that cannot produce a correct site."""
