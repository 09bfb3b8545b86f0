"""Open the game window: the title screen, or straight to a scenario's preparation."""

from __future__ import annotations

import pygame

from simulator.scenario.loader import find_scenario, load_scenario
from simulator.ui.app import App, LaunchOptions
from simulator.ui.scenes.prepare import PrepareScene
from simulator.ui.scenes.title import TitleScene


def start(options: LaunchOptions) -> App:
    """An app with its first scenes on the stack (the title below a requested scenario)."""
    app = App(options)
    app.push(TitleScene(app))
    if options.scenario is not None:
        path = find_scenario(options.scenario)
        app.push(PrepareScene(app, load_scenario(path), options.mode, options.seed, path))
    return app


class WindowUnavailable(RuntimeError):
    """No window can be opened here (no display, no video driver)."""


def run_window(options: LaunchOptions) -> int:
    """Run the game until the window closes; returns the exit code."""
    try:
        app = start(options)
    except pygame.error as error:
        raise WindowUnavailable(str(error)) from error
    return app.run()
