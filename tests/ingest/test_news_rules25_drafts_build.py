"""The shapes of this round together in one crafted article (Bengkulu), drafted by `kg ingest` and built:
the build's checks drop nothing (a label's words in its evidence, each date where its evidence says it,
the cancellation's cue) and every proposal below survives into the built article."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.ingest.drafting import ingest_and_build

ARTICLE = (
    "Ekonomi\nMahasiswa Bengkulu Beradu Ide Desa Digital\nPenulis: Rini Oktaviani | Editor: Joko Susilo\n"
    "BENGKULU - Sebanyak 90 mahasiswa dari Kota Bengkulu, Seluma, dan Kepahiang beradu ide dalam Lomba Inovasi "
    "Desa Cerdas 2026 di Balai Raflesia, Kota Bengkulu, Senin\u2013Selasa (30/11\u20131/12).\n"
    "Lomba itu digelar Dinas Pemberdayaan Masyarakat dan Desa (DPMD) Bengkulu bersama PT Rafflesia Data "
    "Nusantara, perusahaan rintisan asal Kota Bengkulu.\n"
    "Acara tersebut termasuk dalam program Bengkulu Desa Digital milik Pemprov Bengkulu.\n"
    "\u201cAnak muda harus pulang membangun desa,\u201d kata Kepala DPMD Bengkulu, Heri Gunawan, saat membuka lomba.\n"
    "Data dari Pusat Studi Ekonomi Kerakyatan Universitas Bengkulu Raya menunjukkan baru 28 persen UMKM di "
    "Bengkulu memakai pembayaran digital. Survei itu dilakukan terhadap 400 pelaku usaha pada Oktober 2026.\n"
    "Kepala pusat studi tersebut, Dr. Rahmat Hidayat, M.Si., menilai pelatihan untuk pelaku UMKM, penenun, dan "
    "kelompok tani masih dibutuhkan.\n"
    "Adapun rencana Pemkab Seluma dan PT Rafflesia Data Nusantara membangun gudang data desa gagal terwujud. "
    "Pembahasannya dihentikan pada Agustus lalu, dan kerja sama itu dinyatakan batal.\n"
    "Nurhayati (45), Ketua Koperasi Wanita Tani Makmur dari Rejang Lebong, berharap koperasinya dapat bermitra "
    "dengan PT Rafflesia Data Nusantara.\n"
    "Menurut dia, petani perempuan butuh pasar yang lebih luas.\n"
    "Ikuti berita terkini BengkuluRaya.com di Google News\n"
)


def _plain(value: object) -> object:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value["value"] if isinstance(value, dict) and "value" in value else value


def test_the_rounds_shapes_draft_and_build(tmp_path: Path) -> None:
    [draft] = ingest_and_build(tmp_path, {"bengkuluraya-2026-12-03-lomba-desa-digital.txt": ARTICLE}, "2026-12-03")
    built = yaml.safe_load((draft.parent.parent / "articles" / draft.name).read_text(encoding="utf-8"))
    entities = {e["id"]: {k: _plain(v) for k, v in e.items()} for e in built["entities"]}
    contest = entities["lomba-inovasi-desa-cerdas-2026"]
    assert (str(contest["date"]), str(contest["end_date"])) == ("2026-11-30", "2026-12-01")
    assert contest["venue"] == "balai-raflesia" and entities["balai-raflesia"]["type"] == "Facility"
    assert contest["organizer"] == ["dpmd-bengkulu", "pt-rafflesia-data-nusantara"]
    assert contest["part_of_program"] == ["bengkulu-desa-digital"]
    study = entities["data-pusat-studi-ekonomi-kerakyatan-universitas-bengkulu-raya"]
    assert study["period"] == "2026" and study["findings"]
    assert entities["kepala-pusat-studi-ekonomi-kerakyatan-universitas-bengkulu-raya"]["label"] == "Kepala pusat studi"
    cancelled = [e for e in entities.values() if e["type"] == "Collaboration" and e.get("status") == "cancelled"]
    assert [c["participants"] for c in cancelled] == [["pemkab-seluma", "pt-rafflesia-data-nusantara"]]
    groups = {e["label"] for e in entities.values() if e["type"] == "TargetGroup"}
    assert {"pelaku UMKM", "penenun", "kelompok tani"} <= groups  # "kelompok tani masih dibutuhkan": not "masih"
    assert entities["nurhayati"]["holds"] == ["ketua-koperasi-wanita-tani-makmur"]
    assert _plain(built["article"]["publisher"]) == "bengkuluraya"
    assert _plain(built["article"]["dateline"]) == "bengkulu"  # "BENGKULU - ": a dateline with no outlet
    assert _plain(built["article"]["headline"]) == "Mahasiswa Bengkulu Beradu Ide Desa Digital"
