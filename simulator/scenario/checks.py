"""Consistency checks pydantic cannot do: cross-references, completeness and orderings."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from enum import Enum
from typing import Protocol

from pydantic import BaseModel

from simulator.engine.content import (
    CustomerLines,
    OfferRules,
    Rulebook,
    Scenario,
    StageDef,
    StudentLines,
    Typology,
)
from simulator.engine.vocabulary import (
    BuyingSituation,
    Channel,
    CheckId,
    DmuRole,
    EffectKey,
    Language,
    Motive,
    ObjectionType,
    Outcome,
    SignalChannel,
    SignalKind,
)
from simulator.scenario.dmu_checks import check_dmu
from simulator.scenario.negotiation_checks import check_negotiation
from simulator.scenario.problems import KeyPath, Report, dotted


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def _names(values: Iterable[str]) -> str:
    return ", ".join(sorted(values)) or "none"


def _missing(enum: type[Enum], present: Iterable[object]) -> list[str]:
    have = set(present)
    return [member.value for member in enum if member not in have]


# --------------------------------------------------------------------------- scenario


def check_scenario(scenario: Scenario, rulebook: Rulebook, typology: Typology, report: Report) -> None:
    """Every cross-reference and consistency rule of a scenario against its rulebook and typology."""
    _unique_ids(scenario, report)
    _kvvb(scenario, report)
    _objections(scenario, report)
    _preparation(scenario, report)
    _signals(scenario, rulebook, report)
    _languages(scenario, report)
    _against_rules(scenario, rulebook, typology, report)
    check_dmu(scenario, typology, report)
    check_negotiation(scenario, rulebook, report)


def _unique_ids(scenario: Scenario, report: Report) -> None:
    lists: list[tuple[KeyPath, Sequence[_HasId]]] = [
        (("needs",), scenario.needs),
        (("product", "kvvb"), scenario.product.kvvb),
        (("objections",), scenario.objections),
        (("signals",), scenario.signals),
        (("preparation", "options"), scenario.preparation.options),
    ]
    for where, items in lists:
        _unique(where, [item.id for item in items], report)


def _unique(where: KeyPath, ids: list[str], report: Report) -> None:
    first: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in first:
            report.at((*where, index, "id"), f"duplicate id '{item_id}' (also {dotted((*where, first[item_id]))})")
        first.setdefault(item_id, index)


def _kvvb(scenario: Scenario, report: Report) -> None:
    needs = {need.id for need in scenario.needs}
    served = {row.need for row in scenario.product.kvvb}
    for index, row in enumerate(scenario.product.kvvb):
        if row.need not in needs:
            report.at(("product", "kvvb", index, "need"), f"unknown need '{row.need}' (needs: {_names(needs)})")
    for index, need in enumerate(scenario.needs):
        if need.id not in served:
            report.at(("needs", index, "id"), f"need '{need.id}' has no row in product.kvvb")


def _objections(scenario: Scenario, report: Report) -> None:
    ids = {objection.id for objection in scenario.objections}
    for index, objection in enumerate(scenario.objections):
        where: KeyPath = ("objections", index)
        if objection.hides is None:
            if objection.type is ObjectionType.VALS:
                report.at((*where, "type"), "a 'vals' objection needs 'hides:' (the objection it hides)")
        elif objection.type is not ObjectionType.VALS:
            report.at((*where, "hides"), "only an objection of type 'vals' can hide another objection")
        elif objection.hides == objection.id:
            report.at((*where, "hides"), "an objection cannot hide itself")
        elif objection.hides not in ids:
            report.at((*where, "hides"), f"unknown objection '{objection.hides}' (objections: {_names(ids)})")
        if objection.resolved is None and objection.type is not ObjectionType.VALS:
            report.at(where, "'resolved:' is required: the customer's words when the objection is taken away")
        trigger = objection.trigger
        _min_max((*where, "trigger"), trigger.min_readiness, trigger.max_readiness, report)


def _min_max(where: KeyPath, low: float | None, high: float | None, report: Report) -> None:
    if low is not None and high is not None and low > high:
        report.at((*where, "min_readiness"), f"min_readiness ({low:g}) is above max_readiness ({high:g})")


def _heard(cue: str, scenario: Scenario, rulebook: Rulebook, where: KeyPath, report: Report) -> None:
    """On a channel where the customer cannot be seen, a non-verbal signal must be something one hears."""
    channel = rulebook.channels.get(scenario.channel)
    if channel is None or channel.visible or cue in channel.audible():
        return
    message = (
        f"the student cannot see the customer on a {scenario.channel.value} call: use a verbal signal or "
        f"a cue one can hear ({_names(channel.audible())})"
    )
    report.at(where, message)


def _preparation(scenario: Scenario, report: Report) -> None:
    needs = {need.id for need in scenario.needs}
    for index, option in enumerate(scenario.preparation.options):
        for position, need in enumerate(option.reveals_needs):
            if need not in needs:
                where = ("preparation", "options", index, "reveals_needs", position)
                report.at(where, f"unknown need '{need}' (needs: {_names(needs)})")


def _signals(scenario: Scenario, rulebook: Rulebook, report: Report) -> None:
    for index, signal in enumerate(scenario.signals):
        where: KeyPath = ("signals", index)
        if signal.channel is SignalChannel.VERBAAL and signal.text is None:
            report.at((*where, "channel"), "a verbal signal needs 'text:' (the customer's words)")
        if signal.channel is SignalChannel.NONVERBAAL and signal.cue is None:
            report.at((*where, "channel"), "a non-verbal signal needs 'cue:' (a cue id from the rulebook)")
        if signal.cue is not None and signal.cue not in rulebook.cues:
            report.at((*where, "cue"), f"unknown cue '{signal.cue}' (cues: {_names(rulebook.cues)})")
        elif signal.cue is not None and signal.channel is SignalChannel.NONVERBAAL:
            _heard(signal.cue, scenario, rulebook, (*where, "cue"), report)
        _min_max(where, signal.min_readiness, signal.max_readiness, report)
        if signal.answer is not None and not (
            signal.kind is SignalKind.INTERESSESIGNAAL and signal.channel is SignalChannel.VERBAAL
        ):
            report.at(
                (*where, "answer"),
                "only a verbal interessesignaal (a question) has an answer; act on a koopsignaal by closing",
            )
    if not any(signal.kind is SignalKind.KOOPSIGNAAL for signal in scenario.signals):
        report.at(("signals",), "needs at least one signal of kind 'koopsignaal'", key=True)


def _languages(scenario: Scenario, report: Report) -> None:
    language = scenario.language
    for where, text in _texts(scenario, ()):
        if language not in text:
            report.at(where, f"has no '{language.value}' text (the scenario's language)")


def _texts(value: object, where: KeyPath) -> Iterator[tuple[KeyPath, dict[object, object]]]:
    """Every text given per language (``{nl: ..., en: ...}``) in a model, with its key path."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*where, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _texts(item, (*where, index))
    elif isinstance(value, dict):
        if all(isinstance(key, Language) for key in value):
            yield where, value
            return
        for key, item in value.items():
            yield from _texts(item, (*where, key.value if isinstance(key, Enum) else key))


