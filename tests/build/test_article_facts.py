"""The first article, fact by fact, as a careful reader finds it in the text.

Every expectation here was written from the article (data/articles/*.txt), not copied from
the build output. Questions are asked in SPARQL over all graphs, ontology included, so class
hierarchies answer (a Dinas is an organisation).
"""

from __future__ import annotations

import pytest
from rdflib import Dataset

from kg.namespaces import PREFIXES

ID = "https://w3id.org/ekodigi/id/"
ARTICLE = f"<{ID}article/tribunjatim-2022-08-09-jatim-lazada>"
HEADER = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + f"PREFIX id: <{ID}>\n"


def rows(union: Dataset, query: str) -> set[tuple[str, ...]]:
    """Run a SELECT and return its rows as tuples of strings, local ids for our entities."""
    def show(term: object) -> str:
        text = str(term)
        return text[len(ID):] if text.startswith(ID) else text
    return {tuple(show(v) for v in row) for row in union.query(HEADER + query)}


def ask(union: Dataset, query: str) -> bool:
    return bool(union.query(HEADER + f"ASK {{ {query} }}").askAnswer)


def labels(union: Dataset, cls: str) -> set[str]:
    return {r[0] for r in rows(union, f"""
        SELECT DISTINCT ?label WHERE {{
            ?x a/rdfs:subClassOf* {cls} ; rdfs:label ?label . FILTER (lang(?label) = "id") }}""")}


# --- Actors --------------------------------------------------------------------------------

def test_government_bodies_and_their_offices(union: Dataset) -> None:
    assert labels(union, "kg:GovernmentBody") == {
        "Pemerintah Provinsi Jawa Timur",
        "Dinas Koperasi, Usaha Kecil dan Menengah (UKM) Jatim",
        "Bakorwil Malang", "Bakorwil Jember", "Bakorwil Pamekasan", "Bakorwil Bojonegoro",
        "Bakorwil Madiun",
    }
    assert ask(union, "id:pemprov-jatim a kg:ProvincialGovernment ; kg:jurisdiction id:jawa-timur")
    assert ask(union, "id:dinas-kukm-jatim a kg:Dinas ; org:subOrganizationOf id:pemprov-jatim")
    for seat in ("malang", "jember", "pamekasan", "bojonegoro", "madiun"):
        assert ask(union, f"id:bakorwil-{seat} a kg:Bakorwil ; org:subOrganizationOf id:pemprov-jatim ;"
                          f" schema:location id:{seat}")


def test_companies_startups_and_media(union: Dataset) -> None:
    assert labels(union, "kg:Company") == {"Lazada", "Lazada Indonesia", "Ozora"}
    assert labels(union, "kg:Startup") == {"Ozora"}
    assert labels(union, "kg:MediaOutlet") == {"TribunJatim.com"}
    assert ask(union, 'id:tribunjatim skos:altLabel "Tribun Jatim Network"@id')


def test_organisations_include_every_kind(union: Dataset) -> None:
    found = labels(union, "org:Organization")
    assert {"Lazada", "Ozora", "TribunJatim.com", "Tim MJC", "Pemerintah Provinsi Jawa Timur",
            "Bakorwil Madiun"} <= found


def test_labels_keep_the_articles_spelling_and_aliases_hold_variants(union: Dataset) -> None:
    assert ask(union, 'id:millenial-job-center rdfs:label "Millenial Job Center"@id ;'
                      ' skos:altLabel "MJC"@id, "Milenial Job Center"@id, "Millennial Job Center"@id')
    assert ask(union, 'id:jawa-timur rdfs:label "Jawa Timur"@id, "East Java"@en ; skos:altLabel "Jatim"@id')
    assert ask(union, 'id:pemprov-jatim skos:altLabel "Pemprov Jatim"@id')
    assert ask(union, 'id:dinas-kukm-jatim skos:altLabel "Dinas Koperasi dan UKM Jatim"@id')


# --- People and posts ----------------------------------------------------------------------

