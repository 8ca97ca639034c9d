"""Sentence rankers of our own, written as sumy summarizers."""

from summarizer.rankers.news import NewsRankSummarizer, RankParams

__all__ = ["NewsRankSummarizer", "RankParams"]
