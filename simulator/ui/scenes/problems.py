"""An overlay listing content problems (``file:line:col: message``) instead of crashing on a bad reload."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.elements import UIButton, UITextBox

from simulator.scenario.problems import Problem
from simulator.ui import palette
from simulator.ui.intents import Input, Intent
from simulator.ui.scenes.base import Scene
from simulator.ui.scenes.prepare import esc
from simulator.ui.widgets import dim

if TYPE_CHECKING:
    from simulator.ui.app import App


class ProblemsOverlay(Scene):
    """The problems found when reloading a scenario; Esc or the button closes it."""

    overlay = True

    def __init__(self, app: App, problems: list[Problem]) -> None:
        super().__init__(app)
        self.problems = problems

    def build(self, rect: pygame.Rect) -> None:
        _, m = self.app._, self.app.manager
        self.box = rect.inflate(-max(60, rect.width // 8), -max(40, rect.height // 6))
        heading = esc(_("Het scenario bevat fouten; het spel gaat verder met de vorige versie."))
        listed = "<br>".join(esc(str(problem)) for problem in self.problems)
        text_rect = pygame.Rect(self.box.left + 16, self.box.top + 16, self.box.width - 32, self.box.height - 90)
        self.add(UITextBox(f"<b>{heading}</b><br><br>{listed}", text_rect, m))
        self.close = self.add(
            UIButton(
                pygame.Rect(self.box.left + 16, self.box.bottom - 60, 240, 44),
                _("Sluiten (Esc)"),
                m,
                object_id="#centred",
            )
        )
        self.focus.set([self.close])

    def handle(self, inp: Input) -> None:
        if inp.intent in (Intent.BACK, Intent.ACTIVATE):
            self.app.pop()
        else:
            super().handle(inp)

    def on_button(self, element: Any) -> None:
        if element is self.close:
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        dim(surface)
        pygame.draw.rect(surface, palette.BACKGROUND, self.box, border_radius=10)
        pygame.draw.rect(surface, palette.VERMILLION, self.box, width=3, border_radius=10)
