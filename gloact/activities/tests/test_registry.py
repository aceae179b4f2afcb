"""Recognising one person across events, and merging two entries with their history."""

from decimal import Decimal

import pytest

from gloact.activities import registry
from gloact.activities.models import (
    Attendance,
    FollowUpSurvey,
    KnowledgeTest,
    Participant,
    ParticipantMerge,
    TestResult,
    TrainerTrack,
)
from gloact.activities.tests.factories import make_activity, make_attendance, make_participant, make_workplan
from gloact.accounts.tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_fold_removes_accents_case_spacing_and_punctuation():
    assert registry.fold("  José   PÉREZ-Díaz ") == "jose perez diaz"
    assert registry.fold("Ngozi O'Brien") == registry.fold("ngozi o brien")


def _reasons_for(a, b):
    pairs = {(c.first.pk, c.second.pk): c.reasons for c in registry.find_duplicates(Participant.objects.all())}
    return pairs.get((min(a.pk, b.pk), max(a.pk, b.pk)), [])


def test_duplicates_found_by_name_variants_email_and_institution():
    accented = make_participant("Aïcha", "Traoré-Diallo", institution="Police nationale")
    plain = make_participant("aicha", "traore diallo")
    swapped = make_participant("Diallo", "Aicha Traore")
    by_email = make_participant("Oumar", "Testkeita", email="o.test@example.org")
    same_email = make_participant("Umar", "Test-Keita", email="O.TEST@example.org")
    typo = make_participant("Aicha", "Traore-Dialo", institution="police nationale ")
    other_spelling = make_participant("Mariam", "Quux", other_names="Maryam Kuks, M. Quux")
    transliterated = make_participant("Maryam", "Kuks")
    stranger = make_participant("Boubacar", "Unrelated", institution="Police nationale")
    hyphen, joined = make_participant("Awa", "Test-One"), make_participant("Awa", "Testone")

    assert registry.SAME_NAME in _reasons_for(accented, plain)
    assert registry.SWAPPED_NAME in _reasons_for(plain, swapped)
    assert registry.SAME_EMAIL in _reasons_for(by_email, same_email)
    assert registry.SIMILAR_NAME_SAME_INSTITUTION in _reasons_for(accented, typo)
    assert registry.OTHER_SPELLING in _reasons_for(other_spelling, transliterated)
    assert _reasons_for(accented, stranger) == []
    assert _reasons_for(hyphen, joined) == [registry.SAME_NAME]


def test_merged_entries_are_not_candidates():
    kept, merged = make_participant("Sara", "Testdouble"), make_participant("Sara", "Testdouble")
    assert len(registry.find_duplicates(Participant.objects.all())) == 1
    registry.merge(kept, merged)
    assert registry.find_duplicates(Participant.objects.all()) == []


def test_match_participant_by_email_or_name_and_institution():
    person = make_participant("Léa", "Examplé", email="lea@example.org", institution="Tribunal de grande instance")
    assert registry.match_participant("Other", "Name", email="LEA@example.org") == person
    assert registry.match_participant("lea", "exemple", institution="tribunal de grande instance") is None
    assert registry.match_participant("Examplé", "Léa", institution="Tribunal de Grande Instance") == person
    assert registry.match_participant("Lea", "Example", institution="Another court") is None


def test_merge_moves_history_and_keeps_the_merged_entry():
    user = make_user("officer", "programme_officer", ["MLI"])
    workplan = make_workplan()
    first, second, shared = (make_activity(workplan, code=c) for c in ("T1", "T2", "T3"))
    tot = make_activity(workplan, code="TOT", kind="tot")
    kept = make_participant("Fatou", "Sample", institution="Gendarmerie")
    merged = make_participant("Fatu", "Sample", email="fatu@example.org", phone="+223 0000")
    make_attendance(first, kept)
    make_attendance(second, merged)
    make_attendance(shared, kept, completed=False)
    duplicate = make_attendance(shared, merged, completed=True)
    FollowUpSurvey.objects.create(attendance=duplicate, wave=6, due_on=shared.planned_start)
    test = KnowledgeTest.objects.create(activity=second, kind=KnowledgeTest.Kind.POST)
    TestResult.objects.create(test=test, participant=merged, score=Decimal(80))
    TrainerTrack.objects.create(participant=merged, tot_activity=tot)
    attendances_before = Attendance.objects.count()

    record = registry.merge(kept, merged, user)

    kept.refresh_from_db()
    merged.refresh_from_db()
    assert merged.merged_into == kept
    assert Participant.objects.filter(pk=merged.pk).exists()  # history kept
    assert set(kept.attendances.values_list("activity__code", flat=True)) == {"T1", "T2", "T3"}
    assert kept.attendances.get(activity=shared).completed  # the duplicate's completion counts
    assert kept.attendances.get(activity=shared).surveys.count() == 1  # its survey moved along
    assert Attendance.objects.count() == attendances_before - 1
    assert merged.attendances.count() == 0
    assert kept.test_results.get().score == Decimal(80)
    assert kept.trainer_tracks.get().tot_activity == tot
    assert kept.email == "fatu@example.org" and kept.phone == "+223 0000"
    assert "Fatu Sample" in kept.other_names
    assert record.moved_attendances == 1 and record.merged_by == user
    assert record.snapshot["given_name"] == "Fatu"
    assert {a["activity"] for a in record.snapshot["attendances"]} == {"T2", "T3"}
    assert record.snapshot["dropped_as_duplicates"] == {"attendances": ["T3"]}
    assert ParticipantMerge.objects.count() == 1
    assert registry.resolve_merged(merged) == kept


def test_merge_refuses_an_entry_already_merged():
    a, b, c = make_participant("A", "One"), make_participant("A", "One"), make_participant("A", "One")
    registry.merge(a, b)
    with pytest.raises(registry.MergeError):
        registry.merge(c, b)
    with pytest.raises(registry.MergeError):
        registry.merge(a, a)
