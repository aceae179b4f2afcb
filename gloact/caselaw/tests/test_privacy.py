import pytest
from auditlog.models import LogEntry

from gloact.caselaw.models import Jurisdiction, Person

from .factories import make_case, make_jurisdiction, make_person, make_published_case

NAME = Jurisdiction.DefendantDisplay.NAME
INITIALS = Jurisdiction.DefendantDisplay.INITIALS


def labels(case):
    return [p.public_label() for p in case.persons.order_by("role", "order", "pk")]


@pytest.mark.django_db
def test_persons_are_numbered_per_role_by_default():
    case = make_case()
    for role in ["victim", "witness", "victim", "defendant", "smuggled_migrant", "plaintiff", "defendant"]:
        make_person(case, role, real_name="Synthetic Person X1", age=30)
    assert sorted(p.public_label() for p in case.persons.all()) == ["D1", "D2", "M1", "P1", "V1", "V2", "W1"]
    assert all("Synthetic" not in str(p) for p in case.persons.all())


@pytest.mark.django_db
def test_adult_defendants_follow_the_jurisdiction_setting():
    case = make_case(jurisdiction=make_jurisdiction("ZAF", defendant_display=NAME))
    adult = make_person(case, "defendant", real_name="Synthetic Person Alpha Beta", age=35)
    child = make_person(case, "defendant", real_name="Synthetic Person Minor", age=16)
    stricter = make_person(case, "defendant", real_name="Synthetic Person Gamma", age=50, display_style="initials")
    victim = make_person(case, "victim", real_name="Synthetic Person Victim", age=25)
    assert adult.public_label() == "Synthetic Person Alpha Beta"
    assert child.public_label() == "D2"
    assert stricter.public_label() == "S. P. G."
    assert victim.public_label() == "V1"

    Jurisdiction.objects.filter(code="ZAF").update(defendant_display=INITIALS)
    adult.case.jurisdiction.refresh_from_db()
    assert adult.public_label() == "S. P. A. B."


@pytest.mark.django_db
def test_a_label_is_given_to_one_person_only():
    case = make_case(jurisdiction=make_jurisdiction("ZAF", defendant_display=NAME))
    for age in (30, 40):
        make_person(case, "defendant", real_name="Synthetic Person Twin", age=age)
        make_person(case, "victim", real_name="Synthetic Person Lima", age=age, display_style="initials")
    make_person(case, "victim", real_name="Synthetic Person Other", age=50, display_style="initials")
    assert sorted(case.person_labels().values()) == [
        "S. P. L. (V1)", "S. P. L. (V2)", "S. P. O.", "Synthetic Person Twin (D1)", "Synthetic Person Twin (D2)"]


@pytest.mark.django_db
def test_defendants_are_pseudonymous_by_default():
    case = make_published_case("MLI")
    assert labels(case) == ["D1", "V1", "V2", "W1"]


@pytest.mark.django_db
def test_victims_and_witnesses_may_be_shown_by_initials_but_children_never():
    case = make_case(jurisdiction=make_jurisdiction("BRA", defendant_display=NAME))
    adult = make_person(case, "victim", real_name="Synthetic Person Adult", age=30, display_style="initials")
    child = make_person(case, "victim", real_name="Synthetic Person Child", age=12, display_style="initials")
    banded = make_person(case, "witness", real_name="Synthetic Person Band", age_band="12-17", display_style="initials")
    flagged = make_person(case, "smuggled_migrant", real_name="Synthetic Person Flag", is_child=True,
                          display_style="initials")
    assert adult.public_label() == "S. P. A."
    assert (child.public_label(), banded.public_label(), flagged.public_label()) == ("V2", "W1", "M1")
    assert Person.objects.get(pk=banded.pk).is_child


@pytest.mark.django_db
def test_the_audit_trail_never_holds_restricted_identities():
    case = make_published_case()
    entries = LogEntry.objects.filter(content_type__model="personidentity")
    assert entries.exists()
    assert not any("Synthetic Person" in str(e.changes) + e.object_repr for e in entries)
    assert case.pk
