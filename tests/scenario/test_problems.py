"""Problems: how they print and sort."""

from __future__ import annotations

from simulator.scenario.problems import KEY, ContentError, PositionMap, Problem, dotted, position_of


def test_problem_prints_as_path_line_col_message() -> None:
    problem = Problem("scenarios/les1.yaml", 12, 5, "needs[2].hook: field required")
    assert str(problem) == "scenarios/les1.yaml:12:5: needs[2].hook: field required"
    assert problem.severity == "error"


def test_content_error_sorts_and_drops_duplicates() -> None:
    late, early = Problem("a.yaml", 9, 1, "x"), Problem("a.yaml", 2, 7, "y")
    error = ContentError([late, early, late])
    assert error.problems == [early, late]
    assert str(error) == "a.yaml:2:7: y\na.yaml:9:1: x"


def test_dotted_paths() -> None:
    assert dotted(("needs", 2, "hook")) == "needs[2].hook"
    assert dotted(("customer", "typology")) == "customer.typology"
    assert dotted(()) == ""


def test_position_falls_back_to_the_nearest_parent_key() -> None:
    positions: PositionMap = {
        (): (1, 1),
        ("customer", KEY): (4, 1),
        ("customer",): (5, 3),
        ("customer", "name"): (5, 9),
    }
    assert position_of(positions, ("customer", "name")) == (5, 9)
    assert position_of(positions, ("customer", "typology")) == (4, 1)
    assert position_of(positions, ("customer",), key=True) == (4, 1)
    assert position_of(positions, ("needs", 3)) == (1, 1)
    assert position_of({}, ("x",)) == (1, 1)
