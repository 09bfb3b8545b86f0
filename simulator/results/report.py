"""A class overview from session records: per student and scenario, and per scenario; CSV and HTML.

Records are read with the same validation as at start-up; unreadable ones are skipped with a message
(in a report, files are never moved: they may be a teacher's collected copies). Only sessions with a
result count. The CSV opens correctly in Dutch Excel: ``;`` between fields, a decimal comma, UTF-8 with a
byte order mark.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from simulator.i18n import Gettext, translator
from simulator.messages import format_number
from simulator.results.store import SUFFIX, SessionRecord

LSD = ("luisteren", "samenvatten", "doorvragen")
UNKNOWN = "(onbekend)"
Progress = Callable[[int, int], None]


@dataclass
class Attempt:
    """One finished or abandoned session, as the report needs it."""

    student: str
    scenario: str
    title: str
    started: str
    grade: float
    lsd: float
    signals: float
    missed: list[str]
    moves: list[str]


@dataclass
class StudentRow:
    """One student on one scenario."""

    student: str
    scenario: str
    attempts: int
    first: float
    latest: float
    best: float
    lsd: float
    signals: float


@dataclass
class ScenarioRow:
    """One scenario over the class."""

    scenario: str
    title: str
    sessions: int
    students: int
    grade: float
    lsd: float
    signals: float
    most_missed: list[tuple[str, int]]
    choices: list[tuple[int, str, int]] = field(default_factory=list)
    """(turn, move, how many chose it) for the most chosen move at each turn."""


def record_files(paths: Iterable[Path]) -> list[Path]:
    """The session files among these paths (folders are searched)."""
    found: list[Path] = []
    for path in paths:
        found += sorted(path.rglob(f"*{SUFFIX}")) if path.is_dir() else [path]
    return found


def read_attempts(files: list[Path], progress: Progress | None = None) -> tuple[list[Attempt], list[str]]:
    """The attempts in these files, and a message per file that could not be used."""
    attempts, problems = [], []
    for index, path in enumerate(files, 1):
        try:
            record = SessionRecord.model_validate_json(path.read_bytes())
        except (OSError, ValueError, ValidationError) as error:
            problems.append(f"{path}: {str(error).splitlines()[0]}")
            continue
        if record.result is not None:
            attempts.append(_attempt(record))
        if progress is not None:
            progress(index, len(files))
    return attempts, problems


def _attempt(record: SessionRecord) -> Attempt:
    result: dict[str, Any] = record.result or {}
    scores = {check["id"]: check["score"] for check in result.get("checks", [])}
    lsd = [scores[name] for name in LSD if scores.get(name) is not None]
    signals = scores.get("koopsignalen")
    missed = [row["signal_id"] for row in result.get("signals", {}).get("rows", []) if not row.get("hit")]
    return Attempt(
        student=record.student or UNKNOWN,
        scenario=record.scenario,
        title=record.scenario_title,
        started=record.started,
        grade=float(result.get("grade", 1.0)),
        lsd=statistics.fmean(lsd) if lsd else 0.0,
        signals=float(signals) if signals is not None else 0.0,
        missed=missed,
        moves=list(result.get("moves", [])),
    )


def student_rows(attempts: list[Attempt]) -> list[StudentRow]:
    """Per student and scenario: attempts, first, latest and best grade, LSD and signal sub-scores (latest)."""
    groups: dict[tuple[str, str], list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        groups[(attempt.student, attempt.scenario)].append(attempt)
    rows = []
    for (student, scenario), group in sorted(groups.items()):
        group.sort(key=lambda a: a.started)
        latest = group[-1]
        rows.append(
            StudentRow(
                student,
                scenario,
                len(group),
                group[0].grade,
                latest.grade,
                max(a.grade for a in group),
                latest.lsd,
                latest.signals,
            )
        )
    return rows


def scenario_rows(attempts: list[Attempt]) -> list[ScenarioRow]:
    """Per scenario: averages, the most-missed buying signals and the most chosen move at each turn."""
    groups: dict[str, list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        groups[attempt.scenario].append(attempt)
    rows = []
    for scenario, group in sorted(groups.items()):
        missed = Counter(signal for a in group for signal in a.missed)
        by_turn: dict[int, Counter[str]] = defaultdict(Counter)
        for attempt in group:
            for turn, move in enumerate(attempt.moves, 1):
                by_turn[turn][move] += 1
        choices = [(turn, *by_turn[turn].most_common(1)[0]) for turn in sorted(by_turn)]
        rows.append(
            ScenarioRow(
                scenario,
                group[0].title,
                len(group),
                len({a.student for a in group}),
                statistics.fmean(a.grade for a in group),
                statistics.fmean(a.lsd for a in group),
                statistics.fmean(a.signals for a in group),
                missed.most_common(3),
                choices,
            )
        )
    return rows


@dataclass(frozen=True)
class Style:
    """The report's language: its words, and how its spreadsheets write numbers (Dutch Excel wants a
    decimal comma and ``;`` between fields)."""

    language: str = "nl"

    @property
    def gettext(self) -> Gettext:
        """The translator for the report's words."""
        return translator(self.language).gettext

    def number(self, value: float, digits: int = 1) -> str:
        """A number as the language writes it."""
        return format_number(value, self.language == "nl", digits)

    @property
    def delimiter(self) -> str:
        """Between CSV fields: ``;`` where the comma is the decimal sign."""
        return ";" if self.language == "nl" else ","


