"""The mutable state of one conversation: the customer's inner state and what has happened so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.engine.vocabulary import NeedState, Outcome, Phase

NEED_ORDER = list(NeedState)
NEED_RANK = {state: rank for rank, state in enumerate(NEED_ORDER)}


def clamp(value: float, low: float = 0.0, high: float = 100.0) -> float:
    """Keep a value within a range."""
    return max(low, min(high, value))


@dataclass(slots=True)
class Mood:
    """The customer's inner state on a 0–100 scale."""

    trust: float
    readiness: float
    patience: float

    def add(self, trust: float, readiness: float, patience: float) -> None:
        """Apply a change, keeping every value within 0–100."""
        self.trust = clamp(self.trust + trust)
        self.readiness = clamp(self.readiness + readiness)
        self.patience = clamp(self.patience + patience)


@dataclass(slots=True)
class ObjectionStatus:
    """How far one objection has come."""

    raised_turn: int | None = None
    probed_turn: int | None = None
    resolved_turn: int | None = None
    attempts: list[tuple[int, str, float]] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        """Raised and not yet taken away."""
        return self.raised_turn is not None and self.resolved_turn is None


@dataclass(slots=True)
class SignalWindow:
    """A buying signal and the customer turns during which acting on it counts."""

    signal_id: str
    shown_turn: int
    last_turn: int
    marked_turn: int | None = None
    acted_turn: int | None = None
    expired: bool = False

    def covers(self, customer_turn: int) -> bool:
        """Whether a response to this customer turn falls inside the window."""
        return self.shown_turn <= customer_turn <= self.last_turn


@dataclass(slots=True)
class NegotiationStatus:
    """How far the negotiation has come."""

    deal_value: int
    needed: float
    raised_turn: int | None = None
    probed_turn: int | None = None
    settled_turn: int | None = None
    broken_turn: int | None = None
    held: bool = False
    discounted: bool = False
    points: float = 0.0
    traded: list[str] = field(default_factory=list)
    given: list[str] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        """The demand is on the table."""
        return self.raised_turn is not None and self.settled_turn is None and self.broken_turn is None

    @property
    def used(self) -> set[str]:
        """Concessions already on the table, traded or given."""
        return {*self.traded, *self.given}


@dataclass(slots=True)
class SessionState:
    """Everything the engine tracks while a conversation runs."""

    mood: Mood
    needs: dict[str, NeedState]
    need_turns: dict[str, dict[NeedState, int]]
    objections: dict[str, ObjectionStatus]
    customer_turn: int = 0
    implied: set[str] = field(default_factory=set)
    used_rows: set[str] = field(default_factory=set)
    used_moves: set[str] = field(default_factory=set)
    shown_signals: dict[str, int] = field(default_factory=dict)
    windows: list[SignalWindow] = field(default_factory=list)
    interest_shown: dict[Phase, int] = field(default_factory=dict)
    revealed: set[str] = field(default_factory=set)
    smalltalk_count: int = 0
    summaries_right: int = 0
    outcome: Outcome | None = None
    negotiation: NegotiationStatus | None = None
    """The price negotiation, in a scenario that has one."""
    people: dict[str, Mood] = field(default_factory=dict)
    """DMU meeting: each person's own trust and readiness (patience is the meeting's, in ``mood``)."""
    say: dict[str, float] = field(default_factory=dict)
    """DMU meeting: each person's say in the decision; the group's trust and readiness are weighted by it."""

    def regroup(self) -> None:
        """Set the group's trust and readiness from the people at a meeting (weighted by their say)."""
        if not self.people:
            return
        total = sum(self.say.values()) or 1.0
        self.mood.trust = sum(self.say[pid] * mood.trust for pid, mood in self.people.items()) / total
        self.mood.readiness = sum(self.say[pid] * mood.readiness for pid, mood in self.people.items()) / total

    def shift(self, trust: float, readiness: float, patience: float) -> None:
        """Change the mood of everyone alike (preparation, a missed signal, a playtest preset)."""
        self.mood.add(trust, readiness, patience)
        for mood in self.people.values():
            mood.add(trust, readiness, 0)
        self.regroup()

    def need_at_least(self, need_id: str, level: NeedState) -> bool:
        """Whether a need has reached a level."""
        return NEED_RANK[self.needs[need_id]] >= NEED_RANK[level]

    def raise_need(self, need_id: str, level: NeedState, turn: int) -> bool:
        """Move a need up to ``level`` (never down); return whether it moved."""
        if self.need_at_least(need_id, level):
            return False
        self.needs[need_id] = level
        self.need_turns[need_id].setdefault(level, turn)
        return True

    def open_objection(self) -> str | None:
        """The objection on the table, if any."""
        for oid, status in self.objections.items():
            if status.raised_turn is not None and status.resolved_turn is None:
                return oid
        return None

    def open_window(self, customer_turn: int | None = None) -> SignalWindow | None:
        """The buying-signal window covering a customer turn (default: the latest), if any."""
        turn = self.customer_turn if customer_turn is None else customer_turn
        for window in self.windows:
            if window.shown_turn <= turn <= window.last_turn and not window.expired:
                return window
        return None

    def surfaced(self) -> list[str]:
        """Needs the customer has mentioned, in scenario order."""
        hidden = NeedState.HIDDEN
        return [nid for nid, at in self.needs.items() if at is not hidden]
