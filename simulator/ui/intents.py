"""The input layer: raw pygame events become game intents; scenes never read keys themselves."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

import pygame


class Intent(Enum):
    """What the player wants, whatever the device."""

    CHOOSE = auto()
    MARK_SIGNAL = auto()
    ACTIVATE = auto()
    BACK = auto()
    HELP = auto()
    FOCUS_NEXT = auto()
    FOCUS_PREV = auto()
    LEFT = auto()
    RIGHT = auto()
    SCROLL_UP = auto()
    SCROLL_DOWN = auto()
    TOGGLE_FULLSCREEN = auto()
    RELOAD = auto()
    QUIT = auto()
    POINTER = auto()


@dataclass(frozen=True)
class Input:
    """One intent, with the chosen number (CHOOSE) or the pointer position (POINTER, scrolls)."""

    intent: Intent
    index: int | None = None
    pos: tuple[int, int] | None = None


_KEYS: dict[int, Intent] = {
    pygame.K_SPACE: Intent.MARK_SIGNAL,
    pygame.K_RETURN: Intent.ACTIVATE,
    pygame.K_KP_ENTER: Intent.ACTIVATE,
    pygame.K_ESCAPE: Intent.BACK,
    pygame.K_F1: Intent.HELP,
    pygame.K_F11: Intent.TOGGLE_FULLSCREEN,
    pygame.K_F5: Intent.RELOAD,
    pygame.K_DOWN: Intent.FOCUS_NEXT,
    pygame.K_UP: Intent.FOCUS_PREV,
    pygame.K_LEFT: Intent.LEFT,
    pygame.K_RIGHT: Intent.RIGHT,
    pygame.K_PAGEUP: Intent.SCROLL_UP,
    pygame.K_PAGEDOWN: Intent.SCROLL_DOWN,
}
_DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | {getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)}


def translate(event: pygame.event.Event) -> Input | None:
    """The intent behind a pygame event, or None for events that carry none."""
    if event.type == pygame.QUIT:
        return Input(Intent.QUIT)
    if event.type == pygame.KEYDOWN:
        return _key(event)
    if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
        return Input(Intent.POINTER, pos=event.pos)
    if event.type == pygame.MOUSEWHEEL:
        return Input(Intent.SCROLL_UP if event.y > 0 else Intent.SCROLL_DOWN, pos=pygame.mouse.get_pos())
    return None


def _key(event: pygame.event.Event) -> Input | None:
    if event.key == pygame.K_TAB:
        return Input(Intent.FOCUS_PREV if event.mod & pygame.KMOD_SHIFT else Intent.FOCUS_NEXT)
    if event.key in _DIGITS:
        return Input(Intent.CHOOSE, index=_DIGITS[event.key])
    if event.key == pygame.K_h and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
        return Input(Intent.HELP)
    intent = _KEYS.get(event.key)
    return Input(intent) if intent else None
