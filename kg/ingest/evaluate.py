"""`kg eval`: a draft measured against a hand-annotated gold article. Entities are aligned by
category and by a shared label or alias (named types) or by overlapping evidence (quotes,
collaborations, findings); relations are (subject, field, object) after the alignment."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kg.errors import KgError, Location, SourceError
from kg.ingest.reading import normalise
from kg.ingest.relations import NEGATION
from kg.source.limits import read_bounded
from kg.source.schema import FIELDS, STATUSES, TYPES, Kind
from kg.source.text import ArticleText, QuoteNotFound, Span

_REFS = tuple(name for name, spec in FIELDS.items() if spec.kind is Kind.REF)


@dataclass
class _Entity:
    ident: str
    category: str
    names: set[str]
    spans: list[Span]
    rule: str | None
    status: str | None
    refs: list[tuple[str, str]]
    shown: str


@dataclass
class Score:
    """Precision, recall and F1 of one kind of thing, with what was missed and what was invented."""

    proposed: int = 0
    gold: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.proposed if self.proposed else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def figures(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "proposed": self.proposed, "gold": self.gold, "matched": self.matched,
                "misses": self.misses, "false": self.false}


@dataclass
class Evaluation:
    """One draft against its gold."""

    article: str
    entities: Score
    relations: Score
    status_right: int
    status_total: int
    negated: list[str]
    verbatim: int
    evidence: int
    rules: dict[str, list[int]]  # rule -> [right, proposed]

    @property
    def status_accuracy(self) -> float | None:
        """None when no collaboration was matched: nothing measured, not a perfect score."""
        return self.status_right / self.status_total if self.status_total else None

    def to_dict(self) -> dict[str, Any]:
        accuracy = self.status_accuracy
        return {"article": self.article, "entities": self.entities.figures(), "relations": self.relations.figures(),
                "status_accuracy": None if accuracy is None else round(accuracy, 3),
                "status_matched": self.status_total,
                "negated_relations": self.negated, "evidence_verbatim": f"{self.verbatim}/{self.evidence}",
                "rules": self.rules}


def _load(path: Path) -> tuple[dict[str, Any], ArticleText]:
    where = Location(path)
    try:
        data = yaml.safe_load(read_bounded(path, where, "the article"))
    except yaml.YAMLError as exc:
        raise SourceError(where, f"not YAML: {str(exc).splitlines()[0]}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("article"), dict):
        raise SourceError(where, "not an article (no `article:` block)", "give a draft or an article YAML")
    text = read_bounded(path.parent / str(data["article"].get("text")), where.at("article.text"), "the article text")
    return data, ArticleText(text)


def _value(raw: Any) -> Any:
    return raw.get("value") if isinstance(raw, dict) else raw


def _quotes(raw: Any) -> list[tuple[str, int | None]]:
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for item in items:
        if isinstance(item, dict) and "quote" in item:
            out.append((str(item["quote"]), item.get("occurrence")))
        elif isinstance(item, str):
            out.append((item, None))
    return out


def _spans(text: ArticleText, raw: Any) -> tuple[list[Span], int, int]:
    """The evidence's spans, and how many quotes were given and found verbatim."""
    spans, total = [], 0
    for quote, occurrence in _quotes(raw):
        total += 1
        try:
            spans.append(text.find(quote, occurrence if occurrence else (1 if quote in text.text else None)))
        except QuoteNotFound:
            continue
    return spans, total, len(spans)


def _norm(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.casefold()))


