"""News paragraphs written for these tests (invented programs, companies and people, real regions of
Nusa Tenggara Timur, Kalimantan, Sulawesi, Maluku, Sumatra and Jawa): a program's launch told by the
act ("meluncurkan program X bersama Y di <venue>, <date>") or by its noun ("peluncuran X"), where its
participants came from, whom a program or a collaboration is for, the office a party acts through
("melalui Dinas …", "lewat …", "yang dijalankan oleh …"), surveys made by two, what a collaboration
gave rise to, and words said at a launch. Each test says what must and must not be proposed."""

from __future__ import annotations

import datetime as dt

from tests.ingest.test_news_collaborations_by_acts import collaborations_of
from tests.ingest.test_rules import run, values_of

KUPANG = (
    "KUPANG, FLOBAMORAKINI.COM - Pemerintah Kota (Pemkot) Kupang meluncurkan program Tenun Daring bersama Bank NTT "
    "di Pasar Oeba, Kamis (6/3/2025). Program itu menyasar mama-mama penenun di Kota Kupang.\n"
    "Peluncuran itu diikuti 120 penenun dari Kupang, Rote Ndao dan Sabu Raijua.\n"
    "\"Kami ingin tenun ikat dijual sampai luar negeri,\" kata Wali Kota Kupang, George Hadjoh, saat peluncuran "
    "Tenun Daring.\n")

MANADO = (
    "MANADO, NYIURKINI.COM - Pemerintah Provinsi (Pemprov) Sulawesi Utara, melalui Dinas Kominfo Provinsi Sulawesi "
    "Utara, meluncurkan program Nyiur Digital di Kota Manado.\n"
    "Pemkot Bitung akan meluncurkan program Bitung Cerdas pada April 2025. Pemkab Minahasa belum meluncurkan "
    "program Minahasa Maju. Pemkot Tomohon batal meluncurkan program Tomohon Pintar.\n")

SAMARINDA = (
    "SAMARINDA, MAHAKAMKINI.COM - Pemerintah Kota (Pemkot) Samarinda, melalui Dinas Koperasi dan UKM Kota "
    "Samarinda, bekerja sama dengan PT Mahakam Niaga untuk membantu pelaku UMKM menjual produk secara daring.\n"
    "Pemprov Kalimantan Timur lewat Dinas Perdagangan Provinsi Kalimantan Timur menggandeng PT Borneo Kirim.\n"
    "Pemkab Kutai Kartanegara bekerja sama dengan Bank Kaltimtara melalui aplikasi Kukar Pay.\n"
    "Pemkot Balikpapan telah bekerja sama dengan PT Teluk Data dalam layanan parkir yang dijalankan oleh Dinas "
    "Perhubungan Kota Balikpapan. Pemkab Berau menjalin kemitraan dengan PT Derawan Data bagi nelayan di "
    "Kabupaten Berau.\n")

PALU = (
    "PALU, SULTENGKINI.COM - Pemprov Sulawesi Tengah menjalankan program Palu Kreatif sejak Januari. Sasaran "
    "program ini adalah pelaku ekonomi kreatif di Kota Palu dan Kabupaten Donggala.\n"
    "Program Sigi Mandiri milik Pemkab Sigi ditujukan bagi petani kakao di Kabupaten Sigi. Program Poso Hijau tidak "
    "ditujukan "
    "bagi pengusaha tambang.\n")

JAMBI = (
    "JAMBI, JAMBIKINI.COM - Survei bersama Universitas Jambi dan PT Batanghari Riset pada Februari 2025 melibatkan "
    "800 pelaku UMKM.\n"
    "Hasil survei menunjukkan 62 persen pelaku UMKM belum memakai pembayaran digital.\n"
    "Bank Indonesia Jambi juga merilis survei yang digelar Dinas Koperasi Provinsi Jambi bersama Universitas "
    "Batanghari.\n")

