"""The drawn customer: every cue renders, reads differently from neutral, animates, and stays inside its rect."""

from __future__ import annotations

import itertools
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame
import pytest

from simulator.ui.avatar import CUES, Avatar

CODES = ("D", "A", "S", "I", "C")
SENTINEL = (255, 0, 255)
CALM = (60.0, 50.0, 80.0)  # trust, readiness, patience


def picture(avatar: Avatar, size: int = 300) -> pygame.Surface:
    surface = pygame.Surface((size, size))
    avatar.draw(surface, surface.get_rect())
    return surface


def settled(typology: str, cue: str, name: str = "Jansen", mood: tuple[float, float, float] = CALM) -> Avatar:
    avatar = Avatar(typology, name)
    avatar.update(0.5)
    avatar.show(cue, *mood)
    avatar.update(2.0)
    return avatar


def differing(a: pygame.Surface, b: pygame.Surface, tolerance: int = 24) -> int:
    """How many pixels differ by more than ``tolerance`` in some channel."""
    width, height = a.get_size()
    count = 0
    for x in range(0, width, 2):
        for y in range(0, height, 2):
            pa, pb = a.get_at((x, y)), b.get_at((x, y))
            if max(abs(pa[i] - pb[i]) for i in range(3)) > tolerance:
                count += 1
    return count * 4


def test_the_cue_list_matches_the_rulebook() -> None:
    expected = {
        "neutral",
        "leans_forward",
        "nods",
        "picks_up_brochure",
        "picks_up_pen",
        "rereads_price_list",
        "relaxed",
        "checks_watch",
        "crosses_arms",
        "leans_back",
        "looks_away",
        "takes_notes",
        "smiles",
        "listens",
        "sits_upright",
    }
    assert set(CUES) == expected


@pytest.mark.parametrize("typology", [*CODES, "x", ""])
def test_every_cue_renders_at_several_sizes(typology: str) -> None:
    for cue in CUES:
        avatar = Avatar(typology, "De Vries")
        avatar.show(cue, 30.0, 70.0, 20.0)
        for step in range(3):
            avatar.update(0.3 * step)
            for size in ((200, 200), (450, 300), (300, 520), (900, 900)):
                avatar.draw(pygame.Surface(size), pygame.Rect((0, 0), size))


@pytest.mark.parametrize("cue", [c for c in CUES if c != "neutral"])
@pytest.mark.parametrize("typology", ["D", "A", "S"])
def test_each_cue_differs_clearly_from_neutral(typology: str, cue: str) -> None:
    neutral = picture(settled(typology, "neutral"))
    shown = picture(settled(typology, cue))
    assert differing(neutral, shown) > 0.02 * 300 * 300, cue


def test_typologies_look_different() -> None:
    pictures = {code: picture(settled(code, "neutral", name="Sam")) for code in ("D", "A", "S")}
    for a, b in (("D", "A"), ("D", "S"), ("A", "S")):
        assert differing(pictures[a], pictures[b]) > 0.08 * 300 * 300, (a, b)


def test_appearance_is_deterministic_and_depends_on_the_name() -> None:
    first, again = picture(settled("S", "smiles", "Anna")), picture(settled("S", "smiles", "Anna"))
    assert differing(first, again, tolerance=0) == 0
    names = ["Anna", "Bram", "Chris", "Dewi", "Eva", "Fatima"]
    looks = {pygame.image.tobytes(picture(settled("S", "neutral", n), 120), "RGB") for n in names}
    assert len(looks) > 1


def test_unknown_cue_falls_back_to_neutral() -> None:
    neutral = picture(settled("A", "neutral"))
    unknown = picture(settled("A", "juggles_oranges"))
    assert differing(neutral, unknown, tolerance=0) == 0


def test_mood_shows_in_the_face() -> None:
    trusting = picture(settled("D", "neutral", mood=(95.0, 50.0, 80.0)))
    wary = picture(settled("D", "neutral", mood=(5.0, 50.0, 80.0)))
    assert differing(trusting, wary) > 0.005 * 300 * 300


def test_a_cue_animates_then_update_reports_no_change() -> None:
    avatar = Avatar("D", "Jansen")
    avatar.update(0.1)
    avatar.show("picks_up_brochure", *CALM)
    assert avatar.animating
    frames = [picture(avatar, 200)]
    for _ in range(4):
        assert avatar.update(0.1)
        frames.append(picture(avatar, 200))
    assert all(differing(a, b, 0) > 0 for a, b in itertools.pairwise(frames))
    avatar.update(2.0)
    assert not avatar.animating
    assert avatar.update(0.001) is False
    assert avatar.update(0.001) is False


@pytest.mark.parametrize("cue", ["nods", "takes_notes", "checks_watch"])
def test_idle_redraws_are_rare(cue: str) -> None:
    avatar = settled("S", cue, mood=(50.0, 50.0, 10.0))
    redraws = sum(avatar.update(1 / 60) for _ in range(600))
    assert redraws <= 100, redraws  # at most ~10 a second over ten idle seconds


def test_nodding_is_a_gesture_that_ends() -> None:
    avatar = Avatar("S", "Jansen")
    avatar.show("nods", *CALM)
    heights = []
    for _ in range(30):
        avatar.update(0.05)
        heights.append(pygame.image.tobytes(picture(avatar, 200), "RGB"))
    assert len(set(heights)) > 5
    avatar.update(1.0)
    assert not avatar.animating


@pytest.mark.parametrize("cue", ["picks_up_brochure", "checks_watch", "leans_forward", "sits_upright"])
def test_drawing_stays_inside_the_rect(cue: str) -> None:
    surface = pygame.Surface((500, 400))
    surface.fill(SENTINEL)
    rect = pygame.Rect(60, 40, 260, 300)
    avatar = Avatar("D", "Jansen")
    avatar.show(cue, *CALM)
    for _ in range(8):
        avatar.update(0.1)
        avatar.draw(surface, rect)
    mask = pygame.mask.from_threshold(surface, SENTINEL, (1, 1, 1, 255))
    mask.invert()
    assert mask.count() == rect.w * rect.h
    assert mask.get_bounding_rects() == [rect]


def test_an_existing_clip_is_respected_and_restored() -> None:
    surface = pygame.Surface((300, 300))
    surface.fill(SENTINEL)
    surface.set_clip(pygame.Rect(0, 0, 150, 300))
    Avatar("S", "Jansen").draw(surface, surface.get_rect())
    assert surface.get_clip() == pygame.Rect(0, 0, 150, 300)
    assert surface.get_at((200, 150))[:3] == SENTINEL


def test_interrupting_a_gesture_midway_is_smooth() -> None:
    avatar = Avatar("C", "Visser")
    avatar.show("picks_up_brochure", *CALM)
    avatar.update(0.3)
    avatar.show("rereads_price_list", *CALM)
    avatar.update(0.2)
    avatar.show("crosses_arms", 10.0, 10.0, 10.0)
    for _ in range(40):
        avatar.update(0.05)
        picture(avatar, 200)
    assert not avatar.animating


def test_odd_input_never_crashes() -> None:
    avatar = Avatar("d", "")
    avatar.show("nods", float("nan"), -500.0, float("inf"))
    for dt in (-1.0, float("nan"), 0.0, 1e6, 0.016):
        avatar.update(dt)
    surface = pygame.Surface((50, 50))
    for rect in (
        pygame.Rect(0, 0, 1, 1),
        pygame.Rect(0, 0, 0, 10),
        pygame.Rect(40, 40, 30, 30),
        pygame.Rect(-20, -5, 60, 200),
    ):
        avatar.draw(surface, rect)
