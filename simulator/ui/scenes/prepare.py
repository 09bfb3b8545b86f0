"""Voorbereiding: the account dossier, the product sheet, and preparation choices within a budget."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.elements import UIButton, UILabel, UITextBox

from simulator.engine.content import Content, LocalText
from simulator.engine.vocabulary import Mode
from simulator.engine.wording import localize
from simulator.messages import dossier_extras
from simulator.ui.intents import Input, Intent
from simulator.ui.movelist import MoveCard, MoveList
from simulator.ui.scenes.base import Scene
from simulator.ui.widgets import scroll_text_box

if TYPE_CHECKING:
    from simulator.ui.app import App


def esc(text: str) -> str:
    """Text made safe for pygame_gui's HTML subset."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class PrepareScene(Scene):
    """Read the dossier, spend the preparation budget, start the conversation."""

    def __init__(self, app: App, content: Content, mode: Mode, seed: int | None, source: Path | None = None) -> None:
        super().__init__(app)
        self.content, self.mode, self.seed, self.source = content, mode, seed, source
        self.chosen: list[str] = []
        self.language = app.session_language(content)

    def t(self, value: LocalText) -> str:
        """Authored text in the session language."""
        return localize(value, self.language, self.content.scenario.language)

    def build(self, rect: pygame.Rect) -> None:
        _, m = self.app._, self.app.manager
        gap = 16
        side = max(340, rect.width // 3)
        self.dossier = self.add(
            UITextBox(
                self._dossier_html(), pygame.Rect(gap, gap, rect.width - side - 3 * gap, rect.height - 2 * gap), m
            )
        )
        x = rect.width - side - gap
        self.budget = self.add(UILabel(pygame.Rect(x, gap, side, 36), self._budget_text(), m))
        y = gap + 44
        options = self.content.scenario.preparation.options
        self.option_list = MoveList(self.app.fonts, pygame.Rect(x, y, side, rect.height))
        badges = ["x" if o.id in self.chosen else " " for o in options]
        cards = self.option_list.set_moves([(o.id, self._option_text(o.id)) for o in options], badges)
        self.option_list.rect.height = min(self.option_list.content_height, rect.height // 2)
        self.options: dict[MoveCard, str] = {card: card.move_id for card in cards}
        y = self.option_list.rect.bottom + 12
        self.results = self.add(
            UITextBox(self._results_html(), pygame.Rect(x, y, side, max(60, rect.height - y - 140)), m)
        )
        self.start = self.add(
            UIButton(pygame.Rect(x, rect.height - gap - 108, side, 50), _("Start het gesprek"), m, object_id="#big")
        )
        self.back = self.add(
            UIButton(
                pygame.Rect(x, rect.height - gap - 50, side, 44), _("Terug naar het begin"), m, object_id="#centred"
            )
        )
        self.focus.set([*self.options, self.start, self.back])

    def _dossier_html(self) -> str:
        _, s = self.app._, self.content.scenario
        b, p = s.briefing, s.product
        proof, dossier, known_label = _("bewijs: {proof}"), _("ACCOUNTDOSSIER"), _("Wat je weet:")
        goal, sheet, matrix = _("Doel van het gesprek: {goal}"), _("PRODUCTBLAD"), _("KVVB-matrix:")
        known = "".join(f"• {esc(self.t(item))}<br>" for item in b.known)
        rows = "".join(
            f"<b>{esc(self.t(r.kenmerk))}</b><br>→ {esc(self.t(r.voordeel))}<br>→ {esc(self.t(r.baat))}<br>"
            f"<i>{esc(proof.format(proof=self.t(r.bewijs)))}</i><br><br>"
            for r in p.kvvb
        )
        return (
            f"<b>{esc(self.t(s.title))}</b><br><br><b>{esc(dossier)}</b><br>{esc(self.t(b.company))}<br><br>"
            f"{esc(self.t(b.contact))}<br><br>{esc(self.t(b.history))}<br><br>"
            f"<b>{esc(known_label)}</b><br>{known}<br>"
            f"<b>{esc(goal.format(goal=self.t(b.goal)))}</b><br><br>{self._extras_html()}"
            f"<b>{esc(sheet)}</b><br>{esc(self.t(p.name))} — {esc(self.t(p.price))}<br>"
            f"{esc(self.t(p.summary))}<br><br><b>{esc(matrix)}</b><br>{rows}"
        )

    def _extras_html(self) -> str:
        """Who is at the table, and the offerte and BAZO, for the scenarios that have them."""
        extras = dossier_extras(self.content.scenario, self.t, self.app._, self.app.settings.language == "nl")
        return "".join(f"<b>{esc(head)}</b><br>{esc(body).replace(chr(10), '<br>')}<br><br>" for head, body in extras)

    def _spent(self) -> int:
        costs = {o.id: o.cost for o in self.content.scenario.preparation.options}
        return sum(costs[oid] for oid in self.chosen)

    def _budget_text(self) -> str:
        budget = self.content.scenario.preparation.budget
        return self.app._("Budget: {left} van {budget} punten over").format(left=budget - self._spent(), budget=budget)

    def _option_text(self, option_id: str) -> str:
        option = next(o for o in self.content.scenario.preparation.options if o.id == option_id)
        points = self.app._("{n} punt(en)").format(n=option.cost)
        return f"{self.t(option.label)} ({points})"

    def _results_html(self) -> str:
        options = {o.id: o for o in self.content.scenario.preparation.options}
        lines = [f"→ {esc(self.t(options[oid].result))}" for oid in self.chosen]
        empty = self.app._("Kies wat je vooraf doet; elke keuze kost budget.")
        return "<br><br>".join(lines) or f"<i>{esc(empty)}</i>"

    def _toggle(self, option_id: str) -> None:
        costs = {o.id: o.cost for o in self.content.scenario.preparation.options}
        if option_id in self.chosen:
            self.chosen.remove(option_id)
        elif self._spent() + costs[option_id] <= self.content.scenario.preparation.budget:
            self.chosen.append(option_id)
        self.relayout()

    def handle(self, inp: Input) -> None:
        if inp.intent in (Intent.SCROLL_UP, Intent.SCROLL_DOWN):
            scroll_text_box(self.dossier, -0.8 if inp.intent is Intent.SCROLL_UP else 0.8)
        elif inp.intent is Intent.CHOOSE and inp.index is not None:
            options = self.content.scenario.preparation.options
            if 1 <= inp.index <= len(options):
                self._toggle(options[inp.index - 1].id)
        elif inp.intent is Intent.POINTER and inp.pos is not None:
            card = self.option_list.hit(inp.pos)
            if card is not None:
                self._toggle(card.move_id)
                self.focus.index = card.index
        else:
            super().handle(inp)
            if isinstance(self.focus.current, MoveCard):
                self.option_list.ensure_visible(self.focus.current)

    def draw(self, surface: pygame.Surface) -> None:
        self.option_list.draw(surface)

    def on_button(self, element: Any) -> None:
        if element in self.options:
            self._toggle(self.options[element])
        elif element is self.start:
            from simulator.ui.scenes.conversation import ConversationScene

            self.app.replace(
                ConversationScene(
                    self.app, self.content, self.mode, self.seed, list(self.chosen), self.language, self.source
                )
            )
        elif element is self.back:
            self.on_back()

    def on_back(self) -> None:
        from simulator.ui.scenes.title import TitleScene

        self.app.reset_to(TitleScene)
