"""Who may generate reports and write narrative."""

import pytest

from gloact.accounts.tests.factories import make_user
from gloact.reporting.models import NarrativeEntry, ReportTemplate

from .conftest import component

pytestmark = pytest.mark.django_db


def query(programme, scope):
    return {"template": ReportTemplate.objects.get(name="Annual report").pk, "scope": scope,
            "period": programme.periods.get().pk, "language": "en", "format": "html"}


def test_anonymous_users_are_sent_to_log_in(client, programme):
    response = client.get("/reports/", query(programme, f"programme:{programme.pk}"))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert client.get("/reports/narratives/add/").status_code == 302


def test_practitioners_are_refused(client, programme):
    client.force_login(make_user("reader", "practitioner"))
    assert client.get("/reports/").status_code == 403


def test_focal_point_reports_on_own_component_only(client, programme):
    client.force_login(make_user("focal", "focal_point", ["MLI"]))
    mali, niger = component(programme, "MLI", "IOM"), component(programme, "NER", "UNODC")
    own = client.get("/reports/", query(programme, f"component:{mali.pk}"))
    assert own.status_code == 200 and "Mali component (IOM)" in own.content.decode()
    assert client.get("/reports/", query(programme, f"component:{niger.pk}")).status_code == 403
    assert client.get("/reports/", query(programme, f"programme:{programme.pk}")).status_code == 403
    offered = client.get("/reports/").content.decode()
    assert f"component:{mali.pk}" in offered and f"component:{niger.pk}" not in offered


def test_manager_previews_with_download_links(client, programme):
    client.force_login(make_user("manager", "programme_manager"))
    page = client.get("/reports/", query(programme, f"programme:{programme.pk}")).content.decode()
    assert "Annual report – GLO.ACT 2015-2019" in page and "format=pdf" in page and "format=docx" in page


def test_period_of_another_programme_is_refused(client, programme):
    from gloact.monitoring.tests.factories import make_period, make_programme

    other = make_period(make_programme("other"))
    client.force_login(make_user("manager", "programme_manager"))
    page = client.get("/reports/", {**query(programme, f"programme:{programme.pk}"), "period": other.pk})
    assert "This period belongs to another programme." in page.content.decode()


def test_focal_point_writes_narrative_for_own_country_only(client, programme):
    user = make_user("focal", "focal_point", ["MLI"])
    client.force_login(user)
    mali, niger = component(programme, "MLI", "UNODC"), component(programme, "NER", "UNODC")
    data = {"programme": programme.pk, "period": programme.periods.get().pk, "heading": "challenges", "language": "fr",
            "text": "Texte synthétique."}
    assert client.post("/reports/narratives/add/", {**data, "component": niger.pk}).status_code == 200  # invalid choice
    assert client.post("/reports/narratives/add/", {**data, "component": ""}).status_code == 200  # programme level: required
    assert not NarrativeEntry.objects.filter(text="Texte synthétique.").exists()
    assert client.post("/reports/narratives/add/", {**data, "component": mali.pk}).status_code == 302
    entry = NarrativeEntry.objects.get(text="Texte synthétique.")
    assert (entry.country_id, entry.author) == ("MLI", user)
    programme_level = NarrativeEntry.objects.filter(component=None).first()
    assert client.get(f"/reports/narratives/{programme_level.pk}/").status_code == 403
    listed = client.get("/reports/narratives/").content.decode()
    assert f"/reports/narratives/{entry.pk}/" in listed
    assert f"/reports/narratives/{programme_level.pk}/" not in listed and "Programme level" not in listed
