"""Loading and checking content files (scenarios, rulebooks, typologies) with positioned errors."""

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
from simulator.scenario.safe_yaml import load_yaml

__all__ = [
    "ContentError",
    "Problem",
    "find_scenario",
    "list_shipped",
    "load_rulebook",
    "load_scenario",
    "load_typology",
    "load_yaml",
    "shipped_dir",
    "validate_paths",
]
