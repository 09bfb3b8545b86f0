"""Authored lines the engine can never say or offer, for the linter's ``never-said`` warning.

These depend on the model, not on chance: a line that the rules in the rulebook and the typology rule
out in every conversation. (Lines that are merely rare show up in ``salesim analyze`` as unseen.)
"""

from __future__ import annotations

from collections.abc import Iterator

from simulator.engine.content import Content
from simulator.engine.vocabulary import EffectKey, ObjectionType, Technique
from simulator.scenario.problems import KeyPath


def never_said(content: Content) -> Iterator[tuple[KeyPath, str]]:
    """(where, why) for each authored line or move the engine can never use with this rulebook and type."""
    scenario, rulebook = content.scenario, content.rulebook
    if scenario.customer_lines.repeat:
        yield ("customer_lines", "repeat"), "never said: the game never offers a move a second time"
    codes = {scenario.customer.typology, *(person.typology for person in scenario.participants)}
    dislike = all(EffectKey.SUGGESTIEVE_VRAAG in content.typology.types[code].dislikes for code in codes)
    if scenario.customer_lines.closed_answer and dislike:
        types = " and ".join(sorted(codes))
        why = (
            f"never said: type {types} dislikes suggestive questions and answers a leading question with a "
            "'suggestive' line instead"
        )
        yield ("customer_lines", "closed_answer"), why
    table = rulebook.techniques.get(ObjectionType.VALS, {})
    answers_work = any(
        effect >= rulebook.objection_handling.success
        for technique, effect in table.items()
        if technique is not Technique.DOORVRAGEN
    )
    for index, objection in enumerate(scenario.objections):
        if objection.type is ObjectionType.VALS and objection.resolved is not None and not answers_work:
            why = (
                "never said: no answer takes a pretext away in this rulebook; probing it brings up the "
                "objection it hides instead (leave 'resolved' out)"
            )
            yield ("objections", index, "resolved"), why
