"""The title screen (play, scenario picker, mode, settings, quit) and the settings screen."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton, UILabel, UITextBox

from simulator.engine.content import Content
from simulator.engine.vocabulary import Language, Mode
from simulator.engine.wording import localize
from simulator.messages import BUYING_SITUATIONS, CHANNELS
from simulator.results.commands import settle_interrupted
from simulator.results.store import data_dir, interrupted
from simulator.scenario.loader import list_shipped, load_scenario
from simulator.scenario.problems import ContentError
from simulator.ui import palette
from simulator.ui.intents import Input, Intent
from simulator.ui.scenes.base import Scene
from simulator.ui.widgets import draw_text, text_height

if TYPE_CHECKING:
    from simulator.ui.app import App


@dataclass(frozen=True)
class ScenarioChoice:
    """A shipped scenario as the picker shows it."""

    path: Path
    content: Content


def shipped_scenarios() -> list[ScenarioChoice]:
    """The shipped scenarios that load, easiest first; broken ones are left out of the picker."""
    choices = []
    for path in list_shipped():
        try:
            choices.append(ScenarioChoice(path, load_scenario(path)))
        except ContentError:
            continue
    return sorted(choices, key=lambda choice: (choice.content.scenario.difficulty, choice.path.stem))


class TitleScene(Scene):
    """Play, choose a scenario and a mode, open the settings, or quit."""

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.choices = shipped_scenarios()
        self.current = 0
        self.mode = app.options.mode
        self.interrupted, set_aside = interrupted(data_dir(app.options.data_dir))
        self.set_aside = [item.moved_to.name for item in set_aside]

    def build(self, rect: pygame.Rect) -> None:
        _, m, fonts = self.app._, self.app.manager, self.app.fonts
        width = min(760, rect.width - 80)
        left = rect.centerx - width // 2
        top = self.header_height(rect) + 12
        info_h = round(fonts.get(17).get_linesize() * 1.2) * 4 + 28
        row = fonts.get(17).get_linesize() + 16
        big_row = fonts.get(22, bold=True).get_linesize() + 16
        self.prev = self.add(
            UIButton(pygame.Rect(left, top, 56, info_h), "«", m, object_id="#big", tool_tip_text=_("Vorig scenario"))
        )
        self.info = self.add(UITextBox(self._scenario_html(), pygame.Rect(left + 64, top, width - 128, info_h), m))
        self.next = self.add(
            UIButton(
                pygame.Rect(left + width - 56, top, 56, info_h),
                "»",
                m,
                object_id="#big",
                tool_tip_text=_("Volgend scenario"),
            )
        )
        y = top + info_h + 16
        self.play = self.add(UIButton(pygame.Rect(left, y, width, big_row), _("Spelen"), m, object_id="#big"))
        y += big_row + 10
        self.resume_button: UIButton | None = None
        if self.interrupted:
            record = self.interrupted[0][1]
            label = _("Onderbroken gesprek ({title}): nabespreking bekijken").format(title=record.scenario_title)
            self.resume_button = self.add(UIButton(pygame.Rect(left, y, width, row), label, m, object_id="#centred"))
            y += row + 8
        buttons = []
        for label in (self._mode_text(), _("Instellingen"), _("Stoppen")):
            buttons.append(self.add(UIButton(pygame.Rect(left, y, width, row), label, m, object_id="#centred")))
            y += row + 8
        self.mode_button, self.settings, self.quit = buttons
        self.buttons_bottom = y
        resume = [self.resume_button] if self.resume_button is not None else []
        self.focus.set([self.play, *resume, self.prev, self.next, self.mode_button, self.settings, self.quit])

    def _mode_text(self) -> str:
        _ = self.app._
        name = _("oefenen") if self.mode is Mode.OEFENEN else _("toets")
        return _("Modus: {mode} (wisselen)").format(mode=name)

    def _scenario_html(self) -> str:
        _ = self.app._
        if not self.choices:
            return _("Geen scenario's gevonden.")
        scenario = self.choices[self.current].content.scenario
        lang = Language(self.app.settings.language)
        title = localize(scenario.title, lang, scenario.language)
        facts = _("Niveau {level} · {situation} · {channel}").format(
            level=scenario.difficulty,
            situation=_(BUYING_SITUATIONS[scenario.buying_situation]),
            channel=_(CHANNELS[scenario.channel]),
        )
        position = f"{self.current + 1}/{len(self.choices)}"
        return f"<b>{_escape(title)}</b><br>{_escape(facts)}<br><i>{position}</i>"

    def _turn(self, step: int) -> None:
        if self.choices:
            self.current = (self.current + step) % len(self.choices)
            self.info.set_text(self._scenario_html())

    def handle(self, inp: Input) -> None:
        if inp.intent in (Intent.LEFT, Intent.RIGHT):
            self._turn(-1 if inp.intent is Intent.LEFT else 1)
        elif inp.intent is Intent.BACK:
            self.app.running = False
        else:
            super().handle(inp)

    def on_button(self, element: UIElement) -> None:
        if element is self.prev or element is self.next:
            self._turn(-1 if element is self.prev else 1)
        elif element is self.mode_button:
            self.mode = Mode.TOETS if self.mode is Mode.OEFENEN else Mode.OEFENEN
            self.mode_button.set_text(self._mode_text())
        elif element is self.settings:
            self.app.push(SettingsScene(self.app))
        elif element is self.quit:
            self.app.running = False
        elif element is self.resume_button:
            self._show_interrupted()
        elif element is self.play and self.choices:
            from simulator.ui.scenes.prepare import PrepareScene

            choice = self.choices[self.current]

            def prepare(app: App) -> Scene:
                return PrepareScene(app, choice.content, self.mode, app.options.seed, choice.path)

            if self.mode is Mode.TOETS and not self.app.student:
                from simulator.ui.scenes.student import StudentScene

                self.app.push(StudentScene(self.app, prepare))
            else:
                self.app.push(prepare(self.app))

    def _show_interrupted(self) -> None:
        """The debrief of the latest session a crash or kill interrupted; it is kept as abandoned."""
        from simulator.ui.scenes.debrief import DebriefScene

        path, record = self.interrupted.pop(0)
        try:
            content, conv, _ = settle_interrupted(path, record)
        except ContentError:
            self.app.reset_to(TitleScene)
            return
        self.app.push(DebriefScene(self.app, content, conv, record.preparation))

    def _tagline(self) -> str:
        return self.app._("Oefen verkoopgesprekken: luisteren, samenvatten, doorvragen en koopsignalen herkennen.")

    def header_height(self, rect: pygame.Rect) -> int:
        """Height of the title and the tagline at this window width."""
        title = self.app.fonts.get(56, bold=True).get_linesize()
        return 16 + title + text_height(self.app.fonts.get(18), self._tagline(), rect.width - 80)

    def draw(self, surface: pygame.Surface) -> None:
        rect = surface.get_rect()
        big = self.app.fonts.get(56, bold=True)
        title = big.render("Salesim", True, palette.BLUE)
        surface.blit(title, title.get_rect(midtop=(rect.centerx, 8)))
        area = pygame.Rect(rect.left + 40, 8 + big.get_linesize(), rect.width - 80, rect.height)
        draw_text(surface, self.app.fonts.get(18), self._tagline(), area, palette.MUTED_INK, centre=True)
        keys = self.app._(
            "Toetsen: Tab/pijlen = kiezen · Enter = doen · pijl links/rechts = scenario · "
            "F1 = uitleg · F11 = volledig scherm"
        )
        if self.set_aside:
            keys = self.app._("Onleesbare sessiebestanden opzijgezet: {files}").format(files=", ".join(self.set_aside))
        font = self.app.fonts.get(14)
        height = text_height(font, keys, rect.width - 40)
        if rect.bottom - height - 8 >= self.buttons_bottom:
            foot = pygame.Rect(rect.left + 20, rect.bottom - height - 8, rect.width - 40, height)
            draw_text(surface, font, keys, foot, palette.MUTED_INK, centre=True)


class SettingsScene(Scene):
    """Language, text size and fullscreen; every change is saved at once."""

    def build(self, rect: pygame.Rect) -> None:
        _, m, s = self.app._, self.app.manager, self.app.settings
        width = min(620, rect.width - 80)
        left, top = rect.centerx - width // 2, max(120, rect.height // 5)
        self.add(UILabel(pygame.Rect(left, top - 56, width, 44), _("Instellingen"), m, object_id="#big"))
        language = "Nederlands" if s.language == "nl" else "English"
        self.language = self.add(
            UIButton(
                pygame.Rect(left, top, width, 48), _("Taal: {value}").format(value=language), m, object_id="#centred"
            )
        )
        size = _("normaal") if s.text_size == "normaal" else _("groot")
        self.text_size = self.add(
            UIButton(
                pygame.Rect(left, top + 58, width, 48),
                _("Tekstgrootte: {value}").format(value=size),
                m,
                object_id="#centred",
            )
        )
        full = _("aan") if s.fullscreen else _("uit")
        self.fullscreen = self.add(
            UIButton(
                pygame.Rect(left, top + 116, width, 48),
                _("Volledig scherm: {value}").format(value=full),
                m,
                object_id="#centred",
            )
        )
        self.back = self.add(UIButton(pygame.Rect(left, top + 184, width, 48), _("Terug"), m, object_id="#centred"))
        self.focus.set([self.language, self.text_size, self.fullscreen, self.back])

    def on_button(self, element: UIElement) -> None:
        s = self.app.settings
        if element is self.language:
            self.app.change_settings(language="en" if s.language == "nl" else "nl")
        elif element is self.text_size:
            self.app.change_settings(text_size="groot" if s.text_size == "normaal" else "normaal")
        elif element is self.fullscreen:
            self.app.toggle_fullscreen()
        elif element is self.back:
            self.app.pop()

    def on_back(self) -> None:
        self.app.pop()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
