"""News paragraphs written for these tests (invented programs, offices and people, real regions of
Sulawesi Tengah, Nusa Tenggara Barat and Kalimantan Timur): the cohorts and sessions of a named
program told as events of it, and the quotes said at an event and the people who took part in
it. Each test says what must and must not be proposed."""

from __future__ import annotations

from kg.ingest.model import Proposals
from tests.ingest.test_rules import run, values_of

PALU = (
    "PALU, SULTENGKINI.COM - Program Kriya Digital angkatan ketiga yang digelar Dinas Perindustrian dan Perdagangan "
    "Provinsi Sulawesi Tengah berlangsung di Hotel Palu Bay, Rabu (10/7/2024). Peserta berasal dari Donggala, Poso, "
    "dan Banggai.\n"
    "Kepala Dinas Perindustrian dan Perdagangan Provinsi Sulawesi Tengah, Rahmat Lasiki, membuka acara tersebut. "
    "\"Produk tenun Donggala makin diminati,\" katanya di sela membuka acara itu.\n"
    "Ketua Komunitas Kriya Poso, Dewi Tangkilisan, menjadi narasumber dalam acara tersebut. Ketua Koperasi Kayu "
    "Eboni, Jefri Lamato, tidak hadir dalam acara itu.\n"
    "Gelombang kedua Kriya Digital belum digelar. Kriya Digital batch 4 akan dibuka di Kota Palu pada Agustus.\n")

MATARAM = (
    "MATARAM, LOMBOKKINI.COM - Dinas Koperasi dan UKM Provinsi NTB (Diskop UKM NTB) menggelar Program Sakti Digital "
    "gelombang kedua di Hotel Lombok Raya, Senin (8/7/2024). Kegiatan itu diikuti pelaku UMKM dari Lombok Barat, "
    "Sumbawa, dan Bima.\n"
    "Sakti Digital sesi 2 juga dibuka di Sumbawa Besar.\n")

SAMARINDA = (
    "SAMARINDA, BORNEOKINI.COM - Dinas Pariwisata Kota Samarinda menggelar Festival Kopi Mahakam di Taman Samarendah, "
    "Sabtu (13/7/2024).\n"
    "Ketua Asosiasi Kopi Kaltim, Yusuf Ramadhan, mengatakan permintaan kopi naik saat menghadiri Festival Kopi "
    "Mahakam. \"Petani kita makin siap,\" ujar Yusuf.\n")


def events_of(found: Proposals) -> dict[str, dict[str, list[object]]]:
    return {i.ident: values_of(i)
            for i in found.items.values() if i.rule == "program-cohort"}


def test_a_cohort_of_a_program_is_its_event_with_venue_date_organiser_and_regions() -> None:
    found = run(PALU)
    assert events_of(found) == {"kriya-digital-angkatan-ketiga": {
        "part_of_program": ["kriya-digital"],
        "organizer": ["dinas-perindustrian-dan-perdagangan-provinsi-sulawesi-tengah"],
        "venue": ["hotel-palu-bay"], "date": [found.items["kriya-digital-angkatan-ketiga"].fields["date"][0].value],
        "participants_from": ["donggala", "poso", "banggai"]},
        "kriya-digital-batch-4": {"part_of_program": ["kriya-digital"], "status": ["planned"],
                                  "venue": ["palu"]}}  # the planned one only as planned; not the negated one
    event = found.items["kriya-digital-angkatan-ketiga"]
    assert str(event.fields["date"][0].value) == "2024-07-10"
    regions = event.fields["participants_from"][0].span
    assert found.span_text(regions) == "Peserta berasal dari Donggala, Poso, dan Banggai"
    assert found.span_text(event.fields["venue"][0].span).endswith("berlangsung di Hotel Palu Bay")


