from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "gloact.reporting"
    label = "reporting"
    verbose_name = _("Reports and open data")
    demo_loader = "gloact.reporting.demo.load"
