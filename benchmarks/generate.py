"""A deterministic generator of synthetic ecosystem graphs shaped like kg's real output.

Each synthetic article gets its own named graph holding what a real article graph holds:
the article with its text and sentences, typed and labelled entities drawn from shared pools
(so entities recur across articles and joins cross graphs, as they do in the real data),
collaborations with participants and a status, programs with operators and hosts, events,
posts, quotes, and for every fact an rdf:Statement whose evidence is a Web Annotation with
quote and position selectors. A curated graph holds the place hierarchy (a country, 38
provinces, 514 regencies and cities) and the ontology graph is the real ontology. The
first member of each pool carries the id the named queries use by default (lazada, ozora,
jawa-timur, andromeda-qomariah…), so every query returns real rows.

    python -m benchmarks.generate --triples 100000 --out benchmarks/data/100000.nq
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/ekodigi/id/"
KG = "https://w3id.org/ekodigi/def#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
OA = "http://www.w3.org/ns/oa#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

# pool name -> (class, size, the id of member 0, label stem)
POOLS = {
    "government": (KG + "ProvincialGovernment", 38, "pemprov-jatim", "Pemerintah Provinsi"),
    "dinas": (KG + "Dinas", 400, "dinas-kukm-jatim", "Dinas"),
    "bakorwil": (KG + "Bakorwil", 60, "bakorwil-malang", "Bakorwil"),
    "company": (KG + "Company", 1500, "lazada", "Perusahaan"),
    "startup": (KG + "Startup", 1500, "ozora", "Startup"),
    "team": (KG + "Team", 300, "tim-mjc", "Tim"),
    "program": (KG + "Program", 1200, "millenial-job-center", "Program"),
    "person": (SCHEMA + "Person", 4000, "andromeda-qomariah", "Orang"),
    "post": (ORG + "Post", 4000, "kepala-dinas-kukm-jatim", "Jabatan"),
    "outlet": (KG + "MediaOutlet", 20, "tribunjatim", "Media"),
}
STATUSES = ("planned", "planned", "ongoing", "completed", "aspired", "cancelled")
WORDS = ("kolaborasi", "talenta", "digital", "ekonomi", "program", "pelatihan", "UMKM", "start", "up",
         "pemerintah", "swasta", "ekosistem", "Jatim", "daerah", "pertumbuhan", "teknologi")


def iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


def lit(value: str | int, datatype: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    return ox.Literal(str(value), datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(str(value))


class Generator:
    """Emits quads article by article until the target size is reached."""

    def __init__(self, seed: int = 7, triples: int = 1_000_000) -> None:
        self.random = random.Random(seed)
        # Pools grow with the graph (their sizes above are for a million triples).
        self.sizes = {pool: max(3, spec[1] * triples // 1_000_000) for pool, spec in POOLS.items()}
        self.sizes["government"] = 38
        self.curated = iri(BASE + "graph/curated")
        self.places = self._place_ids()

    def member(self, pool: str, index: int) -> ox.NamedNode:
        return iri(BASE + (POOLS[pool][2] if index == 0 else f"{pool}-{index}"))

    def _pick(self, pool: str) -> tuple[ox.NamedNode, int]:
        # A skewed choice: a few actors recur in many articles, as in real news.
        size = self.sizes[pool]
        index = min(int(self.random.paretovariate(1.2)) - 1, size - 1)
        index = index if self.random.random() < 0.5 else self.random.randrange(size)
        return self.member(pool, index), index

    def _place_ids(self) -> list[ox.NamedNode]:
        return [iri(BASE + ("jawa-timur" if p == 0 else f"province-{p}")) for p in range(38)]

    def reference(self) -> Iterator[ox.Quad]:
        """The curated graph: entity labels and types of every pool, and the place hierarchy."""
        g = self.curated
        country = iri(BASE + "indonesia")
        yield ox.Quad(country, iri(RDF + "type"), iri(SCHEMA + "Country"), g)
        yield ox.Quad(country, iri(RDFS + "label"), lit("Indonesia", lang="id"), g)
        for p, province in enumerate(self.places):
            yield ox.Quad(province, iri(RDF + "type"), iri(KG + "Province"), g)
            yield ox.Quad(province, iri(RDFS + "label"), lit("Jawa Timur" if p == 0 else f"Provinsi {p}", lang="id"), g)
            yield ox.Quad(province, iri(KG + "within"), country, g)
        for r in range(514):
            regency = iri(BASE + f"regency-{r}")
            kind = "City" if r % 5 == 0 else "Regency"
            yield ox.Quad(regency, iri(RDF + "type"), iri(KG + kind), g)
            yield ox.Quad(regency, iri(RDFS + "label"), lit(f"{'Kota' if kind == 'City' else 'Kabupaten'} {r}",
                                                            lang="id"), g)
            yield ox.Quad(regency, iri(KG + "within"), self.places[r % 38], g)
        for pool, (cls, _, _, stem) in POOLS.items():
            for index in range(self.sizes[pool]):
                member = self.member(pool, index)
                yield ox.Quad(member, iri(RDF + "type"), iri(cls), g)
                yield ox.Quad(member, iri(RDFS + "label"), lit(f"{stem} {index}", lang="id"), g)
                if index % 10 == 0:  # some names carry a regional abbreviation, as real ones do
                    yield ox.Quad(member, iri(SKOS + "altLabel"), lit(f"{stem} Jatim {index}", lang="id"), g)
                if pool == "post":
                    yield ox.Quad(member, iri(ORG + "postIn"), self.member("dinas", index % self.sizes["dinas"]), g)

    def article(self, n: int) -> Iterator[ox.Quad]:
        """One synthetic article graph."""
        rnd = self.random
        aid = f"syn-{n:06d}"
        article = iri(BASE + f"article/{aid}")
        graph = iri(BASE + f"graph/{aid}")
        sentences = self._sentences()
        text = "\n".join(sentences)
        quads: list[ox.Quad] = []

        def add(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> None:
            quads.append(ox.Quad(s, iri(p), o, graph))

        add(article, RDF + "type", iri(SCHEMA + "NewsArticle"))
        add(article, RDF + "type", iri(NIF + "Context"))
        add(article, NIF + "isString", lit(text))
        add(article, DCTERMS + "identifier", lit(aid))
        add(article, SCHEMA + "headline", lit(sentences[1], lang="id"))
        add(article, SCHEMA + "datePublished", lit(f"20{18 + n % 8}-{1 + n % 12:02d}-{1 + n % 28:02d}", XSD + "date"))
        add(article, SCHEMA + "publisher", self._pick("outlet")[0])
        add(article, SCHEMA + "author", self._pick("person")[0])
        add(article, KG + "dateline", iri(BASE + f"regency-{rnd.randrange(514)}"))
        offset = 0
        spans = []
        for index, sentence in enumerate(sentences, start=1):
            node = iri(f"{article.value}/sentence/{index}")
            add(node, RDF + "type", iri(NIF + "Sentence"))
            add(node, NIF + "referenceContext", article)
            add(node, NIF + "beginIndex", lit(offset, XSD + "nonNegativeInteger"))
            add(node, NIF + "endIndex", lit(offset + len(sentence), XSD + "nonNegativeInteger"))
            add(node, NIF + "anchorOf", lit(sentence))
            add(node, KG + "sentenceIndex", lit(index, XSD + "nonNegativeInteger"))
            spans.append((index, offset, offset + len(sentence)))
            offset += len(sentence) + 1

        facts: list[tuple[ox.NamedNode, str, ox.NamedNode | ox.Literal]] = []
        government, g_index = self._pick("government")
        dinas = self.member("dinas", (g_index * 10 + rnd.randrange(10)) % self.sizes["dinas"])
        company, _ = self._pick("company")
        startup, _ = self._pick("startup")
        team, _ = self._pick("team")
        program, _ = self._pick("program")
        person, p_index = self._pick("person")
        post = self.member("post", p_index % self.sizes["post"])
        province = self.places[g_index % 38]
        for entity, cls, label in ((government, "ProvincialGovernment", "Pemerintah"), (dinas, "Dinas", "Dinas"),
                                   (company, "Company", "Perusahaan"), (startup, "Startup", "Startup"),
                                   (team, "Team", "Tim"), (program, "Program", "Program")):
            facts += [(entity, RDF + "type", iri(KG + cls)), (entity, RDFS + "label", lit(label, lang="id"))]
        facts += [
            (dinas, ORG + "subOrganizationOf", government), (government, KG + "jurisdiction", province),
            (person, ORG + "holds", post), (program, KG + "operatedBy", government if n % 2 else company),
            (program, KG + "hostedAt", self.member("bakorwil", rnd.randrange(self.sizes["bakorwil"]))),
            (team, KG + "teamOf", program),
            (program, KG + "purpose", lit(" ".join(rnd.choice(WORDS) for _ in range(8)), lang="id")),
        ]
        for c in range(2):
            collaboration = iri(BASE + f"kolaborasi-{aid}-{c}")
            facts += [(collaboration, RDF + "type", iri(KG + "Collaboration")),
                      (collaboration, RDFS + "label", lit(f"Kolaborasi {aid} {c}", lang="id")),
                      (collaboration, KG + "status", iri(KG + rnd.choice(STATUSES))),
                      (collaboration, KG + "participant", (government, dinas, team)[c + rnd.randrange(2)]),
                      (collaboration, KG + "participant", (company, startup, program)[c + rnd.randrange(2)])]
        event = iri(BASE + f"acara-{aid}")
        facts += [(event, RDF + "type", iri(SCHEMA + "EducationEvent")),
                  (event, RDFS + "label", lit(f"Pelatihan {aid}", lang="id")),
                  (event, SCHEMA + "organizer", company),
                  (event, KG + "venue", iri(BASE + f"regency-{rnd.randrange(514)}")),
                  (event, SCHEMA + "startDate", lit(f"2022-{1 + n % 12:02d}-{1 + n % 28:02d}", XSD + "date"))]
        for q in range(2):
            quote = iri(BASE + f"kutipan-{aid}-{q}")
            facts += [(quote, RDF + "type", iri(KG + ("DirectQuote" if q else "IndirectQuote"))),
                      (quote, KG + "speaker", person), (quote, KG + "attributionVerb", lit("kata", lang="id")),
                      (quote, SCHEMA + "text", lit(rnd.choice(sentences), lang="id"))]
        annotations: set[tuple[int, int, int]] = set()
        for number, (s, p, o) in enumerate(facts):
            add(s, p, o)
            statement = iri(f"{article.value}/statement/{number}")
            add(statement, RDF + "type", iri(RDF + "Statement"))
            add(statement, RDF + "subject", s)
            add(statement, RDF + "predicate", iri(p))
            add(statement, RDF + "object", o)
            add(statement, PROV + "wasDerivedFrom", article)
            index, start, end = rnd.choice(spans)
            start = rnd.randrange(start, max(start + 1, end - 20))
            span = (index, start, min(end, start + 20 + rnd.randrange(60)))
            anno = iri(f"{article.value}/evidence/{span[1]}-{span[2]}")
            add(statement, KG + "evidence", anno)
            add(anno, OA + "hasBody", statement)
            annotations.add(span)
        for index, start, end in sorted(annotations):
            anno = iri(f"{article.value}/evidence/{start}-{end}")
            target, quote, position = (iri(f"{anno.value}#{part}") for part in ("target", "quote", "position"))
            add(anno, RDF + "type", iri(OA + "Annotation"))
            add(anno, OA + "motivatedBy", iri(KG + "evidencing"))
            add(anno, OA + "hasTarget", target)
            add(target, RDF + "type", iri(OA + "SpecificResource"))
            add(target, OA + "hasSource", article)
            add(target, OA + "hasSelector", quote)
            add(target, OA + "hasSelector", position)
            add(target, KG + "inSentence", iri(f"{article.value}/sentence/{index}"))
            add(quote, RDF + "type", iri(OA + "TextQuoteSelector"))
            add(quote, OA + "exact", lit(text[start:end]))
            add(position, RDF + "type", iri(OA + "TextPositionSelector"))
            add(position, OA + "start", lit(start, XSD + "nonNegativeInteger"))
            add(position, OA + "end", lit(end, XSD + "nonNegativeInteger"))
        yield from quads

    def _sentences(self) -> list[str]:
        rnd = self.random
        return [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(12, 30))) + "." for _ in range(18)]


def sample_entities(triples: int, count: int, seed: int = 0) -> list[str]:
    """Ids of `count` entities drawn evenly from every pool of a graph of about `triples` quads."""
    generator, rnd = Generator(triples=triples), random.Random(seed)
    per_pool = max(1, count // len(POOLS))
    return [generator.member(pool, index).value.removeprefix(BASE)
            for pool in POOLS for index in sorted(rnd.sample(range(generator.sizes[pool]),
                                                             min(per_pool, generator.sizes[pool])))]


def generate(triples: int, seed: int = 7) -> bytes:
    """N-Quads of about `triples` quads: the ontology, the curated graph, then articles."""
    generator = Generator(seed, triples)
    ontology = iri("https://w3id.org/ekodigi/def")
    quads = [ox.Quad(t.subject, t.predicate, t.object, ontology)
             for t in ox.parse(path=str(ROOT / "ontology" / "kg.ttl"), format=ox.RdfFormat.TURTLE)]
    quads += list(generator.reference())
    n = 0
    while len(quads) < triples:
        quads += list(generator.article(n))
        n += 1
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(generate(args.triples, args.seed))


if __name__ == "__main__":
    main()
