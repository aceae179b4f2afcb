"""Models of the case law database, one concept per module."""

from .access_log import RestrictedAccessLog
from .case import Case, CaseTexts, CaseTranslation, RouteCountry
from .jurisdiction import CaseSequence, Jurisdiction, next_public_id
from .person import Charge, Person, PersonIdentity
from .proceeding import Proceeding
from .source import Source
from .vocabulary import Term, Vocabulary

__all__ = [
    "Case", "CaseSequence", "CaseTexts", "CaseTranslation", "Charge", "Jurisdiction", "Person", "PersonIdentity",
    "Proceeding", "RestrictedAccessLog", "RouteCountry", "Source", "Term", "Vocabulary", "next_public_id",
]
