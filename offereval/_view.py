"""An evaluation laid out for people: the verdict, summary cards, tables, chart bars and
messages, every number formatted.

The command line prints the view as text and the browser renders it as HTML, so both show the
same figures in the same words, and no number is computed or formatted twice. Tables come from
offereval._tables (each says how to read it on a phone: offereval._layout), charts from
offereval._charts, summary cards from offereval._summary.
"""

from __future__ import annotations

from offereval import _format as fmt
from offereval._call_view import dealbreaker_check
from offereval._charts import charts
from offereval._contract import DecisionView, Message, View
from offereval._decision import Evaluation
from offereval._summary import summary_cards
from offereval._tables import detail_tables


def build_view(evaluation: Evaluation) -> View:
    """Everything the results show, in the order they are read, every figure formatted.

    - ``verdict``: ``{"sentences": [...], "text"}``, one to three sentences, shown first;
    - ``incomplete``: offers set aside until complete, each ``{"path", "label", "text",
      "needs", "to_check", "problems"}``, shown next to the verdict;
    - ``questions``: ``{"path", "message"}`` about values read anyway (under their fields);
    - ``summary``: one card per evaluated offer (see ``offereval._summary.summary_cards``);
    - ``tables``, ``charts``, ``messages`` and ``decision``: the details.
    """
    return {
        "verdict": {
            "sentences": list(evaluation.verdict.sentences),
            "text": " ".join(evaluation.verdict.sentences),
        },
        "incomplete": [o.to_dict() for o in evaluation.incomplete],
        "questions": [q.to_dict() for q in evaluation.questions],
        "summary": summary_cards(evaluation),
        "tables": detail_tables(evaluation),
        "charts": charts(evaluation),
        "messages": [Message(kind="info", text=n) for n in evaluation.notes]
        + _warnings(evaluation),
        "decision": _decision(evaluation),
        "dealbreaker_check": dealbreaker_check(evaluation),
    }


def _decision(evaluation: Evaluation) -> DecisionView:
    """Steps 4 and 5: ``status`` (the stage), ``text``, and for the Commit button whether it
    needs a second confirmation (``needs_confirmation``), the framework's ``advice`` to show
    with it, and ``hours_left`` before the 24-hour mark, in words."""
    status = evaluation.decision
    return {
        "status": status.stage,
        "text": status.text,
        "needs_confirmation": status.needs_confirmation,
        "advice": status.advice,
        "hours_left": fmt.hours(status.hours_left) if status.hours_left is not None else None,
    }


def _warnings(evaluation: Evaluation) -> list[Message]:
    warnings = []
    for offer in evaluation.offer_set.offers:
        flags = evaluation.offer_set.red_flags_of(offer)
        if offer.cliff_months > 12 and "long_cliff" not in flags:
            warnings.append(
                f"{offer.company}: its cliff of {offer.cliff_months} months is longer "
                f"than a year, which the red-flag list warns about."
            )
        if offer.company_stage == "early_stage" and (offer.equity_grant > 0 or offer.has_options):
            warnings.append(
                f"{offer.company}: early-stage equity is counted at "
                f"{fmt.factor(evaluation.offer_set.assumptions.stage_factor('early_stage'))}"
                " of its paper value; treat it as a lottery ticket."
            )
    return [{"kind": "warning", "text": w} for w in warnings]
