"""Builders for source tests: real articles from ../shared/data/news wrapped as web pages, RSS and Atom."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from tests.shared_data import SHARED_DATA

SHARED_NEWS = SHARED_DATA / "news"
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_5c41b8c896ed471e.txt"

# Site furniture that must never reach an article.
NAV = "Home | World | Business | Sign in to your account"
FOOTER = "Copyright 2024 Example News Group. Terms of service. Cookie settings."
SCRIPT = "trackVisitor('analytics-beacon')"


@dataclass(frozen=True)
class Story:
    headline: str
    paragraphs: list[str]

    @property
    def teaser(self) -> str:
        """The first sentence-ish of the lead, as a feed teaser would carry."""
        return " ".join(self.paragraphs[0].split()[:25]) + " …"


def story(rel: str) -> Story:
    """A news file with a headline line (bbc/, reuters/): headline, then blank-line paragraphs."""
    text = (SHARED_NEWS / rel).read_text(encoding="utf-8")
    headline, _, rest = text.partition("\n\n")
    paras = [" ".join(p.split()) for p in rest.split("\n\n") if p.strip()]
    return Story(headline.strip(), paras)


def article_page(
    s: Story, *, author: str | None = None, date: str | None = None, site: str = "Example News"
) -> str:
    """A realistic article page: metadata in <head>, navigation, the story, a sidebar and a footer."""
    meta = []
    if author:
        meta.append(f'<meta name="author" content="{escape(author)}">')
    if date:
        meta.append(f'<meta property="article:published_time" content="{date}">')
    body = "\n".join(f"<p>{escape(p)}</p>" for p in s.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(s.headline)} | {site}</title>
<meta property="og:title" content="{escape(s.headline)}">
{"".join(meta)}
<script>{SCRIPT}</script><style>p {{ color: #333 }}</style>
</head><body>
<header><nav><a href="/">{NAV}</a></nav></header>
<main><article>
<h1>{escape(s.headline)}</h1>
{body}
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Celebrity chef opens restaurant</a></li>
<li><a href="/b">Weather warning for the weekend</a></li></ul></aside>
</main>
<footer><p>{FOOTER}</p></footer>
</body></html>"""


def entry_html(s: Story) -> str:
    """A story as feed-entry HTML: paragraphs, inline markup, entities, a script and a figure."""
    paras = [f"<p>{escape(p)}</p>" for p in s.paragraphs]
    paras.insert(
        1,
        f'<figure><img src="x.jpg"><figcaption>Photo caption</figcaption></figure><script>{SCRIPT}</script>',
    )
    paras[0] = paras[0].replace("<p>", "<p><em>", 1).replace("</p>", "</em></p>", 1)
    return "\n".join(paras)


def rss(items: list[dict[str, str]], *, title: str = "Example News") -> str:
    """RSS 2.0 with optional `content:encoded`; item keys: title, link, guid, description, content,
    author, pubDate."""
    out = []
    for it in items:
        parts = [f"<title>{escape(it['title'])}</title>"]
        if "link" in it:
            parts.append(f"<link>{escape(it['link'])}</link>")
        if "guid" in it:
            parts.append(f'<guid isPermaLink="false">{escape(it["guid"])}</guid>')
        if "description" in it:
            parts.append(f"<description>{escape(it['description'])}</description>")
        if "content" in it:
            parts.append(f"<content:encoded><![CDATA[{it['content']}]]></content:encoded>")
        if "author" in it:
            parts.append(f"<dc:creator>{escape(it['author'])}</dc:creator>")
        if "pubDate" in it:
            parts.append(f"<pubDate>{it['pubDate']}</pubDate>")
        out.append("<item>" + "".join(parts) + "</item>")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>{escape(title)}</title><link>http://example.org/</link>
<description>Test feed</description>
{"".join(out)}
</channel></rss>"""


def atom(entries: list[dict[str, str]], *, title: str = "Example Atom") -> str:
    """Atom 1.0; entry keys: id, title, link, updated, author, summary, content (HTML)."""
    out = []
    for e in entries:
        parts = [f"<id>{escape(e['id'])}</id>", f"<title>{escape(e['title'])}</title>"]
        if "link" in e:
            parts.append(f'<link rel="alternate" href="{escape(e["link"])}"/>')
        parts.append(f"<updated>{e.get('updated', '2024-03-01T12:00:00Z')}</updated>")
        if "author" in e:
            parts.append(f"<author><name>{escape(e['author'])}</name></author>")
        if "summary" in e:
            parts.append(f'<summary type="text">{escape(e["summary"])}</summary>')
        if "content" in e:
            parts.append(f'<content type="html">{escape(e["content"])}</content>')
        out.append("<entry>" + "".join(parts) + "</entry>")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>{escape(title)}</title><id>urn:example:feed</id><updated>2024-03-01T12:00:00Z</updated>
{"".join(out)}
</feed>"""
