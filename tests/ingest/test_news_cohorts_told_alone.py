"""News paragraphs written for these tests (invented programs, offices and people, real regions of
Sulawesi Selatan, Maluku and Jambi): cohorts told after their program without its name ("Gelombang
pertama pelatihannya …", "angkatan kedua program itu"), planned cohorts, and who runs a program
("Dinas X menggelar program Z", "Pemprov X melalui Dinas Y …"). Each test says what must and must
not be proposed."""

from __future__ import annotations

from kg.ingest.model import Proposals
from tests.ingest.test_rules import run, values_of

MAKASSAR = (
    "MAKASSAR, CELEBESKINI.COM - Dinas Koperasi dan UKM Provinsi Sulawesi Selatan menggelar program Juragan Digital "
    "untuk melatih pelaku UMKM memasarkan produk secara daring.\n"
    "Gelombang pertama pelatihannya digelar di Hotel Arya Duta, Makassar, Senin (10/3/2025), diikuti 120 pelaku "
    "UMKM dari Kota Makassar, Kabupaten Gowa, dan Kabupaten Maros.\n"
    "Gelombang kedua dijadwalkan pada Juli 2025 di Kota Parepare. Gelombang ketiga belum digelar.\n")

AMBON = (
    "AMBON, MALUKUKINI.COM - Pemerintah Provinsi Maluku melalui Dinas Kominfo Provinsi Maluku meluncurkan program "
    "Nusa Koding bagi pelajar SMA.\n"
    "Dinas Kominfo Provinsi Maluku membuka angkatan kedua program itu, Senin (20/10/2025), di Hotel Swiss-Belhotel "
    "Ambon.\n"
    "Harga cengkih sempat anjlok saat gelombang kedua pandemi, kata petani di Saparua.\n")

JAMBI = (
    "JAMBI, JAMBIKINI.COM - Dinas Perindustrian dan Perdagangan Provinsi Jambi menggelar program Batik Naik Kelas "
    "sejak Januari.\n"
    "Angkatan pertama program tersebut berlangsung di Hotel Aston Jambi, Senin (16/9/2024).\n"
    "Koperasi Batik Seberang tidak menggelar program Batik Naik Kelas.\n")


def cohorts_of(found: Proposals) -> dict[str, dict[str, list[object]]]:
    return {i.ident: {k: [str(v.value) for v in vs] for k, vs in i.fields.items()}
            for i in found.items.values() if i.rule == "cohort-after-program"}


def test_cohorts_told_after_the_program_are_its_events_the_planned_one_only_planned() -> None:
    found = run(MAKASSAR)
    assert cohorts_of(found) == {
        "juragan-digital-gelombang-pertama": {
            "part_of_program": ["juragan-digital"], "venue": ["hotel-arya-duta"], "date": ["2025-03-10"],
            "organizer": ["dinas-koperasi-dan-ukm-provinsi-sulawesi-selatan"],  # the program's operator
            "participants_from": ["makassar", "gowa", "maros"]},
        "juragan-digital-gelombang-kedua": {  # planned: no organiser, no date, never held
            "part_of_program": ["juragan-digital"], "status": ["planned"], "venue": ["parepare"]}}
    # not the one not yet held
    assert found.items["juragan-digital-gelombang-pertama"].type == "TrainingEvent"
    event = found.items["juragan-digital-gelombang-pertama"]
    assert found.span_text(event.fields["part_of_program"][0].span) == "Gelombang pertama pelatihannya"


def test_a_cohort_pointed_at_by_program_itu_with_who_opened_it_and_the_venue_after_the_date() -> None:
    found = run(AMBON)
    assert cohorts_of(found) == {"nusa-koding-angkatan-kedua": {
        "part_of_program": ["nusa-koding"], "organizer": ["dinas-kominfo-provinsi-maluku"],
        "date": ["2025-10-20"], "venue": ["hotel-swiss-belhotel-ambon"]}}  # not "gelombang kedua pandemi"
    operators = [v.value for v in found.items["nusa-koding"].fields["operated_by"]]
    assert operators == ["pemprov-maluku"]  # the one acting through the Dinas


