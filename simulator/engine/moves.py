"""The student's moves: what they are and which ones each turn offers.

Moves are built from the scenario's authored text and the rulebook's generic lines. Every move carries
tags (kind, question type, SPIN, target, argument parts) that the customer model, the assessment and the
scorer read. Candidates are built per phase; :mod:`simulator.engine.offer` chooses 4–7 of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from simulator.engine.content import Content, KvvbRow, Need, Objection, Signal
from simulator.engine.dmu import Table
from simulator.engine.machines import PhaseTrigger
from simulator.engine.state import SessionState
from simulator.engine.vocabulary import (
    ArgumentPart,
    CloseTechnique,
    EffectKey,
    MoveKind,
    NeedState,
    QuestionType,
    Spin,
    Technique,
)
from simulator.engine.wording import Wording

FULL_CHAIN = frozenset(ArgumentPart)
BARE_CHAIN = frozenset({ArgumentPart.KENMERK, ArgumentPart.VOORDEEL})
TALKING_KINDS = frozenset(
    {
        MoveKind.SMALLTALK,
        MoveKind.VRAAG,
        MoveKind.DOORVRAAG,
        MoveKind.IMPLICATIEVRAAG,
        MoveKind.ARGUMENT,
        MoveKind.KENMERKEN_OPSOMMEN,
        MoveKind.OVERGANG,
    }
)
PITCH_KINDS = frozenset({MoveKind.ARGUMENT, MoveKind.KENMERKEN_OPSOMMEN})
REPEATABLE_PREFIXES = ("trial_close", "next_step", "close:", "feature_dump", "transition", "negotiate:hold")


def repeatable(move_id: str) -> bool:
    """Moves that may sensibly be made more than once (a repeated feature list still costs patience)."""
    return move_id.startswith(REPEATABLE_PREFIXES)


@dataclass(frozen=True, slots=True)
class Move:
    """One thing the student can say, with the tags that explain it."""

    id: str
    text: str
    kind: MoveKind
    effects: tuple[EffectKey, ...]
    question_type: QuestionType | None = None
    spin: Spin | None = None
    target: str | None = None
    parts: frozenset[ArgumentPart] = frozenset()
    trigger: PhaseTrigger | None = None
    technique: Technique | CloseTechnique | None = None
    summary_items: tuple[str, ...] = ()
    false_detail: str | None = None
    addressee: str | None = None


P = ParamSpec("P")
T = TypeVar("T")


class Authored(Protocol):
    """A piece of scenario content with an id (a need, a KVVB row, a signal, an objection)."""

    @property
    def id(self) -> str: ...


A = TypeVar("A", bound=Authored)


def memo(method: Callable[Concatenate[MoveBuilder, P], T]) -> Callable[Concatenate[MoveBuilder, P], T]:
    """Build a move once per builder: moves that depend only on the scenario never change.
    The arguments must be plain values (text, enums, tuples), passed by position."""

    name = method.__name__

    def wrapper(self: MoveBuilder, /, *args: P.args, **kwargs: P.kwargs) -> T:
        if kwargs:
            raise TypeError(f"{name}: memoised moves take their arguments by position")
        key = (name, *args)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = method(self, *args, **kwargs)
        return list(cached) if type(cached) is list else cached  # type: ignore[return-value]

    wrapper.__doc__ = method.__doc__
    return wrapper


def memo_by_id(
    method: Callable[Concatenate[MoveBuilder, A, P], T],
) -> Callable[Concatenate[MoveBuilder, A, P], T]:
    """Like :func:`memo`, for moves built from one piece of content (known by its id) and plain values."""

    name = method.__name__

    def wrapper(self: MoveBuilder, item: A, /, *args: P.args, **kwargs: P.kwargs) -> T:
        if kwargs:
            raise TypeError(f"{name}: memoised moves take their arguments by position")
        key = (name, item.id, *args)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = method(self, item, *args, **kwargs)
        return list(cached) if type(cached) is list else cached  # type: ignore[return-value]

    wrapper.__doc__ = method.__doc__
    return wrapper


class MoveBuilder:
    """Builds candidate moves for the current state of a conversation."""

    def __init__(self, content: Content, wording: Wording, table: Table, variant: int = 0) -> None:
        self._content = content
        self._table = table
        self._variant = variant
        self._w = wording
        self._needs = {need.id: need for need in content.scenario.needs}
        self._rows = content.scenario.product.kvvb
        self._objections = {obj.id: obj for obj in content.scenario.objections}
        self._cache: dict[object, object] = {}
        self._lines: dict[str, str] = {}

    def _line(self, key: str) -> str:
        """The student's words for a move: one of the authored variants, the same all conversation long."""
        line = self._lines.get(key)
        if line is None:
            variants = self._w.student_variants(key)
            line = self._lines[key] = variants[self._variant % len(variants)]
        return line

    # ------------------------------------------------------------------ opening

    @memo
    def smalltalk(self) -> list[Move]:
        """Small-talk openers (one per authored variant)."""
        texts = self._w.student_variants("smalltalk")
        return [
            Move(f"smalltalk:{i}", text, MoveKind.SMALLTALK, (EffectKey.SMALLTALK,)) for i, text in enumerate(texts)
        ]

    @memo
    def agenda(self) -> Move:
        """State purpose and agenda; opens the informatie phase."""
        text = self._line("agenda")
        return Move("agenda", text, MoveKind.AGENDA, (EffectKey.AGENDA,), trigger=PhaseTrigger.ASK)

    @memo
    def opening_pitch(self) -> Move:
        """Pitch at once, before any question."""
        text = self._line("opening_pitch")
        return Move(
            "opening_pitch",
            text,
            MoveKind.KENMERKEN_OPSOMMEN,
            (EffectKey.KENMERKEN_OPSOMMEN,),
            parts=frozenset({ArgumentPart.KENMERK}),
            trigger=PhaseTrigger.PRESENT,
        )

    # ------------------------------------------------------------------ informatie

    @memo_by_id
    def ask(self, need: Need) -> Move:
        """The open question that surfaces a need (in a meeting, put to whose need it is)."""
        return self._to(need.owner, self._question(need))

    def _question(self, need: Need) -> Move:
        return Move(
            f"ask:{need.id}",
            self._w.text(need.question),
            MoveKind.VRAAG,
            (EffectKey.OPEN_VRAAG,),
            question_type=QuestionType.OPEN,
            spin=Spin(need.spin),
            target=need.id,
            trigger=PhaseTrigger.ASK,
        )

    @memo_by_id
    def lead(self, need: Need) -> Move:
        """The leading (suggestive) version of that question."""
        return self._to(
            need.owner,
            Move(
                f"lead:{need.id}",
                self._w.text(need.leading_question),
                MoveKind.VRAAG,
                (EffectKey.SUGGESTIEVE_VRAAG,),
                question_type=QuestionType.SUGGESTIEF,
                spin=Spin(need.spin),
                target=need.id,
                trigger=PhaseTrigger.ASK,
            ),
        )

    @memo_by_id
    def probe(self, need: Need) -> Move:
        """The doorvraag on a need's hook."""
        return self._to(
            need.owner,
            Move(
                f"probe:{need.id}",
                self._w.text(need.probe),
                MoveKind.DOORVRAAG,
                (EffectKey.DOORVRAAG,),
                question_type=QuestionType.OPEN,
                spin=Spin.PROBLEEM,
                target=need.id,
            ),
        )

    @memo_by_id
    def imply(self, need: Need) -> Move:
        """The implication question on an explored need."""
        return self._to(
            need.owner,
            Move(
                f"imply:{need.id}",
                self._w.text(need.implication_question),
                MoveKind.IMPLICATIEVRAAG,
                (EffectKey.IMPLICATIEVRAAG,),
                question_type=QuestionType.OPEN,
                spin=Spin.IMPLICATIE,
                target=need.id,
            ),
        )

    def summary(self, surfaced: tuple[str, ...], wrong: Need | None = None) -> Move:
        """A summary of the needs the customer mentioned (``surfaced``, in scenario order); with ``wrong``
        one point is replaced by a false detail."""
        return self._summary(surfaced, wrong.id if wrong is not None else None)

    @memo
    def _summary(self, surfaced: tuple[str, ...], wrong_id: str | None) -> Move:
        wrong = self._needs[wrong_id] if wrong_id is not None else None
        items = list(surfaced)
        phrases = [self._w.text(self._needs[nid].summary) for nid in items]
        false_detail = None
        if wrong is not None and items:
            false_detail = self._w.text(wrong.false_detail)
            index = items.index(wrong.id) if wrong.id in items else len(items) - 1
            phrases[index] = false_detail
            items = items[:index] + items[index + 1 :]
        template = self._line("summary")
        kind_key = EffectKey.FOUTE_SAMENVATTING if false_detail else EffectKey.SAMENVATTING
        return Move(
            f"summary:{'wrong' if false_detail else 'right'}:{len(surfaced)}",
            template.replace("{items}", join_items(phrases, self._w)),
            MoveKind.SAMENVATTING,
            (kind_key,),
            question_type=QuestionType.CONTROLE,
            summary_items=tuple(items),
            false_detail=false_detail,
        )

    @memo
    def transition(self) -> Move:
        """Move on to the offer ('Zal ik laten zien hoe wij dat oplossen?')."""
        text = self._line("transition")
        return Move("transition", text, MoveKind.OVERGANG, (EffectKey.OVERGANG,), trigger=PhaseTrigger.PRESENT)

    @memo
    def feature_dump(self) -> Move:
        """List features without linking them to a need (the scenario's own wording, else the kenmerken)."""
        text = self._line("feature_dump")
        if not self._content.scenario.student_lines.feature_dump:
            text = " ".join([text] + [sentence(self._w.text(row.kenmerk)) for row in self._rows[:3]])
        return Move(
            "feature_dump",
            text,
            MoveKind.KENMERKEN_OPSOMMEN,
            (EffectKey.KENMERKEN_OPSOMMEN,),
            parts=frozenset({ArgumentPart.KENMERK}),
            trigger=PhaseTrigger.PRESENT,
        )

    # ------------------------------------------------------------------ transformatie

    @memo_by_id
    def argue(self, row: KvvbRow, bare: bool = False) -> Move:
        """An argument from a KVVB row: the full chain, or only feature and advantage (``bare``)."""
        parts = [row.kenmerk, row.voordeel] if bare else [row.kenmerk, row.voordeel, row.baat, row.bewijs]
        sentences = [sentence(self._w.text(part)) for part in parts]
        if not bare:
            sentences.append(self._w.text(row.controlevraag))
        effects = (EffectKey.ARGUMENT,) if bare else (EffectKey.ARGUMENT, EffectKey.BEWIJS)
        move = Move(
            f"argue_bare:{row.id}" if bare else f"argue:{row.id}",
            " ".join(sentences),
            MoveKind.ARGUMENT,
            effects,
            target=row.id,
            parts=BARE_CHAIN if bare else FULL_CHAIN,
            trigger=PhaseTrigger.PRESENT,
        )
        return self._to(self._needs[row.need].owner, move)

    @memo_by_id
    def answer(self, signal: Signal) -> Move:
        """Answering the customer's question (a verbal interest signal)."""
        return self._to(
            signal.owner,
            Move(
                f"answer:{signal.id}",
                self._w.text(signal.answer or ""),
                MoveKind.ANTWOORD,
                (EffectKey.ANTWOORD,),
                target=signal.id,
            ),
        )

    @memo
    def trial_close(self) -> Move:
        """A trial close (proefafsluiting)."""
        text = self._line("trial_close")
        return Move(
            "trial_close",
            text,
            MoveKind.PROEFAFSLUITING,
            (EffectKey.PROEFAFSLUITING,),
            question_type=QuestionType.CONTROLE,
        )

    def close(self, technique: CloseTechnique, surfaced: tuple[str, ...]) -> Move:
        """A close with one technique (a summarising close names the needs the customer mentioned)."""
        return self.closes((technique,), surfaced)[0]

    def closes(self, techniques: Sequence[CloseTechnique], surfaced: tuple[str, ...]) -> list[Move]:
        """A close for each technique, in order."""
        return [self._close(t, surfaced if "{items}" in self._line(t.value) else ()) for t in techniques]

    @memo
    def close_wrong(self) -> Move:
        """DMU meeting: a direct close put to someone at the table who does not decide (a weak move)."""
        move = replace(
            self._close_move(CloseTechnique.DIRECT, ()), id="close_wrong", effects=(EffectKey.VERKEERDE_PERSOON,)
        )
        return self._to(self._table.other_than(self._table.decider.id, self._variant).id, move)

    @memo_by_id
    def ask_wrong(self, need: Need) -> Move:
        """DMU meeting: the open question on a need put to someone else than whose need it is (a weak move)."""
        move = replace(self._question(need), id=f"ask_wrong:{need.id}", effects=(EffectKey.VERKEERDE_PERSOON,))
        return self._to(self._table.other_than(need.owner, self._variant).id, move)

    def _to(self, person_id: str | None, move: Move) -> Move:
        """In a meeting, address a move to a person (the main customer by default); elsewhere, leave it."""
        if not self._table.is_meeting:
            return move
        person = self._table.person(person_id)
        return replace(move, addressee=person.id, text=f"{self._w.address(person.name)} {move.text}")

    @memo
    def _close(self, technique: CloseTechnique, surfaced: tuple[str, ...]) -> Move:
        return self._to(self._table.decider.id, self._close_move(technique, surfaced))

    def _close_move(self, technique: CloseTechnique, surfaced: tuple[str, ...]) -> Move:
        text = self._line(technique.value)
        if "{items}" in text:
            reasons = [self._w.text(self._needs[nid].summary) for nid in surfaced]
            text = text.replace("{items}", join_items(reasons, self._w))
        qtype = QuestionType.ALTERNATIEF if technique is CloseTechnique.ALTERNATIEF else QuestionType.GESLOTEN
        return Move(
            f"close:{technique.value}",
            text,
            MoveKind.AFSLUITING,
            (EffectKey.AFSLUITING,),
            question_type=qtype,
            technique=technique,
            trigger=PhaseTrigger.CLOSE,
        )

    @memo
    def next_step(self) -> Move:
        """Propose a concrete next step (offerte, demo, meeting)."""
        text = self._line("next_step")
        return Move(
            "next_step",
            text,
            MoveKind.VERVOLGAFSPRAAK,
            (EffectKey.VERVOLGAFSPRAAK,),
            question_type=QuestionType.GESLOTEN,
        )

    @memo_by_id
    def handle(self, objection: Objection) -> list[Move]:
        """The doorvraag on an objection and one answer per authored technique."""
        moves = [
            Move(
                f"objection:{objection.id}:doorvragen",
                self._w.text(objection.probe),
                MoveKind.BEZWAARBEHANDELING,
                (EffectKey.DOORVRAAG,),
                question_type=QuestionType.OPEN,
                target=objection.id,
                technique=Technique.DOORVRAGEN,
            )
        ]
        for technique, text in objection.answers.items():
            moves.append(
                Move(
                    f"objection:{objection.id}:{technique.value}",
                    self._w.text(text),
                    MoveKind.BEZWAARBEHANDELING,
                    (EffectKey.BEZWAARBEHANDELING,),
                    target=objection.id,
                    technique=technique,
                )
            )
        return [self._to(objection.owner, move) for move in moves]

    @memo
    def negotiate(self, move_id: str, kind: MoveKind, effect: EffectKey) -> Move:
        """A negotiation move: the question behind the demand, a concession traded or given, holding the
        price, granting the demand, or breaking off."""
        terms = self._content.scenario.negotiation
        assert terms is not None
        action, _, concession_id = move_id.removeprefix("negotiate:").partition(":")
        concession = next((c for c in terms.concessions if c.id == concession_id), None)
        texts = {"probe": terms.probe, "hold": terms.hold, "discount": terms.discount, "break_off": terms.break_off}
        if concession is not None:
            texts = {"trade": concession.trade, "give": concession.give}
        qtype = QuestionType.OPEN if action == "probe" else None
        return Move(
            move_id, self._w.text(texts[action]), kind, (effect,), question_type=qtype, target=concession_id or None
        )

    # ------------------------------------------------------------------ relatie

    @memo
    def relatie(self) -> list[Move]:
        """After the order: after-sales agreements, pushing more, saying goodbye."""
        return [
            Move("aftersales", self._line("aftersales"), MoveKind.NAZORG, (EffectKey.NAZORG,)),
            Move("follow_up", self._line("follow_up"), MoveKind.NAZORG, (EffectKey.NAZORG,)),
            Move("cross_sell", self._line("cross_sell"), MoveKind.BIJVERKOPEN, (EffectKey.BIJVERKOPEN,)),
            Move("goodbye", self._line("goodbye"), MoveKind.AFSCHEID, (EffectKey.AFSCHEID,)),
        ] + [replace(move, id=f"after_{move.id}") for move in self.smalltalk()]

    # ------------------------------------------------------------------ lookups

    def need(self, need_id: str) -> Need:
        """A need by id."""
        return self._needs[need_id]

    def rows(self) -> list[KvvbRow]:
        """The KVVB rows."""
        return list(self._rows)

    def row(self, row_id: str) -> KvvbRow:
        """A KVVB row by id."""
        return next(row for row in self._rows if row.id == row_id)

    def objection(self, objection_id: str) -> Objection:
        """An objection by id."""
        return self._objections[objection_id]

    def needs_in(self, state: SessionState, level: NeedState) -> list[Need]:
        """Needs exactly at a level, in scenario order."""
        return [self._needs[nid] for nid, at in state.needs.items() if at is level]


def sentence(text: str) -> str:
    """End a fragment with a full stop unless it already ends a sentence."""
    text = text.strip()
    return text if text[-1:] in ".?!" else f"{text}."


def join_items(items: list[str], wording: Wording) -> str:
    """'a, b en c' in Dutch, 'a, b and c' in English."""
    word = "and" if wording.language.value == "en" else "en"
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"
