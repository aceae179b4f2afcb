"""Disaggregation dimensions and their categories.

Sex and age are controlled: created by migration with fixed codes so that results from every
programme can be compared. Programmes add their own dimensions (person type, nationality,
institution type) with their own categories.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# code -> (label, [(category code, label)]); the migration loads these, the labels translate here.
CONTROLLED_DIMENSIONS = {
    "sex": (_("Sex"), [("female", _("female")), ("male", _("male")), ("other", _("other")), ("unknown", _("unknown"))]),
    "age": (_("Age"), [("child", _("child (under 18)")), ("adult", _("adult (18 and over)")), ("unknown", _("unknown"))]),
}


class Dimension(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    controlled = models.BooleanField(_("controlled"), default=False, editable=False)
    programme = models.ForeignKey(
        "monitoring.Programme", models.CASCADE, null=True, blank=True, related_name="dimensions",
        verbose_name=_("programme"), help_text=_("Empty for dimensions shared by all programmes."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("disaggregation dimension")
        verbose_name_plural = _("disaggregation dimensions")

    def __str__(self) -> str:
        return str(self.display_name)

    @property
    def display_name(self):
        controlled = CONTROLLED_DIMENSIONS.get(self.code) if self.controlled else None
        return controlled[0] if controlled else self.name


class DimensionCategory(models.Model):
    dimension = models.ForeignKey(Dimension, models.CASCADE, related_name="categories", verbose_name=_("dimension"))
    code = models.SlugField(_("code"), max_length=40)
    label = models.CharField(_("label"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["dimension", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["dimension", "code"], name="monitoring_category_unique_code")]
        verbose_name = _("disaggregation category")
        verbose_name_plural = _("disaggregation categories")

    def __str__(self) -> str:
        return f"{self.dimension.display_name}: {self.display_label}"

    @property
    def display_label(self):
        if self.dimension.controlled:
            labels = dict(CONTROLLED_DIMENSIONS.get(self.dimension.code, ("", []))[1])
            return labels.get(self.code, self.label)
        return self.label

    @property
    def column_name(self) -> str:
        """How the category is named in import spreadsheets, e.g. "sex:female"."""
        return f"{self.dimension.code}:{self.code}"
