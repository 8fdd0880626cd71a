"""News paragraphs written for these tests (invented organisations and people, real regions),
none taken from the gold articles: a cooperation the text reports only to deny it ("membantah
kabar bahwa …", "menampik kabar yang menyebut …", "meluruskan kabar bahwa …", "menyangkal …",
"menepis anggapan bahwa …", "menyanggah …") is no collaboration, however certain the words inside
the rumour sound; a collaboration told plainly beside it still is."""

from __future__ import annotations

import pytest

from tests.ingest.test_rules import collaborations, run

LAMPUNG = (
    "BANDAR LAMPUNG, SIGERKINI.COM - Pemerintah Provinsi Lampung sudah bekerja sama dengan Bank Lampung dalam "
    "pembayaran pajak kendaraan secara daring sejak 2024.\n"
    "Kepala Dinas Komunikasi dan Informatika Provinsi Lampung, Arman Syahputra, {verb} Pemprov Lampung telah "
    "menjalin kerja sama dengan PT Krakatau Awan Data untuk membangun pusat data daerah.\n"
    "\u201cItu tidak benar,\u201d kata Arman.\n")


@pytest.mark.parametrize("verb", ["menampik kabar yang menyebut", "membantah kabar bahwa",
                                  "meluruskan kabar bahwa", "menyangkal isu bahwa", "membantah bahwa",
                                  "menepis anggapan bahwa", "sekaligus menepis anggapan bahwa",
                                  "menyanggah kabar bahwa", "meluruskan anggapan bahwa"])
def test_a_denied_rumour_of_cooperation_is_no_collaboration(verb: str) -> None:
    found = collaborations(run(LAMPUNG.format(verb=verb)))
    assert not [parties for parties, _ in found if any("krakatau" in str(p) for p in parties)]
    assert [parties for parties, _ in found if any("bank-lampung" in str(p) for p in parties)]


def test_a_denial_elsewhere_leaves_a_plain_collaboration() -> None:
    """Words of denial in another sentence do not reach a collaboration told plainly."""
    text = ("PALEMBANG, SRIWIJAYAKINI.COM - Dinas Koperasi Kota Palembang membantah pungutan liar di pasar.\n"
            "Dinas Koperasi Kota Palembang telah menggandeng PT Musi Kode Nusantara untuk pelatihan kasir digital.\n")
    found = collaborations(run(text))
    assert [status for parties, status in found if any("musi-kode" in str(p) for p in parties)] == ["completed"]
