"""The people at the table in a DMU meeting: who they are, their say in the decision and their type.

A scenario without participants is a meeting of one: :attr:`Table.is_meeting` is false, nobody is
addressed by name and the customer model works on the one customer's mood alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.engine.content import Content, Customer, LocalText, Participant, TypeProfile
from simulator.engine.state import Mood, SessionState
from simulator.engine.vocabulary import DmuRole, Motive


@dataclass(frozen=True, slots=True)
class Person:
    """Someone at the table."""

    id: str
    name: str
    role: DmuRole
    typology: str
    profile: TypeProfile
    motives: tuple[Motive, ...]
    influence: float
    deflect: LocalText | None
    veto: LocalText | None
    moods: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    """The cue for each mood: the rulebook's, with the person's type's own where it has them."""


def _seated(who: Customer | Participant, content: Content) -> Person:
    """Someone from the scenario as they sit at the table: with their type, their say and their mood cues."""
    profile = content.typology.types[who.typology]
    return Person(
        who.id,
        who.name,
        who.dmu_role,
        who.typology,
        profile,
        tuple(who.motives),
        content.rulebook.dmu.influence.get(who.dmu_role, 1.0),
        who.deflect,
        who.veto,
        {**content.rulebook.moods, **profile.moods},
    )


class Table:
    """Everyone at the table, with the main customer first."""

    def __init__(self, content: Content) -> None:
        scenario, rules = content.scenario, content.rulebook
        customer = scenario.customer
        main = _seated(customer, content)
        others = [_seated(participant, content) for participant in scenario.participants]
        self.people: dict[str, Person] = {person.id: person for person in (main, *others)}
        self.main = main
        self.is_meeting = bool(others)
        self.veto_readiness = rules.dmu.veto_readiness
        self.bystander_share = rules.dmu.bystander_share
        deciders = [p for p in self.people.values() if p.role is DmuRole.BESLISSER]
        self.decider = deciders[0] if deciders else main

    def person(self, person_id: str | None) -> Person:
        """A person by id (None is the main customer)."""
        return self.people[person_id] if person_id is not None else self.main

    def other_than(self, person_id: str | None, pick: int = 0) -> Person:
        """Someone else than ``person_id`` (whom a student may wrongly ask): ``pick`` 0 is the one with
        the most say, 1 the next, and so on round the table."""
        others = [p for p in self.people.values() if p.id != self.person(person_id).id]
        others.sort(key=lambda p: -p.influence)
        return others[pick % len(others)]

    def seat(self, content: Content, state: SessionState) -> None:
        """Give everyone at a meeting their own mood and set the group's from it."""
        if not self.is_meeting:
            return
        start = content.scenario.customer.start
        state.people[self.main.id] = Mood(start.trust, start.readiness, start.patience)
        for participant in content.scenario.participants:
            state.people[participant.id] = Mood(participant.start.trust, participant.start.readiness, start.patience)
        state.say = {person.id: person.influence for person in self.people.values()}
        state.regroup()

    def holding_out(self, state: SessionState) -> list[Person]:
        """People not convinced enough to let a close through, the least convinced first."""
        low = [pid for pid, mood in state.people.items() if mood.readiness < self.veto_readiness]
        return [self.people[pid] for pid in sorted(low, key=lambda pid: state.people[pid].readiness)]