TERNATE = (
    "TERNATE, MALUKUUTARAKINI.COM - Pemkot Ternate bekerja sama dengan PT Gamalama Data sejak 2024. Kerja sama itu "
    "melahirkan Festival Rempah Digital.\n"
    "Pemkab Halmahera Barat bekerja sama dengan PT Jailolo Data. Dari kolaborasi tersebut lahir Pekan Kopi Jailolo.\n"
    "Survei Universitas Khairun bersama PT Tidore Riset menunjukkan 70 persen nelayan memakai ponsel pintar. Program "
    "Nelayan Pintar diperuntukkan bagi nelayan di Kota Tidore Kepulauan.\n")

PEKALONGAN = (
    "PEKALONGAN, PANTURAKINI.COM - Kerja sama Pemkot Pekalongan dengan PT Lawang Data dijalankan melalui Dinas "
    "Perdagangan Kota Pekalongan. Kolaborasi itu menyasar 300 perajin batik di Kota Pekalongan.\n"
    "Melalui Dinas Pariwisata Kabupaten Batang, Pemkab Batang menggandeng PT Ujungnegoro Data.\n"
    "Pameran Batik Pesisir digelar sebagai hasil kolaborasi Pemkab Pekalongan dan PT Kawung Data. Kerja sama itu "
    "tidak melahirkan Festival Canting.\n")

PADANG = (
    "PADANG, MINANGKINI.COM - Program Rendang Go Digital resmi diluncurkan Pemprov Sumatera Barat di Kota Padang, "
    "Jumat (7/3/2025).\n"
    "Peluncuran program Pariaman Maju digelar oleh Pemkot Pariaman pada Sabtu (8/3/2025) di Pantai Gandoriah.\n"
    "Pemkab Agam meluncurkan program Agam Cerdas pada Senin (10/3/2025) di Lapangan Segitiga. Program Solok Hijau "
    "belum diluncurkan Pemkab Solok.\n")

PONTIANAK = (
    "PONTIANAK, KHATULISTIWAKINI.COM - Pemkot Pontianak meluncurkan program Khatulistiwa Digital di Pasar "
    "Flamboyan, Senin (10/3/2025), yang diikuti 90 pedagang dari Pontianak, Kubu Raya dan Mempawah.\n"
    "Pemkab Sanggau bekerja sama dengan PT Kapuas Data. Kerja sama itu dijalankan melalui Dinas Koperasi "
    "Kabupaten Sanggau.\n"
    "Survei bersama FEB Universitas Tanjungpura dan PT Borneo Riset menemukan banyak pedagang belum memakai QRIS.\n")

AMBON = (
    "AMBON, MALUKUKINI.COM - Pemprov Maluku meluncurkan program Pala Digital di Pelabuhan Tulehu, Rabu (5/3/2025).\n"
    "Sebanyak 80 nelayan dari Maluku Tengah, Seram Bagian Barat dan Buru mengikuti peluncuran tersebut. Sebanyak 40 "
    "petani dari Buru Selatan tidak mengikuti peluncuran itu.\n")

KENDARI = (
    "KENDARI, SULTRAKINI.ID - Wali Kota Kendari, Siska Karina Imran, meluncurkan program Kendari Pintar di Balai "
    "Kota Kendari, Selasa (4/3/2025). Pemkot Kendari menyiapkan anggaran pelatihan.\n")

SIKKA = (
    "MAUMERE, FLORESKINI.COM - Pemkab Sikka meresmikan Rumah Tenun Digital bersama PT Flores Data di Kabupaten "
    "Sikka, Senin (3/3/2025).\n")


def test_a_launch_is_an_event_of_the_program_its_label_stops_before_the_venue() -> None:
    found = run(KUPANG)
    (launch,) = [i for i in found.items.values() if i.rule == "program-launch"]
    assert launch.label == "Meluncurkan program Tenun Daring"  # not "… bersama Bank NTT di Pasar Oeba"
    assert values_of(launch) == {
        "part_of_program": ["tenun-daring"], "organizer": ["pemkot-kupang", "bank-ntt"], "venue": ["pasar-oeba"],
        "date": [dt.date(2025, 3, 6)], "participants_from": ["kupang", "rote-ndao", "sabu-raijua"]}
    assert found.items["kupang"].type == "AmbiguousPlace"  # Kota or Kabupaten Kupang: kept ambiguous
    assert "peluncuran Tenun Daring" in launch.aliases  # told again by its noun: the same event


