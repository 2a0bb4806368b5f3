"""The offers file as typed values: offers, assumptions, weights and the decision record.

Plain dicts come in (from JSON, YAML or the browser) and go out again through ``to_dict``;
everything in between works on these frozen dataclasses. ``OfferSet.from_dict`` checks the whole
input and raises one InputError listing every problem with its path.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from offereval import _content as content
from offereval import _format as fmt
from offereval import _limits
from offereval import _parse as parse
from offereval._calls import Call, OwnItem, framework_item_ids, read_calls, read_own_items
from offereval._errors import InputError, Problem
from offereval._fields import LOCATION_SECTION, MONEY_MAX, OFFER_FIELDS, Reader, Remarks, describe
from offereval._record import DecisionRecord, read_decision
from offereval._taxkeys import read_document_keys, read_offer_keys

_FIELDS_BY_KEY = {f.key: f for f in OFFER_FIELDS}
_FACTOR_IDS = tuple(f.id for f in content.FACTORS)
_GROWTH_IDS = tuple(a.id for a in content.GROWTH_AREAS)
_LEVELS = tuple(level for level, _ in content.GROWTH_LEVELS)
_FLAGS = content.flags_by_id()
_FLAG_IDS = tuple(_FLAGS)
# Mappings are read-only views, built once when a file is read: looked up by key, never copied.
_NO_NUMBERS: Mapping[str, float] = MappingProxyType({})
_NO_WORDS: Mapping[str, str] = MappingProxyType({})
DEFAULT_STAGE_FACTORS: Mapping[str, float] = MappingProxyType(content.default_stage_factors())
DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(content.default_weights())
DOCUMENT_KEYS = (
    "assumptions",
    "weights",
    "minimum_total_comp",
    "location_rule",
    "own_red_flags",
    "own_questions",
    "dealbreakers",
    "decision",
    "tax_year",
    "filing_status",
    "home_currency",
    "exchange_rates",
    "offers",
    "calls",
)
LOCATION_RULE_MAX = 200


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Offer:
    """One job offer, with everything the framework and the projection need."""

    company: str
    base_salary: float
    company_stage: str
    equity_grant: float = 0.0
    vesting_years: int = 4
    vesting_schedule: tuple[float, ...] | None = None
    cliff_months: int = 12
    target_bonus: float = 0.0
    bonus_payout_history: float = 1.0
    signing_bonus: float = 0.0
    refresher_grant: float = 0.0
    raise_percent: float = 0.0
    option_count: float = 0.0
    strike_price: float = 0.0
    share_price: float = 0.0
    benefits_value: float = 0.0
    location: str = ""
    local: str = ""
    currency: str = ""
    cost_of_living: float = 100.0
    tax_rate: float | None = None
    location_acceptable: bool = True
    current_job: bool = False
    ratings: Mapping[str, float] = _NO_NUMBERS  # factor id -> 1-5, in the framework's order
    growth: Mapping[str, str] = _NO_WORDS  # growth area id -> high, medium or low
    red_flags: tuple[str, ...] = ()
    notes: str = ""

    @property
    def has_options(self) -> bool:
        return self.option_count > 0

    @property
    def schedule(self) -> tuple[float, ...]:
        """Yearly vesting percentages; even when the offer gives none."""
        if self.vesting_schedule is not None:
            return self.vesting_schedule
        return (100.0 / self.vesting_years,) * self.vesting_years

    def rating(self, factor_id: str) -> float | None:
        return self.ratings.get(factor_id)

    @classmethod
    def _from_dict(
        cls,
        data: object,
        path: str,
        problems: list[Problem],
        flag_ids: tuple[str, ...],
        remarks: Remarks,
    ) -> Offer:
        """Read one offer, adding every problem found to ``problems``; ``flag_ids`` are the red
        flags it may name (the framework's and the reader's own)."""
        r = Reader(data, path, problems, remarks)
        first_problem = len(problems)
        r.reject_unknown(tuple(_FIELDS_BY_KEY))
        values: dict[str, Any] = {}
        for f in OFFER_FIELDS:
            if f.section == LOCATION_SECTION:
                continue
            if f.required and not r.required(f.key, _REQUIRED_HINTS.get(f.key, "")):
                values[f.key] = "" if f.kind == "text" else (f.choices[0][0] if f.choices else 0.0)
                continue
            if f.kind in _NUMBER_KINDS:
                base_at = r.at("base_salary")
                base_ok = all(p.path != base_at for p in problems[first_problem:])
                values[f.key] = r.number(
                    f.key,
                    f.default or 0.0,
                    0.0 if f.minimum is None else f.minimum,
                    f.maximum,
                    kind=_NUMBER_KINDS[f.kind],
                    percent_of=(
                        ("base salary", values["base_salary"] if base_ok else None)
                        if f.key == "target_bonus"
                        else None
                    ),
                )
            elif f.kind == "integer":
                assert f.minimum is not None and f.maximum is not None
                values[f.key] = r.integer(f.key, f.default, int(f.minimum), int(f.maximum))
            elif f.kind == "text":
                values[f.key] = r.text(f.key, f.default or "", non_empty=f.required)
            elif f.kind == "select":
                values[f.key] = r.choice(f.key, [v for v, _ in f.choices], f.choices[0][0])
            elif f.kind == "boolean":
                values[f.key] = r.boolean(f.key, f.default)
        _ask_about(r, values)
        # Only this offer's problems: a scan of every offer's would grow with the square of them.
        years_ok = all(p.path != r.at("vesting_years") for p in problems[first_problem:])
        values["vesting_schedule"] = _read_schedule(r, values["vesting_years"] if years_ok else 0)
        values["ratings"] = _read_ratings(r.mapping("ratings"))
        values["growth"] = _read_growth(r.mapping("growth"))
        values["red_flags"] = r.id_list("red_flags", flag_ids, "red flags")
        values.update(read_offer_keys(r))
        if values["option_count"] > 0:
            if values["equity_grant"] > 0:
                r.fail(
                    "option_count",
                    "an offer has either an equity grant (RSUs) or stock "
                    "options, not both; set equity_grant to 0 or remove option_count",
                )
            if not r.has("share_price"):
                r.fail("share_price", "is required when option_count is given")
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        """The offer as an offers file writes it: the framework's keys in the framework's
        order, then only the other keys that differ from their defaults."""
        out: dict[str, Any] = {key: _plain(getattr(self, key)) for key in FRAMEWORK_KEYS}
        for f in OFFER_FIELDS:
            value = getattr(self, f.key)
            # share_price is required with options, so it is written even when it is 0
            required = f.key == "share_price" and self.has_options
            if f.key in out or (not required and (value == f.default or _empty(value))):
                continue
            if f.key in ("ratings", "growth"):
                out[f.key] = {k: _plain(v) for k, v in value.items()}
            elif isinstance(value, tuple):
                out[f.key] = [_plain(x) for x in value]
            else:
                out[f.key] = _plain(value)
        return out


# How a typed number of each form field kind is read (offereval._parse).
_NUMBER_KINDS = {
    "money": parse.AMOUNT,
    "number": parse.COUNT,
    "ratio": parse.RATIO,
    "percent": parse.PERCENT,
}
_REQUIRED_HINTS = {
    "company_stage": "choose public, late_stage_private or early_stage; it decides how much of "
    "the equity counts",
}
IMPLAUSIBLE_YEARLY = 1000.0  # a yearly amount under this was probably typed without its "k"


def _ask_about(r: Reader, values: dict[str, Any]) -> None:
    """Questions about values that are read, and evaluated, but look like slips."""
    base = values["base_salary"]
    if 0 < base < IMPLAUSIBLE_YEARLY:
        r.ask(
            "base_salary",
            f"a yearly base salary of {fmt.amount(base)}? "
            f"Type {fmt.amount(base)}k for {fmt.amount(base * 1000)}.",
        )
    raise_percent = values["raise_percent"]
    if 0 < raise_percent < 1 and not r.typed_percent("raise_percent"):
        r.ask(
            "raise_percent",
            f"a yearly raise of {fmt.percent(raise_percent)}? The raise is in percent: "
            f"for {fmt.percent(raise_percent * 100)} a year, type {raise_percent * 100:g}.",
        )


# The keys of the framework's own example offers, in its order.
FRAMEWORK_KEYS = (
    "company",
    "base_salary",
    "equity_grant",
    "vesting_years",
    "company_stage",
    "target_bonus",
    "bonus_payout_history",
    "signing_bonus",
)


def _empty(value: object) -> bool:
    """Whether a value is one an offers file leaves out: none, or an empty list or mapping."""
    return value is None or (isinstance(value, tuple | Mapping) and not value)


def _plain(value: Any) -> Any:
    """Whole floats are written as integers, so files stay as people wrote them."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _read_schedule(r: Reader, vesting_years: int) -> tuple[float, ...] | None:
    """Yearly percentages: a list, or a text such as "5/15/40/40" or "25%" (one value is the
    same share every year)."""
    if not r.has("vesting_schedule"):
        return None
    typed = r.data["vesting_schedule"]
    text = typed.strip() if isinstance(typed, str) else None
    items = parse.split_list(text) if text is not None else r.sequence("vesting_schedule")
    found: list[Problem] = []
    entries = Reader(dict(enumerate(items)), r.at("vesting_schedule"), found, Remarks())
    values = tuple(
        entries.number(i, 0.0, 0.0, 100.0, kind=parse.PERCENT) for i in range(len(items))
    )
    if found:
        for problem in found:  # a typed list has one field: its problems name the item
            if text is None:
                r.problems.append(problem)
            else:
                item = items[int(problem.path.rsplit("[", 1)[1].rstrip("]"))]
                r.fail("vesting_schedule", f"{describe(item)} {problem.message}")
        return None
    if text is not None and len(values) == 1 and vesting_years > 1:
        values *= vesting_years
        if abs(sum(values) - 100.0) > 1e-6:
            r.fail(
                "vesting_schedule",
                f"{fmt.percent(values[0])} a year for {vesting_years} years is "
                f"{fmt.percent(sum(values))}; the schedule must sum to 100%",
            )
            return None
    if vesting_years and len(values) != vesting_years:
        r.fail(
            "vesting_schedule",
            f"must have one percentage per vesting year ({vesting_years}), got {len(values)}",
        )
        return None
    if abs(sum(values) - 100.0) > 1e-6:
        r.fail("vesting_schedule", f"percentages must sum to 100, got {_sum_text(sum(values))}")
        return None
    reading = ", ".join(fmt.percent(v) for v in values)
    if text is not None and reading != text:
        r.remarks.readings[r.at("vesting_schedule")] = f"read as {reading}"
    return values


