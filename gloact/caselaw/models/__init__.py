"""Models of the case law database, one concept per module."""

from .access_log import RestrictedAccessLog
from .case import Case, CaseTexts, CaseTranslation, RouteCountry
from .editorial import CaseSuggestion, CaseVersion, FieldComment, WorkflowEvent
from .jurisdiction import CaseSequence, Jurisdiction, next_public_id
from .linkcheck import LinkCheck
from .network import CaseContribution, CollectionTask, Contributor
from .person import Charge, Person, PersonIdentity
from .privacy_review import PrivacyFindingDismissal
from .proceeding import Proceeding
from .source import Source
from .takedown import TakedownRequest
from .usage import CaseFeedback, CaseViewCount, DailyCount, SearchQuery
from .vocabulary import Term, Vocabulary

__all__ = [
    "Case", "CaseSequence", "CaseTexts", "CaseTranslation", "Charge", "Jurisdiction", "Person", "PersonIdentity",
    "PrivacyFindingDismissal", "Proceeding", "RestrictedAccessLog", "RouteCountry", "Source", "TakedownRequest",
    "Term", "Vocabulary", "next_public_id",
    "CaseSuggestion", "CaseVersion", "FieldComment", "WorkflowEvent",
    "CaseContribution", "CaseFeedback", "CaseViewCount", "CollectionTask", "Contributor", "DailyCount", "LinkCheck",
    "SearchQuery",
]
