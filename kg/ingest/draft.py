"""A draft article from raw text: run the rules, turn the proposals into the YAML `kg build`
reads (with `rule` and `confidence` on every proposed item), let the build's own checks judge
it, drop what they refuse (saying so), and write data/drafts/<id>.yaml beside its text."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kg.errors import KgError, SourceError
from kg.ingest import (
    cohorts,
    described,
    events,
    findings,
    groups,
    launches,
    metadata,
    names,
    offices,
    people,
    pointers,
    relations,
    speech,
    structure,
    studies,
)
from kg.ingest.gazetteer import DECISIONS, precision, rule_precision
from kg.ingest.model import Item, Proposals, Value, slug
from kg.ingest.reading import read_raw, without_captions
from kg.namespaces import ID_PATTERN
from kg.project import Project
from kg.rdfio import write_atomic
from kg.source.schema import FIELDS
from kg.source.text import Span

Check = Callable[[Path], list[str]]  # compiles a project folder: its warnings, or a KgError
MAX_DROPS = 200  # the build's checks are asked at most this many times per draft
_HEADER = ("# Draft made by `kg ingest` from {name}: every item says which rule proposed it and how\n"
           "# sure it is. Review it (accept, edit, reject), then move this file and its text to\n"
           "# data/articles/ to build it. Evidence is copied verbatim from the text.\n")


@dataclass
class Draft:
    """A draft ready to write: its id, its YAML document and text, and what was said on the way."""

    ident: str
    document: dict[str, Any]
    text: str
    warnings: list[str] = field(default_factory=list)

    def yaml_text(self, source_name: str) -> str:
        body = yaml.safe_dump(self.document, allow_unicode=True, sort_keys=False, width=100_000)
        return _HEADER.format(name=_comment(source_name)) + body


def _comment(text: str) -> str:
    """Text that stays inside one YAML comment line."""
    return "".join(ch if ch.isprintable() else " " for ch in text)


def propose(text: str, known: dict[str, tuple[str, str]], cues: dict[str, list[str]],
            published: dt.date | None = None) -> Proposals:
    """Run every rule over the text, in an order where later rules can use earlier findings; the
    publication date gives the year of dates written without one."""
    found = Proposals(without_captions(text), published)
    metadata.article_metadata(found)
    names.known_entities(found, known)
    names.places(found)
    names.islands(found)
    cores: dict[str, str] = {}
    names.organisations(found, cores)
    offices.representative_offices(found)
    names.better_known(found)
    people.people(found)
    names.untangle(found)
    names.bare_districts(found)
    described.described_organisations(found, people.POST_HEADS)
    names.partners(found, {i.label for i in found.items.values() if i.type in ("Person",)}
                   | {w for i in found.items.values() if i.type == "Person" for w in i.label.split()})
    people.posts_of_the_last_named(found)
    pointers.posts_pointing_back(found)
    relations.programs(found)
    relations.facilities(found)
    relations.venues_and_events(found)
    names.landmarks(found)
    relations.teams(found)
    studies.studies(found)
    events.described(found)
    launches.launches(found, cues)
    cohorts.cohorts(found)
    events.attendance(found)
    groups.target_groups(found)
    structure.link(found)
    launches.run_by_posts(found)
    speech.quotes(found)
    findings.findings(found)
    relations.collaborations(found, cues)
    relations.headline_status(found, cues)
    _dateline_place(found)
    return found


def _dateline_place(found: Proposals) -> None:
    """The dateline's place id: a region (an ambiguous name stays ambiguous, whatever a
    government's level made of it elsewhere) or a proposed place; else a Place of its own."""
    value = found.article.get("dateline")
    if value is None or value.span is None:
        return
    name = str(value.value)
    item = names.place_item(found, name, value.span) or found.find_name(name)
    if item is None:
        item = found.add(Item(slug(name), "Place", name, value.span, "dateline", 0.6))
    value.value = item.ident


