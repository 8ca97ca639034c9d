"""One article in, its full Analysis out: summary, people and delegations, topics. Runs once at ingest."""

from __future__ import annotations

from summarizer.analysis import Analysis
from summarizer.article import Article, analysis_prefix
from summarizer.people import extract_people
from summarizer.summarize import summarize
from summarizer.topics import article_topics


def analyse_article(article: Article, *, algorithm: str = "default", sentences: int = 3) -> Analysis:
    """The analysis of the article's first ANALYSIS_MAX_CHARS characters (all of any news story)."""
    article = analysis_prefix(article)
    people = extract_people(article)
    return Analysis(
        summary=tuple(summarize(article.body, algorithm, sentences)),
        people=people.people,
        delegations=people.delegations,
        topics=tuple(article_topics(article)),
    )
