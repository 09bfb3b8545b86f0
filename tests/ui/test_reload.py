"""F5 reloads the scenario from disk, keeps seed and moves where they fit, and shows errors instead of crashing;
--from-phase/--set start a playtest anywhere."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pygame

from simulator.engine.conversation import Playtest
from simulator.engine.vocabulary import Phase
from simulator.scenario.loader import find_scenario
from simulator.ui.app import App
from simulator.ui.scenes.conversation import ConversationScene
from simulator.ui.scenes.prepare import PrepareScene
from simulator.ui.scenes.problems import ProblemsOverlay
from tests.ui.conftest import press


def _conversation(make_app: Callable[..., App], path: Path, **options: object) -> tuple[App, ConversationScene]:
    app = make_app(scenario=str(path), seed=6, **options)
    prepare = app.top
    assert isinstance(prepare, PrepareScene)
    prepare.on_button(prepare.start)
    scene = app.top
    assert isinstance(scene, ConversationScene)
    return app, scene


def test_f5_reloads_and_replays_the_moves(make_app: Callable[..., App], tmp_path: Path) -> None:
    source = find_scenario("werkplekadvies_hofstede")
    copy = tmp_path / "kopie.yaml"
    shutil.copy(source, copy)
    app, scene = _conversation(make_app, copy)
    for _ in range(3):
        scene.choose(scene.conv.offered[0].id)
    moves = [t.move.id for t in scene.conv.turns]
    copy.write_text(copy.read_text(encoding="utf-8").replace("Gaat u zitten.", "Neemt u plaats."), encoding="utf-8")
    press(app, pygame.K_F5)
    fresh = app.top
    assert isinstance(fresh, ConversationScene) and fresh is not scene
    assert [t.move.id for t in fresh.conv.turns] == moves
    assert fresh.conv.seed == scene.conv.seed and "3" in fresh.notice


def test_f5_shows_errors_and_keeps_playing(make_app: Callable[..., App], tmp_path: Path) -> None:
    copy = tmp_path / "kopie.yaml"
    shutil.copy(find_scenario("werkplekadvies_hofstede"), copy)
    app, scene = _conversation(make_app, copy)
    copy.write_text(copy.read_text(encoding="utf-8").replace("difficulty: 2", "difficulty: 9"), encoding="utf-8")
    press(app, pygame.K_F5)
    overlay = app.top
    assert isinstance(overlay, ProblemsOverlay)
    assert any("difficulty" in p.message for p in overlay.problems)
    press(app, pygame.K_ESCAPE)
    assert app.top is scene


def test_a_playtest_starts_in_the_chosen_phase(make_app: Callable[..., App]) -> None:
    source = find_scenario("werkplekadvies_hofstede")
    _app, scene = _conversation(make_app, source, playtest=Playtest(Phase.TRANSFORMATIE, trust=70, readiness=50))
    assert scene.conv.phase is Phase.TRANSFORMATIE
    assert scene.latest.mood.readiness == 50 and scene.latest.mood.trust == 70
