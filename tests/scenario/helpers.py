"""Paths and small helpers shared by the content-loading tests."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BROKEN = FIXTURES / "broken"
MINIMAL = FIXTURES / "minimal" / "scenario.yaml"
SHIPPED_RULES = Path(__file__).resolve().parents[2] / "scenarios" / "rules"


def position(text: str, needle: str, skip: int = 0) -> tuple[int, int]:
    """1-based (line, col) of the first character of ``needle`` in ``text``, plus ``skip`` characters."""
    assert text.count(needle) == 1, f"{needle!r} must occur once"
    index = text.index(needle) + skip
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def replaced(text: str, old: str, new: str) -> str:
    """``text`` with the one occurrence of ``old`` replaced by ``new``."""
    assert text.count(old) == 1, f"{old!r} must occur once"
    return text.replace(old, new)
