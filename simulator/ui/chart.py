"""The debrief chart: the customer's readiness and trust per turn, with the signals and the student's actions.

Nothing rests on colour alone: the two lines differ in style (solid, dashed) and carry direct labels; every
marker has its own shape and the legend names each shape. The chart has no language of its own: the words
come in through ``labels`` (:data:`DEFAULT_LABELS` holds the Dutch ones).

Layout, top to bottom: the legend, a strip with what the customer showed (koopsignaal, interessesignaal,
outcome), the 0–100 plot, a strip with what the student did (marks, closes) and the turn axis. Buying-signal
windows are shaded across the strips and the plot, so a mark or close inside a window reads as "in time".
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from simulator.chart_data import ChartData
from simulator.ui import palette
from simulator.ui.fonts import FontBook
from simulator.ui.palette import Colour

if TYPE_CHECKING:
    pass

DEFAULT_LABELS: dict[str, str] = {
    "readiness": "afsluitbereidheid",
    "trust": "vertrouwen",
    "buying_signal": "koopsignaal",
    "interest_signal": "interessesignaal",
    "mark": "jouw markering",
    "close": "jouw afsluiting",
    "window": "signaalvenster",
    "turn": "beurt",
    "outcome": "uitkomst",
}

READINESS_COLOUR: Colour = palette.BLUE
TRUST_COLOUR: Colour = palette.VERMILLION
BUYING_COLOUR: Colour = palette.BLUISH_GREEN
INTEREST_COLOUR: Colour = palette.REDDISH_PURPLE
MARK_COLOUR: Colour = palette.ORANGE
CLOSE_COLOUR: Colour = palette.SKY_BLUE
OUTCOME_COLOUR: Colour = palette.INK
WINDOW_FILL: Colour = (251, 246, 196)  # palette.YELLOW at a quarter strength on white
WINDOW_EDGE: Colour = (196, 184, 40)
GRID: Colour = palette.RULE

PAD = 6
NICE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000)


# ---------------------------------------------------------------------- shapes


def _diamond(surface: pygame.Surface, centre: tuple[int, int], r: int) -> None:
    x, y = centre
    points = [(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)]
    pygame.draw.polygon(surface, BUYING_COLOUR, points)
    pygame.draw.polygon(surface, palette.INK, points, width=1)


def _circle(surface: pygame.Surface, centre: tuple[int, int], r: int) -> None:
    pygame.draw.circle(surface, palette.PANEL, centre, r)
    pygame.draw.circle(surface, INTEREST_COLOUR, centre, r, width=max(2, r // 3))


def _triangle(surface: pygame.Surface, centre: tuple[int, int], r: int) -> None:
    x, y = centre
    points = [(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)]
    pygame.draw.polygon(surface, MARK_COLOUR, points)
    pygame.draw.polygon(surface, palette.INK, points, width=1)


def _square(surface: pygame.Surface, centre: tuple[int, int], r: int) -> None:
    box = pygame.Rect(0, 0, 2 * r, 2 * r)
    box.center = centre
    pygame.draw.rect(surface, CLOSE_COLOUR, box)
    pygame.draw.rect(surface, palette.INK, box, width=1)


def _star(surface: pygame.Surface, centre: tuple[int, int], r: int) -> None:
    x, y = centre
    outer, inner = r + 2, (r + 2) * 0.45
    points = [
        (
            x + (outer if i % 2 == 0 else inner) * math.sin(i * math.pi / 5),
            y - (outer if i % 2 == 0 else inner) * math.cos(i * math.pi / 5),
        )
        for i in range(10)
    ]
    pygame.draw.polygon(surface, OUTCOME_COLOUR, points)


def _window_swatch(surface: pygame.Surface, box: pygame.Rect) -> None:
    pygame.draw.rect(surface, WINDOW_FILL, box)
    pygame.draw.line(surface, WINDOW_EDGE, box.topleft, box.bottomleft)
    pygame.draw.line(surface, WINDOW_EDGE, box.topright, box.bottomright)


def _polyline(
    surface: pygame.Surface, colour: Colour, points: Sequence[tuple[float, float]], width: int, dash: int = 0
) -> None:
    """A line through the points; with ``dash`` > 0 dashed, the pattern running on across the corners."""
    if len(points) < 2:
        return
    if not dash:
        for a, b in itertools.pairwise(points):
            pygame.draw.line(surface, colour, a, b, width)
        return
    on, left = True, float(dash)
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = math.hypot(x2 - x1, y2 - y1)
        done = 0.0
        while done < length:
            step = min(left, length - done)
            if on:
                start = (x1 + (x2 - x1) * done / length, y1 + (y2 - y1) * done / length)
                end = (x1 + (x2 - x1) * (done + step) / length, y1 + (y2 - y1) * (done + step) / length)
                pygame.draw.line(surface, colour, start, end, width)
            done += step
            left -= step
            if left <= 0:
                on = not on
                left = float(dash if on else dash * 0.6)


def _line_sample(surface: pygame.Surface, colour: Colour, y: int, x1: int, x2: int, dashed: bool, width: int) -> None:
    _polyline(surface, colour, [(x1, y), (x2, y)], width, dash=6 if dashed else 0)


# ---------------------------------------------------------------------- layout helpers


@dataclass(frozen=True)
class _Style:
    """Sizes derived from the font, so everything grows with the player's text size."""

    font: pygame.font.Font
    line_h: int
    r: int
    line_w: int


