"""The full-text search index of published cases (see gloact/caselaw/search/): an FTS5 table on
SQLite, a tsvector table with a GIN index on PostgreSQL. Filled by signal handlers and by
`gloact reindex_cases`; this migration indexes the cases already published."""

from django.db import migrations

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS caselaw_case_fts USING fts5("
    "title, body, tokenize = 'porter unicode61 remove_diacritics 2')"
)
SQLITE_DROP = "DROP TABLE IF EXISTS caselaw_case_fts"
# No foreign key: test database flushes truncate the case table without knowing this one.
POSTGRES_CREATE = [
    "CREATE TABLE IF NOT EXISTS caselaw_case_search (case_id bigint PRIMARY KEY, document tsvector NOT NULL)",
    "CREATE INDEX IF NOT EXISTS caselaw_case_search_document ON caselaw_case_search USING GIN (document)",
]
POSTGRES_DROP = "DROP TABLE IF EXISTS caselaw_case_search"


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
    elif vendor == "postgresql":
        for statement in POSTGRES_CREATE:
            schema_editor.execute(statement)
    else:
        return
    # Index what is already published, with the historical models (fields only).
    from gloact.caselaw.search.document import document_parts
    from gloact.caselaw.search.index import backend

    published = apps.get_model("caselaw", "Case").objects.filter(status="published")
    for case in published.prefetch_related("translations", "proceedings", "sources"):
        backend().index(case.pk, document_parts(case))


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP)


class Migration(migrations.Migration):
    dependencies = [("caselaw", "0004_editorial_workflow")]

    operations = [migrations.RunPython(create_index, drop_index)]
