"""Turning engine output into terminal text: the dossier, each turn, and the debrief."""

from __future__ import annotations

import textwrap

from simulator.engine.content import Content
from simulator.engine.conversation import Conversation, CustomerTurn
from simulator.engine.moves import Move
from simulator.engine.result import Result
from simulator.engine.vocabulary import Language, Mode
from simulator.engine.wording import localize
from simulator.messages import (
    CHECK_NAMES,
    OUTCOMES,
    PHASES,
    Gettext,
    check_detail,
    dislike_texts,
    dossier_extras,
    format_number,
    moment_parts,
    reasons_text,
    signal_parts,
    signal_rates,
    turn_notes,
)

WIDTH = 88


def wrap(text: str, indent: str = "") -> str:
    """Wrap a paragraph to the terminal width."""
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def number(value: float, language: Language, digits: int = 1) -> str:
    """A number with a decimal comma in Dutch."""
    return format_number(value, language is Language.NL, digits)


class TextView:
    """Formats a conversation for a terminal in one language."""

    def __init__(self, content: Content, language: Language, gettext: Gettext) -> None:
        self.content = content
        self.language = language
        self._ = gettext

    def t(self, value: object) -> str:
        """Authored text in the session language."""
        return localize(value, self.language, self.content.scenario.language)  # type: ignore[arg-type]

    def dossier(self) -> str:
        """The account dossier and the product sheet."""
        _, s = self._, self.content.scenario
        b, p = s.briefing, s.product
        lines = [
            f"=== {self.t(s.title)} ===",
            "",
            _("ACCOUNTDOSSIER"),
            wrap(self.t(b.company), "  "),
            wrap(self.t(b.contact), "  "),
        ]
        lines += [wrap(self.t(b.history), "  "), _("Wat je weet:")]
        lines += [wrap(f"- {self.t(item)}", "  ") for item in b.known]
        lines += [wrap(_("Doel van het gesprek: {goal}").format(goal=self.t(b.goal)), "  ")]
        for heading, body in dossier_extras(s, self.t, _, self.language is Language.NL):
            lines += [heading, *(wrap(line, "  ") for line in body.split("\n"))]
        lines += ["", _("PRODUCTBLAD")]
        lines += [
            wrap(f"{self.t(p.name)} — {self.t(p.price)}", "  "),
            wrap(self.t(p.summary), "  "),
            "",
            _("KVVB-matrix:"),
        ]
        for row in p.kvvb:
            lines.append(wrap(f"* {self.t(row.kenmerk)} → {self.t(row.voordeel)} → {self.t(row.baat)}", "  "))
            lines.append(wrap(_("bewijs: {proof}").format(proof=self.t(row.bewijs)), "      "))
        return "\n".join(lines)

    def preparation(self) -> str:
        """The preparation choices with their cost."""
        _, prep = self._, self.content.scenario.preparation
        lines = ["", _("VOORBEREIDING — budget: {budget} punten").format(budget=prep.budget)]
        for index, option in enumerate(prep.options, 1):
            lines.append(wrap(f"{index}. [{option.cost}] {self.t(option.label)}", "  "))
        return "\n".join(lines)

    def customer(self, conv: Conversation, turn: CustomerTurn) -> str:
        """The customer's words and body language, with the mood in practice mode."""
        _ = self._
        head = "[" + _("beurt {n} · {phase}").format(n=turn.number, phase=_(PHASES[turn.phase])) + "]"
        lines = ["", head, wrap(f"{turn.speaker}: “{turn.text}”", "  "), wrap(f"({turn.cue_by} {turn.cue_text})", "  ")]
        if conv.mode is Mode.OEFENEN:
            m = turn.mood
            lines.append(
                "  "
                + _("Stemming: vertrouwen {trust} · bereidheid {readiness} · geduld {patience}").format(
                    trust=_bar(m.trust), readiness=_bar(m.readiness), patience=_bar(m.patience)
                )
            )
        return "\n".join(lines)

    def hint(self, conv: Conversation) -> str:
        """In practice mode: what went wrong with the move just made (empty when nothing did)."""
        if conv.mode is not Mode.OEFENEN or not conv.turns:
            return ""
        mistakes = reasons_text([j for j in conv.turns[-1].judgements if j.sign < 0], self._, dislike_texts(conv))
        return wrap(self._("Tip: {why}.").format(why=mistakes), "  ") if mistakes else ""

    def moves(self, moves: list[Move]) -> str:
        """The numbered moves and the key for the signal mark."""
        _ = self._
        lines = [wrap(f"{i}. {move.text}", "  ") for i, move in enumerate(moves, 1)]
        lines.append("  " + _("k = Koopsignaal! (markeer de laatste uitspraak) · q = stoppen"))
        return "\n".join(lines)

    def debrief(self, result: Result, conv: Conversation) -> str:
        """Grade, rubric with turns, the signal table and the turns that mattered most."""
        _ = self._
        lines = ["", "=" * WIDTH, _("NABESPREKING")]
        grade = number(result.grade, self.language)
        verdict = _("voldoende") if result.passed else _("onvoldoende")
        lines.append(
            _("Cijfer: {grade} ({verdict}) · score {score}/100 · uitkomst: {outcome}").format(
                grade=grade,
                verdict=verdict,
                score=number(result.score, self.language),
                outcome=_(OUTCOMES[result.outcome]),
            )
        )
        lines += ["", _("RUBRIC")] + self._rubric(result) + ["", _("KOOPSIGNALEN")] + self._signals(result, conv)
        lines += ["", _("GESPREKSVERLOOP")] + self._transcript(conv)
        lines += ["", _("DE DRIE BEURTEN DIE ER HET MEEST TOE DEDEN")] + self._moments(result, conv)
        lines += ["", _("LEERDOEL VAN DIT SCENARIO"), wrap(self.t(self.content.scenario.debrief.learning_goal), "  ")]
        return "\n".join(lines)

    def _rubric(self, result: Result) -> list[str]:
        _ = self._
        lines = []
        for check in result.checks:
            mark = _("n.v.t.") if check.score is None else ("✓" if check.passed else "✗")
            points = "" if check.score is None else number(check.score * check.weight, self.language)
            share = "  —  " if check.score is None else f"{points:>4}/{check.weight:g}"
            turns = ", ".join(str(t) for t in check.turns) or "—"
            where = _("beurten: {turns}").format(turns=turns)
            lines.append(f"  {mark:<6} {_(CHECK_NAMES[check.id]):<32} {share:>8}  {where}")
            lines.append(wrap(check_detail(check, _, self.language is Language.NL), "         "))
        return lines

    def _signals(self, result: Result, conv: Conversation) -> list[str]:
        _, s = self._, result.signals
        lines = []
        for row in s.rows:
            shown, what, status = signal_parts(conv, row, _)
            lines.append(wrap(f"- {shown}: “{what}” — {status}", "  "))
        if not s.rows:
            lines.append("  " + _("De klant gaf geen koopsignaal."))
            return lines
        alarms = ", ".join(str(t - 1) for t in s.false_alarm_moves) or "—"
        lines.append("  " + _("Vals alarm op de klantuitspraak van beurt: {turns}").format(turns=alarms))
        lines.append("  " + signal_rates(s, _, self.language is Language.NL))
        return lines

    def _transcript(self, conv: Conversation) -> list[str]:
        """Every turn in one or two lines, with signals shown after the fact and the mistakes named."""
        _, dislikes = self._, dislike_texts(conv)
        lines = []
        for turn in conv.turns:
            notes = turn_notes(conv, turn, _, dislikes, "✗")
            said = _short(turn.move.text)
            lines.append(
                wrap(f"{turn.number:>2}. {_(PHASES[turn.phase])[:4]} · {said} → “{_short(turn.reply.text)}”", "  ")
            )
            if notes:
                lines.append(wrap("; ".join(notes), "       "))
        return lines

    def _moments(self, result: Result, conv: Conversation) -> list[str]:
        _ = self._
        dislikes = dislike_texts(conv)
        if not result.key_moments:
            return ["  " + _("Geen: je koos steeds een van de sterkste zetten.")]
        lines = []
        for moment in result.key_moments:
            said, why_not, better = moment_parts(moment, _, dislikes)
            lines += [wrap(said, "  "), wrap(why_not, "    "), wrap(better, "    ")]
        return lines


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _bar(value: float) -> str:
    filled = round(value / 20)
    return "▮" * filled + "▯" * (5 - filled)
