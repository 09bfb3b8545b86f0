"""A DMU meeting: several people at the table, each with their own type, needs and say in the decision."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from simulator.engine import Content, Conversation
from simulator.engine.result import score
from simulator.engine.vocabulary import CheckId, Outcome
from simulator.scenario.bots import BOTS
from simulator.scenario.loader import load_scenario

MEETING = Path(__file__).resolve().parents[1] / "fixtures" / "meeting" / "scenario.yaml"


@pytest.fixture(scope="module")
def meeting() -> Content:
    return load_scenario(MEETING)


def offered(conv: Conversation) -> dict[str, str]:
    return {move.id: move.text for move in conv.offered}


def until_offered(meeting: Content, move_id: str) -> Conversation:
    """A fresh conversation whose first offer contains ``move_id`` (after the agenda)."""
    for seed in range(50):
        conv = Conversation(meeting, seed=seed)
        conv.start()
        conv.choose("agenda") if "agenda" in offered(conv) else None
        if move_id in offered(conv):
            return conv
    raise AssertionError(f"{move_id} never offered")


def test_everyone_has_a_mood_and_the_group_is_weighted_by_their_say(meeting: Content) -> None:
    conv = Conversation(meeting, seed=1)
    anna, kees = conv.state.people["anna"], conv.state.people["kees"]
    say = meeting.rulebook.dmu.influence
    expected = (say["beslisser"] * anna.readiness + say["gebruiker"] * kees.readiness) / (
        say["beslisser"] + say["gebruiker"]
    )
    assert conv.state.mood.readiness == pytest.approx(expected)
    assert (anna.trust, kees.trust) == (40, 45)


def test_a_question_goes_to_the_person_whose_need_it_is(meeting: Content) -> None:
    conv = until_offered(meeting, "ask:storingen")
    assert offered(conv)["ask:storingen"].startswith("Aan Kees Vos: ")
    reply = conv.choose("ask:storingen")
    assert reply.speaker == "Kees Vos"
    assert reply.text == "Hij is nogal eens lastig."
    assert conv.state.needs["storingen"].value == "surfaced"
    assert conv.turns[-1].judgements[-1].check is CheckId.DMU


def test_asking_the_wrong_person_is_deflected_and_surfaces_nothing(meeting: Content) -> None:
    conv = until_offered(meeting, "ask_wrong:storingen")
    assert offered(conv)["ask_wrong:storingen"].startswith("Aan Anna Bakker: ")
    before = conv.state.people["anna"].trust
    reply = conv.choose("ask_wrong:storingen")
    assert reply.speaker == "Anna Bakker"
    assert "Dat kan Kees Vos u beter vertellen" in reply.text
    assert conv.state.needs["storingen"].value == "hidden"
    assert conv.state.people["anna"].trust < before


def test_a_close_to_someone_who_does_not_decide_is_sent_on(meeting: Content) -> None:
    for seed in range(80):
        conv = Conversation(meeting, seed=seed)
        random_until(conv, "close_wrong", random.Random(seed))
        if "close_wrong" in offered(conv):
            reply = conv.choose("close_wrong")
            assert reply.speaker == "Kees Vos"
            assert "Daar gaat Anna Bakker over" in reply.text
            assert conv.state.outcome is None
            return
    raise AssertionError("close_wrong never offered")


def random_until(conv: Conversation, move_id: str, rng: random.Random) -> None:
    conv.start()
    while not conv.finished and move_id not in offered(conv):
        conv.choose(rng.choice([m.id for m in conv.offered if m.id != move_id]))


def test_someone_not_convinced_blocks_the_close(meeting: Content) -> None:
    conv = Conversation(meeting, seed=2)
    conv.playtest_from(conv.phase.AFSLUITING, readiness=90)
    conv.state.people["kees"].readiness = 10
    conv.state.regroup()
    conv.offered, conv._judged, conv._values = conv.offers.offer(conv.state, conv.phase, conv.rng)
    close = next(move.id for move in conv.offered if move.id.startswith("close:"))
    assert offered(conv)[close].startswith("Aan Anna Bakker: ")
    reply = conv.choose(close)
    assert "Wie lost het op als hij weer stilstaat?" in reply.text
    assert "veto:kees" in reply.events
    assert conv.state.outcome is None
    assert any(j.reason == "close_over_veto" for j in conv.turns[-1].judgements)


def test_the_expert_wins_the_meeting_and_the_over_closer_fails_the_dmu_check(meeting: Content) -> None:
    for name, wins in (("expert", True), ("over-closer", False)):
        conv = Conversation(meeting, seed=4)
        conv.start()
        rng = random.Random(4)
        while not conv.finished:
            move_id, mark = BOTS[name].play(conv, rng)
            if mark:
                conv.mark_signal()
            conv.choose(move_id)
        result = score(conv)
        dmu = next(check for check in result.checks if check.id is CheckId.DMU)
        assert (result.outcome is Outcome.ORDER) is wins
        assert dmu.passed is wins, dmu


def test_a_conversation_with_one_person_has_no_dmu_check(content: Content) -> None:
    conv = Conversation(content, seed=1)
    conv.start()
    assert conv.state.people == {}
    assert all(not move.text.startswith("Aan ") for move in conv.offered)
    conv.choose(conv.offered[0].id)
    dmu = next(check for check in score(conv).checks if check.id is CheckId.DMU)
    assert dmu.score is None
