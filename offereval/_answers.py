"""What offereval.bridge answers, as types: every key the calculator's worker and page read.

Each bridge function returns the JSON text of one of these. ``sitebuild.jstypes`` writes them
out as TypeScript (site_src/js/page/contract.d.ts), which the page's code is checked against:
a key renamed here fails mypy in the bridge and tsc in the page, not a user.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict

from offereval._contract import ProblemView, View


class Refusal(TypedDict):
    """The answer to input the engine refuses: every problem at once."""

    ok: Literal[False]
    problems: list[ProblemView]


class EvaluateRefusal(Refusal):
    """The form's document refused (a problem outside any offer, or no offer complete yet),
    with how its typed numbers were read and the values that look like slips, as in
    EvaluateAnswer."""

    readings: dict[str, str]
    questions: list[ProblemView]
    rate_fields: list[Choice]  # the exchange rates to ask for (bridge.evaluate)


# What a field of the form holds, and so which control shows it (site_src/js/page/form-blocks.js):
# "ratings", "growth" and "flags" are shown by their own parts of the form.
type FieldKind = Literal[
    "text",
    "money",
    "number",
    "integer",
    "ratio",
    "percent",
    "percent_list",
    "select",
    "boolean",
    "location",  # a place's code, typed or picked from the places (place-fields.js)
    "currency",  # an ISO 4217 code, typed or picked from the currencies
    "ratings",
    "growth",
    "flags",
]


class Choice(TypedDict):
    value: str
    label: str


class RegionEntry(TypedDict):
    """A region of a country whose taxes offereval computes, with its city taxes."""

    code: str  # ISO 3166-2, the value the offers file holds: "US-CA"
    name: str
    label: str  # "California (US-CA)", as the location picker lists it
    locals: list[Choice]  # city income taxes: NYC in US-NY


class CountryEntry(TypedDict):
    """A country a location can be in, its currency, and its regions where they matter."""

    code: str
    name: str
    label: str  # "Germany (DE)"
    currency: str  # ISO 4217: the offer's currency unless it says otherwise
    regions: list[RegionEntry]  # empty where a country's code is the location


class FieldEntry(TypedDict):
    """One key of an offer, as the form shows it."""

    key: str
    label: str  # the name alone, as sentences use it
    full_label: str  # the name and its unit, as the form shows it: "Base salary (a year)"
    unit: str  # "a year", "% of target", "months", or ""
    kind: FieldKind
    section: str
    help: str
    default: Any
    required: bool
    minimum: float | None
    maximum: float | None
    choices: list[Choice]


class FactorEntry(TypedDict):
    id: str
    name: str
    weight: int  # in percent
    questions: str


class GrowthAreaEntry(TypedDict):
    id: str
    name: str
    high: str
    medium: str
    low: str


class RedFlagEntry(TypedDict):
    id: str
    category: str
    text: str


class FlagCategoryEntry(TypedDict):
    id: str
    name: str


class Limits(TypedDict):
    """What the engine reads at most, so that the page reads no more of a file or a link."""

    file_bytes: int
    link_chars: int
    depth: int
    offers: int
    entries: int
    text_chars: int


class FormAnswer(TypedDict):
    """What the calculator's form is built from (bridge.form; data/calculator.json)."""

    ok: Literal[True]
    offer_fields: list[FieldEntry]
    document_fields: list[str]
    factors: list[FactorEntry]
    growth_areas: list[GrowthAreaEntry]
    growth_levels: list[str]
    red_flags: list[RedFlagEntry]
    flag_categories: list[FlagCategoryEntry]
    limits: Limits
    places: list[CountryEntry]  # the location picker's countries, then regions
    currencies: list[Choice]  # ISO 4217 codes with their names
    tax_settings: list[FieldEntry]  # the document's home_currency, tax_year, filing_status


class EvaluateAnswer(TypedDict):
    """An evaluation: the command line's JSON result, the view the page renders, the problems
    of offers set aside until complete, how typed numbers were read (path -> "read as
    200,000", only where that differs from the text), and questions about values that look
    like slips."""

    ok: Literal[True]
    result: dict[str, Any]
    view: View
    problems: list[ProblemView]
    readings: dict[str, str]
    questions: list[ProblemView]
    rate_fields: list[Choice]  # one per exchange rate to ask for: "Value of 1 GBP in USD"


class LoadAnswer(TypedDict):
    """An offers file read in full: the document in the file's own form."""

    ok: Literal[True]
    document: dict[str, Any]


class DumpAnswer(TypedDict):
    """The text of an offers file, for export."""

    ok: Literal[True]
    text: str


class FragmentAnswer(TypedDict):
    """The offers packed for a share link's #fragment."""

    ok: Literal[True]
    fragment: str


class Answers(TypedDict):
    """What each action of the calculator's worker (engine-worker.js) resolves with."""

    evaluate: EvaluateAnswer | EvaluateRefusal
    load: LoadAnswer | Refusal
    dump: DumpAnswer | Refusal
    toFragment: FragmentAnswer | Refusal
    fromFragment: LoadAnswer | Refusal
