"""Errors the engine raises; all derive from :class:`EngineError` (a ``ValueError``)."""

from __future__ import annotations


class EngineError(ValueError):
    """Something the engine was asked cannot be done."""


class IllegalMoveError(EngineError):
    """The move is not among the moves offered this turn."""


class SessionOverError(EngineError):
    """The conversation has ended; no more moves are accepted."""


class PreparationError(EngineError):
    """The preparation choices are unknown or exceed the budget."""
