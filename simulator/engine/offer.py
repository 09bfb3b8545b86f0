"""Which 4–7 moves the student is offered each turn: strong and plausible weak ones, mixed.

Candidates come from :class:`MoveBuilder` per phase; the assessor sorts them into moves that help and
moves that hurt, and a seeded draw picks the mix. The right answer is never marked.
"""

from __future__ import annotations

import random

from simulator.engine.assess import Assessor, Judgement, Moment
from simulator.engine.content import Content, KvvbRow, Need
from simulator.engine.moves import Move, MoveBuilder, repeatable
from simulator.engine.negotiation import Negotiator
from simulator.engine.state import SessionState
from simulator.engine.vocabulary import CloseTechnique, NeedState, Phase

Judged = dict[str, list[Judgement]]
Values = dict[str, float]


class OfferMaker:
    """Builds the offered set of moves for a turn."""

    def __init__(self, content: Content, builder: MoveBuilder, assessor: Assessor, negotiator: Negotiator) -> None:
        self._builder = builder
        self._assessor = assessor
        self._rules = content.rulebook.offer
        self._signals = [s for s in content.scenario.signals if s.answer is not None]
        self._meeting = bool(content.scenario.participants)
        self._negotiator = negotiator
        self._rows = content.scenario.product.kvvb
        self._works = {
            move.id: assessor.technique_works(move)
            for objection in content.scenario.objections
            for move in builder.handle(objection)[1:]
        }
        """Per answer to an objection, whether it takes the objection away on its own."""

    def offer(self, state: SessionState, phase: Phase, rng: random.Random) -> tuple[list[Move], Judged, Values]:
        """The moves for this turn, in a seeded random order, with the assessor's judgement and value of each
        (and of the other moves considered: all judged at this moment, before the student moves)."""
        now = self._assessor.moment(state, phase)
        size = rng.randint(self._rules.min, self._rules.max)
        pinned = self._pinned(now, rng)[: max(2, size - 2)]
        taken = {m.id for m in pinned}
        used = state.used_moves
        others = [m for m in self._candidates(now, rng) if m.id not in taken and (m.id not in used or repeatable(m.id))]
        judge, value = self._assessor.judge_at, self._assessor.value
        judged: Judged = {}
        values: Values = {}
        for move in pinned:
            judged[move.id] = found = judge(move, now)
            values[move.id] = value(found)
        strong: list[Move] = []
        weak: list[Move] = []
        for move in others:
            judged[move.id] = found = judge(move, now)
            values[move.id] = worth = value(found)
            (strong if worth > 0 else weak).append(move)
        rng.shuffle(strong)
        rng.shuffle(weak)
        chosen = list(pinned)
        take_strong = max(0, min(len(strong), size - len(chosen) - min(2, len(weak))))
        chosen += strong[:take_strong]
        chosen += weak[: size - len(chosen)]
        chosen += strong[take_strong : take_strong + size - len(chosen)]
        rng.shuffle(chosen)
        return chosen, judged, values

    def _pinned(self, now: Moment, rng: random.Random) -> list[Move]:
        """Moves that must be on offer now: answers to an open objection, the follow-up on a hook the
        customer just gave, and a close while a buying signal is open (weak choices come from elsewhere)."""
        b, state = self._builder, now.state
        if now.phase is Phase.RELATIE:
            return [m for m in b.relatie() if m.id == "goodbye"]
        pinned: list[Move] = []
        if now.objection is not None:
            pinned += self._objection_answers(state, now.objection, rng)
        elif now.demand_open and state.negotiation is not None:
            specs = {spec[0]: spec for spec in self._negotiator.move_specs(state.negotiation)}
            pinned += [b.negotiate(*specs[move_id]) for move_id in self._negotiator.pinned(state.negotiation, rng)]
        if now.surfaced:
            turn = state.customer_turn
            surfaced = NeedState.SURFACED
            pinned += [
                b.probe(need) for need in b.needs_in(state, surfaced) if state.need_turns[need.id][surfaced] == turn
            ]
        if state.shown_signals:
            pinned += [b.answer(s) for s in self._signals if state.shown_signals.get(s.id) == state.customer_turn]
        if now.window is not None and state.outcome is None:
            pinned.append(b.close(rng.choice(_closes(now)), now.surfaced))
        return pinned

    def _objection_answers(self, state: SessionState, objection_id: str, rng: random.Random) -> list[Move]:
        """Up to three ways to handle the open objection: the doorvraag until it is asked, then a seeded
        mix of the authored answers with at least one that works, so every technique gets its turn."""
        probe, *answers = self._builder.handle(self._builder.objection(objection_id))
        answers = [m for m in answers if m.id not in state.used_moves]
        rng.shuffle(answers)
        answers.sort(key=lambda m: not self._works[m.id])
        chosen = answers[:1] + sorted(answers[1:], key=lambda m: rng.random())
        if state.objections[objection_id].probed_turn is None:
            chosen.insert(0, probe)
        return chosen[:3]

    def _candidates(self, now: Moment, rng: random.Random) -> list[Move]:
        status = now.state.negotiation
        if now.demand_open and status is not None and now.objection is None:
            return [self._builder.negotiate(*spec) for spec in self._negotiator.move_specs(status)]
        if now.phase is Phase.RELATIE:
            return self._builder.relatie()
        if now.phase is Phase.OPENING:
            return self._opening(now)
        if now.phase is Phase.INFORMATIE:
            return self._informatie(now, rng)
        return self._transformatie(now, rng)

    def _opening(self, now: Moment) -> list[Move]:
        b = self._builder
        hidden = self._hidden_needs(now.state)
        moves = b.smalltalk() + [b.agenda(), b.opening_pitch(), b.close(CloseTechnique.DIRECT, now.surfaced)]
        return moves + [b.ask(need) for need in hidden[:1]]

    def _informatie(self, now: Moment, rng: random.Random) -> list[Move]:
        b, state = self._builder, now.state
        hidden = self._hidden_needs(state)
        moves = [b.ask(need) for need in hidden[:2]] + [b.lead(need) for need in hidden[1:2] or hidden[:1]]
        if self._meeting:
            moves += [b.ask_wrong(need) for need in hidden[:1]]
        moves += [b.probe(need) for need in b.needs_in(state, NeedState.SURFACED)]
        moves += [b.imply(n) for n in b.needs_in(state, NeedState.EXPLORED) if n.id not in state.implied][:1]
        moves += self._summaries(now, rng)
        if now.surfaced:
            moves.append(b.transition())
        return moves + [b.feature_dump(), b.close(CloseTechnique.DIRECT, now.surfaced)]

    def _transformatie(self, now: Moment, rng: random.Random) -> list[Move]:
        b, state = self._builder, now.state
        known: list[KvvbRow] = []
        unknown: list[KvvbRow] = []
        hidden = NeedState.HIDDEN
        for row in self._rows:
            if row.id not in state.used_rows:
                (unknown if state.needs[row.need] is hidden else known).append(row)
        moves = [b.argue(row) for row in known[:3]]
        moves += [b.argue(row, True) for row in known[:1]]
        moves += [b.argue(row) for row in unknown[:1]]
        moves += [b.trial_close(), b.next_step(), b.feature_dump()]
        moves += b.closes(_closes(now), now.surfaced)
        if self._meeting:
            moves.append(b.close_wrong())
        moves += [b.ask(need) for need in self._hidden_needs(state)[:1]]
        return moves + self._summaries(now, rng)

    def _summaries(self, now: Moment, rng: random.Random) -> list[Move]:
        """One summary of what the customer said: accurate, or (as often) with one wrong detail."""
        surfaced = now.surfaced
        if len(surfaced) < 2:
            return []
        if rng.random() >= self._rules.wrong_summary_chance:
            return [self._builder.summary(surfaced)]
        return [self._builder.summary(surfaced, wrong=self._builder.need(rng.choice(surfaced)))]

    def _hidden_needs(self, state: SessionState) -> list[Need]:
        hidden = self._builder.needs_in(state, NeedState.HIDDEN)
        return sorted(hidden, key=lambda need: need.id not in state.revealed)


ALL_CLOSES = tuple(CloseTechnique)
SUMMARY_FREE_CLOSES = tuple(t for t in CloseTechnique if t is not CloseTechnique.SAMENVATTEND)


def _closes(now: Moment) -> tuple[CloseTechnique, ...]:
    """The closing techniques that make sense now: a summarising close needs something to summarise."""
    return ALL_CLOSES if now.surfaced else SUMMARY_FREE_CLOSES
