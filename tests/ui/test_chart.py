"""The debrief chart: its data from a played conversation, and drawing that stays inside its rect."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from collections.abc import Iterator

import pygame
import pytest

from simulator.chart_data import ChartData, chart_data
from simulator.engine import Content, Conversation
from simulator.engine.signal_stats import signal_stats
from simulator.engine.vocabulary import MoveKind, SignalKind
from simulator.ui.chart import DEFAULT_LABELS, draw_chart
from simulator.ui.fonts import FontBook
from tests.playbook import bad_habits, play, strong

SENTINEL = (255, 0, 255)
MARGIN = 12
SIZES = [(480, 240), (520, 260), (800, 360), (1000, 420), (1200, 600)]


@pytest.fixture(scope="module", autouse=True)
def _pygame() -> Iterator[None]:
    pygame.init()
    pygame.font.init()
    yield


def played(content: Content, policy: object, seed: int = 0, mark: bool = True) -> Conversation:
    conv = Conversation(content, seed=seed)
    play(conv, policy, mark_signals=mark)  # type: ignore[arg-type]
    return conv


def draw_on_sentinel(data: ChartData, size: tuple[int, int], scale: float) -> tuple[pygame.Surface, pygame.Rect]:
    """Draw the chart on a surface filled with a sentinel colour, with a margin around the rect."""
    w, h = size
    surface = pygame.Surface((w + 2 * MARGIN, h + 2 * MARGIN))
    surface.fill(SENTINEL)
    rect = pygame.Rect(MARGIN, MARGIN, w, h)
    draw_chart(surface, rect, data, FontBook(scale), DEFAULT_LABELS)
    return surface, rect


def untouched_outside(surface: pygame.Surface, rect: pygame.Rect) -> bool:
    width, height = surface.get_size()
    for y in range(height):
        for x in range(width):
            if not rect.collidepoint(x, y) and surface.get_at((x, y))[:3] != SENTINEL:
                return False
    return True


# ---------------------------------------------------------------------- data


def test_one_value_per_customer_turn(content: Content) -> None:
    conv = played(content, strong)
    data = chart_data(conv)
    assert len(data.readiness) == len(data.trust) == len(conv.turns) + 1
    assert conv.greeting is not None
    assert data.readiness[0] == conv.greeting.mood.readiness
    assert data.trust[0] == conv.greeting.mood.trust
    for turn in conv.turns:
        assert data.readiness[turn.number] == turn.reply.mood.readiness
        assert data.trust[turn.number] == turn.reply.mood.trust
    assert all(0 <= v <= 100 for v in data.readiness + data.trust)


def test_markers_of_a_strong_playthrough(content: Content) -> None:
    conv = played(content, strong)
    data = chart_data(conv)
    shown = {t.reply.number: t.reply.signal_kind for t in conv.turns}
    assert data.buying_signals, "the strong student sees at least one buying signal"
    assert data.buying_signals == [n for n, kind in sorted(shown.items()) if kind is SignalKind.KOOPSIGNAAL]
    assert data.interest_signals == [n for n, kind in sorted(shown.items()) if kind is SignalKind.INTERESSESIGNAAL]
    assert data.windows == [(w.shown_turn, w.last_turn) for w in conv.state.windows]
    assert [first for first, _ in data.windows] == data.buying_signals
    # the strong player marks every buying signal as it shows
    assert data.marks == sorted(conv.marks)
    assert set(data.buying_signals) <= set(data.marks)
    assert data.closes == [t.number - 1 for t in conv.turns if t.move.kind is MoveKind.AFSLUITING]
    assert data.closes and all(any(a <= c <= b for a, b in data.windows) for c in data.closes)
    # the same hits as the signal table
    stats = signal_stats(conv)
    assert len(data.windows) == stats.signals
    assert data.outcome_turn is not None
    assert "order" in conv.turns[data.outcome_turn - 1].reply.events


def test_markers_of_a_bad_playthrough(content: Content) -> None:
    conv = played(content, bad_habits, mark=False)
    data = chart_data(conv)
    assert data.marks == []
    assert data.closes, "the bad student closes before any signal"
    assert all(not any(a <= c <= b for a, b in data.windows) for c in data.closes)
    events = {t.number: t.reply.events for t in conv.turns}
    if data.outcome_turn is None:
        assert not any({"order", "next_step"} & set(e) for e in events.values())
    else:
        assert {"order", "next_step"} & set(events[data.outcome_turn])


def test_greeting_only_and_not_started(content: Content) -> None:
    conv = Conversation(content, seed=3)
    empty = chart_data(conv)
    assert empty.readiness == [] and empty.outcome_turn is None
    conv.start()
    conv.abandon()
    data = chart_data(conv)
    assert len(data.readiness) == len(data.trust) == 1
    assert data.buying_signals == data.marks == data.closes == []
    for chart in (empty, data):
        for size in ((480, 240), (1000, 420)):
            for scale in (1.0, 1.3):
                surface, rect = draw_on_sentinel(chart, size, scale)
                assert untouched_outside(surface, rect)


# ---------------------------------------------------------------------- drawing


@pytest.fixture(scope="module")
def playthroughs(content: Content) -> list[ChartData]:
    """The chart data of a strong and a bad playthrough."""
    return [chart_data(played(content, strong)), chart_data(played(content, bad_habits, mark=False))]


@pytest.mark.parametrize("scale", [1.0, 1.3])
@pytest.mark.parametrize("size", SIZES)
def test_drawing_stays_inside_the_rect(playthroughs: list[ChartData], size: tuple[int, int], scale: float) -> None:
    for data in playthroughs:
        surface, rect = draw_on_sentinel(data, size, scale)
        assert untouched_outside(surface, rect)
        inside = surface.subsurface(rect)
        colours = {inside.get_at((x, y))[:3] for x in range(0, rect.width, 3) for y in range(0, rect.height, 3)}
        assert SENTINEL not in colours, "the chart paints its whole rect"


def test_extreme_data_stays_inside() -> None:
    """Values at the limits, markers at the edges, windows beyond the last turn, a long run of turns."""
    long = ChartData(
        readiness=[0.0, 100.0] * 40,
        trust=[100.0, 0.0] * 40,
        buying_signals=[0, 79],
        interest_signals=[1, 78],
        windows=[(0, 3), (77, 90), (200, 210)],
        marks=[0, 79, 500],
        closes=[0, 79, -1],
        outcome_turn=79,
    )
    for size in ((480, 240), (1200, 600)):
        for scale in (1.0, 1.3):
            surface, rect = draw_on_sentinel(long, size, scale)
            assert untouched_outside(surface, rect)


def test_labels_fall_back_and_keep_the_clip() -> None:
    data = ChartData([10.0, 20.0], [30.0, 40.0], [1], [], [(1, 3)], [1], [1], None)
    surface = pygame.Surface((600, 300))
    surface.fill(SENTINEL)
    clip = pygame.Rect(5, 5, 590, 290)
    surface.set_clip(clip)
    draw_chart(surface, pygame.Rect(10, 10, 500, 250), data, FontBook(), {"trust": "trust"})
    assert surface.get_clip() == clip
    assert set(DEFAULT_LABELS) == {
        "readiness",
        "trust",
        "buying_signal",
        "interest_signal",
        "mark",
        "close",
        "window",
        "turn",
        "outcome",
    }


def test_draw_does_not_touch_outside_a_clip_smaller_than_rect() -> None:
    data = ChartData([10.0, 60.0, 80.0], [30.0, 40.0, 90.0], [1], [2], [(1, 2)], [1], [2], 2)
    surface = pygame.Surface((700, 400))
    surface.fill(SENTINEL)
    clip = pygame.Rect(0, 0, 300, 400)
    surface.set_clip(clip)
    draw_chart(surface, pygame.Rect(20, 20, 600, 300), data, FontBook(), DEFAULT_LABELS)
    surface.set_clip(None)
    assert all(surface.get_at((x, y))[:3] == SENTINEL for x in range(300, 700, 7) for y in range(0, 400, 7))