def report_csv(rows: list[StudentRow], style: Style = Style()) -> str:
    """The per-student table as CSV for Excel in the report's language, with the BOM at the start."""
    _ = style.gettext
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=style.delimiter, lineterminator="\r\n")
    writer.writerow(
        [
            _("student"),
            _("scenario"),
            _("pogingen"),
            _("eerste cijfer"),
            _("laatste cijfer"),
            _("beste cijfer"),
            _("LSD (laatste)"),
            _("koopsignalen (laatste)"),
            _("vooruitgang"),
        ]
    )
    for r in rows:
        numbers = [(r.first, 1), (r.latest, 1), (r.best, 1), (r.lsd, 2), (r.signals, 2), (r.latest - r.first, 1)]
        writer.writerow([r.student, r.scenario, r.attempts, *(style.number(v, d) for v, d in numbers)])
    return "\ufeff" + buffer.getvalue()


def _bars(items: list[tuple[str, float]], style: Style, top: float = 10.0) -> str:
    """A horizontal bar chart as inline SVG."""
    row_h, label_w, width = 22, 260, 720
    shapes = []
    for index, (label, value) in enumerate(items):
        y = index * row_h
        bar = (width - label_w - 50) * max(0.0, value) / top
        shapes.append(f"<text x='{label_w - 6}' y='{y + 15}' text-anchor='end' font-size='12'>{escape(label)}</text>")
        shapes.append(f"<rect x='{label_w}' y='{y + 4}' width='{bar:.1f}' height='14' fill='#0072b2'/>")
        shapes.append(f"<text x='{label_w + bar + 6:.1f}' y='{y + 15}' font-size='12'>{style.number(value)}</text>")
    height = max(row_h, row_h * len(items))
    return f"<svg viewBox='0 0 {width} {height}' role='img'>{''.join(shapes)}</svg>"


def report_html(students: list[StudentRow], scenarios: list[ScenarioRow], style: Style = Style()) -> str:
    """The class overview as one self-contained HTML page in the report's language."""
    _, num = style.gettext, style.number

    title = escape(_("Salesim — klasoverzicht"))
    per_scenario, per_student = escape(_("Per scenario")), escape(_("Per student"))
    parts = [f"<h1>{title}</h1>", f"<h2>{per_scenario}</h2>"]
    parts.append(_bars([(f"{s.title} ({s.sessions})", s.grade) for s in scenarios], style))
    for s in scenarios:
        missed = ", ".join(f"{signal} ({count}×)" for signal, count in s.most_missed) or "—"
        choices = "; ".join(f"{turn}: {move} ({count}×)" for turn, move, count in s.choices[:12])
        facts = _("{sessions} sessies van {students} studenten · gemiddeld cijfer {grade}")
        facts += " · LSD {lsd} · " + _("koopsignalen {signals}")
        parts.append(
            f"<h3>{escape(s.title)}</h3><p>"
            + escape(
                facts.format(
                    sessions=s.sessions,
                    students=s.students,
                    grade=num(s.grade),
                    lsd=num(s.lsd, 2),
                    signals=num(s.signals, 2),
                )
            )
            + "</p><p>"
            + escape(_("Meest gemiste koopsignalen: {signals}").format(signals=missed))
            + "</p><p class='muted'>"
            + escape(_("Meest gekozen zet per beurt: {choices}").format(choices=choices))
            + "</p>"
        )
    heads = [
        _("student"),
        _("scenario"),
        _("pogingen"),
        _("eerste"),
        _("laatste"),
        _("beste"),
        "LSD",
        _("koopsignalen"),
    ]
    parts.append(f"<h2>{per_student}</h2><table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr>")
    for r in students:
        cells = [escape(r.student), escape(r.scenario), str(r.attempts), num(r.first), num(r.latest), num(r.best)]
        cells += [num(r.lsd, 2), num(r.signals, 2)]
        parts.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    parts.append("</table>")
    css = (
        "body{font-family:'Noto Sans',Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
        "table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.2rem .4rem;"
        "border-bottom:1px solid #c8c4bc}.muted{color:#585e66}svg{width:100%;height:auto}"
    )
    body = "\n".join(parts)
    return (
        f"<!DOCTYPE html>\n<html lang='{style.language}'><head><meta charset='utf-8'><title>{title}</title>"
        f"<style>{css}</style></head>\n<body>\n{body}\n</body></html>\n"
    )
