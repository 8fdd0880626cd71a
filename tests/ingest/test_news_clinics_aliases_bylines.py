"""Events named after "mengikuti" by a counted crowd ("Sebanyak 250 pelaku usaha kecil dari A, B, dan C
mengikuti Klinik X di Graha Y, Kota Z"), held ("dihelat") by those a later sentence names and part of a
program run by a government and its office; the name a company is better known by; a closing
bracketed byline; a "Baca Juga" headline and a company's name that give no market."""

from __future__ import annotations

import datetime as dt

from kg.ingest.draft import propose
from tests.ingest.test_rules import CUES, HEADER, by_type, collaborations, run, values_of

CLINIC = (
    "PALEMBANG, SUMSELKINI.COM - Sebanyak 250 pelaku usaha kecil dari Kota Lubuklinggau, Banyuasin, Lahat, dan "
    "Muara Enim mengikuti Klinik Niaga Daring Sumsel 2026 di Graha Sriwijaya, Kota Palembang, Selasa (1/12/2026).\n"
    "Kegiatan itu dihelat Dinas Perdagangan (Disdag) Sumatera Selatan bersama PT Pasar Kilat Nusantara, perusahaan "
    "rintisan asal Kota Palembang yang lebih dikenal dengan nama Pasarkilat.\n"
    "Klinik niaga tersebut menjadi bagian dari Sumsel Niaga Digital, program Pemerintah Provinsi (Pemprov) Sumatera "
    "Selatan yang dijalankan Disdag Sumatera Selatan bagi pelaku usaha kecil.\n"
    "Direktur Utama Pasarkilat, Rudi Hartawan, mengatakan pihaknya siap mendampingi peserta.\n"
)


def test_a_clinic_a_counted_crowd_follows_is_an_event_with_its_venue_date_and_regions() -> None:
    found = run(CLINIC)
    clinic = by_type(found, "Event")["Klinik Niaga Daring Sumsel 2026"]
    fields = values_of(clinic)
    assert fields["venue"] == ["graha-sriwijaya"]
    assert values_of(found.items["graha-sriwijaya"])["within"] == ["palembang"]
    assert str(fields["date"][0]) == "2026-12-01"
    assert fields["participants_from"] == ["lubuklinggau", "banyuasin", "lahat", "muara-enim"]
    came = [g for g in by_type(found, "TargetGroup").values() if "takes_part_in" in g.fields]
    assert len(came) == 1 and came[0].label.startswith("pelaku usaha kecil")  # one group, the places its own
    assert values_of(came[0])["takes_part_in"] == ["klinik-niaga-daring-sumsel-2026"]
    assert values_of(came[0])["size"] == [250]
    assert values_of(came[0])["location"] == ["lubuklinggau", "banyuasin", "lahat", "muara-enim"]


def test_a_clinic_held_is_an_event_but_a_clinic_opened_is_a_building() -> None:
    found = run("JAMBI, JAMBIKINI.COM - Dinas Koperasi Kota Jambi menggelar Klinik Ekspor Jambi 2026 di Graha "
                "Pinang, Kota Jambi. Sepekan kemudian Klinik Pratama Sehat Sentosa resmi dibuka di Kota Jambi.\n")
    assert "Klinik Ekspor Jambi 2026" in by_type(found, "Event")
    assert not any("Sentosa" in item.label for item in found.items.values() if item.type == "Event")


def test_a_date_without_its_year_takes_the_publications_and_its_weekday_is_checked() -> None:
    yearless = CLINIC.replace("Selasa (1/12/2026)", "Selasa (1/12)")
    found = propose(HEADER + yearless, {}, CUES, dt.date(2026, 12, 3))
    assert str(values_of(found.items["klinik-niaga-daring-sumsel-2026"])["date"][0]) == "2026-12-01"
    january = propose(HEADER + yearless.replace("Selasa (1/12)", "Senin (1/12)"), {}, CUES, dt.date(2026, 1, 5))
    assert str(values_of(january.items["klinik-niaga-daring-sumsel-2026"])["date"][0]) == "2025-12-01"
    wrong = propose(HEADER + yearless.replace("Selasa", "Rabu"), {}, CUES, dt.date(2026, 12, 3))
    assert "date" not in wrong.items["klinik-niaga-daring-sumsel-2026"].fields  # the weekday says otherwise
    assert "date" not in run(yearless).items["klinik-niaga-daring-sumsel-2026"].fields  # no year known


def test_an_event_dihelat_by_two_and_part_of_a_program_run_by_a_government_and_its_office() -> None:
    found = run(CLINIC)
    fields = values_of(by_type(found, "Event")["Klinik Niaga Daring Sumsel 2026"])
    assert fields["organizer"] == ["disdag-sumatera-selatan", "pt-pasar-kilat-nusantara"]
    assert fields["part_of_program"] == ["sumsel-niaga-digital"]
    program = by_type(found, "Program")["Sumsel Niaga Digital"]
    assert values_of(program)["operated_by"] == ["pemprov-sumatera-selatan", "disdag-sumatera-selatan"]


