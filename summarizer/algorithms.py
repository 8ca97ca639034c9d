"""The names of the summarization algorithms: the one list that summarize, settings and the CLI read.

Kept apart from summarizer.summarize (which loads sumy and numpy, about 1.5 s) so that the settings
check and `briefbot --help` can name the algorithms without loading a summarizer.
"""

from __future__ import annotations

from enum import StrEnum


class Algorithm(StrEnum):
    """A value of `summary_algorithm` and `briefbot summarize --algorithm`."""

    DEFAULT = "default"  # NewsRank (summarizer.rankers.news), measured in bench/rouge.py
    LEAD = "lead"  # the first sentences of the cleaned text
    LEXRANK = "lexrank"
    TEXTRANK = "textrank"
    LSA = "lsa"
    LUHN = "luhn"
    KL = "kl"
    SUMBASIC = "sumbasic"
    EDMUNDSON = "edmundson"
    REDUCTION = "reduction"


ALGORITHMS: tuple[Algorithm, ...] = tuple(Algorithm)

__all__ = ["ALGORITHMS", "Algorithm"]
