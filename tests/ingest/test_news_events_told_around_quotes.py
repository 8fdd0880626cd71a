"""Events named only in a quote's attribution, told again by back-reference (who held them, the program
they belong to), and those who came to them as one group however many kinds of people it lists."""

from __future__ import annotations

from tests.ingest.test_rules import by_type, run, values_of

BOOTCAMP = (
    "KUPANG, FLOBAMORAKINI.COM - \u201cKami ingin usaha kecil naik kelas,\u201d kata Ketua Panitia Yohanes Bria di "
    "hadapan peserta Bootcamp Niaga Flobamora 2026 di Gedung Sasando Raya, Kota Kupang, Rabu (11/11/2026).\n"
    "Bootcamp yang diikuti 180 pemilik warung kopi, perajin bordir, dan penjual kuliner khas dari Ende, Sikka, "
    "Flores Timur, dan Manggarai itu berlangsung sehari. Dinas Koperasi Kota Kupang menggelar bootcamp sehari itu "
    "bersama PT Lontar Digital Timur. Kegiatan itu bagian dari Flobamora Naik Kelas, program Pemerintah Provinsi "
    "(Pemprov) Nusa Tenggara Timur untuk pelaku usaha mikro.\n"
)


def test_an_event_named_in_a_quotes_attribution_with_its_venue_and_date() -> None:
    found = run(BOOTCAMP)
    bootcamp = by_type(found, "TrainingEvent")["Bootcamp Niaga Flobamora 2026"]
    assert values_of(bootcamp)["venue"] == ["gedung-sasando-raya"]
    assert values_of(found.items["gedung-sasando-raya"])["within"] == ["kota-kupang"]  # the Kota, as written
    assert str(values_of(bootcamp)["date"][0]) == "2026-11-11"


def test_an_event_told_back_gets_its_organisers_program_and_the_one_group_that_came() -> None:
    found = run(BOOTCAMP)
    bootcamp = by_type(found, "TrainingEvent")["Bootcamp Niaga Flobamora 2026"]
    fields = values_of(bootcamp)
    assert fields["organizer"] == ["dinas-koperasi-kota-kupang", "pt-lontar-digital-timur"]  # "menggelar … itu bersama"
    assert fields["part_of_program"] == ["flobamora-naik-kelas"]
    assert fields["participants_from"] == ["ende", "sikka", "flores-timur", "manggarai"]
    groups = [g for g in by_type(found, "TargetGroup").values() if "takes_part_in" in g.fields]
    assert [g.label for g in groups] == ["pemilik warung kopi, perajin bordir, dan penjual kuliner khas"]
    assert values_of(groups[0])["takes_part_in"] == [bootcamp.ident]
    assert not any(i.label.lower().startswith("bootcamp sehari") for i in found.items.values())  # no new event


CLASS = (
    "PEKALONGAN, PANTURAKINI.COM - Sebanyak 120 perajin perak, pematung kayu, dan penenun songket mengikuti Kelas "
    "Ekspor Batik 2026 di Hotel Nirwana Sari, Kota Pekalongan, Kamis (12/11/2026). Kelas dua hari itu "
    "diselenggarakan Dinas Perindustrian Kota Pekalongan bersama Koperasi Kriya Pesisir. Kegiatan ini merupakan "
    "bagian dari Batik Mendunia.\n"
    "Dinas Pariwisata Kota Pekalongan tidak menggelar pelatihan itu bersama PT Pesisir Niaga.\n"
)


def test_those_who_came_listed_by_kind_are_one_group_and_a_class_told_back_has_both_organisers() -> None:
    found = run(CLASS)
    event = by_type(found, "TrainingEvent")["Kelas Ekspor Batik 2026"]
    groups = [g for g in by_type(found, "TargetGroup").values() if "takes_part_in" in g.fields]
    assert [g.label for g in groups] == ["perajin perak, pematung kayu, dan penenun songket"]  # not "perajin perak"
    assert values_of(groups[0])["size"] == [120]
    assert values_of(event)["organizer"] == ["dinas-perindustrian-kota-pekalongan", "koperasi-kriya-pesisir"]
    assert "pt-pesisir-niaga" not in values_of(event)["organizer"]  # "tidak menggelar": nothing


def test_a_program_the_event_is_part_of_told_by_kegiatan_ini() -> None:
    found = run(CLASS.replace("Batik Mendunia", "Program Batik Mendunia (BM)"))
    assert values_of(by_type(found, "TrainingEvent")["Kelas Ekspor Batik 2026"])["part_of_program"] == [
        "batik-mendunia"]


def test_a_program_named_with_its_owner_after_it_ends_before_the_owner() -> None:
    found = run("PEKALONGAN, PANTURAKINI.COM - Sebanyak 90 pembatik mengikuti Kelas Warna Alam 2026 di Hotel Nirwana "
                "Sari, Kota Pekalongan, Kamis (12/11/2026). Kegiatan ini merupakan bagian dari program Batik "
                "Mendunia Pemprov Jawa Tengah.\n")
    assert by_type(found, "Program")["Batik Mendunia"].ident == "batik-mendunia"  # not "… Pemprov Jawa Tengah"
    event = by_type(found, "TrainingEvent")["Kelas Warna Alam 2026"]
    assert values_of(event)["part_of_program"] == ["batik-mendunia"]


