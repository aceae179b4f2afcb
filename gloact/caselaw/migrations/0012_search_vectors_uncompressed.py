"""PostgreSQL: search vectors up to a page (8,160 bytes) are stored as they are, without trying to
compress them first.

PostgreSQL tries to compress any row over 2 KB. Vectors hardly compress: of the 100,000 vectors of the
benchmark corpus (0.8 to 3.3 KB), pglz compressed none, and its tries took 2.6 to 2.9 % of the
machine's CPU time in an import, on the import's own connection and on the one making the vectors
(caselaw_search_aside). Larger vectors are still compressed, and moved out of line if they must.

The vectors made aside are now kept in their table's pages too (STORAGE MAIN, as the index's since
0008): they are read back once, at once.

Nothing to do on SQLite."""

import importlib

from django.db import migrations

run = importlib.import_module("gloact.caselaw.migrations.0008_search_document_inline").run  # PostgreSQL only

FORWARD = [
    "ALTER TABLE caselaw_case_search SET (toast_tuple_target = 8160)",
    "ALTER TABLE caselaw_search_aside ALTER COLUMN document SET STORAGE MAIN, SET (toast_tuple_target = 8160)",
]
BACKWARD = [
    "ALTER TABLE caselaw_case_search RESET (toast_tuple_target)",
    "ALTER TABLE caselaw_search_aside ALTER COLUMN document SET STORAGE EXTENDED, RESET (toast_tuple_target)",
]


class Migration(migrations.Migration):
    dependencies = [("caselaw", "0011_search_configurations")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
