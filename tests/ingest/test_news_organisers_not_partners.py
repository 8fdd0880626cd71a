"""News paragraphs written for these tests (invented companies and startups, real regions of Kalimantan
Tengah): who organised an event ("Pelatihan itu digelar Dinas X dengan menggandeng PT Y", "Penyelenggara
kegiatan ini ialah A bersama B") are its organisers, not the parties of a collaboration; nor is a headline
"A Gandeng B Latih …" over such an event. Each test says what must and must not be proposed."""

from __future__ import annotations

from tests.ingest.test_rules import HEADER, collaborations, run, values_of

HEADLINE = ("Tekno\nPemkab Kapuas Gandeng PT Rotan Digital Nusantara Latih Perajin\n"
            "Penulis: Budi Santoso | Editor: Sari Dewi\nLaporan Wartawan KapuasKini.com, Budi Santoso\n")
KAPUAS = (
    "KUALA KAPUAS, KAPUASKINI.COM - Pemkab Kapuas menggelar Pelatihan Rotan Digital 2026 di Aula Dinas Koperasi "
    "Kabupaten Kapuas, Senin (30/11/2026).\n"
    "Pelatihan itu digelar Pemkab Kapuas dengan menggandeng PT Rotan Digital Nusantara.\n"
    "Dinas Perdagangan Kabupaten Katingan menggelar Bazar Purun Katingan di Alun-alun Kasongan.\n"
    "Penyelenggara kegiatan ini ialah Dinas Perdagangan Kabupaten Katingan bersama startup Purun Niaga.\n")


def test_an_events_organisers_told_with_menggandeng_or_as_its_penyelenggara_collaborate_in_nothing() -> None:
    found = run(KAPUAS, HEADLINE)
    assert values_of(found.items["pelatihan-rotan-digital-2026"])["organizer"] == [
        "pemkab-kapuas", "pt-rotan-digital-nusantara"]
    assert values_of(found.items["bazar-purun-katingan"])["organizer"] == [
        "dinas-perdagangan-kabupaten-katingan", "purun-niaga"]
    assert collaborations(found) == []  # neither the body's "menggandeng" nor the headline's "Gandeng"


def test_a_collaboration_beside_an_event_is_still_told() -> None:
    found = run("KUALA KAPUAS, KAPUASKINI.COM - Pemkab Kapuas menggelar Pelatihan Rotan Digital 2026 di Aula "
                "Dinas Koperasi Kabupaten Kapuas.\nPemkab Kapuas juga telah menggandeng PT Rotan Digital "
                "Nusantara untuk membuka toko daring perajin.\n", HEADER)
    assert collaborations(found) == [(["pemkab-kapuas", "pt-rotan-digital-nusantara"], "completed")]
