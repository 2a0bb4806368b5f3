"""Property: whatever text an offers file holds, the command line's output is safe to print."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st
from offer_strategies import modest

from offereval import OfferSet, build_view, evaluate
from offereval._cli import render_text
from offereval._printable import escaped, json_text

# Any code point, lone surrogates and controls included.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=20)
# A company's name is read without surrounding spaces: names as they are kept.
NAMES = ANY_TEXT.filter(lambda s: s.strip() == s)
# What a terminal would act on, what forges a line, what reorders text, what UTF-8 cannot hold.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def two_offers(company: str, notes: str) -> OfferSet:
    offers = [
        {"company": company, "base_salary": 1, "company_stage": "public", "notes": notes},
        {"company": company + "2", "base_salary": 2, "company_stage": "early_stage"},
    ]
    return OfferSet.from_dict({"offers": offers, "decision": {"choice": company + "2"}})


@modest
@given(NAMES, ANY_TEXT)
def test_the_text_output_is_printable_utf8(company: str, notes: str) -> None:
    """Rule: no control character, bidirectional control or lone surrogate reaches the terminal,
    and every line of output is a line the program wrote (none comes from a name)."""
    evaluation = evaluate(two_offers(company, notes))
    text = render_text(build_view(evaluation))
    assert not UNSAFE.search(text.replace("\n", ""))
    text.encode("utf-8")  # strict: raises on a lone surrogate
    assert escaped(company) in text


@modest
@given(NAMES, ANY_TEXT)
def test_the_json_output_is_utf8_and_reads_back(company: str, notes: str) -> None:
    """Rule: --json is valid UTF-8 with nothing unsafe in it, and reads back as the same data."""
    data = evaluate(two_offers(company, notes)).to_dict()
    text = json_text(data, indent=2)
    assert not UNSAFE.search(text.replace("\n", ""))
    text.encode("utf-8")
    assert json.loads(text) == data
