"""The IATI codes the export writes and the import reads back (codelists of IATI 2.03)."""

from gloact.monitoring.models import Indicator

VERSION = "2.03"

# IndicatorMeasure: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative.
MEASURE_CODES = {
    Indicator.Measure.NUMBER: "1",
    Indicator.Measure.PERCENTAGE: "2",
    Indicator.Measure.YES_NO: "3",
    Indicator.Measure.ORDINAL: "4",
    Indicator.Measure.QUALITATIVE: "5",
}
MEASURES_FROM_CODE = {code: measure for measure, code in MEASURE_CODES.items()}
QUANTITATIVE_MEASURE_CODES = {"1", "2", "3", "4"}
QUALITATIVE_MEASURE_CODE = "5"

# ResultType: 1 output, 2 outcome, 3 impact, 9 other (read back as outcome).
RESULT_TYPES = {Indicator.Level.OUTPUT: "1", Indicator.Level.OUTCOME: "2", Indicator.Level.OBJECTIVE: "3"}
LEVELS_FROM_RESULT_TYPE = {code: level for level, code in RESULT_TYPES.items()}

# IndicatorVocabulary 99: the reporting organisation's own codes, here the programme's indicator codes.
OWN_INDICATOR_VOCABULARY = "99"

# OrganisationRole
ROLE_FUNDING = "1"
ROLE_IMPLEMENTING = "4"

# ActivityStatus
STATUS_PIPELINE, STATUS_IMPLEMENTATION, STATUS_CLOSED = "1", "2", "4"

# ActivityDateType
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"

# RelatedActivityType
RELATED_PARENT, RELATED_CHILD = "1", "2"

# Sector (DAC 5-digit, vocabulary 1): facilitation of orderly, safe, regular and responsible migration.
SECTOR_VOCABULARY_DAC = "1"
SECTOR_MIGRATION = "15190"

# BudgetType 1 original; BudgetStatus 1 indicative (see export._budgets: the yearly split is an estimate).
BUDGET_ORIGINAL = "1"
BUDGET_INDICATIVE = "1"

# Disaggregation dimensions that leave the platform: the controlled ones, the same in every programme.
EXPORTED_DIMENSIONS = ("sex", "age")
