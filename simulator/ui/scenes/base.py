"""Scenes on a stack, with lifecycle hooks, and a keyboard focus ring over their buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import pygame
from pygame_gui.core import UIElement

from simulator.ui import palette
from simulator.ui.intents import Input, Intent

if TYPE_CHECKING:
    from simulator.ui.app import App


E = TypeVar("E", bound=UIElement)


class FocusRing:
    """Which element has keyboard focus (a pygame_gui widget or a drawn card: anything with ``visible`` and
    ``get_abs_rect``); Tab and the arrow keys move it, Enter activates it."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self.index = 0

    def set(self, items: list[Any], keep: bool = True) -> None:
        """Replace the focusable elements, keeping the focus position when asked and possible."""
        self.items = items
        self.index = min(self.index, len(items) - 1) if keep and items else 0

    @property
    def current(self) -> Any:
        """The focused element."""
        return self.items[self.index] if self.items else None

    def move(self, step: int) -> None:
        """Move the focus forward (1) or back (-1), wrapping around."""
        if self.items:
            self.index = (self.index + step) % len(self.items)

    def focus(self, element: Any) -> None:
        """Put the focus on an element (e.g. the one just clicked)."""
        if element in self.items:
            self.index = self.items.index(element)

    def draw(self, surface: pygame.Surface) -> None:
        """A thick two-tone outline (black inside a yellow halo) around the focused element."""
        element = self.current
        if element is None or not element.visible:
            return
        rect = element.get_abs_rect().inflate(10, 10)
        owner = getattr(element, "owner", None)
        previous = surface.get_clip()
        if owner is not None:
            surface.set_clip(owner.rect.inflate(10, 10))
        pygame.draw.rect(surface, palette.FOCUS_HALO, rect, width=6, border_radius=9)
        pygame.draw.rect(surface, palette.FOCUS, rect.inflate(-4, -4), width=3, border_radius=8)
        surface.set_clip(previous)


class Scene:
    """A screen of the game. Subclasses build widgets, handle intents and draw what no widget can."""

    overlay = False

    def __init__(self, app: App) -> None:
        self.app = app
        self.focus = FocusRing()
        self.elements: list[UIElement] = []

    # ------------------------------------------------------------------ lifecycle

    def enter(self) -> None:
        """Called when the scene becomes the top of the stack for the first time."""
        self.build(self.app.screen.get_rect())

    def leave(self) -> None:
        """Called when the scene is removed: its widgets go too."""
        self.clear()

    def pause(self) -> None:
        """Another scene (an overlay) covers this one: hide the widgets so they take no clicks."""
        for element in self.elements:
            element.hide()

    def resume(self) -> None:
        """The covering scene is gone."""
        for element in self.elements:
            element.show()

    def relayout(self) -> None:
        """The window changed size or the text size changed: build the widgets anew."""
        self.clear()
        self.build(self.app.screen.get_rect())

    def clear(self) -> None:
        """Remove all widgets of this scene."""
        for element in self.elements:
            element.kill()
        self.elements = []

    def add(self, element: E) -> E:
        """Keep track of a widget so it is removed and hidden with the scene."""
        self.elements.append(element)
        return element

    # ------------------------------------------------------------------ to override

    def build(self, rect: pygame.Rect) -> None:
        """Create the scene's widgets for a window of this size."""

    def handle(self, inp: Input) -> None:
        """React to an intent; the default moves the focus and activates the focused button."""
        if inp.intent is Intent.FOCUS_NEXT:
            self.focus.move(1)
        elif inp.intent is Intent.FOCUS_PREV:
            self.focus.move(-1)
        elif inp.intent is Intent.ACTIVATE and self.focus.current is not None:
            self.on_button(self.focus.current)
        elif inp.intent is Intent.BACK:
            self.on_back()

    def typing(self) -> bool:
        """Whether a text field has the keyboard (keys then type, they do not choose)."""
        return False

    def on_button(self, element: Any) -> None:
        """A button was pressed (by mouse, or by Enter on the focused one)."""

    def on_back(self) -> None:
        """Escape: by default nothing."""

    def update(self, dt: float) -> bool:
        """Advance time; return True if the picture changed."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """Draw below the widgets."""

    def draw_over(self, surface: pygame.Surface) -> None:
        """Draw above the widgets: by default the focus ring."""
        self.focus.draw(surface)
