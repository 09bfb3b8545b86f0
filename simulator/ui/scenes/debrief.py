"""Nabespreking: grade, rubric linked to the annotated transcript, signals and chart, review and quiz."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton, UITextBox

from simulator.chart_data import ChartData, chart_data
from simulator.engine import Conversation
from simulator.engine.content import Content
from simulator.engine.result import Result, score
from simulator.engine.scoring import Check
from simulator.engine.wording import localize
from simulator.messages import (
    CHECK_NAMES,
    OUTCOMES,
    PHASES,
    check_detail,
    dislike_texts,
    format_number,
    signal_parts,
    signal_rates,
    turn_notes,
)
from simulator.results.export import debrief_html
from simulator.results.store import atomic_write, data_dir
from simulator.review import after_action_review, typology_question
from simulator.ui import palette
from simulator.ui.chart import draw_chart
from simulator.ui.intents import Input, Intent
from simulator.ui.movelist import MoveCard, MoveList
from simulator.ui.scenes.base import Scene
from simulator.ui.scenes.prepare import esc
from simulator.ui.widgets import draw_text, scroll_text_box, scroll_text_box_to

if TYPE_CHECKING:
    from simulator.ui.app import App

TABS = ("overzicht", "signalen", "terugblik")
GAP = 12


class DebriefScene(Scene):
    """The after-action review of one conversation."""

    def __init__(
        self, app: App, content: Content, conv: Conversation, preparation: list[str], source: Path | None = None
    ) -> None:
        super().__init__(app)
        self.content, self.conv, self.preparation, self.source = content, conv, preparation, source
        self.result: Result = score(conv)
        self.chart: ChartData = chart_data(conv)
        self.tab = "overzicht"
        self.saved: Path | None = None
        self.selected: Check | None = None
        self.quiz_answer: str | None = None

    # ------------------------------------------------------------------ layout

    def build(self, rect: pygame.Rect) -> None:
        _, m = self.app._, self.app.manager
        header_h = self._header_font(rect.width).get_linesize() + 24
        tab_w = (rect.width - 4 * GAP) // 3
        self.tab_buttons = {
            name: self.add(
                UIButton(
                    pygame.Rect(GAP + i * (tab_w + GAP), header_h, tab_w, 42),
                    self._tab_label(name),
                    m,
                    object_id="#centred",
                )
            )
            for i, name in enumerate(TABS)
        }
        self.body = pygame.Rect(GAP, header_h + 52, rect.width - 2 * GAP, rect.height - header_h - 52 - 64)
        bottom = rect.height - 54
        quarter = (rect.width - 5 * GAP) // 4
        save = _("Opgeslagen: {name}").format(name=self.saved.name) if self.saved else _("Opslaan als HTML")
        labels = (_("Opnieuw (zelfde seed)"), _("Opnieuw (nieuwe seed)"), save, _("Naar het begin"))
        self.retry_same, self.retry_new, self.save_html, self.to_title = (
            self.add(
                UIButton(pygame.Rect(GAP + i * (quarter + GAP), bottom, quarter, 44), label, m, object_id="#centred")
            )
            for i, label in enumerate(labels)
        )
        self.check_buttons: dict[MoveCard, Check] = {}
        self.quiz_buttons: dict[UIElement, str] = {}
        getattr(self, f"_build_{self.tab}")()
        self.focus.set(self._focus_items())

    def _focus_items(self) -> list[Any]:
        """Everything Tab can reach, in reading order."""
        return [
            *self.tab_buttons.values(),
            *self.check_buttons,
            *self.quiz_buttons,
            self.retry_same,
            self.retry_new,
            self.save_html,
            self.to_title,
        ]

    def _tab_label(self, name: str) -> str:
        _ = self.app._
        label = {"overzicht": _("Overzicht"), "signalen": _("Koopsignalen"), "terugblik": _("Terugblik en quiz")}[name]
        return f"» {label} «" if name == self.tab else label

    def _build_overzicht(self) -> None:
        m, body = self.app.manager, self.body
        left_w = max(360, int(body.width * 0.42))
        self.rubric = MoveList(self.app.fonts, pygame.Rect(body.left, body.top, left_w, body.height))
        self._fill_rubric()
        self.transcript = self.add(
            UITextBox(
                self._transcript_html(),
                pygame.Rect(body.left + left_w + GAP, body.top, body.width - left_w - GAP, body.height),
                m,
            )
        )

    def _build_signalen(self) -> None:
        body = self.body
        chart_h = int(body.height * 0.55)
        self.chart_rect = pygame.Rect(body.left, body.top, body.width, chart_h)
        table = pygame.Rect(body.left, body.top + chart_h + GAP, body.width, body.height - chart_h - GAP)
        self.signal_box = self.add(UITextBox(self._signals_html(), table, self.app.manager))

    def _build_terugblik(self) -> None:
        _, m, body = self.app._, self.app.manager, self.body
        review = "".join(
            f"<b>{esc(q)}</b><br>{esc(a)}<br><br>" for q, a in after_action_review(self.result, self.conv, _)
        )
        quiz_h = 150
        self.review_box = self.add(
            UITextBox(review, pygame.Rect(body.left, body.top, body.width, body.height - quiz_h - GAP), m)
        )
        question, options, right = typology_question(self.conv, _)
        self.quiz_question, self.quiz_right = question, right
        width = (body.width - GAP * (len(options) - 1)) // len(options)
        y = body.bottom - quiz_h + 40
        for index, (code, name) in enumerate(options):
            mark = ""
            if self.quiz_answer is not None and code == right:
                mark = "OK: "
            elif self.quiz_answer == code:
                mark = "× "
            button = self.add(
                UIButton(
                    pygame.Rect(body.left + index * (width + GAP), y, width, 44),
                    f"{mark}{name}",
                    m,
                    object_id="#centred",
                )
            )
            self.quiz_buttons[button] = code

    # ------------------------------------------------------------------ text

    def _fill_rubric(self) -> None:
        """The rubric as cards: a sign (+, × or –) and a word for passed, failed or not counted."""
        offset = self.rubric.offset
        checks = self.result.checks
        badges = ["–" if c.score is None else ("+" if c.passed else "×") for c in checks]
        cards = self.rubric.set_moves([(c.id.value, self._check_label(c)) for c in checks], badges)
        self.rubric.offset = min(offset, self.rubric.max_offset)
        self.check_buttons = dict(zip(cards, checks, strict=True))

    def _check_label(self, item: Check) -> str:
        _ = self.app._
        if item.score is None:
            status, points = _("telt niet mee"), ""
        else:
            status = _("voldaan") if item.passed else _("niet voldaan")
            comma = self.app.settings.language == "nl"
            points = f"{format_number(item.score * item.weight, comma)}/{item.weight:g}"
        chosen = "» " if self.selected is item else ""
        return f"{chosen}{_(CHECK_NAMES[item.id])} {points} ({status})"

    def _transcript_html(self) -> str:
        _, conv = self.app._, self.conv
        marked_turns = set(self.selected.turns) if self.selected else set()
        you = _("Jij")
        parts = []
        if self.selected is not None:
            detail = check_detail(self.selected, _, self.app.settings.language == "nl")
            parts.append(f"<b>{esc(_(CHECK_NAMES[self.selected.id]))}</b>: {esc(detail)}")
        dislikes = dislike_texts(conv)
        for turn in conv.turns:
            star = "» " if turn.number in marked_turns else ""
            title = _("beurt {n} · {phase}").format(n=turn.number, phase=_(PHASES[turn.phase]))
            head = f"<b>{star}{esc(title)}</b>"
            customer = esc(turn.reply.speaker)
            line = f"{head}<br>{esc(you)}: {esc(turn.move.text)}<br>{customer}: {esc(turn.reply.text)}"
            notes = " · ".join(turn_notes(conv, turn, _, dislikes, "×"))
            parts.append(line + (f"<br><i>{esc(notes)}</i>" if notes else ""))
        return "<br><br>".join(parts)

    def _signals_html(self) -> str:
        _, stats = self.app._, self.result.signals
        rows = []
        for row in stats.rows:
            shown, what, status = signal_parts(self.conv, row, _)
            rows.append(f"• {esc(shown)}: “{esc(what)}” — <b>{esc(status)}</b>")
        if not rows:
            rows.append(esc(_("De klant gaf geen koopsignaal.")))
        alarms = ", ".join(str(t - 1) for t in stats.false_alarm_moves) or "—"
        rows.append(esc(_("Vals alarm op de klantuitspraak van beurt: {turns}").format(turns=alarms)))
        if stats.rows:
            rows.append(esc(signal_rates(stats, _, self.app.settings.language == "nl")))
        return "<br>".join(rows)

    # ------------------------------------------------------------------ input

    def select(self, item: Check) -> None:
        """Select a rubric check: highlight its turns and scroll the transcript to the first."""
        self.selected = item
        focused = self.focus.index
        self._fill_rubric()
        self.focus.set(self._focus_items())
        self.focus.index = focused
        self.transcript.set_text(self._transcript_html())
        if item.turns and self.conv.turns:
            scroll_text_box_to(self.transcript, (item.turns[0] - 1) / max(1, len(self.conv.turns)))

    def show_tab(self, name: str) -> None:
        """Switch to another part of the debrief."""
        self.tab = name
        self.relayout()
        self.focus.focus(self.tab_buttons[name])

    def handle(self, inp: Input) -> None:
        if inp.intent in (Intent.LEFT, Intent.RIGHT):
            step = 1 if inp.intent is Intent.RIGHT else -1
            self.show_tab(TABS[(TABS.index(self.tab) + step) % len(TABS)])
        elif inp.intent is Intent.POINTER and inp.pos is not None and self.tab == "overzicht":
            card = self.rubric.hit(inp.pos)
            if card is not None:
                self.focus.focus(card)
                self.select(self.check_buttons[card])
        elif inp.intent in (Intent.SCROLL_UP, Intent.SCROLL_DOWN):
            up = inp.intent is Intent.SCROLL_UP
            if self.tab == "overzicht" and inp.pos is not None and self.rubric.rect.collidepoint(inp.pos):
                self.rubric.scroll(-80 if up else 80)
                return
            box = {"overzicht": "transcript", "signalen": "signal_box", "terugblik": "review_box"}[self.tab]
            scroll_text_box(getattr(self, box), -0.8 if up else 0.8)
        elif inp.intent is Intent.BACK:
            self._go_title()
        else:
            super().handle(inp)
            if isinstance(self.focus.current, MoveCard) and self.tab == "overzicht":
                self.rubric.ensure_visible(self.focus.current)

    def export_html(self) -> Path:
        """Write this debrief as one self-contained HTML file in the data folder's exports; return its path."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = data_dir(self.app.options.data_dir) / "exports" / f"{self.content.scenario_id}-{stamp}.html"
        atomic_write(path, debrief_html(self.conv, self.result, self.app._, self.app.student))
        return path

    def on_button(self, element: Any) -> None:
        for name, button in self.tab_buttons.items():
            if element is button:
                self.show_tab(name)
                return
        if element in self.check_buttons:
            self.select(self.check_buttons[element])
        elif element in self.quiz_buttons:
            self.quiz_answer = self.quiz_buttons[element]
            self.relayout()
        elif element is self.retry_same or element is self.retry_new:
            self._retry(same=element is self.retry_same)
        elif element is self.to_title:
            self._go_title()
        elif element is self.save_html:
            self.saved = self.export_html()
            self.relayout()

    def _retry(self, same: bool) -> None:
        from simulator.ui.scenes.conversation import ConversationScene

        seed = self.conv.seed if same else None
        scene = ConversationScene(
            self.app, self.content, self.conv.mode, seed, self.preparation, self.conv.language, self.source
        )
        self.app.replace(scene)

    def _go_title(self) -> None:
        from simulator.ui.scenes.title import TitleScene

        self.app.reset_to(TitleScene)

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface) -> None:
        _, text = self.app._, self._header_text()
        font = self._header_font(surface.get_width())
        surface.blit(font.render(text, True, palette.INK), (GAP, 10))
        if self.tab == "overzicht":
            self.rubric.draw(surface)
        if self.tab == "signalen":
            draw_chart(surface, self.chart_rect, self.chart, self.app.fonts, self._chart_labels())
        if self.tab == "terugblik":
            area = pygame.Rect(self.body.left, self.body.bottom - 150, self.body.width, 36)
            line = self.quiz_question
            if self.quiz_answer is not None:
                profile = self.content.typology.types[self.quiz_right]
                name = localize(profile.name, self.conv.language, self.content.scenario.language)
                verdict_text = (
                    _("Goed!")
                    if self.quiz_answer == self.quiz_right
                    else _("Niet juist: het was {name}.").format(name=name)
                )
                line = f"{line}  {verdict_text}"
            draw_text(surface, self.app.fonts.get(17, bold=True), line, area, palette.INK)

    def _header_text(self) -> str:
        _, r = self.app._, self.result
        verdict = _("voldoende") if r.passed else _("onvoldoende")
        grade = format_number(r.grade, self.app.settings.language == "nl")
        return _("Cijfer {grade} ({verdict}) · uitkomst: {outcome} · score {score}/100").format(
            grade=grade, verdict=verdict, outcome=_(OUTCOMES[r.outcome]), score=round(r.score)
        )

    def _header_font(self, width: int) -> pygame.font.Font:
        """The largest heading font in which the grade line fits the window."""
        text = self._header_text()
        for size in (30, 26, 22, 19):
            font = self.app.fonts.get(size, bold=True)
            if font.size(text)[0] <= width - 2 * GAP:
                return font
        return self.app.fonts.get(16, bold=True)

    def _chart_labels(self) -> dict[str, str]:
        _ = self.app._
        return {
            "readiness": _("afsluitbereidheid"),
            "trust": _("vertrouwen"),
            "buying_signal": _("koopsignaal"),
            "interest_signal": _("interessesignaal"),
            "mark": _("jouw markering"),
            "close": _("jouw afsluiting"),
            "window": _("signaalvenster"),
            "turn": _("beurt"),
            "outcome": _("uitkomst"),
        }
