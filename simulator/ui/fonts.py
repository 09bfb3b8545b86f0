"""The bundled font (Noto Sans, SIL Open Font License: assets/fonts/OFL-NotoSans.txt), loaded on demand."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pygame


def fonts_dir() -> Path:
    """Folder with the bundled fonts (in the wheel under simulator/assets, else the repository's assets)."""
    shipped = resources.files("simulator") / "assets" / "fonts"
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[2] / "assets" / "fonts"


class FontBook:
    """Fonts by size and weight, scaled by the player's text-size setting; one per window, not global."""

    def __init__(self, scale: float = 1.0) -> None:
        self.scale = scale
        self._cache: dict[tuple[int, bool, bool], pygame.font.Font] = {}

    def get(self, size: int, bold: bool = False, italic: bool = False) -> pygame.font.Font:
        """A font of ``size`` points (before scaling)."""
        scaled = max(8, round(size * self.scale))
        key = (scaled, bold, italic)
        if key not in self._cache:
            name = "NotoSans-Bold.ttf" if bold else "NotoSans-Italic.ttf" if italic else "NotoSans-Regular.ttf"
            self._cache[key] = pygame.font.Font(str(fonts_dir() / name), scaled)
        return self._cache[key]
