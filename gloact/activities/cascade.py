"""The training-of-trainers cascade: who a ToT trained as trainers, their progress to
certification, the trainings they delivered afterwards and the people those trainings reached.

A trainer "delivered" a training when they attend a delivered activity as trainer after the ToT
ended. When such a training is itself a ToT, its participants are trainers in turn and the tree
goes on below them. Counts:
- reached directly: the ToT's participants (the trainers it trained);
- reached through trainers: distinct participants of every training delivered downstream.

Trainers cross borders: a trainer from a Malian ToT may train in Niger. The counts take in every
country, but a reader limited to some countries (`countries`) sees a training elsewhere only as
its country, date and number of participants: no title, no names, no trainers below it.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from .followup import activity_end
from .models import Activity, Attendance, Participant, TrainerTrack


@dataclass
class TrainingNode:
    activity: Activity
    participant_ids: set[int]
    shown: bool  # within the reader's countries: its title and people may be shown
    participants: list[Participant] = field(default_factory=list)  # only when shown
    trainers: list["TrainerNode"] = field(default_factory=list)  # when the training is itself a ToT


@dataclass
class TrainerNode:
    participant: Participant
    track: TrainerTrack | None
    trainings: list[TrainingNode] = field(default_factory=list)


@dataclass
class Cascade:
    tot: Activity
    trainers: list[TrainerNode]
    reached_directly: int
    reached_through_trainers: int
    trainers_delivering: int
    certified: int


def trained_as_trainers(tot: Activity) -> list[Participant]:
    """The ToT's participants and anyone with a trainer track on it."""
    ids = set(tot.attendances.filter(role=Attendance.Role.PARTICIPANT).values_list("participant_id", flat=True))
    ids |= set(tot.trainer_tracks.values_list("participant_id", flat=True))
    return list(Participant.objects.filter(pk__in=ids).order_by("family_name", "given_name", "pk"))


def trainings_delivered(participant: Participant, after: Activity):
    """Delivered activities where `participant` was a trainer, held after `after` ended."""
    return Activity.objects.filter(
        attendances__participant=participant, attendances__role=Attendance.Role.TRAINER,
        status=Activity.Status.DELIVERED,
    ).exclude(pk=after.pk).filter(_held_after(activity_end(after))).distinct().order_by("planned_start", "code")


def _held_after(day) -> Q:
    # Activity.held_on in SQL: the actual start, or the planned one when there is none.
    return Q(actual_start__gt=day) | Q(actual_start__isnull=True, planned_start__gt=day)


def _trainer_nodes(tot: Activity, seen: set[int], countries: set[str] | None) -> list[TrainerNode]:
    seen.add(tot.pk)
    tracks = {t.participant_id: t for t in tot.trainer_tracks.select_related("first_training", "second_training")}
    nodes = []
    for trainer in trained_as_trainers(tot):
        node = TrainerNode(trainer, tracks.get(trainer.pk))
        for activity in trainings_delivered(trainer, tot).select_related("country"):
            attendees = Participant.objects.filter(
                attendances__activity=activity, attendances__role=Attendance.Role.PARTICIPANT)
            shown = countries is None or activity.country_id in countries
            training = TrainingNode(activity, set(attendees.values_list("pk", flat=True)), shown)
            if shown:
                training.participants = list(attendees.order_by("family_name", "given_name", "pk"))
            if activity.kind == Activity.Kind.TRAINING_OF_TRAINERS and activity.pk not in seen:
                training.trainers = _trainer_nodes(activity, seen, countries)
            node.trainings.append(training)
        nodes.append(node)
    return nodes


def _downstream_participants(nodes: list[TrainerNode], into: set[int]) -> set[int]:
    for node in nodes:
        for training in node.trainings:
            into.update(training.participant_ids)
            _downstream_participants(training.trainers, into)
    return into


def build_cascade(tot: Activity, countries: set[str] | None = None) -> Cascade:
    """The cascade below `tot`; `countries`: the ISO3 codes whose trainings may be shown in full
    (None: all), see the module's docstring."""
    trainers = _trainer_nodes(tot, set(), countries)
    return Cascade(
        tot=tot, trainers=trainers, reached_directly=len(trainers),
        reached_through_trainers=len(_downstream_participants(trainers, set())),
        trainers_delivering=sum(1 for node in trainers if node.trainings),
        certified=sum(1 for node in trainers if node.track and node.track.certified_on),
    )


def check_track(track: TrainerTrack) -> None:
    """A trainer is certified only after the four steps; live trainings are ones they gave as trainer."""
    errors = {}
    if track.certified_on and track.steps_done < 4:
        errors["certified_on"] = _("Certification comes after all four steps.")
    for name in ("first_training", "second_training"):
        activity = getattr(track, name)
        if activity and not activity.attendances.filter(participant=track.participant, role=Attendance.Role.TRAINER).exists():
            errors[name] = _("The trainer is not listed as trainer of this activity.")
    if track.first_training_id and track.first_training_id == track.second_training_id:
        errors["second_training"] = _("The second live training must be another activity than the first.")
    if errors:
        raise ValidationError(errors)
