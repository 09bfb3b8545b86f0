"""Class report speed (not a test): seconds to read 1,000 real session files and write the CSV and HTML.

Run:  python benchmarks/report.py [--files N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import random

from simulator.engine import Conversation
from simulator.engine.result import score
from simulator.results.report import (
    read_attempts,
    record_files,
    report_csv,
    report_html,
    scenario_rows,
    student_rows,
)
from simulator.results.store import SessionLog
from simulator.scenario.bots import BOTS, play_bot
from simulator.scenario.loader import find_scenario, load_scenario


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="salesim-report-"))
    content = load_scenario(find_scenario("werkplekadvies_hofstede"))
    for index in range(args.files):  # real sessions of 333 students, 3 attempts each, played by bots
        conv = Conversation(content, seed=index)
        log = SessionLog.begin(folder, content, conv, student=f"student {index // 3:03d}")
        play_bot(conv, BOTS["random" if index % 2 else "expert"].play, random.Random(index))
        log.finish(conv, score(conv))
    times = []
    for _ in range(5):
        start = time.perf_counter()
        attempts, _problems = read_attempts(record_files([folder]))
        students, scenarios = student_rows(attempts), scenario_rows(attempts)
        report_csv(students)
        report_html(students, scenarios)
        times.append(time.perf_counter() - start)
    print(f"report of {args.files} session files: median {statistics.median(times):.2f} s over 5 runs (target ≤ 5 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
