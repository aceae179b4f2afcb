"""Signal handlers that re-index a case whenever something it is searched by changes, in the same
transaction as the change. Bulk updates (QuerySet.update, bulk_create) send no signals: code that
uses them calls index_case itself, or an operator runs `gloact reindex_cases`."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from ..models import Case, CaseTranslation, Proceeding, Source
from .index import index_case, remove_case


@receiver(post_save, sender=Case, dispatch_uid="caselaw_search_case_saved")
def case_saved(sender, instance, raw=False, **kwargs):
    index_case(instance.pk)


@receiver(post_delete, sender=Case, dispatch_uid="caselaw_search_case_deleted")
def case_deleted(sender, instance, **kwargs):
    remove_case(instance.pk)


def part_changed(sender, instance, **kwargs):
    index_case(instance.case_id)


for model in (CaseTranslation, Proceeding, Source):
    post_save.connect(part_changed, sender=model, dispatch_uid=f"caselaw_search_{model.__name__}_saved")
    post_delete.connect(part_changed, sender=model, dispatch_uid=f"caselaw_search_{model.__name__}_deleted")
