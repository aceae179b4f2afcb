from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaselawConfig(AppConfig):
    name = "gloact.caselaw"
    label = "caselaw"
    verbose_name = _("Case law")
    demo_loader = "gloact.caselaw.demo.load"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import PersonIdentity

        # The audit trail records changed values; restricted identities must not be copied into
        # it (they would be readable by everyone who may read the trail). Their changes are
        # still logged, without the values.
        if auditlog.contains(PersonIdentity):
            auditlog.unregister(PersonIdentity)
        auditlog.register(PersonIdentity, exclude_fields=list(PersonIdentity.RESTRICTED_FIELDS))

        from .search import signals  # noqa: F401  (keeps the search index in step with the data)
        from . import tasks  # noqa: F401  (its signals regenerate the download files)

        from .privacy import signals as privacy_signals

        privacy_signals.connect()  # redacted decision texts follow their extracted text
