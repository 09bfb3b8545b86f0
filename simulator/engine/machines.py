"""The two state machines: the conversation's phases (VOITAR) and the customer's buying stage.

Both are ``transitions`` machines with enum states and ``auto_transitions=False``. Each drives a small
holder object, so no method of ours can shadow a trigger. Every trigger name is checked when built.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from itertools import pairwise
from typing import Any, Generic, TypeVar

from transitions import Machine

from simulator.engine.content import StageDef
from simulator.engine.errors import EngineError
from simulator.engine.vocabulary import Phase


class PhaseTrigger(StrEnum):
    """Events that move the conversation from one phase to another."""

    OPEN = "open"
    ASK = "ask"
    PRESENT = "present"
    CLOSE = "close"
    EXPLORE = "explore"
    RESUME = "resume"
    WIN = "win"


_P = Phase
PHASE_TRANSITIONS: list[dict[str, Any]] = [
    {"trigger": PhaseTrigger.OPEN.value, "source": _P.VOORBEREIDING, "dest": _P.OPENING},
    {"trigger": PhaseTrigger.ASK.value, "source": _P.OPENING, "dest": _P.INFORMATIE},
    {"trigger": PhaseTrigger.PRESENT.value, "source": [_P.OPENING, _P.INFORMATIE], "dest": _P.TRANSFORMATIE},
    {
        "trigger": PhaseTrigger.CLOSE.value,
        "source": [_P.OPENING, _P.INFORMATIE, _P.TRANSFORMATIE],
        "dest": _P.AFSLUITING,
    },
    {"trigger": PhaseTrigger.EXPLORE.value, "source": [_P.TRANSFORMATIE, _P.AFSLUITING], "dest": _P.INFORMATIE},
    {"trigger": PhaseTrigger.RESUME.value, "source": _P.AFSLUITING, "dest": _P.TRANSFORMATIE},
    {"trigger": PhaseTrigger.WIN.value, "source": [_P.TRANSFORMATIE, _P.AFSLUITING], "dest": _P.RELATIE},
]


class _Holder:
    """The model object a machine drives; it has no methods that could shadow a trigger."""

    state: Any


def _check_triggers(machine: Machine, expected: set[str]) -> None:
    known = set(machine.events)
    missing = expected - known
    if missing:
        raise EngineError(f"state machine lacks triggers: {sorted(missing)}")


class _Chart:
    """A machine's definition: one ``transitions`` machine that many conversations share.

    Building a machine costs far more than driving one, so a scenario's conversations (in ``salesim
    analyze``, thousands) share it. Each running conversation drives a model of its own; a model whose
    conversation has ended is kept registered and handed to the next one, set back to the initial state.
    """

    def __init__(self, machine: Machine, initial: Enum) -> None:
        self.machine = machine
        self.initial = initial
        self._idle: list[_Holder] = []

    def take(self) -> _Holder:
        """A model in the initial state, for one conversation."""
        if self._idle:
            holder = self._idle.pop()
            self.machine.set_state(self.initial, model=holder)
            return holder
        holder = _Holder()
        self.machine.add_model(holder)
        return holder

    def give_back(self, holder: _Holder) -> None:
        """A conversation has ended; its model can drive the next one."""
        self._idle.append(holder)


C = TypeVar("C", bound=_Chart)


class _Driven(Generic[C]):
    """One conversation's use of a chart: its state, moved only through the chart's machine."""

    def __init__(self, chart: C) -> None:
        self._machine = chart.machine
        self._chart = chart
        self._holder: _Holder | None = chart.take()
        self._final: Any = None

    @property
    def _state(self) -> Any:
        holder = self._holder
        return holder.state if holder is not None else self._final

    def _trigger(self, name: str) -> None:
        if self._holder is None:
            raise EngineError("the conversation has ended; its state machines no longer move")
        self._machine.events[name].trigger(self._holder)

    def release(self) -> None:
        """The conversation is over: keep the final state and hand the model back to the chart."""
        if self._holder is not None:
            self._final = self._holder.state
            self._chart.give_back(self._holder)
            self._holder = None


class PhaseChart(_Chart):
    """The phase machine (VOITAR), shared by the conversations of a scenario."""

    def __init__(self) -> None:
        machine = Machine(
            model=None,
            states=Phase,
            transitions=PHASE_TRANSITIONS,
            initial=Phase.VOORBEREIDING,
            auto_transitions=False,
            queued=True,
        )
        _check_triggers(machine, {t.value for t in PhaseTrigger})
        super().__init__(machine, Phase.VOORBEREIDING)
        self.allowed = {phase: frozenset(machine.get_triggers(phase)) for phase in Phase}
        """The triggers each phase allows (the table never changes once built)."""


class PhaseMachine(_Driven[PhaseChart]):
    """The conversation's phase, moved only by named triggers."""

    def __init__(self, chart: PhaseChart | None = None) -> None:
        super().__init__(chart or PhaseChart())

    @property
    def phase(self) -> Phase:
        """The current phase."""
        phase: Phase = self._state
        return phase

    def can(self, trigger: PhaseTrigger) -> bool:
        """Whether the trigger is allowed from the current phase."""
        return trigger.value in self._chart.allowed[self._state]

    def jump(self, phase: Phase) -> None:
        """Put the machine straight into a phase (playtesting from any phase; not a move)."""
        if self._holder is None:
            raise EngineError("the conversation has ended; its phase no longer changes")
        self._machine.set_state(phase, model=self._holder)

    def fire(self, trigger: PhaseTrigger) -> bool:
        """Fire a trigger if it is allowed here; return whether the phase changed."""
        if not self.can(trigger):
            return False
        before = self.phase
        self._trigger(trigger.value)
        return self.phase is not before


