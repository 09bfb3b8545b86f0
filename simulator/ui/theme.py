"""The pygame_gui theme: assets/theme.json with the bundled font's paths and the text-size setting applied."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from simulator.ui.fonts import fonts_dir

ELEMENTS = ("button", "label", "text_box", "tool_tip", "text_entry_line", "drop_down_menu", "selection_list")
"""pygame_gui applies no font from 'defaults'; each kind of widget gets the default font unless it has one."""


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
    base_font = data["defaults"].pop("font")
    for element in ELEMENTS:
        data.setdefault(element, {}).setdefault("font", dict(base_font))
    for block in data.values():
        font = block.get("font") if isinstance(block, dict) else None
        if font and "size" in font:
            font["size"] = str(round(int(font["size"]) * scale))
    return data


def preload_requests(data: dict[str, Any]) -> list[dict[str, Any]]:
    """pygame_gui preload requests for every font size in a theme, in the styles HTML text uses."""
    sizes = {int(block["font"]["size"]) for block in data.values() if isinstance(block, dict) and "font" in block}
    styles = ("regular", "bold", "italic", "bold_italic")
    return [{"name": "salesim", "point_size": size, "style": style} for size in sorted(sizes) for style in styles]
