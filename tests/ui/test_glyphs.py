"""Every character the window can show exists in the bundled font (no empty boxes instead of letters)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pygame
import yaml

from simulator.ui.fonts import fonts_dir

ROOT = Path(__file__).resolve().parents[2]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _catalogue() -> dict[str, str]:
    spec = importlib.util.spec_from_file_location("en_catalogue", ROOT / "tools" / "en_catalogue.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    catalogue: dict[str, str] = module.EN
    return catalogue


def test_the_font_has_every_character_of_the_ui_text_and_the_content() -> None:
    pygame.font.init()
    font = pygame.font.Font(str(fonts_dir() / "NotoSans-Regular.ttf"), 20)
    tofu = pygame.image.tobytes(font.render("\ue000", True, (0, 0, 0)), "RGBA")
    texts = [*_catalogue().keys(), *_catalogue().values()]
    for path in [ROOT / "assets" / "help" / "theorie.yaml", *(ROOT / "scenarios").glob("*.yaml")]:
        texts += _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    characters = {ch for text in texts for ch in text if not ch.isspace()}
    missing = sorted(ch for ch in characters if pygame.image.tobytes(font.render(ch, True, (0, 0, 0)), "RGBA") == tofu)
    assert not missing, f"not in Noto Sans: {missing}"
