"""Warnings for content that loads but that the engine can never use, or that is incomplete.

:func:`lint_paths` looks at the same files as :func:`~simulator.scenario.loader.validate_paths`, but only at
those that load without errors, and returns warnings only (``severity="warning"``, each with a ``code``):

``unreachable-signal``
    a signal the engine can never show, a phase in which it never shows signals, or a koopsignaal that
    comes before the offer can be made
``unreachable-objection``
    an objection whose trigger can never fire and that no reachable pretext (``hides``) brings up
``hook-not-in-statement``
    a need's hook does not occur in its statement, in a language the scenario is played in
``missing-translation``
    a text without one of the scenario's ``languages`` (a plain string counts as ``language`` only); the
    texts of the rulebook and typology the scenario uses are checked too
``template-placeholder``
    a summary or summarising close without ``{items}``, a wrong-summary reply without ``{detail}``
``never-said``
    a line or move the engine can never use with this rulebook and customer type (see
    :mod:`simulator.scenario.never_said`)
``unused-cue`` / ``unused-buying-model``
    a rulebook entry that no scenario, mood or typology among the checked files uses; reported only when
    the rulebook is checked together with scenarios that use it
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TypeGuard, get_args

from pydantic import BaseModel

from simulator.engine.content import (
    Content,
    LocalText,
    Objection,
    ObjectionTrigger,
    Rulebook,
    Scenario,
    Signal,
    SignalRules,
    Typology,
)
from simulator.engine.vocabulary import Language, Phase, SignalKind
from simulator.engine.wording import localize
from simulator.scenario.checks import check_rulebook
from simulator.scenario.loader import _Doc, _expand, _load, _read, _resolve, _scenario
from simulator.scenario.never_said import never_said
from simulator.scenario.problems import ContentError, KeyPath, Problem, dotted, position_of, sort_problems

UNREACHABLE_SIGNAL = "unreachable-signal"
UNREACHABLE_OBJECTION = "unreachable-objection"
HOOK_NOT_IN_STATEMENT = "hook-not-in-statement"
MISSING_TRANSLATION = "missing-translation"
TEMPLATE_PLACEHOLDER = "template-placeholder"
UNUSED_CUE = "unused-cue"
UNUSED_BUYING_MODEL = "unused-buying-model"
NEVER_SAID = "never-said"
CODES = (
    UNREACHABLE_SIGNAL,
    UNREACHABLE_OBJECTION,
    HOOK_NOT_IN_STATEMENT,
    MISSING_TRANSLATION,
    TEMPLATE_PLACEHOLDER,
    NEVER_SAID,
    UNUSED_CUE,
    UNUSED_BUYING_MODEL,
)

_SIGNAL_PHASES = (Phase.OPENING, Phase.INFORMATIE, Phase.TRANSFORMATIE, Phase.AFSLUITING)
"""Signals come after a student move while no outcome is set: never before the opening, never after the order."""
_CLOSE_PHASES = frozenset({Phase.TRANSFORMATIE, Phase.AFSLUITING})
_ENGINE_CUES = frozenset({"looks_away", "neutral"})
"""Cues the engine and the front ends use by name (a missed window; a verbal signal's fallback)."""
_LOCAL = dict[Language, str]
_TEMPLATES: tuple[tuple[str, str, str], ...] = (
    ("student_lines", "summary", "{items}"),
    ("student_lines", "samenvattend", "{items}"),
    ("customer_lines", "summary_wrong", "{detail}"),
)
_Template = tuple[KeyPath, list[LocalText] | None, str]
_TEMPLATE_WHY = {
    "{items}": "the summary cannot name what the customer said",
    "{detail}": "the customer cannot say which detail was wrong",
}


# --------------------------------------------------------------------------- public


def lint_paths(paths: list[Path]) -> list[Problem]:
    """Warnings for files and folders (every ``*.yaml``/``*.yml`` inside); files with errors are skipped."""
    linted = _collect(paths)
    problems: list[Problem] = []
    for item in linted.scenarios:
        problems += _lint_scenario(item)
    for rulebook, doc in _rulebooks(linted):
        out = _Warnings(doc)
        _templates(_template_lines(rulebook), out)
        problems += out.problems
    problems += _unused(linted)
    return sort_problems(problems)


def problem_to_dict(problem: Problem) -> dict[str, object]:
    """A problem as plain data (for JSON output): path, line, col, severity, code and message."""
    return {
        "path": problem.path,
        "line": problem.line,
        "col": problem.col,
        "severity": problem.severity,
        "code": problem.code,
        "message": problem.message,
    }


# --------------------------------------------------------------------------- collecting what loads


class _Warnings:
    """Collects the warnings of one file, each placed by its key path like :class:`Report` does errors."""

    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def at(self, code: str, where: KeyPath, message: str, *, key: bool = False) -> None:
        line, col = position_of(self.doc.positions, where, key=key)
        label = dotted(where)
        text = f"{label}: {message}" if label else message
        self.problems.append(Problem(str(self.doc.path), line, col, text, severity="warning", code=code))


@dataclass
class _ScenarioFile:
    """A scenario that loads, with the files of its rulebook and typology."""

    content: Content
    doc: _Doc
    rulebook: _Doc
    typology: _Doc


@dataclass
class _Linted:
    """Everything among the checked files that loads without errors; rules files keyed by resolved path."""

    scenarios: list[_ScenarioFile] = field(default_factory=list)
    rulebooks: dict[Path, tuple[Rulebook, _Doc]] = field(default_factory=dict)
    typologies: dict[Path, Typology] = field(default_factory=dict)


def _collect(paths: list[Path]) -> _Linted:
    linted = _Linted()
    for file in _expand(paths, []):
        with suppress(ContentError, OSError):
            _add(file, linted)
    return linted


def _add(path: Path, linted: _Linted) -> None:
    doc = _read(path)
    kind = doc.data.get("kind")
    if kind == "scenario":
        item = _scenario_file(path, doc)
        if item is not None:
            linted.scenarios.append(item)
    elif kind == "rulebook":
        rulebook = _load(path, Rulebook, check_rulebook)
        if rulebook.model is not None and rulebook.doc is not None:
            linted.rulebooks[path.resolve()] = (rulebook.model, rulebook.doc)
    elif kind == "typology":
        typology = _load(path, Typology)
        if typology.model is not None:
            linted.typologies[path.resolve()] = typology.model


def _scenario_file(path: Path, doc: _Doc) -> _ScenarioFile | None:
    content, problems = _scenario(path)
    if content is None or problems:
        return None
    rulebook = _resolve(doc, "rulebook", "standaard", [])
    typology = _resolve(doc, "typology_model", "das", [])
    if rulebook is None or typology is None:
        return None
    return _ScenarioFile(content, doc, _read(rulebook), _read(typology))


def _rulebooks(linted: _Linted) -> list[tuple[Rulebook, _Doc]]:
    """The rulebooks checked, and those the checked scenarios use, each once."""
    found = dict(linted.rulebooks)
    for item in linted.scenarios:
        found.setdefault(item.rulebook.path.resolve(), (item.content.rulebook, item.rulebook))
    return list(found.values())


# --------------------------------------------------------------------------- one scenario


def _lint_scenario(item: _ScenarioFile) -> list[Problem]:
    content, scenario = item.content, item.content.scenario
    own, rules, types = _Warnings(item.doc), _Warnings(item.rulebook), _Warnings(item.typology)
    _signals(content, own)
    _objections(content, own)
    _hooks(scenario, own)
    for where, why in never_said(content):
        own.at(NEVER_SAID, where, why)
    _templates(_template_lines(scenario), own)
    _translations(scenario, scenario, own, "")
    why = " of a scenario that uses this file"
    _translations(content.rulebook, scenario, rules, why)
    _translations(content.typology, scenario, types, why)
    return own.problems + rules.problems + types.problems


def _opening_ceiling(content: Content) -> float:
    """The highest readiness the customer can have while the conversation is still in the opening.

    Needs are addressed only by arguments, after the opening, so moves there raise readiness at most to
    the buying situation's ``question_ceiling``; only the start and the preparation can put it higher.
    """
    scenario = content.scenario
    ceiling = content.rulebook.buying_situations[scenario.buying_situation].question_ceiling
    prepared = sum(max(0.0, option.effect.readiness) for option in scenario.preparation.options)
    return min(100.0, max(ceiling, scenario.customer.start.readiness + prepared))


# --------------------------------------------------------------------------- signals


def _signals(content: Content, out: _Warnings) -> None:
    opening = _opening_ceiling(content)
    for index, signal in enumerate(content.scenario.signals):
        where: KeyPath = ("signals", index)
        found = _signal_problem(signal, opening, content.rulebook.signals)
        if found is not None:
            out.at(UNREACHABLE_SIGNAL, (*where, *found[0]), found[1])
        if any(phase in _SIGNAL_PHASES for phase in signal.phases):
            _dead_phases(signal, where, out)


def _signal_problem(signal: Signal, opening: float, rules: SignalRules) -> tuple[KeyPath, str] | None:
    """Why the engine never shows ``signal`` (or shows a koopsignaal too early), with where to point."""
    live = {phase for phase in signal.phases if phase in _SIGNAL_PHASES}
    if not live:
        shown = ", ".join(phase.value for phase in _SIGNAL_PHASES)
        return ("phases",), f"never shown: the customer shows signals only in {shown}"
    if signal.kind is SignalKind.KOOPSIGNAAL and not live & _CLOSE_PHASES:
        return ("phases",), "a koopsignaal only before the offer is made; add transformatie or afsluiting"
    if live == {Phase.OPENING} and signal.min_readiness > opening:
        message = f"never shown: in the opening, readiness stays at or below {opening:g} (see question_ceiling)"
        return ("min_readiness",), message
    if signal.kind is SignalKind.INTERESSESIGNAAL and (rules.interest_per_phase == 0 or rules.interest_chance == 0):
        return ("kind",), "never shown: the rulebook's signals.interest_per_phase or interest_chance is 0"
    return None


def _dead_phases(signal: Signal, where: KeyPath, out: _Warnings) -> None:
    for index, phase in enumerate(signal.phases):
        if phase not in _SIGNAL_PHASES:
            out.at(UNREACHABLE_SIGNAL, (*where, "phases", index), f"the customer shows no signals in {phase.value}")


# --------------------------------------------------------------------------- objections


def _objections(content: Content, out: _Warnings) -> None:
    objections = content.scenario.objections
    opening = _opening_ceiling(content)
    start = _start_range(content)
    blocked = {
        o.id: found for o in objections if (found := _trigger_problem(o, objections, opening, start)) is not None
    }
    reachable = _reachable(objections, set(blocked))
    for index, objection in enumerate(objections):
        if objection.id not in reachable:
            where, message = blocked[objection.id]
            out.at(UNREACHABLE_OBJECTION, ("objections", index, "trigger", *where), message)


def _trigger_problem(
    objection: Objection, objections: list[Objection], opening: float, start: tuple[float, float]
) -> tuple[KeyPath, str] | None:
    """Why the trigger of ``objection`` never fires, with where to point; None if it can.

    Only the opening pitch is bounded: it is offered in the opening alone, where readiness stays at or
    below ``opening``, and it enters transformatie first, which raises a transformatie objection if any.
    """
    trigger = objection.trigger
    if trigger.on == "opening":
        return _opening_problem(objection, objections, start)
    if trigger.on != "opening_pitch":
        return None
    if trigger.min_readiness is not None and trigger.min_readiness > opening:
        message = f"never raised: the pitch is made in the opening, where readiness stays at or below {opening:g}"
        return ("min_readiness",), message
    first = next((o for o in objections if o.trigger.on == "transformatie" and _covers(o.trigger, opening)), None)
    if first is not None:
        return ("on",), f"never raised: the opening pitch enters transformatie, which raises '{first.id}' first"
    return None


def _start_range(content: Content) -> tuple[float, float]:
    """The lowest and highest readiness the customer can have when the conversation opens."""
    scenario = content.scenario
    effects = [option.effect.readiness for option in scenario.preparation.options]
    low = scenario.customer.start.readiness + sum(min(0.0, effect) for effect in effects)
    high = scenario.customer.start.readiness + sum(max(0.0, effect) for effect in effects)
    return max(0.0, low), min(100.0, high)


def _opening_problem(
    objection: Objection, objections: list[Objection], start: tuple[float, float]
) -> tuple[KeyPath, str] | None:
    """An objection raised with the greeting: the start readiness must fit, and no earlier one may come first."""
    trigger = objection.trigger
    if trigger.min_readiness is not None and trigger.min_readiness > start[1]:
        return ("min_readiness",), f"never raised: readiness at the opening is at most {start[1]:g}"
    if trigger.max_readiness is not None and trigger.max_readiness < start[0]:
        return ("max_readiness",), f"never raised: readiness at the opening is at least {start[0]:g}"
    for earlier in objections[: objections.index(objection)]:
        low, high = earlier.trigger.min_readiness, earlier.trigger.max_readiness
        if earlier.trigger.on == "opening" and (low is None or low <= start[0]) and (high is None or high >= start[1]):
            return ("on",), f"never raised: '{earlier.id}' is raised at the opening first"
    return None


def _covers(trigger: ObjectionTrigger, opening: float) -> bool:
    """Whether the trigger's readiness range holds every readiness possible in the opening."""
    low, high = trigger.min_readiness, trigger.max_readiness
    return (low is None or low <= 0) and (high is None or high >= opening)


def _reachable(objections: list[Objection], blocked: set[str]) -> set[str]:
    """Objections whose trigger can fire, plus those a reachable pretext hides (probing it raises them)."""
    reached = {o.id for o in objections if o.id not in blocked}
    while True:
        hidden = {o.hides for o in objections if o.id in reached and o.hides is not None} - reached
        if not hidden:
            return reached
        reached |= {objection_id for objection_id in hidden if objection_id is not None}


# --------------------------------------------------------------------------- texts


def _played_in(scenario: Scenario) -> list[Language]:
    return list(dict.fromkeys([scenario.language, *scenario.languages]))


def _hooks(scenario: Scenario, out: _Warnings) -> None:
    for index, need in enumerate(scenario.needs):
        unseen: dict[tuple[KeyPath, str], list[str]] = {}
        for language in _played_in(scenario):
            hook = localize(need.hook, language, scenario.language)
            statement = localize(need.statement, language, scenario.language)
            if hook.casefold() not in statement.casefold():
                where = _in_language(("needs", index, "hook"), need.hook, language)
                unseen.setdefault((where, hook), []).append(language.value)
        for (where, hook), languages in unseen.items():
            message = f"'{hook}' does not occur in the statement ({', '.join(languages)}); the student cannot see it"
            out.at(HOOK_NOT_IN_STATEMENT, where, message)


def _in_language(where: KeyPath, text: LocalText, language: Language) -> KeyPath:
    return (*where, language.value) if isinstance(text, dict) and language in text else where


def _translations(model: BaseModel, scenario: Scenario, out: _Warnings, why: str) -> None:
    listed = ", ".join(language.value for language in scenario.languages)
    for where, text in _texts(model, (), text=False):
        have = set(text) if isinstance(text, dict) else {scenario.language}
        missing = [f"'{language.value}'" for language in scenario.languages if language not in have]
        if missing:
            message = f"has no {' or '.join(missing)} text (languages: {listed}{why})"
            out.at(MISSING_TRANSLATION, where, message, key=True)


def _texts(value: object, where: KeyPath, *, text: bool) -> Iterator[tuple[KeyPath, LocalText]]:
    """Every authored text in a model, with its key path; ``text`` says the value sits in a text field."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from _texts(getattr(value, name), (*where, name), text=_is_text_field(info.annotation))
    elif text and (isinstance(value, str) or _is_local(value)):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*where, key.value if isinstance(key, Enum) else key), text=text)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*where, index), text=text)


def _is_text_field(annotation: object) -> bool:
    return annotation == _LOCAL or any(_is_text_field(arg) for arg in get_args(annotation))


def _is_local(value: object) -> TypeGuard[dict[Language, str]]:
    return isinstance(value, dict) and bool(value) and all(isinstance(key, Language) for key in value)


def _template_lines(model: Scenario | Rulebook) -> list[_Template]:
    found: list[_Template] = [
        ((group, name), getattr(getattr(model, group), name), mark) for group, name, mark in _TEMPLATES
    ]
    return found


def _templates(lines: Iterable[_Template], out: _Warnings) -> None:
    for where, variants, mark in lines:
        for index, variant in enumerate(variants or []):
            for path, text in _each_language((*where, index), variant):
                if mark not in text:
                    out.at(TEMPLATE_PLACEHOLDER, path, f"has no {mark}: {_TEMPLATE_WHY[mark]}")


def _each_language(where: KeyPath, text: LocalText) -> list[tuple[KeyPath, str]]:
    if isinstance(text, str):
        return [(where, text)]
    return [((*where, language.value), value) for language, value in text.items()]


# --------------------------------------------------------------------------- rulebook entries nobody uses


def _unused(linted: _Linted) -> list[Problem]:
    """Unused cues and buying models of each checked rulebook that checked scenarios use."""
    problems: list[Problem] = []
    for path, (rulebook, doc) in linted.rulebooks.items():
        users = [item for item in linted.scenarios if item.rulebook.path.resolve() == path]
        if users:
            out = _Warnings(doc)
            typologies = [*linted.typologies.values(), *(item.content.typology for item in users)]
            _unused_cues(rulebook, users, typologies, out)
            _unused_models(rulebook, users, out)
            problems += out.problems
    return problems


def _unused_cues(rulebook: Rulebook, users: list[_ScenarioFile], typologies: list[Typology], out: _Warnings) -> None:
    used = set(_ENGINE_CUES) | set(rulebook.moods.values())
    used |= {signal.cue for item in users for signal in item.content.scenario.signals if signal.cue}
    used |= {profile.idle_cue for typology in typologies for profile in typology.types.values()}
    channels = {item.content.scenario.channel for item in users}
    used |= {cue for channel in channels for cue in rulebook.channels[channel].audible()}
    for cue in rulebook.cues:
        if cue not in used:
            message = "no signal, mood, channel or typology idle_cue in the checked files uses this cue"
            out.at(UNUSED_CUE, ("cues", cue), message, key=True)


def _unused_models(rulebook: Rulebook, users: list[_ScenarioFile], out: _Warnings) -> None:
    named = {item.content.scenario.buying_model for item in users}
    for name in rulebook.buying_models:
        if name not in named:
            out.at(UNUSED_BUYING_MODEL, ("buying_models", name), "no scenario in the checked files uses it", key=True)
