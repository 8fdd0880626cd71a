"""Span invariants of kg ingest (Hypothesis): every proposed span is the text at its offsets,
every evidence of a draft is verbatim, arbitrary text never crashes, and the same text gives
the same draft byte for byte."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest.draft import make_draft, propose
from kg.ingest.model import Proposals
from kg.source.text import ArticleText
from tests.ingest.test_rules import CUES, HEADER

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "data" / "articles" / "tribunjatim-2022-08-09-jatim-lazada.txt").read_text(encoding="utf-8")
WORDS = ["Mama", "Pak", "H.", "Pemkot", "Pemkab", "Jayapura", "Gorontalo", "Sentani", "Distrik", "Kampung", "Danau",
         "Fakultas", "Universitas", "Cenderawasih", "(FEB)", "(Uncen)", "Tim", "survei", "Regional", "Manager",
         "Bupati", "Komunitas", "Papua", "Muda", "Digital",
         "Pemprov", "Jatim", "Dinas", "Koperasi", "(UKM)", "dan", "akan", "berkolaborasi", "dengan", "Lazada",
         "tidak", "kata", "Andromeda", "mengatakan,", "di", "Hotel", "Malang", "Kepala", ",", ".", "\"", "“", "”",
         "Selasa", "(9/8/22)", "Baca", "juga:", "\n", "SURABAYA,", "TRIBUNJATIM.COM", "-", "start", "up", "Ozora",
         "pelatihan", "bagi", "pelaku", "UMKM", "para", "Sasaran", "mulai", "dari", "hingga", "diikuti", "oleh", "28",
         "Cakung,", "Jakarta Timur", "DTS", "2022", "Bakorwil", "perusahaan", "rintisan", "nota", "kesepahaman",
         "PT", "Telkom", "(Persero)", "Tbk", "Jawa Tengah", "anggota", "program", "yang", "berdomisili",
         "meresmikan", "membuka", "Pameran", "Menurutnya,", "menyinggung", "ketika", "mengulanginya", "dalam",
         "kuliah umum", "didampingi", "memimpin", "peresmian", "tersebut", "hadir,", "Pendirinya,", "(29)",
         "menunjukkan", "Berdasarkan", "persen", "menempati", "peringkat", "kedua", "Acara", "digelar", "pada",
         "meluncurkan", "Peluncuran", "peluncuran", "itu", "melalui", "lewat", "menyasar", "adalah", "survei",
         "bersama", "melahirkan", "Festival", "Kerja sama", "Pasar Oeba", "Kamis", "(6/3/2025)", "Hasil"]
texts = st.one_of(st.text(max_size=400),
                  st.lists(st.sampled_from(WORDS), max_size=120).map(" ".join),
                  st.integers(0, len(SEED)).map(lambda cut: SEED[:cut]))


def spans_of(found: Proposals) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for item in found.items.values():
        out.append((item.label if item.type in ("Person", "Hotel") else "", item.span))
        out += [(name, span) for name, span in item.aliases.items()]
        out += [("", v.span) for values in item.fields.values() for v in values if v.span is not None]
    return out


def evidence_quotes(node: Any) -> list[Any]:
    if isinstance(node, dict):
        found = [node["evidence"]] if "evidence" in node else []
        return found + [q for key, value in node.items() if key != "evidence" for q in evidence_quotes(value)]
    if isinstance(node, list):
        return [q for value in node for q in evidence_quotes(value)]
    return []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_every_span_is_the_text_at_its_offsets_and_every_evidence_is_verbatim(body: str) -> None:
    text = HEADER + body
    found = propose(text, {}, CUES)
    for name, span in spans_of(found):
        assert 0 <= span.start <= span.end <= len(text)
        if name:  # a label or alias is written inside its span, or made of its words ("Pemkot Makassar"
            written = text[span.start:span.end].lower()  # of "Pemerintah Kota (Pemkot) Makassar")
            assert name.lower() in written or all(word in written for word in name.lower().split())
    draft = make_draft("x", text, found, dt.date(2022, 8, 9), None, {})
    article = ArticleText(text)
    for evidence in evidence_quotes(draft.document):
        if isinstance(evidence, dict):
            article.find(evidence["quote"], evidence["occurrence"])
        else:
            article.find(evidence)  # unique when written without an occurrence


@settings(max_examples=40, deadline=None)
@given(texts)
def test_ingesting_twice_gives_identical_drafts(body: str) -> None:
    text = HEADER + body
    first = make_draft("x", text, propose(text, {}, CUES), dt.date(2022, 8, 9), None, {}).yaml_text("a.txt")
    again = make_draft("x", text, propose(text, {}, CUES), dt.date(2022, 8, 9), None, {}).yaml_text("a.txt")
    assert first == again
