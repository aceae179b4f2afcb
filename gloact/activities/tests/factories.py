"""Small builders for activities tests."""

from datetime import date

from gloact.activities.models import Activity, Attendance, Participant, Workplan
from gloact.monitoring.tests.factories import make_programme


def make_workplan(country="MLI", programme=None, title=None, start=date(2020, 1, 1), end=date(2020, 12, 31), **fields):
    programme = programme or make_programme(code=f"prog-{Workplan.objects.count() + 1}")
    fields.setdefault("kind", Workplan.Kind.SIX_MONTHLY)
    return Workplan.objects.create(programme=programme, country_id=country, title=title or f"Workplan {country}",
                                   start=start, end=end, **fields)


def make_activity(workplan=None, code=None, kind=Activity.Kind.TRAINING, planned_start=date(2020, 3, 2), planned_end=None,
                  **fields):
    workplan = workplan or make_workplan(country=fields.pop("country_id", "MLI"))
    code = code or f"A{workplan.activities.count() + 1:03d}"
    fields.setdefault("title", f"Activity {code}")
    return Activity.objects.create(workplan=workplan, code=code, kind=kind, planned_start=planned_start,
                                   planned_end=planned_end or planned_start, **fields)


def make_participant(given_name="Amina", family_name="Testperson", country="MLI", **fields):
    return Participant.objects.create(given_name=given_name, family_name=family_name, country_id=country, **fields)


def make_attendance(activity, participant=None, role=Attendance.Role.PARTICIPANT, completed=True):
    participant = participant or make_participant(country=activity.country_id or "MLI")
    return Attendance.objects.create(activity=activity, participant=participant, role=role, completed=completed)
