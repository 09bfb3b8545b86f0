"""The Salesim engine: a pure-Python model of a sales conversation (no pygame, no file I/O).

Use :class:`Conversation` with a validated :class:`Content` (see :mod:`simulator.scenario`), and
:func:`score` for the explained result.
"""

from simulator.engine.content import Content, Rulebook, Scenario, Typology
from simulator.engine.conversation import Conversation, CustomerTurn, TurnRecord
from simulator.engine.errors import EngineError, IllegalMoveError, PreparationError, SessionOverError
from simulator.engine.moves import Move
from simulator.engine.vocabulary import Language, Mode, Outcome, Phase

__all__ = [
    "Content",
    "Conversation",
    "CustomerTurn",
    "EngineError",
    "IllegalMoveError",
    "Language",
    "Mode",
    "Move",
    "Outcome",
    "Phase",
    "PreparationError",
    "Rulebook",
    "Scenario",
    "SessionOverError",
    "TurnRecord",
    "Typology",
]
