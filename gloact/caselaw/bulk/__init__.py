"""Bulk data of the case law database: the JSONL and CSV exports of published cases, the validated
import of the same JSONL format, the SHERLOC index import and the public download files.

Entry points: `export.export_cases`, `importer.import_cases`, `sherloc.import_sherloc`,
`downloads.regenerate_download_files`; the record format is documented in docs/case-format.md and
checked by `records.validate_record`.
"""
