"""The README documents the file format: every key the engine reads, and no key it does not."""

from __future__ import annotations

import pathlib
import re

import pytest

from offereval import _limits, content
from offereval._fields import OFFER_FIELDS
from offereval._model import DOCUMENT_KEYS

README = (pathlib.Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def table_keys(heading: str) -> list[str]:
    """The `key` in the first column of each row of the table under ``heading``."""
    section = README.split(heading + "\n", 1)[1].split("\n#", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)


def test_every_offer_key_is_documented() -> None:
    assert sorted(table_keys("### Offer keys")) == sorted(f.key for f in OFFER_FIELDS)


def test_every_top_level_key_is_documented() -> None:
    assert sorted(table_keys("### Top-level keys")) == sorted(DOCUMENT_KEYS)


@pytest.mark.parametrize(
    "ids",
    [
        [f.id for f in content.RED_FLAGS],
        [f.id for f in content.FACTORS],
        [a.id for a in content.GROWTH_AREAS],
        list(content.stage_ids()),
        ["stage_factors", "signing_tenure_years", "projection_years"],
        ["choice", "decided_at", "committed", "committed_at", "early_commit_confirmed"],
    ],
    ids=["red flags", "factors", "growth areas", "stages", "assumptions", "decision"],
)
def test_every_nested_id_is_documented(ids: list[str]) -> None:
    missing = [i for i in ids if f"`{i}`" not in README]
    assert not missing


def test_the_limits_table_gives_the_engines_limits() -> None:
    section = README.split("### Limits\n", 1)[1].split("\n#", 1)[0]
    rows = dict(re.findall(r"^\| (.+?) \| (.+?) \|$", section, flags=re.MULTILINE))
    assert rows["a file, or standard input"] == (
        f"{_limits.MAX_FILE_BYTES // 2**20} MiB ({_limits.MAX_FILE_BYTES:,} bytes)"
    )
    assert rows["a share link's `#offers=` fragment"] == (
        f"{_limits.MAX_LINK_CHARS:,} characters, unpacking to {_limits.MAX_FILE_BYTES // 2**20} MiB"
    )
    assert rows["lists and mappings inside each other"].startswith(f"{_limits.MAX_DEPTH} deep")
    assert rows["offers"] == str(_limits.MAX_OFFERS)
    assert rows["entries in any other list or mapping"] == str(_limits.MAX_ENTRIES)
    assert rows["characters in any text or key (a name, notes)"] == f"{_limits.MAX_TEXT_CHARS:,}"