def _read_ratings(r: Reader) -> Mapping[str, float]:
    r.reject_unknown(_FACTOR_IDS)
    return MappingProxyType(
        {
            factor_id: r.number(factor_id, 0.0, 1.0, 5.0, what="a rating from 1 to 5")
            for factor_id in _FACTOR_IDS
            if r.has(factor_id)
        }
    )


def _read_growth(r: Reader) -> Mapping[str, str]:
    r.reject_unknown(_GROWTH_IDS)
    return MappingProxyType(
        {area_id: r.choice(area_id, _LEVELS, "medium") for area_id in _GROWTH_IDS if r.has(area_id)}
    )


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Assumptions:
    """The framework's assumptions; each can be changed in the offers file."""

    stage_factors: Mapping[str, float] = DEFAULT_STAGE_FACTORS  # stage id -> share counted
    signing_tenure_years: float = float(content.DEFAULT_SIGNING_TENURE_YEARS)
    projection_years: int = content.DEFAULT_PROJECTION_YEARS

    def stage_factor(self, stage: str) -> float:
        return self.stage_factors[stage]

    @classmethod
    def _from_dict(cls, r: Reader) -> Assumptions:
        r.reject_unknown(("stage_factors", "signing_tenure_years", "projection_years"))
        factors = r.mapping("stage_factors")
        factors.reject_unknown(content.stage_ids())
        defaults = content.default_stage_factors()
        return cls(
            stage_factors=MappingProxyType(
                {
                    stage: factors.number(stage, default, 0.0, 1.0, kind=parse.RATIO)
                    for stage, default in defaults.items()
                }
            ),
            signing_tenure_years=r.number(
                "signing_tenure_years", float(content.DEFAULT_SIGNING_TENURE_YEARS), 0.25, 10.0
            ),
            projection_years=r.integer("projection_years", content.DEFAULT_PROJECTION_YEARS, 1, 10),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "stage_factors": {k: _plain(v) for k, v in self.stage_factors.items()},
            "signing_tenure_years": _plain(self.signing_tenure_years),
            "projection_years": self.projection_years,
        }


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class OfferSet:
    """Everything in one offers file: the offers and the person's own settings."""

    offers: tuple[Offer, ...]
    assumptions: Assumptions = Assumptions()
    weights: Mapping[str, float] = DEFAULT_WEIGHTS  # factor id -> percent, in the framework's order
    minimum_total_comp: float | None = None
    location_rule: str = ""
    own_red_flags: tuple[OwnItem, ...] = ()
    own_questions: tuple[OwnItem, ...] = ()
    dealbreakers: tuple[str, ...] = ()
    decision: DecisionRecord = dataclasses.field(default_factory=DecisionRecord)
    tax_year: int | None = None  # None: the latest year with data
    filing_status: str = "single"
    home_currency: str = ""
    exchange_rates: Mapping[str, float] = _NO_NUMBERS  # currency -> home units, by code
    calls: tuple[Call, ...] = ()

    def weight(self, factor_id: str) -> float:
        return self.weights[factor_id]

    def flag_text(self, flag_id: str) -> str:
        """A red flag's text, the framework's or the reader's own."""
        if flag_id in _FLAGS:
            return _FLAGS[flag_id].text
        return next(item.text for item in self.own_red_flags if item.id == flag_id)

    def is_own_flag(self, flag_id: str) -> bool:
        return flag_id not in _FLAGS

    def call_with(self, company: str) -> Call | None:
        return next((call for call in self.calls if call.company == company), None)

    def red_flags_of(self, offer: Offer) -> tuple[str, ...]:
        """The offer's red flags: those it lists, then those ticked on a call with its company."""
        call = self.call_with(offer.company)
        ticked = () if call is None else call.ticked
        own = {item.id for item in self.own_red_flags}
        heard = [f for f in ticked if (f in _FLAGS or f in own) and f not in offer.red_flags]
        return (*offer.red_flags, *heard)

    @classmethod
    def from_dict(cls, data: object) -> OfferSet:
        """Check a whole offers file; raise InputError with every problem, each with its path."""
        offer_set, problems, _ = cls.read(data)
        if problems:
            raise InputError(problems)
        return offer_set

    @classmethod
    def read(cls, data: object) -> tuple[OfferSet, list[Problem], Remarks]:
        """Read a whole offers file without raising: the document (with defaults in place of
        bad values), every problem, and how typed numbers were read.

        A document over offereval's limits (too many offers, too deep, text too long) or with a
        key given twice is refused first (InputError), before any offer is read.
        """
        _limits.check_document(data)
        problems: list[Problem] = []
        r = Reader(data, "", problems)
        r.reject_unknown(DOCUMENT_KEYS)
        own_flags = read_own_items(r, "own_red_flags", framework_item_ids())
        taken = (*framework_item_ids(), *(item.id for item in own_flags))
        own_questions = read_own_items(r, "own_questions", taken)
        flag_ids = (*_FLAG_IDS, *(item.id for item in own_flags))
        offers = _read_offers(r, flag_ids)
        weights = _read_weights(r.mapping("weights"))
        minimum = None
        if r.has("minimum_total_comp"):
            minimum = r.number("minimum_total_comp", 0.0, 0.0, MONEY_MAX, kind=parse.AMOUNT)
            if 0 < minimum < IMPLAUSIBLE_YEARLY:
                r.ask(
                    "minimum_total_comp",
                    f"a yearly minimum of {fmt.amount(minimum)}? "
                    f"Type {fmt.amount(minimum)}k for {fmt.amount(minimum * 1000)}.",
                )
        result = cls(
            offers=offers,
            assumptions=Assumptions._from_dict(r.mapping("assumptions")),
            weights=weights,
            minimum_total_comp=minimum,
            location_rule=_read_location_rule(r),
            own_red_flags=own_flags,
            own_questions=own_questions,
            dealbreakers=r.id_list("dealbreakers", flag_ids, "red flags"),
            decision=read_decision(r.mapping("decision"), [o.company for o in offers]),
            **read_document_keys(r, offers),
            calls=read_calls(r, (*taken, *(item.id for item in own_questions))),
        )
        return result, problems, r.remarks

    def to_dict(self) -> dict[str, Any]:
        """The offers file again; ``OfferSet.from_dict(x.to_dict()) == x``."""
        out: dict[str, Any] = {}
        if self.assumptions != Assumptions():
            out["assumptions"] = self.assumptions.to_dict()
        if self.weights != DEFAULT_WEIGHTS:
            out["weights"] = {k: _plain(v) for k, v in self.weights.items()}
        if self.minimum_total_comp is not None:
            out["minimum_total_comp"] = _plain(self.minimum_total_comp)
        if self.location_rule:
            out["location_rule"] = self.location_rule
        for key in ("own_red_flags", "own_questions"):
            if getattr(self, key):
                out[key] = [item.to_dict() for item in getattr(self, key)]
        if self.dealbreakers:
            out["dealbreakers"] = list(self.dealbreakers)
        if self.decision != DecisionRecord():
            out["decision"] = self.decision.to_dict()
        if self.tax_year is not None:
            out["tax_year"] = self.tax_year
        if self.filing_status != "single":
            out["filing_status"] = self.filing_status
        if self.home_currency:
            out["home_currency"] = self.home_currency
        if self.exchange_rates:
            out["exchange_rates"] = {k: _plain(v) for k, v in self.exchange_rates.items()}
        out["offers"] = [offer.to_dict() for offer in self.offers]
        if self.calls:
            out["calls"] = [call.to_dict() for call in self.calls]
        return out


