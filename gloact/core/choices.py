"""Choices shared by several apps' models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    # Also the codes of the controlled "sex" dimension in monitoring, so counts feed indicators directly.
    FEMALE = "female", _("female")
    MALE = "male", _("male")
    OTHER = "other", _("other")
    UNKNOWN = "unknown", _("unknown")
