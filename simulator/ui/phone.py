"""The telephone call card: drawn instead of the customer's picture when the student cannot see them.

It shows who is on the line, which way the call goes, and what the student hears (the audible cue);
a level meter of the voice rises with the customer's engagement. Everything is told in words too.
"""

from __future__ import annotations

import math

import pygame

from simulator.ui import palette
from simulator.ui.widgets import draw_text


def _handset(surface: pygame.Surface, centre: tuple[int, int], size: int, colour: palette.Colour) -> None:
    """A classic handset: two ear/mouth pieces joined by a curved grip, tilted."""
    cx, cy = centre
    angle = math.radians(-35)

    def at(x: float, y: float) -> tuple[int, int]:
        return (
            round(cx + x * math.cos(angle) - y * math.sin(angle)),
            round(cy + x * math.sin(angle) + y * math.cos(angle)),
        )

    grip = [at(-0.55 * size + i * 1.1 * size / 12, -0.12 * size * math.sin(math.pi * i / 12)) for i in range(13)]
    pygame.draw.lines(surface, colour, False, grip, max(4, size // 6))
    for side in (-1, 1):
        piece = [at(side * 0.55 * size + dx * size, dy * size) for dx, dy in _piece(side)]
        pygame.draw.polygon(surface, colour, piece)


def _piece(side: int) -> list[tuple[float, float]]:
    return [(-0.16 * side, -0.08), (0.12 * side, -0.08), (0.16 * side, 0.22), (-0.2 * side, 0.22)]


def _waves(surface: pygame.Surface, rect: pygame.Rect, level: float) -> None:
    """A voice level meter: bars whose height follows a fixed shape scaled by ``level`` (0–1)."""
    bars = 15
    width = max(3, rect.width // (bars * 2))
    for index in range(bars):
        shape = 0.35 + 0.65 * abs(math.sin(index * 1.7 + 0.4))
        height = max(3, round(rect.height * shape * (0.2 + 0.8 * level)))
        x = rect.left + index * 2 * width + width // 2
        bar = pygame.Rect(x, rect.centery - height // 2, width, height)
        pygame.draw.rect(surface, palette.BLUE, bar, border_radius=width // 2)


def draw_call(
    surface: pygame.Surface,
    rect: pygame.Rect,
    fonts: tuple[pygame.font.Font, pygame.font.Font],
    direction: str,
    heard: str,
    engagement: float,
) -> None:
    """The call card in ``rect``: the handset, the direction of the call, what the student hears."""
    small, large = fonts
    size = min(rect.width, rect.height) // 4
    circle = (rect.centerx, rect.top + size + 8)
    pygame.draw.circle(surface, palette.BACKGROUND, circle, size)
    pygame.draw.circle(surface, palette.BLUISH_GREEN, circle, size, 3)
    _handset(surface, circle, round(size * 1.1), palette.INK)
    y = circle[1] + size + 10
    line = pygame.Rect(rect.left + 8, y, rect.width - 16, rect.bottom - y)
    y += draw_text(surface, small, direction, line, centre=True)
    meter = pygame.Rect(rect.left + rect.width // 4, y + 6, rect.width // 2, max(12, size // 2))
    if meter.bottom < rect.bottom:
        _waves(surface, meter, max(0.0, min(1.0, engagement)))
        y = meter.bottom + 8
    area = pygame.Rect(rect.left + 8, y, rect.width - 16, max(0, rect.bottom - y))
    draw_text(surface, large, heard, area, palette.MUTED_INK, centre=True)
