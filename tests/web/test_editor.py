"""The query page's editor data (kg/web/editor.py): the ontology's terms, labelled."""

from __future__ import annotations

from kg.web.editor import vocabulary
from tests.conftest import ROOT


def test_the_ontologys_terms_with_kinds_and_labels() -> None:
    terms = {t["name"]: t for t in vocabulary(ROOT / "ontology" / "kg.ttl")}
    assert terms["kg:Startup"]["kind"] == "class" and terms["kg:Startup"]["label"]
    assert terms["kg:participant"]["kind"] == "property"
    assert terms["kg:completed"] == {"name": "kg:completed", "kind": "value", "label": "completed"}  # a status
    assert terms["rdfs:label"]["kind"] == "property"  # the reused vocabularies' common terms too
    assert all(":" in name and not name.startswith("http") for name in terms)
    assert list(terms) == sorted(terms)
