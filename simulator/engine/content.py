"""Typed models of the content the engine runs on: scenarios, the rulebook and typologies.

These are pure pydantic models (no file access). Loading them from YAML, with line and column for
every error, lives in :mod:`simulator.scenario`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from simulator.engine.vocabulary import (
    BuyingSituation,
    Channel,
    CheckId,
    DmuRole,
    EffectKey,
    Language,
    Motive,
    ObjectionType,
    Phase,
    SignalChannel,
    SignalKind,
    Technique,
)

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
LocalText = str | dict[Language, str]
Lines = list[LocalText]


def _as_list(value: object) -> object:
    return [value] if isinstance(value, (str, dict)) else value


class Strict(BaseModel):
    """Base for every content model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Delta(Strict):
    """A change to the customer's inner state, in points on a 0–100 scale."""

    trust: float = Field(0, ge=-100, le=100, description="Change in trust/rapport.")
    readiness: float = Field(0, ge=-100, le=100, description="Change in afsluitbereidheid.")
    patience: float = Field(0, ge=-100, le=100, description="Change in patience.")


class Multiplier(Strict):
    """Factors a typology applies to a move's base effect."""

    trust: float = Field(1, ge=-5, le=5, description="Factor on the trust change.")
    readiness: float = Field(1, ge=-5, le=5, description="Factor on the readiness change.")
    patience: float = Field(1, ge=-5, le=5, description="Factor on the patience change.")


class StartState(Strict):
    """The customer's inner state when the conversation starts."""

    trust: float = Field(ge=0, le=100, description="Trust/rapport at the start (0–100).")
    readiness: float = Field(ge=0, le=100, description="Afsluitbereidheid at the start (0–100).")
    patience: float = Field(
        ge=1, le=100, description="Patience at the start (0–100); at 0 the customer ends the meeting."
    )


# --------------------------------------------------------------------------- scenario


class Briefing(Strict):
    """The account dossier the student reads during voorbereiding."""

    company: LocalText = Field(description="The customer's company: name, sector, size.")
    contact: LocalText = Field(description="Who the student will talk to and what is known of them.")
    history: LocalText = Field(description="The relationship so far.")
    known: Lines = Field(default_factory=list, description="Facts the student already knows, one per item.")
    goal: LocalText = Field(description="A sensible goal for this meeting.")

    _list = field_validator("known", mode="before")(_as_list)


class KvvbRow(Strict):
    """One row of the KVVB matrix: a feature translated into a benefit, with proof."""

    id: Id = Field(description="Identifier of this row.")
    need: Id = Field(description="The need this row serves (a need id).")
    kenmerk: LocalText = Field(description="The feature (kenmerk).")
    voordeel: LocalText = Field(description="What the feature does (voordeel).")
    baat: LocalText = Field(description="The benefit for this customer (baat/klantvoordeel).")
    bewijs: LocalText = Field(description="Proof: figures, a reference, a demo, a guarantee.")
    controlevraag: LocalText = Field(description="The check question after the argument.")


class Product(Strict):
    """What the student sells."""

    name: LocalText = Field(description="Product or service name.")
    summary: LocalText = Field(description="One paragraph on the offer for the product sheet.")
    price: LocalText = Field(description="Price as shown on the product sheet.")
    deal_value: int = Field(
        ge=0, description="Value of the order in euros, reported with the result when the order is won."
    )
    kvvb: list[KvvbRow] = Field(min_length=1, description="The KVVB matrix rows.")


class PersonStart(Strict):
    """Where someone else at the table starts (the meeting's patience is the main customer's)."""

    trust: float = Field(ge=0, le=100, description="Trust/rapport at the start (0–100).")
    readiness: float = Field(ge=0, le=100, description="Afsluitbereidheid at the start (0–100).")


