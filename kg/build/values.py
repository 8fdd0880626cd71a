"""Field values to RDF terms: each raw YAML value becomes a reference, date, count, year, status
or text literal, checked against the words of its evidence (a name must be in it, a count
written in it, a date agree with the date it writes, a status carry its cue words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.build.statements import count
from kg.errors import Location, SourceError, suggest
from kg.namespaces import KG, WEB_ADDRESS, Iris
from kg.source.dates import DateError, PartialDate, find_date_mentions, find_news_date, parse_iso, parse_partial
from kg.source.files import Registry, check_draft_keys
from kg.source.limits import hidden_character, shown
from kg.source.schema import STATUSES, VALUE_KEYS, FieldSpec, Kind, TypeSpec
from kg.source.yamlsource import Mapping, line_of


@dataclass(frozen=True)
class BuildWarning:
    """Something suspicious that does not stop the build (a weekday that does not match)."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass(frozen=True)
class Value:
    """One value of a field, with the evidence and qualifiers written beside it."""

    raw: Any
    evidence: Any
    as_of: Any
    location: Location
    source_note: Any = None  # words of the folder's SOURCE.md, for what the text does not say


class Terms:
    """Turns one source file's field values into terms, adding warnings for doubtful ones."""

    def __init__(self, iris: Iris, registry: Registry, cues: dict[str, list[str]],
                 warnings: list[BuildWarning], curated: bool) -> None:
        self.iris = iris
        self.registry = registry
        self.cues = cues
        self.warnings = warnings
        self.curated = curated

    def values(self, raw: Any, spec: FieldSpec, where: Location) -> list[Value]:
        """A field's values: one, or a list where the field takes several; each maybe {value: …}."""
        if isinstance(raw, list) and not spec.multi:
            raise SourceError(where, f"{spec.name} takes one value, not a list", "keep one value")
        if not isinstance(raw, list):
            return [self._value(raw, spec, where)]
        return [self._value(item, spec, Location(where.file, line_of(raw, index, where.line), where.field))
                for index, item in enumerate(raw)]

    def _value(self, item: Any, spec: FieldSpec, where: Location) -> Value:
        if not isinstance(item, dict):
            return Value(item, None, None, where)
        unknown = set(item) - VALUE_KEYS
        if "value" not in item or unknown:
            raise SourceError(where, f"a value written as a mapping needs `value:` and may add "
                              f"evidence, as_of or source_note, not {sorted(unknown) or 'nothing'}",
                              "write {value: ..., evidence: \"...\"}")
        check_draft_keys(item, where)
        if (self.curated or spec.curated) and "evidence" in item:
            raise SourceError(where, f"{spec.name} is the editors' knowledge, with no article evidence",
                              "drop evidence here")
        if "evidence" in item and item["evidence"] is None:
            raise SourceError(where.at("evidence", line_of(item, "evidence")), "the evidence is empty",
                              "quote the words of the article that say it, or drop `evidence:`")
        if "source_note" in item and ("evidence" in item or item["source_note"] is None):
            raise SourceError(where.at("source_note", line_of(item, "source_note")),
                              "source_note needs the note's words, and is instead of evidence, not beside it",
                              "quote the article's text as evidence, or SOURCE.md as source_note")
        return Value(item["value"], item.get("evidence"), item.get("as_of"),
                     Location(where.file, getattr(item, "line", where.line), where.field), item.get("source_note"))

    def term(self, spec: FieldSpec, value: Value, quoted: list[str], owner: TypeSpec | None) -> URIRef | Literal:
        """The value as an RDF term, checked against `quoted` (the evidence's words; empty: unchecked)."""
        raw, where = value.raw, value.location
        if spec.kind is Kind.REF:
            return self.ref(raw, spec, where)
        if spec.kind is Kind.DATE:
            when = partial_date(raw, where)
            self._check_news_date(when, quoted, where)
            return Literal(when.isoformat(), datatype=_DATATYPES[when.precision])
        if spec.kind is Kind.COUNT:
            return _count_term(raw, quoted, where)
        if spec.kind is Kind.YEAR:
            if not re.fullmatch(r"\d{4}", str(raw)):
                raise SourceError(where, f"{shown(raw)} is not a year", "write four digits in quotes, e.g. \"2021\"")
            return Literal(str(raw), datatype=XSD.gYear)
        if not isinstance(raw, str) or not raw.strip():
            raise SourceError(where, f"expected text, got {shown(raw)}")
        if spec.kind is Kind.STATUS:
            return self._status(raw, quoted, where)
        if spec.kind is Kind.CODE:
            return language_tag(raw, where)
        if spec.kind is Kind.URL:
            return web_address(raw, where)
        _check_plain(spec, raw, quoted, where)
        _check_words(spec, raw, quoted, owner, where)
        return Literal(raw, lang=spec.lang)

    def ref(self, raw: Any, spec: FieldSpec, where: Location) -> URIRef:
        """The IRI of another entity, which must exist and be of a kind the field points to."""
        if not isinstance(raw, str) or raw not in self.registry:
            fitting = [ident for ident, spec_ in self.registry.items()
                       if not spec.targets or spec_.category in spec.targets]
            raise SourceError(where, f"unknown entity {shown(raw)}", suggest(str(raw), fitting, "ids that fit here"))
        target = self.registry[raw]
        if spec.targets and target.category not in spec.targets:
            raise SourceError(where, f"{spec.name} must point to a {' or '.join(sorted(spec.targets))}, "
                              f"but {shown(raw)} is a {target.name}", "point it at an entity of the right type")
        return self.iris.entity(raw)

    def date(self, raw: Any, where: Location) -> Literal:
        """A full day (`as_of`: a statement holds on a day)."""
        try:
            return Literal(parse_iso(str(raw)).isoformat(), datatype=XSD.date)
        except DateError as exc:
            raise SourceError(where, str(exc), "write the date as YYYY-MM-DD") from exc

    def _status(self, raw: str, quoted: list[str], where: Location) -> URIRef:
        if raw not in STATUSES:
            raise SourceError(where, f"unknown status {shown(raw)}", f"use one of {', '.join(STATUSES)}")
        cues = self.cues.get(raw, [])
        if quoted and not any(cue in q.lower() for q in quoted for cue in cues):
            self._warn(where, f"the evidence for status {shown(raw)} has none of its cue words ({', '.join(cues)})")
        return KG[raw]

    def _check_news_date(self, when: PartialDate, quoted: list[str], where: Location) -> None:
        """Evidence that writes dates must write this one, at least as precisely: a day of
        "22-23 September 2022", or "Oktober 2023" for 2023-10; never 2023-10-04 from "Oktober 2023"."""
        for text in quoted:
            try:
                mentions = find_date_mentions(text)
                found = find_news_date(text)
            except DateError as exc:
                raise SourceError(where, f"its evidence has an impossible date: {exc}") from exc
            if not mentions:
                continue
            precision = _PRECISION.index(when.precision)
            if not any(_PRECISION.index(m.date.precision) >= precision and m.date.truncated(when.precision) == when
                       for m in mentions):
                said = ", ".join(f"{m.text!r} ({m.date.isoformat()})" for m in mentions)
                raise SourceError(where, f"{when.isoformat()} differs from the evidence, which says {said}",
                                  "make the value match the article, no more precise than it is")
            if found is not None and not found.weekday_matches:
                self._warn(where, f"{found.text!r}: {found.day_name} does not fall on {found.date.isoformat()}")

    def _warn(self, where: Location, message: str) -> None:
        self.warnings.append(BuildWarning(where, message))


