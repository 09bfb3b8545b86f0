"""Toets: the student gives a name or student number before the exam starts (kept in the session record)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.elements import UIButton, UILabel, UITextEntryLine

from simulator.ui.scenes.base import Scene

if TYPE_CHECKING:
    from simulator.ui.app import App


class StudentScene(Scene):
    """A name field, Verder and Terug; Enter in the field goes on once something is typed."""

    def __init__(self, app: App, then: Callable[[App], Scene]) -> None:
        super().__init__(app)
        self.then = then
        self.name = ""

    def build(self, rect: pygame.Rect) -> None:
        _, m = self.app._, self.app.manager
        width = min(560, rect.width - 80)
        left, top = rect.centerx - width // 2, rect.height // 3
        row = self.app.fonts.get(19).get_linesize() + 18
        self.add(UILabel(pygame.Rect(left, top, width, row), _("Toets: je naam of studentnummer"), m))
        self.entry = self.add(UITextEntryLine(pygame.Rect(left, top + row + 8, width, row), m))
        self.entry.set_text(self.name)
        self.entry.focus()
        y = top + 2 * row + 24
        self.go = self.add(UIButton(pygame.Rect(left, y, width, row), _("Verder (Enter)"), m, object_id="#big"))
        self.back = self.add(
            UIButton(pygame.Rect(left, y + row + 10, width, row), _("Terug (Esc)"), m, object_id="#centred")
        )
        self.focus.set([self.entry, self.go, self.back])

    def typing(self) -> bool:
        return bool(self.entry.is_focused)

    def on_button(self, element: Any) -> None:
        if element is self.back:
            self.on_back()
        elif element in (self.go, self.entry):
            self.name = self.entry.get_text().strip()
            if self.name:
                self.app.student = self.name
                self.app.replace(self.then(self.app))
            else:
                self.entry.focus()

    def on_back(self) -> None:
        self.app.pop()
