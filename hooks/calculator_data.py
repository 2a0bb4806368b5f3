"""MkDocs hook: adds data/calculator.json, what the calculator page builds its form from.

The page shows the form, built from offereval.bridge.form(), and can load the framework's
example before Python has started in the worker. The file is generated here, in a hook, so that
`mkdocs serve` serves it exactly as the published site does.
"""

from __future__ import annotations

import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from offereval import bridge

CALCULATOR_DATA = "data/calculator.json"


def calculator_data() -> str:
    """bridge.form(), framework() and example() as one JSON document."""
    form = json.loads(bridge.form())
    if not form.pop("ok", False):
        raise PluginError(f"offereval.bridge.form() refused: {form}")
    data = {
        "form": form,
        "framework": json.loads(bridge.framework()),
        "example": json.loads(bridge.example()),
    }
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


def on_files(files: Files, config: MkDocsConfig, **_: object) -> Files:
    files.append(File.generated(config, CALCULATOR_DATA, content=calculator_data()))
    return files
