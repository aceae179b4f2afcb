"""PostgreSQL: per-word lists of the most relevant cases, `caselaw_search_leaders`, so that ranking
a search of common words reads a few hundred vectors instead of every match (see leaders.py).

Each row of `caselaw_case_lexemes` gets a generation, from a sequence, when it is written: a list
made at generation g stays exact for the cases not written since, and the cases written since are
ranked with the list's.

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
]
BACKWARD = [
    "DROP TABLE IF EXISTS caselaw_search_leaders",
    "ALTER TABLE caselaw_case_lexemes DROP COLUMN IF EXISTS generation",
    "DROP SEQUENCE IF EXISTS caselaw_case_lexemes_generation",
]


class Migration(migrations.Migration):
    dependencies = [("caselaw", "0009_search_lexemes")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
