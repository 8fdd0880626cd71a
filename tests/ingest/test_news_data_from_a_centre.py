"""A study told by what a research centre's data showed ("Data dari Pusat Studi X menunjukkan …", "Hasil
kajian X mencatat …", "Riset dari X mengungkap …"): the study, its author, its finding; the next sentence on
how it was made ("Survei itu dilakukan terhadap 400 pelaku usaha pada Oktober 2026") is its year, no finding;
and a post that points back to the centre ("Kepala pusat studi tersebut, Dr. X, M.Si., menilai …")."""

from __future__ import annotations

from tests.ingest.test_rules import by_type, run, values_of

CENTRE = "pusat-studi-ekonomi-kerakyatan-universitas-nusa-utara"
DATA = (
    "MANADO, SULUTKINI.COM - Pelaku usaha di Sulawesi Utara mulai beralih ke pembayaran digital.\n"
    "Data dari Pusat Studi Ekonomi Kerakyatan Universitas Nusa Utara menunjukkan baru 28 persen UMKM di "
    "Sulawesi Utara memakai pembayaran digital.\n"
    "Survei itu dilakukan terhadap 400 pelaku usaha pada Oktober 2026.\n"
    "Kepala pusat studi tersebut, Dr. Rahmat Hidayat, M.Si., menilai pendampingan masih dibutuhkan pelaku usaha "
    "kecil.\n"
)


def test_data_from_a_centre_is_its_study_with_one_finding_and_the_year_it_was_made() -> None:
    found = run(DATA)
    study = by_type(found, "Study")["Data Pusat Studi Ekonomi Kerakyatan Universitas Nusa Utara"]  # its words
    fields = values_of(study)
    assert fields["known_as"] == ["Survei Pusat Studi Ekonomi Kerakyatan Universitas Nusa Utara"]  # "Survei itu"
    assert "Survei terhadap pelaku usaha" in study.aliases  # whom it asked, as the next sentence tells
    assert fields["author"] == [CENTRE]
    assert fields["period"] == ["2026"]
    findings = list(by_type(found, "Finding").values())
    assert len(findings) == 1 and "28 persen" in values_of(findings[0])["text"][0]  # how it was made: no finding
    assert fields["findings"] == [findings[0].ident]


def test_a_study_told_by_its_results_or_research_from_a_centre() -> None:
    for words, label in (("Hasil kajian Pusat Studi", "Kajian Pusat Studi"),
                         ("Riset dari Pusat Studi", "Riset Pusat Studi")):
        body = DATA.replace("Data dari Pusat Studi", words).replace("menunjukkan", "mengungkap")
        body = body.replace("Survei itu dilakukan", "Kegiatan itu dilakukan")
        study = by_type(run(body), "Study")[label + " Ekonomi Kerakyatan Universitas Nusa Utara"]
        assert values_of(study)["author"] == [CENTRE], words
        assert values_of(study)["findings"], words


def test_data_of_a_centre_without_dari_or_the_latest_is_its_study_too() -> None:
    for words in ("Data Pusat Studi", "Data terbaru dari Pusat Studi", "Data terbaru Pusat Studi"):
        study = by_type(run(DATA.replace("Data dari Pusat Studi", words)), "Study")
        assert values_of(study["Data Pusat Studi Ekonomi Kerakyatan Universitas Nusa Utara"])["author"] == [CENTRE]


def test_data_from_a_government_body_is_its_records_not_a_study() -> None:
    body = DATA.replace("Pusat Studi Ekonomi Kerakyatan Universitas Nusa Utara", "Badan Pusat Statistik (BPS)")
    assert by_type(run(body), "Study") == {}


def test_a_head_written_before_the_name_pointing_back_is_the_centres_post_with_its_name() -> None:
    found = run(DATA)
    person = by_type(found, "Person")["Rahmat Hidayat"]  # "Dr." and "M.Si." off
    post = found.items[values_of(person)["holds"][0]]
    assert post.label == "Kepala pusat studi"  # the text's words; its usual name known_as, with the centre's
    assert values_of(post)["known_as"] == ["Kepala Pusat Studi Ekonomi Kerakyatan Universitas Nusa Utara"]
    assert post.ident == "kepala-pusat-studi-ekonomi-kerakyatan-universitas-nusa-utara"
    assert values_of(post)["post_in"] == [CENTRE]
    quote = next(i for i in found.items.values() if i.type == "IndirectQuote")
    assert values_of(quote)["speaker"] == ["rahmat-hidayat"]
    assert values_of(quote)["text"] == ["pendampingan masih dibutuhkan pelaku usaha kecil"]


def test_the_pointer_takes_the_last_centre_named_before_it() -> None:
    other = "Pusat Studi Pesisir Universitas Bunaken Raya juga meneliti hal serupa. "
    body = DATA.replace("Survei itu dilakukan", other + "Survei itu dilakukan")
    post = next(i for i in run(body).items.values() if i.type == "Post" and i.label.startswith("Kepala"))
    assert values_of(post)["known_as"] == ["Kepala Pusat Studi Pesisir Universitas Bunaken Raya"]