def stage_enum(stages: list[StageDef]) -> type[Enum]:
    """An enum of a buying model's stages, for use as machine states."""
    return Enum("BuyingStage", {stage.id.upper(): stage.id for stage in stages})  # type: ignore[return-value]


def stage_transitions(stages: type[Enum]) -> list[dict[str, Any]]:
    """Advance and fall back between neighbouring stages of a buying model."""
    transitions: list[dict[str, Any]] = []
    for low, high in pairwise(list(stages)):
        transitions.append({"trigger": "advance", "source": low, "dest": high})
        transitions.append({"trigger": "fall_back", "source": high, "dest": low})
    return transitions


class StageChart(_Chart):
    """A buying model's stage machine, shared by the conversations of a scenario."""

    def __init__(self, stages: list[StageDef]) -> None:
        enum = stage_enum(stages)
        order = list(enum)
        machine = Machine(
            model=None,
            states=enum,
            transitions=stage_transitions(enum),
            initial=order[0],
            auto_transitions=False,
            queued=True,
        )
        _check_triggers(machine, {"advance", "fall_back"} if len(order) > 1 else set())
        super().__init__(machine, order[0])
        self.order = order
        self.thresholds = [stage.min_readiness for stage in stages]
        self.index = {member: index for index, member in enumerate(order)}


class StageMachine(_Driven[StageChart]):
    """The customer's buying-behaviour stage (AIDA by default), driven by readiness thresholds."""

    def __init__(self, stages: list[StageDef] | StageChart) -> None:
        super().__init__(stages if isinstance(stages, StageChart) else StageChart(stages))

    @property
    def stage(self) -> str:
        """The current stage id."""
        value: str = self._state.value
        return value

    def follow(self, readiness: float) -> None:
        """Advance or fall back one stage at a time until the stage fits the readiness."""
        chart = self._chart
        last = len(chart.order) - 1
        for _ in chart.order:
            index = chart.index[self._state]
            if index < last and readiness >= chart.thresholds[index + 1]:
                self._trigger("advance")
            elif index > 0 and readiness < chart.thresholds[index]:
                self._trigger("fall_back")
            else:
                return
