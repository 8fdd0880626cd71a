"""Sources to graph: the ontology, the curated gazetteer and each article's YAML become one
RDF dataset with a named graph per article, every article fact backed by a statement whose
evidence is a Web Annotation on the exact words of the article.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from kg.dates import DateError, find_news_date, parse_iso
from kg.describe import DESCRIPTION_FILE, describe
from kg.errors import Location, SourceError
from kg.linksets import load_linksets
from kg.namespaces import ID_PATTERN, KG, NIF, OA, ONTOLOGY_IRI, RESERVED_IDS, SCHEMA, Iris
from kg.project import Project
from kg.regions import regions_graph
from kg.schema import (
    ARTICLE,
    ARTICLE_KEYS,
    ENTITY_KEYS,
    FIELDS,
    STATUSES,
    TYPES,
    VALUE_KEYS,
    FieldSpec,
    Kind,
    TypeSpec,
    fields_for,
)
from kg.serialize import render_all, write_outputs
from kg.store import persist
from kg.summary import Summary, summarize
from kg.text import ArticleText, QuoteNotFound, Span
from kg.yamlsource import Mapping, Sequence, line_of, load_yaml


@dataclass(frozen=True)
class BuildWarning:
    """Something suspicious that does not stop the build (a weekday that does not match)."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass
class BuildResult:
    """The built dataset and what the build noticed on the way."""

    dataset: Dataset
    articles: list[str]
    warnings: list[BuildWarning] = field(default_factory=list)


@dataclass
class _Source:
    """One data file, read but not yet turned into triples."""

    path: Path
    entities: list[Mapping]
    article: Mapping | None = None
    text: ArticleText | None = None

    @property
    def curated(self) -> bool:
        return self.article is None


@dataclass(frozen=True)
class _Value:
    """One value of a field, with the evidence and qualifiers written beside it."""

    raw: Any
    evidence: Any
    as_of: Any
    location: Location


def build(project: Project) -> BuildResult:
    """Compile ontology/ and data/ into a dataset; raise SourceError on the first bad input."""
    ontology = _load_ontology(project.ontology_file)
    sources = [_read_places(project.places_file)] if project.places_file.exists() else []
    sources += [_read_article(path) for path in project.article_files]
    registry = _declare(sources)
    dataset = Dataset()
    dataset.graph(ONTOLOGY_IRI).__iadd__(ontology)
    cues = {str(s).rsplit("#", 1)[-1]: [str(o).lower() for o in ontology.objects(s, KG.cue)]
            for s in ontology.subjects(KG.cue, None)}
    result = BuildResult(dataset, [])
    for source in sources:
        _Emitter(project.iris, dataset, registry, source, cues, result.warnings).emit()
        if source.article is not None:
            result.articles.append(source.article["id"])
    # Reference data beside the articles: the region dataset and the linksets into it and others.
    dataset.graph(project.iris.regions_graph).__iadd__(regions_graph(project.iris))
    for name, graph in load_linksets(project, set(registry)).items():
        dataset.graph(project.iris.linkset_graph(name)).__iadd__(graph)
    return result


def build_to(project: Project, out_dir: Path) -> tuple[BuildResult, Summary]:
    """`kg build`: compile, write every serialisation and the summary, then the query store.

    Everything is rendered in memory first, so bad input never touches out_dir.
    """
    result = build(project)
    graphs = [project.iris.article_graph(ident) for ident in result.articles]
    summary = summarize(result.dataset, graphs)
    rendered = render_all(result.dataset, project.base)
    description = describe(result.dataset, project, result.articles).serialize(format="turtle").encode("utf-8")
    write_outputs(rendered, out_dir, {"summary.json": summary.to_json(), DESCRIPTION_FILE: description})
    persist(project, rendered["nq"], rendered["nt"], out_dir)
    return result, summary


def _load_ontology(path: Path) -> Graph:
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise SourceError(Location(path), f"the ontology does not parse: {exc}") from exc
    return graph


def _read_places(path: Path) -> _Source:
    data = load_yaml(path)
    places = _require(data, Mapping, Location(path, 1), "a mapping with a `places:` list")
    _only_keys(places, {"places"}, Location(path))
    items = _require(places.get("places"), Sequence, Location(path, line_of(places, "places"), "places"),
                     "a list of places")
    return _Source(path, [_require(item, Mapping, Location(path, line_of(items, i), f"places[{i}]"),
                                   "a mapping") for i, item in enumerate(items)])


