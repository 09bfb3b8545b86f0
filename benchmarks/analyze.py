"""Analysis speed (not a test): seconds for 10,000 bot runs of the shipped scenario on one core.

Run:  python benchmarks/analyze.py [--runs N]   (N runs in total, spread evenly over the bots)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.scenario.analyze import analyze
from simulator.scenario.bots import BOTS
from simulator.scenario.loader import find_scenario, load_scenario


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10_000)
    args = parser.parse_args()
    content = load_scenario(find_scenario("werkplekadvies_hofstede"))
    per_bot = max(1, args.runs // len(BOTS))
    start = time.perf_counter()
    analyze(content, per_bot)
    seconds = time.perf_counter() - start
    runs = per_bot * len(BOTS)
    print(f"analyze: {runs} runs ({per_bot} per bot, {len(BOTS)} bots) in {seconds:.1f} s")
    per_run = seconds / runs
    print(f"         {per_run * 1000:.2f} ms per run; 10,000 runs would take {per_run * 10_000:.1f} s (target ≤ 20 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
