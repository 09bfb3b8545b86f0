"""The game window: one App owns the display, the widget manager, the settings and the scene stack."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pygame
import pygame_gui

from simulator.engine.content import Content
from simulator.engine.conversation import Playtest
from simulator.engine.vocabulary import Language, Mode
from simulator.i18n import translator
from simulator.ui import palette
from simulator.ui.fonts import FontBook
from simulator.ui.intents import Input, Intent, translate
from simulator.ui.scenes.base import Scene
from simulator.ui.settings import load_settings, save_settings, settings_path
from simulator.ui.theme import preload_requests, theme

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (960, 560)
IDLE_WAIT_MS = 400


@dataclass(frozen=True)
class LaunchOptions:
    """What the command line asked for; unset values come from the settings."""

    scenario: str | None = None
    mode: Mode = Mode.OEFENEN
    seed: int | None = None
    language: str | None = None
    fullscreen: bool | None = None
    size: tuple[int, int] = DEFAULT_SIZE
    playtest: Playtest | None = None
    data_dir: Path | None = None
    student: str | None = None
    xapi: Path | None = None
    lrs: str | None = None


def make_manager(size: tuple[int, int], scale: float) -> pygame_gui.UIManager:
    """A widget manager with the game's theme and its fonts preloaded."""
    data = theme(scale)
    manager = pygame_gui.UIManager(size, data)
    fonts = manager.get_theme().get_font_dictionary()
    wanted = preload_requests(data)
    missing = [r for r in wanted if not fonts.check_font_preloaded(f"salesim_{r['style']}_aa_{r['point_size']}")]
    manager.preload_fonts(missing)
    return manager