def test_people_and_their_posts_as_of_the_article_date(union: Dataset) -> None:
    found = rows(union, """
        SELECT ?person ?post ?org ?asOf WHERE {
            ?person a schema:Person ; org:holds ?post .
            ?post org:postIn ?org .
            ?st rdf:subject ?person ; rdf:predicate org:holds ; rdf:object ?post ; kg:asOf ?asOf .
        }""")
    assert found == {
        ("andromeda-qomariah", "kepala-dinas-kukm-jatim", "dinas-kukm-jatim", "2022-08-09"),
        ("haikal-bekti-anggoro", "svp-seller-operations-lazada-indonesia", "lazada-indonesia", "2022-08-09"),
        ("fikri-firmansyah", "wartawan-tribunjatim", "tribunjatim", "2022-08-09"),
    }
    assert ask(union, 'id:svp-seller-operations-lazada-indonesia'
                      ' rdfs:label "SVP -Seller Operations Lazada Indonesia"@id')
    assert labels(union, "schema:Person") == {
        "Andromeda Qomariah", "Haikal Bekti Anggoro", "Fikri Firmansyah", "Ndaru Wijayanto"}


# --- Programs, teams, facilities -----------------------------------------------------------

def test_programs_by_operator(union: Dataset) -> None:
    found = rows(union, "SELECT ?p ?op WHERE { ?p a/rdfs:subClassOf* kg:Program ; kg:operatedBy ?op }")
    assert found == {
        ("millenial-job-center", "pemprov-jatim"),
        ("east-java-super-corridor", "pemprov-jatim"),
        ("gerakan-akar-digital", "lazada"),
    }
    assert ask(union, 'id:gerakan-akar-digital a kg:Initiative ; skos:altLabel "Gerakan AKAR Digital Indonesia"@id')


def test_ejsc_is_at_five_bakorwil(union: Dataset) -> None:
    found = {r[0] for r in rows(union, "SELECT ?b WHERE { id:east-java-super-corridor kg:hostedAt ?b }")}
    assert found == {f"bakorwil-{s}" for s in ("malang", "jember", "pamekasan", "bojonegoro", "madiun")}
    assert ask(union, 'id:east-java-super-corridor skos:altLabel "EJSC"@id')


def test_team_and_coworking_space(union: Dataset) -> None:
    assert ask(union, "id:tim-mjc a kg:Team ; kg:teamOf id:millenial-job-center")
    assert ask(union, 'id:kukm-jatim-space a kg:CoworkingSpace ; kg:operatedBy id:pemprov-jatim ;'
                      ' kg:audience "pelaku UKM maupun start up"@id')


# --- Events --------------------------------------------------------------------------------

def test_training_event_with_venue_organiser_and_target_group(union: Dataset) -> None:
    found = rows(union, """
        SELECT ?e ?venue ?org ?group WHERE {
            ?e a schema:EducationEvent ; kg:venue ?venue ; schema:organizer ?org ; kg:targetGroup ?group }""")
    assert found == {("pelatihan-umkm-lazada-sidoarjo-2022-08-09", "hotel-luminor-sidoarjo", "lazada", "umkm-di-jatim")}
    assert ask(union, "id:hotel-luminor-sidoarjo kg:within id:sidoarjo")


def test_the_date_is_the_remarks_not_the_training_series(union: Dataset) -> None:
    """"kata Andromeda ... pada acara rangkaian pelatihan ... Selasa (9/8/22)" dates what she said."""
    assert ask(union, 'id:andromeda-tim-mjc-akar-digital schema:dateCreated "2022-08-09"^^xsd:date ;'
                      " kg:saidAt id:pelatihan-umkm-lazada-sidoarjo-2022-08-09")
    assert not ask(union, "id:pelatihan-umkm-lazada-sidoarjo-2022-08-09 schema:startDate ?d")


def test_groups_the_text_names_are_target_groups(union: Dataset) -> None:
    found = rows(union, "SELECT ?x ?group WHERE { ?x kg:targetGroup ?group }")
    assert found == {
        ("pelatihan-umkm-lazada-sidoarjo-2022-08-09", "umkm-di-jatim"),
        ("kukm-jatim-space", "pelaku-ukm-dan-start-up"),
        ("kolaborasi-tim-mjc-akar-digital", "talenta-ekonomi-digital-jatim"),
    }
    assert ask(union, 'id:start-up-digital-surabaya-sidoarjo a kg:TargetGroup ;'
                      ' kg:groupSize "28"^^xsd:nonNegativeInteger ;'
                      " kg:takesPartIn id:gathering-networking-east-java-start-up ;"
                      " schema:location id:surabaya, id:sidoarjo")
    assert ask(union, 'id:umkm-di-jatim rdfs:label "UMKM di Jatim"@id ; schema:location id:jawa-timur')