class Person(Strict):
    """Someone at the table: who they are and how they buy."""

    name: str = Field(description="Full name as shown in the game.")
    function: LocalText = Field(description="Job title.")
    dmu_role: DmuRole = Field(
        description="Role in the decision making unit; in a meeting the rulebook gives each its say."
    )
    typology: str = Field(description="Type code in the scenario's typology file (e.g. D, A or S).")
    motives: list[Motive] = Field(min_length=1, description="Dominant buying motives.")
    veto: LocalText | None = Field(
        None,
        description=(
            "DMU meeting: what they say when the student closes while they are least convinced at the table "
            "(default: the rulebook's generic veto line)."
        ),
    )


class Participant(Person):
    """Someone else at the table in a DMU meeting, with their own role, type, needs and say in the decision."""

    id: Id = Field(description="Identifier (used as 'owner' of needs, objections and signals).")
    start: PersonStart = Field(description="Trust and readiness at the start.")
    deflect: LocalText = Field(
        description="What they say when asked about something that is someone else's; {name} is that person."
    )


class Customer(Person):
    """The person across the table (in a DMU meeting: the main one, whose patience sets the meeting's)."""

    start: StartState = Field(description="Inner state at the start.")
    id: Id = Field("klant", description="Identifier (used as 'owner' in a DMU meeting); default 'klant'.")
    deflect: LocalText | None = Field(
        None,
        description=(
            "DMU meeting only (required there): what this customer says when asked about something that is "
            "someone else's; {name} is that person."
        ),
    )


class PreparationOption(Strict):
    """Something the student can do before the meeting, at a cost."""

    id: Id = Field(description="Identifier of this option.")
    label: LocalText = Field(description="What the student does (shown as a choice).")
    cost: int = Field(ge=0, le=10, description="Budget points this costs.")
    result: LocalText = Field(description="What the student learns or gains (shown after choosing).")
    effect: Delta = Field(default_factory=Delta, description="Change to the customer's starting state.")
    reveals_needs: list[Id] = Field(
        default_factory=list, description="Needs whose question is then always offered in informatie."
    )


class Preparation(Strict):
    """Preparation choices with a budget."""

    budget: int = Field(ge=0, le=10, description="Budget points the student may spend.")
    options: list[PreparationOption] = Field(default_factory=list, description="The choices.")


class Need(Strict):
    """A customer need: hidden → surfaced → explored → addressed → confirmed."""

    id: Id = Field(description="Identifier of this need.")
    weight: int = Field(ge=1, le=3, description="How much this need matters to the customer (1–3).")
    motive: Motive = Field(description="Rational or emotional motive behind the need.")
    spin: Literal["situatie", "probleem"] = Field(description="SPIN category of the surfacing question.")
    question: LocalText = Field(description="The student's open question that surfaces this need.")
    leading_question: LocalText = Field(description="A suggestive/closed version of the question (a weak move).")
    statement: LocalText = Field(description="The customer's answer, containing the hook.")
    hook: LocalText = Field(description="The vague or emotional word in the statement that invites a doorvraag.")
    probe: LocalText = Field(description="The student's doorvraag on the hook.")
    real_motive: LocalText = Field(description="The customer's answer to the doorvraag: the real motive.")
    implication_question: LocalText = Field(description="The student's implication question (SPIN I).")
    implication_answer: LocalText = Field(description="The customer's answer to the implication question.")
    summary: LocalText = Field(description="Short phrase for this need in the student's summary.")
    false_detail: LocalText = Field(description="A plausible detail the customer never said (for wrong summaries).")
    confirm: LocalText = Field(description="The customer's reaction when an argument meets this need.")
    owner: Id | None = Field(
        None, description="DMU meeting: whose need this is (a participant id); default the main customer."
    )


class ObjectionTrigger(Strict):
    """When the customer raises an objection."""

    on: Literal["opening", "afsluitpoging", "transformatie", "kenmerken_opsommen", "argument", "opening_pitch"] = Field(
        description=(
            "The event that raises it: opening (right after the greeting, e.g. a complaint), afsluitpoging, "
            "transformatie (entering the offer), kenmerken_opsommen, argument or opening_pitch."
        )
    )
    max_readiness: float | None = Field(None, ge=0, le=100, description="Only when readiness is at most this.")
    min_readiness: float | None = Field(None, ge=0, le=100, description="Only when readiness is at least this.")


