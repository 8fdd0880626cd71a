"""The source format: which entity types and fields a data file may use, and their RDF terms.

This table is the mapping from the human-editable YAML to the ontology. Adding a field or a
type is one line here plus its term in ontology/kg.ttl; the builder needs no change.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS

from kg.namespaces import KG, ORG, SCHEMA


class Kind(Enum):
    """How a field's value becomes an RDF term, and what the builder checks about it."""

    NAME = "name"  # a label in the article's language; its words must appear in the evidence
    TEXT = "text"  # the article's own words; must occur verbatim in the evidence
    REF = "ref"  # the id of another entity
    DATE = "date"  # YYYY-MM-DD, or YYYY-MM / YYYY when the text gives no more; checked against the evidence
    YEAR = "year"  # YYYY
    COUNT = "count"  # a whole number >= 0
    STATUS = "status"  # a collaboration status from the ontology's code list
    ENGLISH = "english"  # editors' English text (translations, notes)
    CODE = "code"  # a plain code such as a language tag
    URL = "url"  # an http(s) address, such as where the article was published


@dataclass(frozen=True)
class TypeSpec:
    """An entity type usable as `type:` in a data file."""

    name: str
    cls: URIRef
    category: str
    named: bool = True  # False: the label is the editors' description, not the article's name


@dataclass(frozen=True)
class FieldSpec:
    """A field of an entity (or of the article block) and the triple it produces."""

    name: str
    predicate: URIRef
    kind: Kind
    categories: frozenset[str] = frozenset()  # where it may appear; empty means everywhere
    targets: frozenset[str] = frozenset()  # for references: the allowed target categories
    multi: bool = False
    curated: bool = False  # editors' knowledge: curated graph, no article evidence
    inverse: URIRef | None = None  # also assert the inverse triple
    ranked: bool = False  # one value holds at a time: the corpus graph states the preferred one
    lang: str | None = None


PLACE, ORGANISATION, PERSON, POST = "place", "organisation", "person", "post"
PROGRAM, EVENT, STUDY, FINDING = "program", "event", "study", "finding"
UTTERANCE, COLLABORATION, ARTICLE = "utterance", "collaboration", "article"
GROUP = "group"

TYPES: dict[str, TypeSpec] = {t.name: t for t in (
    TypeSpec("Country", SCHEMA.Country, PLACE),
    TypeSpec("Province", KG.Province, PLACE),
    TypeSpec("Regency", KG.Regency, PLACE),
    TypeSpec("City", KG.City, PLACE),
    TypeSpec("AmbiguousPlace", KG.AmbiguousPlace, PLACE),
    TypeSpec("Place", SCHEMA.Place, PLACE),
    TypeSpec("Facility", KG.Facility, PLACE),
    TypeSpec("CoworkingSpace", KG.CoworkingSpace, PLACE),
    TypeSpec("Hotel", SCHEMA.Hotel, PLACE),
    TypeSpec("Organization", ORG.Organization, ORGANISATION),
    TypeSpec("GovernmentBody", KG.GovernmentBody, ORGANISATION),
    TypeSpec("Ministry", KG.Ministry, ORGANISATION),
    TypeSpec("RegionalGovernment", KG.RegionalGovernment, ORGANISATION),
    TypeSpec("ProvincialGovernment", KG.ProvincialGovernment, ORGANISATION),
    TypeSpec("GovernmentOffice", KG.GovernmentOffice, ORGANISATION),
    TypeSpec("Dinas", KG.Dinas, ORGANISATION),
    TypeSpec("Bakorwil", KG.Bakorwil, ORGANISATION),
    TypeSpec("Company", KG.Company, ORGANISATION),
    TypeSpec("Startup", KG.Startup, ORGANISATION),
    TypeSpec("MediaOutlet", KG.MediaOutlet, ORGANISATION),
    TypeSpec("Team", KG.Team, ORGANISATION),
    TypeSpec("Person", SCHEMA.Person, PERSON),
    TypeSpec("Post", ORG.Post, POST),
    TypeSpec("Program", KG.Program, PROGRAM),
    TypeSpec("Initiative", KG.Initiative, PROGRAM),
    TypeSpec("Event", SCHEMA.Event, EVENT),
    TypeSpec("TrainingEvent", SCHEMA.EducationEvent, EVENT),
    TypeSpec("NetworkingEvent", SCHEMA.BusinessEvent, EVENT),
    TypeSpec("Study", KG.Study, STUDY),
    TypeSpec("Finding", KG.Finding, FINDING, named=False),
    TypeSpec("Quote", KG.DirectQuote, UTTERANCE, named=False),
    TypeSpec("IndirectQuote", KG.IndirectQuote, UTTERANCE, named=False),
    TypeSpec("Collaboration", KG.Collaboration, COLLABORATION, named=False),
    TypeSpec("TargetGroup", KG.TargetGroup, GROUP),
)}

