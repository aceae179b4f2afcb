"""Every word of the interface is translated: completely in French, Spanish and Russian; the
navigation and common actions in Arabic and Chinese."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[2] / "locale"
COMPLETE = ["fr", "es", "ru"]
NAVIGATION = [
    "Skip to main content", "Main", "Home", "Back office", "My account", "Log out", "Log in",
    "Language", "Change", "Case law", "Results", "Search",
]


def catalog(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as po:
        return read_po(po, locale=language.replace("_", "-") if language != "zh_Hans" else "zh_Hans")


def untranslated(cat):
    missing = []
    for message in cat:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


@pytest.mark.parametrize("language", COMPLETE)
def test_complete_translations(language):
    missing = untranslated(catalog(language))
    assert not missing, f"{len(missing)} untranslated in {language}, e.g. {missing[:5]}"


@pytest.mark.parametrize("language", ["ar", "zh_Hans"])
def test_navigation_and_common_actions_translated(language):
    cat = catalog(language)
    missing = [msgid for msgid in NAVIGATION if not (cat.get(msgid) and cat.get(msgid).string)]
    assert not missing, f"{language} lacks {missing}"


def test_catalogues_are_up_to_date_with_the_templates():
    """The French catalogue holds every string marked in templates (a new string without a
    translation fails here rather than showing English to French users)."""
    import re

    marked = set()
    for template in (LOCALE.parent).rglob("templates/**/*.html"):
        # Django doubles "%" in template strings, both when it extracts them and when it looks them up.
        marked |= {text.replace("%", "%%") for text in re.findall(r'{% translate "([^"]+)"', template.read_text())}
    known = {m.id for m in catalog("fr") if isinstance(m.id, str)}
    assert marked <= known, sorted(marked - known)[:10]
