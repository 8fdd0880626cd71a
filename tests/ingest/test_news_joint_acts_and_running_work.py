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


RUNNING = (
    "KUPANG, FLORESKINI.COM - Kemitraan Dinas Koperasi Kota Kupang dengan PT Sasando Digital tengah berlangsung "
    "sejak Juni 2025.\n"
    "Kerja sama Pemkab Ende dengan PT Kelimutu Data sedang berlangsung sejak Maret 2024 hingga kini.\n"
    "Kemitraan Pemkab Sikka dengan PT Tenun Data berlangsung sejak Maret 2024 hingga Desember 2025.\n")


def test_work_told_as_under_way_since_a_month_is_ongoing_from_then() -> None:
    found = run(RUNNING)
    told = {tuple(str(v.value) for v in i.fields["participants"]):
            ([v.value for v in i.fields.get("status", [])], [v.value for v in i.fields.get("date", [])])
            for i in found.items.values() if i.type == "Collaboration"}
    assert told[("dinas-koperasi-kota-kupang", "pt-sasando-digital")] == (["ongoing"], ["2025-06"])
    assert told[("pemkab-ende", "pt-kelimutu-data")] == (["ongoing"], ["2024-03"])  # "hingga kini": no end
    assert told[("pemkab-sikka", "pt-tenun-data")] == ([], [])  # an end told: neither under way nor begun


CALLED_OFF = (
    "RANTEPAO, TORAJAKINI.COM - Pemkab Toraja Utara sempat menjajaki kerja sama dengan PT Lembang Data Nusantara. "
    "Namun, rencana kerja samanya dengan PT Lembang Data Nusantara dibatalkan sepihak pada Oktober.\n"
    "Koperasi Kopi Sapan pernah bermitra dengan PT Kalosi Niaga. Kemitraannya dengan PT Kalosi Niaga kini "
    "diputus secara sepihak.\n"
    "Dinas Kominfo Kota Palopo menjalin kemitraan dengan PT Luwu Data. Kemitraannya dengan Koperasi Sawit Luwu "
    "diputuskan berlanjut.\n")


def test_a_plan_called_off_by_its_owner_told_as_nya_is_one_cancelled_collaboration() -> None:
    told = collaborations(run(CALLED_OFF))
    assert (["pemkab-toraja-utara", "pt-lembang-data-nusantara"], "cancelled") in told  # not also "planned"
    assert not any(status == "planned" for _, status in told)
    assert (["koperasi-kopi-sapan", "pt-kalosi-niaga"], "cancelled") in told  # "diputus secara sepihak"
    # "diputuskan" is decided: no cancellation; "-nya" is the subject of the sentence before
    assert (["dinas-kominfo-kota-palopo", "koperasi-sawit-luwu"], None) in told
