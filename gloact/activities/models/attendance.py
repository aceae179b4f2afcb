"""Who attended an activity and in which role."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Attendance(models.Model):
    class Role(models.TextChoices):
        PARTICIPANT = "participant", _("participant")
        TRAINER = "trainer", _("trainer")
        RESOURCE_PERSON = "resource_person", _("resource person")
        ORGANISER = "organiser", _("organiser")

    activity = models.ForeignKey("activities.Activity", models.CASCADE, related_name="attendances", verbose_name=_("activity"))
    participant = models.ForeignKey("activities.Participant", models.PROTECT, related_name="attendances",
                                    verbose_name=_("participant"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT)
    completed = models.BooleanField(_("completed"), default=True, help_text=_("Attended to the end: may receive a certificate."))

    class Meta:
        ordering = ["activity", "participant"]
        constraints = [models.UniqueConstraint(fields=["activity", "participant"], name="activities_attendance_unique")]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")

    def __str__(self) -> str:
        return f"{self.participant} – {self.activity.code} ({self.get_role_display()})"

    @property
    def certificate_number(self) -> str:
        return f"{self.activity.code}-{self.pk:06d}"
