"""Checks for a DMU meeting: who is at the table, and that every 'owner' names one of them."""

from __future__ import annotations

from simulator.engine.content import Scenario, Typology
from simulator.scenario.problems import KeyPath, Report


def check_dmu(scenario: Scenario, typology: Typology, report: Report) -> None:
    """Participants have unique ids and known types; owners exist; the customer of a meeting can deflect."""
    people = _people(scenario, report)
    for index, participant in enumerate(scenario.participants):
        if participant.typology not in typology.types:
            known = ", ".join(sorted(typology.types))
            report.at(("participants", index, "typology"), f"unknown type '{participant.typology}' (types: {known})")
    owned: list[tuple[str, list[str | None]]] = [
        ("needs", [need.owner for need in scenario.needs]),
        ("objections", [objection.owner for objection in scenario.objections]),
        ("signals", [signal.owner for signal in scenario.signals]),
    ]
    for name, owners in owned:
        for index, owner in enumerate(owners):
            if owner is not None and owner not in people:
                message = f"unknown person '{owner}' (at the table: {', '.join(people)})"
                report.at((name, index, "owner"), message)
    if scenario.participants and scenario.customer.deflect is None:
        report.at(("customer",), "'deflect:' is required in a meeting with participants", key=True)


def _people(scenario: Scenario, report: Report) -> list[str]:
    """The ids of everyone at the table, reporting duplicates."""
    people = [scenario.customer.id]
    for index, participant in enumerate(scenario.participants):
        where: KeyPath = ("participants", index, "id")
        if participant.id in people:
            report.at(where, f"duplicate person id '{participant.id}' (the customer and participants share ids)")
        people.append(participant.id)
    return people
