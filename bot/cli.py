"""The `briefbot` command. Each sub-command is a small function; `briefbot --help` lists them all."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.logs import Redactor, escape_hazards, setup_logging
from bot.platforms.registry import PLATFORMS
from bot.render.common import one_line
from bot.render.text import terminal_safe
from bot.settings import Settings, SettingsError, load_settings, mask_url_password, validate_settings
from summarizer import ner
from summarizer.algorithms import ALGORITHMS

log = logging.getLogger("briefbot")

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


EXIT_HELP = """exit status: 0 done; 1 some input could not be read (listed); 2 usage, configuration, database
or network error (one line on stderr)."""


def _command(
    sub, name: str, summary: str, description: str, examples: Sequence[str]
) -> argparse.ArgumentParser:
    """A sub-command whose --help has a description and examples."""
    return sub.add_parser(
        name,
        help=summary,
        description=textwrap.fill(description, 100),
        epilog="examples:\n" + "\n".join(f"  {e}" for e in examples) + "\n\n" + EXIT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="briefbot",
        description="Turn a stream of news articles into briefing digests, in chat or in the terminal.",
        epilog=textwrap.fill(
            "Settings: config/default.toml, overridden by BRIEFBOT_* environment variables "
            "(see `briefbot config check`). `briefbot COMMAND --help` describes each command.",
            100,
        )
        + "\n\n"
        + EXIT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    s = _command(
        sub,
        "run",
        "ingest the sources, then serve every configured front end (Telegram, Slack; the "
        "console when no token is set) and the daily digests",
        "Migrate the database, ingest the configured sources, then serve: Telegram and/or Slack when "
        "their tokens are set, else this terminal; the HTTP server (Slack events, Telegram webhook, "
        "/healthz, /metrics) when one of them or BRIEFBOT_HTTP_PORT needs it; the daily digests. "
        "Stops on SIGTERM or Ctrl-C.",
        [
            "briefbot run",
            "TELEGRAM_BOT_TOKEN=123456789:AA... briefbot run",
            "BRIEFBOT_HTTP_PORT=8080 briefbot run    # + /healthz and /metrics",
        ],
    )
    s.set_defaults(func=cmd_run)

    s = _command(
        sub,
        "chat",
        "ingest the sources, then talk to briefbot in this terminal",
        "Ingest the configured sources, then answer commands typed here, whatever tokens are set: "
        "/brief (the digest), /who, /topics, /help. It opens with the number of stories and topics; "
        "Ctrl-D or `quit` ends it.",
        ["briefbot chat", "printf '/brief\\n/who Monaco\\n' | briefbot chat"],
    )
    s.set_defaults(func=cmd_chat)

    s = _command(
        sub,
        "config",
        "configuration: `briefbot config check` validates the settings and prints the "
        "effective configuration, secrets masked",
        "Work with the configuration (config/default.toml, a BRIEFBOT_CONFIG file, environment).",
        ["briefbot config check", "BRIEFBOT_TIMEZONE=Europe/Berlin briefbot config check --json"],
    )
    config_sub = s.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    c = _command(
        config_sub,
        "check",
        "validate and print the effective configuration",
        "Print every effective setting (secrets masked), say what is wrong with any of them, and "
        "connect to the database. Exit status 2 when something is wrong.",
        [
            "briefbot config check",
            "BRIEFBOT_DATABASE_URL=postgresql+psycopg://bot:pw@db/briefbot briefbot config check --json",
        ],
    )
    c.add_argument("--json", action="store_true", help="print JSON")
    c.set_defaults(func=cmd_config_check)

    s = _command(
        sub,
        "ingest",
        "read articles from folders, files, feeds or pages into the store",
        "Read articles from folders (recursively), files (.txt .md .html), RSS/Atom feeds and web pages, "
        "analyse each new one once and store it. Files that give no article (empty, binary, broken) are "
        "listed as skipped on every run; a path that does not exist, or a source that cannot be "
        "reached, is an error.",
        [
            "briefbot ingest seeds/",
            "briefbot ingest ../shared/data/news/reuters story.md",
            "briefbot ingest https://example.com/news/feed.xml",
        ],
    )
    s.add_argument("specs", nargs="+", metavar="PATH|URL")
    s.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        metavar="N",
        help="processes that analyse articles at once (default: the analysis_workers setting, whose 0 "
        "is one per core, at most 4; 1 analyses in this process)",
    )
    s.set_defaults(func=cmd_ingest)

    s = _command(
        sub,
        "digest",
        "print the digest of stored articles",
        "Print the digest of the stored stories, as /brief shows it in chat: the most important "
        "stories by topic, each with its summary.",
        ["briefbot digest", "briefbot digest --since 7d", "briefbot digest --since 2026-11-27 --format json"],
    )
    s.add_argument(
        "--since",
        metavar="WHEN",
        help="ISO date/time (2026-11-27, 2026-11-27T08:00) or an age (90m, 24h, 7d); "
        "default: the last 24 hours, else the latest stories",
    )
    s.add_argument("--format", choices=("text", "json"), default="text")
    s.set_defaults(func=cmd_digest)

    s = _command(
        sub,
        "sources",
        "a chat's own sources (/sources) as OPML: import a subscription list for a chat, or export it",
        "Give a chat the feeds of an OPML file, or write the chat's own sources as OPML 2.0 (what "
        "/sources lists in the chat; its digests also hold the configured sources). The chat is "
        "PLATFORM:ID, e.g. telegram:-1001234567890 or slack:C0123ABCD. An import is all or nothing: a "
        "malformed file, or more feeds than chat_sources_max allows, imports none; the feeds are fetched "
        "by the next poll, whose result /sources shows.",
        [
            "briefbot sources import feeds.opml --chat telegram:-1001234567890",
            "briefbot sources export --chat slack:C0123ABCD feeds.opml",
            "briefbot sources export --chat telegram:42    # to standard output",
        ],
    )
    sources_sub = s.add_subparsers(dest="sources_command", metavar="ACTION", required=True)
    c = _command(
        sources_sub,
        "import",
        "add the feeds of an OPML file to a chat's own sources",
        "Add every <outline xmlUrl=...> of FILE (any depth) to the chat's own sources; outlines whose "
        "xmlUrl is not http(s) are listed and left out. Nothing is imported when the file is malformed "
        "or the chat would pass chat_sources_max.",
        ["briefbot sources import feeds.opml --chat telegram:-1001234567890"],
    )
    c.add_argument("file", metavar="FILE.opml")
    c.add_argument("--chat", required=True, type=_chat_arg, metavar="PLATFORM:ID")
    c.set_defaults(func=cmd_sources_import)
    c = _command(
        sources_sub,
        "export",
        "write a chat's own sources as OPML 2.0",
        "Write the chat's own sources as an OPML 2.0 subscription list to FILE, or to standard output.",
        ["briefbot sources export --chat slack:C0123ABCD feeds.opml"],
    )
    c.add_argument("file", nargs="?", metavar="FILE")
    c.add_argument("--chat", required=True, type=_chat_arg, metavar="PLATFORM:ID")
    c.set_defaults(func=cmd_sources_export)

    s = _command(
        sub,
        "summarize",
        "summarize one article file (or - for stdin), or a JSONL file",
        "Summarize one article (a file, or - for standard input) with its derived headline, or every "
        '{"id","article"} line of a JSONL file. Nothing is stored.',
        [
            "briefbot summarize seeds/000_5c41b8c896ed471e.txt",
            "briefbot summarize -a lexrank -n 2 - < story.txt",
            "briefbot summarize --jsonl articles.jsonl > summaries.jsonl",
        ],
    )
    s.add_argument("file", nargs="?", metavar="FILE|-")
    s.add_argument(
        "--algorithm",
        "-a",
        default=None,
        help=", ".join(ALGORITHMS),
    )
    s.add_argument(
        "--sentences",
        "-n",
        type=_positive_int,
        default=None,
        metavar="N",
        help="sentences in the summary (at least 1)",
    )
    s.add_argument("--json", action="store_true", help="print JSON")
    s.add_argument(
        "--jsonl", metavar="FILE", help='read {"id","article"} lines, write {"id","headline","summary"} lines'
    )
    s.set_defaults(func=cmd_summarize)

    s = _command(
        sub,
        "who",
        "people, titles and delegations in article files",
        "List the people each article names, with title, organisation and role, and the delegations it "
        "describes: who leads, members, destination, purpose. Nothing is stored.",
        [
            "briefbot who seeds/000_5c41b8c896ed471e.txt",
            "briefbot who --json ../shared/data/news/reuters/*.txt",
        ],
    )
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.add_argument("--json", action="store_true", help="print JSON")
    s.set_defaults(func=cmd_who)

    s = _command(
        sub,
        "topics",
        "topic labels of article files",
        "List the topic labels of each article file, as the digest groups stories. Nothing is stored.",
        ["briefbot topics seeds/000_5c41b8c896ed471e.txt", "briefbot topics --json story.md"],
    )
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.add_argument("--json", action="store_true", help="print JSON")
    s.set_defaults(func=cmd_topics)
    return p


def _chat_arg(value: str) -> tuple[str, str]:
    """("telegram", "-100123") from "telegram:-100123"."""
    platform, _, chat_id = value.partition(":")
    if not re.fullmatch(r"[a-z]+", platform) or not chat_id.strip():
        raise argparse.ArgumentTypeError(f"{value!r} is not PLATFORM:ID, e.g. telegram:-1001234567890")
    return platform, chat_id.strip()


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"briefbot: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE

    setup_logging(settings.log_level, settings.log_format, secrets=settings.secrets())
    ner.use_model(settings.ner_model)
    try:
        return int(args.func(args, settings) or EXIT_OK)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except SettingsError as exc:  # found at start-up, e.g. a token the platform rejects
        print(f"briefbot: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:
        line = failure_line(exc, settings)
        if line is None:
            raise  # a bug: its traceback is worth seeing
        redact = Redactor(settings.secrets())
        print(terminal_safe(redact(f"briefbot {args.command}: {line}")), file=sys.stderr)
        return EXIT_USAGE


def failure_line(exc: BaseException, settings: Settings) -> str | None:
    """One line for a database or network failure (None for anything else): what failed, where, why."""
    from sqlalchemy.exc import SQLAlchemyError

    from bot.store.check import first_line
    from bot.store.db import DatabaseError

    if isinstance(exc, DatabaseError):
        return f"database error: {exc}"
    if isinstance(exc, SQLAlchemyError):
        reason = first_line(getattr(exc, "orig", None) or exc)
        return f"database error ({mask_url_password(settings.database_url)}): {reason}"
    network: tuple[type[BaseException], ...] = (OSError,)
    for module, name in (
        ("httpx", "TransportError"),
        ("aiohttp", "ClientError"),
        *(error for p in PLATFORMS.values() for error in p.network_errors),
    ):
        loaded = sys.modules.get(module)  # only libraries this run has used can have raised
        if loaded is not None and isinstance(getattr(loaded, name, None), type):
            network += (getattr(loaded, name),)
    if isinstance(exc, network):
        if isinstance(exc, OSError) and exc.filename and not isinstance(exc, ConnectionError):
            return f"{exc.filename}: {exc.strerror or exc}"
        return f"network error: {type(exc).__name__}: {first_line(exc)}"
    return None


# -- helpers ----------------------------------------------------------------------------------------
def _open_db(settings: Settings):
    from bot.store import open_database

    return open_database(settings.database_url)


def parse_when(value: str, now: datetime | None = None) -> datetime:
    """An ISO date/time (UTC when no zone is given) or an age such as 90m, 24h, 7d."""
    now = now or datetime.now(UTC)
    m = re.fullmatch(r"\s*(\d+)\s*([mhdw])\s*", value)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        return now - timedelta(**{{"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}[unit]: n})
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"cannot read {value!r} as a time: use 2026-11-27, 2026-11-27T08:00 or an age like 24h"
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def json_dumps(value: Any, *, indent: int | None = None) -> str:
    """JSON as `json.dumps(..., ensure_ascii=False)` writes it, with every character a terminal could act
    on escaped (C0 controls are escaped by JSON itself)."""
    return escape_hazards(json.dumps(value, ensure_ascii=False, indent=indent))


def _read_article_arg(path: str):
    from summarizer.sources import load_article_file

    return load_article_file(Path(path))


# -- commands ---------------------------------------------------------------------------------------
def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.analysis_pool import pool_for
    from bot.ingest import ingest_specs, make_analyser
    from bot.progress import progress_bar
    from summarizer.sources import open_source

    refused = False
    for spec in args.specs:  # every path and URL checked before anything is read or stored
        try:
            open_source(spec)
        except FileNotFoundError as exc:
            print(terminal_safe(f"briefbot ingest: {exc}"), file=sys.stderr)
            refused = True
        except (OSError, ValueError) as exc:
            print(terminal_safe(f"briefbot ingest: {spec}: {exc}"), file=sys.stderr)
            refused = True
    if refused:
        print("briefbot ingest: nothing ingested", file=sys.stderr)
        return EXIT_USAGE
    db = _open_db(settings)
    analyse = make_analyser(settings.summary_algorithm, settings.summary_sentences)
    pool = pool_for(settings, analyse, args.workers)
    with progress_bar("Ingesting") as bar, pool or contextlib.nullcontext():
        report = ingest_specs(db, args.specs, analyse, progress=bar, pool=pool)
    print(f"Ingested: {report.line()}.")
    for skipped in report.skipped:  # on every run, not only the one that first met the file
        print(terminal_safe(f"  skipped {skipped.location}: {skipped.reason}"))
    given = {spec.strip() for spec in args.specs}
    failed = [s for s in report.skipped if s.location in given]  # a feed or page that could not be read
    for source in failed:
        print(terminal_safe(f"briefbot ingest: {source.location}: {source.reason}"), file=sys.stderr)
    return EXIT_USAGE if failed else EXIT_OK


def cmd_digest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.briefing import digest_reply, make_digest, news_window
    from bot.render.text import render_text

    try:
        since = parse_when(args.since) if args.since else None
    except argparse.ArgumentTypeError as exc:
        print(f"briefbot digest: {exc}", file=sys.stderr)
        return EXIT_USAGE
    db = _open_db(settings)
    with db.session() as session:  # the same stories, so the same digest and counts, as /brief in chat
        window = news_window(session, datetime.now(UTC), since=since)
    digest = make_digest(
        window.rows,
        max_items=settings.digest_max_items,
        max_chars=settings.digest_max_chars,
        since=window.since,
    )
    if args.format == "json":
        print(json_dumps(digest_json(digest), indent=2))
    else:
        print(render_text(digest_reply(digest), color=sys.stdout.isatty()))
    return EXIT_OK


def cmd_sources_import(args: argparse.Namespace, settings: Settings) -> int:
    from bot.chat_sources import ChatSources, SourceRefused
    from bot.opml import OpmlError, read_opml

    try:
        listed = read_opml(Path(args.file).read_bytes())
    except OSError as exc:
        print(terminal_safe(f"briefbot sources import: {args.file}: {exc.strerror or exc}"), file=sys.stderr)
        return EXIT_USAGE
    except OpmlError as exc:
        print(
            terminal_safe(f"briefbot sources import: {args.file}: {exc}; nothing imported"), file=sys.stderr
        )
        return EXIT_USAGE
    platform, chat_id = args.chat
    chats = ChatSources(_open_db(settings), max_per_chat=settings.chat_sources_max)
    try:
        report = chats.import_feeds(platform, chat_id, listed.feeds)
    except SourceRefused as exc:
        print(terminal_safe(f"briefbot sources import: {exc}"), file=sys.stderr)
        return EXIT_USAGE
    print(
        f"Imported into {platform}:{chat_id}: {len(report.added)} new, {report.already} already there, "
        f"{len(listed.skipped)} left out."
    )
    for url, reason in listed.skipped:
        print(terminal_safe(f"  left out {url}: {reason}"))
    return EXIT_ERROR if listed.skipped else EXIT_OK


def cmd_sources_export(args: argparse.Namespace, settings: Settings) -> int:
    from bot.chat_sources import ChatSources
    from bot.opml import OpmlFeed, write_opml

    platform, chat_id = args.chat
    chats = ChatSources(_open_db(settings), max_per_chat=settings.chat_sources_max)
    feeds = [OpmlFeed(row.url, row.title) for row in chats.list(platform, chat_id)]
    document = write_opml(feeds, title=f"briefbot: sources of {platform}:{chat_id}")
    if args.file:
        Path(args.file).write_text(document, encoding="utf-8")
        print(f"Exported {len(feeds)} sources of {platform}:{chat_id} to {args.file}.", file=sys.stderr)
    else:
        sys.stdout.write(document)
    return EXIT_OK


def digest_json(digest) -> dict:
    return {
        "since": digest.since.isoformat() if digest.since else None,
        "total": digest.total,
        "omitted": digest.omitted,
        "merged": digest.merged,
        "sections": [
            {
                "topic": s.label,
                "items": [
                    {
                        "id": i.id,
                        "headline": i.headline,
                        "summary": list(i.summary),
                        "source": i.source,
                        "url": i.url,
                        "when": i.when.isoformat(),
                        "also": list(i.also),
                        "topics": [t.label for t in i.topics],
                    }
                    for i in s.items
                ],
            }
            for s in digest.sections
        ],
    }


def cmd_summarize(args: argparse.Namespace, settings: Settings) -> int:
    from summarizer.article import ArticleError, parse_text
    from summarizer.summarize import summarize

    algorithm = args.algorithm or settings.summary_algorithm
    n = args.sentences if args.sentences is not None else settings.summary_sentences
    if algorithm not in ALGORITHMS:
        print(
            f"briefbot summarize: unknown algorithm {algorithm!r}; choose one of {', '.join(ALGORITHMS)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if n < 1:
        print("briefbot summarize: --sentences must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if args.jsonl:
        return _summarize_jsonl(args.jsonl, algorithm, n)
    if not args.file:
        print("briefbot summarize: give a FILE, - for stdin, or --jsonl FILE", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.file == "-":
            article = parse_text(sys.stdin.read(), source="stdin")
        else:
            article = _read_article_arg(args.file)
    except (ArticleError, OSError) as exc:
        print(terminal_safe(f"briefbot summarize: {args.file}: {exc}"), file=sys.stderr)
        return EXIT_ERROR
    sentences = summarize(article.body, algorithm, n)
    if args.json:
        print(
            json_dumps(
                {
                    "path": args.file,
                    "headline": article.headline,
                    "algorithm": algorithm,
                    "summary": sentences,
                }
            )
        )
    else:  # article text reaches the terminal: no escape sequence, control or bidi override gets through
        print(one_line(article.headline))
        for s in sentences:
            print(f"  • {one_line(s)}")
    return EXIT_OK


def _summarize_jsonl(path: str, algorithm: str, n: int) -> int:
    from summarizer.article import ArticleError, parse_text
    from summarizer.summarize import summarize

    source = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    failed = 0
    with source:
        for lineno, line in enumerate(source, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["article"]
                rid = record["id"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                log.warning('line %d skipped: not a {"id", "article"} object (%s)', lineno, exc)
                failed += 1
                continue
            try:
                headline = parse_text(str(text)).headline
            except ArticleError as exc:
                log.warning("line %d: no headline (%s)", lineno, exc)
                headline = ""
            out = {"id": rid, "headline": headline, "summary": summarize(str(text), algorithm, n)}
            sys.stdout.write(json_dumps(out) + "\n")
    return EXIT_ERROR if failed else EXIT_OK


def _analyse_paths(paths: Sequence[str]):
    from summarizer.article import ArticleError

    for path in paths:
        try:
            yield path, _read_article_arg(path)
        except (ArticleError, OSError) as exc:
            log.warning("skipped %s: %s", path, exc)
            yield path, None


def _report_files(
    args: argparse.Namespace, entry: Callable[[str, Any], dict], text: Callable[[dict], str]
) -> int:
    """`entry(path, article or None)` for each file, printed as one JSON list or as text; exit 1 when a
    file could not be read as an article."""
    out = []
    status = EXIT_OK
    for path, article in _analyse_paths(args.paths):
        if article is None:
            status = EXIT_ERROR
        out.append(entry(path, article))
    if args.json:
        print(json_dumps(out, indent=2))
    else:
        for item in out:
            print(terminal_safe(text(item)))
    return status


def cmd_who(args: argparse.Namespace, settings: Settings) -> int:
    from summarizer.analysis import PeopleResult
    from summarizer.people import extract_people, who_json

    return _report_files(
        args,
        lambda path, article: who_json(path, extract_people(article) if article else PeopleResult()),
        _who_text,
    )


def _who_text(entry: dict) -> str:
    from summarizer.analysis import title_with_org

    lines = [entry["path"]]
    if not entry["delegations"]:
        lines.append("  No delegation in this article.")
    for d in entry["delegations"]:
        head = "  Delegation" + (f" to {d['destination']}" if d.get("destination") else "")
        head += f", led by {d['lead']}" if d.get("lead") else ""
        lines.append(head)
        if d.get("purpose"):
            lines.append(f"    purpose: {d['purpose']}")
        for m in d["members"]:
            title = f" — {m['title']}" if m.get("title") else ""
            lines.append(f"    • {m['name']}{title}{' (leads)' if m.get('lead') else ''}")
    if entry["people"]:
        lines.append("  People:")
        for p in entry["people"]:
            facts = title_with_org(p.get("title"), p.get("organization"))
            lines.append(f"    • {p['name']} [{p['role']}]" + (f" — {facts}" if facts else ""))
    return "\n".join(lines)


def cmd_topics(args: argparse.Namespace, settings: Settings) -> int:
    from summarizer.topics import article_topics, topics_json

    def text(entry: dict) -> str:
        return f"{entry['path']}: {', '.join(t['label'] for t in entry['topics']) or '(no topics)'}"

    return _report_files(
        args, lambda path, article: topics_json(path, article_topics(article) if article else ()), text
    )


def cmd_config_check(args: argparse.Namespace, settings: Settings) -> int:
    from bot.store.check import database_problem

    problems = validate_settings(settings)
    if not any(p.startswith("database_url") for p in problems):
        problem = database_problem(settings.database_url)
        if problem:
            problems.append(f"database_url: {problem}")
    effective = settings.masked()
    if args.json:
        print(json_dumps({"settings": effective, "problems": problems}, indent=2))
    else:
        width = max(len(k) for k in effective)
        for key, value in effective.items():
            print(terminal_safe(f"{key:<{width}} = {json.dumps(value)}"))
    redact = Redactor(settings.secrets())
    for problem in problems:
        print(terminal_safe(redact(f"briefbot config: {problem}")), file=sys.stderr)
    if problems:
        return EXIT_USAGE
    print("Configuration OK; the database answers.", file=sys.stderr)
    return EXIT_OK


def _refuse_bad_settings(settings: Settings) -> bool:
    problems = validate_settings(settings)
    for problem in problems:
        print(f"briefbot: configuration error: {problem}", file=sys.stderr)
    return bool(problems)


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import run

    if _refuse_bad_settings(settings):
        return EXIT_USAGE
    return run(settings)


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import run

    if _refuse_bad_settings(settings):
        return EXIT_USAGE
    return run(settings, console_only=True)


if __name__ == "__main__":
    raise SystemExit(main())
