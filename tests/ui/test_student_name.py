"""Toets in the window: the student gives a name or number first; typing digits does not choose anything."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pygame

from simulator.engine.vocabulary import Mode
from simulator.results.store import SUFFIX
from simulator.ui.app import App
from simulator.ui.scenes.conversation import ConversationScene
from simulator.ui.scenes.prepare import PrepareScene
from simulator.ui.scenes.student import StudentScene
from simulator.ui.scenes.title import TitleScene
from tests.conftest import FIRST_SCENARIO
from tests.ui.conftest import FRAME, click, press


def type_text(app: App, text: str) -> None:
    for char in text:
        key = getattr(pygame, f"K_{char}", 0) if char.isalnum() else 0
        down = pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=char, scancode=0)
        app.step([down, pygame.event.Event(pygame.TEXTINPUT, text=char)], FRAME)
    app.render()


def test_toets_asks_for_a_name_and_keeps_it_in_the_record(make_app: Callable[..., App], tmp_path: Path) -> None:
    app = make_app(seed=4, data_dir=tmp_path, mode=Mode.TOETS)
    title = app.top
    assert isinstance(title, TitleScene)
    while title.choices[title.current].path.stem != FIRST_SCENARIO:
        click(app, title.next)
    click(app, title.play)
    scene = app.top
    assert isinstance(scene, StudentScene)
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, StudentScene), "an empty name does not go on"
    type_text(app, "s1234")
    assert scene.entry.get_text() == "s1234"
    press(app, pygame.K_RETURN)
    prepare = app.top
    assert isinstance(prepare, PrepareScene) and not prepare.chosen, "the digits chose no preparation"
    assert app.student == "s1234"
    click(app, prepare.start)
    assert isinstance(app.top, ConversationScene)
    (path,) = tmp_path.glob(f"*{SUFFIX}")
    assert json.loads(path.read_text(encoding="utf-8"))["student"] == "s1234"


def test_with_the_mouse_and_back(make_app: Callable[..., App], tmp_path: Path) -> None:
    app = make_app(seed=4, data_dir=tmp_path, mode=Mode.TOETS)
    title = app.top
    assert isinstance(title, TitleScene)
    click(app, title.play)
    scene = app.top
    assert isinstance(scene, StudentScene)
    click(app, scene.back)
    assert app.top is title
    click(app, title.play)
    scene = app.top
    assert isinstance(scene, StudentScene)
    click(app, scene.entry)
    type_text(app, "Noor")
    click(app, scene.go)
    assert isinstance(app.top, PrepareScene) and app.student == "Noor"
