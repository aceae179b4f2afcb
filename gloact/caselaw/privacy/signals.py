"""Keeping decisions' public redacted text in step, and restricted values out of the audit trail."""

from auditlog.registry import auditlog
from django.db.models.signals import post_save, pre_save

from ..models import Source, TakedownRequest
from .redaction import build_redacted_text


def _remember_extracted_change(sender, instance: Source, update_fields=None, **kwargs):
    if update_fields is not None and "extracted_text" not in update_fields:
        instance._extracted_text_changed = False
        return
    old = Source.objects.filter(pk=instance.pk).values_list("extracted_text", flat=True).first() if instance.pk else ""
    instance._extracted_text_changed = (old or "") != instance.extracted_text


def _rebuild_redacted_text(sender, instance: Source, raw=False, **kwargs):
    if not raw and getattr(instance, "_extracted_text_changed", False):
        instance._extracted_text_changed = False
        build_redacted_text(instance)


def connect() -> None:
    """Called once from the app's ready()."""
    pre_save.connect(_remember_extracted_change, sender=Source, dispatch_uid="privacy_source_pre_save")
    post_save.connect(_rebuild_redacted_text, sender=Source, dispatch_uid="privacy_source_post_save")
    # The audit trail copies changed values; these may name persons.
    for model, fields in ((Source, ["extracted_text"]), (TakedownRequest, ["description", "contact_email"])):
        if auditlog.contains(model):
            auditlog.unregister(model)
        auditlog.register(model, exclude_fields=fields)