def test_a_launched_program_is_run_by_the_launcher_and_for_its_group() -> None:
    found = run(KUPANG)
    program = values_of(found.items["tenun-daring"])
    assert program["operated_by"] == ["pemkot-kupang"]  # not the partner
    assert "location" not in program  # the launcher's region is not said to be where it runs
    assert program["target_groups"] == ["mama-mama-penenun-di-kota-kupang"]  # "Program itu menyasar …"


def test_who_came_to_a_launch_and_what_was_said_there() -> None:
    found = run(KUPANG)
    group = [i for i in found.items.values() if i.type == "TargetGroup" and i.label.startswith("penenun")]
    assert [values_of(g)["takes_part_in"] for g in group] == [["meluncurkan-program-tenun-daring"]]
    (quote,) = [i for i in found.items.values() if i.type == "Quote"]
    assert values_of(quote)["said_at"] == ["meluncurkan-program-tenun-daring"]  # "saat peluncuran Tenun Daring"


def test_a_launch_through_an_office_and_launches_planned_negated_or_called_off() -> None:
    found = run(MANADO)
    launches = {values_of(i)["part_of_program"][0]: values_of(i) for i in found.items.values()
                if i.rule == "program-launch"}
    assert launches["nyiur-digital"]["organizer"] == ["pemprov-sulawesi-utara"]  # not the Dinas it acts through
    assert launches["nyiur-digital"]["venue"] == ["manado"]  # a region only: the venue is the region
    assert launches["bitung-cerdas"]["status"] == ["planned"]  # "akan": never told as held
    assert launches["tomohon-pintar"]["status"] == ["cancelled"]  # "batal"
    assert "minahasa-maju" not in launches  # "belum": nothing
    assert not [i for i in found.items.values() if i.type == "Place" and "Manado" in i.label]  # no venue invented


def test_the_office_a_party_acts_through_is_no_party() -> None:
    told = collaborations_of(run(SAMARINDA))
    assert set(told) == {("pemkot-samarinda", "pt-mahakam-niaga"), ("pemprov-kalimantan-timur", "pt-borneo-kirim"),
                         ("pemkab-kutai-kartanegara", "bank-kaltimtara"), ("pemkot-balikpapan", "pt-teluk-data"),
                         ("pemkab-berau", "pt-derawan-data")}
    assert told[("pemkot-samarinda", "pt-mahakam-niaga")]["acting_through"] == [
        "dinas-koperasi-dan-ukm-kota-samarinda"]  # ", melalui Dinas …,"
    assert told[("pemprov-kalimantan-timur", "pt-borneo-kirim")]["acting_through"] == [
        "dinas-perdagangan-provinsi-kalimantan-timur"]  # "lewat"
    assert told[("pemkot-balikpapan", "pt-teluk-data")]["acting_through"] == [
        "dinas-perhubungan-kota-balikpapan"]  # "yang dijalankan oleh"
    assert "acting_through" not in told[("pemkab-kutai-kartanegara", "bank-kaltimtara")]  # "melalui aplikasi": a medium


