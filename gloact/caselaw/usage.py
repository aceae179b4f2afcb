"""Usage insight without trackers: counts of searches, case views and downloads (no personal data)."""


def record_search(query: str, result_count: int) -> None:
    """Count one search (normalised query text, number of results)."""


def record_case_view(case) -> None:
    """Count one view of a published case page."""


def record_download(kind: str) -> None:
    """Count one download (kind: e.g. "jsonl", "csv", "source")."""
