"""Choosing the seed of a session: the one asked for, the scenario's exam seed in toets mode, or a fresh one."""

from __future__ import annotations

import secrets

from simulator.engine.content import Content
from simulator.engine.vocabulary import Mode


def session_seed(content: Content, mode: Mode, seed: int | None) -> int:
    """The seed to play with: every student meets the same conversation in toets mode unless a seed is given."""
    if seed is not None:
        return seed
    if mode is Mode.TOETS:
        return content.scenario.exam_seed
    return secrets.randbelow(1_000_000)