class App:
    """Runs the scenes; ``step`` takes events so tests can drive it without a real screen."""

    def __init__(self, options: LaunchOptions, config: Path | None = None) -> None:
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        pygame.display.init()
        pygame.font.init()
        self.options = options
        self.student = options.student
        """The student's name or number (asked before an exam in the window)."""
        self.config = config or settings_path()
        settings, self.notice = load_settings(self.config)
        self.settings = settings.with_changes(
            language=options.language or settings.language,
            fullscreen=settings.fullscreen if options.fullscreen is None else options.fullscreen,
        )
        pygame.display.set_caption("Salesim")
        self.screen = self._open_window(options.size)
        self.manager = make_manager(self.screen.get_size(), self.settings.text_scale)
        self.fonts = FontBook(self.settings.text_scale)
        self._ = translator(self.settings.language).gettext
        self.stack: list[Scene] = []
        self.running = True
        self.dirty = True

    # ------------------------------------------------------------------ window

    def _open_window(self, size: tuple[int, int]) -> pygame.Surface:
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if self.settings.fullscreen else 0)
        try:
            return pygame.display.set_mode(size, flags)
        except pygame.error:
            return pygame.display.set_mode(size, pygame.RESIZABLE)

    def resize(self, size: tuple[int, int]) -> None:
        """Follow a new window size (never smaller than the minimum layout)."""
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        if size != self.screen.get_size():
            self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.manager.set_window_resolution(self.screen.get_size())
        for scene in self.stack:
            scene.relayout()
            if scene is not self.top:
                scene.pause()
        self.dirty = True

    def toggle_fullscreen(self) -> None:
        """F11: switch between window and fullscreen, and remember it."""
        self.change_settings(fullscreen=not self.settings.fullscreen)
        with contextlib.suppress(pygame.error):
            pygame.display.toggle_fullscreen()
        self.resize(self.screen.get_size())

    def change_settings(self, **changes: object) -> None:
        """Apply and save new settings; a new language or text size rebuilds every scene."""
        old = self.settings
        self.settings = old.with_changes(**changes)
        save_settings(self.settings, self.config)
        if (old.language, old.text_size) != (self.settings.language, self.settings.text_size):
            self._ = translator(self.settings.language).gettext
            self.fonts = FontBook(self.settings.text_scale)
            self.manager = make_manager(self.screen.get_size(), self.settings.text_scale)
            for scene in self.stack:
                scene.elements = []
                scene.relayout()
                if scene is not self.top:
                    scene.pause()
        self.dirty = True

    def session_language(self, content: Content) -> Language:
        """The player's language when the scenario has it, else the scenario's own."""
        wanted = Language(self.settings.language)
        return wanted if wanted in content.scenario.languages else content.scenario.language

    # ------------------------------------------------------------------ scene stack

    @property
    def top(self) -> Scene | None:
        """The scene that receives input."""
        return self.stack[-1] if self.stack else None

    def push(self, scene: Scene) -> None:
        """Put a scene on top (the one below is paused)."""
        if self.top is not None:
            self.top.pause()
        self.stack.append(scene)
        scene.enter()
        self.dirty = True

    def pop(self) -> None:
        """Remove the top scene and resume the one below."""
        if self.stack:
            self.stack.pop().leave()
        if self.top is not None:
            self.top.resume()
        self.dirty = True

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for another."""
        if self.stack:
            self.stack.pop().leave()
        self.push(scene)

    def reset_to(self, factory: Callable[[App], Scene]) -> None:
        """Clear the stack and start again from one scene (e.g. back to the title)."""
        self.show(factory(self))

    def show(self, scene: Scene) -> None:
        """Clear the stack and show this scene alone."""
        while self.stack:
            self.stack.pop().leave()
        self.push(scene)

    # ------------------------------------------------------------------ the loop

    def step(self, events: Iterable[pygame.event.Event], dt: float) -> None:
        """Handle a batch of events and advance time by ``dt`` seconds."""
        for event in events:
            self._event(event)
        self.manager.update(dt)
        if self.top is not None and self.top.update(dt):
            self.dirty = True

    def _event(self, event: pygame.event.Event) -> None:
        self.dirty = True
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.resize((event.x, event.y) if event.type == pygame.WINDOWSIZECHANGED else event.size)
            return
        consumed = self.manager.process_events(event)
        if event.type in (pygame_gui.UI_BUTTON_PRESSED, pygame_gui.UI_TEXT_ENTRY_FINISHED) and self.top is not None:
            self.top.focus.focus(event.ui_element)
            self.top.on_button(event.ui_element)
            return
        if event.type == pygame.KEYDOWN and self._typed(event.key):
            return
        inp = translate(event)
        if inp is None or (consumed and inp.intent is Intent.POINTER):
            return
        self._intent(inp)

    def _typed(self, key: int) -> bool:
        """Whether a key goes into a text field (Tab, Escape, F1 and F11 keep their meaning)."""
        keep = (pygame.K_TAB, pygame.K_ESCAPE, pygame.K_F1, pygame.K_F11)
        return self.top is not None and self.top.typing() and key not in keep

    def _intent(self, inp: Input) -> None:
        if inp.intent is Intent.QUIT:
            self.running = False
        elif inp.intent is Intent.TOGGLE_FULLSCREEN:
            self.toggle_fullscreen()
        elif inp.intent is Intent.HELP and self.top is not None and not self.top.overlay:
            from simulator.ui.scenes.help import HelpOverlay

            self.push(HelpOverlay(self))
        elif self.top is not None:
            self.top.handle(inp)

    def render(self) -> pygame.Surface:
        """Draw the visible scenes and the widgets; return the screen surface."""
        self.screen.fill(palette.BACKGROUND)
        first = max((i for i, scene in enumerate(self.stack) if not scene.overlay), default=0)
        for scene in self.stack[first:]:
            scene.draw(self.screen)
        self.manager.draw_ui(self.screen)
        if self.top is not None:
            self.top.draw_over(self.screen)
        self.dirty = False
        return self.screen

    def animating(self) -> bool:
        """Whether the top scene wants frames without input (an animation is playing)."""
        top = self.top
        return bool(top is not None and getattr(top, "animating", False))

    def run(self) -> int:
        """The main loop: redraw only what changed, sleep while idle; returns the exit code."""
        clock = pygame.time.Clock()
        while self.running:
            if self.dirty or self.animating():
                events = pygame.event.get()
            else:
                first = pygame.event.wait(IDLE_WAIT_MS)
                events = ([first] if first.type != pygame.NOEVENT else []) + pygame.event.get()
            self.step(events, clock.tick(60) / 1000)
            if self.dirty and self.running:
                self.render()
                pygame.display.flip()
        self.close()
        return 0

    def close(self) -> None:
        """Leave every scene and close the window."""
        while self.stack:
            self.stack.pop().leave()
        pygame.display.quit()