def test_whom_a_collaboration_or_a_program_is_for() -> None:
    told = collaborations_of(run(SAMARINDA))
    assert told[("pemkot-samarinda", "pt-mahakam-niaga")]["target_groups"] == ["pelaku-umkm"]  # "untuk membantu"
    assert told[("pemkab-berau", "pt-derawan-data")]["target_groups"] == ["nelayan-di-kabupaten-berau"]  # "bagi"
    found = run(PALU)
    assert values_of(found.items["palu-kreatif"])["target_groups"] == [
        "pelaku-ekonomi-kreatif-di-kota-palu-dan-kabupaten-donggala"]  # "Sasaran program ini adalah"
    sigi = values_of(found.items["sigi-mandiri"])
    assert sigi["target_groups"] == ["petani-kakao-di-kabupaten-sigi"]  # "ditujukan bagi"
    assert sigi["operated_by"] == ["pemkab-sigi"]  # "milik Pemkab Sigi": run by it
    assert "location" not in sigi  # its region is not said to be where the program runs
    assert "target_groups" not in found.items["poso-hijau"].fields  # "tidak ditujukan"


def test_a_survey_made_by_two_and_its_finding() -> None:
    found = run(JAMBI)
    studies = {i.label: values_of(i) for i in found.items.values() if i.type == "Study"}
    assert studies["Survei Universitas Jambi dan PT Batanghari Riset"]["author"] == [
        "universitas-jambi", "pt-batanghari-riset"]
    assert studies["Survei Universitas Jambi dan PT Batanghari Riset"]["findings"] == [
        next(i.ident for i in found.items.values() if i.type == "Finding")]  # "Hasil survei menunjukkan …"
    assert studies["Survei Dinas Koperasi Provinsi Jambi bersama Universitas Batanghari"]["author"] == [
        "dinas-koperasi-provinsi-jambi", "universitas-batanghari"]  # who released it is no author


def test_what_a_collaboration_gave_rise_to_a_survey_by_two_and_a_program_for_a_group() -> None:
    found = run(TERNATE)
    told = collaborations_of(found)
    assert told[("pemkot-ternate", "pt-gamalama-data")]["resulted_in"] == [
        "festival-rempah-digital"]  # "Kerja sama itu melahirkan …"
    assert told[("pemkab-halmahera-barat", "pt-jailolo-data")]["resulted_in"] == [
        "pekan-kopi-jailolo"]  # "Dari kolaborasi tersebut lahir …"
    (study,) = [values_of(i) for i in found.items.values() if i.type == "Study"]
    assert study["author"] == ["universitas-khairun", "pt-tidore-riset"] and len(study["findings"]) == 1
    assert values_of(found.items["nelayan-pintar"])["target_groups"] == ["nelayan-di-kota-tidore-kepulauan"]



def test_a_collaboration_told_by_its_noun_its_channel_its_group_and_its_result() -> None:
    found = run(PEKALONGAN)
    told = collaborations_of(found)
    assert set(told) == {("pemkot-pekalongan", "pt-lawang-data"), ("pemkab-batang", "pt-ujungnegoro-data"),
                         ("pemkab-pekalongan", "pt-kawung-data")}
    lawang = told[("pemkot-pekalongan", "pt-lawang-data")]  # "Kerja sama A dengan B dijalankan melalui C"
    assert lawang["acting_through"] == ["dinas-perdagangan-kota-pekalongan"]
    assert lawang["target_groups"] == ["perajin-batik-di-kota-pekalongan"]  # "Kolaborasi itu menyasar …"
    assert told[("pemkab-batang", "pt-ujungnegoro-data")]["acting_through"] == [
        "dinas-pariwisata-kabupaten-batang"]  # "Melalui Dinas …, Pemkab …"
    assert told[("pemkab-pekalongan", "pt-kawung-data")]["resulted_in"] == ["pameran-batik-pesisir"]  # "sebagai hasil"
    assert "festival-canting" not in found.items  # "tidak melahirkan"


def test_an_opening_with_a_partner_is_labelled_by_the_act_alone() -> None:
    found = run(SIKKA)
    (event,) = [i for i in found.items.values() if i.rule == "event-act"]
    assert event.label == "Meresmikan Rumah Tenun Digital"
    assert values_of(event) == {"venue": ["sikka"], "organizer": ["pemkab-sikka"], "date": [dt.date(2025, 3, 3)]}
    assert not event.aliases  # "… bersama PT Flores Data di …" is no name of it


