"""The conversation engine: turns, determinism, errors, preparation, marks, the machines."""

from __future__ import annotations

import random

import pytest

from simulator.engine import Content, Conversation, IllegalMoveError, PreparationError, SessionOverError
from simulator.engine.machines import PhaseMachine, PhaseTrigger, StageMachine
from simulator.engine.result import score
from simulator.engine.signal_stats import signal_stats
from simulator.engine.vocabulary import NeedState, Outcome, Phase
from tests.playbook import play, strong


def random_play(conv: Conversation, rng: random.Random, mark_chance: float = 0.2) -> None:
    """Play to the end with random offered moves and random signal marks."""
    conv.start()
    while not conv.finished:
        if rng.random() < mark_chance:
            conv.mark_signal()
        conv.choose(rng.choice(conv.offered).id)


def transcript(conv: Conversation) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [(t.move.id, t.reply.text, t.reply.cue, tuple(m.id for m in t.offered)) for t in conv.turns]


def test_same_seed_and_moves_give_the_same_conversation_and_score(content: Content) -> None:
    first, second = Conversation(content, seed=42), Conversation(content, seed=42)
    random_play(first, random.Random(7))
    random_play(second, random.Random(7))
    assert transcript(first) == transcript(second)
    assert score(first).to_dict() == score(second).to_dict()


def test_the_same_game_in_another_process_with_another_hash_seed_is_identical() -> None:
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    lines = "\n" + "\n".join(str(1 + (i * 5) % 4) for i in range(40)) + "\n"

    def run(hash_seed: str) -> dict[str, object]:
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        command = [
            sys.executable,
            "-m",
            "simulator",
            "play",
            "werkplekadvies_hofstede",
            "--text",
            "--seed",
            "9",
            "--json",
        ]
        done = subprocess.run(command, input=lines, capture_output=True, text=True, cwd=root, env=env, timeout=60)
        assert done.returncode == 0, done.stderr
        result: dict[str, object] = json.loads(done.stdout)
        return result

    assert run("1") == run("2")


def test_another_seed_offers_other_moves(content: Content) -> None:
    def first_offer(seed: int) -> tuple[str, ...]:
        conv = Conversation(content, seed=seed)
        conv.start()
        return tuple(m.id for m in conv.offered)

    assert len({first_offer(seed) for seed in range(8)}) > 1


def test_the_greeting_opens_and_offers_four_to_seven_moves(content: Content) -> None:
    conv = Conversation(content, seed=1)
    greeting = conv.start()
    assert greeting.number == 0 and greeting.text
    assert conv.phase is Phase.OPENING
    assert 4 <= len(conv.offered) <= 7
    assert len({m.id for m in conv.offered}) == len(conv.offered)


def test_every_turn_offers_four_to_seven_moves(content: Content) -> None:
    for seed in range(30):
        conv = Conversation(content, seed=seed)
        conv.start()
        rng = random.Random(seed)
        while not conv.finished:
            assert 4 <= len(conv.offered) <= 7, (seed, len(conv.turns), conv.phase)
            conv.choose(rng.choice(conv.offered).id)
    conv = Conversation(content, seed=0)
    play(conv, strong, mark_signals=True)
    assert any(t.phase is Phase.RELATIE for t in conv.turns)


def test_a_move_not_offered_is_refused(content: Content) -> None:
    conv = Conversation(content, seed=1)
    conv.start()
    with pytest.raises(IllegalMoveError):
        conv.choose("close:does_not_exist")


def test_no_moves_after_the_end(content: Content) -> None:
    conv = Conversation(content, seed=1)
    conv.start()
    conv.abandon()
    assert conv.finished and conv.outcome is Outcome.AFGEBROKEN
    with pytest.raises(SessionOverError):
        conv.choose(conv.offered[0].id if conv.offered else "agenda")
    assert score(conv).outcome is Outcome.AFGEBROKEN


def test_preparation_respects_the_budget(content: Content) -> None:
    options = content.scenario.preparation.options
    conv = Conversation(content, seed=1)
    with pytest.raises(PreparationError):
        conv.prepare([o.id for o in options])
    with pytest.raises(PreparationError):
        conv.prepare(["no_such_option"])


def test_preparation_changes_the_start_and_reveals_needs(content: Content) -> None:
    option = next(o for o in content.scenario.preparation.options if o.reveals_needs)
    conv = Conversation(content, seed=1)
    before = conv.state.mood.trust
    conv.prepare([option.id])
    assert conv.state.mood.trust == pytest.approx(min(100, before + option.effect.trust))
    conv.start()
    conv.choose("agenda") if any(m.id == "agenda" for m in conv.offered) else None
    if conv.phase is Phase.INFORMATIE:
        asked = {m.id for m in conv.offered if m.id.startswith("ask:")}
        assert f"ask:{option.reveals_needs[0]}" in asked


