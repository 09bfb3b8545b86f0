"""``salesim analyze``: play many seeded conversations per bot without any UI and summarise them.

Per bot: grade min/median/max, outcome rates, share of buying signals hit, mean turns and the rubric checks
it fails most. Per scenario: authored lines never shown in any run, and warnings when the scenario is too
hard for the expert, too easy for random play, or does not blame a bad habit by the check named for it.
"""

from __future__ import annotations

import random
import statistics
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from simulator.engine import Content, Conversation
from simulator.engine.compiled import CompiledScenario
from simulator.engine.content import LocalText, Scenario
from simulator.engine.result import score
from simulator.engine.wording import localize
from simulator.scenario.bots import BOTS, BotSpec, play_bot

EXPERT_MIN_MEDIAN = 8.0
RANDOM_MAX_MEDIAN = 5.5
BLAME_SHARE = 0.5

Progress = Callable[[int, int], None]


@dataclass
class BotReport:
    """What one bot did over all its runs."""

    name: str
    habit_check: str | None
    grades: list[float] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    signals: int = 0
    hits: int = 0
    turns: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The JSON form ``salesim analyze --json`` prints."""
        runs = len(self.grades) or 1
        return {
            "grade": {
                "min": min(self.grades),
                "median": round(statistics.median(self.grades), 2),
                "max": max(self.grades),
            },
            "outcomes": {name: round(count / runs, 3) for name, count in sorted(self.outcomes.items())},
            "signal_hit_rate": round(self.hits / self.signals, 3) if self.signals else None,
            "mean_turns": round(self.turns / runs, 1),
            "failed_checks": {name: round(count / runs, 3) for name, count in self.failed.most_common()},
        }


@dataclass
class Analysis:
    """The whole report of ``salesim analyze``."""

    scenario: str
    runs: int
    seed: int
    bots: dict[str, BotReport]
    unseen_lines: list[str]
    warnings: list[AnalysisWarning]

    def to_dict(self) -> dict[str, Any]:
        """The JSON object ``salesim analyze --json`` prints."""
        return {
            "scenario": self.scenario,
            "runs": self.runs,
            "seed": self.seed,
            "bots": {name: report.to_dict() for name, report in self.bots.items()},
            "unseen_lines": self.unseen_lines,
            "warnings": [str(warning) for warning in self.warnings],
        }


def analyze(
    content: Content, runs: int, seed: int = 0, bots: dict[str, BotSpec] | None = None, progress: Progress | None = None
) -> Analysis:
    """Play ``runs`` conversations per bot (seeds ``seed``…``seed + runs - 1``) and summarise them."""
    chosen = bots or BOTS
    seen: set[str] = set()
    reports = {}
    total, done = runs * len(chosen), 0
    compiled = CompiledScenario(content)
    for name, spec in chosen.items():
        report = BotReport(name, spec.habit_check.value if spec.habit_check else None)
        for run in range(runs):
            _one_run(compiled, spec, seed + run, report, seen)
            done += 1
            if progress is not None:
                progress(done, total)
        reports[name] = report
    return Analysis(content.scenario_id, runs, seed, reports, unseen_lines(content, seen), _warnings(reports))


def _one_run(compiled: CompiledScenario, spec: BotSpec, seed: int, report: BotReport, seen: set[str]) -> None:
    conv = Conversation(compiled.content, seed=seed, compiled=compiled)
    play_bot(conv, spec.play, random.Random(seed))
    result = score(conv)
    report.grades.append(result.grade)
    report.outcomes[result.outcome.value] += 1
    report.failed.update(check.id.value for check in result.checks if not check.passed)
    report.signals += result.signals.signals
    report.hits += result.signals.hits
    report.turns += result.turns
    if conv.greeting is not None:
        seen.add(conv.greeting.text)
    for turn in conv.turns:
        seen.add(turn.reply.text)
        seen.update(move.text for move in turn.offered)


WARNING_TEXTS = {
    "expert_low": "expert median grade {median} is below {limit}",
    "random_high": "random median grade {median} reaches {limit}",
    "habit_not_blamed": "{bot}: its habit is blamed by '{check}' in only {share} of runs",
}


@dataclass(frozen=True)
class AnalysisWarning:
    """Something an instructor should look at: its kind and the figures that tell why (the text in English
    for ``--json``; front ends word it in their own language from the same figures)."""

    kind: str
    figures: dict[str, str | float]

    def __str__(self) -> str:
        return WARNING_TEXTS[self.kind].format(**self.figures)


def _warnings(reports: dict[str, BotReport]) -> list[AnalysisWarning]:
    warnings = []
    expert, rand = reports.get("expert"), reports.get("random")
    if expert and statistics.median(expert.grades) < EXPERT_MIN_MEDIAN:
        figures: dict[str, str | float] = {"median": statistics.median(expert.grades), "limit": EXPERT_MIN_MEDIAN}
        warnings.append(AnalysisWarning("expert_low", figures))
    if rand and statistics.median(rand.grades) >= RANDOM_MAX_MEDIAN:
        figures = {"median": statistics.median(rand.grades), "limit": RANDOM_MAX_MEDIAN}
        warnings.append(AnalysisWarning("random_high", figures))
    for report in reports.values():
        if report.habit_check and report.failed[report.habit_check] < BLAME_SHARE * len(report.grades):
            share = report.failed[report.habit_check] / max(1, len(report.grades))
            figures = {"bot": report.name, "check": report.habit_check, "share": f"{share:.0%}"}
            warnings.append(AnalysisWarning("habit_not_blamed", figures))
    return warnings


def authored_lines(content: Content) -> Iterator[tuple[str, str]]:
    """(where, text) for every line of the customer and the student the scenario itself authors."""
    s, language = content.scenario, content.scenario.language

    def text(value: LocalText) -> str:
        return localize(value, language, language)

    for lines_name, lines in (("customer_lines", s.customer_lines), ("student_lines", s.student_lines)):
        for key in type(lines).model_fields:
            for index, line in enumerate(getattr(lines, key) or []):
                yield f"{lines_name}.{key}[{index}]", text(line)
    for need in s.needs:
        for key in (
            "question",
            "leading_question",
            "statement",
            "probe",
            "real_motive",
            "implication_question",
            "implication_answer",
            "confirm",
        ):
            yield f"needs.{need.id}.{key}", text(getattr(need, key))
    for objection in s.objections:
        for key in ("text", "probe", "probe_answer", "resolved", "unresolved"):
            if getattr(objection, key) is not None:
                yield f"objections.{objection.id}.{key}", text(getattr(objection, key))
        for technique, answer in objection.answers.items():
            yield f"objections.{objection.id}.answers.{technique.value}", text(answer)
    for signal in s.signals:
        if signal.text is not None:
            yield f"signals.{signal.id}.text", text(signal.text)
        if signal.answer is not None:
            yield f"signals.{signal.id}.answer", text(signal.answer)
    yield from _meeting_lines(s, text)
    yield from _negotiation_lines(s, text)


def _meeting_lines(s: Scenario, text: Callable[[LocalText], str]) -> Iterator[tuple[str, str]]:
    if not s.participants:
        return
    people: list[tuple[str, LocalText | None, LocalText | None]] = [("customer", s.customer.deflect, s.customer.veto)]
    people += [(f"participants.{p.id}", p.deflect, p.veto) for p in s.participants]
    for where, deflect, veto in people:
        for key, line in (("deflect", deflect), ("veto", veto)):
            if line is not None:
                yield f"{where}.{key}", text(line)


def _negotiation_lines(s: Scenario, text: Callable[[LocalText], str]) -> Iterator[tuple[str, str]]:
    terms = s.negotiation
    if terms is None:
        return
    keys = ("demand", "probe", "probe_answer", "hold", "hold_reply", "discount", "discount_reply", "break_off")
    for key in (*keys, "break_off_reply", "more", "accept"):
        yield f"negotiation.{key}", text(getattr(terms, key))
    for concession in terms.concessions:
        for key in ("give", "trade", "reply"):
            yield f"negotiation.concessions.{concession.id}.{key}", text(getattr(concession, key))


def unseen_lines(content: Content, seen: set[str]) -> list[str]:
    """Authored lines that no run ever showed (templates are matched up to their first placeholder)."""
    shown = "\n".join(seen)
    unseen = []
    for where, line in authored_lines(content):
        probe = line.split("{", 1)[0].strip()
        if probe and probe not in shown:
            unseen.append(f"{where}: {line[:80]}")
    return unseen
