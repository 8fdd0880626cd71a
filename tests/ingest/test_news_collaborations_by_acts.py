"""News paragraphs written for these tests (invented cooperatives, offices and trials, real regions of
Papua): collaborations told by what the parties do together ("A bersama B menuntaskan uji coba …"),
an appointment made through an office ("A menunjuk B … melalui Dinas C"), the trial they held as
an event, and the group it was for. Each test says what must and must not be proposed."""

from __future__ import annotations

from kg.ingest.model import Proposals
from tests.ingest.test_rules import run, values_of

JAYAPURA = (
    "JAYAPURA, PAPUAKINI.COM - Pemprov Papua menunjuk Koperasi Noken Digital sebagai pengelola pasar daring melalui "
    "Dinas Perindustrian Provinsi Papua.\n"
    "Koperasi Noken Digital bersama Bank Papua menuntaskan uji coba katalog digital bagi 60 pedagang Pasar Hamadi.\n"
    "Koperasi Mambruk tidak menuntaskan uji coba aplikasi kasir.\n")


def collaborations_of(found: Proposals) -> dict[tuple[str, ...], dict[str, list[object]]]:
    return {tuple(str(v.value) for v in i.fields["participants"]):
            {k: v for k, v in values_of(i).items() if k != "participants"}
            for i in found.items.values() if i.type == "Collaboration"}


def test_a_collaboration_by_a_finished_trial_and_an_appointment_through_an_office() -> None:
    found = run(JAYAPURA)
    told = collaborations_of(found)
    assert told[("koperasi-noken-digital", "bank-papua")] == {
        "resulted_in": ["uji-coba-katalog-digital"], "target_groups": ["pedagang-pasar-hamadi"],
        "status": ["completed"]}  # "menuntaskan"
    assert told[("pemprov-papua", "koperasi-noken-digital")]["acting_through"] == ["dinas-perindustrian-provinsi-papua"]
    assert len(told) == 2  # the office is no party


def test_the_trial_is_an_event_of_both_and_the_group_is_at_its_market() -> None:
    found = run(JAYAPURA)
    trial = found.items["uji-coba-katalog-digital"]
    assert trial.type == "Event"
    assert sorted(v.value for v in trial.fields["organizer"]) == ["bank-papua", "koperasi-noken-digital"]
    assert [v.value for v in found.items["pedagang-pasar-hamadi"].fields["location"]] == ["pasar-hamadi"]
    assert "uji-coba-aplikasi-kasir" not in found.items  # not finished: no event
