"""The participants registry: recognising one person across events, and merging two entries.

`find_duplicates(participants)` lists likely duplicate pairs with the reasons they look alike;
`match_participant(...)` finds the existing entry an imported attendance row stands for;
`merge(kept, merged, user)` moves the merged entry's history to the kept one in one transaction
and records a ParticipantMerge, keeping the merged entry (hidden from lists) so nothing is lost.

Names are compared folded: accents removed (Unicode NFKD), case and spacing ignored, punctuation
dropped, so "José  Pérez-Díaz" and "jose perez diaz" are the same name.
"""

import difflib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from django.db import transaction
from django.db.models import Q
from django.forms.models import model_to_dict
from django.utils.translation import gettext_lazy as _

from .models import Participant, ParticipantMerge, TestResult, TrainerTrack

SIMILAR_NAME_RATIO = 0.85

SAME_EMAIL = _("same e-mail address")
SAME_NAME = _("same name (accents, case, spaces and hyphens ignored)")
SWAPPED_NAME = _("given and family names swapped")
OTHER_SPELLING = _("name matches another spelling on record")
SIMILAR_NAME_SAME_INSTITUTION = _("same institution and a similar name")


def fold(text: str) -> str:
    """`text` without accents, case, punctuation or repeated spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", bare.casefold()).split())


def full_name(given_name: str, family_name: str) -> str:
    return fold(f"{given_name} {family_name}")


def other_spellings(participant: Participant) -> set[str]:
    return {fold(name) for name in participant.other_names.split(",") if fold(name)}


def _compact(name: str) -> str:
    # "Test-One", "Test One" and "Testone" are one family name written three ways.
    return name.replace(" ", "")


def _token_key(name: str) -> tuple[str, ...]:
    # The same tokens in any order: catches given and family names entered the wrong way round.
    return tuple(sorted(name.split()))


def name_similarity(a: Participant, b: Participant) -> float:
    return difflib.SequenceMatcher(None, full_name(a.given_name, a.family_name),
                                   full_name(b.given_name, b.family_name)).ratio()


@dataclass
class DuplicateCandidate:
    first: Participant
    second: Participant
    reasons: list = field(default_factory=list)


def _reasons(a: Participant, b: Participant) -> list:
    reasons = []
    if a.email and a.email.strip().casefold() == b.email.strip().casefold():
        reasons.append(SAME_EMAIL)
    name_a, name_b = full_name(a.given_name, a.family_name), full_name(b.given_name, b.family_name)
    if _compact(name_a) == _compact(name_b):
        reasons.append(SAME_NAME)
    elif _token_key(name_a) == _token_key(name_b):
        reasons.append(SWAPPED_NAME)
    if name_a in other_spellings(b) or name_b in other_spellings(a) or other_spellings(a) & other_spellings(b):
        reasons.append(OTHER_SPELLING)
    if (_compact(name_a) != _compact(name_b) and a.institution and fold(a.institution) == fold(b.institution)
            and name_similarity(a, b) >= SIMILAR_NAME_RATIO):
        reasons.append(SIMILAR_NAME_SAME_INSTITUTION)
    return reasons


def find_duplicates(participants) -> list[DuplicateCandidate]:
    """Likely duplicate pairs among `participants` (merged entries left out), most reasons first.

    Only entries sharing an e-mail, a name key or an institution are compared with each other, so
    the work grows with the size of those groups rather than with the square of the registry."""
    people = list(participants.filter(merged_into__isnull=True).order_by("pk"))
    groups = defaultdict(set)
    for person in people:
        if person.email:
            groups["email:" + person.email.strip().casefold()].add(person.pk)
        for name in {full_name(person.given_name, person.family_name)} | other_spellings(person):
            groups["name:" + " ".join(_token_key(name))].add(person.pk)
            groups["compact:" + _compact(name)].add(person.pk)
        if person.institution:
            groups["institution:" + fold(person.institution)].add(person.pk)
    by_pk = {p.pk: p for p in people}
    candidates = []
    seen = set()
    for members in groups.values():
        for first, second in combinations(sorted(members), 2):
            if (first, second) in seen:
                continue
            seen.add((first, second))
            reasons = _reasons(by_pk[first], by_pk[second])
            if reasons:
                candidates.append(DuplicateCandidate(by_pk[first], by_pk[second], reasons))
    candidates.sort(key=lambda c: (-len(c.reasons), c.first.family_name, c.first.pk, c.second.pk))
    return candidates


def match_participant(given_name: str, family_name: str, email: str = "", institution: str = "",
                      candidates=None) -> Participant | None:
    """The registry entry a new record stands for: the same e-mail, or the same name (in either
    order) at the same institution. None when there is none."""
    candidates = (candidates if candidates is not None else Participant.objects.all()).filter(merged_into__isnull=True)
    if email:
        found = candidates.filter(email__iexact=email.strip()).order_by("pk").first()
        if found:
            return found
    if not institution:
        return None
    key = _token_key(full_name(given_name, family_name))
    compact = _compact(full_name(given_name, family_name))
    institution_key = fold(institution)
    # Accents and case cannot be folded portably in SQLite and PostgreSQL alike: compare in Python.
    pool = candidates.exclude(institution="").order_by("pk")
    for person in pool.iterator():
        if fold(person.institution) != institution_key:
            continue
        names = {full_name(person.given_name, person.family_name)} | other_spellings(person)
        if any(_token_key(name) == key or _compact(name) == compact for name in names):
            return person
    return None


class MergeError(ValueError):
    pass


def _snapshot(merged: Participant) -> dict:
    data = model_to_dict(merged, exclude=["merged_into", "created_by"])
    data["country"] = merged.country_id
    data["consent_recorded_on"] = merged.consent_recorded_on.isoformat() if merged.consent_recorded_on else None
    data["attendances"] = [
        {"id": a.pk, "activity": a.activity.code, "role": a.role, "completed": a.completed}
        for a in merged.attendances.select_related("activity")
    ]
    return data


@transaction.atomic
def merge(kept: Participant, merged: Participant, user=None) -> ParticipantMerge:
    """Make `merged` part of `kept`: attendances (with their follow-up surveys), test results and
    trainer tracks move to `kept`; where both entries hold a record for the same event, test or
    training of trainers, the kept entry's record stays and the other is described in the merge's
    snapshot. `merged` is kept, pointing to `kept`, and no longer listed."""
    kept = Participant.objects.select_for_update().get(pk=kept.pk)
    merged = Participant.objects.select_for_update().get(pk=merged.pk)
    if kept.pk == merged.pk:
        raise MergeError(_("An entry cannot be merged with itself."))
    if kept.merged_into_id or merged.merged_into_id:
        raise MergeError(_("One of these entries has already been merged."))
    snapshot = _snapshot(merged)
    dropped = defaultdict(list)

    kept_activities = set(kept.attendances.values_list("activity_id", flat=True))
    moved = 0
    for attendance in merged.attendances.select_related("activity"):
        if attendance.activity_id in kept_activities:
            # Both entries attended the same event: one attendance stays, keeping a completion and the surveys.
            own = kept.attendances.get(activity_id=attendance.activity_id)
            if attendance.completed and not own.completed:
                own.completed = True
                own.save(update_fields=["completed"])
            own_waves = set(own.surveys.values_list("wave", flat=True))
            attendance.surveys.exclude(wave__in=own_waves).update(attendance=own)
            dropped["attendances"].append(attendance.activity.code)
            attendance.delete()
        else:
            attendance.participant = kept
            attendance.save(update_fields=["participant"])
            moved += 1

    kept_tests = set(kept.test_results.values_list("test_id", flat=True))
    for result in TestResult.objects.filter(participant=merged).select_related("test__activity"):
        if result.test_id in kept_tests:
            dropped["test_results"].append({"test": str(result.test), "score": str(result.score)})
            result.delete()
        else:
            result.participant = kept
            result.save(update_fields=["participant"])

    kept_tracks = set(kept.trainer_tracks.values_list("tot_activity_id", flat=True))
    for track in TrainerTrack.objects.filter(participant=merged).select_related("tot_activity"):
        if track.tot_activity_id in kept_tracks:
            dropped["trainer_tracks"].append(track.tot_activity.code)
            track.delete()
        else:
            track.participant = kept
            track.save(update_fields=["participant"])

    # What the kept entry lacks, the merged one may know; its spelling helps recognise the person later.
    for name in ("email", "phone", "institution"):
        if not getattr(kept, name) and getattr(merged, name):
            setattr(kept, name, getattr(merged, name))
    if merged.consent_to_contact and not kept.consent_to_contact:
        kept.consent_to_contact, kept.consent_recorded_on = True, merged.consent_recorded_on
    spellings = [s.strip() for s in kept.other_names.split(",") if s.strip()]
    known = {fold(s) for s in spellings} | {full_name(kept.given_name, kept.family_name)}
    for spelling in [str(merged)] + [s.strip() for s in merged.other_names.split(",") if s.strip()]:
        if fold(spelling) not in known:
            spellings.append(spelling)
            known.add(fold(spelling))
    kept.other_names = ", ".join(spellings)[:300]
    kept.save()

    Participant.objects.filter(merged_into=merged).update(merged_into=kept)
    merged.merged_into = kept
    merged.save(update_fields=["merged_into"])
    snapshot["dropped_as_duplicates"] = dict(dropped)
    return ParticipantMerge.objects.create(kept=kept, merged=merged, snapshot=snapshot, moved_attendances=moved,
                                           merged_by=user)


def resolve_merged(participant: Participant) -> Participant:
    """The entry that stands for `participant` now (itself unless it was merged)."""
    seen = set()
    while participant.merged_into_id and participant.pk not in seen:
        seen.add(participant.pk)
        participant = participant.merged_into
    return participant


def search_participants(participants, query: str):
    """Entries whose name, other spellings, e-mail or institution contain every word of `query`."""
    for word in query.split():
        participants = participants.filter(
            Q(given_name__icontains=word) | Q(family_name__icontains=word) | Q(other_names__icontains=word)
            | Q(email__icontains=word) | Q(institution__icontains=word)
        )
    return participants


@dataclass
class TrainingHistory:
    attendances: list
    test_results: list
    trainer_tracks: list
    merges: list


def training_history(participant: Participant) -> TrainingHistory:
    """Everything the registry knows the person took part in, merged entries included (they were
    moved to this entry when merged)."""
    return TrainingHistory(
        attendances=list(participant.attendances.select_related("activity__country", "activity__workplan")
                         .order_by("-activity__planned_start")),
        test_results=list(participant.test_results.select_related("test__activity").order_by("test__activity__planned_start")),
        trainer_tracks=list(participant.trainer_tracks.select_related("tot_activity", "first_training", "second_training")),
        merges=list(participant.merges.select_related("merged", "merged_by")),
    )
