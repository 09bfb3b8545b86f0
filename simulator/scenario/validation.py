"""Pydantic validation errors turned into positioned problems a teacher can read."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from simulator.scenario.problems import KeyPath, PositionMap, Problem, Report

M = TypeVar("M", bound=BaseModel)

_MISSING = object()
_ID_HINT = "must be an id: lower-case letters, digits and '_', starting with a letter"
_TYPE_NOUNS = {
    "string_type": "text",
    "dict_type": "a mapping (key: value)",
    "model_type": "a mapping (key: value)",
    "model_attributes_type": "a mapping (key: value)",
    "list_type": "a list",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
}
_BOUNDS = {"greater_than_equal": ("ge", "at least"), "less_than_equal": ("le", "at most")}
_STRICT_BOUNDS = {"greater_than": ("gt", "more than"), "less_than": ("lt", "less than")}


@dataclass(frozen=True)
class _Error:
    """One pydantic error, with its location turned into a key path of the data."""

    path: KeyPath
    branch: KeyPath | None
    on_key: bool
    details: ErrorDetails

    @property
    def kind(self) -> str:
        return self.details["type"]

    @property
    def ctx(self) -> dict[str, Any]:
        return dict(self.details.get("ctx") or {})


def validate(model: type[M], data: object, positions: PositionMap, path: str) -> tuple[M | None, list[Problem]]:
    """``model.model_validate(data)``, or None and every error placed in the file."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        report = Report(path, positions)
        errors = _merge_branches([_locate(details, data) for details in exc.errors()])
        for error in _without_typo_twins(errors, model, data):
            _describe(error, report, model, data)
        return None, report.problems


# --------------------------------------------------------------------------- locations


def _locate(details: ErrorDetails, data: object) -> _Error:
    """Map pydantic's ``loc`` onto the data: drop union branch names and ``[key]``."""
    path: list[str | int] = []
    branch: KeyPath | None = None
    node: object = data
    on_key = False
    for part in details["loc"]:
        child = _child(node, part)
        if part == "[key]":
            on_key = True
        elif child is not _MISSING:
            path.append(part)
            node = child
        elif part == 0 and node is not _MISSING and not isinstance(node, list):
            continue  # a single text given where a list of texts is allowed
        elif isinstance(part, str) and _is_branch(part):
            branch = tuple(path) if branch is None else branch
        else:
            path.append(part)
            node = _MISSING
    return _Error(tuple(path), branch, on_key, details)


def _is_branch(part: str) -> bool:
    return "[" in part or part in {"str", "int", "float", "bool", "none", "list", "dict"}


def _merge_branches(errors: list[_Error]) -> list[_Error]:
    """Of the errors from one union (e.g. text or a language mapping), keep the telling ones."""
    groups: dict[KeyPath, list[_Error]] = {}
    for error in errors:
        if error.branch is not None:
            groups.setdefault(error.branch, []).append(error)
    kept = [error for error in errors if error.branch is None]
    for root, group in groups.items():
        specific = [e for e in group if len(e.path) > len(root) or e.kind not in _TYPE_NOUNS]
        kept.extend(specific or [_combined(root, group)])
    return kept


def _combined(root: KeyPath, group: list[_Error]) -> _Error:
    nouns = list(dict.fromkeys(_noun(error) for error in group))
    details: ErrorDetails = {**group[0].details, "type": "union_type", "ctx": {"nouns": nouns}}
    return _Error(root, None, False, details)


def _noun(error: _Error) -> str:
    branch_names = " ".join(str(part) for part in error.details["loc"])
    if error.kind == "dict_type" and "Language" in branch_names:
        return "a mapping from language (nl, en) to text"
    return _TYPE_NOUNS.get(error.kind, error.kind)


# --------------------------------------------------------------------------- messages


def _describe(error: _Error, report: Report, model: type[BaseModel], data: object) -> None:
    kind = error.kind
    if kind == "missing":
        report.at(error.path, "field required")
    elif kind == "extra_forbidden":
        report.at(error.path, _unknown_key(error, model, data), key=True, shown=error.path[:-1])
    elif error.on_key:
        report.at(error.path, _key_message(error), key=True, shown=error.path[:-1])
    else:
        report.at(error.path, _value_message(error))


