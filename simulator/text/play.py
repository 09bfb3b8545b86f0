"""The terminal front end: one choice per line from stdin, so a session can be scripted.

The first line chooses the preparation (numbers separated by spaces, empty for none). Then each line
is a move number, ``k`` to mark the customer's last words as a buying signal (``k3`` marks and plays
move 3), or ``q`` to stop. End of input ends the session as abandoned; it is still scored.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from simulator.engine.content import Content
from simulator.engine.conversation import Conversation, Playtest
from simulator.engine.errors import PreparationError
from simulator.engine.result import Result, score
from simulator.engine.vocabulary import Language, Mode
from simulator.i18n import translator
from simulator.results.store import SessionLog
from simulator.text.render import TextView


@dataclass
class TextSession:
    """Plays one conversation on text streams."""

    content: Content
    seed: int
    mode: Mode
    language: Language
    stdin: TextIO
    out: TextIO
    playtest: Playtest | None = None
    records: Path | None = None
    student: str | None = None

    def __post_init__(self) -> None:
        self._ = translator(self.language.value).gettext
        self.view = TextView(self.content, self.language, self._)
        self.conv = Conversation(self.content, seed=self.seed, mode=self.mode, language=self.language)
        self.log: SessionLog | None = None

    def say(self, text: str) -> None:
        """Write to the session's output."""
        print(text, file=self.out, flush=True)

    def ask(self, prompt: str) -> str | None:
        """Read one line; None at end of input."""
        self.out.write(prompt)
        self.out.flush()
        line = self.stdin.readline()
        if not line:
            self.say("")
            return None
        if not self.stdin.isatty():
            self.say(line.rstrip("\n"))
        return line.strip()

    def run(self) -> Result:
        """Play to the end and return the result (kept turn by turn in the session records)."""
        if self.mode is Mode.TOETS and not self.student:
            self.student = self.ask(self._("Je naam of studentnummer (voor de toets): ")) or None
        self.say(self.view.dossier())
        if self._prepare():
            first = self.playtest.start(self.conv) if self.playtest else self.conv.start()
            if self.records is not None:
                self.log = SessionLog.begin(
                    self.records, self.content, self.conv, self.student, playtest=self.playtest is not None
                )
            self.say(self.view.customer(self.conv, first))
            while not self.conv.finished and self._turn():
                if self.log is not None:
                    self.log.update(self.conv)
        self.conv.abandon()
        result = score(self.conv)
        if self.log is not None:
            self.log.finish(self.conv, result)
        return result

    def _prepare(self) -> bool:
        options = self.content.scenario.preparation.options
        if not options:
            return True
        self.say(self.view.preparation())
        while True:
            line = self.ask(self._("Kies je voorbereiding (nummers met spaties, Enter = niets): "))
            if line is None:
                return False
            try:
                chosen = [options[int(part) - 1].id for part in line.replace(",", " ").split()]
                for text in self.conv.prepare(chosen):
                    self.say("  → " + text)
                return True
            except (ValueError, IndexError, PreparationError):
                self.say(self._("Dat kan niet: kies bestaande nummers binnen het budget."))

    def _turn(self) -> bool:
        """Read input until a move is made; False when the student stops."""
        self.say(self.view.moves(self.conv.offered))
        while True:
            line = self.ask(self._("Jouw zet: "))
            if line is None or line.lower() in ("q", "quit", "stop"):
                return False
            choice = line
            if line.lower().startswith("k"):
                marked = self.conv.mark_signal()
                self.say("  " + (self._("Gemarkeerd als koopsignaal.") if marked else self._("Al gemarkeerd.")))
                choice = line[1:].strip()
                if not choice:
                    continue
            if choice.isdigit() and 1 <= int(choice) <= len(self.conv.offered):
                reply = self.conv.choose(self.conv.offered[int(choice) - 1].id)
                self.say(self.view.customer(self.conv, reply))
                if hint := self.view.hint(self.conv):
                    self.say(hint)
                return True
            self.say(self._("Kies een nummer van 1 tot {n}, k of q.").format(n=len(self.conv.offered)))


def play_text(
    content: Content,
    seed: int,
    mode: Mode,
    language: Language,
    as_json: bool,
    stdin: TextIO | None = None,
    playtest: Playtest | None = None,
    records: Path | None = None,
    student: str | None = None,
    after: Callable[[TextSession, Result], None] | None = None,
) -> Result:
    """Run a text session; with ``as_json`` the play goes to stderr and stdout gets one JSON object. With
    ``records`` (a folder) the session is kept there turn by turn."""
    out = sys.stderr if as_json else sys.stdout
    session = TextSession(content, seed, mode, language, stdin or sys.stdin, out, playtest, records, student)
    result = session.run()
    if after is not None:
        after(session, result)
    if as_json:
        print(json.dumps(result.to_dict(), ensure_ascii=False), flush=True)
    else:
        session.say(session.view.debrief(result, session.conv))
    return result