def _entities(data: dict[str, Any], text: ArticleText) -> tuple[list[_Entity], int, int]:
    found, total, verbatim = [], 0, 0
    for item in data.get("entities") or []:
        spec = TYPES.get(str(item.get("type")))
        if spec is None:
            continue
        names = {_norm(str(item.get("label", "")))} if spec.named else set()
        for alias in [*(item.get("aliases") or []), *(item.get("known_as") or [])]:
            names.add(_norm(str(_value(alias))))
        spans, given, ok = _spans(text, item.get("evidence"))
        total, verbatim = total + given, verbatim + ok
        if spec.category == "utterance" and isinstance(item.get("text"), str):
            spans = [Span(s, s + len(item["text"])) for s in [text.text.find(item["text"])] if s >= 0] or spans
        refs = []
        for name in _REFS:
            values = item.get(name)
            for value in values if isinstance(values, list) else [values] if values is not None else []:
                refs.append((name, str(_value(value))))
        status = _value(item.get("status"))
        first = spans[0] if spans else None
        where = f" @{first.start}-{first.end} {_clip(text.text[first.start:first.end], 50)!r}" if first else ""
        found.append(_Entity(str(item["id"]), spec.category, names - {""}, spans, item.get("rule"),
                             str(status) if status in STATUSES else None, refs,
                             f"{item['id']} ({item.get('type')}) {_clip(item.get('label'))}{where}"))
    return found, total, verbatim


def _clip(value: Any, limit: int = 70) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _overlap(a: list[Span], b: list[Span]) -> bool:
    return any(x.start < y.end and y.start < x.end for x in a for y in b)


def _align(draft: list[_Entity], gold: list[_Entity]) -> dict[str, str]:
    """Draft id -> gold id: same category, and a shared name (named) or overlapping evidence."""
    pairs: dict[str, str] = {}
    taken: set[str] = set()
    for entity in draft:
        for candidate in gold:
            if candidate.ident in taken or candidate.category != entity.category:
                continue
            if (entity.names & candidate.names) if candidate.names else _overlap(entity.spans, candidate.spans):
                pairs[entity.ident] = candidate.ident
                taken.add(candidate.ident)
                break
    return pairs


def evaluate(draft_path: Path, gold_path: Path) -> Evaluation:
    """Score one draft against its gold article."""
    draft_data, draft_text = _load(draft_path)
    gold_data, gold_text = _load(gold_path)
    # both as `kg ingest` stores a text: a gold written with blank lines between paragraphs is the same article
    draft_text, gold_text = ArticleText(normalise(draft_text.text)), ArticleText(normalise(gold_text.text))
    if draft_text.text != gold_text.text:
        raise KgError(f"{draft_path.name} and {gold_path.name} are drafts of different texts",
                      "compare a draft with the gold of the same article")
    draft, total, verbatim = _entities(draft_data, draft_text)
    gold, _, _ = _entities(gold_data, gold_text)
    pairs = _align(draft, gold)
    entities = Score(len(draft), len(gold), len(pairs))
    aligned = set(pairs.values())
    entities.misses = [g.shown for g in gold if g.ident not in aligned]
    entities.false = [d.shown for d in draft if d.ident not in pairs]
    relations = _relations(draft, gold, pairs)
    by_gold = {g.ident: g for g in gold}
    matched = [(d, by_gold[pairs[d.ident]]) for d in draft if d.ident in pairs and d.category == "collaboration"]
    status_right = sum(d.status == g.status for d, g in matched)
    negated = [d.shown for d in draft if d.category == "collaboration" and d.status != "cancelled"
               and any(NEGATION.search(draft_text.text[s.start:s.end]) for s in d.spans)]
    rules: dict[str, list[int]] = {}
    for entity in draft:
        counts = rules.setdefault(entity.rule or "(none)", [0, 0])
        counts[0] += entity.ident in pairs
        counts[1] += 1
    return Evaluation(str(draft_data["article"].get("id")), entities, relations, status_right, len(matched),
                      negated, verbatim, total, dict(sorted(rules.items())))


def _relations(draft: list[_Entity], gold: list[_Entity], pairs: dict[str, str]) -> Score:
    mapped = {(pairs.get(d.ident, "?" + d.ident), name, pairs.get(obj, "?" + obj))
              for d in draft for name, obj in d.refs}
    wanted = {(g.ident, name, obj) for g in gold for name, obj in g.refs}
    score = Score(len(mapped), len(wanted), len(mapped & wanted))
    score.misses = [" ".join(r) for r in sorted(wanted - mapped)]
    score.false = [" ".join(r) for r in sorted(mapped - wanted)]
    return score


