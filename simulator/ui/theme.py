"""The pygame_gui theme: assets/theme.json with the bundled font's paths and the text-size setting applied."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from simulator.ui.fonts import fonts_dir


def theme_path() -> Path:
    """The shipped theme file."""
    shipped = resources.files("simulator") / "assets" / "theme.json"
    if shipped.is_file():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[2] / "assets" / "theme.json"


def theme(scale: float) -> dict[str, Any]:
    """The theme as a dictionary, every font size multiplied by ``scale``."""
    text = theme_path().read_text(encoding="utf-8").replace("{fonts}", fonts_dir().as_posix())
    data: dict[str, Any] = json.loads(text)
    for block in data.values():
        font = block.get("font") if isinstance(block, dict) else None
        if font and "size" in font:
            font["size"] = str(round(int(font["size"]) * scale))
    return data
