"""Gesprek: the customer drawn large, the phase bar, the transcript, the moves and the Koopsignaal! button."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.elements import UIButton, UITextBox

from simulator.engine import Conversation
from simulator.engine.content import Content, Customer, LocalText, Participant
from simulator.engine.conversation import CustomerTurn
from simulator.engine.result import score
from simulator.engine.vocabulary import Channel, Language, Mode, Phase
from simulator.engine.wording import localize
from simulator.messages import DMU_ROLES, PHASES, dislike_texts, reasons_text
from simulator.results.commands import XapiTargets, send_session
from simulator.results.lrs import Lrs
from simulator.results.store import SessionLog, data_dir
from simulator.scenario.loader import load_scenario
from simulator.scenario.problems import ContentError
from simulator.session import session_seed
from simulator.ui import palette
from simulator.ui.intents import Input, Intent
from simulator.ui.movelist import MoveCard, MoveList
from simulator.ui.phone import draw_call
from simulator.ui.scenes.base import Scene
from simulator.ui.scenes.prepare import esc
from simulator.ui.seats import Seats
from simulator.ui.widgets import draw_text, meter, panel, scroll_text_box, wrap

if TYPE_CHECKING:
    from simulator.ui.app import App

PHASE_ORDER = list(Phase)
GAP = 12


class ConversationScene(Scene):
    """One sales conversation in the window."""

    def __init__(
        self,
        app: App,
        content: Content,
        mode: Mode,
        seed: int | None,
        preparation: list[str],
        language: Language,
        source: Path | None = None,
        log: SessionLog | None = None,
    ) -> None:
        super().__init__(app)
        self.content = content
        self.source = source
        self.seed = session_seed(content, mode, seed)
        self.conv = Conversation(content, seed=self.seed, mode=mode, language=language)
        self.conv.prepare(preparation)
        self.preparation = preparation
        self.language = language
        self.seats = Seats(content)
        playtest = app.options.playtest
        self.latest: CustomerTurn = playtest.start(self.conv) if playtest else self.conv.start()
        self.seats.show(self.latest)
        self.log = log or SessionLog.begin(
            data_dir(app.options.data_dir), content, self.conv, app.student, playtest=playtest is not None
        )
        self.notice = ""
        self.move_buttons: dict[MoveCard, str] = {}

    def t(self, value: LocalText) -> str:
        """Authored text in the session language."""
        return localize(value, self.language, self.content.scenario.language)

    @property
    def animating(self) -> bool:
        """While the customer moves, the app keeps drawing frames."""
        return self.seats.animating

    # ------------------------------------------------------------------ layout

    def regions(self, rect: pygame.Rect) -> dict[str, pygame.Rect]:
        """Where everything goes for a window of this size."""
        bar_h = max(44, self.app.fonts.get(16).get_linesize() + 20)
        left_w = int(rect.width * 0.38)
        body_top = bar_h + GAP
        avatar_h = min(int((rect.height - body_top) * (0.58 if self.app.fonts.scale <= 1 else 0.5)), left_w)
        right = pygame.Rect(left_w + 2 * GAP, body_top, rect.width - left_w - 3 * GAP, rect.height - body_top - GAP)
        return {
            "phases": pygame.Rect(GAP, 6, rect.width - 2 * GAP, bar_h - 6),
            "avatar": pygame.Rect(GAP, body_top, left_w, avatar_h),
            "transcript": pygame.Rect(
                GAP, body_top + avatar_h + GAP, left_w, rect.height - body_top - avatar_h - 2 * GAP
            ),
            "right": right,
        }

    def build(self, rect: pygame.Rect) -> None:
        _, m = self.app._, self.app.manager
        self.areas = self.regions(rect)
        self.labels = self._labels()
        right = self.areas["right"]
        area = self.areas["transcript"]
        meters = 0 if self.conv.mode is Mode.TOETS else self._meters_height(area.width)
        box = pygame.Rect(area.left, area.top + meters, area.width, area.height - meters)
        self.transcript = self.add(UITextBox(self._transcript_html(), box, m))
        said_h = self._said_height(right)
        self.said = self.add(UITextBox(self._said_html(), pygame.Rect(right.left, right.top, right.width, said_h), m))
        buttons_h = self.app.fonts.get(19, bold=True).get_linesize() + 20
        moves_top = right.top + said_h + GAP + self.app.fonts.get(15).get_linesize() + 6
        self.moves_rect = pygame.Rect(right.left, moves_top, right.width, right.bottom - buttons_h - GAP - moves_top)
        self.move_list = MoveList(self.app.fonts, self.moves_rect)
        self._build_moves()
        labels = (_("Koopsignaal! (spatie)"), _("Uitleg (F1)"), _("Stoppen"))
        widths = self._button_widths(labels, right.width)
        x, y = right.left, right.bottom - buttons_h
        buttons = []
        for label, width, object_id in zip(labels, widths, ("#signal", "#centred", "#centred"), strict=True):
            buttons.append(self.add(UIButton(pygame.Rect(x, y, width, buttons_h), label, m, object_id=object_id)))
            x += width + GAP
        self.signal, self.help, self.stop = buttons
        self.focus.set([*self.move_buttons, self.signal, self.help, self.stop], keep=False)

    def _button_widths(self, labels: tuple[str, ...], total: int) -> list[int]:
        """Widths that fit each label (the signal button first), sharing what is left."""
        needed = [
            self.app.fonts.get(19 if i == 0 else 17, bold=i == 0).size(text)[0] + 40 for i, text in enumerate(labels)
        ]
        room = total - GAP * (len(labels) - 1)
        spare = max(0, room - sum(needed)) // len(labels)
        widths = [n + spare for n in needed]
        widths[-1] = room - sum(widths[:-1])
        return widths

    def _said_height(self, right: pygame.Rect) -> int:
        """Room for the customer's latest words (and the cue), up to 40 % of the column."""
        font = self.app.fonts.get(17)
        lines = len(wrap(font, f"{self.latest.speaker}: {self.latest.text}", right.width - 40)) + 2
        if self.notice:
            lines += len(wrap(font, self.notice, right.width - 40))
        return min(int(right.height * 0.42), lines * round(font.get_linesize() * 1.4) + 24)

    def _meters_height(self, width: int) -> int:
        """One row of three meters, or three rows when their labels would not fit side by side."""
        row = self.app.fonts.get(14).get_linesize() + 14
        return row + 6 if self._meters_fit(width) else 3 * (row + 2) + 6

    def _meters_fit(self, width: int) -> bool:
        font = self.app.fonts.get(14)
        label = max((self.app._(t) for t in ("vertrouwen", "bereidheid", "geduld")), key=len)
        return font.size(f"{label}: 100")[0] + GAP <= (width - 2 * GAP) // 3

    def _build_moves(self) -> None:
        if self.conv.finished:
            moves = [("__debrief__", self.app._("Naar de nabespreking"))]
        else:
            moves = [(move.id, move.text) for move in self.conv.offered]
        self.move_buttons = {card: card.move_id for card in self.move_list.set_moves(moves)}

    # ------------------------------------------------------------------ text

    def _transcript_html(self) -> str:
        _ = self.app._
        marked_label, you = _("gemarkeerd als koopsignaal"), _("Jij")
        greeting = self.conv.greeting
        parts = [f"<b>{esc(greeting.speaker)}:</b> {esc(greeting.text)}"] if greeting else []
        for turn in self.conv.turns:
            marked = f" <b>[{esc(marked_label)}]</b>" if turn.number - 1 in self.conv.marks else ""
            parts.append(f"<i>{esc(you)}:</i> {esc(turn.move.text)}{marked}")
            reply = turn.reply
            parts.append(f"<b>{esc(reply.speaker)}:</b> {esc(reply.text)} <i>({esc(reply.cue_text)})</i>")
        return "<br><br>".join(parts)

    def _said_html(self) -> str:
        latest = self.latest
        name, cue_by = esc(latest.speaker), esc(latest.cue_by)
        text = f"<b>{name}:</b> “{esc(latest.text)}”<br><i>({cue_by} {esc(latest.cue_text)})</i>"
        if self.notice:
            text += f"<br><b>{esc(self.notice)}</b>"
        return text

    # ------------------------------------------------------------------ play

    def choose(self, move_id: str) -> None:
        """Make a move and show the customer's reaction."""
        if move_id == "__debrief__":
            self.to_debrief()
            return
        self.latest = self.conv.choose(move_id)
        self.log.update(self.conv)
        self.seats.show(self.latest)
        self.notice = self._hint()
        self.relayout()
        scroll_text_box(self.transcript, 100)

    def _hint(self) -> str:
        if self.conv.mode is not Mode.OEFENEN or not self.conv.turns:
            return ""
        mistakes = [j for j in self.conv.turns[-1].judgements if j.sign < 0]
        if not mistakes:
            return ""
        why = reasons_text(mistakes[:1], self.app._, dislike_texts(self.conv))
        return self.app._("Tip: {why}.").format(why=why)

    def mark(self) -> None:
        """The student marks the customer's last words as a buying signal."""
        if self.conv.finished:
            return
        marked = self.conv.mark_signal()
        _ = self.app._
        self.notice = _("Gemarkeerd als koopsignaal.") if marked else _("Al gemarkeerd.")
        self.said.set_text(self._said_html())

    def reload(self) -> None:
        """F5: read the scenario from disk again and replay the moves so far where they still fit."""
        from simulator.ui.scenes.problems import ProblemsOverlay

        if self.source is None:
            return
        try:
            content = load_scenario(self.source)
        except ContentError as error:
            self.app.push(ProblemsOverlay(self.app, error.problems))
            return
        fresh = ConversationScene(
            self.app, content, self.conv.mode, self.seed, self.preparation, self.language, self.source, self.log
        )
        replayed = fresh.replay([t.move.id for t in self.conv.turns], self.conv.marks)
        self.log.update(fresh.conv)
        fresh.notice = self.app._("Scenario opnieuw geladen; {n} van {m} zetten hersteld.").format(
            n=replayed, m=len(self.conv.turns)
        )
        self.app.replace(fresh)

    def replay(self, move_ids: list[str], marks: list[int]) -> int:
        """Make these moves (and marks) again while they are offered; return how many were made."""
        for count, move_id in enumerate(move_ids):
            if self.conv.finished or move_id not in {m.id for m in self.conv.offered}:
                return count
            if self.conv.state.customer_turn in marks:
                self.conv.mark_signal()
            self.latest = self.conv.choose(move_id)
        self.seats.show(self.latest)
        return len(move_ids)

    def to_debrief(self) -> None:
        """End (abandon if still running) and show the debrief."""
        from simulator.ui.scenes.debrief import DebriefScene

        self.conv.abandon()
        result = score(self.conv)
        self.log.finish(self.conv, result)
        options = self.app.options
        targets = XapiTargets(data_dir(options.data_dir), options.xapi, Lrs.from_environment(options.lrs))
        if targets.wanted:
            send_session(self.log.record, self.conv, result, targets, sys.stderr)
        self.app.replace(DebriefScene(self.app, self.content, self.conv, self.preparation, self.source))

    def handle(self, inp: Input) -> None:
        if inp.intent is Intent.CHOOSE and inp.index is not None:
            ids = list(self.move_buttons.values())
            if 1 <= inp.index <= len(self.conv.offered):
                self.choose(self.conv.offered[inp.index - 1].id)
            elif ids and ids[0] == "__debrief__" and inp.index == 1:
                self.to_debrief()
        elif inp.intent is Intent.MARK_SIGNAL:
            self.mark()
        elif inp.intent is Intent.RELOAD:
            self.reload()
        elif inp.intent is Intent.POINTER and inp.pos is not None:
            card = self.move_list.hit(inp.pos)
            if card is not None:
                self.focus.focus(card)
                self.choose(card.move_id)
        elif inp.intent in (Intent.SCROLL_UP, Intent.SCROLL_DOWN):
            up = inp.intent is Intent.SCROLL_UP
            if inp.pos is not None and self.move_list.rect.collidepoint(inp.pos):
                self.move_list.scroll(-80 if up else 80)
            else:
                scroll_text_box(self.transcript, -0.8 if up else 0.8)
        elif inp.intent is Intent.BACK:
            from simulator.ui.scenes.help import HelpOverlay

            self.app.push(HelpOverlay(self.app, pause_of=self))
        else:
            super().handle(inp)
            self._scroll_to_focus()

    def _scroll_to_focus(self) -> None:
        element = self.focus.current
        if isinstance(element, MoveCard):
            self.move_list.ensure_visible(element)

    def on_button(self, element: Any) -> None:
        if element in self.move_buttons:
            self.choose(self.move_buttons[element])
        elif element is self.signal:
            self.mark()
        elif element is self.help:
            from simulator.ui.scenes.help import HelpOverlay

            self.app.push(HelpOverlay(self.app, pause_of=self))
        elif element is self.stop:
            self.to_debrief()

    # ------------------------------------------------------------------ drawing

    def update(self, dt: float) -> bool:
        return self.seats.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self._draw_phases(surface, self.areas["phases"])
        area = self.areas["avatar"]
        panel(surface, area)
        header_font = self.app.fonts.get(17, bold=True)
        customer = self.content.scenario.customer
        role = self.app._(DMU_ROLES[customer.dmu_role])
        header = f"{customer.name} · {self.t(customer.function)} · {role}"
        if self.content.scenario.participants:
            header = self.app._("Overleg met {n} personen").format(n=1 + len(self.content.scenario.participants))
        used = draw_text(surface, header_font, header, area.inflate(-16, 0).move(0, 8).clip(area))
        picture = pygame.Rect(area.left + 8, area.top + used + 12, area.width - 16, area.height - used - 20)
        if self.conv.channel.visible:
            self.seats.draw(surface, picture, self.app.fonts.get(13), self.labels)
        else:
            self._draw_call(surface, picture)
        if self.conv.mode is Mode.OEFENEN:
            self._draw_mood(surface)
        label = self.app.fonts.get(15, bold=True).render(self.app._("Jouw zet (1–7 of klik):"), True, palette.INK)
        right = self.areas["right"]
        surface.blit(label, (right.left, self.moves_rect.top - label.get_height() - 4))
        self.move_list.draw(surface)

    def _labels(self) -> dict[str, str]:
        """Name and DMU role of everyone at a meeting (their jobs are in the dossier)."""
        scenario, _ = self.content.scenario, self.app._
        people: list[Customer | Participant] = [scenario.customer, *scenario.participants]
        return {p.id: f"{p.name}\n{_(DMU_ROLES[p.dmu_role])}" for p in people}

    def _draw_call(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        _ = self.app._
        incoming = self.content.scenario.channel is Channel.TELEFOON_PASSIEF
        direction = _("Inkomend telefoongesprek") if incoming else _("U belt de klant")
        heard = f"{self.latest.cue_by} {self.latest.cue_text}"
        fonts = (self.app.fonts.get(15, bold=True), self.app.fonts.get(17, italic=True))
        draw_call(surface, rect, fonts, direction, heard, self.latest.mood.trust / 100)

    def _draw_mood(self, surface: pygame.Surface) -> None:
        _, mood = self.app._, self.latest.mood
        area = self.areas["transcript"]
        font = self.app.fonts.get(14)
        height = font.get_linesize() + 14
        side_by_side = self._meters_fit(area.width)
        width = (area.width - 2 * GAP) // 3 if side_by_side else area.width
        values = (
            (_("vertrouwen"), mood.trust, palette.BLUE),
            (_("bereidheid"), mood.readiness, palette.BLUISH_GREEN),
            (_("geduld"), mood.patience, palette.ORANGE),
        )
        for index, (label, value, colour) in enumerate(values):
            x = area.left + index * (width + GAP) if side_by_side else area.left
            y = area.top if side_by_side else area.top + index * (height + 2)
            meter(surface, font, pygame.Rect(x, y, width, height), label, value, colour)

    def _draw_phases(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        current = PHASE_ORDER.index(self.conv.phase)
        visited = {Phase.VOORBEREIDING, Phase.OPENING} | {turn.phase for turn in self.conv.turns}
        width = rect.width // len(PHASE_ORDER)
        font, bold = self.app.fonts.get(15), self.app.fonts.get(15, bold=True)
        for index, phase in enumerate(PHASE_ORDER):
            cell = pygame.Rect(rect.left + index * width, rect.top, width - 4, rect.height)
            here = index == current
            pygame.draw.rect(surface, palette.BLUE if here else palette.PANEL, cell, border_radius=6)
            pygame.draw.rect(
                surface, palette.INK if here else palette.RULE, cell, width=3 if here else 1, border_radius=6
            )
            text = (bold if here else font).render(
                self.app._(PHASES[phase]), True, palette.PANEL if here else palette.INK
            )
            place = text.get_rect(center=cell.center)
            surface.blit(text, place)
            _phase_mark(surface, place, here, not here and phase in visited)


def _phase_mark(surface: pygame.Surface, label: pygame.Rect, here: bool, done: bool) -> None:
    """A drawn arrow before the current phase and a tick before the phases visited (not colour alone)."""
    size = max(6, label.height // 3)
    x, y = label.left - size - 8, label.centery
    if here:
        pygame.draw.polygon(surface, palette.PANEL, [(x, y - size), (x, y + size), (x + size, y)])
    elif done:
        points = [(x, y), (x + size // 2, y + size // 2), (x + size, y - size // 2)]
        pygame.draw.lines(surface, palette.BLUISH_GREEN, False, points, width=3)
