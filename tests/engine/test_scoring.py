"""The rubric: strong play passes, each bad habit is blamed by its own check, scores stay in range."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.engine import Content, Conversation
from simulator.engine.result import Result, score
from simulator.engine.scoring import grade_for
from simulator.engine.signal_stats import signal_stats
from simulator.engine.vocabulary import CheckId, Outcome
from tests.playbook import bad_habits, play, strong

HABIT_CHECKS = {
    "pitching before asking": CheckId.FASEDISCIPLINE,
    "never following up": CheckId.DOORVRAGEN,
    "a wrong summary": CheckId.SAMENVATTEN,
    "closing before any signal": CheckId.AFSLUITMOMENT,
    "talking on after a signal": CheckId.SIGNAAL_BENUTTEN,
}


def check(result: Result, check_id: CheckId) -> object:
    return next(c for c in result.checks if c.id is check_id)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_a_strong_playthrough_wins_the_order_with_a_good_grade(content: Content, seed: int) -> None:
    conv = Conversation(content, seed=seed)
    play(conv, strong, mark_signals=True)
    result = score(conv)
    assert result.outcome is Outcome.ORDER
    assert result.grade >= 7.5, [(c.id.value, c.score) for c in result.checks]
    assert result.passed


def test_bad_habits_fail_and_each_habit_is_blamed_by_its_own_check(content: Content) -> None:
    all_five = 0
    for seed in range(12):
        conv = Conversation(content, seed=seed)
        play(conv, bad_habits)
        result = score(conv)
        assert result.grade < 5.5, seed
        saw_signal = bool(conv.state.windows)
        all_five += saw_signal
        for habit, check_id in HABIT_CHECKS.items():
            blamed = check(result, check_id)
            if check_id is CheckId.SIGNAAL_BENUTTEN and not saw_signal:
                assert blamed.score is None, "no signal: the check does not apply"  # type: ignore[attr-defined]
                continue
            assert blamed.score is not None and not blamed.passed, (seed, habit)  # type: ignore[attr-defined]
            assert blamed.turns, f"{habit}: the check must name the turns that decided it"  # type: ignore[attr-defined]
    assert all_five >= 6, "most bad playthroughs should reach a buying signal and talk on after it"


def test_every_check_names_the_turns_that_decided_it(content: Content) -> None:
    conv = Conversation(content, seed=0)
    play(conv, strong, mark_signals=True)
    result = score(conv)
    for item in result.checks:
        if item.score is not None and item.score > 0:
            assert item.turns, item.id
            assert all(1 <= t <= result.turns for t in item.turns), item


def test_the_debrief_names_up_to_three_turns_with_a_better_move(content: Content) -> None:
    conv = Conversation(content, seed=0)
    play(conv, bad_habits)
    moments = score(conv).key_moments
    assert 1 <= len(moments) <= 3
    for moment in moments:
        assert moment.better.id != moment.chosen.id
        assert moment.lost > 0
        assert moment.why_not or moment.why_better


def test_a_wrong_summary_lowers_precision(content: Content) -> None:
    checked = 0
    for seed in range(8):
        conv = Conversation(content, seed=seed)
        play(conv, bad_habits)
        samenvatten = check(score(conv), CheckId.SAMENVATTEN)
        if any(t.move.false_detail for t in conv.turns):
            checked += 1
            assert samenvatten.params["wrong"] >= 1 and samenvatten.params["precision"] < 1  # type: ignore[attr-defined]
            assert not samenvatten.passed  # type: ignore[attr-defined]
    assert checked >= 4


def test_signal_marks_count_as_hits_and_false_alarms(content: Content) -> None:
    conv = Conversation(content, seed=0)
    conv.start()
    conv.mark_signal()  # the greeting is no buying signal
    play(conv, strong, mark_signals=True)
    stats = signal_stats(conv)
    assert stats.false_alarms >= 1 and 1 in stats.false_alarm_moves
    assert stats.hits >= 1
    assert all(row.latency is not None and row.latency >= 0 for row in stats.rows if row.hit)


def test_d_prime_uses_the_log_linear_correction(content: Content) -> None:
    conv = Conversation(content, seed=0)
    play(conv, strong, mark_signals=True)
    stats = signal_stats(conv)
    from statistics import NormalDist

    z = NormalDist().inv_cdf
    expected = z((stats.hits + 0.5) / (stats.signals + 1)) - z((stats.false_alarms + 0.5) / (stats.noise_turns + 1))
    assert stats.dprime == pytest.approx(expected)


def test_grades_run_from_one_to_ten() -> None:
    assert grade_for(0) == 1.0
    assert grade_for(50) == 5.5
    assert grade_for(100) == 10.0
    assert grade_for(150) == 10.0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10_000),
    picks=st.lists(st.tuples(st.integers(0, 6), st.booleans()), min_size=0, max_size=90),
)
def test_any_sequence_of_offered_moves_and_marks_ends_in_range(
    content: Content, seed: int, picks: list[tuple[int, bool]]
) -> None:
    conv = Conversation(content, seed=seed)
    conv.start()
    for index, mark in picks:
        if conv.finished:
            break
        if mark:
            conv.mark_signal()
        conv.choose(conv.offered[index % len(conv.offered)].id)
    if not conv.finished:
        conv.abandon()
    assert len(conv.turns) <= conv.max_turns
    result = score(conv)
    assert 0 <= result.score <= 100 and 1.0 <= result.grade <= 10.0
    for item in result.checks:
        assert item.score is None or 0.0 <= item.score <= 1.0
    mood = conv.state.mood
    assert all(0 <= v <= 100 for v in (mood.trust, mood.readiness, mood.patience))