def evaluate_paths(draft: Path, gold: Path) -> list[Evaluation]:
    """One pair of files, or two folders paired by file name."""
    if draft.is_dir() != gold.is_dir():
        raise KgError("give two files or two folders", "kg eval DRAFT.yaml GOLD.yaml, or kg eval DRAFTS/ GOLD/")
    if not draft.is_dir():
        return [evaluate(draft, gold)]
    pairs = [(p, gold / p.name) for p in sorted(draft.glob("*.yaml")) if (gold / p.name).is_file()]
    if not pairs:
        raise KgError(f"no draft in {draft} has a gold article of the same name in {gold}")
    return [evaluate(d, g) for d, g in pairs]


def macro(results: list[Evaluation]) -> dict[str, float | None]:
    """The mean of each article's figures (status accuracy over the articles where some
    collaboration was matched; None when none was)."""
    n = len(results)
    statuses = [a for r in results if (a := r.status_accuracy) is not None]
    return {"entity_f1": round(sum(r.entities.f1 for r in results) / n, 3),
            "entity_precision": round(sum(r.entities.precision for r in results) / n, 3),
            "entity_recall": round(sum(r.entities.recall for r in results) / n, 3),
            "relation_f1": round(sum(r.relations.f1 for r in results) / n, 3),
            "status_accuracy": round(sum(statuses) / len(statuses), 3) if statuses else None,
            "negated_relations": sum(len(r.negated) for r in results),
            "evidence_verbatim": round(sum(r.verbatim for r in results) / max(1, sum(r.evidence for r in results)), 3)}


def render(results: list[Evaluation], fmt: str) -> str:
    """The figures as text (one block per article, then the macro average) or JSON."""
    if fmt == "json":
        return json.dumps({"articles": [r.to_dict() for r in results], "macro": macro(results)}, indent=2,
                          ensure_ascii=False)
    lines = []
    for r in results:
        e, rel = r.entities, r.relations
        lines.append(f"{r.article}: entities P {e.precision:.2f} R {e.recall:.2f} F1 {e.f1:.2f}"
                     f" | relations P {rel.precision:.2f} R {rel.recall:.2f} F1 {rel.f1:.2f}"
                     f" | status {r.status_right}/{r.status_total} | negated {len(r.negated)}"
                     f" | evidence verbatim {r.verbatim}/{r.evidence}")
        lines += [f"  missed entity: {m}" for m in e.misses] + [f"  false entity: {f}" for f in e.false]
        lines += [f"  missed relation: {m}" for m in rel.misses] + [f"  false relation: {f}" for f in rel.false]
        lines += [f"  negated relation: {n}" for n in r.negated]
    lines.append("macro: " + ", ".join(f"{k} {'n/a' if v is None else v}" for k, v in macro(results).items()))
    return "\n".join(lines) + "\n"


def rules_report(decisions: dict[str, dict[str, int]], results: list[Evaluation]) -> str:
    """Each rule's precision from review decisions and, when given, from eval against gold."""
    from_gold: dict[str, list[int]] = {}
    for r in results:
        for rule, (right, proposed) in r.rules.items():
            counts = from_gold.setdefault(rule, [0, 0])
            counts[0] += right
            counts[1] += proposed
    lines = []
    for rule in sorted(set(decisions) | set(from_gold)):
        parts = [rule]
        if rule in decisions:
            c = decisions[rule]
            total = sum(c.values())
            parts.append(f"review {c['accepted']}/{total} accepted, {c['edited']} edited, {c['rejected']} rejected")
        if rule in from_gold:
            right, proposed = from_gold[rule]
            parts.append(f"gold {right}/{proposed} right ({right / proposed:.2f})")
        lines.append(": ".join(parts[:2]) + ("; " + parts[2] if len(parts) > 2 else ""))
    return "\n".join(lines or ["no review decisions and no drafts to measure"]) + "\n"


__all__ = ["Evaluation", "Score", "evaluate", "evaluate_paths", "macro", "render", "rules_report"]
