"""A built Report as HTML, PDF (WeasyPrint, from the same HTML as the preview page) or DOCX
(python-docx: headings, paragraphs and tables that donors can edit). Files are written to an
anonymous temporary file and handed back open, so nothing half-written is ever left on disk."""

import tempfile
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from .build import Report

PRINT_CSS = "reporting/print.css"
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def report_html(report: Report) -> str:
    with translation.override(report.language):
        return render_to_string("reporting/report_print.html", {"report": report})


def write_pdf(report: Report, output) -> None:
    from weasyprint import CSS, HTML

    stylesheet = CSS(filename=finders.find(PRINT_CSS))
    HTML(string=report_html(report), base_url=str(Path(finders.find(PRINT_CSS)).parent)).write_pdf(output, stylesheets=[stylesheet])


def write_docx(report: Report, output) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    document.core_properties.title = report.title
    document.core_properties.language = report.language
    document.add_heading(report.title, level=0)
    document.add_paragraph(report.subtitle)
    for section in report.sections:
        document.add_heading(section.title, level=1)
        for block in section.blocks:
            if block.kind == "subheading":
                document.add_heading(block.text, level=2)
            elif block.kind == "paragraph":
                document.add_paragraph(block.text)
            elif block.kind == "note":
                document.add_paragraph().add_run(block.text).italic = True
            elif block.kind == "table":
                table = block.table
                if table.caption:
                    document.add_paragraph(table.caption, style="Caption")
                grid = document.add_table(rows=0, cols=len(table.columns), style="Table Grid")
                rows = ([table.columns] if table.header else []) + table.rows
                for number, values in enumerate(rows):
                    cells = grid.add_row().cells
                    for index, value in enumerate(values):
                        cells[index].text = str(value)
                        paragraph = cells[index].paragraphs[0]
                        if index in table.numeric and (number or not table.header):
                            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                        if (table.header and number == 0) or (index == 0 and not table.header):
                            for run in paragraph.runs:
                                run.bold = True
    document.save(output)


WRITERS = {"pdf": write_pdf, "docx": write_docx}


def report_file(report: Report, file_format: str):
    """The report written in `file_format` to a temporary file, rewound for reading; the file
    disappears when closed."""
    output = tempfile.TemporaryFile()
    try:
        WRITERS[file_format](report, output)
    except BaseException:
        output.close()
        raise
    output.seek(0)
    return output
