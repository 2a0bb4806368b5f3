"""The view the page renders, as types: every key the browser reads, in one place.

``offereval.bridge.evaluate`` answers with ``build_view``'s ``View`` as JSON; mypy checks that
the engine builds exactly these keys, and the page's JSDoc types mirror them. A renamed key
fails a check, not a user.
"""

from __future__ import annotations

from typing import Literal, TypedDict


class ProblemView(TypedDict):
    """A problem or a question, shown under the field its path names."""

    path: str
    message: str


class VerdictView(TypedDict):
    """One to three sentences, shown before anything else."""

    sentences: list[str]
    text: str


class IncompleteView(TypedDict):
    """An offer set aside until its fields are complete, shown next to the verdict."""

    index: int
    path: str  # offers[i]
    company: str
    label: str  # "Offer 2 (Acme)"
    needs: list[str]  # the labels of required fields not given yet
    to_check: list[str]  # the labels of fields whose values are refused
    text: str  # one sentence
    problems: list[ProblemView]


class Figure(TypedDict):
    label: str
    text: str


class AfterTaxView(TypedDict):
    """An offer's pay before and after tax, side by side, and its taxes (behind a disclosure)."""

    title: str  # "Before and after tax, in USD"
    place: str  # "California (US-CA)", or what stands for the tax: "your effective rate"
    columns: list[str]  # "", "Pre-tax", "After tax"
    rows: list[list[str]]  # "Annualized", then "First year": a label and two figures
    replaces: list[str]  # the labels of the card's figures that the rows show
    figures: list[Figure]  # take-home in the home currency, cost of living, purchasing power
    breakdown_title: str  # "Taxes on the annualized total"
    breakdown: list[Figure]  # each tax, then the total tax and its share of the pay
    note: str  # the rules applied, and where each tax's source is


class SummaryCard(TypedDict):
    """One evaluated offer at a glance."""

    company: str
    path: str  # the offer's place in the document the form sent: offers[i]
    current_job: bool
    state: Literal["ranked", "unscored", "eliminated"]
    status: str  # the state in words
    marks: list[str]  # "top score", "highest pay", "highest first-year pay", "your current job"
    figures: list[Figure]  # in the order to show them
    red_flags: list[str]
    after_tax: AfterTaxView | None  # when the offer's tax is known


class Row(TypedDict):
    cells: list[str]
    tags: list[str]  # for styles: "leader", "eliminated", "first-year", "score", ...


class Transposed(TypedDict):
    """A table turned a quarter: the offers as columns."""

    columns: list[str]
    align: list[str]
    rows: list[Row]
    column_tags: list[list[str]]  # the tags each column's offer had as a row


class Table(TypedDict):
    id: str
    caption: str
    columns: list[str]
    align: list[str]  # per column: "right" for figures, "left" for words
    rows: list[Row]
    note: str | None
    offers_as: Literal["rows", "columns", "none"]
    transposed: Transposed | None
    phone: Literal["table", "transposed", "cards"]  # how to show it 360 px wide


class Segment(TypedDict):
    part: str
    text: str
    percent: float  # the segment's width as a share of the chart's largest bar


class Bar(TypedDict):
    label: str
    total_text: str
    segments: list[Segment]


class LegendEntry(TypedDict):
    part: str
    label: str


class Chart(TypedDict):
    id: str
    title: str
    legend: list[LegendEntry]
    bars: list[Bar]


class Message(TypedDict):
    kind: Literal["info", "warning"]
    text: str


# Where the person is in steps 4 and 5 (offereval._decision.decision_status): no choice yet, a
# choice without its time, a time after now, sleeping on it (under 24 hours), ready to commit
# (24-48 hours), overdue (over 48), committed, committed early once confirmed, or marked as
# final early and not confirmed yet.
type DecisionStage = Literal[
    "undecided",
    "undated",
    "future",
    "sleeping",
    "ready",
    "overdue",
    "committed",
    "committed_early",
    "unconfirmed",
]


class DecisionView(TypedDict):
    """Steps 4 and 5, and what the Commit button needs."""

    status: DecisionStage
    text: str
    needs_confirmation: bool  # committing now comes before the 24-hour mark
    advice: str  # the framework's advice, shown with the second confirmation
    hours_left: str | None  # before the 24-hour mark, in words


class CheckedTotal(TypedDict):
    company: str
    total: str  # the annualized total, and whether it meets the minimum


class DealbreakerCheck(TypedDict):
    """What the printable dealbreaker check shows beside its items."""

    minimum_total_comp: float | None  # the value the texts were made from
    minimum: str | None
    offers: list[CheckedTotal]


class View(TypedDict):
    """Everything the results show, in the order they are read."""

    verdict: VerdictView
    incomplete: list[IncompleteView]
    questions: list[ProblemView]
    summary: list[SummaryCard]
    tables: list[Table]
    charts: list[Chart]
    messages: list[Message]
    decision: DecisionView
    dealbreaker_check: DealbreakerCheck
