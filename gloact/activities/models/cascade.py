"""Training of trainers: a trainer's progress through the four steps to certification. The
trainings they later deliver are activities where they attend as trainer (see ../cascade.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TrainerTrack(models.Model):
    participant = models.ForeignKey("activities.Participant", models.PROTECT, related_name="trainer_tracks",
                                    verbose_name=_("trainer"))
    tot_activity = models.ForeignKey("activities.Activity", models.PROTECT, related_name="trainer_tracks",
                                     verbose_name=_("training of trainers"), limit_choices_to={"kind": "tot"})
    presenting_skills_on = models.DateField(_("step 1: presenting skills"), null=True, blank=True)
    content_on = models.DateField(_("step 2: content"), null=True, blank=True)
    first_training = models.ForeignKey("activities.Activity", models.SET_NULL, null=True, blank=True, related_name="+",
                                       verbose_name=_("step 3: first live training"))
    second_training = models.ForeignKey("activities.Activity", models.SET_NULL, null=True, blank=True, related_name="+",
                                        verbose_name=_("step 4: second live training"))
    certified_on = models.DateField(_("certified on"), null=True, blank=True)

    class Meta:
        ordering = ["tot_activity", "participant"]
        constraints = [models.UniqueConstraint(fields=["participant", "tot_activity"], name="activities_trainertrack_unique")]
        verbose_name = _("trainer track")
        verbose_name_plural = _("trainer tracks")

    def __str__(self) -> str:
        return f"{self.participant} ({self.tot_activity.code})"

    @property
    def steps_done(self) -> int:
        return sum(bool(step) for step in (self.presenting_skills_on, self.content_on, self.first_training_id,
                                           self.second_training_id))
