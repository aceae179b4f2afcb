import pytest

from gloact.caselaw.models import CaseTranslation

from .factories import make_case, make_proceeding


@pytest.mark.django_db
def test_texts_for_shows_the_translation_and_falls_back_to_the_original():
    case = make_case(summary="Original summary.", reasoning="Original reasoning.", original_language="en")
    CaseTranslation.objects.create(case=case, language="fr", summary="Résumé.", title="Titre")
    CaseTranslation.objects.create(case=case, language="zh-hans", summary="摘要。")

    french = case.texts_for("fr")
    assert (french.summary, french.title, french.language, french.is_translation) == ("Résumé.", "Titre", "fr", True)
    assert french.reasoning == "Original reasoning."
    assert french.languages["reasoning"] == "en"

    assert case.texts_for("fr-ca").summary == "Résumé."
    assert case.texts_for("zh").language == "zh-hans"

    russian = case.texts_for("ru")
    assert (russian.summary, russian.language, russian.is_translation) == ("Original summary.", "en", False)
    assert case.texts_for("en").summary == "Original summary."
    assert case.available_languages() == ["en", "fr", "zh-hans"]


@pytest.mark.django_db
def test_the_last_proceeding_in_order_is_the_latest_ruling():
    case = make_case()
    first = make_proceeding(case, order=0)
    appeal = make_proceeding(case, order=1, court_level="appeal", outcome="appeal_dismissed")
    assert case.latest_proceeding == appeal
    first.refresh_from_db()
    assert not first.is_latest
    appeal.delete()
    assert case.latest_proceeding == first
