"""Loading scenarios, rulebooks and typologies from YAML files, with every problem positioned.

The public functions raise :class:`ContentError` (listing all problems, sorted) or, for
:func:`validate_paths`, return the problems; no other exception comes out for a bad file.
"""

from __future__ import annotations

import importlib.resources
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from simulator.engine.content import Content, Rulebook, Scenario, Typology
from simulator.scenario.checks import check_rulebook, check_scenario, check_typology
from simulator.scenario.problems import ContentError, PositionMap, Problem, Report, position_of, sort_problems
from simulator.scenario.safe_yaml import MAX_BYTES, load_yaml
from simulator.scenario.validation import validate

M = TypeVar("M", bound=BaseModel)

KINDS = ("scenario", "rulebook", "typology")
_SUFFIXES = (".yaml", ".yml")
_KIND_OF: dict[type[BaseModel], str] = {Scenario: "scenario", Rulebook: "rulebook", Typology: "typology"}
_KIND_LINE = re.compile(r"^kind:\s*['\"]?([A-Za-z_]+)", re.MULTILINE)


def shipped_dir() -> Path:
    """The folder of the scenarios shipped with the game (with their ``rules/``)."""
    try:
        packaged = importlib.resources.files("simulator") / "scenarios"
        if isinstance(packaged, Path) and packaged.is_dir():
            return packaged
    except (ImportError, OSError, TypeError, ValueError):
        pass
    return Path(__file__).resolve().parents[2] / "scenarios"


# --------------------------------------------------------------------------- one file


@dataclass
class _Doc:
    """A content file read as plain data, with the position of every value."""

    path: Path
    data: dict[str | int, object]
    positions: PositionMap

    def report(self) -> Report:
        return Report(str(self.path), self.positions)


@dataclass
class _Loaded(Generic[M]):
    """A model loaded from a file (None if invalid), with the problems found on the way."""

    model: M | None
    doc: _Doc | None
    problems: list[Problem] = field(default_factory=list)


def _read(path: Path) -> _Doc:
    """Read a YAML content file; ContentError on anything wrong, OSError included."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ContentError([Problem(str(path), 1, 1, f"file too large ({size} bytes; at most {MAX_BYTES})")])
        text = path.read_bytes()
    except OSError as exc:
        raise ContentError([Problem(str(path), 1, 1, f"cannot read the file: {exc.strerror or exc}")]) from None
    data, positions = load_yaml(text, str(path))
    assert isinstance(data, dict)
    return _Doc(path, data, positions)


def _kind_problem(doc: _Doc, expected: str | None) -> Problem | None:
    """A problem if the file's ``kind:`` is missing, unknown or not ``expected``."""
    kind = doc.data.get("kind")
    line, col = position_of(doc.positions, ("kind",))
    if "kind" not in doc.data:
        return Problem(str(doc.path), 1, 1, f"missing 'kind:' at the top ({', '.join(KINDS)})")
    if expected is not None and kind != expected:
        return Problem(str(doc.path), line, col, f"kind: expected '{expected}' here, not {kind!r}")
    if kind not in KINDS:
        return Problem(str(doc.path), line, col, f"kind: unknown kind {kind!r} (expected {', '.join(KINDS)})")
    return None


def _load(path: Path, model: type[M], check: Callable[[M, Report], None] | None = None) -> _Loaded[M]:
    """Read ``path``, check its kind and validate it as ``model``; collect, never raise."""
    try:
        doc = _read(path)
    except ContentError as exc:
        return _Loaded(None, None, exc.problems)
    wrong_kind = _kind_problem(doc, _KIND_OF[model])
    if wrong_kind is not None:
        return _Loaded(None, doc, [wrong_kind])
    loaded, problems = validate(model, doc.data, doc.positions, str(doc.path))
    if loaded is not None and check is not None:
        report = doc.report()
        check(loaded, report)
        problems = report.problems
    return _Loaded(loaded if not problems else None, doc, problems)


def _raise_or(loaded: _Loaded[M]) -> M:
    if loaded.model is None or loaded.problems:
        raise ContentError(loaded.problems or [Problem("?", 1, 1, "could not load the file")])
    return loaded.model


def load_rulebook(path: Path | str) -> Rulebook:
    """Load and check a rulebook file; ContentError lists every problem."""
    return _raise_or(_load(Path(path), Rulebook, check_rulebook))


def load_typology(path: Path | str) -> Typology:
    """Load a typology file; its idle cues are checked only with a rulebook (see :func:`load_scenario`)."""
    return _raise_or(_load(Path(path), Typology))


# --------------------------------------------------------------------------- a scenario with its rules


def rules_candidates(scenario_path: Path, rules_id: str) -> list[Path]:
    """Where a rulebook or typology id used by a scenario is looked for, in order."""
    folder = scenario_path.parent
    names = [folder / "rules", folder.parent / "rules", shipped_dir() / "rules"]
    return [Path(os.path.normpath(name / f"{rules_id}.yaml")) for name in names]


