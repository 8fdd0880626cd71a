"""News paragraphs written for these tests (invented companies, cooperatives and offices, real regions of
Maluku, Nusa Tenggara Timur and Jawa Timur): a collaboration told only by what two organisations do together
("A dan B sudah rampung memasang …"), its status from the cue before the act; work told as under way
("tengah berlangsung sejak Juni 2025"). Each test says what must and must not be proposed."""

from __future__ import annotations

from tests.ingest.test_rules import collaborations, run

JOINT_ACTS = (
    "AMBON, MALUKUKINI.COM - Pemkot Ambon dan PT Pala Data Nusantara sudah rampung memasang 40 titik internet "
    "publik di pasar tradisional.\n"
    "Pemkab Maluku Tengah dan Koperasi Cengkih Digital akan membangun gudang data bagi petani pala.\n"
    "Pemkab Buru dan PT Kayu Putih Niaga sedang menyediakan kios pembayaran daring di pelabuhan.\n")


def test_two_organisations_doing_one_act_collaborate_with_the_status_of_its_cue() -> None:
    assert sorted(collaborations(run(JOINT_ACTS))) == [
        (["pemkab-buru", "pt-kayu-putih-niaga"], "ongoing"),  # "sedang menyediakan"
        (["pemkab-maluku-tengah", "koperasi-cengkih-digital"], "planned"),  # "akan membangun"
        (["pemkot-ambon", "pt-pala-data-nusantara"], "completed")]  # "sudah rampung memasang"


def test_a_joint_act_of_people_a_later_verb_or_a_denied_act_is_no_collaboration() -> None:
    people = run("AMBON, X.COM - Warga dan PT Pala Data Nusantara telah memasang 40 titik internet publik.\n")
    assert collaborations(people) == []  # "warga" is no organisation
    later = run("AMBON, X.COM - Pemkot Ambon dan PT Pala Data Nusantara bertemu, dan kemudian menyediakan kios.\n")
    assert collaborations(later) == []  # "dan kemudian": one subject's second act, not two subjects
    denied = run("AMBON, X.COM - Pemkot Ambon dan PT Pala Data Nusantara belum memasang titik internet publik.\n")
    assert collaborations(denied) == []
