"""One source file to triples: its entities and their fields (articles and the curated
gazetteer alike), and, for an article, its own description (see kg/build/article.py).
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import RDF

from kg.build.article import emit_article
from kg.build.statements import GraphSink, Statements
from kg.build.values import BuildWarning, Terms, Value, check_interval
from kg.errors import Location, SourceError, suggest
from kg.namespaces import Iris
from kg.source.dates import only_a_date
from kg.source.files import Registry, Source, check_draft_keys
from kg.source.schema import ENTITY_KEYS, FieldSpec, TypeSpec, fields_for
from kg.source.text import Span
from kg.source.yamlsource import Mapping, line_of


class Emitter:
    """Turns one source file into triples in its named graph (or the curated graph)."""

    def __init__(self, iris: Iris, dataset: GraphSink, registry: Registry, source: Source,
                 cues: dict[str, list[str]], warnings: list[BuildWarning]) -> None:
        self.iris = iris
        self.registry = registry
        self.source = source
        self.statements = Statements(iris, dataset, source)
        self.terms = Terms(iris, registry, cues, warnings, source.curated)
        self.warnings = warnings
        self._dates: dict[tuple[URIRef, str], tuple[frozenset[Span], Location]] = {}  # (subject, field)
        self._said_at: dict[URIRef, URIRef] = {}  # utterance -> event

    def emit(self) -> None:
        if self.source.article is not None:
            emit_article(self, self.source.article)
        for index, item in enumerate(self.source.entities):
            self.emit_entity(item, Location(self.source.path, item.line, f"entities[{index}]"))
        self._check_remark_dates()

    def _check_remark_dates(self) -> None:
        """An event dated only by the bare date that dates a remark made at it: "kata X pada acara
        Y, Selasa (9/8/22)" dates what X said, not a series of days Y may span (unlike "ketika
        meresmikan Y, 27 September 2025", whose words tie the date to the event)."""
        for utterance, event in self._said_at.items():
            remark, held = self._dates.get((utterance, "said_on")), self._dates.get((event, "date"))
            if (remark is not None and held is not None and held[0] <= remark[0]
                    and all(only_a_date(self.statements.quoted(span)) for span in held[0])):
                self.warnings.append(BuildWarning(held[1], "the event's date rests only on the words that date "
                                                  "a remark made at it; does the text date the event itself?"))

    def emit_entity(self, item: Mapping, where: Location) -> None:
        """An entity's type (with its evidence), label and every other field."""
        ident = item["id"]
        spec = self.registry[ident]
        subject = self.iris.entity(ident)
        spans = self._entity_spans(item, ident, where)
        check_draft_keys(item, where)
        self.statements.fact(subject, RDF.type, spec.cls, spans, curated=self.source.curated)
        if "label" not in item:
            raise SourceError(where, f"{ident!r} has no label", "add label: its name as the article spells it")
        self.emit_fields(subject, item, spec.category, spec, spans, where, skip=ENTITY_KEYS)
        check_interval(item, where)

    def _entity_spans(self, item: Mapping, ident: str, where: Location) -> list[Span]:
        evidence_where = where.at("evidence", line_of(item, "evidence"))
        if self.source.curated:
            if "evidence" in item:
                raise SourceError(evidence_where, "curated places carry no article evidence",
                                  "put facts an article states in that article's file")
            return []
        if "evidence" not in item:
            raise SourceError(where, f"{ident!r} has no evidence",
                              "add evidence: the words of the article that mention it")
        return self.statements.spans(item["evidence"], evidence_where)

    def emit_fields(self, subject: URIRef, item: Mapping, category: str, spec: TypeSpec | None,
                    spans: list[Span], where: Location, skip: frozenset[str]) -> None:
        """Every field of an entity (or the article block) as facts, each value with its evidence."""
        allowed = fields_for(category)
        for key, raw in item.items():
            if key in skip:
                continue
            field_where = where.at(str(key), line_of(item, key))
            field_spec = allowed.get(key)
            if field_spec is None:
                kind = spec.name if spec else "the article block"
                raise SourceError(field_where, f"unknown field {key!r} for {kind}",
                                  suggest(str(key), allowed, "fields"))
            curated = self.source.curated or field_spec.curated or (
                key == "label" and spec is not None and not spec.named)
            for value in self.terms.values(raw, field_spec, field_where):
                self._emit_value(subject, field_spec, value, spec, spans, curated)

    def _emit_value(self, subject: URIRef, field_spec: FieldSpec, value: Value, spec: TypeSpec | None,
                    spans: list[Span], curated: bool) -> None:
        """One value as a fact with its evidence (its own, else its entity's), and its inverse."""
        st, note = self.statements, None
        if value.source_note is not None:
            where = value.location.at("source_note")
            if spec is not None:
                raise SourceError(where, "source_note is only for the article block, about the article itself",
                                  "quote the article's text as evidence")
            note = st.note(where)
            spans = st.spans(value.source_note, where, note)
        elif value.evidence is not None:
            spans = st.spans(value.evidence, value.location.at("evidence"))
        quoted = [] if curated else [st.quoted(span, note) for span in spans]
        obj = self.terms.term(field_spec, value, quoted, spec)
        as_of = self.terms.date(value.as_of, value.location.at("as_of")) if value.as_of else None
        st.fact(subject, field_spec.predicate, obj, spans, as_of, curated, noted=note is not None,
                ranked=field_spec.ranked)
        if field_spec.name in ("date", "said_on"):
            self._dates[(subject, field_spec.name)] = (frozenset(spans), value.location)
        elif field_spec.name == "said_at" and isinstance(obj, URIRef):
            self._said_at[subject] = obj
        if field_spec.inverse is not None:  # the inverse has the same evidence as the fact
            st.fact(obj, field_spec.inverse, subject, spans, as_of, curated, noted=note is not None)
