"""Engine benchmarks (not tests): time per turn, a bare transitions trigger, and loading a scenario.

Run:  python benchmarks/engine.py [--games N]
Prints medians measured in this one run, and the ratio of a turn to a bare trigger.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from enum import Enum
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from transitions import Machine

from simulator.engine import Conversation
from simulator.engine.result import score
from simulator.scenario.loader import find_scenario, load_scenario

SCENARIO = "werkplekadvies_hofstede"


def turn_times(games: int) -> tuple[list[int], list[int]]:
    """Nanoseconds per ``choose`` call and per ``score`` call over seeded random games."""
    content = load_scenario(find_scenario(SCENARIO))
    turns, scores = [], []
    for seed in range(games):
        rng = random.Random(seed)
        conv = Conversation(content, seed=seed)
        conv.start()
        while not conv.finished:
            move = rng.choice(conv.offered).id
            start = time.perf_counter_ns()
            conv.choose(move)
            turns.append(time.perf_counter_ns() - start)
        start = time.perf_counter_ns()
        score(conv)
        scores.append(time.perf_counter_ns() - start)
    return turns, scores


class _State(Enum):
    A = "a"
    B = "b"


class _Model:
    state: _State


def bare_trigger_times(count: int) -> list[int]:
    """Nanoseconds per trigger on a two-state ``transitions`` machine."""
    model = _Model()
    machine = Machine(
        model=model,
        states=_State,
        transitions=[
            {"trigger": "go", "source": _State.A, "dest": _State.B},
            {"trigger": "go", "source": _State.B, "dest": _State.A},
        ],
        initial=_State.A,
        auto_transitions=False,
    )
    event = machine.events["go"]
    times = []
    for _ in range(count):
        start = time.perf_counter_ns()
        event.trigger(model)
        times.append(time.perf_counter_ns() - start)
    return times


def load_times(count: int) -> list[int]:
    """Nanoseconds to load and validate the shipped scenario (with its rulebook and typology)."""
    path = find_scenario(SCENARIO)
    times = []
    for _ in range(count):
        start = time.perf_counter_ns()
        load_scenario(path)
        times.append(time.perf_counter_ns() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--games", type=int, default=300)
    args = parser.parse_args()
    turns, scores = turn_times(args.games)
    trigger = bare_trigger_times(20_000)
    loads = load_times(30)
    turn_us = statistics.median(turns) / 1000
    trigger_us = statistics.median(trigger) / 1000
    print(f"engine turn (choose, incl. next offer): median {turn_us:.1f} µs over {len(turns)} turns (target ≤ 200 µs)")
    print(f"bare transitions trigger:                median {trigger_us:.2f} µs over {len(trigger)} triggers")
    print(f"ratio turn / bare trigger:               {turn_us / trigger_us:.0f}×")
    score_us = statistics.median(scores) / 1000
    load_ms = statistics.median(loads) / 1e6
    print(f"scoring a finished game:                 median {score_us:.0f} µs over {len(scores)} games")
    print(f"load + validate shipped scenario:        median {load_ms:.1f} ms over {len(loads)} loads (target ≤ 50 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
