"""UI fuzz: thousands of random events spread over every scene never raise."""

from __future__ import annotations

import random
from collections.abc import Callable

import pygame

from simulator.engine.vocabulary import Mode
from simulator.scenario.loader import find_scenario, load_scenario
from simulator.ui.app import App
from simulator.ui.scenes.conversation import ConversationScene
from simulator.ui.scenes.debrief import DebriefScene
from simulator.ui.scenes.help import HelpOverlay
from simulator.ui.scenes.prepare import PrepareScene
from simulator.ui.scenes.title import SettingsScene, TitleScene

KEYS = [
    *(getattr(pygame, f"K_{n}") for n in range(1, 10)),
    pygame.K_SPACE,
    pygame.K_RETURN,
    pygame.K_ESCAPE,
    pygame.K_TAB,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_F1,
    pygame.K_h,
    pygame.K_a,
    pygame.K_q,
]


def random_event(rng: random.Random, size: tuple[int, int]) -> pygame.event.Event:
    kind = rng.random()
    if kind < 0.55:
        mod = pygame.KMOD_SHIFT if rng.random() < 0.1 else 0
        return pygame.event.Event(pygame.KEYDOWN, key=rng.choice(KEYS), mod=mod, unicode="", scancode=0)
    pos = (rng.randrange(size[0]), rng.randrange(size[1]))
    if kind < 0.75:
        return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False)
    if kind < 0.85:
        return pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)
    if kind < 0.93:
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice((-1, 1)), flipped=False, touch=False)
    if kind < 0.96:
        return pygame.event.Event(pygame.WINDOWFOCUSLOST)
    if kind < 0.98:
        return pygame.event.Event(pygame.VIDEORESIZE, size=(rng.randint(700, 1700), rng.randint(450, 1000)), w=0, h=0)
    return pygame.event.Event(pygame.QUIT)


def _scene_starts(app: App) -> list[Callable[[], None]]:
    content = load_scenario(find_scenario("werkplekadvies_hofstede"))

    def conversation() -> ConversationScene:
        return ConversationScene(app, content, Mode.OEFENEN, 3, [], app.session_language(content))

    def debrief() -> DebriefScene:
        scene = conversation()
        scene.conv.choose(scene.conv.offered[0].id)
        return DebriefScene(app, content, scene.conv, [])

    return [
        lambda: app.reset_to(TitleScene),
        lambda: (app.reset_to(TitleScene), app.push(SettingsScene(app))),  # type: ignore[func-returns-value]
        lambda: app.reset_to(lambda a: PrepareScene(a, content, Mode.TOETS, 5)),
        lambda: app.reset_to(lambda a: conversation()),
        lambda: (app.reset_to(lambda a: conversation()), app.push(HelpOverlay(app))),  # type: ignore[func-returns-value]
        lambda: app.reset_to(lambda a: debrief()),
    ]


def test_ten_thousand_random_events_over_every_scene(make_app: Callable[..., App]) -> None:
    app = make_app(seed=1)
    rng = random.Random(2024)
    starts = _scene_starts(app)
    per_scene = 10_000 // len(starts) + 1
    seen: set[str] = set()
    for start in starts:
        start()
        for _ in range(per_scene):
            event = random_event(rng, app.screen.get_size())
            app.step([event], 1 / 60)
            app.step(pygame.event.get(), 1 / 60)
            if not app.running:  # a quit that the player cancelled: carry on
                app.running = True
            if app.top is None:
                app.reset_to(TitleScene)
            seen.add(type(app.top).__name__)
            if rng.random() < 0.05:
                app.render()
    app.render()
    assert {"TitleScene", "PrepareScene", "ConversationScene", "DebriefScene", "HelpOverlay"} <= seen
