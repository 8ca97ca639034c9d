"""The corpus front page (issue #11): ingest ../shared/data/news and the seeds into a temporary SQLite
database, then print the default digest's figures on every platform, the /topics count agreement and
the time to build it; on Slack, what the front page's thread holds.
Run: .venv/bin/python bench/frontpage.py [--show]"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.analysis_pool import AnalysisPool, default_workers
from bot.briefing import THREAD_STORIES, digest_reply, forget_pages, make_digest, news_window, thread_reply
from bot.commands import ChatContext, Commands
from bot.delivery import render_messages
from bot.ingest import ingest_specs, make_analyser
from bot.platforms.slack.render import render_slack, shown_chars
from bot.platforms.telegram.render import render_telegram
from bot.render.text import render_text
from bot.settings import load_settings
from bot.store import open_database
from tests.shared_data import REPO, SHARED_DATA


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(env={"BRIEFBOT_DATABASE_URL": f"sqlite:///{tmp}/b.sqlite3"})
        db = open_database(settings.database_url)
        t0 = time.perf_counter()
        analyse, workers = make_analyser(), default_workers()  # as `briefbot ingest` does
        with AnalysisPool(analyse, workers, use_model=settings.ner_model) as pool:
            specs = [str(SHARED_DATA / "news"), str(REPO / "seeds")]
            report = ingest_specs(db, specs, analyse, pool=pool if workers > 1 else None)
        print(f"ingest: {report.line()} in {time.perf_counter() - t0:.1f} s ({workers} workers)")
        commands = Commands(db, settings)
        with db.session() as session:
            window = news_window(session, commands.clock())
        timings = []
        for _ in range(3):
            forget_pages()
            t0 = time.perf_counter()
            digest = make_digest(
                window.rows,
                max_items=settings.digest_max_items,
                max_chars=settings.digest_max_chars,
                since=window.since,
            )
            timings.append((time.perf_counter() - t0) * 1000)
        reply = digest_reply(digest)
        text = render_text(reply)
        telegram = render_telegram(reply)
        slack = render_slack(reply)
        outlets = Counter(item.source.split("/", 1)[0] for item in digest.items)
        sections = {s.label: len(s.items) for s in digest.sections}
        print(
            f"digest of {len(window.rows)} stories: {len(digest.items)} shown, {digest.omitted} more not "
            f"shown, {digest.merged} near-duplicates merged; build {statistics.median(timings):.0f} ms "
            f"(cold, median of 3)"
        )
        print(
            f"budget {settings.digest_max_chars}: text {len(text)} chars; Telegram {len(telegram)} "
            f"message(s), {sum(len(m) for m in telegram)} chars of HTML; Slack {len(slack)} message(s), "
            f"{sum(shown_chars(p) for p in slack)} chars"
        )
        front = render_slack(digest_reply(digest, rest_in_thread=True))
        rest = thread_reply(digest)
        thread = render_messages(rest, render_slack) if rest is not None else []
        print(
            f"Slack, the rest in the thread: front page {len(front)} message(s), "
            f"{sum(shown_chars(p) for p in front)} chars; thread {min(len(digest.rest), THREAD_STORIES)} of "
            f"{len(digest.rest)} stories left out, {len(thread)} repl(ies), "
            f"{sum(shown_chars(p) for p in thread)} chars"
        )
        print(f"outlets: {dict(outlets)}")
        print(f"sections: {sections}; largest {max(sections.values())} of {len(digest.items)}")
        ctx = ChatContext("console", "bench")
        brief = render_text(commands.handle("/brief", ctx))
        count = re.compile(r"\d+ stor(?:y|ies) since [^,]*(?:, \d+ more not shown)?")
        print(f"CLI: {count.search(text).group(0)!r}; /brief: {count.search(brief).group(0)!r}")
        listing = render_text(commands.handle("/topics", ctx))
        listed = re.findall(r"^• (.+) — (\d+)$", listing, re.MULTILINE)
        disagree = [
            label
            for label, n in listed
            if f"{label} ({n})" not in render_text(commands.handle(f"/topics {label}", ctx))
        ]
        print(f"/topics: {len(listed)} labels listed, {len(disagree)} disagree with /topics LABEL {disagree}")
        if "--show" in sys.argv:
            print(text)
            print(listing)


if __name__ == "__main__":
    main()
