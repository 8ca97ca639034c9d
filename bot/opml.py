"""OPML 2.0 subscription lists: read (with defusedxml: the file is untrusted, so no entity expansion, no
DTD, no external references) and written, for `briefbot sources import/export`."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # writing only: every file read goes through defusedxml
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

import defusedxml
import defusedxml.ElementTree as SafeET

from summarizer.sources.http import normalise_url


class OpmlError(ValueError):
    """The file is not an OPML subscription list briefbot can read; the message says why."""


@dataclass(frozen=True)
class OpmlFeed:
    url: str  # normalised (summarizer.sources.http.normalise_url)
    title: str


@dataclass(frozen=True)
class OpmlList:
    feeds: list[OpmlFeed]
    skipped: list[tuple[str, str]]  # (the outline's xmlUrl or text, why it was left out)


def read_opml(data: bytes) -> OpmlList:
    """The feeds of an OPML file: every <outline> with an xmlUrl, at any depth (folders are flattened),
    each URL once. Raises OpmlError for a file that is not well-formed XML, uses DTDs or entities, is not
    OPML or lists no feed; an outline whose xmlUrl is not an http(s) URL is skipped with its reason."""
    try:
        root = SafeET.fromstring(data)
    except ET.ParseError as exc:
        line, column = exc.position
        raise OpmlError(f"not well-formed XML (line {line}, column {column + 1})") from None
    except defusedxml.DefusedXmlException:
        raise OpmlError("refused: the file declares a DTD, entities or external references") from None
    if root.tag != "opml":
        raise OpmlError(f"not an OPML file: the root element is <{root.tag[:40]}>, not <opml>")
    body = root.find("body")
    if body is None:
        raise OpmlError("not an OPML file: no <body>")
    feeds: dict[str, OpmlFeed] = {}
    skipped: list[tuple[str, str]] = []
    for outline in body.iter("outline"):
        given = (outline.get("xmlUrl") or "").strip()
        if not given:
            continue  # a folder, or a link that is not a feed
        try:
            url = normalise_url(given)
        except ValueError as exc:
            skipped.append((given, str(exc)))
            continue
        title = (outline.get("title") or outline.get("text") or "").strip()
        feeds.setdefault(url, OpmlFeed(url, title))
    if not feeds:
        detail = f" ({len(skipped)} outlines with an unusable xmlUrl)" if skipped else ""
        raise OpmlError(f"no feeds in the file: no <outline> with an http(s) xmlUrl{detail}")
    return OpmlList(list(feeds.values()), skipped)


def write_opml(feeds: Sequence[OpmlFeed], *, title: str, now: datetime | None = None) -> str:
    """An OPML 2.0 document listing `feeds` (type "rss", text and title the feed's title)."""
    opml = ET.Element("opml", version="2.0")
    head = ET.SubElement(opml, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(now or datetime.now(UTC))
    body = ET.SubElement(opml, "body")
    for feed in feeds:
        name = feed.title or feed.url
        ET.SubElement(body, "outline", type="rss", text=name, title=name, xmlUrl=feed.url)
    ET.indent(opml)
    return ET.tostring(opml, encoding="unicode", xml_declaration=True) + "\n"
