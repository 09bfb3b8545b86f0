"""Window benchmarks (not tests): frame time, idle CPU share, launch time against a bare pygame window.

Run:  python benchmarks/window.py [--frames N] [--idle SECONDS] [--launches N]
Uses SDL's dummy video driver unless DISPLAY is set and --real is given. Prints medians from this run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIRST_FRAME = """
import os, sys, time
sys.path.insert(0, {root!r})
from simulator.ui.run import start
from simulator.ui.app import LaunchOptions
import pygame
app = start(LaunchOptions(scenario="werkplekadvies_hofstede", seed=1))
app.render()
pygame.display.flip()
print("frame", flush=True)
app.close()
"""

BARE_WINDOW = """
import pygame
pygame.display.init()
screen = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
screen.fill((244, 241, 234))
pygame.display.flip()
print("frame", flush=True)
pygame.display.quit()
"""

IDLE = """
import sys, time, resource
sys.path.insert(0, {root!r})
from simulator.ui.run import start
from simulator.ui.app import LaunchOptions
from simulator.ui.scenes.conversation import ConversationScene
import pygame
app = start(LaunchOptions(scenario="werkplekadvies_hofstede", seed=1))
app.push(ConversationScene(app, app.top.content, app.top.mode, 1, [], app.top.language))
for _ in range(200):  # let the greeting's gesture finish: measure the window sitting idle
    app.step([], 0.05)
    if not app.animating():
        break
app.render()
pygame.time.set_timer(pygame.QUIT, {ms}, loops=1)
wall, cpu = time.perf_counter(), time.process_time()
app.run()
print(time.perf_counter() - wall, time.process_time() - cpu, flush=True)
"""


def _env(real: bool) -> dict[str, str]:
    env = {**os.environ, "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    env["SALESIM_CONFIG_DIR"] = tempfile.mkdtemp(prefix="salesim-bench-")
    if not real:
        env["SDL_VIDEODRIVER"] = "dummy"
    return env


def frame_times(frames: int) -> list[float]:
    """Milliseconds to draw one full frame of the conversation scene at 1280x720 (after a few moves)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ["SALESIM_CONFIG_DIR"] = tempfile.mkdtemp(prefix="salesim-bench-")
    from simulator.ui.app import LaunchOptions
    from simulator.ui.run import start
    from simulator.ui.scenes.conversation import ConversationScene

    app = start(LaunchOptions(scenario="werkplekadvies_hofstede", seed=1))
    prepare = app.top
    scene = ConversationScene(app, prepare.content, prepare.mode, 1, [], prepare.language)  # type: ignore[union-attr]
    app.push(scene)
    for _ in range(3):
        scene.choose(scene.conv.offered[0].id)
    app.step([], 5.0)  # let the customer's animation finish: measure a steady frame
    times = []
    for _ in range(frames):
        start_time = time.perf_counter()
        app.render()
        times.append((time.perf_counter() - start_time) * 1000)
    app.close()
    return times


def launch_times(script: str, count: int, real: bool) -> list[float]:
    """Seconds from starting a process to its first drawn frame."""
    times = []
    for _ in range(count):
        start_time = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=_env(real))
        assert child.stdout is not None
        line = child.stdout.readline()
        times.append(time.perf_counter() - start_time)
        child.wait(timeout=60)
        assert line.startswith("frame"), line
    return times


def idle_share(seconds: float, real: bool) -> tuple[float, float]:
    """(wall seconds, CPU share of one core) while the conversation scene sits idle."""
    script = IDLE.format(root=str(ROOT), ms=int(seconds * 1000))
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=_env(real), timeout=seconds + 60
    )
    wall, cpu = (float(part) for part in done.stdout.split())
    return wall, cpu / wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--idle", type=float, default=10.0)
    parser.add_argument("--launches", type=int, default=5)
    parser.add_argument(
        "--real", action="store_true", help="use the real display (DISPLAY) instead of the dummy driver"
    )
    args = parser.parse_args()
    frames = frame_times(args.frames)
    frame_ms = statistics.median(frames)
    print(f"conversation frame at 1280x720: median {frame_ms:.2f} ms over {len(frames)} frames (target ≤ 4 ms)")
    wall, share = idle_share(args.idle, args.real)
    print(f"idle CPU share over {wall:.1f} s: {share * 100:.1f} % of one core (target ≤ 5 %)")
    game = launch_times(FIRST_FRAME.format(root=str(ROOT)), args.launches, args.real)
    bare = launch_times(BARE_WINDOW, args.launches, args.real)
    print(f"launch to first frame: median {statistics.median(game):.2f} s over {len(game)} launches (target ≤ 1.5 s)")
    ratio = statistics.median(game) / statistics.median(bare)
    print(f"bare pygame window:    median {statistics.median(bare):.2f} s; ratio {ratio:.1f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
