"""MkDocs hook: fills the site's pages with the framework's items from `offereval.content`.

Every page's markdown is a Jinja template rendered before MkDocs converts it to HTML, so prose is
written in the page while each factor, weight, question, rubric line, red flag and decision step
comes from the package's data: the site, the checklists and the engine can never disagree.
Running here, in a hook, means `mkdocs serve` shows exactly what `build.py` publishes.

In a page:
    {{ value }}              any value, escaped for markdown and HTML
    {% for flag in ... %}    loops over the data below (see `_context`)
    {{ checklist("red_flags") }}  a printable checklist (see `checklist_markup`)
"""

from __future__ import annotations

import re
from typing import Any

import jinja2
import markupsafe
from checklist_markup import checklist  # sibling file; MkDocs puts hooks/ on sys.path
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from offereval import content

# Characters that Python-Markdown would read as syntax ("[next level]" would become a link
# reference); `<` and `&` are already HTML-escaped by the time this runs.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_\[\]{}|])")


def _finalize(value: object) -> object:
    """Make a data value safe to drop into markdown: HTML-escaped, then markdown-escaped.

    Markup (the checklist HTML) is already safe and passes through unchanged.
    """
    if isinstance(value, markupsafe.Markup):
        return value
    escaped = str(markupsafe.escape(value))
    return markupsafe.Markup(_MARKDOWN_SYNTAX.sub(r"\\\1", escaped))


def percent(share: float) -> str:
    """Format a share such as 0.6 as "60%" (the way the framework states its factors)."""
    return f"{round(share * 100, 6):g}%"


def _context() -> dict[str, Any]:
    """Everything a page may use: the framework as plain data, red flags grouped by category."""
    flag_categories = [
        {
            "id": category.id,
            "name": category.name,
            "flags": [flag for flag in content.RED_FLAGS if flag.category == category.id],
        }
        for category in content.FLAG_CATEGORIES
    ]
    return {
        **content.as_dict(),
        "flag_categories": flag_categories,
        "stage_factors": content.default_stage_factors(),
        "checklist": checklist,
    }


_ENVIRONMENT = jinja2.Environment(
    autoescape=True,
    finalize=_finalize,
    undefined=jinja2.StrictUndefined,  # a misspelt name fails the build instead of vanishing
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_ENVIRONMENT.filters["percent"] = percent


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    """Render the page's markdown as a template over the framework's data."""
    try:
        template = _ENVIRONMENT.from_string(markdown)
        return template.render(_context())
    except jinja2.TemplateError as error:
        line = getattr(error, "lineno", None)
        where = f"{page.file.src_uri}:{line}" if line else page.file.src_uri
        raise PluginError(f"{where}: {error}") from error