class Objection(Strict):
    """An objection the customer may raise."""

    id: Id = Field(description="Identifier of this objection.")
    type: ObjectionType = Field(description="Kind of objection.")
    trigger: ObjectionTrigger = Field(description="When it is raised.")
    text: LocalText = Field(description="What the customer says.")
    probe: LocalText = Field(description="The student's doorvraag on the objection.")
    probe_answer: LocalText = Field(description="The customer's answer to the doorvraag (the real reason).")
    hides: Id | None = Field(None, description="For a pretext (vals): the objection it hides.")
    answers: dict[Technique, LocalText] = Field(
        min_length=2, description="The student's answer per technique offered (besides doorvragen)."
    )
    resolved: LocalText | None = Field(
        None,
        description=(
            "The customer's words when the objection is taken away (required, except for a pretext: probing "
            "a pretext brings up the objection it hides)."
        ),
    )
    unresolved: LocalText = Field(description="The customer's words when the answer does not land.")
    owner: Id | None = Field(
        None, description="DMU meeting: who raises it (a participant id); default the main customer."
    )


class Signal(Strict):
    """A buying signal or an interest signal."""

    id: Id = Field(description="Identifier of this signal.")
    kind: SignalKind = Field(description="koopsignaal (the customer has decided) or interessesignaal (a distractor).")
    channel: SignalChannel = Field(description="verbaal (words) or nonverbaal (body language).")
    text: LocalText | None = Field(None, description="The customer's words (required for verbal signals).")
    cue: str | None = Field(None, description="Body-language cue id from the rulebook (required for non-verbal).")
    answer: LocalText | None = Field(
        None, description="For a verbal interest signal (a question): the student's answer, offered right after it."
    )
    min_readiness: float = Field(ge=0, le=100, description="Shown once readiness reaches this.")
    max_readiness: float | None = Field(None, ge=0, le=100, description="Not shown above this readiness.")
    phases: list[Phase] = Field(min_length=1, description="Phases in which it can appear.")
    owner: Id | None = Field(
        None, description="DMU meeting: who gives the signal (a participant id); default the main customer."
    )


class CustomerLines(Strict):
    """The customer's words for reactions; unset entries fall back to the rulebook's generic lines."""

    greeting: Lines | None = Field(None, description="First words when the conversation opens.")
    smalltalk: Lines | None = Field(None, description="Replies to small talk.")
    smalltalk_cut: Lines | None = Field(None, description="An impatient customer cutting small talk short.")
    agenda: Lines | None = Field(None, description="Reply to the student stating the agenda.")
    opening_pitch: Lines | None = Field(None, description="Reply to a pitch before any question.")
    closed_answer: Lines | None = Field(None, description="Short reply to a closed or leading question.")
    suggestive: Lines | None = Field(None, description="Reply to a suggestive question.")
    summary_right: Lines | None = Field(None, description="Reply to an accurate summary.")
    summary_wrong: Lines | None = Field(None, description="Reply to a summary with a wrong detail; may use {detail}.")
    transition: Lines | None = Field(None, description="Reply when the student moves on to the offer.")
    answered: Lines | None = Field(None, description="Reply when the student answers the customer's question.")
    feature_dump: Lines | None = Field(None, description="Reply to a list of features.")
    argument_unlinked: Lines | None = Field(
        None, description="Reply to an argument for a need the customer never mentioned."
    )
    repeat: Lines | None = Field(None, description="Reply when the student repeats something.")
    trial_close_yes: Lines | None = Field(None, description="Positive reply to a trial close.")
    trial_close_no: Lines | None = Field(None, description="Hesitant reply to a trial close.")
    close_refused: Lines | None = Field(None, description="Reply to a close that comes too early.")
    order: Lines | None = Field(None, description="The customer agrees to the order.")
    next_step: Lines | None = Field(None, description="The customer agrees to a concrete next step.")
    next_step_refused: Lines | None = Field(None, description="The customer declines a next step.")
    aftersales: Lines | None = Field(None, description="Reply to follow-up/after-sales agreements.")
    cross_sell: Lines | None = Field(None, description="Reply to an attempt to sell more.")
    goodbye: Lines | None = Field(None, description="Last words after a good ending.")
    leaves: Lines | None = Field(None, description="The customer ends the meeting (out of patience).")
    time_up: Lines | None = Field(None, description="The customer has to go (turn limit).")
    cooled: Lines | None = Field(None, description="The customer cools down after a missed signal.")
    veto: Lines | None = Field(
        None, description="DMU meeting: someone not yet convinced blocks a close (when they have no veto of their own)."
    )

    @field_validator("*", mode="before")
    @classmethod
    def _lists(cls, value: object) -> object:
        return _as_list(value)


