from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaselawConfig(AppConfig):
    name = "gloact.caselaw"
    label = "caselaw"
    verbose_name = _("Case law")
