"""Follow-up surveys: scheduled at 6 and 12 months, sent once when due in the participant's
language, reminded twice at most with the same link, answered once through a link that expires."""

import re
import smtplib
from datetime import date, datetime, timedelta
from datetime import timezone as tz

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from gloact.accounts.tests.factories import make_user
from gloact.activities import followup
from gloact.activities.models import Activity, FollowUpQuestion, FollowUpSurvey
from gloact.activities.tasks import send_followups
from gloact.activities.tests.factories import make_activity, make_attendance, make_participant

pytestmark = pytest.mark.django_db


def at(day: date, hour=9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=tz.utc)


@pytest.fixture
def training():
    return make_activity(status=Activity.Status.DELIVERED, planned_start=date(2024, 3, 4), planned_end=date(2024, 3, 8),
                         title="Investigating forced labour")


def consenting(training, **fields):
    fields.setdefault("email", f"{fields.get('family_name', 'p')}@example.org".lower())
    person = make_participant(consent_to_contact=True, **fields)
    return make_attendance(training, person)


def link_in(message) -> str:
    return re.search(r"/follow-up/([\w-]+)/", message.body).group(1)


def test_schedule_only_consenting_completed_participants(training):
    wanted = consenting(training, family_name="Yes")
    consenting(training, family_name="Noemail", email="")
    make_attendance(training, make_participant(family_name="Noconsent", email="n@example.org"))
    make_attendance(training, make_participant(family_name="Left", email="l@example.org", consent_to_contact=True),
                    completed=False)
    planned = make_activity(training.workplan, planned_start=date(2024, 3, 4))
    consenting(planned, family_name="Planned")
    assert followup.schedule(date(2024, 3, 9)) == 2
    assert followup.schedule(date(2024, 3, 10)) == 0  # idempotent
    assert sorted(FollowUpSurvey.objects.values_list("attendance_id", "wave", "due_on")) == [
        (wanted.pk, 6, date(2024, 9, 8)), (wanted.pk, 12, date(2025, 3, 8))]


def test_sent_once_when_due_in_participants_language(training):
    consenting(training, family_name="Diallo", language="fr")
    followup.schedule(date(2024, 3, 9))
    assert followup.send_due(at(date(2024, 9, 7))).sent == 0  # not before the due day
    assert len(mail.outbox) == 0
    assert followup.send_due(at(date(2024, 9, 8))).sent == 1
    assert followup.send_due(at(date(2024, 9, 8), 15)).sent == 0  # sent once
    message = mail.outbox[0]
    assert message.to == ["diallo@example.org"]
    assert "Investigating forced labour" in message.subject
    survey = FollowUpSurvey.objects.get(wave=6)
    assert survey.token_hash == followup.hash_token(link_in(message))  # only the hash is stored
    assert link_in(message) not in str(FollowUpSurvey.objects.values())
    assert survey.expires_at == at(date(2024, 9, 8)) + timedelta(days=60)
    assert "/fr/activities/follow-up/" in message.body  # the page opens in the participant's language
    assert "7 novembre 2024" in message.body  # the expiry date written in French


def test_english_participant_gets_the_unprefixed_link(training):
    consenting(training, family_name="Smith", language="en")
    followup.schedule(date(2024, 3, 9))
    followup.send_due(at(date(2024, 9, 8)))
    assert "/activities/follow-up/" in mail.outbox[0].body and "/fr/" not in mail.outbox[0].body


def test_reminders_twice_at_most_with_the_same_link(training):
    consenting(training, family_name="Rem")
    followup.schedule(date(2024, 3, 9))
    followup.send_due(at(date(2024, 9, 8)))
    assert followup.send_due(at(date(2024, 9, 21))).reminders == 0  # 13 days: too early
    assert followup.send_due(at(date(2024, 9, 22))).reminders == 1
    assert followup.send_due(at(date(2024, 10, 5))).reminders == 0
    assert followup.send_due(at(date(2024, 10, 6))).reminders == 1
    assert followup.send_due(at(date(2024, 10, 30))).reminders == 0  # at most two
    links = {link_in(m) for m in mail.outbox}
    assert len(mail.outbox) == 3 and len(links) == 1
    assert mail.outbox[1].subject.startswith("Reminder:")


def test_no_reminder_after_an_answer(training):
    consenting(training, family_name="Ans")
    followup.schedule(date(2024, 3, 9))
    followup.send_due(at(date(2024, 9, 8)))
    survey = FollowUpSurvey.objects.get(wave=6)
    followup.record_response(survey, "daily", "", "", {}, now=at(date(2024, 9, 10)))
    assert followup.send_due(at(date(2024, 9, 30))).reminders == 0


def test_withdrawn_consent_stops_sending(training):
    attendance = consenting(training, family_name="Withdrawn")
    followup.schedule(date(2024, 3, 9))
    attendance.participant.consent_to_contact = False
    attendance.participant.save()
    assert followup.send_due(at(date(2024, 9, 8))).sent == 0