_PRECISION = ("year", "month", "day")
_DATATYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def partial_date(raw: Any, where: Location) -> PartialDate:
    """A date field's value: a day, or a month or a year when the text gives no more."""
    try:
        return parse_partial(str(raw))
    except DateError as exc:
        raise SourceError(where, str(exc), "write YYYY-MM-DD, or YYYY-MM or YYYY when the article "
                          "gives only a month or a year") from exc


def check_interval(item: Mapping, where: Location) -> None:
    """An entity's end date is not before its start date (both already checked one by one)."""
    if "date" not in item or "end_date" not in item:
        return
    start, end = (partial_date(_raw(item[key]), where.at(key, line_of(item, key))) for key in ("date", "end_date"))
    if end.last_day() < start.first_day():
        raise SourceError(where.at("end_date", line_of(item, "end_date")),
                          f"the end date {end.isoformat()} is before the start date {start.isoformat()}",
                          "check which is the start and which the end")


def _raw(value: Any) -> Any:
    return value.get("value") if isinstance(value, dict) else value


def _count_term(raw: Any, quoted: list[str], where: Location) -> Literal:
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        raise SourceError(where, f"{shown(raw)} is not a whole number of zero or more")
    # News groups thousands with dots: 8637 is written "8.637", 200000 "200.000".
    written = "|".join(re.escape(form) for form in {str(raw), f"{raw:,}".replace(",", ".")})
    if quoted and not any(re.search(rf"(?<![\d.])(?:{written})(?![\d]|\.\d)", q) for q in quoted):
        raise SourceError(where, f"the number {raw} is not in its evidence", "quote the words that give the number")
    return count(raw)


