"""PostgreSQL: the search vectors are kept in the table's own pages (STORAGE MAIN) rather than out
of line in its TOAST table. Ranking reads the vector of every match; fetching each from TOAST cost
6 µs a match (a common word at 100,000 cases: 611 ms to rank; inline: 90 ms). Existing vectors are
rewritten so that they move in.

Also statistics on case_id / 56, the group of a bitmap word (search/bitsets.py, WORD_BITS): without
them the planner expects a group per match, and will not count a common word's bitmap in parallel.

Nothing to do on SQLite."""

from django.db import migrations

FORWARD = [
    "ALTER TABLE caselaw_case_search ALTER COLUMN document SET STORAGE MAIN",
    "UPDATE caselaw_case_search SET document = document || ''::tsvector",
    "CREATE STATISTICS IF NOT EXISTS caselaw_case_search_words ON (case_id / 56) FROM caselaw_case_search",
    "ANALYZE caselaw_case_search",
]
BACKWARD = [
    "DROP STATISTICS IF EXISTS caselaw_case_search_words",
    "ALTER TABLE caselaw_case_search ALTER COLUMN document SET STORAGE EXTENDED",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("caselaw", "0007_quality_network_usage")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
