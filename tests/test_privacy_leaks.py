"""LEAK TEST: no route of the site shows a person's name, alias or identifying detail.

Published cases are built whose persons have distinctive invented names, aliases and details,
whose public texts are ALREADY redacted (so any leak is a bug in a route), and whose decision has
an internal extracted text naming everyone. Then, as an anonymous visitor and as a plain
registered user (practitioner), the test requests:

- every URL pattern of the resolver (patterns added later are covered automatically), with the
  test cases' ids and other plausible values substituted for arguments;
- every GET operation of /api/openapi.json, path parameters substituted;
- the pages linked from those pages, on the same host, to a bounded depth;
- search pages (HTML and API) for each name token and for ordinary words (snippets);
- the exports of `gloact export_cases` (JSONL and CSV), the 404 and 500 pages;

and fails if any forbidden string appears anywhere (case-insensitive; zip files such as XLSX are
unpacked). Redirects to the login page are not leaks; POST-only routes are skipped.
"""

import io
import json
import re
import zipfile
from html import unescape
from itertools import product
from urllib.parse import quote, quote_plus, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command, get_commands
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import translation

from gloact.accounts.tests.factories import make_user
from gloact.caselaw.models import Case, CaseTranslation, Person, PersonIdentity, RestrictedAccessLog, Source, Vocabulary
from gloact.caselaw.privacy.detection import name_tokens
from gloact.caselaw.tests.factories import make_charge, make_jurisdiction, make_person, make_proceeding, term

PERSONS = [  # role, age, real name, aliases, identifying details: all invented
    (Person.Role.VICTIM, 26, "Zorbulak Quenthifar", "Qx-Velmora", "Passport ZQ8841207; lives at 14 rue Thandrelle"),
    (Person.Role.VICTIM, 15, "Pellinor Vashtikk", "", "School: Ombrevane College"),
    (Person.Role.WITNESS, 44, "Ilvessa Murdragon", "Murdy Sk-Ulvane", "phone +223 70 41 88 12"),
    (Person.Role.DEFENDANT, 51, "Gravoth Ulmarine", "Krell-Ondabrax", "born on 3 May 1973 in Yrvask"),
]
DETAILS = ["ZQ8841207", "Thandrelle", "Ombrevane", "+223 70 41 88 12", "70 41 88 12", "3 May 1973", "Yrvask"]
DRAFT_MARKER = "Omvarixdraft"  # only in a draft case
RESTRICTED_FIELD_NAMES = ["real_name", "identifying_details", "extracted_text"]

MAX_PAGES = 150  # links followed per level
PER_PATH = 3  # of them with the same path and other query strings (facets, pages)
COMBINATIONS = 4  # argument values tried per route
LINK_DEPTH = 2
SKIP_LINKS = ("/static/", "logout", "/i18n/setlang/")


def forbidden_strings() -> list[str]:
    strings = set(DETAILS) | {DRAFT_MARKER}
    for _role, _age, name, aliases, _details in PERSONS:
        for value in [name, *filter(None, aliases.split("\n"))]:
            strings.add(value)
            strings.update(name_tokens(value))
    return sorted(strings, key=str.lower)


FORBIDDEN = forbidden_strings()


