"""PostgreSQL: search vectors up to a page (8,160 bytes) are stored as they are, in their table's
pages, without a try at compressing them first.

PostgreSQL tries to compress any row over 2 KB. Vectors hardly compress: pglz compressed none of the
100,000 vectors of the benchmark corpus (2.2 KB on average, 3.3 KB at most), and its tries were
2.6 to 2.9 % of the CPU samples of an import. The vectors an import's second connection makes
(caselaw_search_aside, see search/postgres.py) also went out of line, into TOAST, for the import's
own connection to read back from there. In-process, importing 100,000 cases took 87.2 and 90.7 s
instead of 124.9 and 133.3 s (run in turn).

Larger vectors are still compressed, and moved out of line if they must.

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
