"""A scenario made ready to play: everything that stays the same from one conversation to the next.

A :class:`Conversation` needs the customer model, the assessor, the signal desk, the move builder and
the two state machines. None of them holds per-conversation state, so one :class:`CompiledScenario`
serves any number of conversations of the same content and language. ``salesim analyze`` plays
thousands of conversations on one; the game builds one per conversation.
"""

from __future__ import annotations

from math import lcm

from simulator.engine.assess import Assessor
from simulator.engine.content import Content, StudentLines
from simulator.engine.customer import CustomerModel
from simulator.engine.dmu import Table
from simulator.engine.machines import PhaseChart, StageChart
from simulator.engine.moves import MoveBuilder
from simulator.engine.negotiation import Negotiator
from simulator.engine.offer import OfferMaker
from simulator.engine.signals import SignalDesk
from simulator.engine.vocabulary import Language
from simulator.engine.wording import Wording


class CompiledScenario:
    """The parts of a conversation that depend only on the content and the language."""

    def __init__(self, content: Content, language: Language | None = None) -> None:
        self.content = content
        self.language = language or content.scenario.language
        self.wording = Wording(content.scenario, content.rulebook, self.language)
        self.table = Table(content)
        self.negotiator = Negotiator(content)
        self.customer = CustomerModel(content, self.wording, self.table, self.negotiator)
        self.assessor = Assessor(content, self.table, self.negotiator)
        self.signals = SignalDesk(content)
        self.cue_texts = {cue: self.wording.text(text) for cue, text in content.rulebook.cues.items()}
        """What each cue looks (or, on the telephone, sounds) like, in the language."""
        channel = content.rulebook.channels[content.scenario.channel]
        self.perceived = {cue: channel.perceived(cue) for cue in content.rulebook.cues}
        """Each cue as the student perceives it on the scenario's channel."""
        self.phase_chart = PhaseChart()
        self.stage_chart = StageChart(content.rulebook.buying_models[content.scenario.buying_model])
        self._period = self._variant_period()
        self._offers: dict[int, tuple[MoveBuilder, OfferMaker]] = {}

    def moves_for(self, seed: int) -> tuple[MoveBuilder, OfferMaker]:
        """The move builder and offer maker of a conversation with this seed (shared by seeds whose
        conversations word every move the same)."""
        variant = seed % self._period
        found = self._offers.get(variant)
        if found is None:
            builder = MoveBuilder(self.content, self.wording, self.table, variant=variant)
            found = self._offers[variant] = (builder, OfferMaker(self.content, builder, self.assessor, self.negotiator))
        return found

    def _variant_period(self) -> int:
        """After how many seeds the wording of the moves repeats: the seed picks one variant of each
        student line and, at a meeting, whom a wrong-person move goes to."""
        counts = [len(self.wording.student_variants(key)) or 1 for key in StudentLines.model_fields]
        if self.table.is_meeting:
            counts.append(len(self.table.people) - 1)
        return lcm(*counts)
