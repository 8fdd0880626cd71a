"""Facts with their evidence: each direct triple is asserted beside an rdf:Statement whose
evidence is a Web Annotation on the exact words of the article (quote and position selectors,
and the sentence that holds them), or, for what the text does not say about the article itself
(its publication date), on the words of the folder's source note, whose text the graph holds too.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from kg.errors import Location, SourceError
from kg.namespaces import KG, NIF, OA, Iris
from kg.source.files import SOURCE_NOTE, Source, only_keys, read_source_note
from kg.source.limits import shown
from kg.source.text import ArticleText, QuoteNotFound, Span

Triple = tuple[URIRef, URIRef, URIRef | Literal]


class TripleSink(Protocol):
    """Where one graph's triples go (an rdflib Graph, or the build's lighter collector)."""

    def add(self, triple: Triple) -> object: ...


class GraphSink(Protocol):
    """Where a source's graphs go: an rdflib Dataset, or the build's lighter collector."""

    def graph(self, name: URIRef) -> TripleSink: ...


def count(n: int) -> Literal:
    """A non-negative integer literal (offsets, indexes, counts)."""
    return Literal(n, datatype=XSD.nonNegativeInteger)


class Statements:
    """Writes one source file's facts: into its article graph with evidence, or the curated graph."""

    def __init__(self, iris: Iris, dataset: GraphSink, source: Source) -> None:
        self.iris = iris
        self.source = source
        self.curated = dataset.graph(iris.curated_graph)
        self.annotated: set[tuple[bool, Span]] = set()
        self._note: ArticleText | None = None
        if source.article is not None:
            self.article_id: str = source.article["id"]
            self.article = iris.article(self.article_id)
            self.graph = dataset.graph(iris.article_graph(self.article_id))

    @property
    def text(self) -> ArticleText:
        assert self.source.text is not None, "only articles have text"
        return self.source.text

    def note(self, where: Location) -> ArticleText:
        """The folder's source note, read once."""
        if self._note is None:
            self._note = ArticleText(read_source_note(self.source.path, where))
        return self._note

    def spans(self, raw: Any, where: Location, text: ArticleText | None = None) -> list[Span]:
        """The spans of the article (or of `text`, the source note) that an `evidence` value quotes
        (text, or {quote, occurrence}); evidence is never empty, and each quote has words in it."""
        items = raw if isinstance(raw, list) else [raw]
        if not items:
            raise SourceError(where, "the evidence is an empty list", "quote the words of the article that say it")
        return [self._span(item, where, text or self.text) for item in items]

    def _span(self, item: Any, where: Location, text: ArticleText) -> Span:
        quote, occurrence = item, None
        if isinstance(item, dict):
            only_keys(item, {"quote", "occurrence"}, where)
            quote, occurrence = item.get("quote"), item.get("occurrence")
        if not isinstance(quote, str) or not re.search(r"[^\W_]", quote):
            raise SourceError(where, f"evidence must be quoted words of the article, not {shown(quote)}",
                              'write evidence: "…" or {quote: "…", occurrence: N}')
        if occurrence is not None and (type(occurrence) is not int or occurrence < 1):
            raise SourceError(where, f"occurrence must be a whole number from 1, not {shown(occurrence)}",
                              "count the quote's occurrences in the article from 1")
        try:
            return text.find(quote, occurrence)
        except QuoteNotFound as exc:
            raise SourceError(where, str(exc), exc.hint) from exc

    def quoted(self, span: Span, text: ArticleText | None = None) -> str:
        return (text or self.text).text[span.start:span.end]

    def add(self, triple: Triple, curated: bool = False) -> None:
        """A plain triple (the article's own description, its text and sentences) with no statement of its own."""
        (self.curated if curated else self.graph).add(triple)

    def fact(self, s: URIRef, p: URIRef, o: URIRef | Literal, spans: list[Span],
             as_of: Literal | None = None, curated: bool = False, noted: bool = False,
             ranked: bool = False) -> None:
        """Assert a direct triple, and beside it the statement with its evidence and qualifiers
        (`noted`: the spans are of the source note; the statement is still this article's).
        A ranked fact (a status) is only the statement: which of the corpus's statements holds is
        decided across articles, and the corpus graph states it (kg/build/support.py)."""
        if curated or not spans or not ranked:
            self.add((s, p, o), curated)
        if curated or not spans:
            return
        statement = self.iris.statement(self.article_id, f"{s.n3()} {p.n3()} {o.n3()} {as_of}")
        for pred, obj in ((RDF.type, RDF.Statement), (RDF.subject, s), (RDF.predicate, p),
                          (RDF.object, o), (PROV.wasDerivedFrom, self.article)):
            self.graph.add((statement, pred, obj))
        if as_of is not None:
            self.graph.add((statement, KG.asOf, as_of))
        for span in spans:
            annotation = self._annotation(span, noted)
            self.graph.add((statement, KG.evidence, annotation))
            self.graph.add((annotation, OA.hasBody, statement))

    def _source_note(self) -> URIRef:
        """The source note as a document this article's graph cites, with its text as the article's
        is (a NIF context), so the shapes check the offsets of what quotes it as they check the article's."""
        note = self.iris.source_note(self.article_id)
        assert self._note is not None, "a span of the note was found in the note"
        for triple in ((note, RDF.type, KG.SourceNote), (note, RDF.type, NIF.Context),
                       (note, DCTERMS.title, Literal(SOURCE_NOTE)), (note, NIF.isString, Literal(self._note.text))):
            self.graph.add(triple)
        return note

    def _annotation(self, span: Span, noted: bool = False) -> URIRef:
        """The Web Annotation on one span of the article (or of the source note), made once per span."""
        mint = self.iris.note_evidence if noted else self.iris.evidence
        iri = mint(self.article_id, span.start, span.end)
        if (noted, span) in self.annotated:
            return iri
        self.annotated.add((noted, span))
        target, quote, position = (mint(self.article_id, span.start, span.end, part)
                                   for part in ("target", "quote", "position"))
        text = self._note if noted else self.text
        assert text is not None, "a span of the note was found in the note"
        prefix, suffix = text.context(span)
        g = self.graph
        for triple in (
            (iri, RDF.type, OA.Annotation), (iri, OA.motivatedBy, KG.evidencing), (iri, OA.hasTarget, target),
            (target, RDF.type, OA.SpecificResource),
            (target, OA.hasSource, self._source_note() if noted else self.article),
            (target, OA.hasSelector, quote), (target, OA.hasSelector, position),
            (quote, RDF.type, OA.TextQuoteSelector), (quote, OA.exact, Literal(self.quoted(span, text))),
            (quote, OA.prefix, Literal(prefix)), (quote, OA.suffix, Literal(suffix)),
            (position, RDF.type, OA.TextPositionSelector), (position, OA.start, count(span.start)),
            (position, OA.end, count(span.end)),
        ):
            g.add(triple)
        for sentence in [] if noted else self.text.sentences_in(span):
            g.add((target, KG.inSentence, self.iris.sentence(self.article_id, sentence.index)))
        return iri
