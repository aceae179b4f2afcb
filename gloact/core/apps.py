from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gloact.core"
    label = "core"
    verbose_name = _("Reference data")
    demo_loader = "gloact.core.demo.load"

    def ready(self):
        from .audit import register_domain_models

        register_domain_models()
