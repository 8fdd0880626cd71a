"""A joint plan given up, told in one sentence ("rencana A dan B membangun X gagal terwujud") or over two
("… Pembahasannya dihentikan pada Agustus lalu, dan kerja sama itu dinyatakan batal"): one collaboration of
the two, cancelled, the cue its evidence; a plan no sentence says was given up is no collaboration here."""

from __future__ import annotations

from tests.ingest.test_rules import collaborations, run

PARTIES = ["pemkab-donggala", "pt-lembah-data-nusantara"]
LEAD = "PALU, SULTENGKINI.COM - Pemerintah Kabupaten (Pemkab) Donggala terus mendorong digitalisasi desa.\n"
ONE = "Adapun rencana Pemkab Donggala dan PT Lembah Data Nusantara membangun gudang data desa gagal terwujud.\n"
TWO = ("Adapun rencana Pemkab Donggala dan PT Lembah Data Nusantara membangun gudang data desa sempat dibahas. "
       "Pembahasannya dihentikan pada Agustus lalu, dan kerja sama itu dinyatakan batal.\n")


def _cue(body: str) -> str:
    found = run(LEAD + body)
    item = next(i for i in found.items.values() if i.type == "Collaboration")
    span = item.fields["status"][0].span
    return found.text[span.start:span.end]


def test_a_joint_plan_that_failed_is_one_cancelled_collaboration_with_its_cue() -> None:
    assert collaborations(run(LEAD + ONE)) == [(PARTIES, "cancelled")]
    assert _cue(ONE) == "gagal terwujud"
    for cue in ("urung", "kandas", "tidak dilanjutkan", "batal"):
        assert collaborations(run(LEAD + ONE.replace("gagal terwujud", cue))) == [(PARTIES, "cancelled")], cue
    both = ONE.rstrip("\n") + " Pembahasannya dihentikan, dan kerja sama itu dinyatakan batal.\n"
    assert collaborations(run(LEAD + both)) == [(PARTIES, "cancelled")]  # told again: still one


def test_a_joint_plan_given_up_in_the_next_sentence_is_cancelled_not_planned() -> None:
    assert collaborations(run(LEAD + TWO)) == [(PARTIES, "cancelled")]
    assert _cue(TWO) == "batal"
    later = TWO.replace("Pembahasannya dihentikan pada Agustus lalu, dan kerja sama itu dinyatakan batal",
                        "Namun, rencana itu akhirnya kandas pada Agustus lalu")
    assert collaborations(run(LEAD + later)) == [(PARTIES, "cancelled")]
    dated = TWO.replace("Pembahasannya dihentikan pada Agustus lalu, dan kerja sama itu dinyatakan batal",
                        "Pada Agustus lalu, rencana tersebut resmi dibatalkan")
    assert collaborations(run(LEAD + dated)) == [(PARTIES, "cancelled")]  # after a time and a comma


def test_a_joint_plan_no_sentence_gives_up_proposes_nothing_here() -> None:
    going = TWO.replace(", dan kerja sama itu dinyatakan batal", ", dan kerja sama itu masih dikaji")
    assert collaborations(run(LEAD + going)) == []
    talked = TWO.replace("Pembahasannya dihentikan pada Agustus lalu, dan kerja sama itu dinyatakan batal",
                         "Pada Agustus lalu, rencana tersebut masih dibahas")
    assert collaborations(run(LEAD + talked)) == []
    elsewhere = TWO.replace(", dan kerja sama itu dinyatakan batal", ". Festival desa tahun ini batal digelar")
    assert collaborations(run(LEAD + elsewhere)) == []  # a cancellation that does not point back to the plan
