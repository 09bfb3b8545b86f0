"""A price negotiation at the close: the demand, concessions traded or given, the BAZO."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from simulator.engine import Content, Conversation
from simulator.engine.moves import Move
from simulator.engine.result import score
from simulator.engine.scoring import Check
from simulator.engine.vocabulary import CheckId, CloseTechnique, Outcome, Phase
from simulator.scenario.bots import BOTS
from simulator.scenario.loader import load_scenario

NEGOTIATION = Path(__file__).resolve().parents[1] / "fixtures" / "negotiation" / "scenario.yaml"


@pytest.fixture(scope="module")
def negotiation() -> Content:
    return load_scenario(NEGOTIATION)


def at_the_demand(content: Content, seed: int = 3) -> Conversation:
    """A conversation in which the student has just closed and the customer put the demand on the table."""
    conv = Conversation(content, seed=seed)
    conv.playtest_from(Phase.AFSLUITING, readiness=70)
    close = next(move.id for move in conv.offered if move.id.startswith("close:"))
    reply = conv.choose(close)
    assert "vijftien procent korting" in reply.text
    assert conv.state.negotiation is not None and conv.state.negotiation.is_open
    return conv


def put_on_offer(conv: Conversation, move: Move) -> None:
    """Put a move on offer (the offer is seeded; tests pick the move they are about)."""
    if move.id not in {m.id for m in conv.offered}:
        conv.offered.append(move)
        conv._judged[move.id] = conv.assessor.judge(move, conv.state, conv.phase)
        conv._values[move.id] = conv.assessor.value(conv._judged[move.id])


def offer(conv: Conversation, move_id: str) -> None:
    """Put a negotiation move on offer."""
    assert conv.state.negotiation is not None
    spec = next(s for s in conv.negotiator.move_specs(conv.state.negotiation) if s[0] == move_id)
    put_on_offer(conv, conv.builder.negotiate(*spec))


def play(conv: Conversation, *move_ids: str) -> str:
    reply = ""
    for move_id in move_ids:
        offer(conv, move_id)
        reply = conv.choose(move_id).text
    return reply


def onderhandelen(conv: Conversation) -> Check:
    return next(check for check in score(conv).checks if check.id is CheckId.ONDERHANDELEN)


def test_the_demand_blocks_the_order_until_it_is_settled(negotiation: Content) -> None:
    conv = at_the_demand(negotiation)
    offered = {m.id for m in conv.offered}
    assert "negotiate:probe" in offered
    assert any(move_id.startswith("negotiate:trade:") for move_id in offered)
    assert conv.state.outcome is None


def test_asking_behind_the_demand_then_trading_settles_above_the_bazo(negotiation: Content) -> None:
    conv = at_the_demand(negotiation)
    assert "budget voor dit jaar is krap" in play(conv, "negotiate:probe")
    play(conv, "negotiate:hold")
    reply = play(conv, "negotiate:trade:looptijd")
    assert "Goed, dan hebben we een afspraak." in reply
    assert conv.state.outcome is Outcome.ORDER
    result = score(conv)
    assert result.deal_value == 3420 - 100
    check = onderhandelen(conv)
    assert check.passed and check.score == pytest.approx(1.0), check


def test_a_concession_given_away_makes_the_customer_want_more(negotiation: Content) -> None:
    conv = at_the_demand(negotiation)
    reply = play(conv, "negotiate:give:looptijd")
    assert "Wat kunt u nog meer doen?" in reply
    status = conv.state.negotiation
    assert status is not None and status.needed == 15 + 10 * negotiation.rulebook.negotiation.gift_raises_demand
    assert status.is_open


def test_granting_the_whole_demand_costs_its_price_and_fails_the_check(negotiation: Content) -> None:
    conv = at_the_demand(negotiation)
    play(conv, "negotiate:discount")
    assert conv.state.outcome is Outcome.ORDER
    assert score(conv).deal_value == 3420 - 510
    check = onderhandelen(conv)
    assert check.detail == "below_bazo" and not check.passed
    assert any(j.reason == "below_bazo" for j in conv.turns[-1].judgements)
    resultaat = next(check for check in score(conv).checks if check.id is CheckId.RESULTAAT)
    assert (resultaat.detail, resultaat.score) == ("order_below_bazo", 0.0)


def test_holding_the_price_counts_only_once_the_interests_are_known(negotiation: Content) -> None:
    conv = at_the_demand(negotiation)
    play(conv, "negotiate:hold")
    status = conv.state.negotiation
    assert status is not None and (status.points, status.held) == (0, False)
    assert any(j.reason == "position_not_interest" for j in conv.turns[-1].judgements)
    play(conv, "negotiate:probe", "negotiate:hold")
    assert (status.points, status.held) == (negotiation.rulebook.negotiation.hold_value, True)


def test_no_buying_signal_while_the_demand_is_on_the_table(negotiation: Content) -> None:
    conv = at_the_demand(negotiation)
    conv.state.shift(0, 100, 0)
    rng = conv.rng
    turn = conv.state.customer_turn + 1
    assert conv.signals.emit(conv.state, Phase.AFSLUITING, turn, rng) is None
    assert conv.state.negotiation is not None
    conv.state.negotiation.settled_turn = turn
    shown = conv.signals.emit(conv.state, Phase.AFSLUITING, turn, rng)
    assert shown is not None and shown.kind.value == "koopsignaal"


def test_breaking_off_while_a_deal_is_possible_is_too_soon(negotiation: Content) -> None:
    conv = at_the_demand(negotiation)
    play(conv, "negotiate:break_off")
    assert conv.finished and conv.ended_by == "broken_off"
    assert conv.outcome is Outcome.GEEN_DEAL
    assert any(j.reason == "break_off_too_soon" for j in conv.turns[-1].judgements)
    assert not onderhandelen(conv).passed


def test_a_close_over_the_open_demand_repeats_it(negotiation: Content) -> None:
    conv = at_the_demand(negotiation)
    move = conv.builder.close(CloseTechnique.DIRECT, tuple(conv.state.surfaced()))
    put_on_offer(conv, move)
    reply = conv.choose(move.id)
    assert "demand_repeated" in reply.events
    assert conv.state.outcome is None
    assert any(j.reason == "close_over_demand" for j in conv.turns[-1].judgements)


def test_without_a_negotiation_the_check_does_not_count(content: Content) -> None:
    conv = Conversation(content, seed=1)
    conv.start()
    conv.choose(conv.offered[0].id)
    assert onderhandelen(conv).score is None


def test_the_expert_settles_by_trading(negotiation: Content) -> None:
    wins = 0
    for seed in range(20):
        conv = Conversation(negotiation, seed=seed)
        conv.start()
        rng = random.Random(seed)
        while not conv.finished:
            move_id, mark = BOTS["expert"].play(conv, rng)
            if mark:
                conv.mark_signal()
            conv.choose(move_id)
        status = conv.state.negotiation
        assert status is not None and not status.given and not status.discounted
        wins += conv.outcome is Outcome.ORDER
    assert wins >= 18