class StudentLines(Strict):
    """The student's move texts; unset entries fall back to the rulebook's generic moves."""

    smalltalk: Lines | None = Field(None, description="Small talk openers.")
    agenda: Lines | None = Field(None, description="Stating purpose and agenda.")
    opening_pitch: Lines | None = Field(None, description="Pitching at once (a weak move).")
    transition: Lines | None = Field(None, description="Moving on to the offer ('Zal ik laten zien…?').")
    feature_dump: Lines | None = Field(None, description="Listing features (a weak move).")
    summary: Lines | None = Field(None, description="Summary template; {items} is the list of points.")
    trial_close: Lines | None = Field(None, description="Trial close (proefafsluiting).")
    next_step: Lines | None = Field(None, description="Proposing a concrete next step.")
    aftersales: Lines | None = Field(None, description="After-sales agreement in the relatie phase.")
    follow_up: Lines | None = Field(None, description="Proposing an evaluation meeting after the order (nazorg).")
    cross_sell: Lines | None = Field(None, description="Pushing an extra product straight after the order.")
    goodbye: Lines | None = Field(None, description="Ending the conversation.")
    direct: Lines | None = Field(None, description="Direct close.")
    alternatief: Lines | None = Field(None, description="Alternative close ('dinsdag of donderdag?').")
    aanname: Lines | None = Field(None, description="Assumptive close.")
    samenvattend: Lines | None = Field(None, description="Summarising close; {items} is the list of reasons.")

    @field_validator("*", mode="before")
    @classmethod
    def _lists(cls, value: object) -> object:
        return _as_list(value)


class Debrief(Strict):
    """Text for the instructor's lesson."""

    learning_goal: LocalText = Field(description="What the student should learn.")
    tests: LocalText = Field(description="What this scenario tests.")


class Concession(Strict):
    """Something the seller can give in a negotiation, at a cost, that the customer values."""

    id: Id = Field(description="Identifier of this concession.")
    give: LocalText = Field(description="The student's words giving it away without asking anything back.")
    trade: LocalText = Field(
        description="The student's words trading it for something in return ('Als u …, dan kunnen wij …')."
    )
    cost: int = Field(ge=0, description="What it costs the seller, in euros (taken off the deal value).")
    value: float = Field(gt=0, le=100, description="How much the customer values it (points towards their 'needed').")
    reply: LocalText = Field(description="The customer's reaction when it is offered.")


