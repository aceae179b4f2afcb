"""Reading one row of statistics (GLOTIP or national data) into the fields of StatisticValue.

Labels are matched without regard to case; codes (e.g. "detected_victims") are accepted too, so
that a national template can use either. A row that cannot be read gives the reason instead."""

import re
from dataclasses import dataclass

from .models.statistics import Age, Dimension, Indicator, Sex

INDICATOR_LABELS = {
    "detected trafficking victims": Indicator.DETECTED_VICTIMS,
    "persons brought into formal contact": Indicator.BROUGHT_INTO_CONTACT,
    "persons prosecuted": Indicator.PROSECUTED,
    "persons convicted": Indicator.CONVICTED,
    "offences of trafficking in persons": Indicator.OFFENCES,
}
DIMENSION_LABELS = {
    "total": Dimension.TOTAL,
    "by form of exploitation": Dimension.FORM_OF_EXPLOITATION,
    "by citizenship": Dimension.CITIZENSHIP,
    "by country of repatriation": Dimension.COUNTRY_OF_REPATRIATION,
}
SEX_LABELS = {"total": Sex.TOTAL, "female": Sex.FEMALE, "male": Sex.MALE, "other": Sex.OTHER, "unknown": Sex.UNKNOWN}
AGE_LABELS = {
    "total": Age.TOTAL,
    "0 to 17 years": Age.CHILD,
    "18 years or over": Age.ADULT,
    "unknown": Age.UNKNOWN,
}
SUPPRESSED_TEXTS = {"<5", "< 5"}
_NUMBER = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")
FIRST_YEAR, LAST_YEAR = 1990, 2100


class RowError(ValueError):
    """Why a row cannot be interpreted."""


@dataclass(frozen=True)
class ReadRow:
    indicator: str
    dimension: str
    category: str
    sex: str
    age: str
    year: int
    value: int | None
    suppressed: bool


def _choice(text, labels: dict, choices, what: str) -> str:
    key = str(text or "").strip().lower()
    if key in labels:
        return labels[key]
    if key in choices.values:
        return key
    raise RowError(f"unknown {what} {text!r}")


def read_count(text) -> tuple[int | None, bool]:
    """(value, suppressed) from a published count: "<5", "1,757", 12 or "12"."""
    if isinstance(text, bool):
        raise RowError(f"not a count: {text!r}")
    if isinstance(text, int | float):
        if text != int(text) or text < 0:
            raise RowError(f"not a count: {text!r}")
        text = str(int(text))
    cleaned = str(text or "").strip()
    if cleaned in SUPPRESSED_TEXTS:
        return None, True
    if not _NUMBER.match(cleaned):
        raise RowError(f"not a count: {text!r}")
    value = int(cleaned.replace(",", ""))
    if value < 5:  # a small count entered as a number is suppressed on the way in, never stored
        return None, True
    return value, False


def read_row(indicator, dimension, category, sex, age, year, value) -> ReadRow:
    try:
        year_number = int(str(year).strip())
    except ValueError:
        raise RowError(f"not a year: {year!r}") from None
    if not FIRST_YEAR <= year_number <= LAST_YEAR:
        raise RowError(f"not a year: {year!r}")
    count, suppressed = read_count(value)
    dimension_code = _choice(dimension, DIMENSION_LABELS, Dimension, "dimension")
    category_text = str(category or "").strip()
    if not category_text:
        raise RowError("no category")
    return ReadRow(
        indicator=_choice(indicator, INDICATOR_LABELS, Indicator, "indicator"),
        dimension=dimension_code,
        category="Total" if dimension_code == Dimension.TOTAL else category_text,
        sex=_choice(sex, SEX_LABELS, Sex, "sex"),
        age=_choice(age, AGE_LABELS, Age, "age"),
        year=year_number,
        value=count,
        suppressed=suppressed,
    )
