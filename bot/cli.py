"""The `briefbot` command. Each sub-command is a small function; `briefbot --help` lists them all."""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.settings import Settings, SettingsError, load_settings, validate_settings

log = logging.getLogger("briefbot")

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="briefbot",
        description="Turn a stream of news articles into briefing digests, in chat or in the terminal.",
        epilog="Settings: config/default.toml, overridden by BRIEFBOT_* environment variables "
        "(see `briefbot config check`).",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    s = sub.add_parser("run", help="ingest the sources, then serve every configured front end "
                       "(Telegram, Slack; the console when no token is set) and the daily digests")
    s.set_defaults(func=cmd_run)

    s = sub.add_parser("chat", help="ingest the sources, then talk to briefbot in this terminal")
    s.set_defaults(func=cmd_chat)

    s = sub.add_parser("config", help="configuration: `briefbot config check` validates the settings and "
                       "prints the effective configuration, secrets masked")
    config_sub = s.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    c = config_sub.add_parser("check", help="validate and print the effective configuration")
    c.add_argument("--json", action="store_true", help="print JSON")
    c.set_defaults(func=cmd_config_check)

    s = sub.add_parser("ingest", help="read articles from folders, files, feeds or pages into the store")
    s.add_argument("specs", nargs="+", metavar="PATH|URL")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("digest", help="print the digest of stored articles")
    s.add_argument("--since", metavar="WHEN",
                   help="ISO date/time (2026-11-27, 2026-11-27T08:00) or an age (90m, 24h, 7d); "
                   "default: the last 24 hours, else the latest stories")
    s.add_argument("--format", choices=("text", "json"), default="text")
    s.set_defaults(func=cmd_digest)

    s = sub.add_parser("summarize", help="summarize one article file (or - for stdin), or a JSONL file")
    s.add_argument("file", nargs="?", metavar="FILE|-")
    s.add_argument("--algorithm", "-a", default=None, help="default, lead, lexrank, textrank, lsa, luhn, "
                   "kl, sumbasic, edmundson, reduction")
    s.add_argument("--sentences", "-n", type=int, default=None, help="sentences in the summary")
    s.add_argument("--json", action="store_true", help="print JSON")
    s.add_argument("--jsonl", metavar="FILE",
                   help='read {"id","article"} lines, write {"id","headline","summary"} lines')
    s.set_defaults(func=cmd_summarize)

    s = sub.add_parser("who", help="people, titles and delegations in article files")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_who)

    s = sub.add_parser("topics", help="topic labels of article files")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_topics)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"briefbot: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from bot.logs import setup_logging

    setup_logging(settings.log_level, settings.log_format, secrets=settings.secrets())
    try:
        return int(args.func(args, settings) or EXIT_OK)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except SettingsError as exc:  # found at start-up, e.g. a token the platform rejects
        print(f"briefbot: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE


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


def _read_article_arg(path: str):
    from summarizer.sources import load_article_file

    return load_article_file(Path(path))


# -- commands ---------------------------------------------------------------------------------------
def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.ingest import ingest_specs, make_analyser
    from bot.progress import progress_bar

    db = _open_db(settings)
    analyse = make_analyser(settings.summary_algorithm, settings.summary_sentences)
    with progress_bar("Ingesting") as bar:
        report = ingest_specs(db, args.specs, analyse, progress=bar)
    print(f"Ingested: {report.line()}.")
    return EXIT_OK


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
    digest = make_digest(window.rows, max_items=settings.digest_max_items,
                         max_chars=settings.digest_max_chars, since=window.since)
    if args.format == "json":
        print(json.dumps(digest_json(digest), ensure_ascii=False, indent=2))
    else:
        print(render_text(digest_reply(digest), color=sys.stdout.isatty()))
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
                    {"id": i.id, "headline": i.headline, "summary": list(i.summary), "source": i.source,
                     "url": i.url, "when": i.when.isoformat(), "also": list(i.also),
                     "topics": [t.label for t in i.topics]}
                    for i in s.items
                ],
            }
            for s in digest.sections
        ],
    }


def cmd_summarize(args: argparse.Namespace, settings: Settings) -> int:
    from summarizer.article import ArticleError, parse_text
    from summarizer.summarize import ALGORITHMS, summarize

    algorithm = args.algorithm or settings.summary_algorithm
    n = args.sentences or settings.summary_sentences
    if algorithm not in ALGORITHMS:
        print(f"briefbot summarize: unknown algorithm {algorithm!r}; choose one of {', '.join(ALGORITHMS)}",
              file=sys.stderr)
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
        print(f"briefbot summarize: {args.file}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    sentences = summarize(article.body, algorithm, n)
    if args.json:
        print(json.dumps({"path": args.file, "headline": article.headline, "algorithm": algorithm,
                          "summary": sentences}, ensure_ascii=False))
    else:
        print(article.headline)
        for s in sentences:
            print(f"  • {s}")
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
                log.warning("line %d skipped: not a {\"id\", \"article\"} object (%s)", lineno, exc)
                failed += 1
                continue
            try:
                headline = parse_text(str(text)).headline
            except ArticleError as exc:
                log.warning("line %d: no headline (%s)", lineno, exc)
                headline = ""
            out = {"id": rid, "headline": headline, "summary": summarize(str(text), algorithm, n)}
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
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
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for item in out:
            print(text(item))
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
    problems = validate_settings(settings)
    effective = settings.masked()
    if args.json:
        print(json.dumps({"settings": effective, "problems": problems}, indent=2))
    else:
        width = max(len(k) for k in effective)
        for key, value in effective.items():
            print(f"{key:<{width}} = {json.dumps(value)}")
    for problem in problems:
        print(f"briefbot config: {problem}", file=sys.stderr)
    if problems:
        return EXIT_USAGE
    print("Configuration OK.", file=sys.stderr)
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
