"""The safe YAML reader: plain data, positions, and a positioned ContentError for every defect."""

from __future__ import annotations

import random

import pytest

from simulator.scenario.problems import KEY, ContentError, Problem
from simulator.scenario.safe_yaml import MAX_ALIAS_NODES, MAX_BYTES, MAX_DEPTH, load_yaml

from .helpers import BROKEN, MINIMAL


def only_problem(text: str | bytes, path: str = "f.yaml") -> Problem:
    with pytest.raises(ContentError) as caught:
        load_yaml(text, path)
    assert len(caught.value.problems) == 1, caught.value.problems
    return caught.value.problems[0]


def fixture_problem(name: str) -> Problem:
    path = BROKEN / name
    return only_problem(path.read_bytes(), str(path))


# --------------------------------------------------------------------------- one fixture per defect


@pytest.mark.parametrize(
    ("name", "line", "col", "words"),
    [
        ("duplicate_key.yaml", 5, 1, "duplicate key 'title' (first at line 3)"),
        ("python_tag.yaml", 3, 8, "unsafe or unknown tag '!!python/object/apply:os.system'"),
        ("tab_indent.yaml", 4, 1, "tab character: indent with spaces"),
        ("syntax_error.yaml", 3, 11, "',' or ']'"),
        ("empty.yaml", 1, 1, "the file is empty"),
        ("binary.yaml", 2, 1, "binary file"),
        ("not_a_mapping.yaml", 2, 1, "expected a mapping at the top"),
        ("billion_laughs.yaml", 6, 36, "too many aliases / alias expansion too large"),
    ],
)
def test_broken_yaml_fixture(name: str, line: int, col: int, words: str) -> None:
    problem = fixture_problem(name)
    assert (problem.path, problem.line, problem.col) == (str(BROKEN / name), line, col)
    assert words in problem.message
    assert str(problem) == f"{BROKEN / name}:{line}:{col}: {problem.message}"


def test_syntax_error_names_the_open_sequence() -> None:
    assert "while parsing a flow sequence at line 2" in fixture_problem("syntax_error.yaml").message


# --------------------------------------------------------------------------- more defects, in memory


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ("a: !custom x\n", 1, 4, "unsafe or unknown tag '!custom'"),
        ("a:\n  b: !!binary aGVsbG8=\n", 2, 6, "tag '!!binary' is not supported"),
        ("a: !!set {x}\n", 1, 4, "tag '!!set' is not supported"),
        ("a: !!int twelve\n", 1, 4, "'twelve' is not a valid int"),
        ("a: 1\n---\nb: 2\n", 2, 1, "more than one document"),
        ("---\n", 1, 1, "the file is empty"),
        ("", 1, 1, "the file is empty"),
        ("just a sentence\n", 1, 1, "expected a mapping at the top"),
        ("a: &x [1, *x]\n", 1, 11, "refers to a mapping or list that contains it"),
        ("a: *nowhere\n", 1, 4, "has no anchor"),
        ("a: &x 1\nb: &x 2\n", 2, 4, "duplicate anchor"),
        ("? [a, b]\n: 1\n", 1, 3, "a key must be a plain word or number"),
        ("? {a: 1}\n: 1\n", 1, 3, "a key must be a plain word or number"),
        ("a: 1\n b: 2\n", 2, 3, "mapping values are not allowed"),
        ("a: 'open\n", 2, 1, "while scanning a quoted scalar at line 1"),
        ("a: x\x07y\n", 1, 5, "U+0007 is not allowed"),
    ],
)
def test_defect_in_memory(text: str, line: int, col: int, words: str) -> None:
    problem = only_problem(text)
    assert (problem.line, problem.col) == (line, col)
    assert words in problem.message


def test_invalid_utf8_points_at_the_bad_byte() -> None:
    problem = only_problem("kind: scenario\ntitle: caf\xe9\n".encode("latin-1"))
    assert (problem.line, problem.col) == (2, 11)
    assert "not valid UTF-8" in problem.message


def test_nul_in_text_is_binary() -> None:
    problem = only_problem("a: 1\nb: x\x00\n")
    assert (problem.line, problem.col) == (2, 5)
    assert "binary" in problem.message


def test_file_too_large() -> None:
    problem = only_problem("a: " + "x" * MAX_BYTES + "\n")
    assert (problem.line, problem.col) == (1, 1)
    assert "file too large" in problem.message