class Negotiation(Strict):
    """The price negotiation: an offerte on the table, a demand, concessions with a price, the BAZO."""

    quote: LocalText = Field(
        description="The offerte on the table (shown in the dossier): what, price, terms, validity, vrijblijvend?"
    )
    walk_away: int = Field(
        ge=0, description="The student's BAZO as a deal value: below this, no deal is better (shown in the dossier)."
    )
    trigger: ObjectionTrigger = Field(description="When the customer puts the demand on the table.")
    demand: LocalText = Field(description="The customer's demand (e.g. 8 % korting, or they go elsewhere).")
    demand_cost: int = Field(ge=0, description="What granting the demand in full would cost, in euros.")
    needed: float = Field(
        gt=0, le=100, description="Concession value the customer really needs before agreeing (their real room)."
    )
    probe: LocalText = Field(description="The student's question behind the demand: the interests, not the position.")
    probe_answer: LocalText = Field(description="The customer's interests and their alternative (their BAZO).")
    hold: LocalText = Field(description="The student holds the price with objective criteria (benchmark, total cost).")
    hold_reply: LocalText = Field(description="The customer's reaction to holding the price.")
    discount: LocalText = Field(description="The student grants the demand in full (caving in).")
    discount_reply: LocalText = Field(description="The customer's reaction when the demand is granted in full.")
    break_off: LocalText = Field(description="The student names the limit and ends the negotiation politely.")
    break_off_reply: LocalText = Field(description="The customer's reaction when the student breaks off.")
    more: LocalText = Field(description="The customer asks for more after something given for free.")
    accept: LocalText = Field(description="The customer's words when the negotiation is settled.")
    concessions: list[Concession] = Field(min_length=2, description="What the student can give or trade.")


class Scenario(Strict):
    """One sales conversation: a customer, a product and a case."""

    kind: Literal["scenario"] = Field(description="Always 'scenario'.")
    schema_version: Literal[1] = Field(description="Version of this file format.")
    version: int = Field(1, ge=1, description="Version of this scenario; raise it when you change it.")
    title: LocalText = Field(description="Title shown in the scenario list.")
    language: Language = Field(Language.NL, description="Language of plain text fields.")
    languages: list[Language] = Field(
        default_factory=lambda: [Language.NL], description="Languages the text is available in."
    )
    difficulty: int = Field(ge=1, le=3, description="1 (first lesson) to 3 (hard).")
    buying_situation: BuyingSituation = Field(description="Buygrid buying situation.")
    channel: Channel = Field(description="Face to face or by telephone.")
    typology_model: Id = Field("das", description="Typology file id (scenarios/rules/<id>.yaml).")
    buying_model: Id = Field("aida", description="Buying-stage model from the rulebook.")
    rulebook: Id = Field("standaard", description="Rulebook file id (scenarios/rules/<id>.yaml).")
    max_turns: int | None = Field(None, ge=6, le=80, description="Turn limit; default from the rulebook.")
    exam_seed: int = Field(
        1, ge=0, description="Seed used in toets mode when none is given, so every student meets the same conversation."
    )
    briefing: Briefing = Field(description="The account dossier.")
    product: Product = Field(description="The product sheet.")
    customer: Customer = Field(description="The customer.")
    participants: list[Participant] = Field(
        default_factory=list,
        description="DMU meeting: the other people at the table (the student chooses whom to address).",
    )
    preparation: Preparation = Field(description="Preparation choices.")
    needs: list[Need] = Field(min_length=1, description="The customer's needs.")
    objections: list[Objection] = Field(default_factory=list, description="Objections the customer may raise.")
    signals: list[Signal] = Field(default_factory=list, description="Buying and interest signals.")
    customer_lines: CustomerLines = Field(default_factory=CustomerLines, description="The customer's reactions.")
    student_lines: StudentLines = Field(default_factory=StudentLines, description="The student's move texts.")
    negotiation: Negotiation | None = Field(
        None, description="A price negotiation at the close: the offerte, the demand, concessions and the BAZO."
    )
    debrief: Debrief = Field(description="Instructor's notes.")


# --------------------------------------------------------------------------- rulebook


class StageDef(Strict):
    """One stage of a buying-behaviour model."""

    id: Id = Field(description="Stage identifier.")
    label: LocalText = Field(description="Stage name shown in the debrief.")
    min_readiness: float = Field(ge=0, le=100, description="Readiness at which the customer reaches this stage.")