def _resolve(doc: _Doc, key: str, default: str, problems: list[Problem]) -> Path | None:
    """The file a scenario's ``rulebook:`` or ``typology_model:`` names; a problem if none is found."""
    rules_id = doc.data.get(key, default)
    if not isinstance(rules_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", rules_id):
        return None  # already reported by validation
    candidates = rules_candidates(doc.path, rules_id)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    report = doc.report()
    looked = ", ".join(str(candidate) for candidate in candidates)
    report.at((key,), f"no file for '{rules_id}' (looked for {looked})")
    problems.extend(report.problems)
    return None


def _scenario(path: Path) -> tuple[Content | None, list[Problem]]:
    """Load a scenario with its rulebook and typology, collecting every problem of all three files."""
    loaded = _load(path, Scenario)
    if loaded.doc is None or _kind_problem(loaded.doc, "scenario"):
        return None, loaded.problems
    problems = list(loaded.problems)
    rulebook_path = _resolve(loaded.doc, "rulebook", "standaard", problems)
    typology_path = _resolve(loaded.doc, "typology_model", "das", problems)
    rulebook = _load(rulebook_path, Rulebook, check_rulebook) if rulebook_path else None
    typology = _load(typology_path, Typology) if typology_path else None
    for other in (rulebook, typology):
        problems.extend(other.problems if other else [])
    if rulebook is None or typology is None or rulebook.model is None or typology.model is None:
        return None, problems
    return _cross_check(loaded, rulebook.model, typology, problems)


def _cross_check(
    scenario: _Loaded[Scenario], rulebook: Rulebook, typology: _Loaded[Typology], problems: list[Problem]
) -> tuple[Content | None, list[Problem]]:
    """The checks across files: the typology against the rulebook, the scenario against both."""
    if typology.doc is not None and typology.model is not None:
        report = typology.doc.report()
        check_typology(typology.model, rulebook, report)
        problems += report.problems
    if scenario.doc is None or scenario.model is None or typology.model is None:
        return None, problems
    report = scenario.doc.report()
    check_scenario(scenario.model, rulebook, typology.model, report)
    problems += report.problems
    if problems:
        return None, problems
    content = Content(
        scenario_id=scenario.doc.path.stem, scenario=scenario.model, rulebook=rulebook, typology=typology.model
    )
    return content, problems


def load_scenario(path: Path | str) -> Content:
    """Load a scenario with the rulebook and typology it names; ContentError lists every problem."""
    content, problems = _scenario(Path(path))
    if content is None or problems:
        raise ContentError(problems or [Problem(str(path), 1, 1, "could not load the scenario")])
    return content


# --------------------------------------------------------------------------- many files


def validate_paths(paths: list[Path]) -> list[Problem]:
    """Check files and folders (every ``*.yaml``/``*.yml`` inside, recursively); never raises."""
    problems: list[Problem] = []
    for file in _expand(paths, problems):
        problems.extend(_validate_file(file))
    return sort_problems(problems)


def _expand(paths: list[Path], problems: list[Problem]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        try:
            if path.is_dir():
                files.extend(sorted(p for p in path.rglob("*") if p.suffix in _SUFFIXES and p.is_file()))
            elif path.exists():
                files.append(path)
            else:
                problems.append(Problem(str(path), 1, 1, "no such file or folder"))
        except OSError as exc:
            problems.append(Problem(str(path), 1, 1, f"cannot read: {exc.strerror or exc}"))
    return files


def _validate_file(path: Path) -> list[Problem]:
    try:
        doc = _read(path)
    except ContentError as exc:
        return exc.problems
    wrong_kind = _kind_problem(doc, None)
    if wrong_kind is not None:
        return [wrong_kind]
    try:
        if doc.data["kind"] == "scenario":
            return _scenario(path)[1]
        if doc.data["kind"] == "rulebook":
            return _load(path, Rulebook, check_rulebook).problems
        return _load(path, Typology).problems
    except OSError as exc:
        return [Problem(str(path), 1, 1, f"cannot read: {exc.strerror or exc}")]


# --------------------------------------------------------------------------- finding scenarios


def find_scenario(name_or_path: str) -> Path:
    """A scenario file: ``name_or_path`` if it exists, else the shipped scenario of that name."""
    given = Path(name_or_path)
    if given.is_file():
        return given
    name = name_or_path if given.suffix in _SUFFIXES else f"{name_or_path}.yaml"
    shipped = shipped_dir() / name
    if shipped.is_file():
        return shipped
    known = ", ".join(path.stem for path in list_shipped()) or "none"
    message = f"no scenario file '{name_or_path}' and no shipped scenario of that name (shipped: {known})"
    raise ContentError([Problem(name_or_path, 1, 1, message)])


def list_shipped() -> list[Path]:
    """The shipped scenario files (``kind: scenario``), sorted; rulebooks and typologies are left out."""
    folder = shipped_dir()
    if not folder.is_dir():
        return []
    files = sorted(p for p in folder.rglob("*") if p.suffix in _SUFFIXES and "rules" not in p.relative_to(folder).parts)
    return [path for path in files if _sniff_kind(path) == "scenario"]


def _sniff_kind(path: Path) -> str | None:
    """The ``kind:`` of a file, read leniently so that a broken scenario is still listed."""
    try:
        text = path.read_bytes()[: MAX_BYTES + 1]
        data, _ = load_yaml(text, str(path))
    except ContentError:
        found = _KIND_LINE.search(text.decode("utf-8", "replace"))
        return found.group(1) if found else None
    except OSError:
        return None
    kind = data.get("kind") if isinstance(data, dict) else None
    return kind if isinstance(kind, str) else None
