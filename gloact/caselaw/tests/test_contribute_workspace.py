"""The contributor workspace and the editorial review over HTTP: who sees what, drafts saved
without full validation (button and htmx autosave), restricted identities, comments, the
checklist, and that only editors publish."""

import datetime

import pytest
from django.urls import reverse

from gloact.accounts.tests.factories import make_user

from .. import workflow
from ..forms_contribute import CaseEditor
from ..models import Case, FieldComment, PersonIdentity, Proceeding, RestrictedAccessLog
from .factories import make_case, make_person
from .test_workflow import complete

pytestmark = pytest.mark.django_db
S = Case.Status


@pytest.fixture
def contributor():
    return make_user("carla", "contributor")


@pytest.fixture
def editor():
    return make_user("edgar", "editor")


def form_data(case: Case, sees_identities: bool = False) -> dict:
    """The POST data of the case form as the browser would send it unchanged."""
    editor = CaseEditor(case, sees_identities)
    data = {}

    def add(form):
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            if isinstance(value, list | tuple):
                data[field.html_name] = [str(v) for v in value]
            else:
                data[field.html_name] = "on" if value is True else str(value)

    add(editor.form)
    for formset in editor.formsets.values():
        add(formset.management_form)
        for form in formset.forms:
            add(form)
    return data


def edit_url(case):
    return reverse("contribute:edit", args=[case.public_id])


def test_the_workspace_is_for_contributors_and_lists_only_my_cases(client, contributor):
    mine = make_case(created_by=contributor, title="My synthetic draft")
    make_case(created_by=make_user("olga", "contributor"), title="Someone else's draft")
    assert client.get("/contribute/").status_code == 302
    client.force_login(make_user("pia", "practitioner"))
    assert client.get("/contribute/").status_code == 403
    client.force_login(contributor)
    page = client.get("/contribute/").content.decode()
    assert mine.public_id in page and "My synthetic draft" in page and "Someone else" not in page


def test_a_contributor_creates_a_draft_and_edits_only_their_own(client, contributor):
    client.force_login(contributor)
    response = client.post(reverse("contribute:new"), {"jurisdiction": make_case().jurisdiction_id,
                                                       "title": "New synthetic case"})
    case = Case.objects.get(title="New synthetic case")
    assert response.url == edit_url(case)
    assert case.created_by == contributor and case.status == S.DRAFT
    page = client.get(edit_url(case)).content.decode()
    assert reverse("contribute:model_case") in page
    assert 'hx-trigger="change delay:1s"' in page and reverse("contribute:autosave", args=[case.public_id]) in page

    other = make_case(created_by=make_user("olga", "contributor"))
    assert client.get(edit_url(other)).status_code == 404
    assert client.post(edit_url(other), form_data(other)).status_code == 404
    case.status = S.SUBMITTED
    case.save()
    assert client.get(edit_url(case)).status_code == 403


def test_save_draft_keeps_what_is_valid_and_lists_the_rest(client, contributor):
    case = make_case(created_by=contributor, summary="")
    client.force_login(contributor)
    data = form_data(case)
    data.update({
        "summary": "Two adults were recruited with false job offers.",
        "proceedings-0-court_name": "Demo Court (synthetic)", "proceedings-0-court_level": "first_instance",
        "proceedings-0-date": "2023-05-12", "proceedings-0-order": "0",
        "persons-0-role": "victim", "persons-0-age": "not a number",
        "action": "save",
    })
    response = client.post(edit_url(case), data, follow=True)
    case.refresh_from_db()
    assert case.summary == "Two adults were recruited with false job offers."
    assert case.proceedings.get().date == datetime.date(2023, 5, 12)
    assert not case.persons.exists()
    page = response.content.decode()
    assert "except what is listed below" in page and "Enter a whole number." in page


