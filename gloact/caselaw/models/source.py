"""Sources of a case: the decision document or an external page about it."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .case import Case


class Source(models.Model):
    """A decision document (uploaded file) or an external URL.

    Decision documents often name victims: the uploaded file and `extracted_text` are internal
    unless `file_is_public` is set; public pages show `redacted_text`, the anonymised derivative."""

    class Kind(models.TextChoices):
        DECISION = "decision", _("decision document")
        EXTERNAL_URL = "url", _("external URL")

    case = models.ForeignKey(Case, models.CASCADE, related_name="sources", verbose_name=_("case"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.DECISION)
    title = models.CharField(_("title"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to="caselaw/sources/", blank=True)
    file_is_public = models.BooleanField(
        _("file may be published"), default=False, help_text=_("Only for files that are already anonymised.")
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, editable=False, db_index=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True, editable=False)
    language = models.CharField(_("language"), max_length=10, blank=True, help_text=_("ISO 639-1 code, e.g. fr."))
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    extracted_text = models.TextField(_("extracted text"), blank=True, help_text=_("Internal: may contain names."))
    redacted_text = models.TextField(_("redacted text"), blank=True, help_text=_("Public, anonymised version."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["case", "pk"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.title or self.url or (self.file.name if self.file else str(_("source")))

    def clean(self):
        if self.kind == self.Kind.EXTERNAL_URL and not self.url:
            raise ValidationError({"url": _("An external source needs its URL.")})
        if self.kind == self.Kind.DECISION and not (self.file or self.extracted_text):
            raise ValidationError({"file": _("Upload the decision or paste its text.")})

    def save(self, *args, **kwargs):
        if self.file and not self.sha256:
            self.sha256, self.size = file_digest(self.file)
        super().save(*args, **kwargs)


def file_digest(file) -> tuple[str, int]:
    """SHA-256 and size of a Django file, read in chunks."""
    digest, size = hashlib.sha256(), 0
    file.open("rb")
    try:
        for chunk in file.chunks():
            digest.update(chunk)
            size += len(chunk)
    finally:
        file.seek(0)
    return digest.hexdigest(), size
