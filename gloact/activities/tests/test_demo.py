"""The demo activities load once, with near-duplicates to show and figures that add up."""

import pytest

from gloact.activities import demo, registry
from gloact.activities.models import Activity, Attendance, Participant, Workplan
from gloact.activities.planning import planned_versus_delivered
from gloact.monitoring.models import Programme

pytestmark = pytest.mark.django_db


def test_demo_loads_once():
    assert demo.load() > 0
    assert demo.load() == 0
    assert Workplan.objects.count() == 3
    activities = Activity.objects.filter(code__in=[a[1] for a in demo.ACTIVITIES])
    assert activities.count() == 12 and activities.filter(in_capital=False).count() >= 5
    cancelled = activities.get(status=Activity.Status.CANCELLED)
    assert cancelled.cancellation_reason
    assert Participant.objects.count() == 63
    assert Attendance.objects.filter(participant__country="MAR", activity__code="MLI-04").exists()
    reasons = {reason for c in registry.find_duplicates(Participant.objects.all()) for reason in c.reasons}
    assert {registry.SAME_NAME, registry.SWAPPED_NAME, registry.SAME_EMAIL} <= reasons
    rows, total = planned_versus_delivered(Programme.objects.get(code=demo.monitoring_demo.CODE), activities)
    assert total.planned == 12 == sum(r.planned for r in rows)
    assert total.delivered == activities.filter(status=Activity.Status.DELIVERED).count()


def test_demo_pages_render(client):
    from django.urls import reverse

    from gloact.accounts.tests.factories import make_user

    demo.load()
    client.force_login(make_user("manager", "programme_manager"))
    workplan = Workplan.objects.get(country="MLI")
    workshop = Activity.objects.get(code="MLI-04")
    urls = [reverse("activities:index"), reverse("activities:workplans"), reverse("activities:participants") + "?q=sampleton",
            reverse("activities:workplan", args=[workplan.pk]), reverse("activities:activity", args=[workshop.pk]),
            reverse("activities:plan", args=[demo.monitoring_demo.CODE]) + "?country=MLI",
            reverse("activities:duplicates"),
            reverse("activities:participant", args=[workshop.attendances.first().participant_id])]
    for url in urls:
        assert client.get(url).status_code == 200, url
    pdf = client.get(reverse("activities:event_certificates", args=[workshop.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
