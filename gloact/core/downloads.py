"""Uploaded files handed back to the people allowed to see them (decisions as filed, suggested
decisions, evidence, agreements). Always a download, never shown inline: an uploaded HTML page
served from our origin could run there. Never kept by shared caches: the file may name victims
or hold a country's restricted data. Permission checks stay with each view."""

from django.http import FileResponse


def private_download(field_file, filename: str = "", content_type: str | None = None) -> FileResponse:
    """`field_file` (a FieldFile) as an attachment named `filename` (its stored name by default);
    the content type is guessed from the name unless given."""
    response = FileResponse(
        field_file.open("rb"), as_attachment=True, filename=filename or field_file.name.rsplit("/", 1)[-1],
        content_type=content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response