def make_draft(ident: str, text: str, proposals: Proposals, published: dt.date | None, source: str | None,
               lowered: dict[str, float]) -> Draft:
    """The draft document of the proposals (article block first, then the entities in text order)."""
    warnings = list(proposals.warnings)
    text_date = proposals.article.get("text_date")
    if published is None and text_date is not None:
        published = text_date.value  # type: ignore[assignment]
        warnings.append(f"published date taken from the text ({published}); check it against the source")
    elif published is None:
        warnings.append("no publication date: the draft has none (give --published, or add it when reviewing)")
    writer = _Writer(text, lowered)
    article: dict[str, Any] = {"id": ident, "text": f"{ident}.txt", "language": "id"}
    if published is not None:
        article["published"] = published
    if source is not None:
        article["url"] = source  # schema:url: where the article was published
    for key in ("section", "headline", "subheadline", "publisher", "author", "editor", "dateline"):
        if key in proposals.article:
            article[key] = writer.value(proposals.article[key])
    if proposals.related:
        article["related"] = [{"headline": h, "evidence": writer.evidence(s)} for h, s in proposals.related]
    entities = [writer.entity(item) for item in sorted(proposals.items.values(), key=lambda i: (i.span.start, i.ident))]
    document: dict[str, Any] = {"article": article, "entities": entities}
    return Draft(ident, document, text, warnings)


class _Writer:
    """Proposals -> YAML values: every evidence a verbatim quote (with its occurrence when the
    words recur), every proposed item with its rule and confidence."""

    def __init__(self, text: str, lowered: dict[str, float]) -> None:
        self.text = text
        self.lowered = lowered

    def evidence(self, span: Span) -> str | dict[str, Any]:
        quote = self.text[span.start:span.end]
        before, start = 0, self.text.find(quote)
        total = 0
        while start >= 0:
            total += 1
            before += start < span.start
            start = self.text.find(quote, start + 1)
        return quote if total == 1 else {"quote": quote, "occurrence": before + 1}

    def confidence(self, rule: str | None, value: float | None) -> float | None:
        if value is None:
            return None
        return round(min(value, self.lowered.get(rule or "", 1.0)), 2)

    def value(self, value: Value) -> Any:
        if value.span is None:
            return value.value
        out: dict[str, Any] = {"value": value.value, "evidence": self.evidence(value.span)}
        if value.rule:
            out["rule"] = value.rule
            out["confidence"] = self.confidence(value.rule, value.confidence)
        return out

    def entity(self, item: Item) -> dict[str, Any]:
        out: dict[str, Any] = {"id": item.ident, "type": item.type, "label": item.label, "rule": item.rule,
                               "confidence": self.confidence(item.rule, item.confidence)}
        if item.aliases:
            out["aliases"] = [{"value": n, "evidence": self.evidence(s)} for n, s in item.aliases.items()]
        for name, values in item.fields.items():
            rendered = [self.value(v) for v in values]
            out[name] = rendered if FIELDS[name].multi else rendered[0]
        if item.note:
            out["note"] = item.note
        out["evidence"] = self.evidence(item.span)
        return out


def checked(draft: Draft, project: Project, check: Check) -> Draft:
    """Let the build judge the draft in a scratch copy of the project; drop what it refuses."""
    with tempfile.TemporaryDirectory(prefix="kg-ingest-") as folder:
        root = Path(folder)
        (root / "data" / "articles").mkdir(parents=True)
        (root / "ontology").symlink_to(project.root / "ontology", target_is_directory=True)
        for name in ("dataset.yaml", "places.yaml"):
            if (project.root / "data" / name).is_file():
                shutil.copyfile(project.root / "data" / name, root / "data" / name)
        (root / "data" / "articles" / f"{draft.ident}.txt").write_text(draft.text, encoding="utf-8")
        target = root / "data" / "articles" / f"{draft.ident}.yaml"
        for _ in range(MAX_DROPS):
            target.write_text(draft.yaml_text("check"), encoding="utf-8")
            try:
                warnings = check(root)
            except KgError as exc:
                where = _blamed(exc, target.name)
                if where is None or not _drop(draft.document, where):
                    raise
                draft.warnings.append(f"dropped {where}: {exc.message.rsplit(': ', 1)[-1]}")
                continue
            draft.warnings += [w.split(f"{target.name}:", 1)[-1].strip() for w in warnings]
            return draft
    raise KgError(f"{draft.ident}: the build still refuses the draft after {MAX_DROPS} corrections")


