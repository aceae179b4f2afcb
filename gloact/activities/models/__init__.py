from .attendance import Attendance
from .cascade import TrainerTrack
from .feed import IndicatorFeed
from .followup import FollowUpQuestion, FollowUpSurvey
from .learning import KnowledgeTest, Question, SatisfactionResponse, TestResult
from .participant import Participant, ParticipantMerge
from .workplan import Activity, Workplan

__all__ = [
    "Activity", "Attendance", "FollowUpQuestion", "FollowUpSurvey", "IndicatorFeed", "KnowledgeTest", "Participant",
    "ParticipantMerge", "Question", "SatisfactionResponse", "TestResult", "TrainerTrack", "Workplan",
]
