"""Open the game window: the title screen, or straight to a scenario's preparation."""

from __future__ import annotations

import pygame

from simulator.engine.vocabulary import Mode
from simulator.scenario.loader import find_scenario, load_scenario
from simulator.ui.app import App, LaunchOptions
from simulator.ui.scenes.base import Scene
from simulator.ui.scenes.prepare import PrepareScene
from simulator.ui.scenes.student import StudentScene
from simulator.ui.scenes.title import TitleScene


def start(options: LaunchOptions) -> App:
    """An app with its first scenes on the stack (the title below a requested scenario)."""
    app = App(options)
    app.push(TitleScene(app))
    if options.scenario is not None:
        path = find_scenario(options.scenario)
        content = load_scenario(path)

        def prepare(app: App) -> Scene:
            return PrepareScene(app, content, options.mode, options.seed, path)

        if options.mode is Mode.TOETS and not app.student:
            app.push(StudentScene(app, prepare))
        else:
            app.push(prepare(app))
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
