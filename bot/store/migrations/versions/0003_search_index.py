"""full-text search index over articles (headline, summary, topic labels, people's names); an index
for the articles' change stamp

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

The database keeps the index right by itself, whoever writes an article (ingest, re-analysis, a repair
by hand):

- SQLite: an FTS5 table `article_search` (porter stemming over unicode61, diacritics removed), filled by
  triggers on `articles`. FTS5 rows are addressed by an integer rowid; `article_search_keys` gives each
  article id a stable one (an INTEGER PRIMARY KEY, which VACUUM keeps; the articles table's own hidden
  rowid it may renumber).
- PostgreSQL: generated `tsvector` columns ('english' configuration) with GIN indexes.

The ORM model does not map these columns (SQLite has none); bot/store/repo.py queries them. A later
migration that rebuilds `articles` on SQLite (Alembic batch mode copies the table) drops its triggers:
it must run `create_sqlite_triggers()` again (tests/bot/test_search.py fails otherwise).
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# What each searchable field holds, from an articles row called `row` (SQLite).
_SQLITE_FIELDS = {
    "headline": "{row}.headline",
    "summary": "(SELECT group_concat(value, ' ') FROM json_each({row}.analysis, '$.summary'))",
    "topics": "(SELECT group_concat(json_extract(value, '$.label'), ' ; ') "
    "FROM json_each({row}.analysis, '$.topics'))",
    "people": "(SELECT group_concat(json_extract(value, '$.name'), ' ; ') "
    "FROM json_each({row}.analysis, '$.people'))",
}
_KEY = "(SELECT k.rowid FROM article_search_keys k WHERE k.article_id = {row}.id)"


def _sqlite_insert(row: str) -> str:
    columns = ", ".join(_SQLITE_FIELDS)
    values = ", ".join(expr.format(row=row) for expr in _SQLITE_FIELDS.values())
    return f"INSERT INTO article_search(rowid, {columns}) VALUES ({_KEY.format(row=row)}, {values});"


def create_sqlite_triggers() -> None:
    op.execute(f"""
        CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
            INSERT INTO article_search_keys(article_id) VALUES (new.id);
            {_sqlite_insert("new")}
        END""")
    op.execute(f"""
        CREATE TRIGGER article_search_update AFTER UPDATE OF id, headline, analysis ON articles BEGIN
            DELETE FROM article_search WHERE rowid = {_KEY.format(row="old")};
            UPDATE article_search_keys SET article_id = new.id WHERE article_id = old.id;
            {_sqlite_insert("new")}
        END""")
    op.execute(f"""
        CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
            DELETE FROM article_search WHERE rowid = {_KEY.format(row="old")};
            DELETE FROM article_search_keys WHERE article_id = old.id;
        END""")


# PostgreSQL: one generated tsvector per kind of search (what /brief, /who and /topics look in).
_LABELS = "jsonb_path_query_array(analysis::jsonb, '$.topics[*].label')"
_NAMES = "jsonb_path_query_array(analysis::jsonb, '$.people[*].name')"
_PG_COLUMNS = {
    "search_text": "to_tsvector('english', headline)"
    " || to_tsvector('english', coalesce(analysis -> 'summary', '[]'::json))"
    f" || to_tsvector('english', {_LABELS})",
    "search_topics": f"to_tsvector('english', {_LABELS})",
    "search_people": f"to_tsvector('english', {_NAMES})",
}


def upgrade() -> None:
    # what commands check before reusing an answer (repo.articles_stamp), read from this index alone
    op.create_index("ix_articles_stamp", "articles", ["ingested_at", "analysis_version"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE TABLE article_search_keys ("
            "rowid INTEGER PRIMARY KEY, article_id VARCHAR(32) NOT NULL UNIQUE)"
        )
        op.execute(
            "CREATE VIRTUAL TABLE article_search USING fts5("
            f"{', '.join(_SQLITE_FIELDS)}, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        op.execute("INSERT INTO article_search_keys(article_id) SELECT id FROM articles ORDER BY ingested_at")
        values = ", ".join(expr.format(row="a") for expr in _SQLITE_FIELDS.values())
        op.execute(
            f"INSERT INTO article_search(rowid, {', '.join(_SQLITE_FIELDS)}) SELECT k.rowid, {values} "
            "FROM articles a JOIN article_search_keys k ON k.article_id = a.id"
        )
        create_sqlite_triggers()
    elif dialect == "postgresql":
        for column, expression in _PG_COLUMNS.items():
            op.execute(
                f"ALTER TABLE articles ADD COLUMN {column} tsvector GENERATED ALWAYS AS ({expression}) STORED"
            )
            op.execute(f"CREATE INDEX ix_articles_{column} ON articles USING gin ({column})")


def downgrade() -> None:
    op.drop_index("ix_articles_stamp", "articles")
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS article_search_{trigger}")
        op.execute("DROP TABLE IF EXISTS article_search")
        op.execute("DROP TABLE IF EXISTS article_search_keys")
    elif dialect == "postgresql":
        for column in _PG_COLUMNS:
            op.execute(f"DROP INDEX IF EXISTS ix_articles_{column}")
            op.execute(f"ALTER TABLE articles DROP COLUMN IF EXISTS {column}")
