"""Follow-up surveys 6 and 12 months after a training: scheduling, sending, reminders, the personal
links, the answers and the response rates.

- schedule(today) creates a survey per wave for each completed participant of a delivered training
  who agrees to be contacted and has an e-mail address;
- send_due(now) sends each due survey once, in the participant's language, with a personal link
  that expires after LINK_DAYS, and at most MAX_REMINDERS reminders every REMINDER_DAYS with the
  same link;
- a link answers once (record_response), and only its SHA-256 hash is stored.

The link's token is derived from the survey and its sending time with a key only the server holds
(Django's SECRET_KEY), so a reminder can repeat the same link without the database keeping it: a
copy of the database alone does not give anyone the links. Should the key change in between, a
reminder carries a fresh link instead.

Every function takes the date or time it runs at, so tests move the clock by passing it.
"""

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac

from gloact.core.models import Country

from .models import Activity, Attendance, FollowUpSurvey

WAVES = (FollowUpSurvey.Wave.SIX_MONTHS, FollowUpSurvey.Wave.TWELVE_MONTHS)
LINK_DAYS = 60
REMINDER_DAYS = 14
MAX_REMINDERS = 2
# A wave more than this long past its due day is not sent any more: too late to be useful.
TOO_LATE_DAYS = 60
_SALT = "gloact.activities.followup"


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):  # the same day of the month, or the month's last day
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def activity_end(activity: Activity) -> date:
    return activity.actual_end or activity.actual_start or activity.planned_end


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _token(survey: FollowUpSurvey) -> str:
    return salted_hmac(_SALT, f"{survey.pk}:{survey.sent_at.timestamp():.6f}", algorithm="sha256").hexdigest()


def contactable(queryset: QuerySet) -> QuerySet:
    """Surveys whose participant still agrees to be contacted and has an address."""
    return queryset.filter(attendance__participant__consent_to_contact=True).exclude(attendance__participant__email="")


def schedule(today: date | None = None) -> int:
    """Create the missing surveys of every eligible attendance; returns how many were created."""
    today = today or timezone.localdate()
    attendances = Attendance.objects.filter(
        completed=True, role=Attendance.Role.PARTICIPANT, activity__status=Activity.Status.DELIVERED,
        activity__kind__in=Activity.TRAINING_KINDS, participant__consent_to_contact=True,
        participant__merged_into__isnull=True,
    ).exclude(participant__email="").select_related("activity")
    existing = set(FollowUpSurvey.objects.values_list("attendance_id", "wave"))
    new = []
    for attendance in attendances:
        end = activity_end(attendance.activity)
        for wave in WAVES:
            due = add_months(end, wave)
            if (attendance.pk, wave) not in existing and due >= today - timedelta(days=TOO_LATE_DAYS):
                new.append(FollowUpSurvey(attendance=attendance, wave=wave, due_on=due))
    FollowUpSurvey.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def survey_url(survey: FollowUpSurvey, token: str) -> str:
    return getattr(settings, "GLOACT_SITE_URL", "") + reverse("activities:followup_answer", args=[token])


