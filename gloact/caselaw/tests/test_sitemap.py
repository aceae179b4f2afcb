"""sitemap.xml, robots.txt and the generic error pages."""

import pytest
from django.test import Client, override_settings

from gloact.caselaw.models import Case

from .factories import make_published_case


@pytest.mark.django_db
def test_the_sitemap_lists_published_indexable_cases_only(client):
    shown = make_published_case("MLI")
    hidden = make_published_case("NER", noindex=True)
    draft = make_published_case("SEN")
    Case.objects.filter(pk=draft.pk).update(status=Case.Status.DRAFT)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert f"/cases/{shown.public_id}/" in xml
    assert f"/fr/cases/{shown.public_id}/" in xml  # language alternates
    assert hidden.public_id not in xml and draft.public_id not in xml
    assert "Synthetic Person" not in xml


@pytest.mark.django_db
def test_an_unpublished_case_leaves_the_sitemap_at_once(client):
    case = make_published_case()
    assert case.public_id in client.get("/sitemap.xml").content.decode()
    Case.objects.filter(pk=case.pk).update(status=Case.Status.REMOVED)
    assert case.public_id not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_keeps_crawlers_out_of_private_areas(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    for path in ("/admin/", "/account/", "/editorial/", "/contribute/", "/privacy/", "/fr/admin/", "/ar/privacy/"):
        assert f"Disallow: {path}\n" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_the_404_page_does_not_echo_the_address(client):
    response = client.get("/cases/<script>alert(1)</script>Zorbulak/")
    assert response.status_code == 404
    html = response.content.decode()
    main = html[html.index("<main"):html.index("</main>")]
    assert "Zorbulak" not in main and "<script>alert" not in html  # links carry it URL-encoded only
    assert "Page not found" in main


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_the_500_page_is_generic():
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "Server error" in html and "{%" not in html
    assert Client().get("/robots.txt").status_code == 200
