"""Code-style checks run as tests: ruff on everything, mypy --strict on the engine and the loader."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300)


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is installed with the test extras")
def test_ruff_is_clean() -> None:
    done = run("ruff", "check", "simulator", "tests", "benchmarks", "tools", "main.py")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_on_engine_and_loader() -> None:
    done = run(sys.executable, "-m", "mypy", "--strict", "simulator/engine", "simulator/scenario")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_on_the_front_ends() -> None:
    done = run(
        sys.executable, "-m", "mypy", "simulator/ui", "simulator/text", "simulator/cli.py", "simulator/review.py"
    )
    assert done.returncode == 0, done.stdout + done.stderr
