"""Models of results monitoring, one concept per module."""

from .dimension import CONTROLLED_DIMENSIONS, Dimension, DimensionCategory
from .indicator import Baseline, Indicator, StandardIndicator, Target
from .logframe import Result
from .period import ReportingPeriod
from .programme import Component, Pillar, Programme
from .report import PeriodReport, ReportLocked, ReviewEvent
from .theory_of_change import TheoryOfChange, ToCAssumption, ToCLink, ToCNode, ToCVersion
from .value import Assessment, DisaggregatedValue, EvidenceFile, IndicatorValue

__all__ = [
    "CONTROLLED_DIMENSIONS", "Assessment", "Baseline", "Component", "Dimension", "DimensionCategory",
    "DisaggregatedValue", "EvidenceFile", "Indicator", "IndicatorValue", "PeriodReport", "Pillar", "Programme",
    "ReportLocked", "ReportingPeriod", "Result", "ReviewEvent", "StandardIndicator", "Target", "TheoryOfChange",
    "ToCAssumption", "ToCLink", "ToCNode", "ToCVersion",
]
