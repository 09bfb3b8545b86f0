"""Pause and help: theory cards (LSD, DAS, VOITAR, KVVB, vraagtechnieken, signalen, bezwaren) over the game."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton, UITextBox

from simulator.ui import palette
from simulator.ui.intents import Input, Intent
from simulator.ui.scenes.base import Scene
from simulator.ui.scenes.prepare import esc
from simulator.ui.theory import TheoryDeck, load_theory
from simulator.ui.widgets import dim, scroll_text_box

if TYPE_CHECKING:
    from simulator.ui.app import App


class HelpOverlay(Scene):
    """Theory cards; from a conversation it is also the pause menu."""

    overlay = True

    def __init__(self, app: App, pause_of: Scene | None = None) -> None:
        super().__init__(app)
        self.pause_of = pause_of
        self.deck: TheoryDeck = load_theory()
        self.card = 0

    def build(self, rect: pygame.Rect) -> None:
        _, m = self.app._, self.app.manager
        self.box = rect.inflate(-max(60, rect.width // 10), -max(40, rect.height // 10))
        tab_w = max(200, self.box.width // 4)
        self.tabs: list[UIElement] = []
        y = self.box.top + 16
        lang = self.app.settings.language
        for card in self.deck.cards:
            tab = self.add(
                UIButton(pygame.Rect(self.box.left + 16, y, tab_w, 40), card.text(lang)[0], m, object_id="#centred")
            )
            self.tabs.append(tab)
            y += 46
        text_rect = pygame.Rect(
            self.box.left + tab_w + 32, self.box.top + 16, self.box.width - tab_w - 48, self.box.height - 90
        )
        self.text = self.add(UITextBox(self._card_html(), text_rect, m))
        bottom = self.box.bottom - 60
        self.resume_button = self.add(
            UIButton(pygame.Rect(text_rect.left, bottom, 220, 44), _("Verder (Esc)"), m, object_id="#centred")
        )
        self.stop_button: UIElement | None = None
        if self.pause_of is not None:
            self.stop_button = self.add(
                UIButton(
                    pygame.Rect(text_rect.left + 232, bottom, 300, 44),
                    _("Gesprek stoppen en nabespreken"),
                    m,
                    object_id="#centred",
                )
            )
        extra = [self.stop_button] if self.stop_button is not None else []
        self.focus.set([*self.tabs, self.resume_button, *extra])
        self.focus.index = self.card

    def _card_html(self) -> str:
        title, summary, points, in_game = self.deck.cards[self.card].text(self.app.settings.language)
        items = "".join(f"• {esc(point)}<br>" for point in points)
        in_game_label = esc(self.app._("In Salesim:"))
        return f"<b>{esc(title)}</b><br><br>{esc(summary)}<br><br>{items}<br><b>{in_game_label}</b> {esc(in_game)}"

    def show_card(self, index: int) -> None:
        """Show another card."""
        self.card = index % len(self.deck.cards)
        self.text.set_text(self._card_html())

    def handle(self, inp: Input) -> None:
        if inp.intent in (Intent.LEFT, Intent.RIGHT):
            self.show_card(self.card + (1 if inp.intent is Intent.RIGHT else -1))
            self.focus.index = self.card
        elif inp.intent in (Intent.BACK, Intent.HELP):
            self.app.pop()
        elif inp.intent in (Intent.SCROLL_UP, Intent.SCROLL_DOWN):
            scroll_text_box(self.text, -0.8 if inp.intent is Intent.SCROLL_UP else 0.8)
        elif inp.intent is Intent.CHOOSE and inp.index is not None and inp.index <= len(self.deck.cards):
            self.show_card(inp.index - 1)
        else:
            super().handle(inp)

    def on_button(self, element: UIElement) -> None:
        if element in self.tabs:
            self.show_card(self.tabs.index(element))
        elif element is self.resume_button:
            self.app.pop()
        elif element is self.stop_button and self.pause_of is not None:
            self.app.pop()
            stop = getattr(self.pause_of, "to_debrief", None)
            if callable(stop):
                stop()

    def draw(self, surface: pygame.Surface) -> None:
        dim(surface)
        pygame.draw.rect(surface, palette.BACKGROUND, self.box, border_radius=10)
        pygame.draw.rect(surface, palette.INK, self.box, width=2, border_radius=10)
        hint = self.app.fonts.get(14).render(
            self.app._("pijl links/rechts of 1–7: andere kaart · Esc: verder"), True, palette.MUTED_INK
        )
        surface.blit(hint, (self.box.right - hint.get_width() - 16, self.box.bottom - 34))
