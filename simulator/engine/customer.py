"""The simulated customer: how a move changes the inner state and what the customer says back.

Numbers come from the rulebook (base effects, thresholds) and the typology (factors per move kind);
the words come from the scenario, with the rulebook's generic lines as fallback.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from simulator.engine.content import Content, Multiplier, Objection, TypeProfile
from simulator.engine.dmu import Table
from simulator.engine.machines import PhaseMachine, PhaseTrigger
from simulator.engine.moves import TALKING_KINDS, Move, repeatable
from simulator.engine.negotiation import Negotiator
from simulator.engine.state import Mood, SessionState
from simulator.engine.vocabulary import (
    ArgumentPart,
    EffectKey,
    MoveKind,
    NeedState,
    Outcome,
    Phase,
    Technique,
)
from simulator.engine.wording import Wording

NEUTRAL = Multiplier()
Handler = Callable[[Move, SessionState, PhaseMachine, random.Random, "Reaction"], None]


@dataclass(slots=True)
class Reaction:
    """What the customer says and what happened, for one move."""

    lines: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    effects: list[EffectKey] = field(default_factory=list)
    readiness_factor: float = 1.0
    proof_factor: float = 1.0
    cue: str | None = None
    informative: list[str] = field(default_factory=list)
    addressee: str | None = None
    """DMU meeting: the person the move was addressed to (None: the whole table)."""
    speakers: list[str | None] = field(default_factory=list)
    """DMU meeting: who says each line (None: the addressee, else the main customer)."""
    cue_by: str | None = None
    """DMU meeting: who shows the cue (None: the first speaker)."""

    def say(self, text: str, speaker: str | None = None) -> None:
        """Add words to the customer's reply (in a meeting, ``speaker`` says them)."""
        if text:
            self.lines.append(text)
            self.speakers.append(speaker)


