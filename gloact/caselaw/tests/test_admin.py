import pytest
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.caselaw.models import RestrictedAccessLog

from .factories import make_published_case


@pytest.fixture
def case():
    return make_published_case("MLI")


@pytest.mark.django_db
def test_an_editor_sees_identities_and_each_showing_is_logged(client, case):
    editor = make_user("editor1", "editor")
    client.force_login(editor)
    response = client.get(reverse("admin:caselaw_case_change", args=[case.pk]))
    assert response.status_code == 200
    assert "Synthetic Person V01" in response.content.decode()
    log = RestrictedAccessLog.objects.get()
    assert (log.user, log.case, log.case_public_id) == (editor, case, case.public_id)

    person = case.persons.get(identity__real_name="Synthetic Person V02")
    response = client.get(reverse("admin:caselaw_person_change", args=[person.pk]))
    assert "Synthetic Person V02" in response.content.decode()
    assert RestrictedAccessLog.objects.count() == 2


@pytest.mark.django_db
def test_staff_without_the_permission_never_see_identities(client, case):
    from django.contrib.auth.models import Permission

    clerk = make_user("clerk", "focal_point", ["MLI"])  # staff, scoped to the case's country
    clerk.user_permissions.set(Permission.objects.filter(
        content_type__app_label="caselaw", codename__in=["view_case", "change_case", "view_person", "change_person"]
    ))
    client.force_login(clerk)
    for url in (reverse("admin:caselaw_case_change", args=[case.pk]),
                reverse("admin:caselaw_person_change", args=[case.persons.first().pk])):
        response = client.get(url)
        assert response.status_code == 200
        assert "Synthetic Person" not in response.content.decode()
    assert not RestrictedAccessLog.objects.exists()


@pytest.mark.django_db
def test_an_editor_records_an_identity_through_the_case_page(client, case):
    client.force_login(make_user("editor1", "editor"))
    url = reverse("admin:caselaw_case_change", args=[case.pk])
    form = client.get(url).context["adminform"].form
    data = _post_data(client.get(url).context)
    prefix = next(k for k in data if k.endswith("-real_name") and data[k] == "Synthetic Person W01").rsplit("-", 1)[0]
    data[f"{prefix}-real_name"] = "Synthetic Person W99"
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert case.persons.filter(identity__real_name="Synthetic Person W99").exists()
    assert form.instance == case


def _post_data(context) -> dict:
    """The values a browser would post back from an admin change form (form and inline formsets)."""
    data = {}
    forms = [context["adminform"].form]
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        data.update({f"{formset.prefix}-{k}": v for k, v in formset.management_form.initial.items()})
        forms += formset.forms
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            if value is None:
                continue
            key = form.add_prefix(name)
            if isinstance(value, (list, tuple)):
                data[key] = [str(getattr(x, "pk", x)) for x in value]
            elif isinstance(value, bool):
                if value:
                    data[key] = "on"
            else:
                data[key] = str(getattr(value, "pk", value))
    return data
