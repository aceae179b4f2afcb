"""The searchable text of a case: public texts only.

Indexed: the title, summary, reasoning, commentary and "why included" of the case and of its
translations, the decision text of each proceeding, the redacted text of each source, and the
identifiers (public id, court reference, ECLI). Never Source.extracted_text (it may name victims)
and nothing from PersonIdentity.
"""

import unicodedata
from dataclasses import dataclass

from ..models import Case

TITLE, BODY = "title", "body"
_BODY_FIELDS = ("summary", "reasoning", "commentary", "why_included")


@dataclass(frozen=True)
class Part:
    language: str
    kind: str  # TITLE or BODY
    text: str


def document_parts(case: Case) -> list[Part]:
    return parts_of(case, case.translations.all(), case.proceedings.all(), case.sources.all())


def parts_of(case, translations, proceedings, sources) -> list[Part]:
    """The parts of a case from its rows: model instances, or any objects with the fields as
    attributes (the import indexes the rows it writes without making models of them)."""
    original = case.original_language
    parts = [
        Part(original, TITLE, " ".join(filter(None, [case.public_id, case.court_reference, case.ecli, case.title]))),
        *(Part(original, BODY, getattr(case, name)) for name in _BODY_FIELDS),
    ]
    for translation in translations:
        parts.append(Part(translation.language, TITLE, translation.title))
        parts += [Part(translation.language, BODY, getattr(translation, name)) for name in _BODY_FIELDS]
    parts += [Part(original, BODY, proceeding.decision_text) for proceeding in proceedings]
    parts += [Part(source.language or original, BODY, source.redacted_text) for source in sources]
    return [part for part in parts if part.text.strip()]


def fold_diacritics(text: str) -> str:
    """Drop accents from Latin letters ("traité" -> "traite"), as SQLite's unicode61 tokenizer does
    with remove_diacritics; other scripts are left alone."""
    if text.isascii():  # nothing to fold (most words, and a fast test)
        return text
    out = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and out and out[-1] < "\u0250":
            continue
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))
