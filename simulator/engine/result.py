"""The explained result of a conversation: score, grade, checks, signal table and key moments."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from simulator.engine.assess import Judgement
from simulator.engine.conversation import Conversation
from simulator.engine.moves import Move
from simulator.engine.scoring import Check, Rubric, grade_for
from simulator.engine.signal_stats import SignalStats
from simulator.engine.vocabulary import Outcome


@dataclass(frozen=True, slots=True)
class KeyMoment:
    """A turn that mattered: what the student did, and a better move that was on offer."""

    turn: int
    chosen: Move
    better: Move
    lost: float
    why_not: tuple[Judgement, ...]
    why_better: tuple[Judgement, ...]


@dataclass(frozen=True, slots=True)
class Result:
    """Everything the debrief shows."""

    scenario_id: str
    scenario_version: int
    seed: int
    mode: str
    outcome: Outcome
    ended_by: str
    score: float
    grade: float
    passed: bool
    checks: tuple[Check, ...]
    signals: SignalStats
    key_moments: tuple[KeyMoment, ...]
    moves: tuple[str, ...]
    marks: tuple[int, ...]
    preparation: tuple[str, ...]
    turns: int
    deal_value: int = 0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "scenario": self.scenario_id,
            "scenario_version": self.scenario_version,
            "seed": self.seed,
            "mode": self.mode,
            "outcome": self.outcome.value,
            "ended_by": self.ended_by,
            "score": self.score,
            "grade": self.grade,
            "passed": self.passed,
            "deal_value": self.deal_value,
            "turns": self.turns,
            "checks": [_check_dict(c) for c in self.checks],
            "signals": _signals_dict(self.signals),
            "key_moments": [
                {"turn": k.turn, "chosen": k.chosen.id, "better": k.better.id, "better_text": k.better.text}
                for k in self.key_moments
            ],
            "moves": list(self.moves),
            "marks": list(self.marks),
            "preparation": list(self.preparation),
        }


def _check_dict(check: Check) -> dict[str, Any]:
    return {
        "id": check.id.value,
        "score": check.score,
        "weight": check.weight,
        "passed": check.passed,
        "turns": list(check.turns),
        "detail": check.detail,
        "params": check.params,
    }


def _signals_dict(stats: SignalStats) -> dict[str, Any]:
    rows = []
    for row in stats.rows:
        item = asdict(row)
        item["channel"] = row.channel.value
        item.update(hit=row.hit, latency=row.latency)
        rows.append(item)
    return {
        "rows": rows,
        "hits": stats.hits,
        "misses": stats.signals - stats.hits,
        "false_alarms": stats.false_alarms,
        "false_alarm_turns": list(stats.false_alarm_moves),
        "interest_taken_for_buying": list(stats.interest_marked),
        "hit_rate": stats.hit_rate,
        "false_alarm_rate": stats.false_alarm_rate,
        "dprime": round(stats.dprime, 3),
    }


def key_moments(conv: Conversation, count: int = 3) -> tuple[KeyMoment, ...]:
    """The turns with a real mistake where the chosen move fell furthest short of the best one offered."""
    gaps = [
        t
        for t in conv.turns
        if t.best_value - t.value > 0 and t.best.id != t.move.id and any(j.sign < 0 for j in t.judgements)
    ]
    gaps.sort(key=lambda t: (-(t.best_value - t.value), t.number))
    return tuple(
        KeyMoment(
            t.number,
            t.move,
            t.best,
            round(t.best_value - t.value, 2),
            tuple(j for j in t.judgements if j.sign < 0),
            tuple(j for j in t.best_judgements if j.sign > 0),
        )
        for t in gaps[:count]
    )


def score(conv: Conversation) -> Result:
    """Score a conversation (finished or not) with the rubric of its rulebook."""
    rubric = Rubric(conv)
    checks = tuple(rubric.checks())
    applicable = [c for c in checks if c.score is not None]
    total_weight = sum(c.weight for c in applicable) or 1.0
    points = round(100 * sum(c.weight * (c.score or 0.0) for c in applicable) / total_weight, 1)
    grade = grade_for(points)
    return Result(
        scenario_id=conv.content.scenario_id,
        scenario_version=conv.content.scenario.version,
        seed=conv.seed,
        mode=conv.mode.value,
        outcome=conv.outcome,
        ended_by=conv.ended_by or "open",
        score=points,
        grade=grade,
        passed=grade >= conv.content.rulebook.scoring.pass_grade,
        checks=checks,
        signals=rubric.stats,
        key_moments=key_moments(conv),
        moves=tuple(t.move.id for t in conv.turns),
        marks=tuple(conv.marks),
        preparation=conv.preparation,
        turns=len(conv.turns),
        deal_value=_deal_value(conv),
    )


def _deal_value(conv: Conversation) -> int:
    """The value of the order: the quote, less what the negotiation gave away; 0 without an order."""
    if conv.outcome is not Outcome.ORDER:
        return 0
    status = conv.state.negotiation
    if status is not None and status.settled_turn is not None:
        return status.deal_value
    return conv.content.scenario.product.deal_value