def test_sessions_named_before_or_after_the_program_and_never_at_the_dateline() -> None:
    found = run(MATARAM)
    cohorts = events_of(found)
    assert cohorts["sakti-digital-gelombang-kedua"] == {
        "part_of_program": ["sakti-digital"], "organizer": ["diskop-ukm-ntb"], "venue": ["hotel-lombok-raya"],
        "date": [cohorts["sakti-digital-gelombang-kedua"]["date"][0]],
        "participants_from": ["lombok-barat", "sumbawa", "bima"]}  # "Bima": as places resolve
    assert found.items["bima"].type == "AmbiguousPlace"  # Kabupaten or Kota Bima: it stays ambiguous
    assert cohorts["sakti-digital-sesi-2"] == {"part_of_program": ["sakti-digital"]}  # no venue: not the dateline
    assert not any(i.type == "Event" and i.label.startswith("Program ") for i in found.items.values())


def test_a_quote_said_at_the_event_and_who_took_part() -> None:
    found = run(PALU)
    (quote,) = [i for i in found.items.values() if i.type == "Quote"]
    assert [v.value for v in quote.fields["said_at"]] == ["kriya-digital-angkatan-ketiga"]
    assert found.span_text(quote.fields["said_at"][0].span).endswith("katanya di sela membuka acara itu")
    took_part = {i.ident for i in found.items.values() if i.type == "Person"
                 and "kriya-digital-angkatan-ketiga" in [v.value for v in i.fields.get("takes_part_in", [])]}
    assert took_part == {"rahmat-lasiki", "dewi-tangkilisan"}  # not the one who did not come


def test_an_indirect_quote_said_while_attending_a_named_event() -> None:
    found = run(SAMARINDA)
    said = {i.type: [v.value for v in i.fields.get("said_at", [])] for i in found.items.values()
            if i.type in ("Quote", "IndirectQuote")}
    assert said == {"IndirectQuote": ["festival-kopi-mahakam"], "Quote": []}  # the direct quote names no event
    assert "festival-kopi-mahakam" in [v.value for v in found.items["yusuf-ramadhan"].fields["takes_part_in"]]


JAMBI = (
    "JAMBI, JAMBIKINI.COM - Dinas Koperasi dan UKM Provinsi Jambi menggelar Bazar Batik Jambi di Taman Anggrek, "
    "Jumat (12/7/2024).\n"
    "Dalam acara tersebut, Ketua Asosiasi Batik Jambi, Lina Marlina, mengatakan penjualan batik naik tajam.\n"
    "Ketua Koperasi Pinang Muda, Rudi Hartono, mengatakan harga pinang turun sejak awal tahun.\n")


def test_an_indirect_quote_after_the_occasion_it_was_said_at() -> None:
    found = run(JAMBI)
    said = {i.fields["speaker"][0].value: [v.value for v in i.fields.get("said_at", [])]
            for i in found.items.values() if i.type == "IndirectQuote"}
    assert said == {"lina-marlina": ["bazar-batik-jambi"], "rudi-hartono": []}  # the next paragraph names none
    (quote,) = [i for i in found.items.values() if i.fields.get("said_at")]
    assert found.span_text(quote.fields["said_at"][0].span).startswith("Dalam acara tersebut, Ketua Asosiasi")


BENGKULU = (
    "BENGKULU, RAFFLESKINI.COM - Dinas Kominfo Provinsi Bengkulu menggelar Bootcamp Koding Rafflesia di Hotel "
    "Santika Bengkulu, Selasa (9/7/2024).\n"
    "Ketua Komunitas Kode Bengkulu, Rina Wati (27), mengikuti Bootcamp Koding Rafflesia. Ketua Koperasi Kopi "
    "Kepahiang, Dedi Saputra, tidak menghadiri Bootcamp Koding Rafflesia. Ketua Asosiasi Startup Bengkulu, "
    "Yoga Pratama, akan menghadiri Bootcamp Koding Rafflesia.\n")


def test_who_took_part_in_a_named_event() -> None:
    found = run(BENGKULU)
    took_part = {i.ident: [v.value for v in i.fields["takes_part_in"]] for i in found.items.values()
                 if i.fields.get("takes_part_in")}
    assert took_part == {"rina-wati": ["bootcamp-koding-rafflesia"]}  # not who did not, nor who will
