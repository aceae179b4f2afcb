import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from gloact.accounts.roles import ROLES
from gloact.accounts.scoping import country_scope
from gloact.core.models import Country, Organisation

from .factories import make_user


@pytest.fixture
def organisations(db):
    mali = Organisation.objects.create(name="Mali prosecutors", kind="prosecution", country_id="MLI")
    niger = Organisation.objects.create(name="Niger prosecutors", kind="prosecution", country_id="NER")
    return mali, niger


@pytest.mark.django_db
def test_every_role_is_a_group():
    assert set(Group.objects.values_list("name", flat=True)) >= {role.code for role in ROLES}
    assert Group.objects.get(name="focal_point").permissions.filter(codename="change_organisation").exists()


@pytest.mark.django_db
def test_country_scope_of_each_kind_of_user():
    focal = make_user("focal", "focal_point", ["MLI"])
    manager = make_user("manager", "programme_manager")
    practitioner = make_user("practitioner", "practitioner")
    assert country_scope(focal) == {"MLI"}
    assert country_scope(manager) is None
    assert country_scope(practitioner) == set()


@pytest.mark.django_db
def test_focal_point_sees_and_edits_only_their_country_in_the_back_office(client, organisations):
    mali, niger = organisations
    client.force_login(make_user("focal", "focal_point", ["MLI"]))
    changelist = client.get(reverse("admin:core_organisation_changelist"))
    assert changelist.status_code == 200
    assert "Mali prosecutors" in changelist.text and "Niger prosecutors" not in changelist.text

    assert client.get(reverse("admin:core_organisation_change", args=[mali.pk])).status_code == 200
    other = client.get(reverse("admin:core_organisation_change", args=[niger.pk]))
    assert other.status_code in (302, 403, 404)
    edit = client.post(
        reverse("admin:core_organisation_change", args=[niger.pk]),
        {"name": "Renamed", "kind": "cso", "country": "NER"},
    )
    assert edit.status_code in (302, 403, 404)
    niger.refresh_from_db()
    assert niger.name == "Niger prosecutors"
    # Nor can they move a record into another country.
    client.post(reverse("admin:core_organisation_change", args=[mali.pk]), {"name": "Moved", "kind": "cso", "country": "NER"})
    mali.refresh_from_db()
    assert mali.country_id == "MLI"


@pytest.mark.django_db
def test_practitioner_and_anonymous_visitor_have_no_back_office(client):
    admin_url = reverse("admin:index")
    assert client.get(admin_url).status_code == 302
    client.force_login(make_user("practitioner", "practitioner"))
    response = client.get(admin_url)
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.django_db
def test_manager_sees_every_country(client, organisations):
    client.force_login(make_user("manager", "programme_manager"))
    changelist = client.get(reverse("admin:core_organisation_changelist"))
    assert "Mali prosecutors" in changelist.text and "Niger prosecutors" in changelist.text


@pytest.mark.django_db
def test_account_page_lists_roles_and_countries(client):
    client.force_login(make_user("focal", "focal_point", ["MLI"]))
    page = client.get(reverse("accounts:account"))
    assert "Country focal point" in page.text and "MLI" in page.text
    assert Country.objects.filter(iso3="MLI").exists()
