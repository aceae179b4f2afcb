"""PostgreSQL: what is kept per form of a word (see search/postgres_words.py): the bitmap of the
cases matching it, `caselaw_search_form_bitmaps`, and the list of the cases it ranks highest,
`caselaw_search_leaders`, so that a search of common words reads neither every index entry nor
every vector that matches.

Each row of `caselaw_case_lexemes` gets a generation, from a sequence, when it is written: what is
kept from generation g stays exact for the cases not written since, and the cases written since
are checked again.

Nothing to do on SQLite. Each statement may run again (tests re-run data migrations after a flush)."""

import importlib

from django.db import migrations

run = importlib.import_module("gloact.caselaw.migrations.0008_search_document_inline").run  # PostgreSQL only

FORWARD = [
    "CREATE SEQUENCE IF NOT EXISTS caselaw_case_lexemes_generation",
    "ALTER TABLE caselaw_case_lexemes ADD COLUMN IF NOT EXISTS generation bigint NOT NULL "
    "DEFAULT nextval('caselaw_case_lexemes_generation')",
    "CREATE INDEX IF NOT EXISTS caselaw_case_lexemes_generation_idx ON caselaw_case_lexemes (generation)",
    "CREATE TABLE IF NOT EXISTS caselaw_search_leaders (lexeme text PRIMARY KEY, generation bigint NOT NULL, "
    "cut float8 NOT NULL, case_ids bigint[] NOT NULL)",
    "CREATE TABLE IF NOT EXISTS caselaw_search_form_bitmaps (form text PRIMARY KEY, generation bigint NOT NULL, "
    "bits bytea NOT NULL)",
]
BACKWARD = [
    "DROP TABLE IF EXISTS caselaw_search_form_bitmaps",
    "DROP TABLE IF EXISTS caselaw_search_leaders",
    "ALTER TABLE caselaw_case_lexemes DROP COLUMN IF EXISTS generation",
    "DROP SEQUENCE IF EXISTS caselaw_case_lexemes_generation",
]


class Migration(migrations.Migration):
    dependencies = [("caselaw", "0009_search_lexemes")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