def test_a_turn_can_be_marked_once(content: Content) -> None:
    conv = Conversation(content, seed=1)
    conv.start()
    assert conv.mark_signal() is True
    assert conv.mark_signal() is False
    assert conv.marks == [0]


def test_asking_surfaces_and_probing_explores_a_need(content: Content) -> None:
    need = content.scenario.needs[0]
    conv = Conversation(content, seed=3)
    conv.start()
    conv.offered = [conv.builder.ask(need)] + conv.offered
    reply = conv.choose(f"ask:{need.id}")
    assert conv.state.needs[need.id] is NeedState.SURFACED
    assert f"hook:{need.id}" in reply.informative
    conv.offered = [conv.builder.probe(need)] + conv.offered
    conv.choose(f"probe:{need.id}")
    assert conv.state.needs[need.id] is NeedState.EXPLORED


def test_an_interest_question_can_be_answered_and_is_no_buying_signal(content: Content) -> None:
    question = next(s for s in content.scenario.signals if s.answer is not None)
    conv = Conversation(content, seed=4)
    conv.start()
    conv.state.shown_signals[question.id] = conv.state.customer_turn
    conv.offered, _, _ = conv.offers.offer(conv.state, conv.phase, conv.rng)
    assert f"answer:{question.id}" in [m.id for m in conv.offered]
    assert question.kind.value == "interessesignaal"
    conv.mark_signal()
    conv.choose(f"answer:{question.id}")
    assert signal_stats(conv).false_alarms == 1, "marking an interest signal is a false alarm"


def test_questions_alone_cannot_make_the_customer_ready(content: Content) -> None:
    conv = Conversation(content, seed=3)
    conv.start()
    ceiling = content.rulebook.buying_situations[content.scenario.buying_situation].question_ceiling
    conv.state.mood.readiness = ceiling
    need = content.scenario.needs[0]
    conv.offered = [conv.builder.ask(need)] + conv.offered
    conv.choose(f"ask:{need.id}")
    assert conv.state.mood.readiness <= ceiling


def test_strong_play_surfaces_signals_and_wins_the_order(content: Content) -> None:
    conv = Conversation(content, seed=0)
    play(conv, strong, mark_signals=True)
    assert conv.outcome is Outcome.ORDER
    assert conv.state.windows, "a buying signal should have been shown"


def test_the_phase_machine_only_fires_allowed_triggers() -> None:
    machine = PhaseMachine()
    assert machine.phase is Phase.VOORBEREIDING
    assert machine.fire(PhaseTrigger.WIN) is False
    assert machine.fire(PhaseTrigger.OPEN) is True and machine.phase is Phase.OPENING
    assert machine.fire(PhaseTrigger.PRESENT) and machine.phase is Phase.TRANSFORMATIE
    assert machine.fire(PhaseTrigger.EXPLORE) and machine.phase is Phase.INFORMATIE
    assert not machine.can(PhaseTrigger.RESUME)


def test_the_stage_machine_follows_readiness(content: Content) -> None:
    stages = StageMachine(content.rulebook.buying_models["aida"])
    assert stages.stage == "attention"
    stages.follow(70)
    assert stages.stage == "action"
    stages.follow(30)
    assert stages.stage == "interest"


def test_typology_changes_how_small_talk_lands(content: Content) -> None:
    def trust_after_smalltalk(code: str) -> float:
        customer = content.scenario.customer.model_copy(update={"typology": code})
        variant = content.model_copy(update={"scenario": content.scenario.model_copy(update={"customer": customer})})
        conv = Conversation(variant, seed=5)
        conv.start()
        move = next(m for m in conv.builder.smalltalk())
        conv.offered = [move]
        conv.choose(move.id)
        return conv.state.mood.trust - content.scenario.customer.start.trust

    assert trust_after_smalltalk("S") > trust_after_smalltalk("A") > 0
    assert trust_after_smalltalk("S") > trust_after_smalltalk("D")


def test_a_premature_close_raises_the_pretext(content: Content) -> None:
    conv = Conversation(content, seed=2)
    conv.start()
    close = next(m for m in conv.offered if m.id.startswith("close:"))
    reply = conv.choose(close.id)
    pretext = next(o for o in content.scenario.objections if o.type.value == "vals")
    assert f"objection_raised:{pretext.id}" in reply.events
    probe = conv.builder.handle(pretext)[0]
    conv.offered = [probe] + conv.offered
    reply = conv.choose(probe.id)
    assert f"objection_raised:{pretext.hides}" in reply.events
    assert conv.state.open_objection() == pretext.hides
