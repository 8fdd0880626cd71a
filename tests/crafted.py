"""A tiny hand-written graph for the network tests: two collaborations (planned and completed),
a person with a post, hostile markup as a label, and one fact with full evidence."""

from __future__ import annotations

from rdflib import Graph

BASE = "https://example.org/id/"
HOSTILE = "<img src=x onerror=alert(1)>"
SENTENCE = "Lazada dan Dinas akan berkolaborasi dalam pelatihan digital."

TURTLE = f"""
@prefix kg: <https://w3id.org/ekodigi/def#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix schema: <https://schema.org/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix id: <https://example.org/id/> .
@prefix a: <https://example.org/id/article/a/> .

id:lazada a kg:Company ; rdfs:label "Lazada"@id .
id:dinas a kg:Dinas ; rdfs:label "Dinas KUKM"@id , "Cooperatives Office"@en .
id:hostile a kg:Startup ; rdfs:label "{HOSTILE}"@id ; schema:description "</script><script>alert(2)</script>"@id .
id:andi a schema:Person ; rdfs:label "Andi"@id ; org:holds id:kepala .
id:kepala a org:Post ; rdfs:label "Kepala Dinas"@id ; org:postIn id:dinas .
id:surabaya a kg:City ; rdfs:label "Surabaya"@id .
id:rencana a kg:Collaboration ; rdfs:label "Rencana pelatihan"@id ;
    kg:status kg:planned ; kg:participant id:lazada , id:dinas .
id:selesai a kg:Collaboration ; rdfs:label "Pelatihan selesai"@id ;
    kg:status kg:completed ; kg:participant id:hostile , id:dinas ; schema:location id:surabaya .

<https://example.org/id/article/a> a schema:NewsArticle ; schema:headline "Berita uji"@id .
a:sentence a nif:Sentence ; nif:anchorOf "{SENTENCE}" ; kg:sentenceIndex 1 .
a:statement a rdf:Statement ; rdf:subject id:rencana ; rdf:predicate kg:participant ;
    rdf:object id:lazada ; prov:wasDerivedFrom <https://example.org/id/article/a> ; kg:evidence a:evidence .
a:evidence a oa:Annotation ; oa:hasTarget a:target .
a:target a oa:SpecificResource ; oa:hasSource <https://example.org/id/article/a> ;
    kg:inSentence a:sentence ; oa:hasSelector a:quote .
a:quote a oa:TextQuoteSelector ; oa:exact "akan berkolaborasi" .
"""


def crafted_graph() -> Graph:
    return Graph().parse(data=TURTLE, format="turtle")
