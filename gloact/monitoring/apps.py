from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "gloact.monitoring"
    label = "monitoring"
    verbose_name = _("Results monitoring")
    demo_loader = "gloact.monitoring.demo.load"
