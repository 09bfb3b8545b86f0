"""Bot players for ``salesim analyze``: how hard is a scenario, and does the rubric blame bad habits?

Each bot picks one of the offered moves per turn and may mark a buying signal first. ``greedy`` sees only
what a student sees (the words, the gesture, the moves); ``expert`` uses the hidden state (the assessor's
judgement of every offered move, and whether a real buying signal was shown): the best the scenario allows.
The bad-habit bots play like the expert except for their one habit.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from simulator.engine import Conversation, Move
from simulator.engine.vocabulary import CheckId, MoveKind, SignalKind

Choice = tuple[str, bool]
Bot = Callable[[Conversation, random.Random], Choice]


@dataclass(frozen=True)
class BotSpec:
    """A bot and the rubric check that should blame its habit (None for the reference bots)."""

    play: Bot
    habit_check: CheckId | None


def _best(conv: Conversation, moves: list[Move]) -> str:
    return max(moves or conv.offered, key=conv.value).id


def _buying_signal_shown(conv: Conversation) -> bool:
    last = conv.turns[-1].reply if conv.turns else conv.greeting
    return last is not None and last.signal_kind is SignalKind.KOOPSIGNAAL


def random_bot(conv: Conversation, rng: random.Random) -> Choice:
    """Any offered move; marks a signal one turn in ten."""
    return rng.choice(conv.offered).id, rng.random() < 0.1


def greedy_bot(conv: Conversation, rng: random.Random) -> Choice:
    """Plays on what a student sees: follows up hooks, answers questions, closes once something happens."""
    last = conv.turns[-1].reply if conv.turns else None
    something = last is not None and last.signal_id is not None
    order: tuple[str, ...] = (
        "objection:",
        "negotiate:probe",
        "negotiate:trade:",
        "negotiate:hold",
        "answer:",
        "probe:",
        "summary:right",
        "ask:",
        "imply:",
        "transition",
        "argue:",
    )
    if something:
        order = ("objection:", "close:", *order)
    for prefix in order:
        for move in conv.offered:
            if move.id.startswith(prefix):
                return move.id, something
    return conv.offered[0].id, something


def expert_bot(conv: Conversation, rng: random.Random) -> Choice:
    """The highest-valued offered move by the rubric; marks every real buying signal."""
    return _best(conv, conv.offered), _buying_signal_shown(conv)


def _expert_without(kinds: frozenset[MoveKind]) -> Bot:
    def play(conv: Conversation, rng: random.Random) -> Choice:
        allowed = [m for m in conv.offered if m.kind not in kinds]
        return _best(conv, allowed), _buying_signal_shown(conv)

    return play


def pitcher_bot(conv: Conversation, rng: random.Random) -> Choice:
    """Argues before asking: pitches and lists features until the customer stops it."""
    pitches = [m for m in conv.offered if m.kind in (MoveKind.KENMERKEN_OPSOMMEN, MoveKind.ARGUMENT)]
    if pitches and len(conv.turns) < 4:
        return pitches[0].id, False
    return expert_bot(conv, rng)


def over_closer_bot(conv: Conversation, rng: random.Random) -> Choice:
    """Closes whenever a close is on offer."""
    closes = [m for m in conv.offered if m.kind is MoveKind.AFSLUITING]
    if closes:
        return closes[0].id, _buying_signal_shown(conv)
    return expert_bot(conv, rng)


BOTS: dict[str, BotSpec] = {
    "random": BotSpec(random_bot, None),
    "greedy": BotSpec(greedy_bot, None),
    "expert": BotSpec(expert_bot, None),
    "pitcher": BotSpec(pitcher_bot, CheckId.FASEDISCIPLINE),
    "no-followup": BotSpec(
        _expert_without(frozenset({MoveKind.DOORVRAAG, MoveKind.IMPLICATIEVRAAG})), CheckId.DOORVRAGEN
    ),
    "never-closer": BotSpec(
        _expert_without(frozenset({MoveKind.AFSLUITING, MoveKind.VERVOLGAFSPRAAK})), CheckId.AFSLUITMOMENT
    ),
    "over-closer": BotSpec(over_closer_bot, CheckId.AFSLUITMOMENT),
}


def play_bot(conv: Conversation, bot: Bot, rng: random.Random) -> None:
    """Play a conversation to the end with a bot."""
    conv.start()
    while not conv.finished:
        move_id, mark = bot(conv, rng)
        if mark:
            conv.mark_signal()
        conv.choose(move_id)
