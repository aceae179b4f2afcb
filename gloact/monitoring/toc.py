"""Theory of change versions: start a review (a copy of the current version to edit), make a
version current, compare two versions, export one as JSON-ready data."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max

from .models import TheoryOfChange, ToCAssumption, ToCLink, ToCNode, ToCVersion


@transaction.atomic
def start_review(theory: TheoryOfChange, user=None, note: str = "") -> ToCVersion:
    """A new draft version holding a copy of the current version's nodes, links and assumptions."""
    base = theory.current_version()
    number = (theory.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    draft = ToCVersion.objects.create(theory=theory, number=number, review_note=note, created_by=user)
    if base is None:
        return draft
    copies = {}
    for node in base.nodes.all():
        copies[node.pk] = ToCNode.objects.create(
            version=draft, key=node.key, level=node.level, text=node.text, pillar=node.pillar, order=node.order,
        )
    links = {}
    for link in base.links.all():
        links[link.pk] = ToCLink.objects.create(version=draft, source=copies[link.source_id], target=copies[link.target_id])
    for item in base.assumptions.all():
        ToCAssumption.objects.create(version=draft, kind=item.kind, text=item.text, link=links.get(item.link_id))
    return draft


@transaction.atomic
def make_current(version: ToCVersion) -> None:
    version.theory.versions.filter(status=ToCVersion.Status.CURRENT).exclude(pk=version.pk).update(
        status=ToCVersion.Status.SUPERSEDED
    )
    version.status = ToCVersion.Status.CURRENT
    version.save(update_fields=["status"])


@dataclass
class Comparison:
    added_nodes: list = field(default_factory=list)  # nodes of the newer version
    removed_nodes: list = field(default_factory=list)  # nodes of the older version
    changed_nodes: list = field(default_factory=list)  # (older node, newer node)
    added_links: list = field(default_factory=list)  # (source key, target key)
    removed_links: list = field(default_factory=list)
    added_assumptions: list = field(default_factory=list)  # (kind, text)
    removed_assumptions: list = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return not any(vars(self).values())


def _link_keys(version: ToCVersion) -> set[tuple[str, str]]:
    return {(link.source.key, link.target.key) for link in version.links.select_related("source", "target")}


def compare_versions(older: ToCVersion, newer: ToCVersion) -> Comparison:
    """What changed from `older` to `newer`, matching nodes by their stable key."""
    old_nodes = {n.key: n for n in older.nodes.all()}
    new_nodes = {n.key: n for n in newer.nodes.all()}
    result = Comparison(
        added_nodes=[new_nodes[k] for k in sorted(new_nodes.keys() - old_nodes.keys())],
        removed_nodes=[old_nodes[k] for k in sorted(old_nodes.keys() - new_nodes.keys())],
        changed_nodes=[
            (old_nodes[k], new_nodes[k]) for k in sorted(old_nodes.keys() & new_nodes.keys())
            if (old_nodes[k].text, old_nodes[k].level) != (new_nodes[k].text, new_nodes[k].level)
        ],
    )
    old_links, new_links = _link_keys(older), _link_keys(newer)
    result.added_links = sorted(new_links - old_links)
    result.removed_links = sorted(old_links - new_links)
    old_items = {(a.kind, a.text) for a in older.assumptions.all()}
    new_items = {(a.kind, a.text) for a in newer.assumptions.all()}
    result.added_assumptions = sorted(new_items - old_items)
    result.removed_assumptions = sorted(old_items - new_items)
    return result


def version_as_data(version: ToCVersion) -> dict:
    """The version as plain data for the JSON export."""
    theory = version.theory
    return {
        "programme": theory.programme.code,
        "theory": theory.title,
        "scope": theory.scope,
        "country": theory.country_id,
        "version": version.number,
        "status": version.status,
        "review_note": version.review_note,
        "nodes": [
            {"key": n.key, "level": n.level, "text": n.text, "pillar": n.pillar.number if n.pillar else None}
            for n in version.nodes.select_related("pillar")
        ],
        "links": [{"from": s, "to": t} for s, t in sorted(_link_keys(version))],
        "assumptions": [
            {"kind": a.kind, "text": a.text, "link": {"from": a.link.source.key, "to": a.link.target.key} if a.link else None}
            for a in version.assumptions.select_related("link__source", "link__target")
        ],
    }
