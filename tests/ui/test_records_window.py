"""The window keeps every session turn by turn, and offers an interrupted one's debrief on the title."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from simulator.engine import Conversation
from simulator.engine.vocabulary import Mode
from simulator.results.store import SUFFIX
from simulator.scenario.loader import find_scenario, load_scenario
from simulator.ui.app import App
from simulator.ui.scenes.conversation import ConversationScene
from simulator.ui.scenes.debrief import DebriefScene
from simulator.ui.scenes.title import TitleScene
from tests.conftest import FIRST_SCENARIO
from tests.playbook import play, strong
from tests.ui.conftest import click


def test_a_window_session_is_kept_and_an_interrupted_one_is_offered(
    make_app: Callable[..., App], tmp_path: Path
) -> None:
    app = make_app(seed=4, data_dir=tmp_path, student="Sanne")
    content = load_scenario(find_scenario(FIRST_SCENARIO))
    scene = ConversationScene(app, content, Mode.OEFENEN, 4, [], app.session_language(content))
    app.show(scene)
    for _ in range(3):
        scene.choose(scene.conv.offered[0].id)
    (path,) = tmp_path.glob(f"*{SUFFIX}")
    record = json.loads(path.read_text(encoding="utf-8"))
    assert (record["status"], len(record["moves"]), record["student"]) == ("running", 3, "Sanne")

    app.reset_to(TitleScene)  # as if the game had been killed: the record is still 'running'
    title = app.top
    assert isinstance(title, TitleScene) and title.resume_button is not None
    click(app, title.resume_button)
    assert isinstance(app.top, DebriefScene)
    assert len(app.top.conv.turns) == 3
    assert json.loads(path.read_text(encoding="utf-8"))["status"] == "abandoned"
    app.reset_to(TitleScene)
    assert isinstance(app.top, TitleScene) and app.top.resume_button is None


def test_the_debrief_button_finishes_the_record(make_app: Callable[..., App], tmp_path: Path) -> None:
    app = make_app(seed=4, data_dir=tmp_path)
    content = load_scenario(find_scenario(FIRST_SCENARIO))
    scene = ConversationScene(app, content, Mode.OEFENEN, 4, [], app.session_language(content))
    app.show(scene)
    scene.choose(scene.conv.offered[0].id)
    scene.to_debrief()
    (path,) = tmp_path.glob(f"*{SUFFIX}")
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["status"] == "abandoned" and record["result"]["turns"] == 1


def test_the_debrief_screen_saves_html(make_app: Callable[..., App], tmp_path: Path) -> None:
    app = make_app(seed=4, data_dir=tmp_path)
    content = load_scenario(find_scenario(FIRST_SCENARIO))
    conv = Conversation(content, seed=4)
    play(conv, strong)
    scene = DebriefScene(app, content, conv, [])
    app.show(scene)
    click(app, scene.save_html)
    (saved,) = (tmp_path / "exports").glob("*.html")
    assert "<svg" in saved.read_text(encoding="utf-8")
    assert saved.name in scene.save_html.text


def test_a_window_session_goes_out_as_xapi(make_app: Callable[..., App], tmp_path: Path) -> None:
    out = tmp_path / "sessie.jsonl"
    app = make_app(seed=4, data_dir=tmp_path, xapi=out)
    content = load_scenario(find_scenario(FIRST_SCENARIO))
    scene = ConversationScene(app, content, Mode.OEFENEN, 4, [], app.session_language(content))
    app.show(scene)
    scene.choose(scene.conv.offered[0].id)
    scene.to_debrief()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + 1 + 2
    assert json.loads(lines[0])["verb"]["id"].endswith("initialized")
