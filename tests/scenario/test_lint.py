"""Lint warnings: content that loads but that the engine can never use, or that is incomplete."""

from __future__ import annotations

import shutil
from pathlib import Path

from simulator.scenario.lint import CODES, lint_paths, problem_to_dict
from simulator.scenario.loader import shipped_dir
from simulator.scenario.problems import Problem

from .helpers import BROKEN, MINIMAL, SHIPPED_RULES, position, replaced

BASE = MINIMAL.read_text(encoding="utf-8")

PITCH_OBJECTION = """\
  - id: pitch
    type: {type}
    trigger: {trigger}
    text: Stuurt u maar een folder.
    probe: Wat zou u in die folder zoeken?
    probe_answer: Of het bij ons past.
    answers:
      ja_en: Dat doe ik, en mag ik eerst een paar vragen stellen?
      uitstel: Die stuur ik u straks.
    resolved: Goed, vraagt u maar.
    unresolved: Stuurt u het maar.{hides}
signals:
"""


def lint_text(folder: Path, text: str) -> tuple[Path, list[Problem]]:
    """Write ``text`` as a scenario in ``folder`` (its rules resolve to the shipped ones) and lint it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path, lint_paths([path])


def only(problems: list[Problem], code: str) -> Problem:
    found = [p for p in problems if p.code == code]
    assert len(found) == 1, problems
    return found[0]


def check(problem: Problem, path: Path, at: tuple[int, int], words: str) -> None:
    assert problem.severity == "warning"
    assert problem.code in CODES
    assert (problem.path, problem.line, problem.col) == (str(path), *at), problem
    assert words in problem.message, problem.message


def with_pitch(text: str, trigger: str, kind: str = "reflex", hides: str = "") -> str:
    extra = PITCH_OBJECTION.format(type=kind, trigger=trigger, hides=f"\n    hides: {hides}" if hides else "")
    return replaced(text, "signals:\n", extra)


# --------------------------------------------------------------------------- the clean base


def test_minimal_scenario_has_no_warnings() -> None:
    assert lint_paths([MINIMAL]) == []


def test_files_with_errors_are_skipped() -> None:
    assert lint_paths([BROKEN]) == []
    assert lint_paths([Path("no/such/folder")]) == []


def test_shipped_content_has_no_warnings_about_its_texts_or_reachability() -> None:
    problems = lint_paths([shipped_dir()])
    assert all(p.severity == "warning" for p in problems)
    assert not [p for p in problems if p.code in {"hook-not-in-statement", "missing-translation"}]
    assert not [p for p in problems if p.code not in {"unused-cue", "unused-buying-model"}], problems


# --------------------------------------------------------------------------- unreachable-signal


def test_signal_only_in_a_phase_without_signals(tmp_path: Path) -> None:
    text = replaced(BASE, "phases: [informatie]", "phases: [relatie]")
    path, problems = lint_text(tmp_path, text)
    check(only(problems, "unreachable-signal"), path, position(text, "[relatie]"), "signals[1].phases: never shown")


def test_dead_phase_next_to_live_ones(tmp_path: Path) -> None:
    text = replaced(BASE, "phases: [informatie]", "phases: [informatie, voorbereiding]")
    path, problems = lint_text(tmp_path, text)
    at = position(text, "voorbereiding]")
    check(only(problems, "unreachable-signal"), path, at, "signals[1].phases[1]: the customer shows no signals")


def test_buying_signal_before_the_offer(tmp_path: Path) -> None:
    text = replaced(BASE, "phases: [transformatie, afsluiting]", "phases: [opening, informatie]")
    path, problems = lint_text(tmp_path, text)
    at = position(text, "[opening, informatie]")
    check(only(problems, "unreachable-signal"), path, at, "a koopsignaal only before the offer")


def test_opening_signal_above_the_question_ceiling(tmp_path: Path) -> None:
    text = replaced(BASE, "min_readiness: 20", "min_readiness: 50")
    text = replaced(text, "phases: [informatie]", "phases: [opening]")
    path, problems = lint_text(tmp_path, text)
    at = position(text, "50\n")
    check(only(problems, "unreachable-signal"), path, at, "at or below 45")


def test_interest_signal_with_a_rulebook_that_shows_none(tmp_path: Path) -> None:
    rules = (SHIPPED_RULES / "standaard.yaml").read_text(encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "standaard.yaml").write_text(
        replaced(rules, "interest_chance: 0.6", "interest_chance: 0"), encoding="utf-8"
    )
    path, problems = lint_text(tmp_path, BASE)
    at = position(BASE, "kind: interessesignaal", skip=6)
    check(only(problems, "unreachable-signal"), path, at, "interest_chance is 0")


# --------------------------------------------------------------------------- unreachable-objection


def test_pitch_objection_above_the_opening_readiness(tmp_path: Path) -> None:
    text = with_pitch(BASE, "{on: opening_pitch, min_readiness: 50}")
    path, problems = lint_text(tmp_path, text)
    at = position(text, "50}")
    check(only(problems, "unreachable-objection"), path, at, "objections[2].trigger.min_readiness: never raised")


def test_pitch_objection_behind_a_transformatie_objection(tmp_path: Path) -> None:
    text = with_pitch(BASE, "{on: opening_pitch}")
    path, problems = lint_text(tmp_path, text)
    at = position(text, "opening_pitch}")
    check(only(problems, "unreachable-objection"), path, at, "raises 'bedenktijd' first")


def test_pretext_that_never_fires(tmp_path: Path) -> None:
    text = with_pitch(BASE, "{on: opening_pitch, max_readiness: 80}", kind="vals", hides="prijs")
    path, problems = lint_text(tmp_path, text)
    check(only(problems, "unreachable-objection"), path, position(text, "opening_pitch,"), "never raised")


def test_complaint_at_the_opening_outside_the_start_readiness(tmp_path: Path) -> None:
    text = with_pitch(BASE, "{on: opening, min_readiness: 30}", kind="klacht")
    path, problems = lint_text(tmp_path, text)
    at = position(text, "30}")
    check(only(problems, "unreachable-objection"), path, at, "never raised: readiness at the opening is at most 10")


def test_second_objection_at_the_opening_comes_too_late(tmp_path: Path) -> None:
    text = with_pitch(replaced(BASE, "{on: afsluitpoging, max_readiness: 60}", "{on: opening}"), "{on: opening}")
    path, problems = lint_text(tmp_path, text)
    check(only(problems, "unreachable-objection"), path, position(text, "opening}\n    text: Stuurt"), "'prijs' is")


def test_complaint_at_the_opening_is_reachable(tmp_path: Path) -> None:
    _, problems = lint_text(tmp_path, with_pitch(BASE, "{on: opening}", kind="klacht"))
    assert problems == []


def test_objection_a_reachable_pretext_hides_is_fine(tmp_path: Path) -> None:
    text = replaced(with_pitch(BASE, "{on: opening_pitch}"), "hides: prijs", "hides: pitch")
    _, problems = lint_text(tmp_path, text)
    assert problems == []


# --------------------------------------------------------------------------- texts


def test_hook_not_in_statement(tmp_path: Path) -> None:
    text = replaced(BASE, "hook: lastig", "hook: moeilijk")
    path, problems = lint_text(tmp_path, text)
    check(only(problems, "hook-not-in-statement"), path, position(text, "moeilijk"), "needs[0].hook: 'moeilijk'")


def test_hook_checked_per_language(tmp_path: Path) -> None:
    text = replaced(BASE, "title: Kantoorkoffie voor Bakker BV\n", "title: Koffie\nlanguages: [nl, en]\n")
    text = replaced(text, "statement: Hij is nogal eens lastig.", "statement: {nl: Hij is lastig., en: It is a pain.}")
    text = replaced(text, "hook: lastig", "hook: {nl: lastig, en: tricky}")
    path, problems = lint_text(tmp_path, text)
    check(only(problems, "hook-not-in-statement"), path, position(text, "tricky"), "needs[0].hook.en: 'tricky'")


def test_missing_translation_per_field(tmp_path: Path) -> None:
    text = replaced(
        BASE, "title: Kantoorkoffie voor Bakker BV\n", "title: {nl: Koffie, en: Coffee}\nlanguages: [nl, en]\n"
    )
    text = replaced(text, "  contact: Anna Bakker, directeur-eigenaar.", "  contact: {nl: Anna Bakker.}")
    path, problems = lint_text(tmp_path, text)
    assert problems and all(p.code == "missing-translation" and p.path == str(path) for p in problems)
    assert not [p for p in problems if p.message.startswith("title")]
    company = next(p for p in problems if p.message.startswith("briefing.company:"))
    check(company, path, position(text, "  company:", skip=2), "has no 'en' text (languages: nl, en)")
    contact = next(p for p in problems if p.message.startswith("briefing.contact:"))
    check(contact, path, position(text, "  contact:", skip=2), "has no 'en' text")
    known = next(p for p in problems if p.message.startswith("briefing.known[0]:"))
    check(known, path, position(text, "De huidige koffieautomaat"), "has no 'en' text")


def test_template_placeholders(tmp_path: Path) -> None:
    text = BASE + "student_lines:\n  summary: Dus u wilt betere koffie?\ncustomer_lines:\n"
    text += "  summary_wrong:\n    - {nl: Dat klopt niet., en: 'No: {detail}.'}\n"
    path, problems = lint_text(tmp_path, text)
    found = sorted((p for p in problems if p.code == "template-placeholder"), key=lambda p: p.line)
    assert len(found) == 2, problems
    check(found[0], path, position(text, "  summary: Dus", skip=2), "student_lines.summary[0]: has no {items}")
    check(found[1], path, position(text, "Dat klopt niet."), "customer_lines.summary_wrong[0].nl: has no {detail}")


# --------------------------------------------------------------------------- rulebook entries nobody uses


def folder_with_rules(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "rules").mkdir()
    for name in ("standaard.yaml", "das.yaml"):
        shutil.copy(SHIPPED_RULES / name, tmp_path / "rules" / name)
    (tmp_path / "scenario.yaml").write_text(BASE, encoding="utf-8")
    return tmp_path / "rules" / "standaard.yaml", tmp_path / "scenario.yaml"


def test_unused_cues_when_linted_with_the_scenarios(tmp_path: Path) -> None:
    rulebook, _ = folder_with_rules(tmp_path)
    problems = lint_paths([tmp_path])
    cues = [p for p in problems if p.code == "unused-cue"]
    names = {p.message.split(":")[0] for p in cues}
    unused = {"leans_forward", "picks_up_brochure", "picks_up_pen", "rereads_price_list", "relaxed", "takes_notes"}
    assert names == {f"cues.{name}" for name in unused | PHONE_CUES}
    leans = next(p for p in cues if p.message.startswith("cues.leans_forward:"))
    text = rulebook.read_text(encoding="utf-8")
    check(leans, rulebook, position(text, "\n  leans_forward:", skip=3), "no signal, mood, channel or typology")


PHONE_CUES = {
    "on_the_line",
    "sounds_rushed",
    "short_answers",
    "silent",
    "warm_voice",
    "hums",
    "sounds_interested",
    "types_along",
    "rustles_papers",
}


def test_what_a_telephone_scenario_lets_the_student_hear_counts_as_used(tmp_path: Path) -> None:
    _, scenario = folder_with_rules(tmp_path)
    phone = BASE.replace("channel: face_to_face", "channel: telefoon_actief").replace("cue: nods", "cue: hums")
    scenario.write_text(phone, encoding="utf-8")
    names = {p.message.split(":")[0] for p in lint_paths([tmp_path]) if p.code == "unused-cue"}
    assert not names & {f"cues.{name}" for name in PHONE_CUES}
    assert "cues.leans_forward" in names


def test_unused_buying_model(tmp_path: Path) -> None:
    rulebook, _ = folder_with_rules(tmp_path)
    found = only(lint_paths([tmp_path]), "unused-buying-model")
    text = rulebook.read_text(encoding="utf-8")
    check(found, rulebook, position(text, "  hierarchie_van_effecten:", skip=2), "buying_models.hierarchie")


def test_unused_entries_need_the_rulebook_and_its_scenarios_together(tmp_path: Path) -> None:
    _, scenario = folder_with_rules(tmp_path)
    assert lint_paths([scenario]) == []
    assert lint_paths([tmp_path / "rules"]) == []


# --------------------------------------------------------------------------- output


def test_warning_prints_with_its_code_and_converts_to_a_dict() -> None:
    warning = Problem("a.yaml", 3, 5, "needs[0].hook: 'x' missing", severity="warning", code="hook-not-in-statement")
    assert str(warning) == "a.yaml:3:5: warning: needs[0].hook: 'x' missing [hook-not-in-statement]"
    assert str(Problem("a.yaml", 3, 5, "bad", severity="warning")) == "a.yaml:3:5: warning: bad"
    assert str(Problem("a.yaml", 3, 5, "bad")) == "a.yaml:3:5: bad"
    assert problem_to_dict(warning) == {
        "path": "a.yaml",
        "line": 3,
        "col": 5,
        "severity": "warning",
        "code": "hook-not-in-statement",
        "message": "needs[0].hook: 'x' missing",
    }
    assert problem_to_dict(Problem("a.yaml", 1, 1, "bad"))["code"] == ""