def test_a_parent_company_and_its_national_company_are_told_apart(union: Dataset) -> None:
    """The text names "Lazada" and "Lazada Indonesia"; the SVP's post is in the one it names."""
    assert ask(union, "id:svp-seller-operations-lazada-indonesia org:postIn id:lazada-indonesia")
    assert not ask(union, 'id:lazada skos:altLabel "Lazada Indonesia"@id')
    assert not ask(union, "id:lazada-indonesia org:subOrganizationOf ?parent")


def test_gathering_was_before_the_article_and_has_no_invented_date(union: Dataset) -> None:
    event = "id:gathering-networking-east-java-start-up"
    assert ask(union, f"{event} a schema:BusinessEvent ; schema:organizer id:dinas-kukm-jatim, id:ozora ;"
                      f' kg:participantCount "28"^^xsd:nonNegativeInteger ; kg:before "2022-08-09"^^xsd:date ;'
                      f' kg:timeExpression "beberapa waktu lalu"@id ;'
                      f" kg:participantsFrom id:surabaya, id:sidoarjo")
    assert not ask(union, f"{event} schema:startDate ?d")


def test_dateline_is_not_a_venue(union: Dataset) -> None:
    assert ask(union, f"{ARTICLE} kg:dateline id:surabaya")
    assert not ask(union, "?event kg:venue id:surabaya")
    assert not ask(union, "?event a schema:Event ; schema:location id:surabaya")


# --- Places --------------------------------------------------------------------------------

def test_place_hierarchy(union: Dataset) -> None:
    inside = {r[0] for r in rows(union, "SELECT ?p WHERE { ?p kg:within+ id:jawa-timur }")}
    assert {"surabaya", "sidoarjo", "jember", "pamekasan", "bojonegoro", "malang", "madiun",
            "hotel-luminor-sidoarjo"} <= inside
    assert ask(union, "id:jawa-timur a kg:Province ; kg:within id:indonesia . id:indonesia a schema:Country")


@pytest.mark.parametrize("name", ["malang", "madiun"])
def test_ambiguous_seats_record_both_candidates(union: Dataset, name: str) -> None:
    found = rows(union, f"SELECT ?c ?kind WHERE {{ id:{name} a kg:AmbiguousPlace ;"
                        " kg:possibleReferent ?c . ?c a ?kind }")
    assert found == {(f"kota-{name}", str(PREFIXES["kg"]) + "City"),
                     (f"kabupaten-{name}", str(PREFIXES["kg"]) + "Regency")}


# --- Collaborations ------------------------------------------------------------------------

def test_collaborations_with_their_status(union: Dataset) -> None:
    found = rows(union, """
        SELECT ?c ?status (GROUP_CONCAT(?id; separator=" ") AS ?who) WHERE {
            ?c a kg:Collaboration ; kg:status ?s ; kg:participant ?p .
            BIND (STRAFTER(STR(?s), "#") AS ?status) BIND (STRAFTER(STR(?p), STR(id:)) AS ?id)
        } GROUP BY ?c ?status""")
    normalised = {(c, s, " ".join(sorted(w.split()))) for c, s, w in found}
    assert normalised == {
        ("kolaborasi-jatim-lazada", "planned", "lazada pemprov-jatim"),
        ("kolaborasi-tim-mjc-akar-digital", "planned", "gerakan-akar-digital tim-mjc"),
        ("kolaborasi-dinas-kukm-ozora", "completed", "dinas-kukm-jatim ozora"),
        ("kolaborasi-lazada-pihak-lain", "aspired", "lazada"),
    }


