"""Typologies are data: another model (DISC) drops in as a file and changes how the customer reacts."""

from __future__ import annotations

import random
from pathlib import Path

from simulator.engine import Conversation
from simulator.engine.result import score
from simulator.scenario.loader import find_scenario, load_scenario
from tests.conftest import FIRST_SCENARIO


def with_typology(tmp_path: Path, model: str, code: str) -> Path:
    text = find_scenario(FIRST_SCENARIO).read_text(encoding="utf-8")
    text = text.replace("typology_model: das", f"typology_model: {model}", 1)
    text = text.replace("  typology: A\n", f"  typology: {code}\n", 1)
    path = tmp_path / "disc_variant.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_scenario_can_use_the_disc_typology(tmp_path: Path) -> None:
    content = load_scenario(with_typology(tmp_path, "disc", "I"))
    assert content.typology.types.keys() == {"D", "I", "S", "C"}
    conv = Conversation(content, seed=3)
    conv.start()
    rng = random.Random(3)
    while not conv.finished:
        conv.choose(rng.choice(conv.offered).id)
    assert 1.0 <= score(conv).grade <= 10.0


def test_the_type_changes_the_customer(tmp_path: Path) -> None:
    def patience_after_smalltalk(code: str) -> float:
        conv = Conversation(load_scenario(with_typology(tmp_path, "disc", code)), seed=1)
        conv.start()
        conv.offered = conv.builder.smalltalk()[:1]
        conv.choose(conv.offered[0].id)
        return conv.state.mood.patience

    assert patience_after_smalltalk("I") > patience_after_smalltalk("D")
