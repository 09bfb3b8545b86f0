"""Headless window tests: SDL's dummy video driver, a private settings folder, helpers to press and click."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from simulator.ui.app import App, LaunchOptions
from simulator.ui.run import start

FRAME = 1 / 60


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private settings folder for each test."""
    monkeypatch.setenv("SALESIM_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "config"


@pytest.fixture
def make_app(config_dir: Path) -> Iterator[object]:
    """A factory of apps that are closed after the test."""
    apps: list[App] = []

    def factory(**options: object) -> App:
        app = start(LaunchOptions(**options))  # type: ignore[arg-type]
        apps.append(app)
        return app

    yield factory
    for app in apps:
        app.close()


def press(app: App, key: int, mod: int = 0) -> None:
    """Press and release a key, let the app handle it and draw a frame."""
    down = pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)
    up = pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0)
    app.step([down, up], FRAME)
    app.step(pygame.event.get(), FRAME)
    app.render()


def click(app: App, element: object) -> None:
    """Click the middle of a widget with the left mouse button (pygame_gui posts the press event)."""
    rect = element.get_abs_rect()  # type: ignore[attr-defined]
    pos = rect.center
    pygame.mouse.set_pos(pos)
    events = [
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False),
    ]
    app.step(events[:1], FRAME)
    app.step(events[1:], FRAME)
    app.step(pygame.event.get(), FRAME)
    app.render()
