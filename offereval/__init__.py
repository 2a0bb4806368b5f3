"""offereval: compare job offers by what they are really worth and by what matters to you."""

from offereval import _content as content

__all__ = ["content"]
__version__ = "1.0.0"
