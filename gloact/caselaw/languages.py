"""Languages in which the texts of a case (summary, reasoning, ...) are written or translated."""

from django.utils.translation import gettext_lazy as _

# The six UN official languages (the site's languages) and Portuguese (Brazil is a GLO.ACT country).
TEXT_LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ru", _("Russian")),
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("pt", _("Portuguese")),
]


def same_language(a: str, b: str) -> bool:
    """True when two language codes name the same language ("zh-hans" and "zh", "fr" and "fr-ca")."""
    a, b = (a or "").lower(), (b or "").lower()
    return a == b or a.split("-")[0] == b.split("-")[0]
