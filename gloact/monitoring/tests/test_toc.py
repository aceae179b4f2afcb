"""Theories of change: versions, comparison, SVG diagram and JSON export."""

import json
import re

import pytest
from django.urls import reverse

from gloact.accounts.tests.factories import make_user
from gloact.monitoring import toc
from gloact.monitoring.diagram import toc_svg
from gloact.monitoring.models import TheoryOfChange, ToCAssumption, ToCLink, ToCNode, ToCVersion

from .factories import make_programme

pytestmark = pytest.mark.django_db

LONG = "Criminal justice actors in the partner countries investigate and prosecute more cases of trafficking"


@pytest.fixture
def version():
    theory = TheoryOfChange.objects.create(programme=make_programme(), title="National ToC <Mali>", scope="national", country_id="MLI")
    v1 = ToCVersion.objects.create(theory=theory, number=1, status=ToCVersion.Status.CURRENT)
    impact = ToCNode.objects.create(version=v1, key="impact", level="impact", text="Fewer people trafficked")
    outcome = ToCNode.objects.create(version=v1, key="oc1", level="outcome", text=LONG)
    output = ToCNode.objects.create(version=v1, key="op1", level="output", text="Prosecutors trained")
    ToCLink.objects.create(version=v1, source=outcome, target=impact)
    link = ToCLink.objects.create(version=v1, source=output, target=outcome)
    ToCAssumption.objects.create(version=v1, kind="assumption", text="Trained prosecutors stay in post", link=link)
    return v1


def test_a_review_copies_the_version_and_the_comparison_shows_the_changes(version):
    draft = toc.start_review(version.theory, note="Annual review")
    assert draft.number == 2 and draft.nodes.count() == 3 and draft.links.count() == 2 and draft.assumptions.get().link
    assert toc.compare_versions(version, draft).unchanged
    node = draft.nodes.get(key="op1")
    node.text = "Prosecutors and judges trained"
    node.save()
    new = ToCNode.objects.create(version=draft, key="op2", level="output", text="Referral guidelines adopted")
    ToCLink.objects.create(version=draft, source=new, target=draft.nodes.get(key="oc1"))
    draft.assumptions.all().delete()
    ToCAssumption.objects.create(version=draft, kind="risk", text="Elections delay the reform")
    toc.make_current(draft)
    version.refresh_from_db()
    assert version.status == ToCVersion.Status.SUPERSEDED and version.theory.current_version() == draft

    diff = toc.compare_versions(version, draft)
    assert [n.key for n in diff.added_nodes] == ["op2"]
    assert [(o.text, n.text) for o, n in diff.changed_nodes] == [("Prosecutors trained", "Prosecutors and judges trained")]
    assert diff.added_links == [("op2", "oc1")]
    assert diff.added_assumptions == [("risk", "Elections delay the reform")]
    assert diff.removed_assumptions == [("assumption", "Trained prosecutors stay in post")]


def test_diagram_is_layered_wrapped_escaped_and_has_arrows(version):
    svg = toc_svg(version)
    assert svg.startswith("<svg") and "&lt;Mali&gt;" in svg and "<Mali>" not in svg
    assert svg.count('marker-end="url(#arrow)"') == 2
    assert f">{LONG}</text>" not in svg and ">Criminal justice actors in the</text>" in svg  # wrapped over lines
    ys = {}
    for key in ("impact", "oc1", "op1"):
        node = version.nodes.get(key=key)
        ys[key] = float(svg.split(f"<title>{key}: ")[1].split('y="')[1].split('"')[0])
        assert node.text[:10] in svg
    assert ys["impact"] < ys["oc1"] < ys["op1"]  # impact on top, outputs at the bottom


def test_diagram_sets_each_line_in_the_direction_of_its_own_text(version):
    """Arabic node texts keep their full stop at their left end in the left-to-right drawing."""
    texts = re.findall(r"<text [^>]*>", toc_svg(version))
    assert texts and all('unicode-bidi="plaintext"' in text for text in texts)


def test_diagram_download_and_json_export(client, version):
    client.force_login(make_user("manager", "programme_manager"))
    response = client.get(reverse("monitoring:toc_svg", args=[version.pk]))
    assert response["Content-Type"].startswith("image/svg+xml")
    download = client.get(reverse("monitoring:toc_svg", args=[version.pk]) + "?download=1")
    assert "attachment" in download["Content-Disposition"]
    data = json.loads(client.get(reverse("monitoring:toc_json", args=[version.pk])).content)
    assert data["version"] == 1 and {"from": "op1", "to": "oc1"} in data["links"]
    assert data["assumptions"][0]["link"] == {"from": "op1", "to": "oc1"}
    page = client.get(reverse("monitoring:toc", args=[version.pk])).content.decode()
    assert reverse("monitoring:toc_svg", args=[version.pk]) in page and "Prosecutors trained" in page
    draft = toc.start_review(version.theory)
    compare = client.get(reverse("monitoring:toc_compare", args=[version.pk, draft.pk])).content.decode()
    assert "No changes." in compare
