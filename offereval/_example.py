"""The example offers file: the framework's two offers, with ratings to show every step."""

from __future__ import annotations

import copy
from typing import Any

_EXAMPLE: dict[str, Any] = {
    "minimum_total_comp": 250000,
    "dealbreakers": ["recent_layoffs"],
    "offers": [
        {
            "company": "BigTech Inc",
            "base_salary": 200000,
            "equity_grant": 400000,  # RSUs
            "vesting_years": 4,
            "company_stage": "public",
            "target_bonus": 30000,  # 15%
            "bonus_payout_history": 1.0,  # always pays 100%
            "signing_bonus": 50000,
            "ratings": {
                "team_manager": 3,
                "work_life_balance": 3,
                "mission_product": 3,
                "stability": 5,
            },
            "growth": {
                "scope_of_role": "medium",
                "learning_opportunities": "medium",
                "promotion_path": "high",
                "exit_opportunities": "high",
            },
            "red_flags": ["no_refreshers"],
        },
        {
            "company": "GrowthStartup",
            "base_salary": 180000,
            "equity_grant": 600000,  # options at current valuation
            "vesting_years": 4,
            "company_stage": "late_stage_private",
            "target_bonus": 20000,  # 11%
            "bonus_payout_history": 0.8,  # sometimes misses target
            "signing_bonus": 30000,
            "ratings": {
                "team_manager": 5,
                "work_life_balance": 3,
                "mission_product": 5,
                "stability": 3,
            },
            "growth": {
                "scope_of_role": "high",
                "learning_opportunities": "high",
                "promotion_path": "medium",
                "exit_opportunities": "medium",
            },
            "red_flags": ["no_liquidity_path"],
        },
    ],
}


def example() -> dict[str, Any]:
    """A fresh copy of the example offers file, as plain data."""
    return copy.deepcopy(_EXAMPLE)