def test_launches_told_in_the_passive_by_the_noun_and_with_the_date_first() -> None:
    found = run(PADANG)
    launches = {i.label: values_of(i) for i in found.items.values() if i.rule == "program-launch"}
    assert launches == {
        "Program Rendang Go Digital diluncurkan": {  # "resmi diluncurkan Pemprov …": the adverb is no name
            "part_of_program": ["rendang-go-digital"], "organizer": ["pemprov-sumatera-barat"], "venue": ["padang"],
            "date": [dt.date(2025, 3, 7)]},
        "Peluncuran program Pariaman Maju": {  # "digelar oleh"
            "part_of_program": ["pariaman-maju"], "organizer": ["pemkot-pariaman"], "venue": ["pantai-gandoriah"],
            "date": [dt.date(2025, 3, 8)]},
        "Meluncurkan program Agam Cerdas": {  # the date before the venue
            "part_of_program": ["agam-cerdas"], "organizer": ["pemkab-agam"], "venue": ["lapangan-segitiga"],
            "date": [dt.date(2025, 3, 10)]}}  # "Program Solok Hijau belum diluncurkan": nothing
    assert values_of(found.items["rendang-go-digital"])["operated_by"] == ["pemprov-sumatera-barat"]


def test_who_came_in_the_launchs_own_sentence_an_office_told_after_and_a_faculty_author() -> None:
    found = run(PONTIANAK)
    (launch,) = [i for i in found.items.values() if i.rule == "program-launch"]
    assert values_of(launch)["participants_from"] == ["pontianak", "kubu-raya", "mempawah"]
    group = next(i for i in found.items.values() if i.type == "TargetGroup" and i.label.startswith("pedagang dari"))
    assert values_of(group)["takes_part_in"] == [launch.ident]  # the launch's, not the program's
    told = collaborations_of(found)
    assert told[("pemkab-sanggau", "pt-kapuas-data")]["acting_through"] == [
        "dinas-koperasi-kabupaten-sanggau"]  # "Kerja sama itu dijalankan melalui …"
    (study,) = [i for i in found.items.values() if i.type == "Study"]
    assert values_of(study)["author"] == ["universitas-tanjungpura", "pt-borneo-riset"]  # "FEB Universitas …"
    assert values_of(study)["findings"] == [i.ident for i in found.items.values() if i.type == "Finding"]


def test_those_who_came_to_a_launch_told_after_it() -> None:
    found = run(AMBON)
    (launch,) = [i for i in found.items.values() if i.rule == "program-launch"]
    assert values_of(launch)["venue"] == ["pelabuhan-tulehu"] and values_of(launch)["date"] == [dt.date(2025, 3, 5)]
    assert values_of(launch)["participants_from"] == ["maluku-tengah", "seram-bagian-barat", "buru"]  # not Buru Selatan


def test_a_program_launched_by_a_person_in_office_is_run_by_the_office() -> None:
    found = run(KENDARI)
    (launch,) = [i for i in found.items.values() if i.rule == "program-launch"]
    assert values_of(launch)["organizer"] == ["siska-karina-imran"]  # who the text says launched it
    program = found.items["kendari-pintar"]
    assert values_of(program)["operated_by"] == ["pemkot-kendari"]  # the Wali Kota's government
    assert program.fields["operated_by"][0].confidence <= 0.4


def test_a_name_that_only_starts_with_a_programs_is_no_launch_of_it() -> None:
    found = run("MEDAN, DELIKINI.COM - Pemprov Sumatera Utara menjalankan program Sumut Kreatif. Pemkot Medan "
                "meluncurkan Sumut Kreatif Center di Gedung Serbaguna Medan, Senin (10/3/2025).\n")
    assert not [i for i in found.items.values() if i.rule == "program-launch"]
    (event,) = [i for i in found.items.values() if i.rule == "event-act"]
    assert event.label == "Meluncurkan Sumut Kreatif Center" and "part_of_program" not in event.fields
