"""Validation of the DMU meeting and the negotiation: every problem placed at its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.scenario.loader import validate_paths

from .helpers import FIXTURES, position, replaced

MEETING = (FIXTURES / "meeting" / "scenario.yaml").read_text(encoding="utf-8")
NEGOTIATION = (FIXTURES / "negotiation" / "scenario.yaml").read_text(encoding="utf-8")

CASES = [
    (MEETING, "    owner: kees\n", "    owner: piet\n", "owner: piet", 7, "needs[0].owner: unknown person 'piet'"),
    (MEETING, "  - id: kees\n", "  - id: anna\n", "id: anna\n    name: Kees", 4, "duplicate person id 'anna'"),
    (MEETING, "    typology: S\n", "    typology: X\n", "typology: X", 10, "unknown type 'X'"),
    (
        MEETING,
        "  deflect: Dat kan {name} u beter vertellen, die heeft er elke dag mee te maken.\n",
        "",
        "customer:",
        0,
        "'deflect:' is required in a meeting with participants",
    ),
    (NEGOTIATION, "  walk_away: 3000\n", "  walk_away: 3500\n", "3500", 0, "must be below the quote's value (3420)"),
    (NEGOTIATION, "  needed: 15\n", "  needed: 40\n", "40\n", 0, "can never be satisfied without the whole demand"),
    (
        NEGOTIATION,
        "    - id: bonen\n",
        "    - id: levering\n",
        "id: levering\n      give: De eerste",
        4,
        "duplicate id 'levering'",
    ),
]


@pytest.mark.parametrize(("base", "old", "new", "needle", "skip", "message"), CASES)
def test_defect(tmp_path: Path, base: str, old: str, new: str, needle: str, skip: int, message: str) -> None:
    text = replaced(base, old, new)
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    problems = validate_paths([path])
    at = position(text, needle, skip)
    assert any((p.line, p.col) == at and message in p.message for p in problems), problems


def test_the_fixtures_are_valid() -> None:
    assert validate_paths([FIXTURES / "meeting", FIXTURES / "negotiation"]) == []
