"""A real window under Xvfb, driven by xdotool: the game opens, takes keys and closes cleanly.

Skipped, with the reason, where Xvfb or xdotool is missing (.ci/run installs both from Debian's packages).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DISPLAY = ":97"


def _missing() -> str | None:
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install xvfb xdotool)"
    return None


@pytest.fixture
def xserver() -> Iterator[str]:
    reason = _missing()
    if reason:
        pytest.skip(reason)
    server = subprocess.Popen(
        ["Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp"], stderr=subprocess.DEVNULL
    )
    try:
        for _ in range(50):
            if (
                subprocess.run(
                    ["xdotool", "getmouselocation"], env={**os.environ, "DISPLAY": DISPLAY}, capture_output=True
                ).returncode
                == 0
            ):
                break
            time.sleep(0.1)
        else:
            pytest.skip("Xvfb did not start")
        yield DISPLAY
    finally:
        server.terminate()
        server.wait(timeout=10)


def _find_window(env: dict[str, str], pid: int) -> str:
    """The game's window (by process id: xdotool does not match SDL's UTF-8 window name)."""
    for _ in range(150):
        found = subprocess.run(["xdotool", "search", "--pid", str(pid)], env=env, capture_output=True, text=True)
        if found.stdout.strip():
            return found.stdout.split()[0]
        time.sleep(0.1)
    raise AssertionError("the Salesim window did not appear")


def test_the_game_runs_in_a_real_window(xserver: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DISPLAY": xserver,
        "SDL_VIDEODRIVER": "x11",
        "SDL_AUDIODRIVER": "dummy",
        "SALESIM_CONFIG_DIR": str(tmp_path),
    }
    log = open(tmp_path / "game.log", "w")  # noqa: SIM115 - closed in finally
    command = [sys.executable, "-m", "simulator", "play", "werkplekadvies_hofstede", "--seed", "3"]
    game = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        window = _find_window(env, game.pid)
        subprocess.run(["xdotool", "windowactivate", "--sync", window], env=env, capture_output=True)
        for key in ("Tab", "Tab", "Tab", "Tab", "Tab", "Return", "2", "space", "F1", "Escape", "1"):
            subprocess.run(["xdotool", "key", "--window", window, key], env=env, check=True)
            time.sleep(0.15)
        assert game.poll() is None, "the game is still running after the key presses"
        if shutil.which("import"):
            shot = tmp_path / "window.png"
            subprocess.run(["import", "-window", "root", str(shot)], env=env, check=True, timeout=30)
            assert shot.stat().st_size > 10_000
        # Leave by keyboard: pause menu, 'stop and debrief', back to the title, and Escape there quits.
        for key in ("Escape", *["Tab"] * 8, "Return", "Escape", "Escape", "Escape", "Escape"):
            if game.poll() is not None:
                break
            subprocess.run(["xdotool", "key", "--window", window, key], env=env, capture_output=True)
            time.sleep(0.2)
        assert game.wait(timeout=15) == 0, "the game ends cleanly"
    finally:
        if game.poll() is None:
            game.kill()
        log.close()
