"""The two state machines: the conversation's phases (VOITAR) and the customer's buying stage.

Both are ``transitions`` machines with enum states and ``auto_transitions=False``. Each drives a small
holder object, so no method of ours can shadow a trigger. Every trigger name is checked when built.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from itertools import pairwise
from typing import Any

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

    def detach(self, machine: Machine) -> None:
        """Leave a machine and drop the trigger helpers it attached (they point back at this holder, so
        without this every finished conversation would wait for the cyclic garbage collector)."""
        machine.remove_model(self)
        state = self.state
        vars(self).clear()
        self.state = state


def _check_triggers(machine: Machine, expected: set[str]) -> None:
    known = set(machine.events)
    missing = expected - known
    if missing:
        raise EngineError(f"state machine lacks triggers: {sorted(missing)}")


class PhaseChart:
    """The phase machine's definition: one ``transitions`` machine that many conversations share as models.

    Building a machine costs far more than adding a model to it, so a scenario's conversations (in
    ``salesim analyze``, thousands) share one; each conversation removes its model when it ends.
    """

    def __init__(self) -> None:
        self.machine = Machine(
            model=None,
            states=Phase,
            transitions=PHASE_TRANSITIONS,
            initial=Phase.VOORBEREIDING,
            auto_transitions=False,
        )
        _check_triggers(self.machine, {t.value for t in PhaseTrigger})
        self.allowed = {phase: frozenset(self.machine.get_triggers(phase)) for phase in Phase}
        """The triggers each phase allows (the table never changes once built)."""


class PhaseMachine:
    """The conversation's phase, moved only by named triggers."""

    def __init__(self, chart: PhaseChart | None = None) -> None:
        self._chart = chart or PhaseChart()
        self._machine = self._chart.machine
        self._holder = _Holder()
        self._machine.add_model(self._holder)
        self._attached = True

    @property
    def phase(self) -> Phase:
        """The current phase."""
        state: Phase = self._holder.state
        return state

    def can(self, trigger: PhaseTrigger) -> bool:
        """Whether the trigger is allowed from the current phase."""
        return trigger.value in self._chart.allowed[self._holder.state]

    def jump(self, phase: Phase) -> None:
        """Put the machine straight into a phase (playtesting from any phase; not a move)."""
        self._machine.set_state(phase, model=self._holder)

    def fire(self, trigger: PhaseTrigger) -> bool:
        """Fire a trigger if it is allowed here; return whether the phase changed."""
        if not self.can(trigger):
            return False
        before = self.phase
        self._machine.events[trigger.value].trigger(self._holder)
        return self.phase is not before

    def release(self) -> None:
        """Leave the shared machine (the conversation is over; the phase can still be read)."""
        if self._attached:
            self._holder.detach(self._machine)
            self._attached = False


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


class StageChart:
    """A buying model's stage machine, shared by the conversations of a scenario like :class:`PhaseChart`."""

    def __init__(self, stages: list[StageDef]) -> None:
        enum = stage_enum(stages)
        self.order = list(enum)
        self.machine = Machine(
            model=None,
            states=enum,
            transitions=stage_transitions(enum),
            initial=self.order[0],
            auto_transitions=False,
        )
        _check_triggers(self.machine, {"advance", "fall_back"} if len(self.order) > 1 else set())
        self.thresholds = [stage.min_readiness for stage in stages]
        self.index = {member: index for index, member in enumerate(self.order)}


class StageMachine:
    """The customer's buying-behaviour stage (AIDA by default), driven by readiness thresholds."""

    def __init__(self, stages: list[StageDef] | StageChart) -> None:
        self._chart = stages if isinstance(stages, StageChart) else StageChart(stages)
        self._machine = self._chart.machine
        self._holder = _Holder()
        self._machine.add_model(self._holder)
        self._attached = True

    @property
    def stage(self) -> str:
        """The current stage id."""
        value: str = self._holder.state.value
        return value

    def follow(self, readiness: float) -> None:
        """Advance or fall back one stage at a time until the stage fits the readiness."""
        chart = self._chart
        last = len(chart.order) - 1
        for _ in chart.order:
            index = chart.index[self._holder.state]
            if index < last and readiness >= chart.thresholds[index + 1]:
                self._machine.events["advance"].trigger(self._holder)
            elif index > 0 and readiness < chart.thresholds[index]:
                self._machine.events["fall_back"].trigger(self._holder)
            else:
                return

    def release(self) -> None:
        """Leave the shared machine (the conversation is over; the stage can still be read)."""
        if self._attached:
            self._holder.detach(self._machine)
            self._attached = False
