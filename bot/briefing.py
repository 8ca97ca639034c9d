"""From stored articles to digests and to neutral Replies (no platform knowledge here)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.reply import Bullets, Heading, Paragraph, Reply, Span
from bot.store.models import StoredArticle
from summarizer.analysis import Analysis
from summarizer.digest import Digest, DigestItem, build_digest
from summarizer.language import language_name


def digest_item(row: StoredArticle) -> DigestItem:
    analysis = Analysis.from_json(row.analysis)
    return DigestItem(
        id=row.id,
        headline=row.headline,
        summary=analysis.summary,
        source=source_label(row),
        url=row.url,
        when=row.published or row.ingested_at,
        topics=analysis.topics,
        body=row.body,
        language=analysis.language,
    )


def source_label(row: StoredArticle) -> str:
    """A short human name for where a story came from: the site for URLs, the file name for files."""
    if row.url:
        host = row.url.split("://", 1)[-1].split("/", 1)[0]
        return host.removeprefix("www.")
    return row.source.replace("\\", "/").rsplit("/", 1)[-1] or row.source


def make_digest(
    rows: Sequence[StoredArticle], *, max_items: int, max_chars: int, since: datetime | None = None
) -> Digest:
    return build_digest((digest_item(r) for r in rows), max_items=max_items, max_chars=max_chars, since=since)


def fmt_when(when: datetime) -> str:
    return when.strftime("%d %b %Y %H:%M UTC")


def digest_reply(digest: Digest, *, title: str = "Your briefing") -> Reply:
    """A digest as sections of items: headline (linked when there is a URL), summary, source."""
    if digest.empty:
        return Reply.text("No stories yet. Add articles to the sources folder or run `briefbot ingest`.")
    count = len(digest.items)
    blocks: list = [Heading(title, level=1)]
    subtitle = f"{count} {'story' if count == 1 else 'stories'}"
    if digest.since is not None:
        subtitle += f" since {fmt_when(digest.since)}"
    if digest.omitted:
        subtitle += f", {digest.omitted} more not shown"
    blocks.append(Paragraph((Span(subtitle, italic=True),)))
    for section in digest.sections:
        blocks.append(Heading(section.label, level=2))
        for item in section.items:
            blocks.extend(item_blocks(item))
    fallback = f"{title}: {count} {'story' if count == 1 else 'stories'}: " + "; ".join(
        i.headline for i in digest.items[:3]
    )
    return Reply(tuple(blocks), fallback=fallback[:300])


def item_blocks(item: DigestItem) -> list:
    headline = Span(item.headline, bold=True, link=item.url if _is_http(item.url) else None)
    source = item.source + (f" (also: {', '.join(item.also)})" if item.also else "")
    blocks: list = [Paragraph((headline,))]
    if item.summary:
        blocks.append(Bullets(tuple((Span(s),) for s in item.summary)))
    meta = f"Source: {source}"
    if item.topics:
        meta += " · Topics: " + ", ".join(t.label for t in item.topics)
    if item.language != "en":
        meta += f" · not analysed: {language_name(item.language)}"
    blocks.append(Paragraph((Span(meta, italic=True),)))
    return blocks


def _is_http(url: str | None) -> bool:
    return bool(url) and url.lower().startswith(("http://", "https://"))