def _blamed(exc: KgError, name: str) -> str | None:
    """The draft field a build error points at (a compiled-in-a-worker error keeps it in its text)."""
    if isinstance(exc, SourceError):
        return exc.location.field if exc.location.file.name == name else None
    match = re.search(rf"{re.escape(name)}(?::\d+)?: (?P<field>(?:article|entities)[\w.\[\]]*): ", exc.message)
    return match["field"] if match else None


_PATH = re.compile(r"(?P<key>[a-z_]+)(?:\[(?P<index>\d+)\])?")


def _drop(document: dict[str, Any], where: str | None) -> bool:
    """Remove the item a build error points at: a field value, a field, or a whole entity."""
    if not where:
        return False
    steps = [(m["key"], int(m["index"]) if m["index"] else None) for m in _PATH.finditer(where)]
    if steps[0][0] == "article":
        if len(steps) < 2 or steps[1][0] in ("id", "text", "published", "language"):
            return False
        document["article"].pop(steps[1][0], None)
        return True
    if steps[0][0] != "entities" or steps[0][1] is None or steps[0][1] >= len(document["entities"]):
        return False
    entity = document["entities"][steps[0][1]]
    if len(steps) < 2 or steps[1][0] in ("id", "type", "label", "evidence", "rule", "confidence"):
        del document["entities"][steps[0][1]]
        return True
    key, index = steps[1]
    values = entity.get(key)
    if isinstance(values, list) and index is not None and index < len(values) and len(values) > 1:
        del values[index]
    else:
        entity.pop(key, None)
    return True


def draft_id(path: Path, given: str | None) -> str:
    """The draft's id: as given, or from the file name."""
    ident = given or slug(path.stem)
    if not ID_PATTERN.fullmatch(ident):
        raise KgError(f"{ident!r} is not a valid article id", "use lower-case letters, digits and hyphens")
    return ident


def lowered_confidence(project: Project) -> dict[str, float]:
    """Rules whose reviewed precision is below their confidence: the precision caps it."""
    found = {}
    for rule, counts in rule_precision(project.root / DECISIONS).items():
        value = precision(counts)
        if value is not None:
            found[rule] = value
    return found


def ingest_file(path: Path, project: Project, check: Check, known: dict[str, tuple[str, str]],
                cues: dict[str, list[str]], ident: str | None = None, published: dt.date | None = None,
                source: str | None = None, force: bool = False) -> tuple[Path, Draft]:
    """`kg ingest FILE`: read, propose, check and write data/drafts/<id>.yaml and .txt."""
    ident = draft_id(path, ident)
    drafts = project.root / "data" / "drafts"
    target = drafts / f"{ident}.yaml"
    if (project.root / "data" / "articles" / f"{ident}.yaml").exists():
        raise KgError(f"{ident}: an article with this id is already in data/articles/",
                      "a reviewed article is never overwritten; give another --id")
    if target.exists() and not force:
        raise KgError(f"{target}: the draft already exists", "give --force to replace it, or another --id")
    warnings: list[str] = []
    text = read_raw(path, warnings)
    proposals = propose(text, known, cues, published)
    draft = make_draft(ident, text, proposals, published, source, lowered_confidence(project))
    draft.warnings[:0] = warnings
    draft = checked(draft, project, check)
    write_atomic(drafts / f"{ident}.txt", text.encode("utf-8"))
    write_atomic(target, draft.yaml_text(path.name).encode("utf-8"))
    return target, draft


def read_cues(ontology: Path) -> dict[str, list[str]]:
    """Each collaboration status's cue words, from the ontology (kg:cue), longest first."""
    from rdflib import Graph

    from kg.namespaces import KG

    graph = Graph().parse(ontology, format="turtle")
    cues: dict[str, list[str]] = {}
    for status, cue in graph.subject_objects(KG.cue):
        cues.setdefault(str(status).rsplit("#", 1)[-1].rsplit("/", 1)[-1], []).append(str(cue).lower())
    return {k: sorted(v, key=lambda c: (-len(c), c)) for k, v in sorted(cues.items())}


