"""The public bulk downloads: a page explaining the files, and the files themselves (open to all:
they hold published cases only, in their public representation)."""

import datetime

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from . import usage
from .bulk.downloads import CONTENT_TYPES, download_path, regenerate_download_file
from .bulk.export import CSV_COLUMNS


def _file_info(format: str) -> dict:
    path = download_path(format)
    info = {"format": format, "name": f"cases.{format}", "exists": path.exists()}
    if info["exists"]:
        stat = path.stat()
        info["size"] = stat.st_size
        info["updated"] = datetime.datetime.fromtimestamp(stat.st_mtime, tz=timezone.get_current_timezone())
    return info


@require_safe
def downloads_page(request):
    return render(request, "caselaw/downloads.html", {
        "files": [_file_info("jsonl"), _file_info("csv")],
        "csv_columns": [column for column, _value in CSV_COLUMNS],
    })


@require_safe
def download_file(request, format: str):
    if format not in CONTENT_TYPES:
        raise Http404
    path = download_path(format)
    if not path.exists():
        # First download after installation: the regeneration task has not run yet.
        regenerate_download_file(format)
    usage.record_download(format)
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=f"gloact-cases.{format}", content_type=CONTENT_TYPES[format]
    )