# A well-formed language tag (BCP 47, RFC 5646 section 2.1): language with extended subtags,
# script, region, variants, extensions and private use; or private use alone; or one of the
# irregular grandfathered tags.
_LANGUAGE_TAG = re.compile(r"""
    (?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})
    (?:-[a-z]{4})?
    (?:-(?:[a-z]{2}|[0-9]{3}))?
    (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*
    (?:-[a-wyz0-9](?:-[a-z0-9]{2,8})+)*
    (?:-x(?:-[a-z0-9]{1,8})+)?
  | x(?:-[a-z0-9]{1,8})+
  | en-gb-oed | i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)
  | sgn-(?:be-fr|be-nl|ch-de)""", re.ASCII | re.IGNORECASE | re.VERBOSE)


def web_address(raw: str, where: Location) -> URIRef:
    """The `url` of an article: an absolute http(s) address, as an IRI."""
    if not WEB_ADDRESS.fullmatch(raw):
        raise SourceError(where, f"{shown(raw)} is not an http(s) address",
                          "write the address as the browser shows it, starting with https://")
    return URIRef(raw)



def language_tag(raw: str, where: Location) -> Literal:
    """The `language` of an article: a well-formed BCP 47 tag, as a plain literal."""
    if not _LANGUAGE_TAG.fullmatch(raw):
        raise SourceError(where, f"{shown(raw)} is not a language tag (BCP 47)", "write e.g. id, en or jv-Latn")
    return Literal(raw)


def _check_plain(spec: FieldSpec, raw: str, quoted: list[str], where: Location) -> None:
    """A name has a word, and names and the editors' own text hide no control or bidi characters
    (text checked against its evidence has the article's characters, whatever they are)."""
    if spec.kind in (Kind.NAME, Kind.ENGLISH) and not re.search(r"[^\W_]", raw):
        raise SourceError(where, f"{shown(raw)} has no word in it", "write the name in letters or digits")
    hidden = hidden_character(raw) if spec.kind is not Kind.TEXT or not quoted else None
    if hidden is not None:
        raise SourceError(where, f"{shown(raw)} contains {hidden}, an invisible or control character",
                          "type the text plainly, without direction marks or control characters")


def _check_words(spec: FieldSpec, raw: str, quoted: list[str], owner: TypeSpec | None, where: Location) -> None:
    """A name must be in its evidence word by word; a text field must be its evidence's own words."""
    named = owner is not None and owner.named
    if spec.kind is Kind.NAME and quoted and named and not any(_words_in_order(raw, q) for q in quoted):
        raise SourceError(where, f"the name {shown(raw)} is not in its evidence",
                          "keep the article's spelling, quote where it says it, or use known_as")
    if spec.kind is Kind.TEXT and quoted and not any(raw in q for q in quoted):
        raise SourceError(where, f"{shown(raw)} is not, word for word, in its evidence",
                          "copy the article's words exactly, or quote the evidence that holds them")


def _words_in_order(name: str, text: str) -> bool:
    """True when the name's words appear in the text in the same order (case ignored)."""
    words = iter(re.findall(r"\w+", text.lower()))
    return all(word in words for word in re.findall(r"\w+", name.lower()))
