"""The result rules and the validator: small files written here, and the IATI standard's own
should-pass and should-fail activity files."""

from pathlib import Path

import pytest
from lxml import etree

from gloact.reporting.iati.rules import check_result_rules, period_starts_before_end, reference_at_one_level, values_match_measure
from gloact.reporting.iati.validation import validate_activity_file

ACTIVITY = """<?xml version="1.0"?>
<iati-activities version="2.03">
  <iati-activity>
    <iati-identifier>XM-DAC-41128-test</iati-identifier>
    <reporting-org ref="XM-DAC-41128" type="40"><narrative>UNODC</narrative></reporting-org>
    <title><narrative>Test</narrative></title>
    <description><narrative>Test</narrative></description>
    <participating-org role="4" ref="XM-DAC-41128"/>
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2020-01-01"/>
    {result}
  </iati-activity>
</iati-activities>
"""


def activity(result: str) -> bytes:
    return ACTIVITY.format(result=result).encode()


def indicator(body: str, measure: str = "1", reference: str = "") -> str:
    return f"""<result type="2"><title><narrative>R</narrative></title>{reference}
      <indicator measure="{measure}"><title><narrative>I</narrative></title>{body}</indicator></result>"""


def period(start: str, end: str, figures: str = "") -> str:
    return f'<period><period-start iso-date="{start}"/><period-end iso-date="{end}"/>{figures}</period>'


def problems(rule, content: bytes) -> list:
    return list(rule(etree.ElementTree(etree.fromstring(content))))


def test_period_start_before_end():
    assert problems(period_starts_before_end, activity(indicator(period("2020-01-01", "2020-06-30")))) == []
    found = problems(period_starts_before_end, activity(indicator(period("2020-07-01", "2020-06-30"))))
    assert len(found) == 1 and "2020-07-01" in found[0].message and found[0].line == 12
    assert len(problems(period_starts_before_end, activity(indicator(period("2020-06-30", "2020-06-30"))))) == 1


@pytest.mark.parametrize("measure", ["1", "2", "3", "4"])
def test_quantitative_figures_need_a_value(measure):
    valued = '<baseline year="2019" value="3"/>' + period("2020-01-01", "2020-12-31", '<target value="5"/><actual value="4"/>')
    assert problems(values_match_measure, activity(indicator(valued, measure))) == []
    bare = '<baseline year="2019"/>' + period("2020-01-01", "2020-12-31", "<target/><actual/>")
    found = problems(values_match_measure, activity(indicator(bare, measure)))
    assert [p.message.split(" of ")[0] for p in found] == ["A baseline", "A target", "A actual"]
    assert all(f"measure {measure}" in p.message for p in found)


def test_qualitative_figures_carry_no_value():
    commented = ('<baseline year="2019"><comment><narrative>none</narrative></comment></baseline>'
                 + period("2020-01-01", "2020-12-31", "<actual><comment><narrative>done</narrative></comment></actual>"))
    assert problems(values_match_measure, activity(indicator(commented, "5"))) == []
    valued = period("2020-01-01", "2020-12-31", '<target value="1"/><actual value="1"/>')
    found = problems(values_match_measure, activity(indicator(valued, "5")))
    assert len(found) == 2 and all("must not have a value" in p.message for p in found)


def test_measures_outside_the_codelist_are_left_to_other_checks():
    # The standard's own should-pass files use measure="Unit" without values.
    assert problems(values_match_measure, activity(indicator(period("2020-01-01", "2020-12-31", "<actual/>"), "Unit"))) == []


def test_reference_at_result_or_indicator_level_not_both():
    at_result = indicator("", reference='<reference vocabulary="1" code="1.1"/>')
    at_indicator = indicator('<reference vocabulary="99" code="O.1"/>')
    assert problems(reference_at_one_level, activity(at_result)) == []
    assert problems(reference_at_one_level, activity(at_indicator)) == []
    both = indicator('<reference vocabulary="99" code="O.1"/>', reference='<reference vocabulary="1" code="1.1"/>')
    found = problems(reference_at_one_level, activity(both))
    assert len(found) == 1 and "already has a reference" in found[0].message


def test_check_result_rules_sorts_problems_by_line():
    content = activity(indicator(period("2021-01-01", "2020-01-01", '<actual value="1"/>'), "5"))
    assert [p.line for p in check_result_rules(etree.ElementTree(etree.fromstring(content)))] == [12, 12]


# -- the validator: XSD and rules together ------------------------------------------------------

def test_validator_reports_xsd_and_rule_problems_with_lines(iati_dir):
    assert validate_activity_file(activity(indicator(period("2020-01-01", "2020-12-31", '<actual value="4"/>')))) == []
    messages = validate_activity_file(activity(indicator(period("2021-01-01", "2020-12-31", "<actual/>"))))
    assert len(messages) == 2 and all(m.startswith("line 12: ") for m in messages)
    missing_title = activity("").replace(b"<title><narrative>Test</narrative></title>", b"")
    assert validate_activity_file(missing_title) == [
        "line 7: Element 'description': This element is not expected. Expected is ( title )."
    ]
    assert validate_activity_file(b"<iati-activities><oops></iati-activities>")[0].startswith("line 1: ")


def test_validator_does_not_resolve_entities(iati_dir, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("classified")
    content = activity("").replace(b'<?xml version="1.0"?>', f'<!DOCTYPE x [<!ENTITY s SYSTEM "file://{secret}">]>'.encode())
    content = content.replace(b"<narrative>Test</narrative></title>", b"<narrative>&s;</narrative></title>")
    messages = validate_activity_file(content)
    assert messages == ["line 1: IATI files have no document type declaration: it is not read, for safety."]


# The IATI-Schemas test files. Every should-fail file breaks the XSD (they test the schema), so all of
# them are used, not only those under should-fail/result; the result rules must not reject any should-pass file.
TESTS_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "iati" / "2.03" / "activity-tests"


def _test_files(kind: str) -> list:
    files = sorted((TESTS_DIR / kind).rglob("*.xml")) if TESTS_DIR.is_dir() else []
    return [pytest.param(f, id=str(f.relative_to(TESTS_DIR / kind))) for f in files] or [pytest.param(None, id="absent")]


@pytest.mark.parametrize("path", _test_files("should-pass"))
def test_standard_should_pass_files_pass(iati_dir, path):
    assert validate_activity_file(path.read_bytes()) == []


@pytest.mark.parametrize("path", _test_files("should-fail"))
def test_standard_should_fail_files_fail(iati_dir, path):
    assert validate_activity_file(path.read_bytes()) != []
