"""Every scene fits: at 1280x720 and 1024x600, normal and large text, widgets stay inside the window and
do not overlap each other."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

import pygame
import pytest

from simulator.engine.vocabulary import Mode
from simulator.scenario.loader import find_scenario, load_scenario
from simulator.ui.app import App
from simulator.ui.scenes.base import Scene
from simulator.ui.scenes.conversation import ConversationScene
from simulator.ui.scenes.debrief import TABS, DebriefScene
from simulator.ui.scenes.help import HelpOverlay
from simulator.ui.scenes.prepare import PrepareScene
from simulator.ui.scenes.title import SettingsScene, TitleScene


def boxes(scene: Scene) -> list[pygame.Rect]:
    rects = [e.get_abs_rect() for e in scene.elements if e.visible]
    for name in ("move_list", "rubric", "option_list"):
        drawn = getattr(scene, name, None)
        if drawn is not None and (name != "rubric" or getattr(scene, "tab", "") == "overzicht"):
            rects.append(drawn.rect)
    return rects


def check(app: App) -> None:
    scene = app.top
    assert scene is not None
    app.render()
    window = app.screen.get_rect()
    rects = boxes(scene)
    for rect in rects:
        assert window.contains(rect), (type(scene).__name__, rect, window)
    for first, second in combinations(rects, 2):
        assert not first.colliderect(second), (type(scene).__name__, first, second)


@pytest.mark.parametrize(
    ("size", "text_size"), [((1280, 720), "normaal"), ((1024, 600), "groot"), ((1024, 600), "normaal")]
)
def test_every_scene_fits_the_window(make_app: Callable[..., App], size: tuple[int, int], text_size: str) -> None:
    app = make_app(seed=2, size=size)
    app.change_settings(text_size=text_size)
    content = load_scenario(find_scenario("werkplekadvies_hofstede"))
    app.reset_to(TitleScene)
    check(app)
    app.push(SettingsScene(app))
    check(app)
    app.show(PrepareScene(app, content, Mode.OEFENEN, 2))
    check(app)
    scene = ConversationScene(app, content, Mode.OEFENEN, 2, [], app.session_language(content))
    app.show(scene)
    for _ in range(4):
        check(app)
        scene.choose(scene.conv.offered[0].id)
    app.push(HelpOverlay(app, pause_of=scene))
    check(app)
    app.pop()
    debrief = DebriefScene(app, content, scene.conv, [])
    app.show(debrief)
    for tab in TABS:
        debrief.show_tab(tab)
        check(app)