def test_autosave_answers_saved_at_and_gives_new_rows_their_ids(client, contributor):
    case = make_case(created_by=contributor)
    client.force_login(contributor)
    url = reverse("contribute:autosave", args=[case.public_id])
    data = form_data(case)
    data.update({"title": "Autosaved title", "proceedings-0-court_name": "Demo Court (synthetic)",
                 "proceedings-0-court_level": "appeal", "proceedings-0-order": "0"})
    response = client.post(url, data, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    proceeding = Proceeding.objects.get(case=case)
    assert "Saved at" in body
    assert f'id="id_proceedings-0-id" value="{proceeding.pk}" hx-swap-oob="true"' in body
    assert 'id="id_proceedings-INITIAL_FORMS" value="1" hx-swap-oob="true"' in body
    assert Case.objects.get(pk=case.pk).title == "Autosaved title"

    # The next autosave sends the row with its id: it is updated, not added again.
    data.update({"proceedings-0-id": str(proceeding.pk), "proceedings-INITIAL_FORMS": "1",
                 "proceedings-0-reference": "APP-1"})
    client.post(url, data, HTTP_HX_REQUEST="true")
    assert list(case.proceedings.values_list("reference", flat=True)) == ["APP-1"]


def test_contributors_enter_identities_but_never_read_them_back(client, contributor, editor):
    case = make_case(created_by=contributor)
    client.force_login(contributor)
    data = form_data(case)
    data.update({"persons-0-role": "victim", "persons-0-kind": "natural", "persons-0-sex": "female",
                 "persons-0-display_style": "auto", "persons-0-order": "0",
                 "persons-0-real_name": "Synthetic Zephyrine Oakhollow"})
    client.post(edit_url(case), data)
    person = case.persons.get()
    assert person.identity.real_name == "Synthetic Zephyrine Oakhollow"
    assert "Oakhollow" not in client.get(edit_url(case)).content.decode()

    # Saving again with the (empty) identity fields keeps the identity.
    client.post(edit_url(case), form_data(case))
    assert PersonIdentity.objects.get(person=person).real_name == "Synthetic Zephyrine Oakhollow"

    # Editors read it back, and that is logged.
    client.force_login(editor)
    assert "Oakhollow" in client.get(edit_url(case)).content.decode()
    assert RestrictedAccessLog.objects.filter(user=editor, case=case).exists()


def test_comments_appear_next_to_their_field_and_the_checklist_links_to_sections(client, contributor, editor):
    case = complete(make_case(created_by=contributor, summary="The court convicted D1."))
    workflow.submit(case, contributor)
    workflow.start_review(case, editor)
    workflow.request_changes(case, editor, [("summary", "Say what the sentence was.")])
    case.sources.all().delete()
    client.force_login(contributor)
    page = client.get(edit_url(case)).content.decode()
    field_block = page[page.index('id="field-summary"'):]
    assert "Say what the sentence was." in field_block[: field_block.index('id="field-reasoning"')]
    assert '<a href="#section-sources">Add at least one source' in page
    assert 'id="section-sources"' in page


def test_a_contributor_submits_a_complete_case(client, contributor):
    case = complete(make_case(created_by=contributor))
    client.force_login(contributor)
    response = client.post(edit_url(case), {**form_data(case), "action": "submit"})
    assert response.url == reverse("contribute:workspace")
    assert Case.objects.get(pk=case.pk).status == S.SUBMITTED


def test_an_incomplete_case_is_not_submitted(client, contributor):
    case = make_case(created_by=contributor)
    client.force_login(contributor)
    response = client.post(edit_url(case), {**form_data(case), "action": "submit"}, follow=True)
    assert Case.objects.get(pk=case.pk).status == S.DRAFT
    assert "cannot be submitted yet" in response.content.decode()


@pytest.mark.parametrize("role", [None, "contributor", "practitioner"])
def test_only_editors_publish_over_http(client, role):
    case = complete(make_case(status=S.IN_REVIEW))
    url = reverse("contribute:transition", args=[case.public_id])
    if role:
        client.force_login(make_user(role, role))
    response = client.post(url, {"action": "publish"})
    assert response.status_code == (403 if role else 302)
    assert Case.objects.get(pk=case.pk).status == S.IN_REVIEW
    assert client.get(reverse("contribute:review", args=[case.public_id])).status_code == (403 if role else 302)


def test_an_editor_reviews_comments_and_publishes(client, contributor, editor):
    case = make_case(created_by=contributor, summary="Old <em>summary</em>.")
    workflow.record_version(case, contributor)
    case.status = S.SUBMITTED
    case.save()
    client.force_login(editor)
    queue = client.get(reverse("contribute:review_queue")).content.decode()
    assert case.public_id in queue
    filtered = client.get(reverse("contribute:review_queue"), {"status": "changes_requested"}).content.decode()
    assert case.public_id not in filtered

    review = reverse("contribute:review", args=[case.public_id])
    transition = reverse("contribute:transition", args=[case.public_id])
    client.post(transition, {"action": "start_review"})
    client.post(reverse("contribute:comment", args=[case.public_id]), {"field_path": "summary", "text": "Shorter."})
    assert FieldComment.objects.get(case=case).field_path == "summary"

    response = client.post(transition, {"action": "publish"}, follow=True)
    page = response.content.decode()
    assert Case.objects.get(pk=case.pk).status == S.IN_REVIEW
    assert "cannot be published yet" in page and "Add at least one source" in page

    complete(case)
    case.summary = "New summary."
    case.save()
    client.post(transition, {"action": "publish"})
    case.refresh_from_db()
    assert case.status == S.PUBLISHED

    versions = list(case.versions.order_by("number").values_list("number", flat=True))
    diff = client.get(reverse("contribute:diff", args=[case.public_id]), {"a": versions[0], "b": versions[-1]})
    html = diff.content.decode()
    assert "Old &lt;em&gt;summary&lt;/em&gt;." in html and "<em>summary" not in html
    assert "New summary." in html

    client.post(transition, {"action": "withdraw", "text": "Overturned on appeal."})
    case.refresh_from_db()
    assert case.status == S.WITHDRAWN and case.withdrawal_reason() == "Overturned on appeal."
    assert client.get(review).status_code == 200


def test_the_model_case_is_a_public_read_only_example(client):
    page = client.get(reverse("contribute:model_case")).content.decode()
    assert "synthetic" in page.lower() and "<form" not in page.split("<main", 1)[1]
    assert "Summary of the facts" in page


def test_person_rows_show_pseudonyms_in_the_charge_form(client, contributor):
    case = make_case(created_by=contributor)
    make_person(case, "defendant", real_name="Synthetic Bartholomew Ironwood")
    client.force_login(contributor)
    page = client.get(edit_url(case)).content.decode()
    assert ">D1<" in page and "Ironwood" not in page
