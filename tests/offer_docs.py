"""Small builders for offers documents, so each table row states only what it is about."""

from __future__ import annotations

import copy
import datetime
from typing import Any

from offereval import OfferSet, evaluate
from offereval._compensation import Compensation, compensation
from offereval._decision import Evaluation

# A fixed moment, so that no test depends on the clock.
NOW = datetime.datetime(2026, 11, 25, 12, 0, tzinfo=datetime.UTC)

# The framework's two example offers, exactly as its text gives them.
BIGTECH: dict[str, Any] = {
    "company": "BigTech Inc",
    "base_salary": 200000,
    "equity_grant": 400000,
    "vesting_years": 4,
    "company_stage": "public",
    "target_bonus": 30000,
    "bonus_payout_history": 1.0,
    "signing_bonus": 50000,
}
GROWTH_STARTUP: dict[str, Any] = {
    "company": "GrowthStartup",
    "base_salary": 180000,
    "equity_grant": 600000,
    "vesting_years": 4,
    "company_stage": "late_stage_private",
    "target_bonus": 20000,
    "bonus_payout_history": 0.8,
    "signing_bonus": 30000,
}

ALL_RATINGS_3 = {
    "compensation": 3,
    "career_growth": 3,
    "team_manager": 3,
    "work_life_balance": 3,
    "mission_product": 3,
    "stability": 3,
}


def offer(**keys: Any) -> dict[str, Any]:
    """A minimal valid offer (company A, public, base 100,000) with ``keys`` on top."""
    return {"company": "A", "base_salary": 100000, "company_stage": "public", **keys}


def framework_document(**top: Any) -> dict[str, Any]:
    """The framework's two offers as an offers document, with top-level keys added."""
    return {"offers": [copy.deepcopy(BIGTECH), copy.deepcopy(GROWTH_STARTUP)], **top}


def document(*offers: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {"offers": [copy.deepcopy(o) for o in offers], **top}


def run(data: dict[str, Any], now: datetime.datetime = NOW) -> Evaluation:
    """Validate and evaluate a document, as the command line and the browser do."""
    return evaluate(OfferSet.from_dict(data), now)


def pay_of(offer_keys: dict[str, Any], assumptions: dict[str, Any] | None = None) -> Compensation:
    """The computed pay of one offer, read through the same validation as a file."""
    data: dict[str, Any] = {"offers": [offer_keys]}
    if assumptions:
        data["assumptions"] = assumptions
    offer_set = OfferSet.from_dict(data)
    return compensation(offer_set.offers[0], offer_set.assumptions)
