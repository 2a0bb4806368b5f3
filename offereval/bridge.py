"""The browser's door into the engine: JSON text in, JSON text out.

The Web Worker calls these functions through Pyodide. Strings cross the bridge rather than
converted objects, so the page never depends on how Pyodide maps Python values to JavaScript.
"""

from __future__ import annotations

import json

from offereval import _content


def framework() -> str:
    """The framework's items (factors, weights, rubric, flags, questions, steps) as JSON."""
    return json.dumps(_content.as_dict())
