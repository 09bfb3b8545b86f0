"""The shipped scenario library: what it covers, that each scenario is clean and balanced, and that a
recorded strong playthrough of each still gives the same outcome and grade."""

from __future__ import annotations

import statistics
from collections import Counter
from pathlib import Path

import pytest

from simulator.engine import Content
from simulator.engine.result import score
from simulator.engine.vocabulary import BuyingSituation, Channel, Language, ObjectionType
from simulator.scenario.analyze import analyze
from simulator.scenario.lint import lint_paths
from simulator.scenario.loader import list_shipped, load_scenario
from tests.content.playthrough import load, path_for, replay

SHIPPED = {path.stem: path for path in list_shipped()}


@pytest.fixture(scope="module")
def library() -> dict[str, Content]:
    return {scenario_id: load_scenario(path) for scenario_id, path in SHIPPED.items()}


def test_the_library_covers_the_course(library: dict[str, Content]) -> None:
    scenarios = [content.scenario for content in library.values()]
    assert len(scenarios) >= 8
    types = Counter(s.customer.typology for s in scenarios if s.typology_model == "das")
    assert all(types[code] >= 2 for code in "DAS"), types
    situations = Counter(s.buying_situation for s in scenarios)
    assert all(situations[situation] >= 2 for situation in BuyingSituation), situations
    channels = Counter(s.channel for s in scenarios)
    assert channels[Channel.TELEFOON_ACTIEF] >= 1 and channels[Channel.TELEFOON_PASSIEF] >= 1, channels
    levels = Counter(s.difficulty for s in scenarios)
    assert all(levels[level] >= 2 for level in (1, 2, 3)), levels
    assert sum(set(s.languages) >= {Language.NL, Language.EN} for s in scenarios) >= 2
    assert any(len(s.participants) >= 1 for s in scenarios), "a DMU meeting with at least two people"
    assert any(o.type is ObjectionType.KLACHT for s in scenarios for o in s.objections), "an after-sales complaint"
    assert any(s.negotiation is not None for s in scenarios), "a negotiation"


@pytest.mark.parametrize("scenario_id", sorted(SHIPPED))
def test_validates_strictly(scenario_id: str) -> None:
    assert lint_paths([SHIPPED[scenario_id]]) == []


@pytest.mark.parametrize("scenario_id", sorted(SHIPPED))
def test_the_recorded_strong_playthrough_still_wins(scenario_id: str, library: dict[str, Content]) -> None:
    assert path_for(scenario_id).exists(), f"record one: python -m tests.content.playthrough {scenario_id}"
    playthrough = load(scenario_id)
    content = library[scenario_id]
    assert playthrough["version"] == content.scenario.version, "the scenario changed: re-record its playthrough"
    result = score(replay(content, playthrough))
    assert (result.outcome.value, result.grade) == (playthrough["outcome"], playthrough["grade"])
    assert result.outcome.value in ("order", "vervolgafspraak")
    assert result.grade >= 8.0


@pytest.mark.parametrize("scenario_id", sorted(SHIPPED))
def test_bots_find_it_balanced(scenario_id: str, library: dict[str, Content]) -> None:
    """A quicker version of what `salesim analyze --runs 2000` checks before a scenario ships."""
    analysis = analyze(library[scenario_id], 120)
    assert statistics.median(analysis.bots["expert"].grades) >= 8.0
    assert statistics.median(analysis.bots["random"].grades) < 5.5
    assert analysis.warnings == []


def test_no_stray_playthroughs() -> None:
    recorded = {path.stem for path in Path(path_for("x")).parent.glob("*.json")}
    assert recorded <= set(SHIPPED), recorded - set(SHIPPED)