def _style(fonts: FontBook, rect: pygame.Rect) -> _Style:
    size = 16 if rect.height >= 520 and rect.width >= 1000 else 14 if rect.height >= 360 and rect.width >= 720 else 12
    font = fonts.get(size)
    line_h = font.get_linesize()
    return _Style(font, line_h, max(4, round(line_h * 0.3)), 3 if rect.height >= 300 else 2)


def _legend_items(labels: dict[str, str]) -> list[tuple[str, str]]:
    return [
        ("buying_signal", labels["buying_signal"]),
        ("interest_signal", labels["interest_signal"]),
        ("mark", labels["mark"]),
        ("close", labels["close"]),
        ("window", labels["window"]),
        ("outcome", labels["outcome"]),
    ]


def _legend_rows(style: _Style, items: list[tuple[str, str]], width: int) -> list[list[tuple[str, str, int]]]:
    """The legend items flowed into rows that fit ``width``; each item with its width."""
    symbol = 2 * style.r + 9
    gap = max(10, style.line_h)
    rows: list[list[tuple[str, str, int]]] = [[]]
    used = 0
    for key, text in items:
        w = symbol + style.font.size(text)[0]
        if rows[-1] and used + gap + w > width:
            rows.append([])
            used = 0
        used += (gap if rows[-1] else 0) + w
        rows[-1].append((key, text, w))
    return rows


def _draw_symbol(surface: pygame.Surface, key: str, centre: tuple[int, int], style: _Style) -> None:
    r = style.r
    if key == "buying_signal":
        _diamond(surface, centre, r)
    elif key == "interest_signal":
        _circle(surface, centre, r)
    elif key == "mark":
        _triangle(surface, centre, r)
    elif key == "close":
        _square(surface, centre, r)
    elif key == "outcome":
        _star(surface, centre, r)
    elif key == "window":
        box = pygame.Rect(0, 0, 2 * r + 2, style.line_h - 4)
        box.center = centre
        _window_swatch(surface, box)


def _tick_step(count: int, spacing: float, label_w: int) -> int:
    """The smallest nice step between labelled turns so that labels do not touch."""
    for step in NICE_STEPS:
        if spacing * step >= label_w or step >= count:
            return step
    return NICE_STEPS[-1]


def _blit_text(surface: pygame.Surface, image: pygame.Surface, x: int, y: int, bounds: pygame.Rect) -> None:
    """Blit text kept inside ``bounds`` (shifted in rather than cut where it can be)."""
    x = max(bounds.left, min(x, bounds.right - image.get_width()))
    y = max(bounds.top, min(y, bounds.bottom - image.get_height()))
    surface.blit(image, (x, y))


