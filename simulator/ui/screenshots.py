"""Write one PNG per scene (and per customer type on the conversation scene) without a screen.

python -m simulator.ui.screenshots OUTDIR [--size 1280x720] [--text-size normaal|groot] [--lang nl|en]
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
from collections.abc import Callable
from pathlib import Path

from simulator.engine import Content
from simulator.engine.vocabulary import Mode, SignalKind
from simulator.scenario.bots import expert_bot
from simulator.scenario.loader import find_scenario, load_scenario

SCENARIO = "werkplekadvies_hofstede"


def with_type(content: Content, code: str) -> Content:
    """The same scenario with another customer type (to show how each type looks)."""
    customer = content.scenario.customer.model_copy(update={"typology": code})
    return content.model_copy(update={"scenario": content.scenario.model_copy(update={"customer": customer})})


def capture(outdir: Path, size: tuple[int, int], text_size: str, language: str, scenario: str = SCENARIO) -> list[Path]:
    """Play through every scene headless and save a PNG of each; return the files written."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("SALESIM_CONFIG_DIR", tempfile.mkdtemp(prefix="salesim-shots-"))
    os.environ.setdefault("SALESIM_DATA_DIR", tempfile.mkdtemp(prefix="salesim-shots-data-"))
    import pygame

    from simulator.ui.app import App, LaunchOptions
    from simulator.ui.scenes.conversation import ConversationScene
    from simulator.ui.scenes.debrief import DebriefScene
    from simulator.ui.scenes.help import HelpOverlay
    from simulator.ui.scenes.prepare import PrepareScene
    from simulator.ui.scenes.title import SettingsScene, TitleScene

    outdir.mkdir(parents=True, exist_ok=True)
    app = App(LaunchOptions(seed=7, size=size, language=language))
    app.change_settings(text_size=text_size, language=language)
    content = load_scenario(find_scenario(scenario))
    written: list[Path] = []
    suffix = f"{size[0]}x{size[1]}{'-groot' if text_size == 'groot' else ''}-{language}"

    def shot(name: str, settle: float = 2.0) -> None:
        app.step([], settle)
        path = outdir / f"{name}-{suffix}.png"
        pygame.image.save(app.render(), str(path))
        written.append(path)

    app.reset_to(TitleScene)
    shot("01-title")
    app.push(SettingsScene(app))
    shot("02-settings")
    app.reset_to(lambda a: PrepareScene(a, content, Mode.OEFENEN, 7))
    shot("03-voorbereiding")
    scene = ConversationScene(app, content, Mode.OEFENEN, 7, [], app.session_language(content))
    app.show(scene)
    _play_until(scene, lambda: len(scene.conv.turns) >= 3)
    shot("04-gesprek")
    app.push(HelpOverlay(app, pause_of=scene))
    shot("05-uitleg")
    app.pop()
    _play_until(scene, lambda: scene.latest.signal_kind is SignalKind.KOOPSIGNAAL or scene.conv.finished)
    shot("06-gesprek-koopsignaal")
    _play_until(scene, lambda: scene.conv.finished)
    shot("07-gesprek-einde")
    debrief = DebriefScene(app, content, scene.conv, [])
    app.show(debrief)
    shot("08-nabespreking-overzicht")
    debrief.select(next(c for c in debrief.result.checks if c.turns))
    shot("09-nabespreking-rubric-gekozen")
    debrief.show_tab("signalen")
    shot("10-nabespreking-signalen")
    debrief.show_tab("terugblik")
    shot("11-nabespreking-terugblik")
    for code in content.typology.types:
        typed = ConversationScene(app, with_type(content, code), Mode.TOETS, 7, [], app.session_language(content))
        app.show(typed)
        _play_until(typed, lambda: len(typed.conv.turns) >= 2)  # noqa: B023 - called at once
        shot(f"12-gesprek-type-{code}")
    app.close()
    return written


def _play_until(scene: object, done: Callable[[], bool]) -> None:
    """Play the scene's conversation with the expert bot (marking real buying signals) until ``done`` holds."""
    from simulator.ui.scenes.conversation import ConversationScene

    assert isinstance(scene, ConversationScene)
    rng = random.Random(7)
    while not done() and not scene.conv.finished:
        move_id, mark = expert_bot(scene.conv, rng)
        if mark:
            scene.mark()
        scene.choose(move_id)


def main() -> int:
    parser = argparse.ArgumentParser(description="Salesim: one screenshot per scene.")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--text-size", choices=["normaal", "groot"], default="normaal")
    parser.add_argument("--lang", choices=["nl", "en"], default="nl")
    parser.add_argument("--scenario", default=SCENARIO, help="scenario id or path")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    for path in capture(args.outdir, (width, height), args.text_size, args.lang, args.scenario):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
