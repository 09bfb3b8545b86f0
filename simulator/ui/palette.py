"""Colours: the Okabe–Ito palette (safe for the common kinds of colour blindness) plus neutrals.

Nothing in the UI is told by colour alone: every coloured mark also has a shape, a symbol or a label.
"""

from __future__ import annotations

Colour = tuple[int, int, int]

BLACK: Colour = (0, 0, 0)
ORANGE: Colour = (230, 159, 0)
SKY_BLUE: Colour = (86, 180, 233)
BLUISH_GREEN: Colour = (0, 158, 115)
YELLOW: Colour = (240, 228, 66)
BLUE: Colour = (0, 114, 178)
VERMILLION: Colour = (213, 94, 0)
REDDISH_PURPLE: Colour = (204, 121, 167)

BACKGROUND: Colour = (244, 241, 234)
PANEL: Colour = (255, 255, 255)
INK: Colour = (25, 28, 33)
MUTED_INK: Colour = (88, 94, 102)
RULE: Colour = (200, 196, 188)
FOCUS: Colour = (0, 0, 0)
FOCUS_HALO: Colour = YELLOW

SKIN_TONES: tuple[Colour, ...] = ((241, 200, 165), (224, 172, 130), (176, 121, 84), (120, 80, 55))
HAIR_TONES: tuple[Colour, ...] = ((52, 38, 30), (120, 84, 50), (196, 160, 90), (150, 150, 150))
