"""A price negotiation at the close: the customer's demand, concessions traded or given, and the BAZO.

The customer puts a demand on the table (by a trigger, like an objection). Until it is settled, a close
is answered with the demand. Concessions bring the customer closer to what they really need
(``needed``); one given away for nothing makes them want more. Asking behind the demand reveals the
interests, after which holding the price with objective criteria counts too. Granting the whole demand
settles at once, at its price. Breaking off ends the conversation without a deal: right only when no
deal above the BAZO is left.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import combinations

from simulator.engine.content import Concession, Content, LocalText, Negotiation
from simulator.engine.state import NegotiationStatus, SessionState
from simulator.engine.vocabulary import CheckId, EffectKey, MoveKind

PREFIX = "negotiate:"


@dataclass(frozen=True, slots=True)
class NegotiationMove:
    """What a negotiation move is: its action and, for concessions, which one."""

    action: str
    concession: Concession | None = None


class Negotiator:
    """Builds the negotiation moves, judges them and plays the customer's side."""

    def __init__(self, content: Content) -> None:
        self.terms: Negotiation | None = content.scenario.negotiation
        self.rules = content.rulebook.negotiation
        self.list_value = content.scenario.product.deal_value
        self._by_id = {c.id: c for c in self.terms.concessions} if self.terms else {}

    def start(self) -> NegotiationStatus | None:
        """The status at the start of a conversation (None without a negotiation)."""
        return NegotiationStatus(self.list_value, self.terms.needed) if self.terms else None

    def parse(self, move_id: str) -> NegotiationMove:
        """The action and concession of a negotiation move id."""
        action, _, concession = move_id.removeprefix(PREFIX).partition(":")
        return NegotiationMove(action, self._by_id.get(concession))

    # ------------------------------------------------------------------ numbers

    def value_after(self, status: NegotiationStatus, cost: int) -> int:
        """The deal value if this cost is taken off too."""
        return status.deal_value - cost

    def deal_above_bazo(self, status: NegotiationStatus) -> bool:
        """Whether trading the cheapest remaining concessions could still settle at or above the BAZO."""
        assert self.terms is not None
        value = self.cheapest_settlement(status)
        return value is not None and value >= self.terms.walk_away

    def cheapest_settlement(self, status: NegotiationStatus) -> int | None:
        """The deal value if the rest were settled as cheaply as possible (asking behind the demand and
        holding the price first, then the cheapest set of concessions that is enough); None if no set of
        the concessions left is enough."""
        assert self.terms is not None
        missing = status.needed - status.points - (0.0 if status.held else self.rules.hold_value)
        if missing <= 0:
            return status.deal_value
        left = [c for c in self.terms.concessions if c.id not in status.used]
        costs = [
            sum(c.cost for c in chosen)
            for size in range(1, len(left) + 1)
            for chosen in combinations(left, size)
            if sum(c.value for c in chosen) >= missing
        ]
        return status.deal_value - min(costs) if costs else None

    def best_value(self) -> int:
        """The best deal value a negotiation can end at: the cheapest settlement from the start."""
        assert self.terms is not None
        best = self.cheapest_settlement(NegotiationStatus(self.list_value, self.terms.needed, probed_turn=0))
        return best if best is not None else self.list_value - self.terms.demand_cost

    # ------------------------------------------------------------------ judging

    def judge(self, action: NegotiationMove, status: NegotiationStatus) -> list[tuple[CheckId, int, str]]:
        """(check, sign, reason) for a negotiation move now."""
        assert self.terms is not None
        walk_away, check = self.terms.walk_away, CheckId.ONDERHANDELEN
        cost = self._cost(action)
        found: list[tuple[CheckId, int, str]] = []
        if action.action in ("trade", "give", "discount") and self.value_after(status, cost) < walk_away:
            found.append((check, -1, "below_bazo"))
        if action.action == "probe":
            found.append((check, 1, "negotiation_probe"))
        elif action.action == "trade" and status.probed_turn is not None:
            found.append((check, 1, "trade_concession"))
        elif action.action == "give":
            found.append((check, -1, "gift_concession"))
        elif action.action == "discount":
            found.append((check, -1, "cave_in"))
        elif action.action == "hold":
            good = status.probed_turn is not None
            found.append((check, 1 if good else -1, "objective_criteria" if good else "position_not_interest"))
        elif action.action == "break_off":
            early = self.deal_above_bazo(status)
            found.append((check, -1 if early else 1, "break_off_too_soon" if early else "bazo_break_off"))
        return found

    def _cost(self, action: NegotiationMove) -> int:
        assert self.terms is not None
        if action.action == "discount":
            return self.terms.demand_cost
        return action.concession.cost if action.concession is not None else 0

    # ------------------------------------------------------------------ offering

    def move_specs(self, status: NegotiationStatus) -> list[tuple[str, MoveKind, EffectKey]]:
        """(id, kind, effect) of every negotiation move that makes sense now."""
        assert self.terms is not None
        specs: list[tuple[str, MoveKind, EffectKey]] = []
        kind = MoveKind.ONDERHANDELING
        if status.probed_turn is None:
            specs.append((f"{PREFIX}probe", kind, EffectKey.PRIJS_VASTHOUDEN))
        for concession in self.terms.concessions:
            if concession.id not in status.used:
                specs.append((f"{PREFIX}trade:{concession.id}", kind, EffectKey.CONCESSIE_RUILEN))
                specs.append((f"{PREFIX}give:{concession.id}", kind, EffectKey.CONCESSIE_WEGGEVEN))
        if not status.held:
            specs.append((f"{PREFIX}hold", kind, EffectKey.PRIJS_VASTHOUDEN))
        specs.append((f"{PREFIX}discount", kind, EffectKey.KORTING_GEVEN))
        specs.append((f"{PREFIX}break_off", kind, EffectKey.ONDERHANDELING_AFBREKEN))
        return specs

    def pinned(self, status: NegotiationStatus, rng: random.Random) -> list[str]:
        """Move ids always on offer while the demand is open: the question behind it, one trade."""
        ids = [f"{PREFIX}probe"] if status.probed_turn is None else []
        trades = [spec[0] for spec in self.move_specs(status) if spec[0].startswith(f"{PREFIX}trade:")]
        return ids + ([rng.choice(trades)] if trades else [])

    # ------------------------------------------------------------------ the customer's side

    def play(self, action: NegotiationMove, state: SessionState, turn: int) -> tuple[list[LocalText], list[str]]:
        """Apply a negotiation move; return (texts the customer says, events)."""
        status, terms = state.negotiation, self.terms
        assert status is not None and terms is not None
        if action.action == "probe":
            status.probed_turn = status.probed_turn or turn
            return [terms.probe_answer], ["negotiation_probed"]
        if action.action == "break_off":
            status.broken_turn = turn
            return [terms.break_off_reply], ["negotiation_broken"]
        if action.action == "discount":
            status.discounted = True
            status.deal_value -= terms.demand_cost
            return self._settle(status, state, turn, [terms.discount_reply])
        if action.action == "hold":
            if status.probed_turn is not None and not status.held:
                status.points += self.rules.hold_value
                status.held = True
            return self._maybe_settle(status, state, turn, [terms.hold_reply])
        concession = action.concession
        assert concession is not None
        status.deal_value -= concession.cost
        status.points += concession.value
        if action.action == "give":
            status.given.append(concession.id)
            status.needed += concession.value * self.rules.gift_raises_demand
            return self._maybe_settle(status, state, turn, [concession.reply, terms.more])
        status.traded.append(concession.id)
        return self._maybe_settle(status, state, turn, [concession.reply])

    def _maybe_settle(
        self, status: NegotiationStatus, state: SessionState, turn: int, said: list[LocalText]
    ) -> tuple[list[LocalText], list[str]]:
        if status.points >= status.needed:
            return self._settle(status, state, turn, said[:1])
        return said, ["negotiation_step"]

    def _settle(
        self, status: NegotiationStatus, state: SessionState, turn: int, said: list[LocalText]
    ) -> tuple[list[LocalText], list[str]]:
        assert self.terms is not None
        status.settled_turn = turn
        state.shift(0, self.rules.settled_readiness, 0)
        return [*said, self.terms.accept], ["negotiation_settled"]
