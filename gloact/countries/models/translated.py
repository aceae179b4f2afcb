"""Texts stored with their translations in a JSON field {language code: text}, like the case law
vocabulary labels: the English text is the fallback."""

from django.utils.translation import get_language


def localized(default: str, translations: dict, language: str | None = None) -> str:
    language = (language or get_language() or "en").lower()
    return translations.get(language) or translations.get(language.split("-")[0]) or default
