"""News paragraphs written for these tests (invented trainings, real regions of Sulawesi Tenggara): an event
with an English name and an acronym inside it ("Training of Trainers (ToT) Pendamping Digital 2026"), never a
program; a training centre as its venue ("di Balai Latihan Kerja Kota Kendari"); those who came counted in
words ("Enam puluh", "Seratus dua puluh"), a group with no size (the build reads a size only from digits)."""

from __future__ import annotations

import datetime as dt

from kg.ingest.draft import propose
from tests.ingest.test_rules import CUES, HEADER, by_type, values_of

KENDARI = (
    "KENDARI, SULTRAKINI.COM - Enam puluh pendamping UMKM mengikuti Training of Trainers (ToT) Pendamping "
    "Digital 2026 di Balai Latihan Kerja Kota Kendari, Senin (30/11).\n"
    "Seratus dua puluh petani rumput laut mengikuti Pelatihan Rumput Laut Digital di Aula Dinas Perikanan "
    "Kabupaten Wakatobi.\n"
    "Kepala Balai Latihan Kerja Kota Baubau, Laode Hamid, membuka kelas itu.\n")


def test_an_english_named_training_its_acronym_venue_date_and_the_group_counted_in_words() -> None:
    found = propose(HEADER + KENDARI, {}, CUES, dt.date(2026, 12, 2))
    tot = found.items["training-of-trainers-tot-pendamping-digital-2026"]
    assert tot.type == "TrainingEvent" and list(tot.aliases) == ["ToT"]
    assert values_of(tot) == {"venue": ["balai-latihan-kerja-kota-kendari"], "date": [dt.date(2026, 11, 30)]}
    assert found.items["balai-latihan-kerja-kota-kendari"].type == "Facility"
    assert not by_type(found, "Program")  # "Training of Trainers (ToT)" is no program
    companions = values_of(found.items["pendamping-umkm"])
    assert companions == {"takes_part_in": [tot.ident]}  # no size: "Enam puluh" is no digit
    assert values_of(found.items["petani-rumput-laut"]) == {"takes_part_in": ["pelatihan-rumput-laut-digital"]}
    # a post in a training centre keeps it an office
    assert found.items["balai-latihan-kerja-kota-baubau"].type == "GovernmentOffice"
