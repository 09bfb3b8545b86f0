"""Recorded strong playthroughs of the shipped scenarios: record with the expert bot, replay in tests.

Record (or re-record after a deliberate change to the engine or a scenario):
    python -m tests.content.playthrough [SCENARIO_ID ...]
A playthrough is the preparation, the moves and the turns marked as buying signals, with the outcome and
grade they gave; replaying it on the same seed must give the same outcome and grade.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import TypedDict

from simulator.engine import Content, Conversation
from simulator.engine.result import score
from simulator.scenario.bots import expert_bot
from simulator.scenario.loader import find_scenario, list_shipped, load_scenario


class Playthrough(TypedDict):
    """One recorded playthrough."""

    scenario: str
    version: int
    seed: int
    preparation: list[str]
    moves: list[str]
    marks: list[int]
    outcome: str
    grade: float


FOLDER = Path(__file__).resolve().parent / "playthroughs"
SEED = 11


def preparation(content: Content) -> list[str]:
    """The options a careful student takes: in order, as long as the budget lasts."""
    chosen, left = [], content.scenario.preparation.budget
    for option in content.scenario.preparation.options:
        if option.cost <= left:
            chosen.append(option.id)
            left -= option.cost
    return chosen


def record(scenario_id: str) -> Playthrough:
    """Play the scenario with the expert bot and return the playthrough."""
    content = load_scenario(find_scenario(scenario_id))
    conv = Conversation(content, seed=SEED)
    prepared = preparation(content)
    conv.prepare(prepared)
    conv.start()
    rng = random.Random(SEED)
    while not conv.finished:
        move_id, mark = expert_bot(conv, rng)
        if mark:
            conv.mark_signal()
        conv.choose(move_id)
    result = score(conv)
    return {
        "scenario": scenario_id,
        "version": content.scenario.version,
        "seed": SEED,
        "preparation": prepared,
        "moves": [turn.move.id for turn in conv.turns],
        "marks": list(conv.marks),
        "outcome": result.outcome.value,
        "grade": result.grade,
    }


def load(scenario_id: str) -> Playthrough:
    """A scenario's recorded playthrough."""
    data: Playthrough = json.loads(path_for(scenario_id).read_text(encoding="utf-8"))
    return data


def replay(content: Content, playthrough: Playthrough) -> Conversation:
    """Replay a recorded playthrough; every move must be on offer when it is made."""
    conv = Conversation(content, seed=playthrough["seed"])
    conv.prepare(playthrough["preparation"])
    conv.start()
    marks = set(playthrough["marks"])
    for move_id in playthrough["moves"]:
        if conv.state.customer_turn in marks:
            conv.mark_signal()
        offered = [move.id for move in conv.offered]
        assert move_id in offered, f"turn {len(conv.turns) + 1}: {move_id} not offered ({offered})"
        conv.choose(move_id)
    return conv


def path_for(scenario_id: str) -> Path:
    """Where a scenario's playthrough is kept."""
    return FOLDER / f"{scenario_id}.json"


def main(ids: list[str]) -> int:
    for scenario_id in ids or [path.stem for path in list_shipped()]:
        playthrough = record(scenario_id)
        path_for(scenario_id).write_text(json.dumps(playthrough, indent=1, ensure_ascii=False) + "\n", "utf-8")
        moves = len(playthrough["moves"])
        print(f"{scenario_id}: {playthrough['outcome']}, {playthrough['grade']}, {moves} moves")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
