"""Certificates of completion as PDF, rendered by WeasyPrint from a Django template.

Each certificate is written in the participant's preferred language (dates, country names and the
wording follow it; Arabic is laid out right to left). An event's certificates come as one PDF, a
page per person, each page in its holder's language. Only completed attendances of delivered
activities get one; its number is the activity code and the attendance number.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Activity, Attendance

TEMPLATE = "activities/records/certificate.html"


class NotEligible(ValueError):
    pass


def is_eligible(attendance: Attendance) -> bool:
    return attendance.completed and attendance.activity.status == Activity.Status.DELIVERED


def eligible_attendances(activity: Activity):
    if activity.status != Activity.Status.DELIVERED:
        return Attendance.objects.none()
    return activity.attendances.filter(completed=True).select_related(
        "participant", "activity__country", "activity__workplan__programme")


def _page(attendance: Attendance, issued_on) -> str:
    participant, activity = attendance.participant, attendance.activity
    with translation.override(participant.language):
        return render_to_string("activities/records/_certificate_page.html", {
            "attendance": attendance,
            "participant": participant,
            "activity": activity,
            "country": activity.country.localized_name() if activity.country_id else "",
            "programme": activity.workplan.programme,
            "issued_on": issued_on,
            "language": translation.get_language(),
            "bidi": translation.get_language_bidi(),
        })


def render_pdf(attendances, issued_on=None) -> bytes:
    """One PDF with a certificate page for each of `attendances` (all must be eligible)."""
    from weasyprint import HTML

    attendances = list(attendances)
    for attendance in attendances:
        if not is_eligible(attendance):
            raise NotEligible(_("Only participants who completed a delivered activity receive a certificate."))
    issued_on = issued_on or timezone.localdate()
    html = render_to_string(TEMPLATE, {"pages": [_page(a, issued_on) for a in attendances], "site_name": settings.SITE_NAME})
    return HTML(string=html).write_pdf()


def certificate_filename(attendance: Attendance) -> str:
    return f"certificate-{attendance.certificate_number}.pdf"