def test_the_name_a_company_is_better_known_by_is_its_alias_and_later_mentions_are_its() -> None:
    found = run(CLINIC + "Koperasi Tenun Songket Bersinar ingin bermitra dengan Pasarkilat.\n")
    company = found.items["pt-pasar-kilat-nusantara"]
    assert "Pasarkilat" in company.aliases
    assert found.find_name("Pasarkilat") is company
    assert values_of(found.items["direktur-utama-pasarkilat"])["post_in"] == ["pt-pasar-kilat-nusantara"]
    assert (["koperasi-tenun-songket-bersinar", "pt-pasar-kilat-nusantara"], "aspired") in collaborations(found)
    assert not any(i.type in ("Company", "Startup", "Place") and i.ident != "pt-pasar-kilat-nusantara"
                   and "Pasar" in i.label for i in found.items.values())  # no market inside the PT's name


def test_atau_lebih_dikenal_sebagai_and_alias_name_a_bank_and_a_cooperative_again() -> None:
    found = run("JAMBI, JAMBIKINI.COM - Bank Batanghari Raya, atau lebih dikenal sebagai BBR, membuka kelas. "
                "Koperasi Pinang Sebatang alias Kopsebatang juga hadir.\n")
    assert "BBR" in found.items["bank-batanghari-raya"].aliases
    assert found.find_name("Kopsebatang") is found.find_name("Koperasi Pinang Sebatang")


def test_a_person_known_by_another_name_gives_no_organisation_an_alias() -> None:
    found = run("JAMBI, JAMBIKINI.COM - PT Pinang Data Sejahtera mengundang Ahmad Fauzi, yang lebih dikenal "
                "dengan nama Bang Uzi.\n")
    assert all("Bang Uzi" not in item.aliases for item in found.items.values() if item.type != "Person")


BYLINED = (
    "Ekonomi\nHarga Pinang Naik di Pasar Jambi\n"
    "JAMBI, JAMBIKINI.COM - Dinas Perdagangan Kota Jambi menggelar pelatihan bagi pedagang.\n"
    "Baca Juga: Harga Cabai di Pasar Angso Duo Turun Jelang Akhir Tahun\n"
    "Pelatihan itu diikuti 40 pedagang.\n"
    "(Yudi Permana/nrs)\n"
)


def test_a_closing_bracketed_byline_is_the_author_and_the_initials_no_person() -> None:
    found = run(BYLINED, header="")
    assert found.article["author"].value == "yudi-permana"
    assert [i.label for i in found.items.values() if i.type == "Person"] == ["Yudi Permana"]
    mid = run(BYLINED.replace("(Yudi Permana/nrs)\n", "(Yudi Permana/nrs)\nPedagang menyambut baik.\n"), header="")
    assert "author" not in mid.article  # only the last line


def test_a_baca_juga_headline_gives_no_market() -> None:
    found = run(BYLINED, header="")
    assert not any("Angso" in item.label for item in found.items.values())


SURVEY = (
    "MAKASSAR, SULSELKINI.COM - Ketua Koperasi Penenun Sutra Mandiri, Wajo, Andi Baso Mappaseling, menyebut "
    "anggotanya butuh pasar baru.\n"
    "Survei yang dipimpin Prof. Dr. Nurul Hidayah, S.E., M.M., guru besar Fakultas Ekonomi dan Bisnis (FEB) "
    "Universitas Hasanuddin, terhadap 600 pelaku UMKM di Sulawesi Selatan pada Oktober 2026 menemukan hanya 31 "
    "persen yang sudah berjualan daring.\n"
    "Nurul menilai, pendampingan harus berlanjut setelah pelatihan usai.\n"
    "“Tanpa pendampingan, pelaku usaha kembali ke cara lama,” ucapnya.\n"
)


def test_a_survey_led_by_a_titled_professor_is_hers_with_her_post_in_the_faculty() -> None:
    found = run(SURVEY)
    person = by_type(found, "Person")["Nurul Hidayah"]  # "Prof. Dr." and the degrees are no part of the name
    study = by_type(found, "Study")["Survei terhadap pelaku UMKM"]
    assert values_of(study)["author"] == ["nurul-hidayah"]
    assert values_of(study)["period"] == ["2026"]
    assert values_of(study)["findings"]
    post = found.items[values_of(person)["holds"][0]]
    assert post.label == "Guru besar Fakultas Ekonomi dan Bisnis Universitas Hasanuddin"
    faculty = by_type(found, "Organization")["Fakultas Ekonomi dan Bisnis Universitas Hasanuddin"]
    assert "FEB" in faculty.aliases
    assert values_of(post)["post_in"] == [faculty.ident]
    assert values_of(faculty)["part_of"] == ["universitas-hasanuddin"]


