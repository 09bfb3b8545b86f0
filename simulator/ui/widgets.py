"""Small drawing helpers for what no pygame_gui widget covers: wrapped text, bars, panels."""

from __future__ import annotations

import pygame

from simulator.ui import palette
from simulator.ui.palette import Colour


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Lines of ``text`` that fit ``width`` pixels (long words are broken)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}".strip()
            if font.size(candidate)[0] <= width or not line:
                line = candidate
                while font.size(line)[0] > width and len(line) > 1:
                    cut = _fit(font, line, width)
                    lines.append(line[:cut])
                    line = line[cut:]
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def _fit(font: pygame.font.Font, text: str, width: int) -> int:
    cut = len(text)
    while cut > 1 and font.size(text[:cut])[0] > width:
        cut -= 1
    return cut


def draw_text(
    surface: pygame.Surface,
    font: pygame.font.Font,
    text: str,
    rect: pygame.Rect,
    colour: Colour = palette.INK,
    centre: bool = False,
) -> int:
    """Draw wrapped text inside ``rect`` (clipped to it); return the height used."""
    previous = surface.get_clip()
    surface.set_clip(rect.clip(previous) if previous else rect)
    y = rect.top
    for line in wrap(font, text, rect.width):
        image = font.render(line, True, colour)
        x = rect.centerx - image.get_width() // 2 if centre else rect.left
        surface.blit(image, (x, y))
        y += font.get_linesize()
    surface.set_clip(previous)
    return y - rect.top


def text_height(font: pygame.font.Font, text: str, width: int) -> int:
    """Height wrapped text needs at this width."""
    return len(wrap(font, text, width)) * font.get_linesize()


def dim(surface: pygame.Surface) -> None:
    """Darken everything below an overlay."""
    shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    shade.fill((0, 0, 0, 150))
    surface.blit(shade, (0, 0))


def panel(surface: pygame.Surface, rect: pygame.Rect, fill: Colour = palette.PANEL) -> None:
    """A white panel with a thin border."""
    pygame.draw.rect(surface, fill, rect, border_radius=8)
    pygame.draw.rect(surface, palette.RULE, rect, width=1, border_radius=8)


def meter(
    surface: pygame.Surface, font: pygame.font.Font, rect: pygame.Rect, label: str, value: float, colour: Colour
) -> None:
    """A labelled bar with its number, so the value never rests on colour alone."""
    text = font.render(f"{label}: {round(value)}", True, palette.INK)
    surface.blit(text, (rect.left, rect.top))
    bar = pygame.Rect(
        rect.left, rect.top + text.get_height() + 2, rect.width, max(6, rect.height - text.get_height() - 4)
    )
    pygame.draw.rect(surface, palette.PANEL, bar, border_radius=4)
    filled = bar.copy()
    filled.width = round(bar.width * max(0.0, min(100.0, value)) / 100)
    pygame.draw.rect(surface, colour, filled, border_radius=4)
    pygame.draw.rect(surface, palette.MUTED_INK, bar, width=1, border_radius=4)


def scroll_text_box(box: object, pages: float) -> None:
    """Scroll a pygame_gui text box by a number of visible pages (negative = up)."""
    bar = getattr(box, "scroll_bar", None)
    if bar is None:
        return
    visible = bar.visible_percentage
    target = max(0.0, min(1.0 - visible, bar.start_percentage + pages * visible))
    bar.set_scroll_from_start_percentage(target)


def scroll_text_box_to(box: object, share: float) -> None:
    """Scroll a pygame_gui text box so that ``share`` (0–1) of its text lies above the view."""
    bar = getattr(box, "scroll_bar", None)
    if bar is not None:
        bar.set_scroll_from_start_percentage(max(0.0, min(1.0 - bar.visible_percentage, share)))
