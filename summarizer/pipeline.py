"""One article in, its full Analysis out: summary, people and delegations, topics. Runs once at ingest.

The language comes first: the summary uses sumy's stemmer and stop words for it, and people and topics
are English rules, so another language gets a summary only (and the digest says it was not analysed)
rather than stop words as topics ("des", "der, von").
"""

from __future__ import annotations

import logging

from summarizer.analysis import Analysis
from summarizer.article import Article, analysis_prefix
from summarizer.language import ENGLISH, detect_language, language_name, sumy_language
from summarizer.people import extract_people
from summarizer.summarize import LANGUAGE, summarize
from summarizer.topics import article_topics

log = logging.getLogger(__name__)


def analyse_article(article: Article, *, algorithm: str = "default", sentences: int = 3) -> Analysis:
    """The analysis of the article's first ANALYSIS_MAX_CHARS characters (all of any news story)."""
    article = analysis_prefix(article)
    language = detect_language(f"{article.headline}\n{article.body}")
    summary = tuple(summarize(article.body, algorithm, sentences, sumy_language(language) or LANGUAGE))
    if language != ENGLISH:
        log.info("%s article: summary only, people and topics not analysed", language_name(language))
        return Analysis(summary=summary, language=language)
    people = extract_people(article)
    return Analysis(
        summary=summary,
        people=people.people,
        delegations=people.delegations,
        topics=tuple(article_topics(article, language=language, people=[p.name for p in people.people])),
    )
