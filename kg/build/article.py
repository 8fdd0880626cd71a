"""An article's own description: its type, identifier and text, its sentences (NIF), its
metadata fields, and the related headlines ("Baca juga") it links to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal
from rdflib.namespace import DCTERMS, RDF

from kg.build.statements import count
from kg.build.values import Value
from kg.errors import Location
from kg.namespaces import KG, NIF, SCHEMA
from kg.source.files import only_keys, require
from kg.source.schema import ARTICLE, ARTICLE_KEYS, FIELDS
from kg.source.yamlsource import Mapping, Sequence, line_of

if TYPE_CHECKING:
    from kg.build.emit import Emitter


def emit_article(emitter: Emitter, meta: Mapping) -> None:
    """The article node with its text and sentences, then its metadata fields and related links."""
    st = emitter.statements
    where = Location(emitter.source.path, meta.line, "article")
    for cls in (SCHEMA.NewsArticle, NIF.Context):
        st.add((st.article, RDF.type, cls))
    st.add((st.article, DCTERMS.identifier, Literal(st.article_id)))
    st.add((st.article, NIF.isString, Literal(st.text.text)))
    for sentence in st.text.sentences:
        node = emitter.iris.sentence(st.article_id, sentence.index)
        for p, o in ((RDF.type, NIF.Sentence), (NIF.referenceContext, st.article),
                     (NIF.beginIndex, count(sentence.start)), (NIF.endIndex, count(sentence.end)),
                     (NIF.anchorOf, Literal(sentence.text)), (KG.sentenceIndex, count(sentence.index))):
            st.add((node, p, o))
    emitter.emit_fields(st.article, meta, ARTICLE, None, [], where, skip=ARTICLE_KEYS)
    _emit_related(emitter, meta, where)


def _emit_related(emitter: Emitter, meta: Mapping, where: Location) -> None:
    """Each "Baca juga" headline as a related news article, with the words that name it."""
    st = emitter.statements
    related = meta.get("related", Sequence())
    related_where = where.at("related", line_of(meta, "related"))
    for index, item in enumerate(require(related, Sequence, related_where, "a list")):
        item_where = related_where.at(str(index), line_of(related, index))
        item = require(item, Mapping, item_where, "a mapping with headline and evidence")
        only_keys(item, {"headline", "evidence"}, item_where)
        node = emitter.iris.related(st.article_id, index + 1)
        spans = st.spans(item.get("evidence"), item_where.at("evidence", line_of(item, "evidence")))
        st.fact(st.article, DCTERMS.relation, node, spans)
        st.fact(node, RDF.type, SCHEMA.NewsArticle, spans)
        headline = Value(item.get("headline"), None, None, item_where.at("headline", line_of(item, "headline")))
        quoted = [st.quoted(span) for span in spans]
        st.fact(node, SCHEMA.headline, emitter.terms.term(FIELDS["headline"], headline, quoted, None), spans)