def test_collaboration_details(union: Dataset) -> None:
    assert ask(union, "id:kolaborasi-jatim-lazada kg:actingThrough id:dinas-kukm-jatim")
    assert ask(union, "id:kolaborasi-dinas-kukm-ozora kg:resultedIn id:gathering-networking-east-java-start-up ;"
                      ' kg:expectedOutcome "start up itu nantinya dapat membantu UMKM dalam mengembangkan usahanya"@id')
    assert ask(union, 'id:kolaborasi-lazada-pihak-lain kg:prospectivePartners '
                      '"lebih banyak elemen pemerintah, organisasi, maupun sektor swasta"@id')
    assert ask(union, 'id:kolaborasi-tim-mjc-akar-digital kg:purpose '
                      '"mempersiapkan para talenta ekonomi digital di Jawa Timur"@id ; schema:location id:jawa-timur')


def test_the_planned_partnership_is_not_a_done_deal(union: Dataset) -> None:
    assert not ask(union, "?c kg:participant id:lazada ; kg:status kg:completed")


# --- Study ---------------------------------------------------------------------------------

def test_study_and_findings(union: Dataset) -> None:
    assert ask(union, 'id:studi-lazada-2021 a kg:Study ; schema:author id:lazada ;'
                      ' schema:temporalCoverage "2021"^^xsd:gYear')
    texts = {r[0] for r in rows(union, "SELECT ?t WHERE { id:studi-lazada-2021 kg:finding/schema:text ?t }")}
    assert len(texts) == 2
    assert any("kolaborasi dan kemitraan intensif antara pemerintah dan pihak swasta" in t for t in texts)


# --- What people said ----------------------------------------------------------------------

def test_quotes_by_speaker(union: Dataset) -> None:
    found = rows(union, """
        SELECT ?speaker ?kind ?verb WHERE {
            ?q kg:speaker ?speaker ; a ?k ; kg:attributionVerb ?verb .
            FILTER (?k IN (kg:DirectQuote, kg:IndirectQuote)) BIND (STRAFTER(STR(?k), "#") AS ?kind) }""")
    assert found == {
        ("andromeda-qomariah", "IndirectQuote", "mengatakan"),
        ("andromeda-qomariah", "DirectQuote", "kata"),
        ("andromeda-qomariah", "IndirectQuote", "menjelaskan"),
        ("andromeda-qomariah", "DirectQuote", "lanjutnya"),
        ("haikal-bekti-anggoro", "IndirectQuote", "menambahkan"),
        ("haikal-bekti-anggoro", "DirectQuote", "tutup"),
    }


def test_first_quote_was_said_to_tribun_at_the_training_on_9_august(union: Dataset) -> None:
    assert ask(union, """
        ?q kg:speaker id:andromeda-qomariah ; kg:addressee id:tribunjatim ;
           kg:saidAt id:pelatihan-umkm-lazada-sidoarjo-2022-08-09 ; schema:dateCreated "2022-08-09"^^xsd:date ;
           schema:text ?t . FILTER (STRSTARTS(?t, "Jadi nanti, kami akan menyiapkan Tim MJC"))""")


def test_quote_text_is_the_articles_words(union: Dataset) -> None:
    [(text,)] = rows(union, "SELECT ?t WHERE { ?a a schema:NewsArticle ; nif:isString ?t }")
    for (quote,) in rows(union, "SELECT ?t WHERE { ?q a kg:DirectQuote ; schema:text ?t }"):
        assert quote in text


# --- Article metadata ----------------------------------------------------------------------

HEADLINE = ("Kolaborasi Jadi Kunci Dorong Pemberdayaan Ekosistem Ekonomi Digital, "
            "Jatim & Lazada Siap Bersinergi")
RELATED = ("Gelar Pelatihan AKAR, Lazada Perkuat Komitmen Dorong Pertumbuhan Ekosistem "
           "Ekonomi Digital di Jatim")


def test_article_metadata(union: Dataset) -> None:
    assert ask(union, f"""
        {ARTICLE} a schema:NewsArticle ;
            schema:publisher id:tribunjatim ; schema:articleSection "Berita Jatim"@id ;
            schema:author id:fikri-firmansyah ; schema:editor id:ndaru-wijayanto ;
            schema:datePublished "2022-08-09"^^xsd:date ; kg:dateline id:surabaya ;
            schema:headline "{HEADLINE}"@id ; dcterms:relation ?related .
        ?related schema:headline "{RELATED}"@id""")