class Thresholds(Strict):
    """Readiness and patience thresholds."""

    order_readiness: float = Field(ge=0, le=100, description="Readiness at which a close wins the order.")
    next_step_readiness: float = Field(ge=0, le=100, description="Readiness at which a next step is accepted.")
    impatience: float = Field(ge=0, le=100, description="Below this patience the customer cuts small talk short.")
    relatie_moves: int = Field(ge=1, le=10, description="Moves after the order before the customer ends the meeting.")
    warm_trust: float = Field(ge=0, le=100, description="From this trust the customer looks warm (mood cue).")
    low_trust_readiness_factor: float = Field(
        ge=0, le=1, description="Factor on readiness gains while trust is below trust_floor_for_readiness."
    )
    trial_close_margin: float = Field(
        ge=0, le=100, description="A trial close gets a yes from this far below order_readiness."
    )
    trust_floor_for_readiness: float = Field(ge=0, le=100, description="Below this trust, readiness gains are halved.")


class OfferRules(Strict):
    """How many moves each turn offers, and how often a summary on offer is a wrong one."""

    min: int = Field(ge=4, le=7, description="Fewest moves offered per turn.")
    max: int = Field(ge=4, le=7, description="Most moves offered per turn.")
    wrong_summary_chance: float = Field(
        ge=0, le=1, description="Chance that the summary on offer has a wrong detail (the student must notice)."
    )


class ObjectionRules(Strict):
    """How answers to objections work."""

    success: float = Field(ge=0, le=1, description="Effectiveness from which an answer takes the objection away.")
    probe_bonus: float = Field(
        ge=0, le=1, description="Effectiveness added when the student probed the objection first."
    )
    neutral: float = Field(
        ge=0,
        lt=1,
        description="Effectiveness at which an answer leaves readiness unchanged (the zero point of its effect).",
    )


class SituationRules(Strict):
    """How a buying situation (buygrid) shapes the conversation."""

    turn_limit: int = Field(ge=6, le=80, description="Default turn limit (student moves).")
    proof_factor: float = Field(ge=0, le=3, description="Factor on the effect of proof: new tasks need the most.")
    question_ceiling: float = Field(
        ge=0,
        le=100,
        description="Readiness that questions alone can reach; addressing needs (by weight) raises it to 100.",
    )


class SignalRules(Strict):
    """How buying-signal windows work."""

    window_turns: int = Field(ge=1, le=10, description="Customer turns a buying signal stays open.")
    missed_cooling: float = Field(ge=0, le=50, description="Readiness lost when a window closes unused.")
    interest_per_phase: int = Field(ge=0, le=5, description="At most this many interest signals per phase.")
    interest_chance: float = Field(ge=0, le=1, description="Chance per turn that an eligible interest signal shows.")
    close_in_window_bonus: float = Field(
        ge=0, le=50, description="Readiness a close gains when made inside an open buying-signal window."
    )


class ArgumentRules(Strict):
    """How arguments count."""

    explored_factor: float = Field(ge=0, le=3, description="Readiness factor for an argument on an explored need.")
    surfaced_factor: float = Field(ge=0, le=3, description="Factor for an argument on a need only surfaced.")
    hidden_factor: float = Field(ge=0, le=3, description="Factor for an argument on a need never raised.")
    motive_proof: dict[Motive, float] = Field(
        description="Factor on proof per motive behind the need: figures persuade rational motives most."
    )


class ArgumentCredit(Strict):
    """Credit for one argument in the argumentatie check."""

    complete_explored: float = Field(ge=0, le=1, description="Complete chain on a need the student explored.")
    bare_explored: float = Field(ge=0, le=1, description="Only feature and advantage, on an explored need.")
    complete_surfaced: float = Field(ge=0, le=1, description="Complete chain on a need only mentioned.")
    bare_surfaced: float = Field(ge=0, le=1, description="Only feature and advantage, on a need only mentioned.")