ACTORS = frozenset({ORGANISATION, PERSON})
VOICES = ACTORS | {GROUP}  # who can speak or take part: an organisation, a person, a group
_ENTITIES = frozenset({PLACE, ORGANISATION, PERSON, POST, PROGRAM, EVENT, STUDY, FINDING,
                       UTTERANCE, COLLABORATION, GROUP})
_UNDERTAKINGS = frozenset({PROGRAM, EVENT, COLLABORATION})


def _f(name: str, predicate: URIRef, kind: Kind, on: set[str] | frozenset[str] = frozenset(),
       to: set[str] | frozenset[str] = frozenset(), **options: object) -> FieldSpec:
    return FieldSpec(name, predicate, kind, frozenset(on), frozenset(to), **options)  # type: ignore[arg-type]


FIELDS: dict[str, FieldSpec] = {f.name: f for f in (
    # every entity
    _f("label", RDFS.label, Kind.NAME, _ENTITIES, lang="id"),
    _f("aliases", SKOS.altLabel, Kind.NAME, _ENTITIES, multi=True, lang="id"),
    _f("label_en", RDFS.label, Kind.ENGLISH, _ENTITIES, curated=True, lang="en"),
    _f("known_as", SKOS.altLabel, Kind.ENGLISH, _ENTITIES, multi=True, curated=True, lang="id"),
    _f("note", SKOS.editorialNote, Kind.ENGLISH, _ENTITIES, curated=True, lang="en"),
    _f("description", SCHEMA.description, Kind.TEXT, _ENTITIES, lang="id"),
    # places
    _f("within", KG.within, Kind.REF, {PLACE}, {PLACE}),
    _f("possible_referents", KG.possibleReferent, Kind.REF, {PLACE}, {PLACE}, multi=True),
    # organisations, people, posts
    _f("part_of", ORG.subOrganizationOf, Kind.REF, {ORGANISATION}, {ORGANISATION},
       inverse=ORG.hasSubOrganization),
    _f("jurisdiction", KG.jurisdiction, Kind.REF, {ORGANISATION}, {PLACE}, multi=True),
    _f("mission", KG.mission, Kind.TEXT, {ORGANISATION}, lang="id"),
    _f("team_of", KG.teamOf, Kind.REF, {ORGANISATION}, {PROGRAM, ORGANISATION}),
    _f("holds", ORG.holds, Kind.REF, {PERSON}, {POST}, multi=True, inverse=ORG.heldBy),
    _f("post_in", ORG.postIn, Kind.REF, {POST}, {ORGANISATION}, inverse=ORG.hasPost),
    # programs and facilities
    _f("operated_by", KG.operatedBy, Kind.REF, {PROGRAM, PLACE}, {ORGANISATION}, multi=True),
    _f("hosted_at", KG.hostedAt, Kind.REF, {PROGRAM}, {ORGANISATION, PLACE}, multi=True),
    _f("audience", KG.audience, Kind.TEXT, {PROGRAM, PLACE, EVENT}, lang="id"),
    _f("purpose", KG.purpose, Kind.TEXT, {PROGRAM, PLACE, EVENT, COLLABORATION}, lang="id"),
    _f("location", SCHEMA.location, Kind.REF, {ORGANISATION, PERSON, PROGRAM, COLLABORATION, GROUP},
       {PLACE}, multi=True),
    _f("part_of_program", KG.partOfProgram, Kind.REF, {PROGRAM, EVENT, PLACE}, {PROGRAM}, multi=True),
    _f("edition_of", KG.editionOf, Kind.REF, {PROGRAM, EVENT}, {PROGRAM}),
    _f("target_groups", KG.targetGroup, Kind.REF, {PROGRAM, PLACE, EVENT, COLLABORATION}, {GROUP},
       multi=True),
    _f("takes_part_in", KG.takesPartIn, Kind.REF, VOICES, {PROGRAM, EVENT}, multi=True),
    _f("target_count", KG.targetCount, Kind.COUNT, _UNDERTAKINGS | {GROUP}),
    # target groups
    _f("size", KG.groupSize, Kind.COUNT, {GROUP}),
    # events
    _f("organizer", SCHEMA.organizer, Kind.REF, {EVENT}, ACTORS, multi=True),
    _f("venue", KG.venue, Kind.REF, {EVENT}, {PLACE}),
    _f("date", SCHEMA.startDate, Kind.DATE, _UNDERTAKINGS),
    _f("end_date", SCHEMA.endDate, Kind.DATE, _UNDERTAKINGS),
    _f("participant_count", KG.participantCount, Kind.COUNT, {EVENT, PROGRAM}),
    _f("participant_description", KG.participantDescription, Kind.TEXT, {EVENT}, lang="id"),
    _f("participants_from", KG.participantsFrom, Kind.REF, {EVENT}, {PLACE}, multi=True),
    _f("before", KG.before, Kind.DATE, {EVENT, COLLABORATION}),
    _f("time_expression", KG.timeExpression, Kind.TEXT, {EVENT, COLLABORATION}, lang="id"),
    # studies
    _f("author", SCHEMA.author, Kind.REF, {STUDY, ARTICLE}, ACTORS, multi=True),
    _f("period", SCHEMA.temporalCoverage, Kind.YEAR, {STUDY}),
    _f("findings", KG.finding, Kind.REF, {STUDY}, {FINDING}, multi=True),
    _f("text", SCHEMA.text, Kind.TEXT, {FINDING, UTTERANCE}, lang="id"),
    # what people said
    _f("speaker", KG.speaker, Kind.REF, {UTTERANCE}, VOICES),
    _f("verb", KG.attributionVerb, Kind.TEXT, {UTTERANCE}, lang="id"),
    _f("addressee", KG.addressee, Kind.REF, {UTTERANCE}, VOICES),
    _f("said_at", KG.saidAt, Kind.REF, {UTTERANCE}, {EVENT}),
    _f("said_in", KG.saidIn, Kind.REF, {UTTERANCE}, {PLACE}),
    _f("said_on", SCHEMA.dateCreated, Kind.DATE, {UTTERANCE}),
    # collaborations
    _f("participants", KG.participant, Kind.REF, {COLLABORATION}, {ORGANISATION, PROGRAM},
       multi=True),
    _f("acting_through", KG.actingThrough, Kind.REF, {COLLABORATION}, {ORGANISATION}, multi=True),
    _f("status", KG.status, Kind.STATUS, {COLLABORATION, PROGRAM, EVENT}, ranked=True),
    _f("prospective_partners", KG.prospectivePartners, Kind.TEXT, {COLLABORATION}, lang="id"),
    _f("expected_outcome", KG.expectedOutcome, Kind.TEXT, {COLLABORATION}, lang="id"),
    _f("resulted_in", KG.resultedIn, Kind.REF, {COLLABORATION}, {EVENT}, multi=True),
    # the article block
    _f("section", SCHEMA.articleSection, Kind.TEXT, {ARTICLE}, lang="id"),
    _f("headline", SCHEMA.headline, Kind.TEXT, {ARTICLE}, lang="id"),
    _f("subheadline", SCHEMA.alternativeHeadline, Kind.TEXT, {ARTICLE}, lang="id"),
    _f("publisher", SCHEMA.publisher, Kind.REF, {ARTICLE}, {ORGANISATION}),
    _f("editor", SCHEMA.editor, Kind.REF, {ARTICLE}, {PERSON}, multi=True),
    _f("dateline", KG.dateline, Kind.REF, {ARTICLE}, {PLACE}),
    _f("published", SCHEMA.datePublished, Kind.DATE, {ARTICLE}),
    _f("language", DCTERMS.language, Kind.CODE, {ARTICLE}),
    _f("url", SCHEMA.url, Kind.URL, {ARTICLE}),
)}

# Keys that are structure rather than facts.
# `rule` and `confidence` say why `kg ingest` proposed an item and how sure it is: a reviewed
# draft keeps them (so a rule's precision can be measured) and the build checks but never emits them.
DRAFT_KEYS = frozenset({"rule", "confidence"})
ENTITY_KEYS = frozenset({"id", "type", "evidence"}) | DRAFT_KEYS
ARTICLE_KEYS = frozenset({"id", "text", "related"})
# `source_note` quotes the articles folder's SOURCE.md for what an article's text does not say
# about the article itself (its publication date).
VALUE_KEYS = frozenset({"value", "evidence", "as_of", "source_note"}) | DRAFT_KEYS
STATUSES = ("planned", "ongoing", "completed", "cancelled", "aspired")


def fields_for(category: str) -> dict[str, FieldSpec]:
    """The fields an entity of this category (or the article block) may use."""
    return {name: spec for name, spec in FIELDS.items()
            if not spec.categories or category in spec.categories}
