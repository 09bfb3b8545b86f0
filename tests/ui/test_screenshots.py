"""The screenshot tool writes one picture per scene and per customer type."""

from __future__ import annotations

from pathlib import Path

import pygame

from simulator.ui.screenshots import capture


def test_one_png_per_scene_and_per_type(tmp_path: Path, config_dir: Path) -> None:
    written = capture(tmp_path, (1280, 720), "normaal", "nl")
    names = {path.name.split("-1280x720")[0] for path in written}
    for scene in (
        "01-title",
        "02-settings",
        "03-voorbereiding",
        "04-gesprek",
        "05-uitleg",
        "08-nabespreking-overzicht",
        "10-nabespreking-signalen",
        "11-nabespreking-terugblik",
    ):
        assert scene in names
    assert {"12-gesprek-type-D", "12-gesprek-type-A", "12-gesprek-type-S"} <= names
    for path in written:
        image = pygame.image.load(str(path))
        assert image.get_size() == (1280, 720)
