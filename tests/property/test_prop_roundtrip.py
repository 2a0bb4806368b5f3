"""Properties: what offereval writes, it (and other readers) read back unchanged."""

from __future__ import annotations

import json
from typing import Any

import yaml
from hypothesis import given
from offer_strategies import comparable_json, modest, offer_sets

from offereval import OfferSet, bridge, dump_text, load_text
from offereval._yaml import dumps, loads


@modest
@given(offer_sets())
def test_from_dict_of_to_dict_is_the_same(data: dict[str, Any]) -> None:
    """Rule: OfferSet.from_dict(x.to_dict()) == x."""
    x = OfferSet.from_dict(data)
    assert OfferSet.from_dict(x.to_dict()) == x


@modest
@given(offer_sets())
def test_json_and_yaml_files_round_trip(data: dict[str, Any]) -> None:
    """Rule: load_text(dump_text(x, fmt)) == x for JSON and YAML, and the reference readers
    (json, PyYAML) read the same document from the text."""
    x = OfferSet.from_dict(data)
    for fmt, reference in (("json", json.loads), ("yaml", yaml.safe_load)):
        text = dump_text(x, fmt)
        assert load_text(text, f"offers.{fmt}") == x
        assert reference(text) == x.to_dict()


@modest
@given(comparable_json)
def test_yaml_dumps_round_trips_any_json_data(value: Any) -> None:
    """Rule: loads(dumps(v)) == v, and PyYAML reads what dumps writes identically."""
    document = {"value": value}
    text = dumps(document)
    assert loads(text) == document
    assert yaml.safe_load(text) == document


@modest
@given(offer_sets())
def test_share_link_fragment_round_trips(data: dict[str, Any]) -> None:
    """Rule: from_fragment(to_fragment(d)) gives back the document d."""
    packed = json.loads(bridge.to_fragment(json.dumps(data)))
    assert packed["ok"]
    unpacked = json.loads(bridge.from_fragment(packed["fragment"]))
    assert unpacked["ok"]
    assert OfferSet.from_dict(unpacked["document"]) == OfferSet.from_dict(data)
