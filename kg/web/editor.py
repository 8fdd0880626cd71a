"""What the query page's editor knows before any query runs: the predeclared prefixes (the same
set /sparql accepts, kg/query/prefixes.py) and the ontology's classes, properties and the values
of its schemes (statuses), with their labels, for completion as one types `kg:` and to name
them in results."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.namespaces import curie

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABELS = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel"}
_IN_SCHEME = "http://www.w3.org/2004/02/skos/core#inScheme"
_KINDS = {"http://www.w3.org/2002/07/owl#Class": "class", "http://www.w3.org/2000/01/rdf-schema#Class": "class",
          "http://www.w3.org/2002/07/owl#ObjectProperty": "property",
          "http://www.w3.org/2002/07/owl#DatatypeProperty": "property",
          "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property": "property"}
# Terms of the reused vocabularies that most queries need, beside the ontology's own.
_COMMON = {"rdf:type": "property", "rdfs:label": "property", "skos:altLabel": "property",
           "schema:headline": "property", "schema:datePublished": "property", "dcterms:source": "property",
           "org:Organization": "class", "schema:Event": "class", "schema:Person": "class", "schema:Place": "class"}


def vocabulary(ontology: Path) -> list[dict[str, str]]:
    """The classes, properties and scheme values a query may name, as {"name": "kg:Program",
    "kind": "class", "label": "program"}, sorted by name; labels in English, else Indonesian."""
    kinds: dict[str, str] = {}
    labels: dict[str, dict[str, str]] = {}
    for quad in ox.parse(path=ontology, format=ox.RdfFormat.TURTLE):
        subject, predicate, obj = quad.subject, quad.predicate.value, quad.object
        if not isinstance(subject, ox.NamedNode):
            continue
        if predicate == _RDF_TYPE and isinstance(obj, ox.NamedNode) and obj.value in _KINDS:
            kinds[subject.value] = _KINDS[obj.value]
        elif predicate == _IN_SCHEME:
            kinds.setdefault(subject.value, "value")
        elif predicate in _LABELS and isinstance(obj, ox.Literal):
            labels.setdefault(subject.value, {})[obj.language or ""] = obj.value
    terms = {curie(iri): (kind, _label(labels.get(iri, {}))) for iri, kind in kinds.items()}
    terms |= {name: (kind, "") for name, kind in _COMMON.items() if name not in terms}
    return [{"name": name, "kind": kind, "label": label} for name, (kind, label) in sorted(terms.items())
            if ":" in name and not name.startswith("http")]


def _label(by_language: dict[str, str]) -> str:
    return by_language.get("en") or by_language.get("id") or by_language.get("", "")
