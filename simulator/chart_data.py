"""What the debrief chart shows, by customer turn: readiness, trust, signals, windows, marks and closes.

Shared by the window's chart and the HTML export (no pygame here).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from simulator.engine.vocabulary import MoveKind, SignalKind

if TYPE_CHECKING:
    from simulator.engine.conversation import Conversation


@dataclass(frozen=True)
class ChartData:
    """Everything the chart shows, by customer turn (turn 0 is the greeting)."""

    readiness: list[float]
    trust: list[float]
    buying_signals: list[int]
    interest_signals: list[int]
    windows: list[tuple[int, int]]
    marks: list[int]
    closes: list[int]
    outcome_turn: int | None


def chart_data(conv: Conversation) -> ChartData:
    """The chart's data from a (finished or abandoned) conversation."""
    customer_turns = ([conv.greeting] if conv.greeting is not None else []) + [t.reply for t in conv.turns]
    outcome_turn = next(
        (t.reply.number for t in conv.turns if {"order", "next_step"} & set(t.reply.events)),
        None,
    )
    return ChartData(
        readiness=[turn.mood.readiness for turn in customer_turns],
        trust=[turn.mood.trust for turn in customer_turns],
        buying_signals=[c.number for c in customer_turns if c.signal_kind is SignalKind.KOOPSIGNAAL],
        interest_signals=[c.number for c in customer_turns if c.signal_kind is SignalKind.INTERESSESIGNAAL],
        windows=[(w.shown_turn, w.last_turn) for w in conv.state.windows],
        marks=sorted(conv.marks),
        closes=[t.number - 1 for t in conv.turns if t.move.kind is MoveKind.AFSLUITING],
        outcome_turn=outcome_turn,
    )