def _against_rules(scenario: Scenario, rulebook: Rulebook, typology: Typology, report: Report) -> None:
    code = scenario.customer.typology
    if code not in typology.types:
        report.at(("customer", "typology"), f"unknown type '{code}' (types: {_names(typology.types)})")
    if scenario.buying_model not in rulebook.buying_models:
        known = _names(rulebook.buying_models)
        report.at(("buying_model",), f"unknown buying model '{scenario.buying_model}' (known: {known})")


# --------------------------------------------------------------------------- rulebook and typology


def check_rulebook(rulebook: Rulebook, report: Report) -> None:
    """Completeness of a rulebook: every generic line, weight, effect and closing line is there."""
    _all_lines("customer_lines", rulebook.customer_lines, report)
    _all_lines("student_lines", rulebook.student_lines, report)
    _complete(("scoring", "weights"), CheckId, rulebook.scoring.weights, "weight", report)
    _complete(("effects",), EffectKey, rulebook.effects, "effect", report)
    _complete(("buying_situations",), BuyingSituation, rulebook.buying_situations, "buying situation", report)
    _complete(("arguments", "motive_proof"), Motive, rulebook.arguments.motive_proof, "motive", report)
    _outcomes(rulebook, report)
    _moods(rulebook, report)
    _channels(rulebook, report)
    _complete(("dmu", "influence"), DmuRole, rulebook.dmu.influence, "DMU role", report)
    _offer(rulebook.offer, report)
    for name, stages in rulebook.buying_models.items():
        _stages(("buying_models", name), stages, report)


