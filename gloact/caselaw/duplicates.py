"""Likely duplicate cases, flagged before publication: another case of the same jurisdiction
with the same court reference (or ECLI), or decided the same year under a similar title.

Entry point: `likely_duplicates(case) -> [(other case, reason)]`.
"""

import difflib
import re
import unicodedata

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from .models import Case, Proceeding

TITLE_SIMILARITY = 0.85
_NOT_WORD = re.compile(r"[\W_]+")


def normalise_title(title: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed: "Ministère public c. A.B."
    and "ministere public c ab" compare equal."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", plain).strip()


def normalise_reference(reference: str) -> str:
    return re.sub(r"[\s./\\-]+", "", reference.casefold())


def title_similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, normalise_title(a), normalise_title(b)).ratio()


def decision_years(case: Case) -> set[int]:
    """Years of the case's dated rulings: all of them, so that a case recorded with its appeal
    still matches the same case recorded with its first instance only."""
    return {p.date.year for p in case.proceedings.all() if p.date}


def likely_duplicates(case: Case) -> list[tuple[Case, str]]:
    """Other cases of the same jurisdiction that are probably the same case, with the reason."""
    candidates = (
        Case.objects.filter(jurisdiction_id=case.jurisdiction_id)
        .exclude(pk=case.pk).exclude(status=Case.Status.REMOVED)
        .prefetch_related(Prefetch("proceedings", queryset=Proceeding.objects.only("pk", "case_id", "date")))
        .order_by("public_id")
    )
    reference = normalise_reference(case.court_reference)
    ecli = case.ecli.strip().upper()
    years = decision_years(case)
    found = []
    for other in candidates:
        if reference and normalise_reference(other.court_reference) == reference:
            found.append((other, _("same court reference")))
        elif ecli and other.ecli.strip().upper() == ecli:
            found.append((other, _("same ECLI")))
        elif years & decision_years(other):
            similarity = title_similarity(case.title, other.title)
            if similarity >= TITLE_SIMILARITY:
                found.append((other, _("similar title (%(percent)d%%), same decision year")
                               % {"percent": similarity * 100}))
    return found
