"""Plain functions that build case law data for tests."""

from gloact.core.models import Country

from ..models import Case, Charge, Jurisdiction, Person, PersonIdentity, Proceeding, Term


def make_jurisdiction(code: str = "MLI", **fields) -> Jurisdiction:
    """The national jurisdiction of country `code` (created by migration), updated with `fields`."""
    jurisdiction = Jurisdiction.objects.for_country(Country.objects.get(iso3=code))
    if fields:
        Jurisdiction.objects.filter(pk=jurisdiction.pk).update(**fields)
        jurisdiction.refresh_from_db()
    return jurisdiction


def term(code: str) -> Term:
    return Term.objects.get(code=code)


def make_case(country: str = "MLI", jurisdiction: Jurisdiction | None = None, **fields) -> Case:
    fields.setdefault("title", "Synthetic test case")
    fields.setdefault("summary", "Synthetic summary.")
    return Case.objects.create(jurisdiction=jurisdiction or make_jurisdiction(country), **fields)


def make_person(case: Case, role: str = Person.Role.VICTIM, real_name: str = "", **fields) -> Person:
    """A person of `case`; with `real_name`, also its restricted identity."""
    person = Person.objects.create(case=case, role=role, **fields)
    if real_name:
        PersonIdentity.objects.create(person=person, real_name=real_name, aliases="Synthetic Alias 1")
    return person


def make_proceeding(case: Case, **fields) -> Proceeding:
    fields.setdefault("court_name", "Demo Regional Court (synthetic)")
    fields.setdefault("court_level", Proceeding.CourtLevel.FIRST_INSTANCE)
    fields.setdefault("outcome", Proceeding.Outcome.CONVICTION)
    return Proceeding.objects.create(case=case, **fields)


def make_charge(defendant: Person, **fields) -> Charge:
    fields.setdefault("charge", "Trafficking in persons")
    fields.setdefault("verdict", Charge.Verdict.CONVICTED)
    return Charge.objects.create(case=defendant.case, defendant=defendant, **fields)


def make_published_case(country: str = "MLI", **fields) -> Case:
    """A published trafficking case with a defendant (charged and sentenced), an adult victim, a
    child victim and a witness, all with restricted identities, and one proceeding."""
    case = make_case(country, status=Case.Status.PUBLISHED, **fields)
    case.crime_types.add(term("crime.trafficking_in_persons"))
    case.tip_acts.add(term("act.recruitment"))
    case.tip_means.add(term("means.deception"))
    case.tip_purposes.add(term("purpose.forced_labour"))
    defendant = make_person(case, Person.Role.DEFENDANT, real_name="Synthetic Person D01", age=40)
    make_person(case, Person.Role.VICTIM, real_name="Synthetic Person V01", age=30, sex=Person.Sex.FEMALE)
    make_person(case, Person.Role.VICTIM, real_name="Synthetic Person V02", age=15, sex=Person.Sex.MALE)
    make_person(case, Person.Role.WITNESS, real_name="Synthetic Person W01", age=50)
    make_proceeding(case)
    make_charge(defendant, imprisonment_months=60, fine_amount=1000, fine_currency="XOF")
    return case
