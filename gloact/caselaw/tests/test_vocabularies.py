import json
import os

import pytest
from django.forms import modelform_factory

from gloact.caselaw import vocabularies
from gloact.caselaw.models import Case, Term, Vocabulary

LANGUAGES = ["fr", "es", "ru", "ar", "zh-hans"]


@pytest.mark.django_db
def test_every_default_term_is_loaded_with_labels_in_all_languages():
    expected = {(v.code, t.code) for v in vocabularies.VOCABULARIES for t in v.terms}
    assert set(Term.objects.values_list("vocabulary__code", "code")) == expected
    for term in Term.objects.all():
        assert term.label
        assert all(term.labels.get(lang) for lang in LANGUAGES), term.code
    for vocabulary in Vocabulary.objects.all():
        assert all(vocabulary.names.get(lang) for lang in LANGUAGES), vocabulary.code


@pytest.mark.django_db
def test_terms_are_shown_in_the_readers_language():
    term = Term.objects.get(code="means.deception")
    assert (term.localized_label("en"), term.localized_label("fr"), term.localized_label("zh-hans")) == (
        "Deception", "Tromperie", "欺骗"
    )


@pytest.mark.django_db
def test_classification_fields_offer_only_their_vocabulary():
    offered = modelform_factory(Case, fields=["tip_means"])().fields["tip_means"].queryset
    assert set(offered.values_list("vocabulary__code", flat=True)) == {"tip_means"}


def test_sherloc_element_ids_map_to_default_terms(shared_data):
    with open(os.path.join(shared_data, "sherloc", "amp_ontology_v1.yaml")) as f:
        ontology = json.load(f)
    ids = {item["id"] for items in ontology["families"].values() for item in items}
    assert ids == set(vocabularies.SHERLOC_ELEMENTS)
    codes = {t.code for v in vocabularies.VOCABULARIES for t in v.terms}
    assert set(vocabularies.SHERLOC_ELEMENTS.values()) <= codes
