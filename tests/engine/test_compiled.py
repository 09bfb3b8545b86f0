"""A compiled scenario shared by many conversations plays exactly like a fresh one per conversation."""

from __future__ import annotations

import random

import pytest

from simulator.engine import Content, Conversation, Language
from simulator.engine.compiled import CompiledScenario
from simulator.engine.machines import PhaseChart, PhaseMachine, PhaseTrigger
from simulator.engine.moves import Move, MoveBuilder
from simulator.engine.result import score
from simulator.engine.vocabulary import CloseTechnique, Phase
from simulator.scenario.bots import BOTS, play_bot
from simulator.scenario.loader import find_scenario, load_scenario

SCENARIOS = ["werkplekadvies_hofstede", "werkplekbeheer_dmu", "onderhandeling_transport", "acquisitie_werkkleding"]


def record(conv: Conversation) -> list[object]:
    """Everything a conversation produced, down to every judgement and mood."""
    return [conv.greeting, *conv.turns, score(conv).to_dict()]


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_a_shared_compiled_scenario_plays_every_bot_and_seed_like_a_fresh_one(scenario_id: str) -> None:
    content = load_scenario(find_scenario(scenario_id))
    shared = CompiledScenario(content)
    for name, spec in BOTS.items():
        for seed in range(8):
            fresh = Conversation(content, seed=seed)
            reused = Conversation(content, seed=seed, compiled=shared)
            play_bot(fresh, spec.play, random.Random(seed))
            play_bot(reused, spec.play, random.Random(seed))
            assert record(reused) == record(fresh), f"{name} seed {seed}"


def test_conversations_running_side_by_side_on_one_compiled_scenario_do_not_touch_each_other(
    content: Content,
) -> None:
    shared = CompiledScenario(content)
    pairs = [(Conversation(content, seed=s, compiled=shared), Conversation(content, seed=s)) for s in range(5)]
    rngs = [(random.Random(s), random.Random(s)) for s in range(5)]
    for conv, alone in pairs:
        conv.start()
        alone.start()
    while any(not conv.finished for conv, _ in pairs):
        for (conv, alone), (rng, rng_alone) in zip(pairs, rngs, strict=True):
            if not conv.finished:
                conv.choose(rng.choice(conv.offered).id)
                alone.choose(rng_alone.choice(alone.offered).id)
                assert (conv.phase, conv.stages.stage) == (alone.phase, alone.stages.stage)
    for conv, alone in pairs:
        assert record(conv) == record(alone)


def test_a_finished_conversation_keeps_its_phase_when_its_machine_model_is_reused(content: Content) -> None:
    shared = CompiledScenario(content)
    first = Conversation(content, seed=1, compiled=shared)
    play_bot(first, BOTS["expert"].play, random.Random(1))
    final_phase, final_stage = first.phase, first.stages.stage
    assert final_phase is Phase.RELATIE
    second = Conversation(content, seed=2, compiled=shared)
    second.start()
    assert second.phase is Phase.OPENING and second.stages.stage == "attention"
    assert (first.phase, first.stages.stage) == (final_phase, final_stage)


def test_a_released_phase_machine_refuses_to_move() -> None:
    chart = PhaseChart()
    machine = PhaseMachine(chart)
    machine.fire(PhaseTrigger.OPEN)
    machine.release()
    assert machine.phase is Phase.OPENING
    with pytest.raises(Exception, match="ended"):
        machine.jump(Phase.AFSLUITING)
    with pytest.raises(Exception, match="ended"):
        machine.fire(PhaseTrigger.ASK)
    again = PhaseMachine(chart)
    assert again.phase is Phase.VOORBEREIDING


def test_a_compiled_scenario_for_other_content_or_language_is_not_used(content: Content) -> None:
    other = load_scenario(find_scenario("acquisitie_werkkleding"))
    conv = Conversation(content, seed=3, compiled=CompiledScenario(other))
    assert conv.table.main.name == content.scenario.customer.name
    english = Conversation(content, seed=3, language=Language.EN, compiled=CompiledScenario(content))
    assert english.wording.language is Language.EN


@pytest.mark.parametrize("scenario_id", ["werkplekadvies_hofstede", "werkplekbeheer_dmu"])
def test_seeds_sharing_a_move_builder_word_every_move_as_their_own_builder_would(scenario_id: str) -> None:
    content = load_scenario(find_scenario(scenario_id))
    shared = CompiledScenario(content)
    surfaced = tuple(need.id for need in content.scenario.needs[:2])

    def wording(builder: MoveBuilder) -> list[Move]:
        moves = [*builder.smalltalk(), builder.agenda(), builder.transition(), builder.feature_dump()]
        moves += [builder.trial_close(), builder.next_step(), *builder.relatie()]
        moves += builder.closes(list(CloseTechnique), surfaced)
        if shared.table.is_meeting:
            moves += [builder.close_wrong(), *(builder.ask_wrong(need) for need in content.scenario.needs)]
        return moves

    seen = set()
    for seed in range(13):
        own = MoveBuilder(content, shared.wording, shared.table, variant=seed)
        assert wording(shared.moves_for(seed)[0]) == wording(own), f"seed {seed}"
        seen.add(tuple(move.text for move in wording(own)))
    assert len(seen) > 1, "the seed should choose among the authored variants"