def check_typology(typology: Typology, rulebook: Rulebook, report: Report) -> None:
    """A typology against the rulebook a scenario pairs it with: every idle cue exists."""
    for code, profile in typology.types.items():
        if profile.idle_cue not in rulebook.cues:
            message = f"unknown cue '{profile.idle_cue}' (cues in the rulebook: {_names(rulebook.cues)})"
            report.at(("types", code, "idle_cue"), message)
        for mood, cue in profile.moods.items():
            if mood not in rulebook.moods:
                report.at(
                    ("types", code, "moods", mood), f"unknown mood '{mood}' (moods: {_names(rulebook.moods)})", key=True
                )
            elif cue not in rulebook.cues:
                report.at(("types", code, "moods", mood), f"unknown cue '{cue}' (cues: {_names(rulebook.cues)})")


def _all_lines(name: str, lines: CustomerLines | StudentLines, report: Report) -> None:
    for field in type(lines).model_fields:
        if getattr(lines, field) is None:
            report.at((name, field), "missing; the rulebook must give every generic line")


def _complete(where: KeyPath, enum: type[Enum], present: Iterable[object], what: str, report: Report) -> None:
    missing = _missing(enum, present)
    if missing:
        report.at(where, f"no {what} for: {', '.join(missing)}", key=True)


def _outcomes(rulebook: Rulebook, report: Report) -> None:
    known = {outcome.value for outcome in Outcome}
    for name, value in rulebook.scoring.outcome_value.items():
        where: KeyPath = ("scoring", "outcome_value", name)
        if name not in known:
            report.at(where, f"unknown outcome '{name}' (outcomes: {_names(known)})", key=True)
        elif not 0 <= value <= 1:
            report.at(where, f"must be between 0 and 1 (it is {value:g})")


def _channels(rulebook: Rulebook, report: Report) -> None:
    _complete(("channels",), Channel, rulebook.channels, "channel", report)
    for channel, rules in rulebook.channels.items():
        where: KeyPath = ("channels", channel.value)
        for seen, heard in rules.cues.items():
            for cue, on_key in ((seen, True), (heard, False)):
                if cue not in rulebook.cues:
                    message = f"unknown cue '{cue}' (cues: {_names(rulebook.cues)})"
                    report.at((*where, "cues", seen), message, key=on_key)
        if rules.default_cue is not None and rules.default_cue not in rulebook.cues:
            report.at((*where, "default_cue"), f"unknown cue '{rules.default_cue}' (cues: {_names(rulebook.cues)})")
        if not rules.visible and rules.default_cue is None:
            report.at((*where, "visible"), "a channel where the customer cannot be seen needs 'default_cue:'")


def _moods(rulebook: Rulebook, report: Report) -> None:
    for mood, cue in rulebook.moods.items():
        if cue not in rulebook.cues:
            report.at(("moods", mood), f"unknown cue '{cue}' (cues: {_names(rulebook.cues)})")


def _offer(offer: OfferRules, report: Report) -> None:
    if offer.min > offer.max:
        report.at(("offer", "min"), f"min must not be above max (min is {offer.min}, max is {offer.max})")


def _stages(where: KeyPath, stages: list[StageDef], report: Report) -> None:
    if not stages:
        report.at(where, "needs at least one stage", key=True)
        return
    if stages[0].min_readiness != 0:
        report.at((*where, 0, "min_readiness"), "the first stage must start at 0")
    for index in range(1, len(stages)):
        before, stage = stages[index - 1].min_readiness, stages[index].min_readiness
        if stage <= before:
            message = f"must be higher than the stage before ({stage:g} is not above {before:g})"
            report.at((*where, index, "min_readiness"), message)
    _unique(where, [stage.id for stage in stages], report)
