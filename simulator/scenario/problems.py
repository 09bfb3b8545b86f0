"""Problems found in content files, each with a file, a line and a column."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

KeyPath = tuple[str | int, ...]
Position = tuple[int, int]
PositionMap = dict[KeyPath, Position]
KEY = "\x00key"
"""Marker appended to a key path to find the position of the key itself, e.g. ``("customer", "x", KEY)``."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a content file; ``line`` and ``col`` are 1-based.

    ``severity`` is ``"error"`` (the file cannot be used) or ``"warning"`` (it loads, but part of it can
    never be used or is incomplete); ``code`` names the kind of warning, e.g. ``hook-not-in-statement``.
    """

    path: str
    line: int
    col: int
    message: str
    severity: str = "error"
    code: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        if self.severity != "warning":
            return f"{where}: {self.message}"
        return f"{where}: warning: {self.message}" + (f" [{self.code}]" if self.code else "")


class ContentError(Exception):
    """A content file could not be loaded; ``problems`` says why, with positions."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = sort_problems(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems) or "invalid content")


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """The problems without duplicates, in file, line and column order."""
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.col, p.message))


def dotted(path: KeyPath) -> str:
    """A key path as a teacher reads it: ``("needs", 2, "hook")`` becomes ``needs[2].hook``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def position_of(positions: PositionMap, where: KeyPath, *, key: bool = False) -> Position:
    """Where ``where`` is in the file: its key (``key=True``) or value, else the key of its nearest parent."""
    if key and (*where, KEY) in positions:
        return positions[(*where, KEY)]
    if where in positions:
        return positions[where]
    for end in range(len(where) - 1, -1, -1):
        parent = where[:end]
        if (*parent, KEY) in positions:
            return positions[(*parent, KEY)]
        if parent in positions:
            return positions[parent]
    return 1, 1


class Report:
    """Collects the problems of one file, placing each by its key path."""

    def __init__(self, path: str, positions: PositionMap) -> None:
        self.path = path
        self.positions = positions
        self.problems: list[Problem] = []

    def at(self, where: KeyPath, message: str, *, key: bool = False, shown: KeyPath | None = None) -> None:
        """Add ``message`` at ``where``, prefixed with the dotted path ``shown`` (default: ``where``)."""
        label = dotted(where if shown is None else shown)
        line, col = position_of(self.positions, where, key=key)
        self.problems.append(Problem(self.path, line, col, f"{label}: {message}" if label else message))
