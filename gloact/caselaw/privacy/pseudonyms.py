"""Privacy rules of the case law database: how persons are named in public, who may see
restricted identities, and the log of every time someone did.

- Victims, witnesses, smuggled migrants and plaintiffs are shown by pseudonym ("V1", "W2", "M1",
  "P1"), or by initials where an editor chose so for an adult.
- Children are always shown by pseudonym.
- Adult defendants are shown as their jurisdiction allows (Jurisdiction.defendant_display:
  pseudonym by default, initials, or name); an editor may choose a stricter display for one person.
"""

from collections import Counter

from ..models import Case, Jurisdiction, Person, RestrictedAccessLog

PERMISSION = "caselaw.view_restricted_identity"

PREFIXES = {
    Person.Role.DEFENDANT: "D",
    Person.Role.VICTIM: "V",
    Person.Role.WITNESS: "W",
    Person.Role.SMUGGLED_MIGRANT: "M",
    Person.Role.PLAINTIFF: "P",
}
PSEUDONYM, INITIALS, NAME = "pseudonym", "initials", "name"
_OPENNESS = {PSEUDONYM: 0, INITIALS: 1, NAME: 2}


def is_minor(person: Person) -> bool:
    return bool(
        person.is_child
        or (person.age is not None and person.age < 18)
        or person.age_band in Person.CHILD_AGE_BANDS
    )


def display_style(person: Person, jurisdiction: Jurisdiction) -> str:
    """"pseudonym", "initials" or "name": the most that may be shown of this person."""
    if is_minor(person):
        return PSEUDONYM
    chosen = person.display_style
    if person.role == Person.Role.DEFENDANT:
        allowed = jurisdiction.defendant_display
        if chosen != Person.DisplayStyle.AUTO and _OPENNESS[chosen] < _OPENNESS[allowed]:
            return chosen
        return allowed
    return INITIALS if chosen == Person.DisplayStyle.INITIALS else PSEUDONYM


def initials(name: str) -> str:
    """ "Synthetic Person A12" -> "S. P. A." """
    return " ".join(f"{word[0].upper()}." for word in name.split() if word[0].isalnum())


def _persons(case: Case) -> list[Person]:
    prefetched = getattr(case, "_prefetched_objects_cache", {})
    if "persons" in prefetched:
        return list(prefetched["persons"])
    return list(case.persons.select_related("identity"))


def pseudonyms(case: Case, persons=None) -> dict[int, str]:
    """{person id: "V1", "D2", ...}: numbered per role in the order of the case (order, then id)."""
    counters: dict[str, int] = {}
    labels = {}
    for person in sorted(persons if persons is not None else _persons(case), key=lambda p: (p.order, p.pk)):
        prefix = PREFIXES[person.role]
        counters[prefix] = counters.get(prefix, 0) + 1
        labels[person.pk] = f"{prefix}{counters[prefix]}"
    return labels


def pseudonym(person: Person) -> str:
    return pseudonyms(person.case, list(person.case.persons.all())).get(person.pk, "?")


def public_labels(case: Case) -> dict[int, str]:
    """{person id: the label public pages show} for every person of `case`, each label given once."""
    persons = _persons(case)
    numbered = pseudonyms(case, persons)
    labels = dict(numbered)
    for person in persons:
        style = display_style(person, case.jurisdiction)
        identity = person.identity_or_none if style != PSEUDONYM else None
        name = identity.real_name.strip() if identity else ""
        if name and style == INITIALS:
            labels[person.pk] = initials(name)
        elif name and style == NAME:
            labels[person.pk] = name
    # Two persons may share initials, or a name: a label must still say which person it is (the
    # case page groups charges by label, and an export's charges name their defendant by it).
    given = Counter(labels.values())
    return {pk: f"{label} ({numbered[pk]})" if given[label] > 1 and label != numbered[pk] else label
            for pk, label in labels.items()}


def may_view_identities(user) -> bool:
    return bool(user and user.is_active and user.has_perm(PERMISSION))


def log_restricted_access(user, case: Case, what: str) -> RestrictedAccessLog:
    return RestrictedAccessLog.objects.create(
        user=user, username=user.get_username(), case=case, case_public_id=case.public_id, what=what[:300]
    )
