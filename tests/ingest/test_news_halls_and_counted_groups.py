"""Halls named after "di" with their city ("di Balai Serindit, Kota Jambi", "di Wantilan …"), whom a
program aims at after "program <government> untuk", target figures and counts of those served in a place."""

from __future__ import annotations

from kg.ingest.draft import propose
from tests.ingest.test_rules import CUES, HEADER, by_type, run, values_of

HALLS = (
    "JAMBI, JAMBIKINI.COM - Dinas Perdagangan Kota Jambi menggelar Pelatihan Kemasan Produk 2026 di Balai "
    "Serindit, Kota Jambi, Selasa (10/11/2026). Sebulan kemudian Festival Batik Jambi 2026 dibuka di Wantilan "
    "Tanjung Jabung, Kabupaten Muaro Jambi, Sabtu (12/12/2026). Balai Besar Pelatihan Pertanian Jambi ikut "
    "mendukung.\n"
)


def test_a_balai_after_di_with_its_city_is_a_hall_within_it_and_the_events_venue() -> None:
    found = run(HALLS)
    hall = found.items["balai-serindit"]
    assert hall.type == "Facility" and hall.label == "Balai Serindit"  # no office, ends before the comma
    assert values_of(hall)["within"] == ["kota-jambi"]
    training = by_type(found, "TrainingEvent")["Pelatihan Kemasan Produk 2026"]
    assert values_of(training)["venue"] == ["balai-serindit"]
    assert str(values_of(training)["date"][0]) == "2026-11-10"
    assert "pelatihan-kemasan-produk" not in found.items  # the year is a word of its name, one event
    wantilan = found.items["wantilan-tanjung-jabung"]
    assert wantilan.type == "Facility" and values_of(wantilan)["within"] == ["muaro-jambi"]
    assert values_of(by_type(found, "Event")["Festival Batik Jambi 2026"])["venue"] == ["wantilan-tanjung-jabung"]
    office = found.find_name("Balai Besar Pelatihan Pertanian Jambi")  # no "di", no city after it: an office
    assert office is not None and office.type == "GovernmentOffice"


AIMS = (
    "SAMARINDA, KALTIMKINI.COM - Pemerintah Kota (Pemkot) Samarinda meluncurkan Warung Mahakam Daring, program "
    "Pemerintah Kota (Pemkot) Samarinda untuk pelaku usaha mikro dan santri pondok yang ingin berjualan secara "
    "daring. Pemkot menargetkan 3.000 pelaku usaha bergabung hingga akhir 2026. Dinas Koperasi Kota Samarinda "
    "juga membuka kelas fotografi produk bagi 75 pedagang di Kota Bontang serta pendampingan bagi 25 perajin di "
    "Kecamatan Loa Janan. Dinas Pariwisata Kota Samarinda menggelar Pelatihan Foto Produk bagi 40 perajin di "
    "Kecamatan Sungai Kunjang.\n"
)


def test_whom_a_governments_program_aims_at_two_groups_without_the_relative_clause() -> None:
    found = run(AIMS)
    program = found.items["warung-mahakam-daring"]
    assert values_of(program)["operated_by"] == ["pemkot-samarinda"]
    assert sorted(values_of(program)["target_groups"]) == ["pelaku-usaha-mikro", "santri-pondok"]


def test_a_target_figure_and_counts_served_in_a_place_are_no_groups() -> None:
    found = run(AIMS)
    groups = {g.label for g in by_type(found, "TargetGroup").values()}
    assert groups == {"pelaku usaha mikro", "santri pondok"}  # not "pelaku usaha bergabung", "pedagang di …"
    assert found.find_name("Loa Janan") is not None  # the place is still named
    training = by_type(found, "TrainingEvent")["Pelatihan Foto Produk"]  # the place is where it runs
    assert values_of(training)["location"] == ["sungai-kunjang"]


def test_a_region_the_graph_knows_keeps_its_id_when_the_text_writes_its_kind() -> None:
    known = {"Kota Samarinda": ("kota-samarinda", "City"), "Samarinda": ("kota-samarinda", "City")}
    found = propose(HEADER + "SAMARINDA, KALTIMKINI.COM - Dinas Pariwisata menggelar Pelatihan Kopi 2026 di Balai "
                    "Pesut, Kota Samarinda, Selasa (10/11/2026). Pesertanya datang dari Samarinda.\n", known, CUES)
    assert [i.ident for i in found.items.values() if i.type == "City"] == ["kota-samarinda"]  # one city, not two
    assert values_of(found.items["balai-pesut"])["within"] == ["kota-samarinda"]


def test_a_hall_in_the_city_written_after_di_and_processors_are_a_group() -> None:
    found = run("KENDARI, SULTRAKINI.COM - Sekitar 150 nelayan dan pengolah ikan memadati Aula Bahteramas di Kota "
                "Baubau, Rabu (19/8/2026), dalam Festival Bahari Buton 2026.\n")
    assert values_of(found.items["aula-bahteramas"])["within"] == ["baubau"]  # "Aula X di Kota Y"
    group = next(g for g in by_type(found, "TargetGroup").values() if "takes_part_in" in g.fields)
    assert group.label == "nelayan dan pengolah ikan"  # the processors are people who came too


def test_a_district_written_with_its_regency_or_city_after_a_comma_lies_within_it() -> None:
    found = run("PALANGKA RAYA, KALTENGKINI.COM - Salah satu peserta, Sarintan (41), perajin rotan dari Desa Tumbang "
                "Manggu, Kecamatan Sanaman Mantikei, Kabupaten Katingan, kini berjualan daring. Peserta lain berasal "
                "dari Kecamatan Banjarmasin Utara, Banjarmasin.\n")
    assert values_of(found.items["tumbang-manggu"])["within"] == ["sanaman-mantikei"]
    assert values_of(found.items["sanaman-mantikei"])["within"] == ["katingan"]
    assert values_of(found.items["banjarmasin-utara"])["within"] == ["banjarmasin"]