# ---------------------------------------------------------------------- drawing


def draw_chart(
    surface: pygame.Surface, rect: pygame.Rect, data: ChartData, fonts: FontBook, labels: dict[str, str]
) -> None:
    """Draw the chart inside ``rect`` (nothing is drawn outside it)."""
    words = {**DEFAULT_LABELS, **labels}
    previous = surface.get_clip()
    surface.set_clip(rect.clip(previous))
    try:
        _draw(surface, pygame.Rect(rect), data, fonts, words)
    finally:
        surface.set_clip(previous)


def _draw(surface: pygame.Surface, rect: pygame.Rect, data: ChartData, fonts: FontBook, words: dict[str, str]) -> None:
    pygame.draw.rect(surface, palette.PANEL, rect)
    pygame.draw.rect(surface, palette.RULE, rect, width=1)
    style = _style(fonts, rect)
    font, line_h, r = style.font, style.line_h, style.r
    inner = rect.inflate(-2 * PAD, -2 * PAD)
    if inner.width <= 0 or inner.height <= 0:
        return

    # legend
    rows = _legend_rows(style, _legend_items(words), inner.width)
    y = inner.top
    for row in rows:
        x = inner.left
        gap = max(10, line_h)
        for key, text, w in row:
            _draw_symbol(surface, key, (x + r + 2, y + line_h // 2), style)
            _blit_text(surface, font.render(text, True, palette.INK), x + 2 * r + 9, y, inner)
            x += w + gap
        y += line_h
    legend_bottom = y + 2

    # horizontal layout: y-axis labels and the turn-axis title on the left, line labels on the right
    count = max(1, len(data.readiness))
    left_w = max(font.size("100")[0], font.size(words["turn"])[0]) + 6 + max(6, r)
    sample = 3 * r + 4
    line_labels = [(words["readiness"], READINESS_COLOUR, False), (words["trust"], TRUST_COLOUR, True)]
    right_w = sample + max(font.size(text)[0] for text, _, _ in line_labels) + 2
    inside_labels = right_w > inner.width * 0.3
    if inside_labels:
        right_w = max(font.size(str(count - 1))[0] // 2 + 2, r + 2)

    # vertical layout: customer strip, plot, student strips (marks, closes), tick labels
    strip = 2 * r + 6
    tick_label_h = line_h
    plot = pygame.Rect(
        inner.left + left_w,
        legend_bottom + strip,
        inner.width - left_w - right_w,
        inner.bottom - tick_label_h - 2 * strip - legend_bottom - strip,
    )
    if plot.width < 20 or plot.height < 20:
        return
    top_strip = pygame.Rect(plot.left, plot.top - strip, plot.width, strip)
    mark_strip = pygame.Rect(plot.left, plot.bottom, plot.width, strip)
    close_strip = pygame.Rect(plot.left, plot.bottom + strip, plot.width, strip)
    axis_y = close_strip.bottom

    def tx(turn: float) -> float:
        return plot.left + (plot.width * turn / (count - 1) if count > 1 else 0.0)

    def vy(value: float) -> float:
        return plot.bottom - plot.height * max(0.0, min(100.0, value)) / 100

    spacing = plot.width / (count - 1) if count > 1 else float(plot.width)

    # buying-signal windows: shaded over strips and plot, edges drawn so they show without colour too
    last = count - 1
    bands: list[pygame.Rect] = []
    for first, end in data.windows:
        if first > last:
            continue
        x1 = max(plot.left, round(tx(first) - spacing / 2))
        x2 = min(plot.right, round(tx(min(end, last)) + spacing / 2))
        band = pygame.Rect(x1, top_strip.top, max(1, x2 - x1), axis_y - top_strip.top)
        _window_swatch(surface, band)
        bands.append(band)

    # gridlines 0 / 50 / 100 with their values
    for value in (0, 50, 100):
        gy = round(vy(value))
        pygame.draw.line(surface, palette.MUTED_INK if value == 0 else GRID, (plot.left, gy), (plot.right, gy))
        image = font.render(str(value), True, palette.MUTED_INK)
        _blit_text(surface, image, plot.left - 4 - image.get_width(), gy - image.get_height() // 2, inner)

    # turn axis: a tick per turn when there is room, a number every nice step
    pygame.draw.line(surface, palette.MUTED_INK, (plot.left, axis_y), (plot.right, axis_y))
    label_w = font.size(str(last))[0] + max(8, line_h // 2)
    step = _tick_step(count, spacing, label_w)
    for turn in range(count):
        x = round(tx(turn))
        labelled = turn % step == 0
        if labelled or spacing >= 5:
            pygame.draw.line(surface, palette.MUTED_INK, (x, axis_y), (x, axis_y + (4 if labelled else 2)))
        if turn == last or (labelled and tx(last) - tx(turn) >= label_w):
            image = font.render(str(turn), True, palette.INK)
            _blit_text(surface, image, x - image.get_width() // 2, axis_y + 3, inner)
    title = font.render(words["turn"], True, palette.MUTED_INK)
    _blit_text(surface, title, inner.left, axis_y + 3, inner)

    # outcome: a dotted vertical rule and a star in the customer strip
    if data.outcome_turn is not None and 0 <= data.outcome_turn <= last:
        ox = round(tx(data.outcome_turn))
        for dy in range(top_strip.top, axis_y, 6):
            pygame.draw.line(surface, OUTCOME_COLOUR, (ox, dy), (ox, min(dy + 2, axis_y)))

    # the lines: readiness solid, trust dashed on top
    if data.readiness:
        points = [(tx(i), vy(v)) for i, v in enumerate(data.readiness)]
        _polyline(surface, READINESS_COLOUR, points, style.line_w + 1)
    if data.trust:
        points = [(tx(i), vy(v)) for i, v in enumerate(data.trust)]
        _polyline(surface, TRUST_COLOUR, points, style.line_w, dash=max(6, r * 2))
    if count == 1:
        for values, colour in ((data.readiness, READINESS_COLOUR), (data.trust, TRUST_COLOUR)):
            if values:
                pygame.draw.circle(surface, colour, (round(tx(0)), round(vy(values[0]))), r - 1)

    # markers: what the customer showed above the plot, what the student did below it
    cy = top_strip.centery
    for turn in data.interest_signals:
        if 0 <= turn <= last:
            _circle(surface, (round(tx(turn)), cy), r)
    for turn in data.buying_signals:
        if 0 <= turn <= last:
            _diamond(surface, (round(tx(turn)), cy), r)
    if data.outcome_turn is not None and 0 <= data.outcome_turn <= last:
        _star(surface, (round(tx(data.outcome_turn)), cy), r)
    for turn in data.marks:
        if 0 <= turn <= last:
            _triangle(surface, (round(tx(turn)), mark_strip.centery), r)
    for turn in data.closes:
        if 0 <= turn <= last:
            _square(surface, (round(tx(turn)), close_strip.centery), r)

    # direct labels on the lines
    lines = [
        (text, colour, dashed, [(tx(t), vy(v)) for t, v in enumerate(values)])
        for (text, colour, dashed), values in zip(line_labels, (data.readiness, data.trust), strict=True)
        if values
    ]
    if inside_labels:
        _labels_inside(surface, style, plot, lines, bands)
    else:
        _labels_beside(surface, style, plot, inner, [(t, c, d, points[-1][1]) for t, c, d, points in lines])


def _labels_beside(
    surface: pygame.Surface,
    style: _Style,
    plot: pygame.Rect,
    inner: pygame.Rect,
    ends: list[tuple[str, Colour, bool, float]],
) -> None:
    """Name each line right of the plot, level with its last point (pushed apart when the two are close)."""
    font, line_h, r = style.font, style.line_h, style.r
    half = line_h / 2
    order = sorted(range(len(ends)), key=lambda i: ends[i][3])
    centres = [ends[i][3] for i in order]
    if len(centres) == 2 and centres[1] - centres[0] < line_h:
        mid = (centres[0] + centres[1]) / 2
        centres = [mid - half, mid + half]
    low, high = inner.top + half, inner.bottom - half
    for slot in range(len(centres)):
        floor = centres[slot - 1] + line_h if slot else low
        centres[slot] = max(floor, min(centres[slot], high - line_h * (len(centres) - 1 - slot)))
    x = plot.right + 2
    for slot, i in enumerate(order):
        text, colour, dashed, end_y = ends[i]
        y = round(centres[slot])
        _polyline(surface, colour, [(plot.right, end_y), (x + r, y)], style.line_w)
        _line_sample(surface, colour, y, x + r, x + 3 * r + 2, dashed, style.line_w)
        image = font.render(text, True, palette.INK)
        _blit_text(surface, image, x + 3 * r + 4, y - image.get_height() // 2, inner)


def _labels_inside(
    surface: pygame.Surface,
    style: _Style,
    plot: pygame.Rect,
    lines: list[tuple[str, Colour, bool, list[tuple[float, float]]]],
    bands: list[pygame.Rect],
) -> None:
    """Name each line inside the plot, on a white patch next to the line where it hides the least."""
    font, line_h, sample = style.font, style.line_h, 3 * style.r
    tracks = [_trace(points) for _, _, _, points in lines]
    taken: list[pygame.Rect] = []
    for text, colour, dashed, points in lines:
        image = font.render(text, True, palette.INK)
        box = _free_spot((sample + image.get_width() + 10, line_h), plot, points, tracks, taken, bands)
        taken.append(box)
        pygame.draw.rect(surface, palette.PANEL, box)
        pygame.draw.rect(surface, palette.RULE, box, width=1)
        _line_sample(surface, colour, box.centery, box.left + 3, box.left + 3 + sample, dashed, style.line_w)
        _blit_text(surface, image, box.left + sample + 7, box.centery - image.get_height() // 2, box)


def _trace(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Points every few pixels along a polyline, sorted by x (to test what a label would cover)."""
    out = list(points[:1])
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        steps = max(1, int(math.hypot(x2 - x1, y2 - y1) // 3))
        out += [(x1 + (x2 - x1) * k / steps, y1 + (y2 - y1) * k / steps) for k in range(1, steps + 1)]
    return sorted(out)


def _covered(box: pygame.Rect, track: list[tuple[float, float]]) -> int:
    start = bisect.bisect_left(track, (box.left - 2, -math.inf))
    hits = 0
    for x, y in track[start:]:
        if x > box.right + 2:
            break
        hits += box.top - 2 <= y <= box.bottom + 2
    return hits


def _free_spot(
    size: tuple[int, int],
    plot: pygame.Rect,
    own: list[tuple[float, float]],
    tracks: list[list[tuple[float, float]]],
    taken: list[pygame.Rect],
    bands: list[pygame.Rect],
) -> pygame.Rect:
    """Where a line's label covers the least: just above or below a point of that line, inside the plot."""
    best: tuple[float, pygame.Rect] | None = None
    last = len(own) - 1
    for turn, (x, y) in enumerate(own):
        for anchor in ("right", "left"):
            for above in (True, False):
                box = pygame.Rect((0, 0), size)
                if anchor == "right":
                    box.right = round(x)
                else:
                    box.left = round(x)
                if above:
                    box.bottom = round(y) - 4
                else:
                    box.top = round(y) + 4
                if not plot.contains(box):
                    continue
                cost = sum(_covered(box, track) for track in tracks) * 10.0
                cost += sum(1000 for other in taken if box.colliderect(other))
                cost += sum(box.clip(band).width for band in bands) / size[0]
                cost += (last - turn) / max(1, last)
                if best is None or cost < best[0]:
                    best = (cost, box)
    if best is None:
        box = pygame.Rect((0, 0), size)
        box.topright = (plot.right, plot.top + len(taken) * size[1])
        return box.clamp(plot)
    return best[1]
