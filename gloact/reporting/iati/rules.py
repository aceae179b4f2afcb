"""The IATI 2.03 rules on results that the XSD cannot express.

- A result period starts before it ends.
- Baselines, targets and actuals carry a value when the indicator's measure is quantitative
  (1 unit, 2 percentage, 3 nominal, 4 ordinal) and none when it is qualitative (5).
- Results-framework references sit at the result or at its indicators, not both.

Each rule takes a parsed activity file and yields the problems it finds, with the line of the
element at fault. Elements whose structure the XSD rejects are skipped here: the XSD reports them.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from lxml import etree

from .codes import QUALITATIVE_MEASURE_CODE, QUANTITATIVE_MEASURE_CODES


@dataclass(frozen=True)
class Problem:
    line: int
    message: str


def _iso_date(element) -> date | None:
    try:
        return date.fromisoformat(element.get("iso-date", ""))
    except (TypeError, ValueError):
        return None


def period_starts_before_end(tree: etree._ElementTree) -> Iterator[Problem]:
    for period in tree.iterfind(".//result/indicator/period"):
        start, end = period.find("period-start"), period.find("period-end")
        if start is None or end is None:
            continue
        start_date, end_date = _iso_date(start), _iso_date(end)
        if start_date and end_date and not start_date < end_date:
            yield Problem(start.sourceline, _("The period starts on %(start)s, not before its end on %(end)s.")
                          % {"start": start_date.isoformat(), "end": end_date.isoformat()})


def values_match_measure(tree: etree._ElementTree) -> Iterator[Problem]:
    for indicator in tree.iterfind(".//result/indicator"):
        measure = indicator.get("measure", "")
        if measure not in QUANTITATIVE_MEASURE_CODES and measure != QUALITATIVE_MEASURE_CODE:
            continue
        for figure in indicator.iterfind("baseline"):
            yield from _value_for_measure(figure, measure)
        for figure in indicator.iterfind("period/target"):
            yield from _value_for_measure(figure, measure)
        for figure in indicator.iterfind("period/actual"):
            yield from _value_for_measure(figure, measure)


def _value_for_measure(figure, measure: str) -> Iterator[Problem]:
    has_value = bool((figure.get("value") or "").strip())
    if measure == QUALITATIVE_MEASURE_CODE and has_value:
        yield Problem(figure.sourceline, _("A %(element)s of a qualitative indicator (measure 5) must not have a value.")
                      % {"element": figure.tag})
    elif measure != QUALITATIVE_MEASURE_CODE and not has_value:
        yield Problem(figure.sourceline, _("A %(element)s of a quantitative indicator (measure %(measure)s) must have a value.")
                      % {"element": figure.tag, "measure": measure})


def reference_at_one_level(tree: etree._ElementTree) -> Iterator[Problem]:
    for result in tree.iterfind(".//result"):
        if result.find("reference") is None:
            continue
        for reference in result.iterfind("indicator/reference"):
            yield Problem(reference.sourceline, _("The result already has a reference: its indicators must not have one too."))


RESULT_RULES: tuple[Callable[[etree._ElementTree], Iterator[Problem]], ...] = (
    period_starts_before_end,
    values_match_measure,
    reference_at_one_level,
)


def check_result_rules(tree: etree._ElementTree) -> list[Problem]:
    problems = [problem for rule in RESULT_RULES for problem in rule(tree)]
    return sorted(problems, key=lambda p: p.line or 0)
