"""Organisations the platform knows by IATI identifier, to turn a programme's free-text donor and
partner names into participating organisations with a `ref`.

Names not listed here still go out, as a narrative without `ref`: a wrong identifier is worse than
none, since IATI tools join activities on it.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Organisation:
    ref: str
    name: str
    type: str  # OrganisationType: 40 multilateral, "" when not asserted
    aliases: tuple[str, ...]


KNOWN_ORGANISATIONS = (
    Organisation("XM-DAC-41128", "United Nations Office on Drugs and Crime", "40", ("unodc",)),
    Organisation("XM-DAC-47066", "International Organization for Migration", "40", ("iom",)),
    Organisation("XM-DAC-41122", "United Nations Children's Fund", "40", ("unicef",)),
    Organisation("XI-IATI-EC_INTPA", "European Union", "", ("european union", "eu", "european commission")),
)


def find_organisation(name_or_ref: str) -> Organisation | None:
    """The known organisation named (or abbreviated) at the start of `name_or_ref`, or given by its ref:
    "UNODC (Human Trafficking and Migrant Smuggling Section)" is UNODC."""
    text = name_or_ref.strip().lower()
    for organisation in KNOWN_ORGANISATIONS:
        if text == organisation.ref.lower() or text == organisation.name.lower():
            return organisation
        for alias in organisation.aliases:
            if text == alias or text.startswith((alias + " ", alias + "(", alias + ",")):
                return organisation
    return None


def split_names(names: str) -> list[str]:
    """Organisation names of a comma-separated field, in order, without blanks."""
    return [name.strip() for name in names.split(",") if name.strip()]