@pytest.fixture
def cases(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    jurisdiction = make_jurisdiction("MLI", defendant_display="pseudonym")
    case = Case.objects.create(
        jurisdiction=jurisdiction, title="Recruitment for a textile workshop", status=Case.Status.PUBLISHED,
        court_reference="RP 77/2019",
        summary="V1 and V2 were recruited by D1 with promises of work; W1 testified about the workshop.",
        reasoning="The court held that the consent of V1 was irrelevant once deception was proven.",
        commentary="Shows how testimony of W1 corroborated the account of V2.",
    )
    case.crime_types.add(term("crime.trafficking_in_persons"))
    case.tip_acts.add(term("act.recruitment"))
    persons = []
    for role, age, name, aliases, details in PERSONS:
        person = make_person(case, role, age=age, role_detail="recruiter" if role == "defendant" else "")
        PersonIdentity.objects.create(person=person, real_name=name, aliases=aliases, identifying_details=details)
        persons.append(person)
    make_charge(persons[-1], imprisonment_months=48)
    make_proceeding(case, decision_text="D1 was convicted of trafficking in persons.")
    CaseTranslation.objects.create(case=case, language="fr", title="Recrutement pour un atelier textile",
                                   summary="V1 et V2 ont été recrutées par D1; W1 a témoigné.")
    decision = Source(case=case, kind=Source.Kind.DECISION, title="Judgment", language="en", extracted_text=(
        "JUDGMENT. Heard: Zorbulak Quenthifar (alias Qx-Velmora), passport no. ZQ8841207, residing at 14 rue "
        "Thandrelle; the child Pellinor Vashtikk of Ombrevane College; the witness Ilvessa Murdragon, "
        "tel. +223 70 41 88 12; the accused Gravoth Ulmarine, called Krell-Ondabrax, born on 3 May 1973."
    ))
    decision.file.save("judgment.txt", ContentFile(decision.extracted_text.encode()), save=False)
    decision.save()
    Source.objects.create(case=case, kind=Source.Kind.EXTERNAL_URL, url="https://example.org/press", title="Press")

    draft = Case.objects.create(jurisdiction=jurisdiction, title=f"{DRAFT_MARKER} case", summary=DRAFT_MARKER)
    if "reindex_cases" in get_commands():
        call_command("reindex_cases", stdout=io.StringIO(), stderr=io.StringIO())
    case.refresh_from_db()
    return {"published": case, "draft": draft, "persons": persons, "decision": decision}


def test_the_fixture_is_redacted_where_public(cases):
    """The premise: public texts hold no forbidden string, the internal text holds them all."""
    decision = cases["decision"]
    decision.refresh_from_db()
    assert find_leaks(decision.redacted_text) == []
    assert "V1" in decision.redacted_text and "D1" in decision.redacted_text
    found = {value.lower() for value in find_leaks(decision.extracted_text)}
    assert found >= {"zorbulak", "qx-velmora", "zq8841207", "gravoth"}


# --- Checking responses ---------------------------------------------------------------------------


def find_leaks(text: str, echoed: str = "") -> list[str]:
    """Forbidden strings in `text`, case-insensitively; `echoed` (a search query typed by the user, in
    an odd casing) is taken out first, in every encoding a page may echo it in."""
    if echoed:
        for form in (echoed, quote(echoed), quote_plus(echoed), json.dumps(echoed)[1:-1]):
            text = text.replace(form, " ")
        for word in re.split(r"\W+", echoed):  # echoed word by word, or encoded twice in a ?next=
            if len(word) > 1:
                text = text.replace(word, " ")
    lowered = text.lower()
    return [value for value in FORBIDDEN if value.lower() in lowered]


def response_text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:2] == b"PK":  # XLSX, ZIP: look inside
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return unescape(content.decode("utf-8", "replace"))