def test_link_works_once_then_says_answered(client, training):
    attendance = consenting(training, family_name="Zorbatest")
    FollowUpQuestion.objects.create(activity=training, text="Did you share the material with colleagues?")
    survey = FollowUpSurvey.objects.create(attendance=attendance, wave=6, due_on=date.today())
    followup.send_due()
    token = link_in(mail.outbox[0])
    url = reverse("activities:followup_answer", args=[token])
    page = client.get(url).content.decode()
    assert "Did you share the material" in page and "Zorbatest" not in page  # no personal data on the page
    response = client.post(url, {"use": "daily", "use_description": "Interviews", "example": "A case file",
                                 f"extra_{training.followup_questions.get().pk}": "Yes, twice"})
    assert "have been recorded" in response.content.decode()
    survey.refresh_from_db()
    assert survey.use == "daily" and survey.extra_answers == {str(training.followup_questions.get().pk): "Yes, twice"}
    again = client.get(url)
    assert "already been answered" in again.content.decode()
    assert client.post(url, {"use": "no"}).content.decode().count("already been answered") == 1
    survey.refresh_from_db()
    assert survey.use == "daily"
    assert client.get(reverse("activities:followup_answer", args=["not-a-link"])).status_code == 404


def test_expired_link(client, training):
    consenting(training, family_name="Late")
    followup.schedule(date(2024, 3, 9))
    followup.send_due(at(date(2024, 9, 8)))
    survey = FollowUpSurvey.objects.get(wave=6)
    with pytest.raises(followup.LinkExpired):
        followup.survey_for_token(link_in(mail.outbox[0]), now=at(date(2024, 11, 8)))
    FollowUpSurvey.objects.filter(pk=survey.pk).update(expires_at=at(date(2024, 9, 9)))
    response = client.get(reverse("activities:followup_answer", args=[link_in(mail.outbox[0])]))
    assert response.status_code == 410 and "expired" in response.content.decode()


def test_response_rates_per_event_and_country(client, training):
    for name in ("Ra", "Rb", "Rc", "Rd"):
        consenting(training, family_name=name)
    niger = make_activity(status=Activity.Status.DELIVERED, planned_start=date(2024, 3, 4), country_id="NER", code="N1")
    consenting(niger, family_name="Ne", country="NER")
    followup.schedule(date(2024, 3, 9))
    followup.send_due(at(date(2024, 9, 8)))
    for survey in FollowUpSurvey.objects.filter(wave=6, attendance__participant__family_name__in=["Ra", "Rb", "Rc"]):
        followup.record_response(survey, "sometimes", "", "", {})
    per_event, per_country = followup.response_rates(FollowUpSurvey.objects.all())
    assert [(r.sent, r.answered, r.percent) for r in per_country] == [(4, 3, 75), (1, 0, 0)]  # Mali, Niger
    assert [r.label for r in per_country] == ["Mali", "Niger"]
    assert per_event[0].percent == 75
    client.force_login(make_user("officer", "programme_officer", ["NER"]))
    page = client.get(reverse("activities:followup_rates")).content.decode()
    assert "Niger" in page and "Mali" not in page


def test_command_with_moved_clock(training):
    consenting(training, family_name="Cmd")
    call_command("send_followups", "--today", "2024-03-09")
    assert len(mail.outbox) == 0
    assert FollowUpSurvey.objects.count() == 2
    call_command("send_followups", "--today", "2025-03-08")  # the 6-month wave is too late by now; 12 months due
    assert [s.wave for s in FollowUpSurvey.objects.filter(sent_at__isnull=False)] == [12]
    assert len(mail.outbox) == 1


class MailServerDownOnce(locmem.EmailBackend):
    """Refuses the first message, as an SMTP server that drops the connection, then delivers."""

    failures_left = 0

    def send_messages(self, messages):
        if MailServerDownOnce.failures_left:
            MailServerDownOnce.failures_left -= 1
            raise smtplib.SMTPServerDisconnected("connection unexpectedly closed")
        return super().send_messages(messages)


def test_daily_task_retried_after_a_mail_failure_sends_each_survey_once(training, settings):
    settings.EMAIL_BACKEND = f"{__name__}.MailServerDownOnce"
    MailServerDownOnce.failures_left = 1
    today = timezone.localdate()
    for name in ("Alphaperson", "Betaperson", "Gammaperson"):
        FollowUpSurvey.objects.create(attendance=consenting(training, family_name=name), wave=6, due_on=today)
    HUEY.flush()
    send_followups()  # the first message fails: the run stops and is scheduled again
    assert FollowUpSurvey.objects.filter(sent_at__isnull=False).count() == len(mail.outbox) < 3
    retries = HUEY.read_schedule(datetime.utcnow() + timedelta(days=1))  # huey keeps naive UTC times
    assert [task.name for task in retries] == ["send_followups"]
    for task in retries:
        HUEY.execute(task, timestamp=task.eta)  # as the consumer does once the delay is over
    assert sorted(message.to[0] for message in mail.outbox) == [
        "alphaperson@example.org", "betaperson@example.org", "gammaperson@example.org"]
    assert not FollowUpSurvey.objects.filter(sent_at__isnull=True).exists()
