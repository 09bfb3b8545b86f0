"""The student's moves as numbered cards: wrapped text with real padding, a scrollable column.

pygame_gui's buttons wrap long text without their padding (text touches the border), so the move list
is drawn here; it still works with the scene's focus ring, the mouse and the number keys.
"""

from __future__ import annotations

import pygame

from simulator.ui import palette
from simulator.ui.fonts import FontBook
from simulator.ui.widgets import wrap

PAD = 12
SPACING = 8


class MoveCard:
    """One move on screen; focusable like a widget."""

    visible = True

    def __init__(self, owner: MoveList, index: int, move_id: str, text: str, badge: str) -> None:
        self.owner, self.index, self.move_id, self.text, self.badge = owner, index, move_id, text, badge
        self.lines: list[str] = []
        self.height = 0
        self.top = 0

    def get_abs_rect(self) -> pygame.Rect:
        """Where the card is on screen now (after scrolling)."""
        area = self.owner.rect
        return pygame.Rect(
            area.left, area.top + self.top - self.owner.offset, area.width - self.owner.bar_width, self.height
        )


class MoveList:
    """A scrollable column of move cards."""

    bar_width = 14

    def __init__(self, fonts: FontBook, rect: pygame.Rect) -> None:
        self.fonts = fonts
        self.rect = rect
        self.cards: list[MoveCard] = []
        self.offset = 0
        self.hovered: int | None = None

    def set_moves(self, moves: list[tuple[str, str]], badges: list[str] | None = None) -> list[MoveCard]:
        """Show these (move id, text) pairs, numbered from 1 unless badges are given; return the cards."""
        font = self.fonts.get(16)
        badge = self._badge_width()
        text_width = self.rect.width - self.bar_width - badge - 3 * PAD
        self.cards, top = [], 0
        for index, (move_id, text) in enumerate(moves):
            card = MoveCard(self, index, move_id, text, badges[index] if badges else str(index + 1))
            card.lines = wrap(font, text, max(40, text_width))
            card.height = max(badge, len(card.lines) * font.get_linesize()) + 2 * PAD - 4
            card.top = top
            top += card.height + SPACING
            self.cards.append(card)
        self.content_height = max(0, top - SPACING)
        self.offset = 0
        return self.cards

    def _badge_width(self) -> int:
        return self.fonts.get(18, bold=True).get_linesize() + 10

    @property
    def max_offset(self) -> int:
        """How far the list can scroll."""
        return max(0, self.content_height - self.rect.height)

    def scroll(self, pixels: int) -> None:
        """Scroll by some pixels (positive = down)."""
        self.offset = max(0, min(self.max_offset, self.offset + pixels))

    def ensure_visible(self, card: MoveCard) -> None:
        """Scroll so a card is fully in view."""
        if card.top < self.offset:
            self.offset = card.top
        elif card.top + card.height > self.offset + self.rect.height:
            self.offset = min(self.max_offset, card.top + card.height - self.rect.height)

    def hit(self, pos: tuple[int, int]) -> MoveCard | None:
        """The card under a screen position, if any."""
        if not self.rect.collidepoint(pos):
            return None
        return next((c for c in self.cards if c.get_abs_rect().collidepoint(pos)), None)

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the visible cards and a scroll bar when the list is longer than its area."""
        previous = surface.get_clip()
        surface.set_clip(self.rect)
        for card in self.cards:
            self._draw_card(surface, card)
        surface.set_clip(previous)
        if self.max_offset:
            self._draw_bar(surface)

    def _draw_card(self, surface: pygame.Surface, card: MoveCard) -> None:
        rect = card.get_abs_rect()
        if rect.bottom < self.rect.top or rect.top > self.rect.bottom:
            return
        hovered = card.index == self.hovered
        pygame.draw.rect(surface, (220, 235, 245) if hovered else palette.PANEL, rect, border_radius=8)
        pygame.draw.rect(surface, palette.BLUE if hovered else palette.MUTED_INK, rect, width=2, border_radius=8)
        size = self._badge_width()
        badge = pygame.Rect(rect.left + PAD, rect.top + PAD - 2, size, size)
        pygame.draw.ellipse(surface, palette.BLUE, badge)
        number = self.fonts.get(18, bold=True).render(card.badge, True, palette.PANEL)
        surface.blit(number, number.get_rect(center=badge.center))
        font = self.fonts.get(16)
        x, y = badge.right + PAD, rect.top + PAD - 2
        for line in card.lines:
            surface.blit(font.render(line, True, palette.INK), (x, y))
            y += font.get_linesize()

    def _draw_bar(self, surface: pygame.Surface) -> None:
        track = pygame.Rect(self.rect.right - self.bar_width + 4, self.rect.top, self.bar_width - 4, self.rect.height)
        pygame.draw.rect(surface, palette.RULE, track, border_radius=4)
        share = self.rect.height / max(1, self.content_height)
        thumb = track.copy()
        thumb.height = max(24, round(track.height * share))
        thumb.top = track.top + round((track.height - thumb.height) * self.offset / max(1, self.max_offset))
        pygame.draw.rect(surface, palette.MUTED_INK, thumb, border_radius=4)
