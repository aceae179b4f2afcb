"""Attendance sheets: every row checked before anything is written; people recognised, not doubled."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from gloact.activities.attendance_import import COLUMNS, import_attendance, template_workbook
from gloact.activities.models import Attendance, Participant
from gloact.activities.tests.factories import make_activity, make_participant

pytestmark = pytest.mark.django_db

HEADER = "given_name,family_name,sex,age_band,institution,institution_type,country,email,phone,language,consent,role"


def csv_upload(*rows):
    return SimpleUploadedFile("attendance.csv", "\n".join([HEADER, *rows]).encode(), content_type="text/csv")


def xlsx_upload(rows):
    book = Workbook()
    book.active.append(COLUMNS)
    for row in rows:
        book.active.append(row)
    data = io.BytesIO()
    book.save(data)
    return SimpleUploadedFile("attendance.xlsx", data.getvalue())


GOOD = [
    "Awa,Testone,F,30_44,Police nationale,police,MLI,awa@example.org,,fr,yes,participant",
    "Moussa,Testtwo,male,18 to 29,Tribunal,Judiciary,MLI,,,English,no,trainer",
]


def test_malformed_row_is_reported_and_nothing_is_written():
    activity = make_activity()
    bad_row = "Bintou,,woman,40-50,Ministry,ministry,XXX,not-an-email,,fr,maybe,guest"
    result = import_attendance(activity, csv_upload(*GOOD, bad_row))
    assert not result.ok
    problems = {(p.row, p.column) for p in result.errors}
    assert problems == {(4, "family_name"), (4, "age_band"), (4, "institution_type"), (4, "country"), (4, "email"),
                        (4, "consent"), (4, "role"), (4, "sex")}
    assert any("XXX" in p.message for p in result.errors if p.column == "country")
    assert Participant.objects.count() == 0 and Attendance.objects.count() == 0


def test_fixed_file_is_imported_with_codes_and_labels():
    activity = make_activity()
    result = import_attendance(activity, csv_upload(*GOOD, "Bintou,Testthree,féminin,45_59,Ministry,other,NER,,,fr,oui,"))
    assert result.ok, result.errors
    assert (result.new, result.matched, result.attendances_added) == (3, 0, 3)
    awa = Participant.objects.get(email="awa@example.org")
    assert (awa.sex, awa.age_band, awa.institution_type, awa.language, awa.consent_to_contact) == (
        "female", "30_44", "police", "fr", True)
    assert awa.consent_recorded_on is not None
    moussa = Participant.objects.get(family_name="Testtwo")
    assert (moussa.sex, moussa.age_band, moussa.institution_type, moussa.language) == ("male", "18_29", "judiciary", "en")
    assert activity.attendances.get(participant=moussa).role == Attendance.Role.TRAINER
    assert Participant.objects.get(family_name="Testthree").country_id == "NER"


def test_existing_participants_are_matched_not_duplicated():
    activity = make_activity()
    by_email = make_participant("Awa", "Previous-Spelling", email="AWA@example.org")
    by_name = make_participant("Moussa", "Testtwo", institution="tribunal", phone="+223 1")
    result = import_attendance(activity, xlsx_upload([
        ["Awa", "Testone", "F", "", "Police nationale", "police", "MLI", "awa@example.org", "", "fr", "yes", ""],
        ["Moussa", "Testtwo", "M", "", "Tribunal", "judiciary", "MLI", "", "", "", "no", ""],
        ["Kadi", "Newperson", "F", "", "CSO", "cso", "", "", "", "", "", ""],
    ]))
    assert result.ok, result.errors
    assert (result.new, result.matched) == (1, 2)
    assert Participant.objects.count() == 3
    assert set(activity.attendances.values_list("participant", flat=True)) == {
        by_email.pk, by_name.pk, Participant.objects.get(family_name="Newperson").pk}
    by_email.refresh_from_db()
    assert by_email.family_name == "Previous-Spelling"  # the registry keeps what it knows
    assert by_email.consent_to_contact and by_email.institution == "Police nationale"
    assert Participant.objects.get(family_name="Newperson").country_id == activity.country_id

    again = import_attendance(activity, xlsx_upload([["Kadi", "Newperson", "F", "", "CSO", "cso", "", "", "", "", "", ""]]))
    assert (again.new, again.matched, again.attendances_added) == (0, 1, 0)


def test_rows_repeated_in_the_file_and_unknown_columns_are_errors():
    activity = make_activity()
    result = import_attendance(activity, csv_upload(GOOD[0], GOOD[0].replace("Awa", "Awah")))
    assert [(p.row, p.column) for p in result.errors] == [(3, "email")]
    upload = SimpleUploadedFile("a.csv", b"given_name,surname\nA,B\n")
    result = import_attendance(activity, upload)
    assert {(p.row, p.column) for p in result.errors} == {(1, "family_name"), (1, "surname")}
    assert Participant.objects.count() == 0


def test_template_has_the_columns_and_the_codes():
    book = load_workbook(io.BytesIO(template_workbook()))
    assert [c.value for c in book.worksheets[0][1]] == COLUMNS
    codes = {(row[0], row[1]) for row in book.worksheets[1].iter_rows(min_row=2, values_only=True)}
    assert ("institution_type", "labour_inspection") in codes and ("role", "resource_person") in codes


def test_only_the_users_countries_are_matched():
    from gloact.accounts.tests.factories import make_user

    activity = make_activity()
    niger = make_participant("Awa", "Testone", country="NER", email="awa@example.org")
    result = import_attendance(activity, csv_upload(GOOD[0]), make_user("mali", "focal_point", ["MLI"]))
    assert (result.new, result.matched) == (1, 0)
    assert not activity.attendances.filter(participant=niger).exists()
    again = import_attendance(activity, csv_upload(GOOD[0]), make_user("manager", "programme_manager"))
    assert (again.new, again.matched) == (0, 1)
