"""One list of algorithm names, one factory per ranking algorithm, and sumy used through its public API."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sumy.summarizers import AbstractSummarizer

from summarizer.algorithms import ALGORITHMS, Algorithm
from summarizer.rankers.news import NewsRankSummarizer
from summarizer.summarize import SUMMARIZERS, get_summarizer, summarize

PACKAGE = Path(__file__).resolve().parents[2] / "summarizer"
STORY = (
    "The city council approved a new budget for the public library system on Monday night. "
    "Library hours will be extended on weekends across all twelve branches from next month. "
    "The mayor said the budget would also fund new books and computers for children. "
    "Critics said the council should have spent the money on road repairs instead. "
    "The budget passed by seven votes to two after a debate that lasted four hours."
)


def test_every_ranking_algorithm_has_a_factory_and_lead_needs_none() -> None:
    assert set(SUMMARIZERS) == set(Algorithm) - {Algorithm.LEAD}
    assert tuple(Algorithm) == ALGORITHMS


@pytest.mark.parametrize("algorithm", sorted(SUMMARIZERS))
def test_each_factory_builds_one_reusable_sumy_summarizer(algorithm: Algorithm) -> None:
    ranker = get_summarizer(algorithm)
    assert isinstance(ranker, AbstractSummarizer)
    assert get_summarizer(str(algorithm)) is ranker  # the name as settings hold it: the same object
    assert get_summarizer(algorithm, "german") is not ranker  # another language, another stemmer


def test_default_is_newsrank() -> None:
    assert isinstance(get_summarizer(Algorithm.DEFAULT), NewsRankSummarizer)


@pytest.mark.parametrize("name", ["lead", "bert"])
def test_no_sumy_summarizer_for_lead_or_an_unknown_name(name: str) -> None:
    with pytest.raises(ValueError, match=repr(name)):
        get_summarizer(name)


def test_names_are_read_in_any_case_and_as_enum_members() -> None:
    by_member = summarize(STORY, Algorithm.LEXRANK, 2)
    assert len(by_member) == 2
    assert summarize(STORY, " LexRank ", 2) == by_member == summarize(STORY, "lexrank", 2)


def _imported_modules(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
    return names


def test_sumy_is_used_through_its_public_modules_only() -> None:
    private = {
        f"{path.relative_to(PACKAGE)}: {module}"
        for path in PACKAGE.rglob("*.py")
        for module in _imported_modules(path)
        if module.split(".")[0] == "sumy" and any(part.startswith("_") for part in module.split("."))
    }
    assert not private
