"""News paragraphs written for these tests (invented programs, offices and people, real regions of
Sulawesi Tenggara): the speakers of indirect quotes by verbs of saying and thinking ("menilai",
"mengakui", "menyebut bahwa", "mengaku", "menuturkan"), people named after a role or in apposition
with their age, and a participant of a cohort. Each test says what must and must not be proposed."""

from __future__ import annotations

from tests.ingest.test_rules import run

KENDARI = (
    "KENDARI, SULTRAKINI.COM - Dinas Koperasi dan UKM Provinsi Sulawesi Tenggara menggelar program Tenun Digital "
    "Sultra.\n"
    "Angkatan pertama program itu digelar di Hotel Claro Kendari, Senin (10/3/2025).\n"
    "Salah satu peserta angkatan pertama, Murniati (45), mengaku baru kali ini belajar memotret produk tenunnya.\n"
    "Kepala Dinas Koperasi dan UKM Provinsi Sulawesi Tenggara, Bayu Saputra, menilai pelatihan serupa perlu "
    "diperluas ke kabupaten lain.\n"
    "Ia mengakui, anggaran pelatihan tahun ini masih terbatas. Ia tidak menyebut besaran anggaran itu.\n"
    "Bayu juga menyebut bahwa sebagian besar peserta belum pernah berjualan daring.\n"
    "Sementara itu, pengelola koperasi, Hasanuddin, menuturkan penjualan kain tenun naik sejak Februari.\n")


def test_indirect_quotes_by_verbs_of_saying_and_thinking_with_their_speakers() -> None:
    found = run(KENDARI)
    said = sorted((i.fields["speaker"][0].value, i.fields["verb"][0].value) for i in found.items.values()
                  if i.type == "IndirectQuote")
    assert said == [("bayu-saputra", "mengakui"), ("bayu-saputra", "menilai"), ("bayu-saputra", "menyebut"),
                    ("hasanuddin", "menuturkan"), ("murniati", "mengaku")]  # not what he did not say
    texts = {i.fields["text"][0].value for i in found.items.values() if i.type == "IndirectQuote"}
    assert "anggaran pelatihan tahun ini masih terbatas" in texts


def test_people_named_after_a_role_and_a_participant_of_the_cohort() -> None:
    found = run(KENDARI)
    assert found.items["hasanuddin"].type == "Person"  # "pengelola koperasi, Hasanuddin,": no organisation
    assert found.items["murniati"].type == "Person"  # one name, with an age, in apposition
    assert [v.value for v in found.items["murniati"].fields["takes_part_in"]] == [
        "tenun-digital-sultra-angkatan-pertama"]
    assert "takes_part_in" not in found.items["bayu-saputra"].fields
    assert "takes_part_in" not in found.items["hasanuddin"].fields
