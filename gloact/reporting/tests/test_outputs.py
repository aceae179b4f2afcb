"""Each output format of the demo programme's report, with its figures checked against the
database: HTML as served, PDF text extracted with pypdf, DOCX parsed with python-docx."""

import io

import docx
import pypdf
import pytest

from gloact.accounts.tests.factories import make_user
from gloact.monitoring.models import IndicatorValue
from gloact.monitoring.templatetags.monitoring import figure
from gloact.reporting.models import ReportTemplate

pytestmark = pytest.mark.django_db


def approved_programme_figures(programme):
    values = IndicatorValue.objects.filter(report__programme=programme, report__country=None, report__status="approved",
                                           value__isnull=False, indicator__measure="number")
    return {v.indicator.code: figure(v.value) for v in values}


def query(programme, file_format, language="en"):
    return {"template": ReportTemplate.objects.get(name="EU semi-annual report").pk, "scope": f"programme:{programme.pk}",
            "period": programme.periods.get().pk, "language": language, "format": file_format}


def test_each_format_shows_the_database_figures(client, programme):
    client.force_login(make_user("manager", "programme_manager"))
    expected = approved_programme_figures(programme)
    assert expected == {"O.1": "5,348", "O.2": "7,542", "OI-05": "46", "OI-06": "42", "OI-07": "438", "OI-08": "10"}

    html = client.get("/reports/", query(programme, "html")).content.decode()
    pdf = client.get("/reports/", query(programme, "pdf"))
    word = client.get("/reports/", query(programme, "docx"))
    assert pdf["Content-Type"] == "application/pdf" and "attachment" in pdf["Content-Disposition"]
    pdf_text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(b"".join(pdf.streaming_content))).pages)
    document = docx.Document(io.BytesIO(b"".join(word.streaming_content)))
    docx_rows = {row.cells[0].text: [c.text for c in row.cells] for table in document.tables for row in table.rows}

    for code, shown in expected.items():
        assert f"<th scope=\"row\">{code}</th>" in html
        assert docx_rows[code][4] == shown
        assert f"{code} " in pdf_text and shown in pdf_text
    assert "Challenges and delays" in [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Only Pakistan was able" not in pdf_text  # an indicator note, not report text
    assert "only Pakistan was able to develop" in pdf_text.replace("\n", " ")  # the narrative entered for the period


def test_french_docx(client, programme):
    client.force_login(make_user("manager", "programme_manager"))
    word = client.get("/reports/", query(programme, "docx", "fr"))
    document = docx.Document(io.BytesIO(b"".join(word.streaming_content)))
    rows = {row.cells[0].text: [c.text for c in row.cells] for table in document.tables for row in table.rows}
    assert rows["O.1"][4] == "5\N{NO-BREAK SPACE}348"
    assert rows["Période"]
    assert document.core_properties.language == "fr"
