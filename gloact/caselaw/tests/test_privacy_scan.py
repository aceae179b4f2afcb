"""The privacy check: finding names and identifiers, redacting them, dismissing false positives."""

import pytest

from gloact.caselaw.models import CaseTranslation, Person, PersonIdentity, Source
from gloact.caselaw.privacy import (
    REDACTED,
    build_redacted_text,
    dismiss_finding,
    redact,
    redact_case,
    scan_case,
    scan_text,
    unresolved_findings,
)
from gloact.caselaw.privacy.detection import (
    BIRTH_DATE,
    EMAIL,
    ID_NUMBER,
    PHONE,
    STREET_ADDRESS,
    fold,
)

from .factories import make_case, make_jurisdiction, make_person, make_proceeding


def kinds(text):
    return [(f.kind, f.text) for f in scan_text(text, "summary")]


@pytest.mark.parametrize("text, expected", [
    ("Write to v.one@example.org for details.", [(EMAIL, "v.one@example.org")]),
    ("Call +223 76 12 34 56 today.", [(PHONE, "+223 76 12 34 56")]),
    ("Her number was 06 12 34 56 78.", [(PHONE, "06 12 34 56 78")]),
    ("Reached at 0612345678 twice.", [(PHONE, "0612345678")]),
    ("Dial (555) 123-4567 now.", [(PHONE, "(555) 123-4567")]),
    ("tel.: 76 12 34 56 89", [(PHONE, "76 12 34 56 89")]),
    ("She held passport no. AB1234567 until May.", [(ID_NUMBER, "AB1234567")]),
    ("carte d'identité n° 12345678", [(ID_NUMBER, "12345678")]),
    ("He was born on 12 March 1990 in the north.", [(BIRTH_DATE, "12 March 1990")]),
    ("née le 03/04/1992 à Ségou", [(BIRTH_DATE, "03/04/1992")]),
    ("Date of birth: 1990-03-12.", [(BIRTH_DATE, "1990-03-12")]),
    ("They lived at 12 rue des Lilas, Bamako.", [(STREET_ADDRESS, "12 rue des Lilas")]),
    ("The house at 221 Baker Street was raided.", [(STREET_ADDRESS, "221 Baker Street")]),
    ("Calle Mayor 5, Madrid", [(STREET_ADDRESS, "Calle Mayor 5")]),
    ("Hauptstraße 12 in Berlin", [(STREET_ADDRESS, "Hauptstraße 12")]),
])
def test_generic_identifiers_are_found(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text", [
    "In 2015 the defendant recruited three women.",
    "Between 2015 and 2016, see Article 3 of the Protocol and article 6(3)(a).",
    "The judgment of 12.03.2015 was upheld on 01.03.2016.",
    "Decision of 2016-05-04 in case CR 045/2016, sentence of 5 years and a fine of 1 500 000 XOF.",
    "He was born in 1990 and his passport was confiscated.",
    "The victims' identity documents were taken.",
    "They were transported 30 via the desert on 2 routes.",
    "The High Court sentenced him under section 12 Penal Code.",
    "Paragraphs 10-12 and pages 100-120 of the record.",
    "The email was sent to the court; the phone was seized.",
])
def test_ordinary_legal_text_is_not_flagged(text):
    assert kinds(text) == []


def test_the_court_reference_of_the_case_is_public():
    text = "Case ID 2016-12345 before the court."
    assert kinds(text) == [(ID_NUMBER, "2016-12345")]
    assert scan_text(text, "summary", allowed=("RP 2016-12345",)) == []


def test_folding_ignores_case_and_diacritics_and_maps_back():
    folded, origin = fold("Ségou ÉCOLE")
    assert folded == "segou ecole"
    assert origin[1] == 1 and origin[-1] == len("Ségou ÉCOLE") - 1


@pytest.fixture
def case(db):
    case = make_case(summary="", jurisdiction=make_jurisdiction("MLI", defendant_display="pseudonym"))
    victim = make_person(case, Person.Role.VICTIM, age=24)
    PersonIdentity.objects.create(
        person=victim, real_name="Zorbulak Quenthifar", aliases="Qx-Velmora",
        identifying_details="Lives near the Blue Quarry Market; brother Okrandil",
    )
    defendant = make_person(case, Person.Role.DEFENDANT, age=40)
    PersonIdentity.objects.create(person=defendant, real_name="Ansel Drovik-Mertz")
    return case