class RubricParts(Strict):
    """How the parts of a check add up (each check scores 0–1 before its weight)."""

    summary_before_arguing: float = Field(
        ge=0, le=1, description="Share of samenvatten for a correct summary before arguing; the rest is accuracy (F1)."
    )
    probing_share: float = Field(
        ge=0, le=1, description="Share of doorvragen for hooks followed up; the rest is depth on the needs."
    )
    argument_quality: ArgumentCredit = Field(description="Credit per argument, by chain and need.")
    objection_after_failed_answer: float = Field(
        ge=0, le=1, description="Credit for an objection resolved only after a failed answer."
    )
    negotiation_probe: float = Field(
        ge=0, le=1, description="Share of onderhandelen for asking behind the demand before giving anything."
    )
    negotiation_trade: float = Field(
        ge=0, le=1, description="Share of onderhandelen for trading concessions rather than giving them away."
    )
    negotiation_margin: float = Field(
        ge=0,
        le=1,
        description="Share of onderhandelen for the deal value kept between the BAZO (0) and the quote (full).",
    )
    next_step_only: float = Field(
        ge=0, le=1, description="Afsluitmoment credit when the student closed with a next step only."
    )


class ScoringRules(Strict):
    """Weights and targets of the rubric."""

    weights: dict[CheckId, float] = Field(description="Weight of each check; they are scaled to 100.")
    dprime_target: float = Field(gt=0, le=6, description="d′ that earns full marks for signal recognition.")
    explored_target: float = Field(gt=0, le=1, description="Share of needs (by weight) to explore for full marks.")
    pass_grade: float = Field(ge=1, le=10, description="The pass mark (Dutch grade).")
    pass_share: float = Field(gt=0, le=1, description="Share of a check's points needed to count it as passed.")
    mistake_penalty: dict[CheckId, float] = Field(
        description="Share of a check lost per mistake, for the checks that count mistakes."
    )
    outcome_value: dict[str, float] = Field(description="Credit per outcome (order, vervolgafspraak, …), 0–1.")
    parts: RubricParts = Field(description="How the parts of a check add up.")


class ChannelRules(Strict):
    """How a channel (face to face, telephone) shapes the conversation."""

    visible: bool = Field(description="Whether the student sees the customer (body language, non-verbal signals).")
    turn_factor: float = Field(
        gt=0, le=2, description="Factor on the buying situation's turn limit (telephone calls are shorter)."
    )
    cues: dict[Id, Id] = Field(
        default_factory=dict,
        description=(
            "On a channel where the customer cannot be seen: the audible cue that replaces each visible one "
            "(e.g. checks_watch → sounds_rushed)."
        ),
    )
    default_cue: Id | None = Field(
        None, description="On a channel where the customer cannot be seen: the cue for anything not in 'cues'."
    )

    def audible(self) -> set[str]:
        """The cues the student can perceive on this channel when the customer cannot be seen."""
        return {*self.cues.values(), *([self.default_cue] if self.default_cue else [])}

    def perceived(self, cue: str) -> str:
        """The cue as the student perceives it on this channel."""
        if self.visible or cue in self.audible():
            return cue
        return self.cues.get(cue) or self.default_cue or cue


class DmuRules(Strict):
    """How a meeting with several people decides."""

    influence: dict[DmuRole, float] = Field(
        description="Say of each DMU role in the decision: the group's readiness and trust are weighted by it."
    )
    bystander_share: float = Field(
        ge=0, le=1, description="Share of a move's effect on the people at the table it was not addressed to."
    )
    veto_readiness: float = Field(
        ge=0, le=100, description="A close fails while anyone at the table is below this readiness."
    )


