"""offereval: compare job offers by what they are really worth and by what matters to you.

>>> from offereval import evaluate, load_text
>>> offers = load_text('{"offers": [{"company": "A", "base_salary": 100000, '
...                    '"company_stage": "public"}]}')
>>> evaluate(offers).offers[0].pay.annual.total
100000.0
"""

from offereval import _content as content
from offereval._compensation import annual_total, project_years
from offereval._decision import Evaluation, evaluate
from offereval._errors import InputError, Problem
from offereval._example import example
from offereval._files import dump_text, load_text
from offereval._model import Assumptions, Offer, OfferSet
from offereval._view import build_view

__all__ = [
    "Assumptions",
    "Evaluation",
    "InputError",
    "Offer",
    "OfferSet",
    "Problem",
    "annual_total",
    "build_view",
    "content",
    "dump_text",
    "evaluate",
    "example",
    "load_text",
    "project_years",
]
__version__ = "1.0.0"
