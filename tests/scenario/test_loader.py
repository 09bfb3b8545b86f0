"""Loading scenarios with their rules: pydantic errors and cross-references, each placed in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.engine.content import Content, Rulebook, Typology
from simulator.scenario import loader
from simulator.scenario.loader import (
    find_scenario,
    list_shipped,
    load_rulebook,
    load_scenario,
    load_typology,
    shipped_dir,
    validate_paths,
)
from simulator.scenario.problems import ContentError, Problem

from .helpers import BROKEN, MINIMAL, SHIPPED_RULES, position, replaced


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load_scenario(path)
    return caught.value.problems


def has(problems: list[Problem], at: tuple[int, int], words: str, path: Path | None = None) -> bool:
    return any((p.line, p.col) == at and words in p.message and (path is None or p.path == str(path)) for p in problems)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


# --------------------------------------------------------------------------- the valid base


def test_minimal_scenario_loads_with_the_shipped_rules() -> None:
    content = load_scenario(MINIMAL)
    assert isinstance(content, Content)
    assert content.scenario_id == "scenario"
    assert content.scenario.customer.typology in content.typology.types
    assert content.scenario.buying_model in content.rulebook.buying_models


def test_shipped_rules_load_on_their_own() -> None:
    assert isinstance(load_rulebook(SHIPPED_RULES / "standaard.yaml"), Rulebook)
    assert isinstance(load_typology(SHIPPED_RULES / "das.yaml"), Typology)
    assert validate_paths([SHIPPED_RULES, MINIMAL]) == []


# --------------------------------------------------------------------------- broken fixtures


@pytest.mark.parametrize(
    ("name", "line", "col", "message"),
    [
        ("unknown_field.yaml", 39, 3, "customer: unknown key 'typologie' (did you mean 'typology'?)"),
        ("wrong_enum.yaml", 38, 13, "customer.dmu_role: must be one of 'initiator', 'gebruiker', "),
        ("out_of_range.yaml", 5, 13, "difficulty: must be at most 3 (it is 4)"),
        ("missing_field.yaml", 66, 5, "needs[1].hook: field required"),
        (
            "bad_kvvb_need.yaml",
            36,
            13,
            "product.kvvb[2].need: unknown need 'levertijd' (needs: kwaliteit, storingen)",
        ),
    ],
)
def test_broken_scenario_fixture(name: str, line: int, col: int, message: str) -> None:
    problems = problems_of(BROKEN / name)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.path, problem.line, problem.col) == (str(BROKEN / name), line, col)
    assert problem.message.startswith(message)


def test_wrong_enum_names_the_bad_value() -> None:
    assert problems_of(BROKEN / "wrong_enum.yaml")[0].message.endswith("not 'baas'")


# --------------------------------------------------------------------------- cross-references and consistency


# (replace this, with this, the problem is at this text (+ offset), and says this)
VARIANTS = [
    (
        "  - id: kwaliteit\n",
        "  - id: storingen\n",
        "storingen\n    weight: 2",
        0,
        "needs[1].id: duplicate id 'storingen' (also needs[0])",
    ),
    ("    hides: prijs\n", "    hides: bedenktijd\n", "hides: bedenktijd", 7, "cannot hide itself"),
    (
        "    hides: prijs\n",
        "    hides: korting\n",
        "hides: korting",
        7,
        "unknown objection 'korting' (objections: bedenktijd, prijs)",
    ),
    ("    hides: prijs\n", "", "type: vals", 6, "objections[1].type: a 'vals' objection needs 'hides:'"),
    (
        "    probe_answer: Met wat we nu betalen.\n",
        "    probe_answer: Met wat we nu betalen.\n    hides: bedenktijd\n",
        "hides: bedenktijd",
        7,
        "objections[0].hides: only an objection of type 'vals' can hide another",
    ),
    (
        "[kwaliteit]",
        "[kwaliteit, prijsbewust]",
        "prijsbewust",
        0,
        "preparation.options[0].reveals_needs[1]: unknown need",
    ),
    (
        "  typology: D\n",
        "  typology: X\n",
        "typology: X",
        10,
        "customer.typology: unknown type 'X' (types: A, D, S)",
    ),
    (
        "difficulty: 1\n",
        "difficulty: 1\nbuying_model: koopfasen\n",
        "koopfasen",
        0,
        "buying_model: unknown buying model",
    ),
    (
        "    text: Hoe snel zou u kunnen leveren?\n",
        "",
        "channel: verbaal",
        9,
        "signals[0].channel: a verbal signal needs 'text:'",
    ),
    ("    cue: nods\n", "", "channel: nonverbaal", 9, "signals[1].channel: a non-verbal signal needs 'cue:'"),
    ("    cue: nods\n", "    cue: knipoogt\n", "knipoogt", 0, "signals[1].cue: unknown cue 'knipoogt'"),
    (
        "    min_readiness: 20\n",
        "    min_readiness: 70\n",
        "min_readiness: 70",
        15,
        "min_readiness (70) is above max_readiness (60)",
    ),
    (
        "{on: afsluitpoging, max_readiness: 60}",
        "{on: afsluitpoging, min_readiness: 61, max_readiness: 60}",
        "min_readiness: 61",
        15,
        "objections[0].trigger.min_readiness: min_readiness (61) is above max_readiness (60)",
    ),
    (
        "    kind: koopsignaal\n",
        "    kind: interessesignaal\n",
        "signals:",
        0,
        "signals: needs at least one signal of kind 'koopsignaal'",
    ),
    (
        "title: Kantoorkoffie voor Bakker BV\n",
        "title: {en: Office coffee}\n",
        "{en: Office",
        0,
        "title: has no 'nl' text",
    ),
    (
        "      need: kwaliteit\n",
        "      need: storingen\n",
        "id: kwaliteit",
        4,
        "needs[1].id: need 'kwaliteit' has no row in product.kvvb",
    ),
    (
        "difficulty: 1\n",
        "difficulty: 1\nrulebook: onbekend\n",
        "onbekend",
        0,
        "rulebook: no file for 'onbekend' (looked for ",
    ),
    (
        "difficulty: 1\n",
        "difficulty: 1\ntypology_model: kleuren\n",
        "kleuren",
        0,
        "typology_model: no file for 'kleuren'",
    ),
    (
        "title: Kantoorkoffie voor Bakker BV\n",
        "title: 5\n",
        "title: 5",
        7,
        "title: must be text or a mapping from language",
    ),
    (
        "  goal: Behoeften achterhalen en een vervolgafspraak maken.\n",
        "  goal:\n",
        "  goal:\n",
        7,
        "briefing.goal: is empty",
    ),
    (
        "  name: Anna Bakker\n",
        "  name: yes\n",
        "yes",
        0,
        "customer.name: must be text; true is read as true/false",
    ),
    (
        "  known:\n    - De huidige",
        "  known:\n    - 12\n    - De huidige",
        "12",
        0,
        "briefing.known[0]: must be text or",
    ),
    (
        "    answers:\n      compensatie",
        "    answers:\n      charme: Hm.\n      compensatie",
        "charme",
        0,
        "unknown key 'charme'",
    ),
    (
        "channel: face_to_face\n",
        "channel: telefoon_actief\n",
        "cue: nods",
        5,
        "the student cannot see the customer on a telefoon_actief call: use a verbal signal or a cue one can hear",
    ),
    (
        "    resolved: Goed, dat is een punt.\n",
        "",
        "  - id: prijs",
        4,
        "objections[0]: 'resolved:' is required",
    ),
]


@pytest.mark.parametrize(("old", "new", "needle", "skip", "message"), VARIANTS)
def test_scenario_defect(tmp_path: Path, old: str, new: str, needle: str, skip: int, message: str) -> None:
    text = replaced(MINIMAL.read_text(encoding="utf-8"), old, new)
    path = write(tmp_path, "scenario.yaml", text)
    problems = problems_of(path)
    assert has(problems, position(text, needle, skip), message, path), problems


def test_every_problem_is_reported_sorted(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    for old, new in [
        ("difficulty: 1", "difficulty: 0"),
        ("  typology: D\n", "  typologie: D\n"),
        ("weight: 3", "weight: 9"),
    ]:
        text = replaced(text, old, new)
    problems = problems_of(write(tmp_path, "scenario.yaml", text))
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    assert len(problems) == 3


def test_problems_in_the_rulebook_are_reported_with_the_scenario(tmp_path: Path) -> None:
    rules = (SHIPPED_RULES / "standaard.yaml").read_text(encoding="utf-8")
    rules = replaced(rules, "\nthresholds:\n", "\nthreshold:\n")
    rulebook = write(tmp_path / "rules", "standaard.yaml", rules)
    scenario = replaced(MINIMAL.read_text(encoding="utf-8"), "difficulty: 1", "difficulty: 5")
    problems = problems_of(write(tmp_path, "scenario.yaml", scenario))
    assert has(problems, position(scenario, "difficulty: 5", 12), "difficulty: must be at most 3")
    assert has(
        problems,
        position(rules, "\nthreshold:", 1),
        "unknown key 'threshold' (did you mean 'thresholds'?)",
        rulebook,
    )


# --------------------------------------------------------------------------- rulebook and typology checks


def drop_line(text: str, start: str, after: str = "") -> str:
    """``text`` without the first line that starts with ``start`` after the line starting with ``after``."""
    lines = text.splitlines(keepends=True)
    begin = next(i for i, line in enumerate(lines) if line.startswith(after))
    drop = next(i for i, line in enumerate(lines) if i > begin and line.startswith(start))
    return "".join(lines[:drop] + lines[drop + 1 :])


def set_line(text: str, start: str, new: str) -> str:
    return "".join(new + "\n" if line.startswith(start) else line for line in text.splitlines(keepends=True))


RULEBOOK_DEFECTS = [
    (
        lambda t: drop_line(t, "    typologie:", "  weights:"),
        "  weights:",
        2,
        "scoring.weights: no weight for: typologie",
    ),
    (
        lambda t: drop_line(t, "  herhaling:", "effects:"),
        "\neffects:",
        1,
        "effects: no effect for: herhaling",
    ),
    (
        lambda t: drop_line(t, "  cooled:", "customer_lines:"),
        "\ncustomer_lines:",
        1,
        "customer_lines.cooled: missing",
    ),
    (
        lambda t: drop_line(t, "  direct:", "student_lines:"),
        "\nstudent_lines:",
        1,
        "student_lines.direct: missing",
    ),
    (lambda t: set_line(t, "  warm:", "  warm: grins"), "grins", 0, "moods.warm: unknown cue 'grins'"),
    (
        lambda t: set_line(t, "offer:", "offer: {min: 3, max: 7, wrong_summary_chance: 0.5}"),
        "min: 3",
        5,
        "offer.min: must be at least 4",
    ),
    (
        lambda t: set_line(t, "offer:", "offer: {min: 6, max: 5, wrong_summary_chance: 0.5}"),
        "min: 6",
        5,
        "(min is 6, max is 5)",
    ),
    (
        lambda t: set_line(t, "offer:", "offer: {min: 4, maxi: 7, wrong_summary_chance: 0.5}"),
        "maxi",
        0,
        "offer: unknown key 'maxi'",
    ),
    (
        lambda t: set_line(t, "    - {id: desire,", "    - {id: desire, label: Verlangen, min_readiness: 1.5}"),
        "min_readiness: 1.5",
        15,
        "buying_models.aida[2].min_readiness: must be higher than the stage before (1.5 is not above 20)",
    ),
    (
        lambda t: set_line(t, "    - {id: attention,", "    - {id: attention, label: Aandacht, min_readiness: 2.5}"),
        "min_readiness: 2.5",
        15,
        "buying_models.aida[0].min_readiness: the first stage must start at 0",
    ),
    (
        lambda t: set_line(t, "    - {id: desire,", "    - {id: interest, label: Verlangen, min_readiness: 45}"),
        "id: interest, label: Verlangen",
        4,
        "buying_models.aida[2].id: duplicate id 'interest'",
    ),
    (
        lambda t: set_line(t, "buying_models:", "buying_models:\n  leeg: []"),
        "leeg",
        0,
        "buying_models.leeg: needs at least one",
    ),
]


@pytest.mark.parametrize(("change", "needle", "skip", "message"), RULEBOOK_DEFECTS)
def test_rulebook_defect(tmp_path: Path, change: object, needle: str, skip: int, message: str) -> None:
    assert callable(change)
    text = change((SHIPPED_RULES / "standaard.yaml").read_text(encoding="utf-8"))
    path = write(tmp_path, "standaard.yaml", text)
    with pytest.raises(ContentError) as caught:
        load_rulebook(path)
    assert has(caught.value.problems, position(text, needle, skip), message, path), caught.value.problems


def test_idle_cue_is_checked_against_the_scenarios_rulebook(tmp_path: Path) -> None:
    typology = replaced((SHIPPED_RULES / "das.yaml").read_text(encoding="utf-8"), "idle_cue: smiles", "idle_cue: grins")
    das = write(tmp_path / "rules", "das.yaml", typology)
    assert isinstance(load_typology(das), Typology)  # on its own there is no rulebook to check against
    problems = problems_of(write(tmp_path, "scenario.yaml", MINIMAL.read_text(encoding="utf-8")))
    assert has(problems, position(typology, "grins"), "types.S.idle_cue: unknown cue 'grins'", das)
    broken = replaced(MINIMAL.read_text(encoding="utf-8"), "difficulty: 1", "difficulty: 9")
    problems = problems_of(write(tmp_path, "scenario.yaml", broken))
    assert has(problems, position(typology, "grins"), "types.S.idle_cue: unknown cue 'grins'", das)


def test_load_rulebook_refuses_another_kind() -> None:
    with pytest.raises(ContentError) as caught:
        load_rulebook(MINIMAL)
    text = MINIMAL.read_text(encoding="utf-8")
    assert [(p.line, p.col, p.message) for p in caught.value.problems] == [
        (*position(text, "kind: scenario", 6), "kind: expected 'rulebook' here, not 'scenario'")
    ]


# --------------------------------------------------------------------------- where rules are found


def rulebook_named(description: str) -> str:
    text = (SHIPPED_RULES / "standaard.yaml").read_text(encoding="utf-8")
    start = text.index("description:")
    end = text.index("\n# Per buying situation")
    return text[:start] + f"description: {description}\n" + text[end:]


def test_rules_next_to_the_scenario_come_first(tmp_path: Path) -> None:
    scenario = write(tmp_path / "mine", "les1.yaml", MINIMAL.read_text(encoding="utf-8"))
    write(tmp_path / "mine" / "rules", "standaard.yaml", rulebook_named("naast"))
    write(tmp_path / "rules", "standaard.yaml", rulebook_named("erboven"))
    content = load_scenario(scenario)
    assert (content.scenario_id, content.rulebook.description) == ("les1", "naast")


def test_rules_in_the_parent_folder_come_next(tmp_path: Path) -> None:
    scenario = write(tmp_path / "mine", "les1.yaml", MINIMAL.read_text(encoding="utf-8"))
    write(tmp_path / "rules", "standaard.yaml", rulebook_named("erboven"))
    assert load_scenario(scenario).rulebook.description == "erboven"


def test_shipped_rules_come_last(tmp_path: Path) -> None:
    scenario = write(tmp_path / "mine", "les1.yaml", MINIMAL.read_text(encoding="utf-8"))
    assert load_scenario(scenario).rulebook == load_rulebook(SHIPPED_RULES / "standaard.yaml")


# --------------------------------------------------------------------------- validate_paths


def test_validate_a_folder_reports_every_file_sorted() -> None:
    problems = validate_paths([BROKEN, MINIMAL])
    files = sorted(str(path) for path in BROKEN.rglob("*.yaml"))
    assert sorted({p.path for p in problems}) == files
    assert problems == sorted(problems, key=lambda p: (p.path, p.line, p.col, p.message))
    assert Problem(str(BROKEN / "out_of_range.yaml"), 5, 13, "difficulty: must be at most 3 (it is 4)") in problems
    assert any(p.path == str(BROKEN / "binary.yaml") and (p.line, p.col) == (2, 1) for p in problems)


def test_validate_kind_missing_or_unknown(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "title: zonder soort\n")
    write(tmp_path, "b.yml", "title: x\nkind: verhaal\n")
    write(tmp_path, "notes.txt", "kind: not yaml at all\n")
    found = [(Path(p.path).name, p.line, p.col, p.message) for p in validate_paths([tmp_path])]
    assert found == [
        ("a.yaml", 1, 1, "missing 'kind:' at the top (scenario, rulebook, typology)"),
        ("b.yml", 2, 7, "kind: unknown kind 'verhaal' (expected scenario, rulebook, typology)"),
    ]


def test_validate_missing_path_and_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "a.yaml", "kind: typology\n")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    found = validate_paths([tmp_path / "nope", path])
    assert [(p.path, p.line, p.col) for p in found] == [(str(path), 1, 1), (str(tmp_path / "nope"), 1, 1)]
    assert "Permission denied" in found[0].message
    assert found[1].message == "no such file or folder"


# --------------------------------------------------------------------------- finding scenarios


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake shipped folder: two scenarios (one broken), rules, and a typology outside rules/."""
    write(tmp_path, "b_les.yaml", MINIMAL.read_text(encoding="utf-8"))
    write(tmp_path / "extra", "a_les.yml", "kind: scenario\ntitle: [kapot\n")
    write(tmp_path, "disc.yaml", "kind: typology\n")
    write(tmp_path / "rules", "standaard.yaml", "kind: rulebook\n")
    monkeypatch.setattr(loader, "shipped_dir", lambda: tmp_path)
    return tmp_path


def test_list_shipped_lists_scenarios_only(shipped: Path) -> None:
    assert list_shipped() == [shipped / "b_les.yaml", shipped / "extra" / "a_les.yml"]


def test_find_scenario_by_path_or_name(shipped: Path) -> None:
    assert find_scenario(str(MINIMAL)) == MINIMAL
    assert find_scenario("b_les") == shipped / "b_les.yaml"
    assert find_scenario("b_les.yaml") == shipped / "b_les.yaml"


def test_find_scenario_unknown_name(shipped: Path) -> None:
    with pytest.raises(ContentError) as caught:
        find_scenario("les9")
    (problem,) = caught.value.problems
    assert (problem.path, problem.line, problem.col) == ("les9", 1, 1)
    assert "no shipped scenario of that name (shipped: b_les, a_les)" in problem.message


def test_shipped_dir_in_a_source_checkout() -> None:
    assert shipped_dir() == SHIPPED_RULES.parent
    assert all(path.is_file() for path in list_shipped())


def test_every_shipped_file_is_valid() -> None:
    assert validate_paths([shipped_dir()]) == []
