"""Namespaces and IRI minting: the only place that knows how IRIs are spelled."""

from __future__ import annotations

import hashlib
import re

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

KG = Namespace("https://w3id.org/ekodigi/def#")
ONTOLOGY_IRI = URIRef("https://w3id.org/ekodigi/def")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SH = Namespace("http://www.w3.org/ns/shacl#")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")  # W3C WGS84: points a map can use as they are

PREFIXES: dict[str, Namespace] = {
    "kg": KG, "org": ORG, "schema": SCHEMA, "oa": OA, "nif": NIF, "prov": PROV,
    "dcterms": DCTERMS, "skos": SKOS, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD,
    "void": VOID, "dcat": DCAT, "geo": GEO,
}

DEFAULT_BASE = "https://w3id.org/ekodigi/id/"
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"{}|\\^`]+")  # an absolute http(s) address that is a valid IRI
RESERVED_IDS = frozenset({"article", "graph", "dataset", "fact", "conflict"})


class Iris:
    """Mints the IRIs of one dataset under its base IRI."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+[/#]", base):
            raise ValueError(f"base IRI {base!r} must be an http(s) IRI ending in '/' or '#'")
        self.base = base
        self.ns = Namespace(base)

    def entity(self, ident: str) -> URIRef:
        return self.ns[ident]

    def article(self, ident: str) -> URIRef:
        return self.ns[f"article/{ident}"]

    def article_graph(self, ident: str) -> URIRef:
        return self.ns[f"graph/{ident}"]

    @property
    def curated_graph(self) -> URIRef:
        return self.ns["graph/curated"]

    @property
    def dataset(self) -> URIRef:
        """The dataset as a whole, as the VoID/DCAT description names it."""
        return self.ns["dataset"]

    def region(self, code: str) -> URIRef:
        """A region of the Kemendagri dataset by its dotted code: 35.07 -> <base>wilayah-3507."""
        return self.ns["wilayah-" + code.replace(".", "")]

    @property
    def regions_graph(self) -> URIRef:
        return self.ns["graph/regions"]

    def linkset(self, name: str) -> URIRef:
        return self.ns[f"linkset/{name}"]

    def linkset_graph(self, name: str) -> URIRef:
        return self.ns[f"graph/links/{name}"]

    @property
    def analytics_graph(self) -> URIRef:
        """Where `kg stats` puts its measures (computed from the network, never part of it)."""
        return self.ns["graph/analytics"]

    def reference_graphs(self, names: object) -> frozenset[URIRef]:
        """Among graph names, those of reference datasets (regions, linksets), not of the ecosystem."""
        prefixes = (str(self.regions_graph), str(self.ns["graph/links/"]))
        return frozenset(n for n in names if isinstance(n, URIRef) and str(n).startswith(prefixes))

    def sentence(self, article: str, index: int) -> URIRef:
        return self.ns[f"article/{article}/sentence/{index}"]

    def related(self, article: str, index: int) -> URIRef:
        return self.ns[f"article/{article}/related/{index}"]

    def evidence(self, article: str, start: int, end: int, part: str = "") -> URIRef:
        """The annotation for a span, or one of its parts (#target, #quote, #position)."""
        suffix = f"#{part}" if part else ""
        return self.ns[f"article/{article}/evidence/{start}-{end}{suffix}"]

    def source_note(self, article: str) -> URIRef:
        """The source note of an article's folder (SOURCE.md), as that article cites it."""
        return self.ns[f"article/{article}/source-note"]

    def note_evidence(self, article: str, start: int, end: int, part: str = "") -> URIRef:
        """The annotation for a span of the source note, or one of its parts."""
        suffix = f"#{part}" if part else ""
        return self.ns[f"article/{article}/source-note/evidence/{start}-{end}{suffix}"]

    def statement(self, article: str, key: str) -> URIRef:
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        return self.ns[f"article/{article}/statement/{digest}"]

    @property
    def corpus_graph(self) -> URIRef:
        """The graph of what the corpus says as a whole: counts, preferred values, conflicts."""
        return self.ns["graph/corpus"]

    def fact(self, key: str) -> URIRef:
        """A direct fact (subject, predicate, object) as a node that carries its support count."""
        return self.ns[f"fact/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:20]}"]

    def conflict(self, key: str) -> URIRef:
        return self.ns[f"conflict/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"]

    def local_id(self, iri: URIRef) -> str | None:
        """The id of an entity IRI minted here, or None for any other IRI."""
        text = str(iri)
        if text.startswith(self.base):
            rest = text[len(self.base):]
            if ID_PATTERN.fullmatch(rest):
                return rest
        return None


def curie(term: object, base: str | None = None) -> str:
    """A prefixed name (`kg:status`, `id:lazada`) for the project's namespaces, else the full IRI."""
    text = str(term)
    namespaces = dict(PREFIXES, **({"id": Namespace(base)} if base else {}))
    for prefix, namespace in sorted(namespaces.items(), key=lambda item: -len(str(item[1]))):
        local = text[len(str(namespace)):]
        if text.startswith(str(namespace)) and re.fullmatch(r"[\w.-]*", local):
            return f"{prefix}:{local}"
    return text