OPENED = (
    "MAKASSAR, SULSELKINI.COM - Gelar Pasar Rakyat Digital yang diresmikan oleh Kepala Dinas Perdagangan Kota "
    "Palopo, Drs. H. Andi Baso Mappaseng, M.M., di Pasar Andi Tadda, Selasa (19/5/2026), diikuti sekitar 350 "
    "pedagang pasar tradisional dari Palopo, Luwu, dan Luwu Utara.\n"
    "Acara tersebut diselenggarakan oleh Dinas Perdagangan (Disdag) Kota Palopo bersama perusahaan teknologi "
    "finansial PT Kasir Niaga Celebes. Sebanyak 90 petani muda mengikuti Bootcamp Kakao Digital yang berlangsung "
    "di Gedung Mulo, Kota Palopo, Kamis (21/5/2026).\n"
)


def test_an_event_opened_by_a_titled_official_at_a_venue_and_those_who_came_from_where() -> None:
    found = run(OPENED)
    event = by_type(found, "Event")["Gelar Pasar Rakyat Digital"]
    fields = values_of(event)
    assert fields["venue"] == ["pasar-andi-tadda"]  # past the official's degrees ", M.M., di …"
    assert fields["participants_from"] == ["palopo", "luwu", "luwu-utara"]  # the event, not the market between
    group = next(g for g in by_type(found, "TargetGroup").values() if "takes_part_in" in g.fields)
    assert values_of(group)["takes_part_in"] == [event.ident]
    # the office named first inside the official's post, then with its short form: one office, both organisers
    offices = [i for i in found.items.values() if i.type == "Dinas"]
    assert [o.label for o in offices] == ["Dinas Perdagangan Kota Palopo"]
    assert "Disdag Kota Palopo" in offices[0].aliases
    assert fields["organizer"] == [offices[0].ident, "pt-kasir-niaga-celebes"]  # "bersama perusahaan … PT X"
    bootcamp = by_type(found, "TrainingEvent")["Bootcamp Kakao Digital"]
    assert values_of(bootcamp)["venue"] == ["gedung-mulo"]  # "yang berlangsung di Gedung Mulo"


def test_those_who_attended_a_launch_told_back_are_one_group_from_where_they_came() -> None:
    found = run("AMBON, MALUKUKINI.COM - Pemerintah Kota (Pemkot) Ambon meluncurkan program Pala Digital di Gedung "
                "Siwalima, Kota Ambon, Senin (18/5/2026). Peluncuran dihadiri sekitar 200 pedagang dari Ambon, "
                "Seram Bagian Barat, dan Maluku Tengah.\n")
    launch = next(i for i in found.items.values() if i.type == "Event")
    group = next(g for g in by_type(found, "TargetGroup").values() if "takes_part_in" in g.fields)
    assert values_of(group)["takes_part_in"] == [launch.ident]
    assert values_of(launch)["participants_from"] == ["ambon", "seram-bagian-barat", "maluku-tengah"]


def test_an_event_named_again_is_part_of_the_program_its_sentence_names() -> None:
    found = run("PALU, SULTENGKINI.COM - Sebanyak 80 nelayan mengikuti Festival Laut Donggala 2026 di Gedung Juang, "
                "Kota Palu, Sabtu (16/5/2026). Festival Laut Donggala 2026 merupakan bagian dari Donggala Maju, "
                "program Pemerintah Kabupaten (Pemkab) Donggala untuk nelayan kecil.\n")
    festival = by_type(found, "Event")["Festival Laut Donggala 2026"]
    assert values_of(festival)["part_of_program"] == ["donggala-maju"]


def test_an_event_pointed_back_to_mid_sentence_takes_those_who_came() -> None:
    found = run(BOOTCAMP.replace("Bootcamp yang diikuti", "Yohanes menyebut bootcamp yang diikuti"))
    bootcamp = by_type(found, "TrainingEvent")["Bootcamp Niaga Flobamora 2026"]
    assert values_of(bootcamp)["participants_from"] == ["ende", "sikka", "flores-timur", "manggarai"]


def test_a_governments_program_run_by_its_office_is_operated_by_both() -> None:
    found = run("PONTIANAK, KALBARKINI.COM - Sebanyak 60 penenun mengikuti Kelas Songket Digital 2026 di Hotel "
                "Kapuas Indah, Kota Pontianak, Senin (18/5/2026). Kegiatan itu merupakan bagian dari Tenun Naik Kelas, "
                "program Pemerintah Provinsi (Pemprov) Kalimantan Barat yang dijalankan Dinas Perindustrian "
                "Provinsi Kalimantan Barat bagi penenun muda.\n")
    program = by_type(found, "Program")["Tenun Naik Kelas"]
    assert values_of(program)["operated_by"] == ["pemprov-kalimantan-barat",
                                                 "dinas-perindustrian-provinsi-kalimantan-barat"]