def test_the_professors_indirect_then_direct_quote_are_hers_not_the_speaker_before() -> None:
    found = run(SURVEY)
    speakers = {item.type: values_of(item)["speaker"] for item in found.items.values()
                if item.type in ("Quote", "IndirectQuote") and "pendampingan" in str(values_of(item)["text"])}
    assert speakers == {"IndirectQuote": ["nurul-hidayah"], "Quote": ["nurul-hidayah"]}


def test_a_cooperatives_place_between_commas_after_the_post_is_where_it_is() -> None:
    found = run(SURVEY)
    assert values_of(found.items["koperasi-penenun-sutra-mandiri"])["location"] == ["wajo"]
    person = by_type(found, "Person")["Andi Baso Mappaseling"]
    assert values_of(person)["holds"] == ["ketua-koperasi-penenun-sutra-mandiri"]


CONTRACTS = (
    "MAKASSAR, SULSELKINI.COM - Dinas Perdagangan (Disdag) Sulawesi Selatan membuka kelas ekspor.\n"
    "Kontrak kemitraan Disdag Sulawesi Selatan dan PT Lontara Niaga Digital sebetulnya habis bulan ini. Namun, "
    "kontrak kemitraan itu diperpanjang dua tahun, sehingga pendampingan Lontara Niaga bagi pedagang terus berjalan "
    "hingga akhir 2028.\n"
    "Sebanyak 1.800 pedagang pasar tradisional di Kabupaten Gowa kini bisa menerima pembayaran QRIS. Capaian itu "
    "buah pelatihan yang digelar Disdag Sulawesi Selatan bersama Kantor Perwakilan Bank Indonesia (KPwBI) Provinsi "
    "Sulawesi Selatan dan telah rampung pada Oktober lalu.\n"
    "Ketua Koperasi Penenun Sutra Mandiri, Wajo, Andi Baso Mappaseling, menyebut anggotanya butuh pasar baru.\n"
    "“Kami ingin bisa bermitra langsung dengan PT Lontara Niaga Digital supaya kain kami dijual daring,” ujar "
    "Andi.\n"
)
KPWBI = "kantor-perwakilan-bank-indonesia-provinsi-sulawesi-selatan"


def test_a_partnership_contract_extended_is_ongoing_not_ended() -> None:
    found = run(CONTRACTS)
    assert (["disdag-sulawesi-selatan", "pt-lontara-niaga-digital"], "ongoing") in collaborations(found)
    groups = {g.label for g in by_type(found, "TargetGroup").values()}
    assert not any("berjalan" in label for label in groups)  # "bagi pedagang terus berjalan": the group ends
    refused = run(CONTRACTS.replace("itu diperpanjang", "itu tidak diperpanjang"))
    assert (["disdag-sulawesi-selatan", "pt-lontara-niaga-digital"], "ongoing") not in collaborations(refused)


def test_a_result_told_first_is_the_fruit_of_a_completed_collaboration_for_the_group_counted() -> None:
    found = run(CONTRACTS)
    joint = next(i for i in by_type(found, "Collaboration").values()
                 if [v.value for v in i.fields["participants"]] == ["disdag-sulawesi-selatan", KPWBI])
    fields = values_of(joint)
    assert fields["status"] == ["completed"]
    assert fields["location"] == ["gowa"]
    group = found.items[fields["target_groups"][0]]
    assert group.label.startswith("pedagang pasar tradisional") and values_of(group)["size"] == [1800]
    assert not by_type(found, "TrainingEvent")  # the work told in plain words, no event of its own


def test_a_wish_in_a_quote_with_kami_is_the_speakers_organisations() -> None:
    found = run(CONTRACTS)
    assert (["koperasi-penenun-sutra-mandiri", "pt-lontara-niaga-digital"], "aspired") in collaborations(found)


def test_an_office_written_again_without_its_region_is_the_one_office_of_that_name() -> None:
    found = run(CLINIC.replace("dijalankan Disdag Sumatera Selatan bagi", "dijalankan Dinas Perdagangan bagi"))
    assert "dinas-perdagangan" not in found.items
    assert "Dinas Perdagangan" in found.items["disdag-sumatera-selatan"].aliases
    assert values_of(found.items["sumsel-niaga-digital"])["operated_by"] == ["pemprov-sumatera-selatan",
                                                                              "disdag-sumatera-selatan"]
    two = run("PALEMBANG, SUMSELKINI.COM - Dinas Perdagangan Kota Palembang dan Dinas Perdagangan Kabupaten "
              "Banyuasin hadir. Dinas Perdagangan juga membuka kelas.\n")
    assert "dinas-perdagangan" in two.items  # two offices of that name: left to the reviewer
