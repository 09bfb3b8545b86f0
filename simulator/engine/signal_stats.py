"""Signal detection figures: per buying signal a hit or a miss, false alarms, rates and d′."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist
from typing import TYPE_CHECKING

from simulator.engine.vocabulary import MoveKind, SignalChannel, SignalKind

if TYPE_CHECKING:
    from simulator.engine.conversation import Conversation

_Z = NormalDist()


@dataclass(frozen=True, slots=True)
class SignalRow:
    """One buying signal: when it showed and what the student did with it."""

    signal_id: str
    channel: SignalChannel
    shown_turn: int
    window_end: int
    marked_turn: int | None
    closed_move: int | None

    @property
    def hit(self) -> bool:
        """Marked or closed on within the window."""
        return self.marked_turn is not None or self.closed_in_window

    @property
    def closed_in_window(self) -> bool:
        """A close answered a customer turn inside the window."""
        return self.closed_move is not None

    @property
    def latency(self) -> int | None:
        """Customer turns between the signal and the first mark or close on it."""
        responses = [
            t for t in (self.marked_turn, None if self.closed_move is None else self.closed_move - 1) if t is not None
        ]
        return min(responses) - self.shown_turn if responses else None

    @property
    def decided_move(self) -> int | None:
        """The move number that decided this row (the mark's next move, or the close)."""
        if self.marked_turn is not None:
            return self.marked_turn + 1
        return self.closed_move


@dataclass(frozen=True, slots=True)
class SignalStats:
    """The signal table and its summary figures."""

    rows: tuple[SignalRow, ...]
    signals: int
    hits: int
    noise_turns: int
    false_alarms: int
    false_alarm_moves: tuple[int, ...]
    interest_marked: tuple[str, ...]
    hit_rate: float
    false_alarm_rate: float
    dprime: float


def signal_stats(conv: Conversation) -> SignalStats:
    """Compute the signal table of a conversation."""
    state = conv.state
    closes = {t.number - 1: t.number for t in conv.turns if t.move.kind is MoveKind.AFSLUITING}
    rows = []
    for window in state.windows:
        marked = next((m for m in conv.marks if window.covers(m)), None)
        closed = next((closes[c] for c in sorted(closes) if window.covers(c)), None)
        channel = conv.signals.by_id[window.signal_id].channel
        rows.append(SignalRow(window.signal_id, channel, window.shown_turn, window.last_turn, marked, closed))
    last_turn = state.customer_turn
    covered = {t for w in state.windows for t in range(w.shown_turn, w.last_turn + 1)}
    noise = [t for t in range(0, last_turn + 1) if t not in covered]
    alarms = sorted(
        {t for t in conv.marks if t not in covered} | {t for t in closes if t not in covered and t <= last_turn}
    )
    interest = {
        turn: sid
        for sid, turn in state.shown_signals.items()
        if conv.signals.by_id[sid].kind is SignalKind.INTERESSESIGNAAL
    }
    hits = sum(1 for row in rows if row.hit)
    hit_rate = (hits + 0.5) / (len(rows) + 1)
    fa_rate = (len(alarms) + 0.5) / (len(noise) + 1)
    return SignalStats(
        rows=tuple(rows),
        signals=len(rows),
        hits=hits,
        noise_turns=len(noise),
        false_alarms=len(alarms),
        false_alarm_moves=tuple(t + 1 for t in alarms),
        interest_marked=tuple(interest[t] for t in alarms if t in interest),
        hit_rate=round(hits / len(rows), 3) if rows else 0.0,
        false_alarm_rate=round(len(alarms) / len(noise), 3) if noise else 0.0,
        dprime=_Z.inv_cdf(hit_rate) - _Z.inv_cdf(fa_rate),
    )