def _read_article(path: Path) -> _Source:
    data = _require(load_yaml(path), Mapping, Location(path, 1),
                    "a mapping with `article:` and `entities:`")
    _only_keys(data, {"article", "entities"}, Location(path))
    where = Location(path)
    article = _require(data.get("article"), Mapping, where.at("article", line_of(data, "article")),
                       "the article's metadata")
    ident = article.get("id")
    id_where = where.at("article.id", line_of(article, "id"))
    if not isinstance(ident, str) or not ID_PATTERN.fullmatch(ident):
        raise SourceError(id_where, f"{ident!r} is not a valid id",
                          "use lower-case letters, digits and single hyphens")
    if ident != path.stem:
        raise SourceError(id_where, f"the article id {ident!r} differs from the file name",
                          f"rename the file to {ident}.yaml or set id: {path.stem}")
    text_name = article.get("text")
    text_where = where.at("article.text", line_of(article, "text"))
    if not isinstance(text_name, str):
        raise SourceError(text_where, "missing the name of the article's text file",
                          f"add text: {path.stem}.txt")
    try:
        text = (path.parent / text_name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(text_where, f"cannot read the article text {text_name!r}: {exc}",
                          "store the article as a UTF-8 .txt file beside the YAML") from exc
    entities = _require(data.get("entities"), Sequence, where.at("entities", line_of(data, "entities")),
                        "a list of entities")
    checked = [_require(item, Mapping, where.at(f"entities[{i}]", line_of(entities, i)), "a mapping")
               for i, item in enumerate(entities)]
    return _Source(path, checked, article, ArticleText(text))


def _declare(sources: list[_Source]) -> dict[str, tuple[TypeSpec, Location]]:
    """Every entity id with its type; an id may recur across files only with the same type."""
    registry: dict[str, tuple[TypeSpec, Location]] = {}
    for source in sources:
        seen_here: dict[str, int | None] = {}
        for index, item in enumerate(source.entities):
            where = Location(source.path, item.line, f"entities[{index}]")
            ident = item.get("id")
            if not isinstance(ident, str) or not ID_PATTERN.fullmatch(ident) or ident in RESERVED_IDS:
                raise SourceError(where.at("id", line_of(item, "id")), f"{ident!r} is not a valid id",
                                  "use lower-case letters, digits and single hyphens (not 'article' or 'graph')")
            if ident in seen_here:
                raise SourceError(where.at("id", line_of(item, "id")), f"duplicate id {ident!r}",
                                  f"it is already used on line {seen_here[ident]}; give each entity its own id")
            seen_here[ident] = line_of(item, "id")
            type_name = item.get("type")
            spec = TYPES.get(type_name) if isinstance(type_name, str) else None
            if spec is None:
                raise SourceError(where.at("type", line_of(item, "type")), f"unknown type {type_name!r}",
                                  _suggest(str(type_name), TYPES, "types"))
            if ident in registry and registry[ident][0] != spec:
                first, first_where = registry[ident]
                raise SourceError(where.at("type", line_of(item, "type")),
                                  f"{ident!r} is a {type_name} here but a {first.name} in {first_where}",
                                  "one id names one entity: make the types agree or use another id")
            registry.setdefault(ident, (spec, where))
    return registry


class _Emitter:
    """Turns one source file into triples in its named graph (or the curated graph)."""

    def __init__(self, iris: Iris, dataset: Dataset, registry: dict[str, tuple[TypeSpec, Location]],
                 source: _Source, cues: dict[str, list[str]], warnings: list[BuildWarning]) -> None:
        self.iris = iris
        self.registry = registry
        self.source = source
        self.cues = cues
        self.warnings = warnings
        self.curated = dataset.graph(iris.curated_graph)
        if source.article is not None:
            self.article_id: str = source.article["id"]
            self.article = iris.article(self.article_id)
            self.graph = dataset.graph(iris.article_graph(self.article_id))
        self.annotated: set[Span] = set()

    # -- files -----------------------------------------------------------------------------
    def emit(self) -> None:
        if self.source.article is not None:
            self._emit_article(self.source.article)
        for index, item in enumerate(self.source.entities):
            self._emit_entity(item, Location(self.source.path, item.line, f"entities[{index}]"))

    def _emit_article(self, meta: Mapping) -> None:
        text = self.source.text
        assert text is not None
        where = Location(self.source.path, meta.line, "article")
        for cls in (SCHEMA.NewsArticle, NIF.Context):
            self.graph.add((self.article, RDF.type, cls))
        self.graph.add((self.article, DCTERMS.identifier, Literal(self.article_id)))
        self.graph.add((self.article, NIF.isString, Literal(text.text)))
        for sentence in text.sentences:
            node = self.iris.sentence(self.article_id, sentence.index)
            for p, o in ((RDF.type, NIF.Sentence), (NIF.referenceContext, self.article),
                         (NIF.beginIndex, _count(sentence.start)), (NIF.endIndex, _count(sentence.end)),
                         (NIF.anchorOf, Literal(sentence.text)), (KG.sentenceIndex, _count(sentence.index))):
                self.graph.add((node, p, o))
        self._emit_fields(self.article, meta, ARTICLE, None, [], where, skip=ARTICLE_KEYS)
        related = meta.get("related", Sequence())
        related_where = where.at("related", line_of(meta, "related"))
        for index, item in enumerate(_require(related, Sequence, related_where, "a list")):
            item_where = related_where.at(str(index), line_of(related, index))
            item = _require(item, Mapping, item_where, "a mapping with headline and evidence")
            _only_keys(item, {"headline", "evidence"}, item_where)
            node = self.iris.related(self.article_id, index + 1)
            spans = self._spans(item.get("evidence"), item_where.at("evidence", line_of(item, "evidence")))
            self._fact(self.article, DCTERMS.relation, node, spans)
            self._fact(node, RDF.type, SCHEMA.NewsArticle, spans)
            headline = _Value(item.get("headline"), None, None,
                              item_where.at("headline", line_of(item, "headline")))
            self._fact(node, SCHEMA.headline, self._term(FIELDS["headline"], headline, spans, None), spans)

    def _emit_entity(self, item: Mapping, where: Location) -> None:
        ident = item["id"]
        spec = self.registry[ident][0]
        subject = self.iris.entity(ident)
        evidence_where = where.at("evidence", line_of(item, "evidence"))
        if self.source.curated:
            if "evidence" in item:
                raise SourceError(evidence_where, "curated places carry no article evidence",
                                  "put facts an article states in that article's file")
            spans: list[Span] = []
        else:
            if "evidence" not in item:
                raise SourceError(where, f"{ident!r} has no evidence",
                                  "add evidence: the words of the article that mention it")
            spans = self._spans(item["evidence"], evidence_where)
        self._fact(subject, RDF.type, spec.cls, spans, curated=self.source.curated)
        if "label" not in item:
            raise SourceError(where, f"{ident!r} has no label", "add label: its name as the article spells it")
        self._emit_fields(subject, item, spec.category, spec, spans, where, skip=ENTITY_KEYS)

    def _emit_fields(self, subject: URIRef, item: Mapping, category: str, spec: TypeSpec | None,
                     spans: list[Span], where: Location, skip: frozenset[str]) -> None:
        allowed = fields_for(category)
        for key, raw in item.items():
            if key in skip:
                continue
            field_where = where.at(str(key), line_of(item, key))
            field_spec = allowed.get(key)
            if field_spec is None:
                kind = spec.name if spec else "the article block"
                raise SourceError(field_where, f"unknown field {key!r} for {kind}",
                                  _suggest(str(key), allowed, "fields"))
            curated = self.source.curated or field_spec.curated or (
                key == "label" and spec is not None and not spec.named)
            for value in self._values(raw, field_spec, field_where):
                value_spans = spans
                if value.evidence is not None:
                    value_spans = self._spans(value.evidence, value.location.at("evidence"))
                obj = self._term(field_spec, value, value_spans, spec, checked=not curated)
                as_of = self._date(value.as_of, value.location.at("as_of")) if value.as_of else None
                self._fact(subject, field_spec.predicate, obj, value_spans, as_of, curated)
                if field_spec.inverse is not None:
                    (self.curated if curated else self.graph).add((obj, field_spec.inverse, subject))

    # -- values ----------------------------------------------------------------------------
    def _values(self, raw: Any, spec: FieldSpec, where: Location) -> list[_Value]:
        items = raw if isinstance(raw, list) else [raw]
        if isinstance(raw, list) and not spec.multi:
            raise SourceError(where, f"{spec.name} takes one value, not a list", "keep one value")
        values = []
        for index, item in enumerate(items):
            item_where = Location(where.file, line_of(raw, index, where.line), where.field) \
                if isinstance(raw, list) else where
            if isinstance(item, dict):
                unknown = set(item) - VALUE_KEYS
                if "value" not in item or unknown:
                    raise SourceError(item_where, f"a value written as a mapping needs `value:` and may add "
                                      f"evidence or as_of, not {sorted(unknown) or 'nothing'}",
                                      "write {value: ..., evidence: \"...\"}")
                if (self.source.curated or spec.curated) and "evidence" in item:
                    raise SourceError(item_where, f"{spec.name} is the editors' knowledge, with no article evidence",
                                      "drop evidence here")
                values.append(_Value(item["value"], item.get("evidence"), item.get("as_of"),
                                     Location(where.file, getattr(item, "line", item_where.line), where.field)))
            else:
                values.append(_Value(item, None, None, item_where))
        return values

    def _term(self, spec: FieldSpec, value: _Value, spans: list[Span], owner: TypeSpec | None,
              checked: bool = True) -> URIRef | Literal:
        raw, where = value.raw, value.location
        quoted = [self._quoted(span) for span in spans] if checked else []
        if spec.kind is Kind.REF:
            return self._ref(raw, spec, where)
        if spec.kind is Kind.DATE:
            date = self._date(raw, where)
            self._check_news_date(date, quoted, where)
            return date
        if spec.kind is Kind.COUNT:
            if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
                raise SourceError(where, f"{raw!r} is not a whole number of zero or more")
            if quoted and not any(re.search(rf"(?<!\d){raw}(?!\d)", q) for q in quoted):
                raise SourceError(where, f"the number {raw} is not in its evidence",
                                  "quote the words that give the number")
            return _count(raw)
        if spec.kind is Kind.YEAR:
            if not re.fullmatch(r"\d{4}", str(raw)):
                raise SourceError(where, f"{raw!r} is not a year", "write four digits in quotes, e.g. \"2021\"")
            return Literal(str(raw), datatype=XSD.gYear)
        if not isinstance(raw, str) or not raw.strip():
            raise SourceError(where, f"expected text, got {raw!r}")
        if spec.kind is Kind.STATUS:
            if raw not in STATUSES:
                raise SourceError(where, f"unknown status {raw!r}", f"use one of {', '.join(STATUSES)}")
            if quoted and not any(cue in q.lower() for q in quoted for cue in self.cues.get(raw, [])):
                self.warnings.append(BuildWarning(where, f"the evidence for status {raw!r} has none of its "
                                                  f"cue words ({', '.join(self.cues.get(raw, []))})"))
            return KG[raw]
        named = owner is not None and owner.named
        if spec.kind is Kind.NAME and quoted and named and not any(_words_in_order(raw, q) for q in quoted):
            raise SourceError(where, f"the name {raw!r} is not in its evidence",
                                  "keep the article's spelling, quote where it says it, or use known_as")
        if spec.kind is Kind.TEXT and quoted and not any(raw in q for q in quoted):
            raise SourceError(where, f"{raw!r} is not, word for word, in its evidence",
                              "copy the article's words exactly, or quote the evidence that holds them")
        return Literal(raw, lang=spec.lang)

    def _ref(self, raw: Any, spec: FieldSpec, where: Location) -> URIRef:
        if not isinstance(raw, str) or raw not in self.registry:
            fitting = [ident for ident, (spec_, _) in self.registry.items()
                       if not spec.targets or spec_.category in spec.targets]
            raise SourceError(where, f"unknown entity {raw!r}", _suggest(str(raw), fitting, "ids that fit here"))
        target = self.registry[raw][0]
        if spec.targets and target.category not in spec.targets:
            raise SourceError(where, f"{spec.name} must point to a {' or '.join(sorted(spec.targets))}, "
                              f"but {raw!r} is a {target.name}", "point it at an entity of the right type")
        return self.iris.entity(raw)

    def _date(self, raw: Any, where: Location) -> Literal:
        try:
            return Literal(parse_iso(str(raw)).isoformat(), datatype=XSD.date)
        except DateError as exc:
            raise SourceError(where, str(exc), "write the date as YYYY-MM-DD") from exc

    def _check_news_date(self, date: Literal, quoted: list[str], where: Location) -> None:
        for text in quoted:
            try:
                found = find_news_date(text)
            except DateError as exc:
                raise SourceError(where, f"its evidence has an impossible date: {exc}") from exc
            if found is None:
                continue
            if found.date.isoformat() != str(date):
                raise SourceError(where, f"{date} differs from the evidence, which says {found.text!r} "
                                  f"({found.date.isoformat()})", "make the value match the article")
            if not found.weekday_matches:
                self.warnings.append(BuildWarning(where, f"{found.text!r}: {found.day_name} does not "
                                                  f"fall on {found.date.isoformat()}"))

    # -- evidence and statements -----------------------------------------------------------
    def _spans(self, raw: Any, where: Location) -> list[Span]:
        text = self.source.text
        assert text is not None
        items = raw if isinstance(raw, list) else [raw]
        spans = []
        for item in items:
            quote, occurrence = item, None
            if isinstance(item, dict):
                _only_keys(item, {"quote", "occurrence"}, where)
                quote, occurrence = item.get("quote"), item.get("occurrence")
            if not isinstance(quote, str) or (occurrence is not None and not isinstance(occurrence, int)):
                raise SourceError(where, "evidence must be quoted text (or {quote: ..., occurrence: N})")
            try:
                spans.append(text.find(quote, occurrence))
            except QuoteNotFound as exc:
                raise SourceError(where, str(exc), exc.hint) from exc
        return spans

    def _quoted(self, span: Span) -> str:
        assert self.source.text is not None
        return self.source.text.text[span.start:span.end]

    def _fact(self, s: URIRef, p: URIRef, o: URIRef | Literal, spans: list[Span],
              as_of: Literal | None = None, curated: bool = False) -> None:
        """Assert a direct triple, and beside it the statement with its evidence and qualifiers."""
        if curated:
            self.curated.add((s, p, o))
            return
        self.graph.add((s, p, o))
        if not spans:
            return
        statement = self.iris.statement(self.article_id, f"{s.n3()} {p.n3()} {o.n3()} {as_of}")
        for pred, obj in ((RDF.type, RDF.Statement), (RDF.subject, s), (RDF.predicate, p),
                          (RDF.object, o), (PROV.wasDerivedFrom, self.article)):
            self.graph.add((statement, pred, obj))
        if as_of is not None:
            self.graph.add((statement, KG.asOf, as_of))
        for span in spans:
            annotation = self._annotation(span)
            self.graph.add((statement, KG.evidence, annotation))
            self.graph.add((annotation, OA.hasBody, statement))

    def _annotation(self, span: Span) -> URIRef:
        """The Web Annotation on one span of the article, made once per span."""
        text = self.source.text
        assert text is not None
        iri = self.iris.evidence(self.article_id, span.start, span.end)
        if span in self.annotated:
            return iri
        self.annotated.add(span)
        target, quote, position = (self.iris.evidence(self.article_id, span.start, span.end, part)
                                   for part in ("target", "quote", "position"))
        prefix, suffix = text.context(span)
        g = self.graph
        g.add((iri, RDF.type, OA.Annotation))
        g.add((iri, OA.motivatedBy, KG.evidencing))
        g.add((iri, OA.hasTarget, target))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, self.article))
        g.add((target, OA.hasSelector, quote))
        g.add((target, OA.hasSelector, position))
        for sentence in text.sentences_in(span):
            g.add((target, KG.inSentence, self.iris.sentence(self.article_id, sentence.index)))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(self._quoted(span))))
        g.add((quote, OA.prefix, Literal(prefix)))
        g.add((quote, OA.suffix, Literal(suffix)))
        g.add((position, RDF.type, OA.TextPositionSelector))
        g.add((position, OA.start, _count(span.start)))
        g.add((position, OA.end, _count(span.end)))
        return iri


def _count(n: int) -> Literal:
    return Literal(n, datatype=XSD.nonNegativeInteger)


def _words_in_order(name: str, text: str) -> bool:
    """True when the name's words appear in the text in the same order (case ignored)."""
    words = iter(re.findall(r"\w+", text.lower()))
    return all(word in words for word in re.findall(r"\w+", name.lower()))


def _require(value: Any, kind: type, where: Location, what: str) -> Any:
    if not isinstance(value, kind):
        raise SourceError(where, f"expected {what}, got {type(value).__name__ if value is not None else 'nothing'}")
    return value


def _only_keys(mapping: dict, allowed: set[str], where: Location) -> None:
    for key in mapping:
        if key not in allowed:
            raise SourceError(where.at(str(key), line_of(mapping, key)), f"unknown key {key!r}",
                              _suggest(str(key), allowed, "keys"))


def _suggest(word: str, choices: Any, what: str, limit: int = 12) -> str:
    """The nearest names, or (when none is near) the first few that exist."""
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(repr(c) for c in close) + "?"
    names = sorted(choices)
    more = f", … ({len(names) - limit} more)" if len(names) > limit else ""
    return f"{what}: {', '.join(names[:limit])}{more}"