def _read_location_rule(r: Reader) -> str:
    rule = r.text("location_rule").strip()
    if len(rule) > LOCATION_RULE_MAX:
        r.fail("location_rule", f"must be at most {LOCATION_RULE_MAX} characters, got {len(rule)}")
        return ""
    return rule


def _read_offers(r: Reader, flag_ids: tuple[str, ...]) -> tuple[Offer, ...]:
    if not r.required("offers"):
        return ()
    items = r.sequence("offers")
    if r.has("offers") and not items and isinstance(r.data["offers"], list):
        r.fail("offers", "must list at least one offer")
    offers = tuple(
        Offer._from_dict(item, r.at("offers") + f"[{i}]", r.problems, flag_ids, r.remarks)
        for i, item in enumerate(items)
    )
    current = [i for i, offer in enumerate(offers) if offer.current_job]
    for i in current[1:]:
        r.problems.append(
            Problem(
                f"offers[{i}].current_job",
                f"only one offer can be your current job, and offers[{current[0]}] already is",
            )
        )
    seen: dict[str, int] = {}
    for i, offer in enumerate(offers):
        if offer.company and offer.company in seen:
            r.problems.append(
                Problem(
                    f"offers[{i}].company",
                    f"repeats the company of offers[{seen[offer.company]}] "
                    f"({describe(offer.company)}); give each offer its own name",
                )
            )
        seen.setdefault(offer.company, i)
    return offers


def _read_weights(r: Reader) -> Mapping[str, float]:
    if not r.data:
        return DEFAULT_WEIGHTS
    r.reject_unknown(_FACTOR_IDS)
    missing = [f for f in _FACTOR_IDS if not r.has(f)]
    if missing:
        r.fail("", "must give a weight for every factor; missing: " + ", ".join(missing))
    weights = {f: r.number(f, 0.0, 0.0, 100.0, kind=parse.PERCENT) for f in _FACTOR_IDS}
    total = sum(weights.values())
    if not missing and abs(total - 100.0) > 1e-6:
        r.fail("", f"must sum to 100, got {_sum_text(total)}")
    return MappingProxyType(weights)


def _sum_text(total: float) -> str:
    """A sum that is not 100, with enough digits to show that it is not: 99.99999, never 100
    (the check allows 1e-6; ten significant digits show any larger difference)."""
    return f"{total:.10g}"
