"""Storage: SQLAlchemy 2 models and queries, Alembic migrations. SQLite by default, any SQLAlchemy URL."""

from bot.store.db import Database, open_database

__all__ = ["Database", "open_database"]
