"""The floor: the text queries of the benchmark straight against the database's full-text index,
in a Django process of its own (no HTTP, no ORM, no facets).

    python -m bench.floor PLAN.json RESULT.json   (PLAN: {"reps": N, "queries": {name: q}})

Each sample is the two statements any search page needs: the number of matches and the 20 best
by the index's own ranking, as the application ranks in one statement (the backends' ranked_sql:
SQLite FTS5 bm25 with the title weighted; PostgreSQL ts_rank normalised by length over the
GIN-indexed tsvector), with the backends' own query translation and planner settings.
"""

import json
import os
import sys
import time


def floor_statements(text: str) -> list[tuple[str, list]]:
    from gloact.caselaw.search import parse_text
    from gloact.caselaw.search.index import backend

    query = parse_text(text)
    search = backend()
    match, params = search.match_sql(query)
    return [(f"SELECT COUNT(*) FROM ({match}) AS matches", params), search.ranked_sql(query, 20)]


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gloact.settings")
    import django

    django.setup()
    from django.db import connection

    from bench.load import summarise

    plan_path, result_path = argv
    with open(plan_path, encoding="utf-8") as stream:
        plan = json.load(stream)
    from gloact.caselaw.search.index import backend

    results = {}
    with connection.cursor() as cursor:
        for name, value in backend().SEARCH_SETTINGS.items():  # the planner settings the application searches with
            cursor.execute(f"SET {name} = {value}")
        for name, text in plan["queries"].items():
            statements = floor_statements(text)
            samples = []
            for rep in range(plan["reps"] + 1):
                start = time.perf_counter()
                for sql, params in statements:
                    cursor.execute(sql, params)
                    cursor.fetchall()
                if rep:  # the first run warms the cache
                    samples.append(time.perf_counter() - start)
            results[name] = summarise(samples)
    with open(result_path, "w", encoding="utf-8") as stream:
        json.dump(results, stream, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
