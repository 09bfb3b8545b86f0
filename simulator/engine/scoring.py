"""The rubric: every point comes from a named check with the turns that decided it.

Turn numbers are the student's move numbers (1, 2, …); the customer's reply to move *k* is customer
turn *k*, and move *k* answers customer turn *k − 1* (turn 0 is the greeting).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.engine.conversation import Conversation, TurnRecord
from simulator.engine.signal_stats import SignalStats, signal_stats
from simulator.engine.vocabulary import ArgumentPart, CheckId, MoveKind, NeedState, Outcome, Phase, QuestionType


@dataclass(frozen=True, slots=True)
class Check:
    """One rubric check: a share of its points (or None when it does not apply) and why."""

    id: CheckId
    score: float | None
    weight: float
    passed: bool
    turns: tuple[int, ...]
    detail: str
    params: dict[str, float | int | str] = field(default_factory=dict)


HIGHER_LEVELS = {level: tuple(NeedState)[rank + 1 :] for rank, level in enumerate(NeedState)}
"""The need levels above each level, lowest first."""


def grade_for(score: float) -> float:
    """Dutch grade 1,0–10,0 for a score of 0–100 (linear; 50 gives 5,5)."""
    return round(1 + 9 * max(0.0, min(100.0, score)) / 100, 1)


class Rubric:
    """Computes every check for a finished (or abandoned) conversation."""

    def __init__(self, conv: Conversation) -> None:
        self.conv = conv
        self.turns = conv.turns
        self.rules = conv.content.rulebook.scoring
        self.weights = self.rules.weights
        self.kvvb_need = {row.id: row.need for row in conv.content.scenario.product.kvvb}
        self.need_weight = {need.id: need.weight for need in conv.content.scenario.needs}
        self.stats = signal_stats(conv)

    def checks(self) -> list[Check]:
        """All checks, in rubric order."""
        return [
            self.luisteren(),
            self.samenvatten(),
            self.doorvragen(),
            self.koopsignalen(),
            self.vraagtechniek(),
            self.argumentatie(),
            self.bezwaren(),
            self.fasediscipline(),
            self.afsluitmoment(),
            self.signaal_benutten(),
            self.typologie(),
            self.dmu(),
            self.onderhandelen(),
            self.resultaat(),
        ]

    def make(
        self, check: CheckId, score: float | None, turns: list[int], detail: str, **params: float | int | str
    ) -> Check:
        """A check with its pass verdict."""
        passed = score is None or score >= self.rules.pass_share
        value = None if score is None else round(max(0.0, min(1.0, score)), 3)
        return Check(check, value, self.weights[check], passed, tuple(sorted(set(turns))), detail, dict(params))

    # ------------------------------------------------------------------ helpers

    def penalty(self, check: CheckId) -> float:
        """Share of a check lost per mistake (rulebook)."""
        return self.rules.mistake_penalty.get(check, 0.0)

    def level_at(self, need_id: str, level: NeedState, move_number: int) -> bool:
        """Whether a need had reached a level when move ``move_number`` was made."""
        turns = self.conv.state.need_turns[need_id]
        reached = turns.get(level)
        if reached is None:
            for higher in HIGHER_LEVELS[level]:
                reached = turns.get(higher)
                if reached is not None:
                    break
        return reached is not None and reached <= move_number - 1

    def of_kind(self, *kinds: MoveKind) -> list[TurnRecord]:
        """The turns whose move is of one of these kinds."""
        return [t for t in self.turns if t.move.kind in kinds]

    # ------------------------------------------------------------------ LSD

    def luisteren(self) -> Check:
        """Statements carrying information answered by a move that builds on them."""
        ignored: list[int] = []
        built: list[int] = []
        by_number = {t.number: t for t in self.turns}
        for turn in self.turns:
            answer = by_number.get(turn.number + 1)
            for item in turn.reply.informative:
                if answer is None:
                    continue
                (built if _builds_on(item, answer, self.kvvb_need) else ignored).append(answer.number)
        wrong = [t.number for t in self.of_kind(MoveKind.SAMENVATTING) if t.move.false_detail]
        total = len(built) + len(ignored) + len(wrong)
        if total == 0:
            return self.make(CheckId.LUISTEREN, 0.0, [], "no_information")
        bad = ignored + wrong
        return self.make(
            CheckId.LUISTEREN, len(built) / total, bad or built, "listening", built=len(built), total=total
        )

    def samenvatten(self) -> Check:
        """A correct summary before arguing, and the precision and recall of every summary."""
        summaries = self.of_kind(MoveKind.SAMENVATTING)
        first_pitch = min(
            (t.number for t in self.of_kind(MoveKind.ARGUMENT, MoveKind.KENMERKEN_OPSOMMEN)), default=10**6
        )
        if not summaries:
            return self.make(CheckId.SAMENVATTEN, 0.0, [first_pitch] if first_pitch < 10**6 else [], "no_summary")
        f1s, precisions, recalls = [], [], []
        for turn in summaries:
            right = len(turn.move.summary_items)
            said = right + (1 if turn.move.false_detail else 0)
            surfaced = sum(1 for n in self.need_weight if self.level_at(n, NeedState.SURFACED, turn.number))
            precision = right / said if said else 0.0
            recall = right / surfaced if surfaced else 0.0
            precisions.append(precision)
            recalls.append(recall)
            f1s.append(0 if precision + recall == 0 else 2 * precision * recall / (precision + recall))
        before = any(t.number < first_pitch and not t.move.false_detail for t in summaries)
        share = self.rules.parts.summary_before_arguing
        score = share * before + (1 - share) * sum(f1s) / len(f1s)
        wrong = [t.number for t in summaries if t.move.false_detail]
        return self.make(
            CheckId.SAMENVATTEN,
            score,
            wrong or [t.number for t in summaries],
            "summaries",
            precision=round(sum(precisions) / len(precisions), 2),
            recall=round(sum(recalls) / len(recalls), 2),
            before_arguing=int(before),
            wrong=len(wrong),
        )

    def doorvragen(self) -> Check:
        """Share of hooks followed up, and depth reached on the needs that matter most."""
        needs = self.conv.state.need_turns
        surfaced = [n for n in needs if NeedState.SURFACED in needs[n]]
        if not surfaced:
            return self.make(CheckId.DOORVRAGEN, 0.0, [], "no_hooks")
        probed = [n for n in surfaced if NeedState.EXPLORED in needs[n]]
        share = len(probed) / len(surfaced)
        depth = sum(self.need_weight[n] for n in probed) / sum(self.need_weight.values())
        part = self.rules.parts.probing_share
        score = part * share + (1 - part) * min(1.0, depth / self.rules.explored_target)
        unprobed_turns = [needs[n][NeedState.SURFACED] + 1 for n in surfaced if n not in probed]
        probe_turns = [t.number for t in self.of_kind(MoveKind.DOORVRAAG)]
        return self.make(
            CheckId.DOORVRAGEN,
            score,
            unprobed_turns or probe_turns,
            "hooks",
            probed=len(probed),
            hooks=len(surfaced),
            depth=round(depth, 2),
        )

    # ------------------------------------------------------------------ signals

    def koopsignalen(self) -> Check:
        """Recognising buying signals: hits, misses, false alarms and d′."""
        s: SignalStats = self.stats
        if s.signals == 0:
            if s.false_alarms:
                return self.make(
                    CheckId.KOOPSIGNALEN,
                    0.0,
                    list(s.false_alarm_moves),
                    "false_alarms_only",
                    false_alarms=s.false_alarms,
                )
            return self.make(CheckId.KOOPSIGNALEN, None, [], "no_signals")
        score = s.dprime / self.conv.content.rulebook.scoring.dprime_target
        decided = [row.decided_move for row in s.rows if row.decided_move] + list(s.false_alarm_moves)
        return self.make(
            CheckId.KOOPSIGNALEN,
            score,
            decided,
            "signals",
            hits=s.hits,
            signals=s.signals,
            false_alarms=s.false_alarms,
            dprime=round(s.dprime, 2),
        )

    def signaal_benutten(self) -> Check:
        """After a buying signal: stop talking and close within the window."""
        rows = self.stats.rows
        if not rows:
            return self.make(CheckId.SIGNAAL_BENUTTEN, None, [], "no_signals")
        used = sum(1 for row in rows if row.closed_in_window)
        talk_on = [t.number for t in self.turns if any(e.startswith("talk_on:") for e in t.reply.events)]
        score = used / len(rows) - self.penalty(CheckId.SIGNAAL_BENUTTEN) * len(talk_on)
        missed = [
            move
            for row in rows
            if not row.closed_in_window
            for move in range(row.shown_turn + 1, min(row.window_end + 1, len(self.turns)) + 1)
        ]
        used_moves = [r.closed_move for r in rows if r.closed_move]
        return self.make(
            CheckId.SIGNAAL_BENUTTEN,
            score,
            talk_on or missed or used_moves,
            "windows",
            used=used,
            windows=len(rows),
            talk_on=len(talk_on),
        )

    def afsluitmoment(self) -> Check:
        """Closing at the right moment: not before any buying signal, and at all."""
        closes = self.of_kind(MoveKind.AFSLUITING)
        first_signal = min((row.shown_turn for row in self.stats.rows), default=None)
        premature = [t.number for t in closes if first_signal is None or t.number - 1 < first_signal]
        if not closes:
            if self.conv.outcome is Outcome.VERVOLGAFSPRAAK:
                return self.make(
                    CheckId.AFSLUITMOMENT,
                    self.rules.parts.next_step_only,
                    [t.number for t in self.of_kind(MoveKind.VERVOLGAFSPRAAK)],
                    "next_step_only",
                )
            return self.make(CheckId.AFSLUITMOMENT, 0.0, [], "never_closed")
        score = 1 - len(premature) / len(closes)
        return self.make(
            CheckId.AFSLUITMOMENT,
            score,
            premature or [t.number for t in closes],
            "closes",
            premature=len(premature),
            closes=len(closes),
        )

    # ------------------------------------------------------------------ supporting checks

    def vraagtechniek(self) -> Check:
        """Question types that fit the phase: open to explore, no leading questions."""
        asked = [t for t in self.turns if t.move.question_type is not None]
        if not asked:
            return self.make(CheckId.VRAAGTECHNIEK, 0.0, [], "no_questions")
        unfit = [t.number for t in asked if not _fits(t)]
        return self.make(
            CheckId.VRAAGTECHNIEK,
            1 - len(unfit) / len(asked),
            unfit or [t.number for t in asked],
            "questions",
            unfit=len(unfit),
            asked=len(asked),
        )

    def argumentatie(self) -> Check:
        """Complete argument chains linked to an explored need; no feature dumping."""
        pitches = self.of_kind(MoveKind.ARGUMENT, MoveKind.KENMERKEN_OPSOMMEN)
        if not pitches:
            return self.make(CheckId.ARGUMENTATIE, 0.0, [], "no_arguments")
        qualities = {t.number: self._argument_quality(t) for t in pitches}
        weak = [n for n, q in qualities.items() if q < 1]
        score = sum(qualities.values()) / len(qualities)
        return self.make(
            CheckId.ARGUMENTATIE,
            score,
            weak or list(qualities),
            "arguments",
            strong=len(qualities) - len(weak),
            total=len(qualities),
        )

    def _argument_quality(self, turn: TurnRecord) -> float:
        if turn.move.kind is MoveKind.KENMERKEN_OPSOMMEN:
            return 0.0
        need = self.kvvb_need[turn.move.target or ""]
        complete = turn.move.parts >= frozenset(ArgumentPart)
        credit = self.rules.parts.argument_quality
        if self.level_at(need, NeedState.EXPLORED, turn.number):
            return credit.complete_explored if complete else credit.bare_explored
        if self.level_at(need, NeedState.SURFACED, turn.number):
            return credit.complete_surfaced if complete else credit.bare_surfaced
        return 0.0

    def bezwaren(self) -> Check:
        """Objections taken away, preferably after probing, without arguing."""
        statuses = self.conv.state.objections
        raised = {oid: s for oid, s in statuses.items() if s.raised_turn is not None}
        if not raised:
            return self.make(CheckId.BEZWAREN, None, [], "no_objections")
        scores, turns = [], []
        for status in raised.values():
            failed = [
                turn
                for turn, _, effect in status.attempts
                if effect < self.conv.content.rulebook.objection_handling.success
            ]
            after_failure = self.rules.parts.objection_after_failed_answer if failed else 1.0
            scores.append((1.0 if status.resolved_turn else 0.0) * after_failure)
            turns += failed or [status.resolved_turn or (status.raised_turn or 0) + 1]
        resolved = sum(1 for s in raised.values() if s.resolved_turn)
        return self.make(
            CheckId.BEZWAREN, sum(scores) / len(scores), turns, "objections", resolved=resolved, raised=len(raised)
        )

    def fasediscipline(self) -> Check:
        """No pitching before the customer has named a need (pitching before asking)."""
        pitches = self.of_kind(MoveKind.ARGUMENT, MoveKind.KENMERKEN_OPSOMMEN, MoveKind.OVERGANG)
        early = [
            t.number
            for t in pitches
            if not any(self.level_at(n, NeedState.SURFACED, t.number) for n in self.need_weight)
        ]
        if not self.turns:
            return self.make(CheckId.FASEDISCIPLINE, 0.0, [], "no_moves")
        score = 1 - self.penalty(CheckId.FASEDISCIPLINE) * len(early)
        decided = early or [t.number for t in pitches[:1]] or [t.number for t in self.turns if t.phase is Phase.OPENING]
        return self.make(CheckId.FASEDISCIPLINE, score, decided, "phases", early=len(early))

    def typologie(self) -> Check:
        """Moves this customer type reacts badly to."""
        judged = [t for t in self.turns if any(j.check is CheckId.TYPOLOGIE for j in t.judgements)]
        bad = [t.number for t in judged if any(j.check is CheckId.TYPOLOGIE and j.sign < 0 for j in t.judgements)]
        if not self.turns:
            return self.make(CheckId.TYPOLOGIE, 0.0, [], "no_moves")
        decided = bad or [t.number for t in judged] or [t.number for t in self.turns if t.phase is Phase.OPENING]
        score = 1 - self.penalty(CheckId.TYPOLOGIE) * len(bad)
        return self.make(CheckId.TYPOLOGIE, score, decided, "typology", mistakes=len(bad))

    def dmu(self) -> Check:
        """A meeting: questions put to the person whose need it is, closes put to the decider once all agree."""
        if not self.conv.content.scenario.participants:
            return self.make(CheckId.DMU, None, [], "no_meeting")
        right = [t.number for t in self.turns if any(j.check is CheckId.DMU and j.sign > 0 for j in t.judgements)]
        wrong = [t.number for t in self.turns if any(j.check is CheckId.DMU and j.sign < 0 for j in t.judgements)]
        addressed = len(right) + len(wrong)
        if not addressed:
            return self.make(CheckId.DMU, 0.0, [], "dmu_nobody")
        return self.make(CheckId.DMU, len(right) / addressed, wrong or right, "dmu", right=len(right), total=addressed)

    def onderhandelen(self) -> Check:
        """The negotiation: asked behind the demand, traded rather than gave, kept value above the BAZO."""
        terms, status = self.conv.content.scenario.negotiation, self.conv.state.negotiation
        if terms is None or status is None or status.raised_turn is None:
            return self.make(CheckId.ONDERHANDELEN, None, [], "no_negotiation")
        turns = [t.number for t in self.of_kind(MoveKind.ONDERHANDELING)]
        parts = self.rules.parts
        if status.settled_turn is not None and status.deal_value < terms.walk_away:
            return self.make(CheckId.ONDERHANDELEN, 0.0, turns, "below_bazo", value=status.deal_value)
        first_give = min((t for t in turns if not self._is_probe(t)), default=10**6)
        probed = status.probed_turn is not None and status.probed_turn <= first_give
        gifts = len(status.given) + (1 if status.discounted else 0)
        trade = len(status.traded) / (len(status.traded) + gifts) if status.traded or gifts else 0.0
        room = max(1, self.conv.negotiator.best_value() - terms.walk_away)
        kept = min(1.0, (status.deal_value - terms.walk_away) / room) if status.settled_turn is not None else 0.0
        if status.broken_turn is not None:
            kept = 0.0 if self.conv.negotiator.deal_above_bazo(status) else 1.0
        score = parts.negotiation_probe * probed + parts.negotiation_trade * trade + parts.negotiation_margin * kept
        detail = "negotiation_broken" if status.broken_turn is not None else "negotiation"
        return self.make(
            CheckId.ONDERHANDELEN, score, turns, detail, traded=len(status.traded), given=gifts, value=status.deal_value
        )

    def _is_probe(self, number: int) -> bool:
        return self.turns[number - 1].move.id == "negotiate:probe"

    def resultaat(self) -> Check:
        """The outcome: order, a concrete next step, or nothing."""
        outcome = self.conv.outcome
        value = self.rules.outcome_value.get(outcome.value, 0.0)
        decided = [t.number for t in self.turns if {"order", "next_step"} & set(t.reply.events)]
        turns = decided or [len(self.turns)] if self.turns else []
        terms, status = self.conv.content.scenario.negotiation, self.conv.state.negotiation
        if outcome is Outcome.ORDER and terms and status and status.deal_value < terms.walk_away:
            value = self.rules.outcome_value.get(Outcome.GEEN_DEAL.value, 0.0)
            return self.make(CheckId.RESULTAAT, value, turns, "order_below_bazo")
        return self.make(CheckId.RESULTAAT, value, turns, outcome.value)


TALKING_OVER = frozenset({MoveKind.KENMERKEN_OPSOMMEN, MoveKind.AFSLUITING, MoveKind.SMALLTALK, MoveKind.BIJVERKOPEN})


def _builds_on(item: str, answer: TurnRecord, kvvb_need: dict[str, str]) -> bool:
    """Whether a move builds on an informative statement ('hook:need', 'objection:id', …)."""
    kind, _, target = item.partition(":")
    move = answer.move
    if move.kind is MoveKind.SAMENVATTING:
        return not move.false_detail
    if kind == "objection":
        return move.kind is MoveKind.BEZWAARBEHANDELING and move.target == target
    if kind == "question":
        return move.kind is MoveKind.ANTWOORD and move.target == target
    if kind == "demand":
        return move.kind is MoveKind.ONDERHANDELING
    if kind == "motive":
        return move.kind not in TALKING_OVER
    move_need = kvvb_need.get(move.target or "", move.target)
    return move_need == target and move.kind is not MoveKind.VRAAG


def _fits(turn: TurnRecord) -> bool:
    """Whether a question's type fits its phase."""
    qtype = turn.move.question_type
    if qtype is QuestionType.SUGGESTIEF:
        return False
    if qtype in (QuestionType.GESLOTEN, QuestionType.ALTERNATIEF):
        return turn.phase not in (Phase.OPENING, Phase.INFORMATIE)
    return True
