"""Models of the country profiles, one concept per module."""

from .assessment import Answer, Assessment, AssessmentEvent, Evidence
from .assistance import AssistanceRequest, AssistanceService
from .campaign import Campaign
from .coordination import CoordinatingBody, ReferralMechanism
from .focal_point import CountryFocalPoint
from .law import NationalLaw, NationalProvision
from .questionnaire import Pillar, Question, QuestionChoice, Questionnaire
from .stakeholder import StakeholderProfile
from .statistics import Population, StatisticsDataset, StatisticValue
from .strategy import NationalStrategy
from .treaty import TreatyStatus

__all__ = [
    "Answer", "Assessment", "AssessmentEvent", "AssistanceRequest", "AssistanceService", "Campaign",
    "CoordinatingBody", "CountryFocalPoint", "Evidence", "NationalLaw", "NationalProvision", "NationalStrategy",
    "Pillar", "Population", "Question", "QuestionChoice", "Questionnaire", "ReferralMechanism", "StakeholderProfile",
    "StatisticValue", "StatisticsDataset", "TreatyStatus",
]