def test_who_runs_a_program_and_a_cohort_told_with_tersebut() -> None:
    found = run(JAMBI)
    program = found.items["batik-naik-kelas"]
    assert [v.value for v in program.fields["operated_by"]] == ["dinas-perindustrian-dan-perdagangan-provinsi-jambi"]
    # not the cooperative that did not run it
    assert found.span_text(program.fields["operated_by"][0].span) == (
        "Dinas Perindustrian dan Perdagangan Provinsi Jambi menggelar program Batik Naik Kelas")
    assert cohorts_of(found)["batik-naik-kelas-angkatan-pertama"]["venue"] == ["hotel-aston-jambi"]


BANJARMASIN = (
    "BANJARMASIN, BORNEOKINI.COM - Dinas Perindustrian Provinsi Kalimantan Selatan menggelar program Sasirangan Go "
    "Digital di Banjarmasin.\n"
    "Angkatan pertama program itu dibuka di Hotel Galaxy, Selasa (4/3/2025), diikuti 45 perajin dari Kota "
    "Banjarmasin dan Kabupaten Banjar.\n"
    "Program itu juga memberikan bantuan modal bagi pelaku UMKM dari Pemprov Kalsel.\n")


def groups_of(found: Proposals) -> dict[str, dict[str, list[object]]]:
    return {i.label: values_of(i)
            for i in found.items.values() if i.type == "TargetGroup"}


def test_the_participants_of_a_cohort_are_a_group_from_its_regions_that_took_part() -> None:
    assert groups_of(run(BANJARMASIN)) == {
        "perajin dari Kota Banjarmasin dan Kabupaten Banjar": {
            "location": ["banjarmasin", "kabupaten-banjar"],
            "takes_part_in": ["sasirangan-go-digital-angkatan-pertama"]},  # a cohort told without a name
        "pelaku UMKM": {}}  # "dari Pemprov Kalsel" says who gives, not where they are
    found = run(MAKASSAR)
    group = found.items["pelaku-umkm-dari-kota-makassar-kabupaten-gowa-dan-kabupaten-maros"]
    assert [v.value for v in group.fields["location"]] == ["makassar", "gowa", "maros"]
    assert [v.value for v in group.fields["takes_part_in"]] == ["juragan-digital-gelombang-pertama"]
    assert "takes_part_in" not in found.items["pelaku-umkm"].fields  # the program's target, not its participant


PAREPARE = (
    "PAREPARE, CELEBESKINI.COM - Dinas Koperasi dan UKM Provinsi Sulawesi Selatan menggelar program Juragan Digital.\n"
    "Gelombang kedua dijadwalkan pada Juli 2025 di Kota Parepare. Targetnya 200 peserta dari Parepare, Barru, "
    "Pinrang, dan Sidenreng Rappang.\n"
    "Dinas itu menargetkan 70 persen peserta berjualan daring.\n")


def test_the_target_of_a_planned_cohort_is_a_group_from_its_regions() -> None:
    found = run(PAREPARE)
    cohort = found.items["juragan-digital-gelombang-kedua"]
    assert [v.value for v in cohort.fields["status"]] == ["planned"]
    (group,) = [found.items[str(v.value)] for v in cohort.fields["target_groups"]]
    assert group.label == "peserta dari Parepare, Barru, Pinrang, dan Sidenreng Rappang"
    assert [v.value for v in group.fields["location"]] == ["parepare", "barru", "pinrang", "sidenreng-rappang"]
    assert "takes_part_in" not in group.fields  # planned: nobody took part yet
    assert len([i for i in found.items.values() if i.type == "TargetGroup"]) == 1  # "70 persen peserta": a share