def _send(survey: FollowUpSurvey, token: str, reminder: bool) -> int:
    participant = survey.attendance.participant
    with translation.override(participant.language):
        context = {
            "participant": participant, "activity": survey.attendance.activity, "survey": survey, "reminder": reminder,
            "url": survey_url(survey, token), "site_name": settings.SITE_NAME,
            "expires_at": survey.expires_at, "wave": survey.get_wave_display(),
        }
        subject = render_to_string("activities/learning/email/followup_subject.txt", context).strip()
        body = render_to_string("activities/learning/email/followup_body.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [participant.email])


@dataclass
class SendReport:
    sent: int = 0
    reminders: int = 0


def send_due(now: datetime | None = None) -> SendReport:
    """Send the surveys due by `now` that were never sent, then the reminders that are due."""
    now = now or timezone.now()
    report = SendReport()
    today = timezone.localdate(now)
    pending = contactable(FollowUpSurvey.objects.filter(
        sent_at__isnull=True, responded_at__isnull=True, due_on__lte=today, due_on__gte=today - timedelta(days=TOO_LATE_DAYS)))
    for survey in pending.select_related("attendance__participant", "attendance__activity"):
        survey.sent_at, survey.expires_at = now, now + timedelta(days=LINK_DAYS)
        token = _token(survey)
        # Claimed by a conditional update, so that two runs at once never send the same survey twice.
        claimed = FollowUpSurvey.objects.filter(pk=survey.pk, sent_at__isnull=True).update(
            sent_at=now, expires_at=survey.expires_at, token_hash=hash_token(token))
        if claimed:
            try:
                report.sent += _send(survey, token, reminder=False)
            except Exception:
                FollowUpSurvey.objects.filter(pk=survey.pk).update(sent_at=None, expires_at=None, token_hash=None)
                raise
    report.reminders = send_reminders(now)
    return report


def send_reminders(now: datetime) -> int:
    last_contact = now - timedelta(days=REMINDER_DAYS)
    due = contactable(FollowUpSurvey.objects.filter(
        sent_at__isnull=False, responded_at__isnull=True, expires_at__gt=now, reminders_sent__lt=MAX_REMINDERS,
    ).filter(Q(last_reminder_at__isnull=True, sent_at__lte=last_contact) | Q(last_reminder_at__lte=last_contact)))
    sent = 0
    for survey in due.select_related("attendance__participant", "attendance__activity"):
        claimed = FollowUpSurvey.objects.filter(pk=survey.pk, reminders_sent=survey.reminders_sent).update(
            reminders_sent=F("reminders_sent") + 1, last_reminder_at=now)
        if not claimed:
            continue
        token = _token(survey)
        if hash_token(token) != survey.token_hash:  # the server key changed since: a fresh link
            FollowUpSurvey.objects.filter(pk=survey.pk).update(token_hash=hash_token(token))
        sent += _send(survey, token, reminder=True)
    return sent


class LinkExpired(Exception):
    pass


class AlreadyAnswered(Exception):
    pass


def survey_for_token(token: str, now: datetime | None = None) -> FollowUpSurvey:
    """The survey of a personal link. Raises FollowUpSurvey.DoesNotExist for an unknown link,
    AlreadyAnswered or LinkExpired for one that no longer takes answers."""
    now = now or timezone.now()
    survey = FollowUpSurvey.objects.select_related("attendance__participant", "attendance__activity").get(
        token_hash=hash_token(token))
    if survey.responded_at:
        raise AlreadyAnswered
    if survey.expires_at is None or survey.expires_at <= now:
        raise LinkExpired
    return survey


@transaction.atomic
def record_response(survey: FollowUpSurvey, use: str, use_description: str, example: str, extra_answers: dict,
                    now: datetime | None = None) -> None:
    """Save the answers; a second answer through the same link (even at the same moment) is refused."""
    now = now or timezone.now()
    saved = FollowUpSurvey.objects.filter(pk=survey.pk, responded_at__isnull=True).update(
        responded_at=now, use=use, use_description=use_description, example=example, extra_answers=extra_answers)
    if not saved:
        raise AlreadyAnswered


@dataclass
class Rate:
    label: str
    sent: int
    answered: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.answered / self.sent) if self.sent else None


def response_rates(surveys: QuerySet) -> tuple[list[Rate], list[Rate]]:
    """Response rates of sent surveys, per event and per country of the event."""
    sent = surveys.filter(sent_at__isnull=False)
    counts = {"sent": Count("pk"), "answered": Count("pk", filter=Q(responded_at__isnull=False))}
    per_event = [
        Rate(f"{row['attendance__activity__code']} {row['attendance__activity__title']}", row["sent"], row["answered"])
        for row in sent.values("attendance__activity__code", "attendance__activity__title", "attendance__activity_id")
        .annotate(**counts).order_by("attendance__activity__code", "attendance__activity_id")
    ]
    rows = list(sent.values("attendance__activity__country").annotate(**counts))
    countries = Country.objects.in_bulk([row["attendance__activity__country"] for row in rows])
    per_country = sorted((
        Rate(countries[code].localized_name() if code in countries else "–", row["sent"], row["answered"])
        for row in rows for code in [row["attendance__activity__country"]]
    ), key=lambda rate: rate.label)
    return per_event, per_country
