"""Channels: on the telephone the student hears the customer, and a call is shorter than a visit."""

from __future__ import annotations

import random

from simulator.engine import Content, Conversation
from simulator.engine.vocabulary import Channel
from tests.engine.test_conversation import random_play


def on(content: Content, channel: Channel) -> Content:
    scenario = content.scenario.model_copy(update={"channel": channel, "max_turns": None})
    return content.model_copy(update={"scenario": scenario})


def test_on_the_telephone_every_cue_is_one_the_student_can_hear(content: Content) -> None:
    rules = content.rulebook.channels[Channel.TELEFOON_ACTIEF]
    seen: set[str] = set()
    for seed in range(30):
        conv = Conversation(on(content, Channel.TELEFOON_ACTIEF), seed=seed)
        random_play(conv, random.Random(seed))
        seen |= {turn.reply.cue for turn in conv.turns}
    assert seen <= rules.audible()
    assert len(seen) >= 4, seen


def test_face_to_face_shows_body_language(content: Content) -> None:
    conv = Conversation(on(content, Channel.FACE_TO_FACE), seed=3)
    random_play(conv, random.Random(3))
    assert {turn.reply.cue for turn in conv.turns} & {"crosses_arms", "listens", "smiles", "checks_watch"}


def test_a_call_has_fewer_turns_than_a_visit(content: Content) -> None:
    limit = content.rulebook.buying_situations[content.scenario.buying_situation].turn_limit
    factor = content.rulebook.channels[Channel.TELEFOON_PASSIEF].turn_factor
    assert factor < 1
    assert Conversation(on(content, Channel.FACE_TO_FACE)).max_turns == limit
    assert Conversation(on(content, Channel.TELEFOON_PASSIEF)).max_turns == round(limit * factor)
