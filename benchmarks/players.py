"""Grades of scripted players on the shipped scenario (not a test): strong, bad habits, random.

Run:  python benchmarks/players.py [--games N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.engine import Conversation
from simulator.engine.result import score
from simulator.scenario.loader import find_scenario, load_scenario
from tests.playbook import bad_habits, play, strong


def random_player(conv: Conversation, rng: random.Random) -> None:
    conv.start()
    while not conv.finished:
        if rng.random() < 0.1:
            conv.mark_signal()
        conv.choose(rng.choice(conv.offered).id)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--games", type=int, default=200)
    args = parser.parse_args()
    content = load_scenario(find_scenario("werkplekadvies_hofstede"))
    for name in ("strong", "bad_habits", "random"):
        grades, outcomes = [], Counter()
        for seed in range(args.games):
            conv = Conversation(content, seed=seed)
            if name == "random":
                random_player(conv, random.Random(seed))
            else:
                play(conv, strong if name == "strong" else bad_habits, mark_signals=name == "strong")
            result = score(conv)
            grades.append(result.grade)
            outcomes[result.outcome.value] += 1
        spread = f"min {min(grades)} · median {statistics.median(grades)} · max {max(grades)}"
        print(f"{name:<11} grade {spread} · outcomes {dict(outcomes)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
