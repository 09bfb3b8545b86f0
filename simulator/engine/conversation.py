"""One sales conversation: the engine's public entry point.

A front end creates a :class:`Conversation` from validated content and a seed, optionally prepares,
starts it, then alternates between showing :attr:`Conversation.offered` and calling
:meth:`Conversation.choose`. :meth:`Conversation.mark_signal` may be called at any turn. The same
content, seed, preparation, marks and moves always give the same conversation and score.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import NamedTuple

from simulator.engine.assess import Judgement
from simulator.engine.compiled import CompiledScenario
from simulator.engine.content import Content, Signal
from simulator.engine.customer import Reaction
from simulator.engine.errors import EngineError, IllegalMoveError, PreparationError, SessionOverError
from simulator.engine.machines import PhaseMachine, PhaseTrigger, StageMachine
from simulator.engine.moves import Move
from simulator.engine.state import Mood, ObjectionStatus, SessionState
from simulator.engine.vocabulary import Language, Mode, NeedState, Outcome, Phase, SignalKind


class MoodSnapshot(NamedTuple):
    """The customer's inner state at one moment.

    This and the other per-turn records are named tuples: immutable like frozen dataclasses, and made
    several times faster (``salesim analyze`` makes millions)."""

    trust: float
    readiness: float
    patience: float


class PersonView(NamedTuple):
    """DMU meeting: how one person at the table looks at a turn."""

    id: str
    name: str
    cue: str
    trust: float
    readiness: float


class CustomerTurn(NamedTuple):
    """What the customer says and shows at one turn (turn 0 is the greeting)."""

    number: int
    text: str
    cue: str
    cue_text: str
    phase: Phase
    stage: str
    mood: MoodSnapshot
    signal_id: str | None
    signal_kind: SignalKind | None
    events: tuple[str, ...]
    informative: tuple[str, ...]
    speaker: str = ""
    """Who speaks first (the customer's name; in a meeting, whoever answers)."""
    cue_by: str = ""
    """Who shows the cue (a name)."""
    people: tuple[PersonView, ...] = ()
    """DMU meeting: everyone at the table, with their own cue and mood (empty for one customer)."""


class TurnRecord(NamedTuple):
    """One student move and the customer's reply, with everything the debrief needs."""

    number: int
    phase: Phase
    move: Move
    offered: tuple[Move, ...]
    judgements: tuple[Judgement, ...]
    value: float
    best: Move
    best_judgements: tuple[Judgement, ...]
    best_value: float
    reply: CustomerTurn


@dataclass(frozen=True, slots=True)
class Playtest:
    """An instructor's shortcut: start in this phase with this mood instead of at the greeting."""

    phase: Phase
    trust: float | None = None
    readiness: float | None = None
    patience: float | None = None

    def start(self, conv: Conversation) -> CustomerTurn:
        """Start a conversation this way; returns the customer's first words."""
        return conv.playtest_from(self.phase, self.trust, self.readiness, self.patience)


class Conversation:
    """A running sales conversation against a simulated customer."""

    def __init__(
        self,
        content: Content,
        seed: int = 0,
        mode: Mode = Mode.OEFENEN,
        language: Language | None = None,
        compiled: CompiledScenario | None = None,
    ) -> None:
        language = language or content.scenario.language
        if compiled is None or compiled.content is not content or compiled.language is not language:
            compiled = CompiledScenario(content, language)
        self.content = content
        self.seed = seed
        self.mode = mode
        self.language = language
        self.rng = random.Random(seed)
        self.wording = compiled.wording
        self.table = compiled.table
        self.negotiator = compiled.negotiator
        self.customer = compiled.customer
        self.builder, self.offers = compiled.moves_for(seed)
        self.assessor = compiled.assessor
        self.signals = compiled.signals
        self._cue_texts = compiled.cue_texts
        self._perceived = compiled.perceived
        self.phases = PhaseMachine(compiled.phase_chart)
        self.stages = StageMachine(compiled.stage_chart)
        self.state = self._initial_state()
        self.table.seat(content, self.state)
        self.state.negotiation = self.negotiator.start()
        self.preparation: tuple[str, ...] = ()
        self.turns: list[TurnRecord] = []
        self.greeting: CustomerTurn | None = None
        self.marks: list[int] = []
        self.offered: list[Move] = []
        self._judged: dict[str, list[Judgement]] = {}
        self._values: dict[str, float] = {}
        situation = content.rulebook.buying_situations[content.scenario.buying_situation]
        self.channel = content.rulebook.channels[content.scenario.channel]
        self.max_turns = content.scenario.max_turns or round(situation.turn_limit * self.channel.turn_factor)
        self.ended_by: str | None = None

    def _initial_state(self) -> SessionState:
        start = self.content.scenario.customer.start
        needs = {need.id: NeedState.HIDDEN for need in self.content.scenario.needs}
        return SessionState(
            mood=Mood(start.trust, start.readiness, start.patience),
            needs=needs,
            need_turns={nid: {} for nid in needs},
            objections={obj.id: ObjectionStatus() for obj in self.content.scenario.objections},
        )

    # ------------------------------------------------------------------ lifecycle

    @property
    def phase(self) -> Phase:
        """The current phase of the conversation."""
        return self.phases.phase

    @property
    def finished(self) -> bool:
        """Whether the conversation has ended."""
        return self.ended_by is not None

    @property
    def outcome(self) -> Outcome:
        """How the conversation ended (or stands)."""
        if self.ended_by == "abandoned" and self.state.outcome is None:
            return Outcome.AFGEBROKEN
        return self.state.outcome or Outcome.GEEN_DEAL

    def prepare(self, option_ids: list[str]) -> list[str]:
        """Spend the preparation budget; return the result texts. Only before :meth:`start`."""
        prep = self.content.scenario.preparation
        options = {opt.id: opt for opt in prep.options}
        unknown = [oid for oid in option_ids if oid not in options]
        if unknown or len(set(option_ids)) != len(option_ids):
            raise PreparationError(f"unknown or repeated preparation choices: {unknown or option_ids}")
        if sum(options[oid].cost for oid in option_ids) > prep.budget:
            raise PreparationError(f"preparation exceeds the budget of {prep.budget}")
        if self.phase is not Phase.VOORBEREIDING:
            raise PreparationError("preparation is only possible before the conversation starts")
        for oid in option_ids:
            effect = options[oid].effect
            self.state.shift(effect.trust, effect.readiness, effect.patience)
            self.state.revealed.update(options[oid].reveals_needs)
        self.preparation = tuple(option_ids)
        return [self.wording.text(options[oid].result) for oid in option_ids]

    def start(self) -> CustomerTurn:
        """Open the conversation: the customer's greeting and the first offered moves."""
        if self.greeting is not None:
            return self.greeting
        self.phases.fire(PhaseTrigger.OPEN)
        reaction = Reaction()
        reaction.say(self.wording.customer("greeting", self.rng))
        self.customer.raise_objection("opening", self.state, reaction)
        self.greeting = self._customer_turn(0, reaction, None)
        self.offered, self._judged, self._values = self.offers.offer(self.state, self.phase, self.rng)
        return self.greeting

    def playtest_from(
        self, phase: Phase, trust: float | None = None, readiness: float | None = None, patience: float | None = None
    ) -> CustomerTurn:
        """Instructor playtest: start, then jump to a phase with a preset mood (scores are not comparable)."""
        if phase in (Phase.VOORBEREIDING, Phase.RELATIE):
            raise EngineError("a playtest starts in opening, informatie, transformatie or afsluiting")
        greeting = self.start()
        if self.turns:
            raise EngineError("a playtest jump is only possible before the first move")
        self.phases.jump(phase)
        mood = self.state.mood
        self.state.shift(
            0 if trust is None else trust - mood.trust,
            0 if readiness is None else readiness - mood.readiness,
            0 if patience is None else patience - mood.patience,
        )
        self.stages.follow(mood.readiness)
        reaction = Reaction()
        reaction.say(greeting.text)
        self.greeting = self._customer_turn(0, reaction, None)
        self.offered, self._judged, self._values = self.offers.offer(self.state, self.phase, self.rng)
        return self.greeting

    def mark_signal(self) -> bool:
        """The student marks the latest customer turn as a buying signal; False if already marked."""
        if self.finished or self.greeting is None or self.state.customer_turn in self.marks:
            return False
        self.marks.append(self.state.customer_turn)
        window = self.state.open_window()
        if window is not None and window.marked_turn is None:
            window.marked_turn = self.state.customer_turn
        return True

    def abandon(self) -> None:
        """End the conversation early (the student quit); it is still scored."""
        if not self.finished:
            self.ended_by = "abandoned"
            self.offered = []
            self._release()

    # ------------------------------------------------------------------ a turn

    def choose(self, move_id: str) -> CustomerTurn:
        """Make one of the offered moves; return the customer's reply."""
        if self.finished:
            raise SessionOverError("the conversation has ended")
        if self.greeting is None:
            self.start()
        move = next((m for m in self.offered if m.id == move_id), None)
        if move is None:
            raise IllegalMoveError(f"move {move_id!r} is not offered now")
        phase = self.phase
        judgements = self.judgement(move)
        best, best_judgements, best_value = self._best_offered()
        reaction = self._play(move)
        self._check_end(move, reaction, len(self.turns) + 1)
        signal = None
        if (
            not self.finished
            and self.state.outcome is None
            and not any(e.startswith("objection_raised") for e in reaction.events)
        ):
            signal = self.signals.emit(self.state, self.phase, self.state.customer_turn, self.rng)
        reply = self._customer_turn(self.state.customer_turn, reaction, signal)
        value = self.value(move)
        self.turns.append(
            TurnRecord(
                len(self.turns) + 1,
                phase,
                move,
                tuple(self.offered),
                tuple(judgements),
                value,
                best,
                tuple(best_judgements),
                best_value,
                reply,
            )
        )
        if self.finished:
            self.offered, self._judged, self._values = [], {}, {}
            self._release()
        else:
            self.offered, self._judged, self._values = self.offers.offer(self.state, self.phase, self.rng)
        return reply

    def _release(self) -> None:
        """The conversation is over: leave the state machines it shares with other conversations."""
        self.phases.release()
        self.stages.release()

    def judgement(self, move: Move) -> list[Judgement]:
        """The assessor's judgement of a move now (for offered moves, the one made when offering them)."""
        judged = self._judged.get(move.id)
        return judged if judged is not None else self.assessor.judge(move, self.state, self.phase)

    def value(self, move: Move) -> float:
        """The weighted value of a move's judgement now (what the debrief ranks moves by)."""
        value = self._values.get(move.id)
        return value if value is not None else self.assessor.value(self.judgement(move))

    def _best_offered(self) -> tuple[Move, list[Judgement], float]:
        move = max(self.offered, key=self.value)
        return move, self.judgement(move), self.value(move)

    def _play(self, move: Move) -> Reaction:
        turn = self.state.customer_turn + 1
        reaction = self.customer.react(move, self.state, self.phases, self.rng)
        self.state.used_moves.add(move.id)
        self.customer.apply(reaction, self.state)
        for window in self.signals.expire(self.state, turn):
            self.state.shift(0, -self.content.rulebook.signals.missed_cooling, 0)
            reaction.events.append(f"window_missed:{window.signal_id}")
            reaction.say(self.wording.customer("cooled", self.rng))
            reaction.cue = reaction.cue or "looks_away"
        self.stages.follow(self.state.mood.readiness)
        self.state.customer_turn = turn
        return reaction

    def _customer_turn(self, number: int, reaction: Reaction, signal: Signal | None) -> CustomerTurn:
        cue = reaction.cue or self._mood_cue(reaction.cue_by or reaction.addressee)
        if signal is not None:
            if signal.text is not None:
                reaction.say(self.wording.text(signal.text), signal.owner)
            if signal.cue is not None:
                cue, reaction.cue_by = signal.cue, signal.owner
            if signal.answer is not None:
                reaction.informative.append(f"question:{signal.id}")
            reaction.events.append(f"signal:{signal.id}")
        mood = self.state.mood
        cue = self._perceived.get(cue) or self.channel.perceived(cue)
        speaker, text = self._voices(reaction)
        return CustomerTurn(
            number=number,
            text=text,
            cue=cue,
            cue_text=self._cue_texts[cue],
            phase=self.phase,
            stage=self.stages.stage,
            mood=MoodSnapshot(round(mood.trust, 1), round(mood.readiness, 1), round(mood.patience, 1)),
            signal_id=signal.id if signal else None,
            signal_kind=signal.kind if signal else None,
            events=tuple(reaction.events),
            informative=tuple(reaction.informative),
            speaker=speaker,
            cue_by=self.table.person(reaction.cue_by or reaction.addressee).name,
            people=self._people(reaction.cue_by or reaction.addressee, cue),
        )

    def _people(self, cue_by: str | None, cue: str) -> tuple[PersonView, ...]:
        """Everyone at a meeting: the one who reacts shows the turn's cue, the others their own mood."""
        if not self.state.people:
            return ()
        shown = self.table.person(cue_by).id
        return tuple(
            PersonView(
                pid,
                self.table.person(pid).name,
                cue if pid == shown else self.channel.perceived(self._mood_cue(pid, mood)),
                round(mood.trust, 1),
                round(mood.readiness, 1),
            )
            for pid, mood in self.state.people.items()
        )

    def _voices(self, reaction: Reaction) -> tuple[str, str]:
        """Who speaks first, and the words; in a meeting, a line by someone else starts with their name."""
        default = reaction.addressee or self.table.main.id
        if not any(reaction.speakers):
            return self.table.person(default).name, " ".join(reaction.lines)
        ids = [speaker or default for speaker in reaction.speakers]
        first = ids[0] if ids else default
        parts = [
            line if person == first else f"{self.table.person(person).name}: {line}"
            for person, line in zip(ids, reaction.lines, strict=True)
        ]
        return self.table.person(first).name, " ".join(parts)

    def _mood_cue(self, person_id: str | None = None, own: Mood | None = None) -> str:
        mood = own or self.state.mood
        moods = self.table.person(person_id).moods
        thresholds = self.content.rulebook.thresholds
        if self.state.mood.patience < thresholds.impatience:
            return moods["impatient"]
        if mood.trust < thresholds.trust_floor_for_readiness:
            return moods["guarded"]
        if mood.trust >= thresholds.warm_trust:
            return moods["warm"]
        return self.table.person(person_id).profile.idle_cue

    def _check_end(self, move: Move, reaction: Reaction, moves_made: int) -> None:
        state = self.state
        if "negotiation_broken" in reaction.events:
            self.ended_by = "broken_off"
        elif state.outcome is Outcome.VERVOLGAFSPRAAK:
            self.ended_by = "next_step"
        elif state.outcome is Outcome.ORDER:
            relatie_moves = sum(1 for t in self.turns if t.phase is Phase.RELATIE) + 1
            enough = relatie_moves >= self.content.rulebook.thresholds.relatie_moves
            if move.id == "goodbye" or enough or moves_made >= self.max_turns:
                self.ended_by = "order"
        elif state.mood.patience <= 0 or moves_made >= self.max_turns:
            self.ended_by = "leaves" if state.mood.patience <= 0 else "time_up"
            reaction.say(self.wording.customer(self.ended_by, self.rng))
            reaction.events.append(self.ended_by)