class Crawler:
    """GETs URLs as one user, records leaks, follows same-host links."""

    def __init__(self, user=None):
        self.client = Client(raise_request_exception=False)
        if user is not None:
            self.client.force_login(user)
        self.seen: dict[str, int] = {}
        self.leaks: list[str] = []
        self.restricted: list[str] = []

    def get(self, url: str, echoed: str = "") -> str:
        """The text of `url` (after same-host redirects); "" for a redirect to the login page."""
        if url in self.seen:
            return ""
        response = self.client.get(url)
        self.seen[url] = response.status_code
        if response.status_code in (301, 302, 303, 307, 308):
            location = response["Location"]
            self.check(url, response.status_code, location, echoed)
            if "login" in urlsplit(location).path or urlsplit(location).netloc not in ("", "testserver"):
                return ""  # asked to log in: nothing shown
            return self.get(location, echoed)
        text = response_text(response)
        self.check(url, response.status_code, text, echoed)
        return text

    def check(self, url: str, status: int, text: str, echoed: str) -> None:
        for value in find_leaks(text, echoed):
            self.leaks.append(f"{url} [{status}]: {value}")
        for name in RESTRICTED_FIELD_NAMES:
            if name in text:
                self.restricted.append(f"{url}: {name}")

    def crawl(self, urls, depth: int = LINK_DEPTH) -> None:
        """GET `urls`, then the same-host links found in them, `depth` levels deep (bounded)."""
        found = []
        for url in urls:
            found += links(self.get(url))
        for _level in range(depth):
            frontier, per_path = [], {}
            for url in dict.fromkeys(found):
                path = urlsplit(url).path
                per_path[path] = per_path.get(path, 0) + 1
                if url not in self.seen and per_path[path] <= PER_PATH:
                    frontier.append(url)
            frontier = frontier[:MAX_PAGES]
            found = []
            for url in frontier:
                found += links(self.get(url))


def links(html: str) -> list[str]:
    urls = []
    for href in re.findall(r'(?:href|action|src)="([^"]+)"', html):
        parts = urlsplit(href)
        if parts.netloc not in ("", "testserver") or not parts.path.startswith("/") or href.startswith("//"):
            continue
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        if not any(skip in url for skip in SKIP_LINKS):
            urls.append(url)
    return urls


# --- What to request ------------------------------------------------------------------------------