def _unknown_key(error: _Error, model: type[BaseModel], data: object) -> str:
    key = error.path[-1]
    message = f"unknown key '{key}'"
    guess = _guess(str(key), error.path[:-1], model, data)
    return f"{message} (did you mean '{guess}'?)" if guess else message


def _guess(key: str, parent: KeyPath, model: type[BaseModel], data: object) -> str | None:
    present = _at(data, parent)
    fields = [name for name in _fields_at(model, parent) if not (isinstance(present, dict) and name in present)]
    matches = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _without_typo_twins(errors: list[_Error], model: type[BaseModel], data: object) -> Iterator[_Error]:
    """Drop 'field required' for a field whose misspelling is already reported as an unknown key."""
    guessed = {
        (*error.path[:-1], _guess(str(error.path[-1]), error.path[:-1], model, data))
        for error in errors
        if error.kind == "extra_forbidden"
    }
    return (error for error in errors if not (error.kind == "missing" and error.path in guessed))


def _key_message(error: _Error) -> str:
    if error.kind in ("enum", "literal_error"):
        return f"unknown key {_show(error.path[-1])} (expected one of {error.ctx['expected']})"
    return f"key {_show(error.path[-1])}: {_value_message(error)}"


def _value_message(error: _Error) -> str:
    kind, ctx, value = error.kind, error.ctx, error.details.get("input")
    if kind == "union_type":
        return _type_message(" or ".join(ctx["nouns"]), value)
    if kind in _TYPE_NOUNS:
        return _type_message(_TYPE_NOUNS[kind], value)
    if kind in ("enum", "literal_error"):
        return f"must be one of {ctx['expected']}, not {_show(value)}"
    if kind in _BOUNDS or kind in _STRICT_BOUNDS:
        name, words = {**_BOUNDS, **_STRICT_BOUNDS}[kind]
        return f"must be {words} {_number(ctx[name])} (it is {_show(value)})"
    return _other_message(kind, ctx, value, error.details["msg"])


def _other_message(kind: str, ctx: dict[str, Any], value: object, msg: str) -> str:
    if kind == "string_pattern_mismatch":
        return f"{_ID_HINT} (not {_show(value)})"
    if kind == "int_from_float":
        return f"must be a whole number (it is {_show(value)})"
    if kind == "too_short":
        return f"must have at least {_count(ctx['min_length'])}"
    if kind == "too_long":
        return f"must have at most {_count(ctx['max_length'])}"
    if kind == "string_too_long":
        return f"must be at most {ctx['max_length']} characters long"
    return msg[:1].lower() + msg[1:]


def _type_message(expected: str, value: object) -> str:
    if value is None:
        return f"is empty; it must be {expected}"
    if isinstance(value, bool) and "text" in expected:
        return f"must be {expected}; {_show(value)} is read as true/false, so put the text in quotes"
    return f"must be {expected}, not {_kind_of(value)}"


def _kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'"


def _show(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return _number(value)
    return repr(value) if isinstance(value, str) else str(value)


def _number(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _count(n: int) -> str:
    return f"{n} item" if n == 1 else f"{n} items"


# --------------------------------------------------------------------------- models and data by path


def _at(data: object, path: KeyPath) -> object:
    for part in path:
        data = _child(data, part)
    return data


def _child(data: object, part: str | int) -> object:
    if isinstance(data, dict) and part in data:
        return data[part]
    if isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
        return data[part]
    return _MISSING


def _fields_at(model: type[BaseModel], path: KeyPath) -> list[str]:
    """The field names of the model found at ``path`` inside ``model`` (none if it is no model)."""
    annotation: object = model
    for part in path:
        annotation = _step(annotation, part)
    found = _model_in(annotation)
    return list(found.model_fields) if found else []


def _step(annotation: object, part: str | int) -> object:
    found = _model_in(annotation)
    if found is not None:
        field = found.model_fields.get(part) if isinstance(part, str) else None
        return field.annotation if field else None
    for option in _options(annotation):
        origin, args = typing.get_origin(option), typing.get_args(option)
        if origin is list and isinstance(part, int) and args:
            return args[0]
        if origin is dict and len(args) == 2:
            return args[1]
    return None


def _model_in(annotation: object) -> type[BaseModel] | None:
    for option in _options(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel):
            return option
    return None


def _options(annotation: object) -> list[object]:
    if typing.get_origin(annotation) is typing.Annotated:
        return _options(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [o for arg in typing.get_args(annotation) for o in _options(arg)]
    return [annotation]
