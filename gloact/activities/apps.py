from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "gloact.activities"
    label = "activities"
    verbose_name = _("Activities and trainings")
    demo_loader = "gloact.activities.demo.load"
