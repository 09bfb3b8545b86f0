"""The typed content models: every field documented, unknown keys forbidden."""

from __future__ import annotations

import inspect

from pydantic import BaseModel

from simulator.engine import content


def models() -> list[type[BaseModel]]:
    return [
        obj
        for _, obj in inspect.getmembers(content, inspect.isclass)
        if issubclass(obj, BaseModel) and obj.__module__ == content.__name__ and obj is not content.Strict
    ]


def test_every_field_of_every_model_has_a_description() -> None:
    undocumented = [
        f"{model.__name__}.{name}"
        for model in models()
        for name, field in model.model_fields.items()
        if not field.description
    ]
    assert not undocumented


def test_every_model_forbids_unknown_keys() -> None:
    assert all(model.model_config.get("extra") == "forbid" for model in models())
