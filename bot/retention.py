"""How long stories are kept: each poll deletes the stories ingested more than `story_retention_days`
ago (0 keeps every story), and the stories only chats' own feeds brought once no chat has had those
feeds for ABANDONED_AFTER, which nobody can be shown. Their search rows and feed tags go with them.

A source does not bring a deleted story back as new: a folder's state remembers the files it read and a
feed's the entries it still lists. An abandoned feed's state goes with it, so a chat adding it again
later reads it afresh."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.chat_sources import feed_state_key
from bot.metrics import ARTICLES_PRUNED
from bot.store.chatsources import abandoned_feeds, delete_abandoned_feed
from bot.store.db import Database
from bot.store.repo import delete_old_articles, delete_source_state

log = logging.getLogger(__name__)

ABANDONED_AFTER = timedelta(days=1)  # a chat that removes a feed by mistake can add it back meanwhile
BATCH = 500  # stories deleted per transaction: a first prune of a large store holds no lock for long


@dataclass
class Pruned:
    old: int = 0  # stories past the retention period
    abandoned: int = 0  # stories only feeds no chat has brought
    feeds: int = 0


def prune_stories(
    db: Database, *, retention_days: int, now: datetime, should_stop: Callable[[], bool] = lambda: False
) -> Pruned:
    """Delete what the store no longer needs (see the module's docstring) and log what went."""
    pruned = Pruned()
    cutoff = now - timedelta(days=retention_days)
    while retention_days > 0 and not should_stop():
        with db.session() as session:
            old = delete_old_articles(session, cutoff, BATCH)
        pruned.old += old
        if old < BATCH:
            break
    with db.session() as session:
        feeds = abandoned_feeds(session, now - ABANDONED_AFTER)
    for feed in feeds:  # one transaction each: a feed a chat adds back meanwhile is left alone
        if should_stop():
            break
        with db.session() as session:
            deleted = delete_abandoned_feed(session, feed.id)
            if deleted is None:
                continue
            delete_source_state(session, feed_state_key(feed.url))
        pruned.abandoned += deleted
        pruned.feeds += 1
    ARTICLES_PRUNED.labels("old").inc(pruned.old)
    ARTICLES_PRUNED.labels("abandoned").inc(pruned.abandoned)
    if pruned.old:
        log.info(
            "retention: %d stories ingested before %s deleted (story_retention_days = %d)",
            pruned.old,
            cutoff.date(),
            retention_days,
        )
    if pruned.feeds:
        log.info(
            "retention: %d feeds no chat has deleted, with %d stories only they brought",
            pruned.feeds,
            pruned.abandoned,
        )
    return pruned