def test_deep_nesting_fails_at_the_first_level_too_deep() -> None:
    problem = only_problem("a: " + "[" * (MAX_DEPTH + 50) + "]" * (MAX_DEPTH + 50) + "\n")
    assert (problem.line, problem.col) == (1, 4 + MAX_DEPTH - 1)
    assert f"deeper than {MAX_DEPTH}" in problem.message


def test_nesting_within_the_bound_is_fine() -> None:
    data, _ = load_yaml("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n", "f.yaml")
    assert isinstance(data, dict)


def test_megabyte_of_brackets_is_rejected_not_crashed() -> None:
    problem = only_problem("[" * (MAX_BYTES - 1))
    # Our own bound, or the C parser's (libyaml versions differ in which comes first).
    assert "deeper than" in problem.message or "nesting depth" in problem.message
    assert problem.line == 1


def test_aliases_below_the_bound_expand() -> None:
    lines = [
        "a: &a [" + ", ".join(["x"] * 100) + "]",
        "b: [" + ", ".join(["*a"] * (MAX_ALIAS_NODES // 101)) + "]",
    ]
    data, _ = load_yaml("\n".join(lines) + "\n", "f.yaml")
    assert isinstance(data, dict)
    assert len(data["b"]) == MAX_ALIAS_NODES // 101


def test_all_duplicate_keys_are_reported() -> None:
    with pytest.raises(ContentError) as caught:
        load_yaml("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n", "f.yaml")
    found = [(p.line, p.col, p.message) for p in caught.value.problems]
    assert found == [
        (4, 3, "duplicate key 'c' (first at line 3)"),
        (5, 1, "duplicate key 'a' (first at line 1)"),
    ]


def test_random_damage_only_ever_raises_content_error() -> None:
    source = MINIMAL.read_bytes()
    rng = random.Random(7)
    junk = [
        b"\t",
        b":",
        b"- ",
        b"&a ",
        b"*a",
        b"!x ",
        b"[",
        b"}",
        b"'",
        b'"',
        b"\n  ",
        b"\xff",
        b"? ",
        b"<<: ",
    ]
    for _ in range(300):
        data = bytearray(source)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(data))
            data[at:at] = rng.choice(junk)
        try:
            load_yaml(bytes(data), "f.yaml")
        except ContentError as exc:
            assert exc.problems and all(p.line >= 1 and p.col >= 1 for p in exc.problems)


# --------------------------------------------------------------------------- data and positions


def test_plain_values_and_positions() -> None:
    text = "kind: scenario\nneeds:\n  - id: a\n    hook: vaag\n  - id: b\n    weight: 2\n"
    data, positions = load_yaml(text, "f.yaml")
    assert data == {"kind": "scenario", "needs": [{"id": "a", "hook": "vaag"}, {"id": "b", "weight": 2}]}
    assert positions[()] == (1, 1)
    assert positions[("kind",)] == (1, 7)
    assert positions[("kind", KEY)] == (1, 1)
    assert positions[("needs", 0)] == (3, 5)
    assert positions[("needs", 0, "hook")] == (4, 11)
    assert positions[("needs", 0, "hook", KEY)] == (4, 5)
    assert positions[("needs", 1, "weight")] == (6, 13)


def test_scalar_types() -> None:
    text = "s: tekst\ni: 12\nf: 2.5\nb: true\nn: ~\nd: 2024-05-01\nq: '12'\n"
    data, _ = load_yaml(text, "f.yaml")
    assert data == {"s": "tekst", "i": 12, "f": 2.5, "b": True, "n": None, "d": "2024-05-01", "q": "12"}


def test_keys_stay_words_even_when_yaml_would_read_a_bool() -> None:
    data, _ = load_yaml("trigger: {on: afsluitpoging}\nyes: 1\n3: drie\n", "f.yaml")
    assert data == {"trigger": {"on": "afsluitpoging"}, "yes": 1, 3: "drie"}


def test_merge_keys_and_aliases() -> None:
    text = "base: &b {trust: 1, patience: 2}\neffect:\n  <<: *b\n  patience: 5\nlist: [*b]\n"
    data, positions = load_yaml(text, "f.yaml")
    assert data["effect"] == {"trust": 1, "patience": 5}  # type: ignore[index]
    assert data["list"] == [{"trust": 1, "patience": 2}]  # type: ignore[index]
    assert positions[("effect", "patience")] == (4, 13)
    assert positions[("effect", "trust")] == (1, 18)


def test_bom_and_bytes_are_accepted() -> None:
    data, positions = load_yaml("\ufeffa: é\n".encode(), "f.yaml")
    assert data == {"a": "é"}
    assert positions[("a",)] == (1, 4)
