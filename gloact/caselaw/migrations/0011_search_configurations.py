"""PostgreSQL: text search configurations that stem like the built-in ones but keep stop words,
`gloact_english`, `gloact_french`, … (search/postgres.py, CONFIGS).

Each text used to be parsed twice, into a 'simple' vector (every word as written, so that stop words
and phrases across them could be found) and a vector in its language's configuration (stems, no
stop words). With stop words kept, the language's vector alone finds everything the two found:
a query's words are matched in every configuration, so a word of a text always meets its stem in
the text's own. One parse instead of two, and smaller vectors: importing 10,000 cases took
11.7-12.2 s instead of 14.9-15.0 s (the server's statements: 6.6 s instead of 9.2 s).

Also `caselaw_search_aside`, where an import's second connection leaves the vectors it makes
(search/postgres.py, bulk_indexer) for the import's own transaction to copy into the index.
UNLOGGED: it only holds vectors in passing, which a crash may lose without harm.

Then the index is rebuilt, from the cases, by the code of `gloact reindex-cases`, which needs both:
vectors made before would miss a phrase through a stop word ("victim of trafficking" in "victims
of trafficking") now that the query's stems of such a phrase keep its stop words.

Nothing to do on SQLite. Each statement may run again (tests re-run data migrations after a flush)."""

import importlib

from django.db import migrations

run = importlib.import_module("gloact.caselaw.migrations.0008_search_document_inline").run  # PostgreSQL only

# Every snowball language used by the copied configurations (Russian's maps Latin words to English).
LANGUAGES = ("english", "french", "spanish", "russian", "portuguese")


DROP = ["DROP TABLE IF EXISTS caselaw_search_aside", "DROP SEQUENCE IF EXISTS caselaw_search_aside_batch"] + [
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS gloact_{language}" for language in LANGUAGES
] + [
    f"DROP TEXT SEARCH DICTIONARY IF EXISTS gloact_{language}_stem" for language in LANGUAGES
]
CREATE = [
    f"CREATE TEXT SEARCH DICTIONARY gloact_{language}_stem (TEMPLATE = snowball, LANGUAGE = {language})"
    for language in LANGUAGES
] + [f"CREATE TEXT SEARCH CONFIGURATION gloact_{language} (COPY = {language})" for language in LANGUAGES] + [
    # No error where the copy does not use the stemmer.
    f"ALTER TEXT SEARCH CONFIGURATION gloact_{language} ALTER MAPPING REPLACE {stemmer}_stem WITH gloact_{stemmer}_stem"
    for language in LANGUAGES for stemmer in LANGUAGES
] + [
    "CREATE SEQUENCE caselaw_search_aside_batch",
    "CREATE UNLOGGED TABLE caselaw_search_aside (batch bigint NOT NULL, case_id bigint NOT NULL, "
    "document tsvector NOT NULL)",
    "CREATE INDEX caselaw_search_aside_batch_idx ON caselaw_search_aside (batch)",
]


def reindex(apps, schema_editor):
    # The search index is derived from the cases by the current code, like a cache, and rebuilt by
    # it. Should that code come to read a column that a later migration adds, this step moves there.
    if schema_editor.connection.vendor == "postgresql":
        from gloact.caselaw.search import reindex_all

        for _case_id in reindex_all():
            pass


class Migration(migrations.Migration):
    dependencies = [("caselaw", "0010_search_words")]

    operations = [
        migrations.RunPython(run(DROP + CREATE), run(DROP)),
        migrations.RunPython(reindex, migrations.RunPython.noop),
    ]
