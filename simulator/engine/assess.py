"""How good a move is at the moment it is offered, in the rubric's own terms.

Each judgement names the rubric check it helps or hurts and a reason code; its value is the check's
weight from the rulebook. The debrief uses this to name the turns that mattered most and a better
move for each; it is never shown during play.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from simulator.engine.content import Content
from simulator.engine.moves import FULL_CHAIN, TALKING_KINDS, Move, repeatable
from simulator.engine.state import SessionState
from simulator.engine.vocabulary import CheckId, MoveKind, NeedState, Phase, QuestionType, Technique


@dataclass(frozen=True)
class Judgement:
    """One reason a move helps (+1) or hurts (-1) a rubric check."""

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


class Assessor:
    """Judges moves against the rubric, given the hidden state of the conversation."""

    def __init__(self, content: Content) -> None:
        self._content = content
        self._weights = content.rulebook.scoring.weights
        profile = content.typology.types[content.scenario.customer.typology]
        self._profile = profile
        self._kvvb_need = {row.id: row.need for row in content.scenario.product.kvvb}
        self._objections = {obj.id: obj for obj in content.scenario.objections}
        self._handlers: dict[MoveKind, Callable[[Move, SessionState, Phase], list[Judgement]]] = {
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
        }

    def value(self, judgements: list[Judgement]) -> float:
        """The weighted sum of judgements."""
        return sum(self._weights.get(j.check, 0.0) * j.sign for j in judgements)

    def judge(self, move: Move, state: SessionState, phase: Phase) -> list[Judgement]:
        """All judgements on a move made now."""
        found = self._by_kind(move, state, phase)
        found += self._typology(move, state)
        if state.open_window() is not None and move.kind in TALKING_KINDS:
            found.append(Judgement(CheckId.SIGNAAL_BENUTTEN, -1, "talk_on_after_signal"))
        if move.id in state.used_moves and not repeatable(move.id):
            found.append(Judgement(CheckId.LUISTEREN, -1, "repeat"))
        return found

    def _by_kind(self, move: Move, state: SessionState, phase: Phase) -> list[Judgement]:
        fixed = FIXED_JUDGEMENTS.get(move.kind)
        if fixed is not None:
            return list(fixed)
        handler = self._handlers.get(move.kind)
        return handler(move, state, phase) if handler else []

    def _smalltalk(self, move: Move, state: SessionState, phase: Phase) -> list[Judgement]:
        if phase is Phase.OPENING and state.smalltalk_count < self._profile.smalltalk_tolerance:
            return [Judgement(CheckId.TYPOLOGIE, 1, "smalltalk_fits")]
        return [Judgement(CheckId.TYPOLOGIE, -1, "smalltalk_too_much")]

    def _question(self, move: Move, state: SessionState, phase: Phase) -> list[Judgement]:
        if move.question_type is not QuestionType.OPEN:
            return [Judgement(CheckId.VRAAGTECHNIEK, -1, "leading_question")]
        heard = self._unprobed_hook(state)
        found = [Judgement(CheckId.VRAAGTECHNIEK, 1, "open_question")]
        if heard is not None:
            found.append(Judgement(CheckId.DOORVRAGEN, -1, "hook_ignored"))
        return found

    def _probe(self, move: Move, state: SessionState, phase: Phase) -> list[Judgement]:
        return [Judgement(CheckId.DOORVRAGEN, 1, "probe_hook"), Judgement(CheckId.LUISTEREN, 1, "builds_on")]

    def _summary(self, move: Move, state: SessionState, phase: Phase) -> list[Judgement]:
        if move.false_detail:
            return [
                Judgement(CheckId.SAMENVATTEN, -1, "wrong_summary"),
                Judgement(CheckId.LUISTEREN, -1, "wrong_summary"),
            ]
        if state.summaries_right == 0:
            return [Judgement(CheckId.SAMENVATTEN, 1, "summary"), Judgement(CheckId.LUISTEREN, 1, "summary")]
        return [Judgement(CheckId.SAMENVATTEN, 1, "summary")]

    def _transition(self, move: Move, state: SessionState, phase: Phase) -> list[Judgement]:
        if not state.surfaced():
            return [Judgement(CheckId.FASEDISCIPLINE, -1, "present_too_early")]
        if not any(state.need_at_least(n, NeedState.EXPLORED) for n in state.needs):
            return [Judgement(CheckId.DOORVRAGEN, -1, "present_before_probing")]
        return [Judgement(CheckId.FASEDISCIPLINE, 1, "present_after_needs")]

    def _pitch(self, move: Move, state: SessionState, phase: Phase) -> list[Judgement]:
        found = [Judgement(CheckId.ARGUMENTATIE, -1, "feature_dump")]
        if not state.surfaced():
            found.append(Judgement(CheckId.FASEDISCIPLINE, -1, "pitch_before_asking"))
        return found

    def _argument(self, move: Move, state: SessionState, phase: Phase) -> list[Judgement]:
        need = self._kvvb_need[move.target or ""]
        if not state.surfaced():
            return [
                Judgement(CheckId.FASEDISCIPLINE, -1, "pitch_before_asking"),
                Judgement(CheckId.ARGUMENTATIE, -1, "argument_unlinked"),
            ]
        if not state.need_at_least(need, NeedState.SURFACED):
            return [Judgement(CheckId.ARGUMENTATIE, -1, "argument_unlinked")]
        if not move.parts >= FULL_CHAIN:
            return [Judgement(CheckId.ARGUMENTATIE, -1, "argument_incomplete")]
        if not state.need_at_least(need, NeedState.EXPLORED):
            return [Judgement(CheckId.ARGUMENTATIE, -1, "argument_unexplored")]
        return [Judgement(CheckId.ARGUMENTATIE, 1, "argument_linked")]

    def _objection(self, move: Move, state: SessionState, phase: Phase) -> list[Judgement]:
        status = state.objections[move.target or ""]
        if move.technique is Technique.DOORVRAGEN:
            sign = 1 if status.probed_turn is None else -1
            return [
                Judgement(CheckId.BEZWAREN, sign, "objection_probe"),
                Judgement(CheckId.LUISTEREN, sign, "builds_on"),
            ]
        objection = self._objections[move.target or ""]
        table = self._content.rulebook.techniques[objection.type]
        effect = table.get(move.technique, 0.0) if isinstance(move.technique, Technique) else 0.0
        good = effect >= self._content.rulebook.objection_handling.success
        return [Judgement(CheckId.BEZWAREN, 1 if good else -1, "technique_fits" if good else "technique_poor")]

    def _trial_close(self, move: Move, state: SessionState, phase: Phase) -> list[Judgement]:
        if state.open_window() is not None:
            return [Judgement(CheckId.SIGNAAL_BENUTTEN, 1, "acts_on_signal")]
        return []

    def _close(self, move: Move, state: SessionState, phase: Phase) -> list[Judgement]:
        if state.open_objection() is not None:
            return [Judgement(CheckId.BEZWAREN, -1, "close_over_objection")]
        if state.open_window() is not None:
            return [
                Judgement(CheckId.SIGNAAL_BENUTTEN, 1, "acts_on_signal"),
                Judgement(CheckId.AFSLUITMOMENT, 1, "close_on_signal"),
                Judgement(CheckId.RESULTAAT, 1, "close_on_signal"),
            ]
        if not state.windows:
            return [Judgement(CheckId.AFSLUITMOMENT, -1, "close_before_signal")]
        return [Judgement(CheckId.AFSLUITMOMENT, -1, "close_late")]

    def _next_step(self, move: Move, state: SessionState, phase: Phase) -> list[Judgement]:
        if state.open_window() is not None:
            return [Judgement(CheckId.SIGNAAL_BENUTTEN, -1, "next_step_instead_of_close")]
        thresholds = self._content.rulebook.thresholds
        if state.mood.readiness >= thresholds.order_readiness:
            return [Judgement(CheckId.RESULTAAT, -1, "next_step_instead_of_order")]
        if state.mood.readiness < thresholds.next_step_readiness:
            return [Judgement(CheckId.RESULTAAT, -1, "next_step_too_early")]
        if state.mood.patience < thresholds.impatience:
            return [Judgement(CheckId.RESULTAAT, 1, "next_step_fits")]
        return []

    def _typology(self, move: Move, state: SessionState) -> list[Judgement]:
        if move.kind is MoveKind.SMALLTALK:
            return []
        return [
            Judgement(CheckId.TYPOLOGIE, -1, f"dislike:{key.value}")
            for key in move.effects
            if key in self._profile.dislikes
        ]

    def _unprobed_hook(self, state: SessionState) -> str | None:
        """A need the customer just mentioned whose hook is still open."""
        for need_id, at in state.needs.items():
            if at is NeedState.SURFACED and state.need_turns[need_id].get(NeedState.SURFACED) == state.customer_turn:
                return need_id
        return None