class NegotiationRules(Strict):
    """How a price negotiation works."""

    gift_raises_demand: float = Field(
        ge=0,
        le=2,
        description="A concession given away raises what the customer still wants by this share of its value.",
    )
    hold_value: float = Field(
        ge=0, le=100, description="Value of holding the price with objective criteria, once the interests are known."
    )
    settled_readiness: float = Field(
        ge=0, le=100, description="Readiness the customer gains when the negotiation is settled."
    )


class Rulebook(Strict):
    """All tuning numbers of the customer model and the scorer."""

    kind: Literal["rulebook"] = Field(description="Always 'rulebook'.")
    schema_version: Literal[1] = Field(description="Version of this file format.")
    description: LocalText = Field(description="What this rulebook is for.")
    buying_situations: dict[BuyingSituation, SituationRules] = Field(
        description="Turn limit, value of proof and the question ceiling per buying situation."
    )
    effects: dict[EffectKey, Delta] = Field(description="Base effect of each kind of move on the customer.")
    thresholds: Thresholds = Field(description="Thresholds.")
    signals: SignalRules = Field(description="Signal windows.")
    arguments: ArgumentRules = Field(description="Argument strength.")
    techniques: dict[ObjectionType, dict[Technique, float]] = Field(
        description="How well each technique handles each objection type (0–1)."
    )
    objection_handling: ObjectionRules = Field(description="How answers to objections work.")
    dmu: DmuRules = Field(description="How a meeting with several people decides.")
    negotiation: NegotiationRules = Field(description="How a price negotiation works.")
    channels: dict[Channel, ChannelRules] = Field(
        description="Per channel: whether the customer is seen, the turn limit factor and the audible cues."
    )
    buying_models: dict[Id, list[StageDef]] = Field(description="Buying-behaviour stage models (e.g. aida).")
    cues: dict[Id, LocalText] = Field(description="Body-language cues the engine can show.")
    moods: dict[Id, Id] = Field(description="Cue shown for each mood when no signal is shown.")
    offer: OfferRules = Field(description="The moves offered per turn.")
    scoring: ScoringRules = Field(description="The rubric.")
    customer_lines: CustomerLines = Field(description="Generic customer lines (all required).")
    student_lines: StudentLines = Field(description="Generic student moves (all required).")


# --------------------------------------------------------------------------- typology


class TypeProfile(Strict):
    """How one customer type reacts."""

    name: LocalText = Field(description="Name of the type.")
    description: LocalText = Field(description="How to recognise this type.")
    effects: dict[EffectKey, Multiplier] = Field(
        default_factory=dict, description="Factors on the rulebook's base effects for this type."
    )
    patience_per_turn: float = Field(ge=0, le=20, description="Patience lost each turn (pace).")
    smalltalk_tolerance: int = Field(ge=0, le=10, description="Small-talk moves tolerated before irritation.")
    window_turns_delta: int = Field(ge=-3, le=3, description="Change to the buying-signal window length.")
    dislikes: dict[EffectKey, LocalText] = Field(
        default_factory=dict, description="Moves this type reacts badly to, with the reason (for the debrief)."
    )
    idle_cue: Id = Field(description="Cue shown when nothing in particular happens.")
    moods: dict[Id, Id] = Field(
        default_factory=dict,
        description="Cues that replace the rulebook's mood cues for this type (e.g. warm: nods for a reserved type).",
    )


class Typology(Strict):
    """A customer typology model (DAS, DISC, social styles…)."""

    kind: Literal["typology"] = Field(description="Always 'typology'.")
    schema_version: Literal[1] = Field(description="Version of this file format.")
    name: LocalText = Field(description="Name of the model.")
    description: LocalText = Field(description="What the model is.")
    types: dict[str, TypeProfile] = Field(min_length=2, description="The types by code (e.g. D, A, S).")


class Content(Strict):
    """A scenario together with the rulebook and typology it uses: what the engine runs."""

    scenario_id: str = Field(description="The scenario's id (its file stem).")
    scenario: Scenario = Field(description="The scenario.")
    rulebook: Rulebook = Field(description="The rulebook.")
    typology: Typology = Field(description="The typology.")
