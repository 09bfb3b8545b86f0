"""Buying and interest signals: when the customer shows them, and the windows they open."""

from __future__ import annotations

import random

from simulator.engine.content import Content, Signal
from simulator.engine.state import SessionState, SignalWindow
from simulator.engine.vocabulary import Phase, SignalKind


class SignalDesk:
    """Decides which signal, if any, the customer shows this turn, and tracks the windows."""

    def __init__(self, content: Content) -> None:
        rules = content.rulebook.signals
        profile = content.typology.types[content.scenario.customer.typology]
        self._rules = rules
        self._window = max(1, rules.window_turns + profile.window_turns_delta)
        self._buying = [s for s in content.scenario.signals if s.kind is SignalKind.KOOPSIGNAAL]
        self._interest = [s for s in content.scenario.signals if s.kind is SignalKind.INTERESSESIGNAAL]
        self.by_id = {s.id: s for s in content.scenario.signals}

    def expire(self, state: SessionState, turn: int) -> list[SignalWindow]:
        """Close the windows that end before ``turn`` without being acted on; return them."""
        gone = [w for w in state.windows if not w.expired and w.acted_turn is None and w.last_turn < turn]
        for window in gone:
            window.expired = True
        return gone

    def emit(self, state: SessionState, phase: Phase, turn: int, rng: random.Random) -> Signal | None:
        """The signal shown at customer turn ``turn``, if any (buying signals first; none while the customer's
        negotiation demand is on the table: settling it is the close)."""
        bargaining = state.negotiation is not None and state.negotiation.is_open
        if state.open_window(turn - 1) is None and not bargaining:
            buying = next((s for s in self._buying if self._eligible(s, state, phase)), None)
            if buying is not None:
                state.shown_signals[buying.id] = turn
                state.windows.append(SignalWindow(buying.id, turn, turn + self._window - 1))
                return buying
        if state.interest_shown.get(phase, 0) >= self._rules.interest_per_phase:
            return None
        candidates = [s for s in self._interest if self._eligible(s, state, phase)]
        if not candidates or rng.random() >= self._rules.interest_chance:
            return None
        chosen = candidates[0]
        state.shown_signals[chosen.id] = turn
        state.interest_shown[phase] = state.interest_shown.get(phase, 0) + 1
        return chosen

    @staticmethod
    def _eligible(signal: Signal, state: SessionState, phase: Phase) -> bool:
        if signal.id in state.shown_signals or phase not in signal.phases:
            return False
        readiness = state.mood.readiness
        return readiness >= signal.min_readiness and (signal.max_readiness is None or readiness <= signal.max_readiness)