class CustomerModel:
    """Applies moves to the session state on behalf of the customer."""

    def __init__(self, content: Content, wording: Wording, table: Table, negotiator: Negotiator) -> None:
        self.content = content
        self.table = table
        self.negotiator = negotiator
        self.rules = content.rulebook
        self.profile = content.typology.types[content.scenario.customer.typology]
        self.situation = content.rulebook.buying_situations[content.scenario.buying_situation]
        self.w = wording
        self._needs = {need.id: need for need in content.scenario.needs}
        self._rows = {row.id: row for row in content.scenario.product.kvvb}
        self._objections = {obj.id: obj for obj in content.scenario.objections}
        self._total_weight = sum(need.weight for need in self._needs.values())
        self._handlers: dict[MoveKind, Handler] = {kind: getattr(self, f"_on_{kind.value}") for kind in MoveKind}

    # ------------------------------------------------------------------ numbers

    def apply(self, reaction: Reaction, state: SessionState) -> tuple[float, float, float]:
        """Apply the reaction's effects to the mood; return the change actually applied (to the group's)."""
        before = (state.mood.trust, state.mood.readiness, state.mood.patience)
        if state.people:
            self._apply_to_each(reaction, state)
        else:
            trust, readiness, patience = self._change(reaction, self.profile, state.mood, state)
            state.mood.add(trust, readiness, patience - self.profile.patience_per_turn)
        return (state.mood.trust - before[0], state.mood.readiness - before[1], state.mood.patience - before[2])

    def _apply_to_each(self, reaction: Reaction, state: SessionState) -> None:
        """A meeting: the move reaches its addressee fully and the others in part, each by their own type."""
        for person_id, mood in state.people.items():
            person = self.table.person(person_id)
            share = 1.0 if reaction.addressee in (None, person_id) else self.table.bystander_share
            trust, readiness, _ = self._change(reaction, person.profile, mood, state, share)
            mood.add(trust, readiness, 0)
        patience = self._change(reaction, self.profile, state.mood, state)[2]
        state.mood.add(0, 0, patience - self.profile.patience_per_turn)
        state.regroup()

    def _change(
        self, reaction: Reaction, profile: TypeProfile, mood: Mood, state: SessionState, share: float = 1.0
    ) -> tuple[float, float, float]:
        """The change a reaction makes to one mood, by one type's factors (before the pace of the type)."""
        trust = readiness = patience = 0.0
        for key in reaction.effects:
            base = self.rules.effects[key]
            factor = profile.effects.get(key, NEUTRAL)
            proof = reaction.proof_factor if key is EffectKey.BEWIJS else 1.0
            trust += base.trust * factor.trust * proof
            readiness += base.readiness * factor.readiness * proof
            patience += base.patience * factor.patience
        trust, readiness = trust * share, readiness * share
        if readiness > 0:
            readiness *= reaction.readiness_factor * (0.5 + mood.trust / 100)
            if mood.trust < self.rules.thresholds.trust_floor_for_readiness:
                readiness *= self.rules.thresholds.low_trust_readiness_factor
            readiness = max(0.0, min(readiness, self.readiness_ceiling(state) - mood.readiness))
        return trust, readiness, patience

    def readiness_ceiling(self, state: SessionState) -> float:
        """How far readiness can rise now: questions alone reach the ceiling, addressed needs lift it."""
        floor = self.situation.question_ceiling
        addressed = sum(n.weight for n in self._needs.values() if state.need_at_least(n.id, NeedState.ADDRESSED))
        return floor + (100 - floor) * addressed / self._total_weight

    # ------------------------------------------------------------------ reactions

    def react(self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random) -> Reaction:
        """The customer's reaction to a move (before signals are added)."""
        reaction = Reaction(effects=list(move.effects), addressee=move.addressee)
        if move.id in state.used_moves and not repeatable(move.id):
            reaction.effects = [EffectKey.HERHALING]
            reaction.say(self.w.customer("repeat", rng))
            return reaction
        window = state.open_window()
        if window is not None and move.kind in TALKING_KINDS:
            reaction.effects.append(EffectKey.DOORPRATEN_NA_SIGNAAL)
            reaction.events.append(f"talk_on:{window.signal_id}")
        self._handlers[move.kind](move, state, phases, rng, reaction)
        return reaction

    def _on_smalltalk(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        state.smalltalk_count += 1
        over = state.smalltalk_count - self.profile.smalltalk_tolerance
        if over > 0 and (state.mood.patience < self.rules.thresholds.impatience or over > 1):
            r.say(self.w.customer("smalltalk_cut", rng))
            r.events.append("smalltalk_cut")
            phases.fire(PhaseTrigger.ASK)
            return
        r.say(self.w.customer("smalltalk", rng))

    def _on_agenda(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        r.say(self.w.customer("agenda", rng))
        phases.fire(PhaseTrigger.ASK)

    def _on_kenmerken_opsommen(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        key = "opening_pitch" if move.id == "opening_pitch" else "feature_dump"
        r.say(self.w.customer(key, rng))
        self._enter_transformatie(state, phases, r)
        self.raise_objection("opening_pitch" if move.id == "opening_pitch" else "kenmerken_opsommen", state, r)

    def _on_vraag(self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction) -> None:
        self._leave_for_questions(phases)
        need = self._needs[move.target or ""]
        if move.id.startswith("ask_wrong:"):
            self._deflect(move, self.table.person(need.owner).name, r)
            r.events.append(f"deflected:{need.id}")
            return
        if move.id.startswith("lead:"):
            irritated = EffectKey.SUGGESTIEVE_VRAAG in self.table.person(move.addressee).profile.dislikes
            r.say(self.w.customer("suggestive" if irritated else "closed_answer", rng))
            return
        state.raise_need(need.id, NeedState.SURFACED, state.customer_turn + 1)
        r.say(self.w.text(need.statement))
        r.events.append(f"need_surfaced:{need.id}")
        r.informative.append(f"hook:{need.id}")

    def _on_doorvraag(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        need = self._needs[move.target or ""]
        state.raise_need(need.id, NeedState.EXPLORED, state.customer_turn + 1)
        r.say(self.w.text(need.real_motive))
        r.events.append(f"need_explored:{need.id}")
        r.informative.append(f"motive:{need.id}")
        r.cue = self.rules.moods.get("engaged")

    def _on_implicatievraag(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        need = self._needs[move.target or ""]
        state.implied.add(need.id)
        r.say(self.w.text(need.implication_answer))
        r.events.append(f"implication:{need.id}")

    def _on_samenvatting(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        if move.false_detail:
            r.say(self.w.customer("summary_wrong", rng).replace("{detail}", move.false_detail))
            r.events.append("summary_wrong")
            r.cue = self.rules.moods.get("offended")
            return
        state.summaries_right += 1
        r.say(self.w.customer("summary_right", rng))
        r.events.append("summary_right")

    def _on_overgang(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        r.say(self.w.customer("transition", rng))
        self._enter_transformatie(state, phases, r)

    def _on_argument(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        row = self._rows[move.target or ""]
        need = self._needs[row.need]
        state.used_rows.add(row.id)
        self._enter_transformatie(state, phases, r)
        args = self.rules.arguments
        r.proof_factor = self.situation.proof_factor * args.motive_proof.get(need.motive, 1.0)
        if state.need_at_least(need.id, NeedState.EXPLORED):
            r.readiness_factor = args.explored_factor
            level = NeedState.CONFIRMED if move.parts >= frozenset(ArgumentPart) else NeedState.ADDRESSED
            state.raise_need(need.id, level, state.customer_turn + 1)
            r.say(self.w.text(need.confirm))
            r.events.append(f"need_{level.value}:{need.id}")
        elif state.need_at_least(need.id, NeedState.SURFACED):
            r.readiness_factor = args.surfaced_factor
            state.raise_need(need.id, NeedState.ADDRESSED, state.customer_turn + 1)
            r.say(self.w.text(need.confirm))
            r.events.append(f"need_addressed:{need.id}")
        else:
            r.readiness_factor = args.hidden_factor
            r.say(self.w.customer("argument_unlinked", rng))
        self.raise_objection("argument", state, r)

    def _on_bezwaarbehandeling(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        objection = self._objections[move.target or ""]
        status = state.objections[objection.id]
        turn = state.customer_turn + 1
        if move.technique is Technique.DOORVRAGEN:
            status.probed_turn = status.probed_turn or turn
            r.say(self.w.text(objection.probe_answer))
            r.events.append(f"objection_probed:{objection.id}")
            if objection.hides:
                self._uncover(objection, turn, state, r)
            return
        self._answer_objection(move, objection, state, r, turn)

    def _answer_objection(self, move: Move, objection: Objection, state: SessionState, r: Reaction, turn: int) -> None:
        status = state.objections[objection.id]
        table = self.rules.techniques[objection.type]
        technique = move.technique if isinstance(move.technique, Technique) else Technique.JA_MAAR
        handling = self.rules.objection_handling
        effect = min(1.0, table.get(technique, 0.0) + (handling.probe_bonus if status.probed_turn else 0.0))
        status.attempts.append((turn, technique.value, effect))
        r.readiness_factor = (effect - handling.neutral) / (1 - handling.neutral)
        if effect >= handling.success:
            status.resolved_turn = turn
            if objection.resolved is not None:
                r.say(self.w.text(objection.resolved))
            r.events.append(f"objection_resolved:{objection.id}")
        else:
            r.effects = [EffectKey.MISLUKTE_BEZWAARBEHANDELING]
            r.readiness_factor = 1.0
            r.say(self.w.text(objection.unresolved))
            r.events.append(f"objection_unresolved:{objection.id}")
            r.cue = self.rules.moods.get("guarded")

    def _uncover(self, pretext: Objection, turn: int, state: SessionState, r: Reaction) -> None:
        """Probing a pretext takes it off the table and puts the real objection on it."""
        state.objections[pretext.id].resolved_turn = turn
        real = pretext.hides or ""
        status = state.objections[real]
        if status.raised_turn is None:
            status.raised_turn = turn
            status.probed_turn = turn
            r.events.append(f"objection_raised:{real}")
            r.informative.append(f"objection:{real}")

    def _on_antwoord(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        r.say(self.w.customer("answered", rng))

    def _on_proefafsluiting(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        thresholds = self.rules.thresholds
        ready = state.mood.readiness >= thresholds.order_readiness - thresholds.trial_close_margin
        ready = ready or state.open_window() is not None
        r.say(self.w.customer("trial_close_yes" if ready else "trial_close_no", rng))
        r.events.append("trial_close_yes" if ready else "trial_close_no")

    def _on_afsluiting(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        if move.id == "close_wrong":
            self._deflect(move, self.table.decider.name, r)
            r.events.append("deflected:close")
            return
        window = state.open_window()
        phases.fire(PhaseTrigger.CLOSE)
        if window is not None and window.acted_turn is None:
            window.acted_turn = state.customer_turn + 1
        if state.open_objection() is None and self.raise_objection("afsluitpoging", state, r):
            return
        bonus = self.rules.signals.close_in_window_bonus if window is not None else 0.0
        ready = state.mood.readiness + bonus >= self.rules.thresholds.order_readiness
        holding_out = self.table.holding_out(state)
        demand_open = state.negotiation is not None and state.negotiation.is_open
        if ready and state.open_objection() is None and not demand_open and holding_out:
            person = holding_out[0]
            r.say(self.w.text(person.veto) if person.veto else self.w.customer("veto", rng), person.id)
            r.cue_by, r.cue = person.id, self.rules.moods.get("guarded")
            r.events.append(f"veto:{person.id}")
            return
        if ready and state.open_objection() is None and not demand_open:
            state.outcome = Outcome.ORDER
            phases.fire(PhaseTrigger.WIN)
            r.say(self.w.customer("order", rng))
            r.events.append("order")
            return
        if state.open_objection() is not None:
            objection = self._objections[state.open_objection() or ""]
            r.say(self.w.text(objection.text), objection.owner)
            return
        if demand_open and self.content.scenario.negotiation is not None:
            r.say(self.w.text(self.content.scenario.negotiation.demand))
            r.events.append("demand_repeated")
            return
        if window is None and not state.windows:
            r.effects = [EffectKey.TE_VROEG_AFSLUITEN]
            r.events.append("premature_close")
        r.say(self.w.customer("close_refused", rng))

    def _on_vervolgafspraak(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        if state.mood.readiness >= self.rules.thresholds.next_step_readiness and state.open_objection() is None:
            state.outcome = Outcome.VERVOLGAFSPRAAK
            r.say(self.w.customer("next_step", rng))
            r.events.append("next_step")
            return
        r.say(self.w.customer("next_step_refused", rng))
        r.events.append("next_step_refused")

    def _on_nazorg(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        r.say(self.w.customer("aftersales", rng))

    def _on_bijverkopen(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        r.say(self.w.customer("cross_sell", rng))

    def _on_afscheid(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        r.say(self.w.customer("goodbye", rng))
        r.events.append("goodbye")

    # ------------------------------------------------------------------ helpers

    def _enter_transformatie(self, state: SessionState, phases: PhaseMachine, r: Reaction) -> None:
        entered = phases.fire(PhaseTrigger.PRESENT) or phases.fire(PhaseTrigger.RESUME)
        if entered:
            self.raise_objection("transformatie", state, r)

    def _leave_for_questions(self, phases: PhaseMachine) -> None:
        if phases.phase in (Phase.TRANSFORMATIE, Phase.AFSLUITING):
            phases.fire(PhaseTrigger.EXPLORE)
        else:
            phases.fire(PhaseTrigger.ASK)

    def raise_objection(self, event: str, state: SessionState, r: Reaction) -> bool:
        """Raise the first objection this event triggers, if none is on the table; return whether raised."""
        if state.open_objection() is not None:
            return False
        for objection in self.content.scenario.objections:
            status = state.objections[objection.id]
            if status.raised_turn is not None or objection.trigger.on != event:
                continue
            if not self._in_range(objection, state.mood.readiness):
                continue
            status.raised_turn = state.customer_turn + 1
            r.say(self.w.text(objection.text), objection.owner)
            r.cue_by = objection.owner
            r.events.append(f"objection_raised:{objection.id}")
            r.informative.append(f"objection:{objection.id}")
            r.cue = self.rules.moods.get("guarded")
            return True
        return self._raise_demand(event, state, r)

    def _raise_demand(self, event: str, state: SessionState, r: Reaction) -> bool:
        """Put the negotiation demand on the table when its trigger fires (once)."""
        terms, status = self.content.scenario.negotiation, state.negotiation
        if terms is None or status is None or status.raised_turn is not None or terms.trigger.on != event:
            return False
        low, high = terms.trigger.min_readiness, terms.trigger.max_readiness
        readiness = state.mood.readiness
        if (low is not None and readiness < low) or (high is not None and readiness > high):
            return False
        status.raised_turn = state.customer_turn + 1
        r.say(self.w.text(terms.demand), self.table.decider.id if self.table.is_meeting else None)
        r.events.append("negotiation_raised")
        r.informative.append("demand:")
        r.cue = self.rules.moods.get("guarded")
        return True

    def _on_onderhandeling(
        self, move: Move, state: SessionState, phases: PhaseMachine, rng: random.Random, r: Reaction
    ) -> None:
        texts, events = self.negotiator.play(self.negotiator.parse(move.id), state, state.customer_turn + 1)
        for text in texts:
            r.say(self.w.text(text))
        r.events += events
        ready = state.mood.readiness >= self.rules.thresholds.order_readiness
        free = state.open_objection() is None and not self.table.holding_out(state)
        if "negotiation_settled" in events and ready and free:
            state.outcome = Outcome.ORDER
            phases.fire(PhaseTrigger.CLOSE)
            phases.fire(PhaseTrigger.WIN)
            r.events.append("order")

    def _deflect(self, move: Move, name: str, r: Reaction) -> None:
        """A meeting: the person asked says it is someone else's to answer."""
        person = self.table.person(move.addressee)
        r.say(self.w.text(person.deflect or "").replace("{name}", name), person.id)
        r.cue_by, r.cue = person.id, self.rules.moods.get("guarded")

    @staticmethod
    def _in_range(objection: Objection, readiness: float) -> bool:
        low, high = objection.trigger.min_readiness, objection.trigger.max_readiness
        return (low is None or readiness >= low) and (high is None or readiness <= high)