@pytest.mark.django_db
def test_names_are_found_whole_by_token_in_any_case_and_without_diacritics(case):
    case.summary = (
        "ZORBULAK Quenthifar met Drovik-Mertz. Later Quénthifar, known as qx-velmora, "
        "saw Velmora friends. She lives near the blue quarry market."
    )
    case.save()
    found = [(f.kind, f.text, f.replacement) for f in scan_case(case) if f.field == "summary"]
    assert found == [
        ("name", "ZORBULAK Quenthifar", "V1"),
        ("name", "Drovik-Mertz", "D1"),
        ("name", "Quénthifar", "V1"),
        ("alias", "qx-velmora", "V1"),
        ("alias", "Velmora", "V1"),
        ("identifying_detail", "lives near the blue quarry market", REDACTED),
    ]


@pytest.mark.django_db
def test_translations_proceedings_and_sources_are_scanned(case):
    CaseTranslation.objects.create(case=case, language="fr", summary="La victime Zorbulak a témoigné.")
    proceeding = make_proceeding(case, decision_text="Quenthifar was heard.")
    source = Source.objects.create(case=case, kind=Source.Kind.DECISION, extracted_text="x")
    Source.objects.filter(pk=source.pk).update(redacted_text="Witness Zorbulak, v.one@example.org")
    fields = {f.field for f in scan_case(case)}
    assert fields == {
        "translation:fr:summary", f"proceeding:{proceeding.pk}:decision_text", f"source:{source.pk}:redacted_text",
    }


@pytest.mark.django_db
def test_persons_shown_by_name_are_not_flagged_but_their_details_are(case):
    case.jurisdiction.defendant_display = "name"
    case.jurisdiction.save()
    case.summary = "Drovik-Mertz recruited Zorbulak."
    case.save()
    assert [f.text for f in scan_case(case)] == ["Zorbulak"]


@pytest.mark.django_db
def test_redact_replaces_names_with_labels_and_identifiers_with_a_mark(case):
    text = "Zorbulak Quenthifar (tel. +223 76 12 34 56) accused Ansel Drovik-Mertz."
    findings = scan_text(text, "summary", __import__(
        "gloact.caselaw.privacy.detection", fromlist=["person_terms"]).person_terms(case))
    assert redact(text, findings) == f"V1 (tel. {REDACTED}) accused D1."


@pytest.mark.django_db
def test_redact_case_saves_every_text_and_clears_the_findings(case, django_user_model):
    editor = django_user_model.objects.create(username="ed")
    case.summary = "Zorbulak was recruited by Drovik-Mertz; e-mail z.q@example.org."
    case.reasoning = "The court believed Quenthifar."
    case.save()
    CaseTranslation.objects.create(case=case, language="fr", summary="Zorbulak a témoigné.")
    findings = unresolved_findings(case)
    assert len(findings) == 5
    assert redact_case(case, findings, editor) == 5
    case.refresh_from_db()
    assert case.summary == f"V1 was recruited by D1; e-mail {REDACTED}."
    assert case.reasoning == "The court believed V1."
    assert case.translations.get().summary == "V1 a témoigné."
    assert unresolved_findings(case) == []


@pytest.mark.django_db
def test_a_dismissed_finding_no_longer_blocks_but_others_do(case, django_user_model):
    editor = django_user_model.objects.create(username="ed")
    case.summary = "Velmora is also the name of the village; Zorbulak testified."
    case.save()
    village, victim = scan_case(case)
    dismiss_finding(case, village, editor)
    assert unresolved_findings(case) == [victim]
    case.summary = "Earlier text. " + case.summary  # the key survives edits elsewhere
    case.save()
    assert [f.text for f in unresolved_findings(case)] == ["Zorbulak"]
    assert "Velmora" not in village.key


@pytest.mark.django_db
def test_the_redacted_text_of_a_decision_is_rebuilt_when_its_text_changes(case):
    source = Source.objects.create(
        case=case, kind=Source.Kind.DECISION,
        extracted_text="Heard: Zorbulak Quenthifar, born on 12 March 1990, and Ansel Drovik-Mertz.",
    )
    source.refresh_from_db()
    assert source.redacted_text == f"Heard: V1, born on {REDACTED}, and D1."
    source.extracted_text = "Witness Qx-Velmora, tel. 06 12 34 56 78."
    source.save()
    source.refresh_from_db()
    assert source.redacted_text == f"Witness V1, tel. {REDACTED}."
    source.redacted_text = "Hand-corrected."
    source.save()
    source.refresh_from_db()
    assert source.redacted_text == "Hand-corrected."
    assert build_redacted_text(source) == f"Witness V1, tel. {REDACTED}."


def test_identifying_details_are_split_into_what_identifies():
    from gloact.caselaw.privacy.detection import detail_phrases

    assert detail_phrases("School: Ombrevane College; lives at 14 rue Thandrelle\nPassport ZQ8841207") == [
        "Ombrevane College", "Ombrevane College", "lives at 14 rue Thandrelle", "Thandrelle",
        "Passport ZQ8841207", "ZQ8841207",
    ]
    assert detail_phrases("Born in March") == ["Born in March"]
