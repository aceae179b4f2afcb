"""Fixtures of the report tests: the GLO.ACT demo programme with its narrative, a few
activities and trainings in Mali and Niger, published cases, and the IATI 2.03 schema folder."""

from datetime import date
from pathlib import Path

import pytest
from django.test import override_settings

from gloact.activities.models import Activity, Participant
from gloact.activities.tests.factories import make_activity, make_attendance, make_participant
from gloact.activities.models import Workplan
from gloact.caselaw.tests.factories import make_published_case
from gloact.monitoring import demo as monitoring_demo
from gloact.monitoring.models import Programme
from gloact.reporting import demo as reporting_demo


@pytest.fixture
def programme(db):
    monitoring_demo.load()
    reporting_demo.load()
    return Programme.objects.get(code=monitoring_demo.CODE)


def component(programme, country, partner):
    return programme.components.get(country_id=country, implementing_partner=partner)


@pytest.fixture
def field_work(programme):
    """Mali (IOM): two trainings delivered (3 women, 2 men, one woman in both), one workshop
    postponed; Niger (UNODC): one training delivered (4 men). Published cases in Mali and Niger."""
    mali = Workplan.objects.create(programme=programme, component=component(programme, "MLI", "IOM"), kind="six_monthly",
                                   title="Mali workplan", start=date(2016, 1, 1), end=date(2016, 12, 31))
    niger = Workplan.objects.create(programme=programme, component=component(programme, "NER", "UNODC"), kind="six_monthly",
                                    title="Niger workplan", start=date(2016, 1, 1), end=date(2016, 12, 31))
    delivered = {"status": Activity.Status.DELIVERED}
    first = make_activity(mali, "MLI-T1", planned_start=date(2016, 3, 1), actual_start=date(2016, 3, 8), **delivered)
    second = make_activity(mali, "MLI-T2", planned_start=date(2016, 5, 1), actual_start=date(2016, 5, 3), **delivered)
    make_activity(mali, "MLI-W1", kind=Activity.Kind.WORKSHOP, planned_start=date(2016, 6, 1), status=Activity.Status.POSTPONED)
    women = [make_participant(f"Woman{n}", "Synthetic", "MLI", sex=Participant.Sex.FEMALE) for n in range(3)]
    men = [make_participant(f"Man{n}", "Synthetic", "MLI", sex=Participant.Sex.MALE) for n in range(2)]
    for person in women[:2] + men:
        make_attendance(first, person)
    for person in women[1:]:
        make_attendance(second, person)
    make_attendance(second, make_participant("Trainer", "Synthetic", "MLI", sex=Participant.Sex.MALE), role="trainer")
    niger_training = make_activity(niger, "NER-T1", planned_start=date(2016, 4, 1), actual_start=date(2016, 4, 4), **delivered)
    for n in range(4):
        make_attendance(niger_training, make_participant(f"Officer{n}", "Synthetic", "NER", sex=Participant.Sex.MALE))
    mali_case = make_published_case("MLI", title="Synthetic Mali landmark case", summary="Synthetic summary of the Mali case.",
                                    is_landmark=True)
    niger_case = make_published_case("NER", title="Synthetic Niger landmark case", is_landmark=True)
    return {"mali_case": mali_case, "niger_case": niger_case}


@pytest.fixture
def iati_dir(shared_data):
    """The IATI 2.03 folder of ../shared/data (schema, codelists, the standard's test files)."""
    path = Path(shared_data) / "iati" / "2.03"
    if not (path / "schema").is_dir():
        pytest.skip("../shared/data/iati/2.03 is not there")
    with override_settings(GLOACT_IATI_SCHEMA_DIR=str(path / "schema")):
        yield path
