"""A whole game in the window, from title to debrief: once with the keyboard only, once with the mouse."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from simulator.engine.vocabulary import SignalKind
from simulator.ui.app import App
from simulator.ui.scenes.conversation import ConversationScene
from simulator.ui.scenes.debrief import DebriefScene
from simulator.ui.scenes.help import HelpOverlay
from simulator.ui.scenes.prepare import PrepareScene
from simulator.ui.scenes.student import StudentScene
from simulator.ui.scenes.title import TitleScene
from tests.conftest import FIRST_SCENARIO
from tests.playbook import strong
from tests.ui.conftest import click, press
from tests.ui.test_student_name import type_text

MAX_TURNS = 60


def focus_on(app: App, element: object) -> None:
    """Tab until the element has keyboard focus."""
    for _ in range(40):
        if app.top is not None and app.top.focus.current is element:
            return
        press(app, pygame.K_TAB)
    raise AssertionError("could not reach the element with Tab")


def conversation(app: App) -> ConversationScene:
    scene = app.top
    assert isinstance(scene, ConversationScene), scene
    return scene


def play_strong(app: App, choose: Callable[[App, ConversationScene, int], None], mark: Callable[[App], None]) -> None:
    """Play the strong student's game through the window with the given way of choosing and marking."""
    for _ in range(MAX_TURNS):
        scene = conversation(app)
        if scene.conv.finished:
            return
        if scene.latest.signal_kind is SignalKind.KOOPSIGNAAL:
            mark(app)
        index = [m.id for m in scene.conv.offered].index(strong(scene.conv)) + 1
        choose(app, scene, index)
    raise AssertionError("the conversation did not end")


def test_keyboard_only_from_title_to_debrief_and_back(make_app: Callable[..., App]) -> None:
    app = make_app(seed=11)
    assert isinstance(app.top, TitleScene)
    press(app, pygame.K_RIGHT)  # another scenario (wraps around with one)
    press(app, pygame.K_RETURN)  # focus starts on Spelen
    assert isinstance(app.top, PrepareScene)
    prepare = app.top
    press(app, pygame.K_RETURN)  # first preparation option
    assert prepare.chosen, "Enter toggles the focused preparation choice"
    focus_on(app, prepare.start)
    press(app, pygame.K_RETURN)
    scene = conversation(app)
    press(app, pygame.K_F1)
    assert isinstance(app.top, HelpOverlay)
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_ESCAPE)
    assert app.top is scene

    def by_key(app: App, scene: ConversationScene, index: int) -> None:
        press(app, getattr(pygame, f"K_{index}"))

    play_strong(app, by_key, lambda a: press(a, pygame.K_SPACE))
    assert scene.conv.outcome.value == "order"
    assert scene.conv.marks, "space marked the buying signal"
    press(app, pygame.K_1)  # 'Naar de nabespreking' is the first choice once the game is over
    debrief = app.top
    assert isinstance(debrief, DebriefScene)
    assert debrief.result.grade >= 7.5
    focus_on(app, next(iter(debrief.check_buttons)))
    press(app, pygame.K_RETURN)
    assert debrief.selected is not None
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_RIGHT)
    assert debrief.tab == "terugblik"
    focus_on(app, next(iter(debrief.quiz_buttons)))
    press(app, pygame.K_RETURN)
    assert debrief.quiz_answer is not None
    focus_on(app, debrief.retry_same)
    press(app, pygame.K_RETURN)
    again = conversation(app)
    assert again.conv.seed == scene.conv.seed
    press(app, pygame.K_ESCAPE)  # pause menu
    assert isinstance(app.top, HelpOverlay)
    focus_on(app, app.top.stop_button)
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, DebriefScene)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScene)


def test_mouse_only_from_title_to_debrief(make_app: Callable[..., App]) -> None:
    app = make_app(seed=4)
    title = app.top
    assert isinstance(title, TitleScene)
    click(app, title.mode_button)
    while title.choices[title.current].path.stem != FIRST_SCENARIO:
        click(app, title.next)
    click(app, title.play)
    student = app.top
    assert isinstance(student, StudentScene), "toets: first the student's name (typed, the one thing a mouse can't)"
    click(app, student.entry)
    type_text(app, "Sam")
    click(app, student.go)
    prepare = app.top
    assert isinstance(prepare, PrepareScene)
    click(app, next(iter(prepare.options)))
    assert prepare.chosen
    click(app, prepare.start)
    scene = conversation(app)

    def by_click(app: App, scene: ConversationScene, index: int) -> None:
        button = next(b for b, move_id in scene.move_buttons.items() if move_id == scene.conv.offered[index - 1].id)
        scene.move_list.ensure_visible(button)
        before = len(scene.conv.turns)
        click(app, button)
        assert len(conversation(app).conv.turns) == before + 1, "a click on a move plays it"

    play_strong(app, by_click, lambda a: click(a, conversation(a).signal))
    assert scene.conv.marks
    click(app, next(iter(scene.move_buttons)))
    debrief = app.top
    assert isinstance(debrief, DebriefScene)
    click(app, debrief.tab_buttons["signalen"])
    assert debrief.tab == "signalen"
    click(app, debrief.to_title)
    assert isinstance(app.top, TitleScene)


def test_closing_the_window_ends_the_loop(make_app: Callable[..., App]) -> None:
    app = make_app()
    app.step([pygame.event.Event(pygame.QUIT)], 1 / 60)
    assert app.running is False
