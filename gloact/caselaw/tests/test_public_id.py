import pytest

from gloact.caselaw.models import Case, Jurisdiction

from .factories import make_case, make_jurisdiction


@pytest.mark.django_db
def test_public_ids_are_numbered_per_jurisdiction():
    assert [make_case("MLI").public_id for _ in range(3)] == ["MLI001", "MLI002", "MLI003"]
    assert make_case("NER").public_id == "NER001"
    assert make_case(jurisdiction=Jurisdiction.objects.get(code="ICC")).public_id == "ICC001"


@pytest.mark.django_db
def test_public_ids_are_never_reused_after_deletion():
    first, second = make_case("MLI"), make_case("MLI")
    second.delete()
    assert make_case("MLI").public_id == "MLI003"
    Case.objects.all().delete()
    assert make_case("MLI").public_id == "MLI004"
    assert first.public_id == "MLI001"


@pytest.mark.django_db
def test_an_imported_public_id_is_reserved():
    make_case("NPL", public_id="NPL041")
    assert make_case("NPL").public_id == "NPL042"


@pytest.mark.django_db
def test_public_id_survives_a_change_of_jurisdiction():
    case = make_case("MLI")
    case.jurisdiction = make_jurisdiction("NER")
    case.save()
    case.refresh_from_db()
    assert case.public_id == "MLI001"