_ARGUMENT = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def routes(patterns=None, prefix: str = ""):
    """Every route of the resolver as a path template ("cases/<str:public_id>/"); regular-expression
    routes (the admin's catch-alls) are left to the link crawl."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        pattern = entry.pattern
        if isinstance(pattern, LocalePrefixPattern):
            part = pattern.language_prefix
        elif isinstance(pattern, RoutePattern):
            part = str(pattern)
        else:
            continue
        if isinstance(entry, URLResolver):
            yield from routes(entry.url_patterns, prefix + part)
        elif isinstance(entry, URLPattern):
            yield prefix + part


def argument_values(cases) -> dict[str, list[str]]:
    case, draft = cases["published"], cases["draft"]
    ids = [case.pk, draft.pk, cases["decision"].pk, cases["persons"][0].pk]
    return {
        "public_id": [case.public_id, draft.public_id],
        "int": [str(i) for i in ids],
        "format": ["jsonl", "csv", "json", "xlsx", "zip", "atom"],
        "code": [v.code for v in Vocabulary.objects.all()[:2]] + ["MLI"],
        "other": [case.public_id, str(case.pk)],
    }


def expand(template: str, values: dict[str, list[str]], combinations: int = COMBINATIONS) -> list[str]:
    arguments = list(_ARGUMENT.finditer(template))
    if not arguments:
        return ["/" + template]
    choices = []
    for match in arguments:
        name, converter = match["name"], match["converter"]
        if name in values:
            choices.append(values[name])
        elif converter == "int" or name in ("pk", "object_id", "id") or name.endswith("_pk"):
            choices.append(values["int"])
        else:
            choices.append(values["other"])
    urls = []
    for combination in list(product(*choices))[:combinations]:
        url, values_iter = template, iter(combination)
        url = _ARGUMENT.sub(lambda m: next(values_iter), url)
        urls.append("/" + url)
    return urls


def route_urls(cases) -> list[str]:
    values = argument_values(cases)
    urls = []
    for template in routes():
        # The back office only ever answers "log in" to these users: one try per route is enough.
        urls += expand(template, values, 1 if template.startswith("admin/") else COMBINATIONS)
        if "public_id" in template and not template.startswith(("api/", "admin/")):
            urls += ["/fr" + url for url in expand(template, values)]  # translations
    return urls


def api_urls(client, cases) -> list[str]:
    schema = client.get("/api/openapi.json").json()
    values = argument_values(cases)
    urls = []
    for path, operations in schema["paths"].items():
        if "get" not in operations:
            continue
        template = re.sub(r"\{(\w+)\}", r"<\1>", path.lstrip("/"))
        urls += expand(template, values)
    return urls


def search_queries() -> list[str]:
    """Each forbidden string in an odd casing (so the page's echo of the query can be told from a
    snippet quoting the data), and ordinary words that match the published case."""
    return [value.swapcase() for value in FORBIDDEN] + ["workshop", "recruited", "V1", "trafficking"]


# --- The tests ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [None, "practitioner"])
def test_no_route_leaks_personal_data(cases, role):
    with translation.override("en"):  # the un-prefixed URLs of the default language
        crawl_and_check(cases, make_user("reader", role) if role else None)


def crawl_and_check(cases, user):
    crawler = Crawler(user)
    case = cases["published"]
    # Reversed before crawling: each request leaves its language active in this thread.
    case_page = reverse("caselaw:case_detail", args=[case.public_id])
    draft_page = reverse("caselaw:case_detail", args=[cases["draft"].public_id])

    search_pages = [reverse("caselaw:search")] if _has_route("caselaw:search") else []
    for query in search_queries():
        for page in search_pages + ["/api/cases"]:
            crawler.get(f"{page}?q={quote_plus(query)}", echoed=query)
    crawler.get("/no-such-page/")
    crawler.get(f"/media/{cases['decision'].file.name}")
    crawler.crawl(route_urls(cases) + api_urls(crawler.client, cases))

    assert not crawler.leaks, "personal data on public routes:\n" + "\n".join(crawler.leaks)
    assert not crawler.restricted, "restricted field names on public routes:\n" + "\n".join(crawler.restricted)

    # The crawl did reach the public data (a crawl that reaches nothing proves nothing).
    print(f"{len(crawler.seen)} URLs requested")
    assert crawler.seen[case_page] == 200
    assert crawler.seen[f"/api/cases/{case.public_id}"] == 200
    assert crawler.seen["/sitemap.xml"] == 200 and crawler.seen["/robots.txt"] == 200
    assert crawler.seen[f"/media/{cases['decision'].file.name}"] == 404
    assert crawler.seen[draft_page] == 404
    page = Client().get(case_page).content.decode()
    assert "V1" in page and "textile workshop" in page
    assert len(crawler.seen) > 100


def _has_route(name: str) -> bool:
    try:
        reverse(name)
    except Exception:  # NoReverseMatch, or a namespace not installed yet
        return False
    return True


@pytest.mark.parametrize("format", ["jsonl", "csv"])
def test_exports_leak_nothing(cases, tmp_path, format):
    if "export_cases" not in get_commands():
        pytest.skip("no export command")
    output = tmp_path / f"cases.{format}"
    call_command("export_cases", format=format, output=str(output), stderr=io.StringIO())
    text = output.read_text(encoding="utf-8")
    assert cases["published"].public_id in text and cases["draft"].public_id not in text
    assert find_leaks(text) == []
    assert not [name for name in RESTRICTED_FIELD_NAMES if name in text]


def test_the_500_page_leaks_nothing(cases, rf):
    from django.views.defaults import server_error

    request = rf.get(f"/cases/{cases['published'].public_id}/?q=Zorbulak")
    response = server_error(request)
    assert response.status_code == 500 and find_leaks(response.content.decode()) == []


def test_an_editors_view_of_identities_is_logged(cases, client):
    editor = make_user("editor1", "editor")
    client.force_login(editor)
    case = cases["published"]
    response = client.get(reverse("admin:caselaw_case_change", args=[case.pk]))
    assert "Zorbulak Quenthifar" in response.content.decode()
    assert RestrictedAccessLog.objects.filter(user=editor, case=case).count() == 1
