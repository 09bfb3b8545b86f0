"""How good a move is at the moment it is offered, in the rubric's own terms.

Each judgement names the rubric check it helps or hurts and a reason code; its value is the check's
weight from the rulebook. The debrief uses this to name the turns that mattered most and a better
move for each; it is never shown during play.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from simulator.engine.content import Content, TypeProfile
from simulator.engine.dmu import Table
from simulator.engine.moves import FULL_CHAIN, TALKING_KINDS, Move, repeatable
from simulator.engine.negotiation import Negotiator
from simulator.engine.state import SessionState, SignalWindow
from simulator.engine.vocabulary import CheckId, EffectKey, MoveKind, NeedState, Phase, QuestionType, Technique


class Judgement(NamedTuple):
    """One reason a move helps (+1) or hurts (-1) a rubric check (a named tuple: made often, cheaply)."""

    check: CheckId
    sign: int
    reason: str


FIXED_JUDGEMENTS: dict[MoveKind, tuple[Judgement, ...]] = {
    MoveKind.AGENDA: (Judgement(CheckId.FASEDISCIPLINE, 1, "agenda"),),
    MoveKind.IMPLICATIEVRAAG: (Judgement(CheckId.DOORVRAGEN, 1, "implication"),),
    MoveKind.NAZORG: (Judgement(CheckId.RESULTAAT, 1, "aftersales"),),
    MoveKind.BIJVERKOPEN: (Judgement(CheckId.TYPOLOGIE, -1, "oversell"),),
    MoveKind.AFSCHEID: (),
    MoveKind.ANTWOORD: (Judgement(CheckId.LUISTEREN, 1, "answers_question"),),
}


@dataclass(slots=True)
class Moment:
    """What the assessor looks at, read once per turn: the state, the phase and what they imply (not
    frozen only because it is made every turn; nothing changes it)."""

    state: SessionState
    phase: Phase
    window: SignalWindow | None
    objection: str | None
    surfaced: tuple[str, ...]
    fresh_hook: str | None
    holding_out: bool = False
    """DMU meeting: someone at the table would block a close now."""
    demand_open: bool = False
    """A negotiation demand is on the table."""

    @classmethod
    def of(cls, state: SessionState, phase: Phase, veto_readiness: float = 0.0) -> Moment:
        """Read the moment from the state (the state must not change while the moment is used)."""
        surfaced = tuple(state.surfaced())
        holding_out = any(mood.readiness < veto_readiness for mood in state.people.values())
        window, objection = state.open_window(), state.open_objection()
        demand = state.negotiation is not None and state.negotiation.is_open
        return cls(state, phase, window, objection, surfaced, _fresh_hook(state), holding_out, demand)


def _dislikes(profile: TypeProfile) -> dict[EffectKey, Judgement]:
    return {key: Judgement(CheckId.TYPOLOGIE, -1, f"dislike:{key.value}") for key in profile.dislikes}


def _fresh_hook(state: SessionState) -> str | None:
    """A need the customer just mentioned whose hook is still open."""
    for need_id, at in state.needs.items():
        if at is NeedState.SURFACED and state.need_turns[need_id].get(NeedState.SURFACED) == state.customer_turn:
            return need_id
    return None


class Assessor:
    """Judges moves against the rubric, given the hidden state of the conversation."""

    def __init__(self, content: Content, table: Table, negotiator: Negotiator) -> None:
        self._content = content
        self._meeting = table.is_meeting
        self._negotiator = negotiator
        self._veto = table.veto_readiness
        self._weights = content.rulebook.scoring.weights
        profile = content.typology.types[content.scenario.customer.typology]
        self._profile = profile
        self._dislikes = {person.id: _dislikes(person.profile) for person in table.people.values()}
        self._main = table.main.id
        self._disliked: dict[tuple[str, str | None], list[Judgement]] = {}
        """Per move and addressee, what the addressee's type dislikes about it (the same whenever made)."""
        self._kvvb_need = {row.id: row.need for row in content.scenario.product.kvvb}
        self._objections = {obj.id: obj for obj in content.scenario.objections}
        self._handlers: dict[MoveKind, Callable[[Move, Moment], list[Judgement]]] = {
            MoveKind.SMALLTALK: self._smalltalk,
            MoveKind.VRAAG: self._question,
            MoveKind.DOORVRAAG: self._probe,
            MoveKind.SAMENVATTING: self._summary,
            MoveKind.OVERGANG: self._transition,
            MoveKind.KENMERKEN_OPSOMMEN: self._pitch,
            MoveKind.ARGUMENT: self._argument,
            MoveKind.BEZWAARBEHANDELING: self._objection,
            MoveKind.PROEFAFSLUITING: self._trial_close,
            MoveKind.AFSLUITING: self._close,
            MoveKind.VERVOLGAFSPRAAK: self._next_step,
            MoveKind.ONDERHANDELING: self._negotiation,
        }

    def value(self, judgements: list[Judgement]) -> float:
        """The weighted sum of judgements."""
        weights = self._weights
        total: float = 0  # an int 0 when nothing is judged, as sum() gives
        for judgement in judgements:
            total += weights.get(judgement.check, 0.0) * judgement.sign
        return total

    def judge(self, move: Move, state: SessionState, phase: Phase) -> list[Judgement]:
        """All judgements on a move made now."""
        return self.judge_at(move, self.moment(state, phase))

    def moment(self, state: SessionState, phase: Phase) -> Moment:
        """The moment to judge moves at."""
        return Moment.of(state, phase, self._veto)

    def judge_at(self, move: Move, now: Moment) -> list[Judgement]:
        """All judgements on a move made at a moment (cheaper when judging many moves at once)."""
        fixed = FIXED_JUDGEMENTS.get(move.kind)
        if fixed is not None:
            found = list(fixed)
        else:
            handler = self._handlers.get(move.kind)
            found = handler(move, now) if handler else []
        if move.effects and move.kind is not MoveKind.SMALLTALK:
            key = (move.id, move.addressee)
            disliked = self._disliked.get(key)
            if disliked is None:
                disliked = self._disliked[key] = self._typology(move)
            found += disliked
        if now.window is not None and move.kind in TALKING_KINDS:
            found.append(Judgement(CheckId.SIGNAAL_BENUTTEN, -1, "talk_on_after_signal"))
        if move.id in now.state.used_moves and not repeatable(move.id):
            found.append(Judgement(CheckId.LUISTEREN, -1, "repeat"))
        return found

    def _smalltalk(self, move: Move, now: Moment) -> list[Judgement]:
        if now.phase is Phase.OPENING and now.state.smalltalk_count < self._profile.smalltalk_tolerance:
            return [Judgement(CheckId.TYPOLOGIE, 1, "smalltalk_fits")]
        return [Judgement(CheckId.TYPOLOGIE, -1, "smalltalk_too_much")]

    def _question(self, move: Move, now: Moment) -> list[Judgement]:
        if move.id.startswith("ask_wrong:"):
            return [Judgement(CheckId.DMU, -1, "wrong_person")]
        if self._meeting and move.question_type is QuestionType.OPEN:
            return [*self._open_question(now), Judgement(CheckId.DMU, 1, "right_person")]
        return self._open_question(now) if move.question_type is QuestionType.OPEN else self._leading()

    @staticmethod
    def _leading() -> list[Judgement]:
        return [Judgement(CheckId.VRAAGTECHNIEK, -1, "leading_question")]

    @staticmethod
    def _open_question(now: Moment) -> list[Judgement]:
        found = [Judgement(CheckId.VRAAGTECHNIEK, 1, "open_question")]
        if now.fresh_hook is not None:
            found.append(Judgement(CheckId.DOORVRAGEN, -1, "hook_ignored"))
        return found

    def _probe(self, move: Move, now: Moment) -> list[Judgement]:
        return [Judgement(CheckId.DOORVRAGEN, 1, "probe_hook"), Judgement(CheckId.LUISTEREN, 1, "builds_on")]

    def _summary(self, move: Move, now: Moment) -> list[Judgement]:
        if move.false_detail:
            return [
                Judgement(CheckId.SAMENVATTEN, -1, "wrong_summary"),
                Judgement(CheckId.LUISTEREN, -1, "wrong_summary"),
            ]
        if now.state.summaries_right == 0:
            return [Judgement(CheckId.SAMENVATTEN, 1, "summary"), Judgement(CheckId.LUISTEREN, 1, "summary")]
        return [Judgement(CheckId.SAMENVATTEN, 1, "summary")]

    def _transition(self, move: Move, now: Moment) -> list[Judgement]:
        if not now.surfaced:
            return [Judgement(CheckId.FASEDISCIPLINE, -1, "present_too_early")]
        if not any(now.state.need_at_least(n, NeedState.EXPLORED) for n in now.surfaced):
            return [Judgement(CheckId.DOORVRAGEN, -1, "present_before_probing")]
        return [Judgement(CheckId.FASEDISCIPLINE, 1, "present_after_needs")]

    def _pitch(self, move: Move, now: Moment) -> list[Judgement]:
        found = [Judgement(CheckId.ARGUMENTATIE, -1, "feature_dump")]
        if not now.surfaced:
            found.append(Judgement(CheckId.FASEDISCIPLINE, -1, "pitch_before_asking"))
        return found

    def _argument(self, move: Move, now: Moment) -> list[Judgement]:
        need = self._kvvb_need[move.target or ""]
        if not now.surfaced:
            return [
                Judgement(CheckId.FASEDISCIPLINE, -1, "pitch_before_asking"),
                Judgement(CheckId.ARGUMENTATIE, -1, "argument_unlinked"),
            ]
        if not now.state.need_at_least(need, NeedState.SURFACED):
            return [Judgement(CheckId.ARGUMENTATIE, -1, "argument_unlinked")]
        if not move.parts >= FULL_CHAIN:
            return [Judgement(CheckId.ARGUMENTATIE, -1, "argument_incomplete")]
        if not now.state.need_at_least(need, NeedState.EXPLORED):
            return [Judgement(CheckId.ARGUMENTATIE, -1, "argument_unexplored")]
        return [Judgement(CheckId.ARGUMENTATIE, 1, "argument_linked")]

    def _objection(self, move: Move, now: Moment) -> list[Judgement]:
        status = now.state.objections[move.target or ""]
        if move.technique is Technique.DOORVRAGEN:
            sign = 1 if status.probed_turn is None else -1
            return [
                Judgement(CheckId.BEZWAREN, sign, "objection_probe"),
                Judgement(CheckId.LUISTEREN, sign, "builds_on"),
            ]
        good = self.technique_works(move)
        return [Judgement(CheckId.BEZWAREN, 1 if good else -1, "technique_fits" if good else "technique_poor")]

    def technique_works(self, move: Move) -> bool:
        """Whether an answer to an objection takes it away on its own (without a doorvraag first)."""
        objection = self._objections[move.target or ""]
        table = self._content.rulebook.techniques[objection.type]
        effect = table.get(move.technique, 0.0) if isinstance(move.technique, Technique) else 0.0
        return effect >= self._content.rulebook.objection_handling.success

    def _trial_close(self, move: Move, now: Moment) -> list[Judgement]:
        if now.window is not None:
            return [Judgement(CheckId.SIGNAAL_BENUTTEN, 1, "acts_on_signal")]
        return []

    def _close(self, move: Move, now: Moment) -> list[Judgement]:
        if move.id == "close_wrong":
            return [Judgement(CheckId.DMU, -1, "close_to_non_decider")]
        found = self._close_timing(now)
        if now.holding_out:
            found.append(Judgement(CheckId.DMU, -1, "close_over_veto"))
        return found

    def _negotiation(self, move: Move, now: Moment) -> list[Judgement]:
        status = now.state.negotiation
        assert status is not None
        return [Judgement(*found) for found in self._negotiator.judge(self._negotiator.parse(move.id), status)]

    def _close_timing(self, now: Moment) -> list[Judgement]:
        if now.demand_open:
            return [Judgement(CheckId.ONDERHANDELEN, -1, "close_over_demand")]
        if now.objection is not None:
            return [Judgement(CheckId.BEZWAREN, -1, "close_over_objection")]
        if now.window is not None:
            return [
                Judgement(CheckId.SIGNAAL_BENUTTEN, 1, "acts_on_signal"),
                Judgement(CheckId.AFSLUITMOMENT, 1, "close_on_signal"),
                Judgement(CheckId.RESULTAAT, 1, "close_on_signal"),
            ]
        if not now.state.windows:
            return [Judgement(CheckId.AFSLUITMOMENT, -1, "close_before_signal")]
        return [Judgement(CheckId.AFSLUITMOMENT, -1, "close_late")]

    def _next_step(self, move: Move, now: Moment) -> list[Judgement]:
        if now.window is not None:
            return [Judgement(CheckId.SIGNAAL_BENUTTEN, -1, "next_step_instead_of_close")]
        thresholds = self._content.rulebook.thresholds
        if now.state.mood.readiness >= thresholds.order_readiness:
            return [Judgement(CheckId.RESULTAAT, -1, "next_step_instead_of_order")]
        if now.state.mood.readiness < thresholds.next_step_readiness:
            return [Judgement(CheckId.RESULTAAT, -1, "next_step_too_early")]
        if now.state.mood.patience < thresholds.impatience:
            return [Judgement(CheckId.RESULTAAT, 1, "next_step_fits")]
        return []

    def _typology(self, move: Move) -> list[Judgement]:
        """Moves the addressee's type reacts badly to (in a meeting; otherwise the customer's type)."""
        dislikes = self._dislikes[move.addressee or self._main]
        return [dislikes[key] for key in move.effects if key in dislikes]
