"""Who sits across the table: one customer, or everyone at a DMU meeting, each drawn by their own type."""

from __future__ import annotations

import pygame

from simulator.engine.content import Content
from simulator.engine.conversation import CustomerTurn
from simulator.ui import palette
from simulator.ui.avatar import Avatar
from simulator.ui.widgets import draw_text


class Seats:
    """The avatars at the table: ``show`` a turn, ``update`` to animate, ``draw`` into a rect."""

    def __init__(self, content: Content) -> None:
        customer = content.scenario.customer
        self._main = customer.id
        self._avatars = {customer.id: Avatar(customer.typology, customer.name)}
        for person in content.scenario.participants:
            self._avatars[person.id] = Avatar(person.typology, person.name)
        self._names = {customer.id: customer.name, **{p.id: p.name for p in content.scenario.participants}}
        self._speaker = ""

    def show(self, turn: CustomerTurn) -> None:
        """Each avatar eases towards its cue at this turn."""
        mood = turn.mood
        self._speaker = turn.speaker
        if not turn.people:
            self._avatars[self._main].show(turn.cue, mood.trust, mood.readiness, mood.patience)
            return
        for view in turn.people:
            self._avatars[view.id].show(view.cue, view.trust, view.readiness, mood.patience)

    @property
    def animating(self) -> bool:
        """Whether any avatar is still moving."""
        return any(avatar.animating for avatar in self._avatars.values())

    def update(self, dt: float) -> bool:
        """Advance time; True when a frame should be drawn."""
        changed = [avatar.update(dt) for avatar in self._avatars.values()]
        return any(changed)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, font: pygame.font.Font, labels: dict[str, str]) -> None:
        """One avatar fills ``rect``; at a meeting they sit side by side, each named, the speaker marked."""
        if len(self._avatars) == 1:
            self._avatars[self._main].draw(surface, rect)
            return
        width = rect.width // len(self._avatars)
        label_h = 2 * font.get_linesize() + 6
        for index, (person_id, avatar) in enumerate(self._avatars.items()):
            column = pygame.Rect(rect.left + index * width, rect.top, width - 6, rect.height)
            avatar.draw(surface, pygame.Rect(column.left, column.top, column.width, column.height - label_h))
            name = self._names[person_id]
            speaking = name == self._speaker
            label = pygame.Rect(column.left, column.bottom - label_h, column.width, label_h)
            if speaking:
                pygame.draw.rect(surface, palette.YELLOW, label, border_radius=6)
            text = f"{'» ' if speaking else ''}{labels.get(person_id, name)}"
            draw_text(surface, font, text, label.inflate(-6, -4), centre=True)
