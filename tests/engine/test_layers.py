"""The engine is a pure library: importing it pulls in no pygame and does no work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_engine_does_not_import_pygame() -> None:
    code = (
        "import sys; sys.modules['pygame'] = None\n"  # any import of pygame would now fail
        "import simulator.engine, simulator.engine.result, simulator.engine.scoring\n"
        "assert 'pygame' not in [m for m in sys.modules if sys.modules[m] is not None]\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr


def test_engine_sources_import_no_pygame_and_do_no_file_io() -> None:
    forbidden = ("import pygame", "from pygame", " open(", "Path(", "import os", "importlib.resources", "pathlib")
    for source in (ROOT / "simulator" / "engine").glob("*.py"):
        text = source.read_text(encoding="utf-8")
        for word in forbidden:
            assert word not in text, f"{source.name} uses {word!r}"
