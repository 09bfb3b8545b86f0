"""Scripted players for tests: a strong student and one with the bad habits of DOMAIN.md §1.

Both act only on what a student sees (the offered moves and the customer's last turn), with one
exception made explicit: the strong student recognises a buying signal when one is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from simulator.engine import Conversation, Move
from simulator.engine.vocabulary import Phase, SignalKind

Policy = Callable[[Conversation], str]
GOOD_TECHNIQUES = ("compensatie", "bevestigen", "boemerang", "ja_en", "uitstel")


def first(moves: list[Move], *prefixes: str) -> str | None:
    """The first offered move whose id starts with one of the prefixes, in prefix order."""
    for prefix in prefixes:
        for move in moves:
            if move.id.startswith(prefix):
                return move.id
    return None


def _signal_recent(conv: Conversation) -> bool:
    recent = conv.turns[-2:]
    return any(t.reply.signal_kind is SignalKind.KOOPSIGNAAL for t in recent)


def strong(conv: Conversation, allowed: list[Move] | None = None) -> str:
    """Agenda, open questions, probe every hook, summarise, argue full chains, close on a signal."""
    offered = conv.offered if allowed is None else allowed
    if conv.phase is Phase.RELATIE:
        return first(offered, "aftersales", "follow_up", "goodbye") or offered[0].id
    handling = first(offered, *(f"objection:{oid}:doorvragen" for oid in conv.state.objections))
    handling = handling or first(
        offered, *(f"objection:{oid}:{t}" for t in GOOD_TECHNIQUES for oid in conv.state.objections)
    )
    if handling:
        return handling
    if _signal_recent(conv) and (
        close := first(offered, "close:samenvattend", "close:aanname", "close:alternatief", "close:direct")
    ):
        return close
    if answer := first(offered, "answer:"):
        return answer
    surfaced = len(conv.state.surfaced())
    explored = sum(1 for t in conv.turns if t.move.id.startswith("probe:"))
    prefer = ["agenda", "probe:", "summary:right"] if surfaced >= 2 else ["agenda", "probe:"]
    if explored < 4:
        prefer.append("ask:")
    prefer += ["imply:", "transition", "argue:", "trial_close", "ask:", "next_step"]
    return first(offered, *prefer) or offered[0].id


def bad_habits(conv: Conversation) -> str:
    """The five habits of DOMAIN.md §1 on top of an otherwise decent student: pitch before asking, never
    follow up a hook, a wrong summary, close before any signal, talk on after a signal."""
    offered, used = conv.offered, [t.move.id for t in conv.turns]
    if not used and (pitch := first(offered, "opening_pitch")):
        return pitch
    if conv.state.open_window() is not None:
        return first(offered, "argue:", "ask:", "feature_dump", "lead:", "transition", "smalltalk", "summary") or next(
            m.id for m in offered if not m.id.startswith("close:")
        )
    if not any(m.startswith("summary:") for m in used) and (wrong := first(offered, "summary:wrong")):
        return wrong
    early = not conv.state.windows and len(used) >= 4 and not any(m.startswith("close:") for m in used)
    if early and (close := first(offered, "close:direct")):
        return close
    decent = [m for m in offered if not m.id.startswith(("probe:", "summary:right", "imply:"))] or offered
    return strong(conv, decent)


def play(conv: Conversation, policy: Policy, mark_signals: bool = False, preparation: list[str] | None = None) -> None:
    """Play a conversation to the end with a policy."""
    if preparation:
        conv.prepare(preparation)
    conv.start()
    while not conv.finished:
        last = conv.turns[-1].reply if conv.turns else None
        if mark_signals and last is not None and last.signal_kind is SignalKind.KOOPSIGNAAL:
            conv.mark_signal()
        conv.choose(policy(conv))
