"""Shared fixtures: the shipped scenario, loaded once."""

from __future__ import annotations

import pytest

from simulator.engine import Content
from simulator.scenario.loader import find_scenario, load_scenario

FIRST_SCENARIO = "werkplekadvies_hofstede"


@pytest.fixture(scope="session")
def content() -> Content:
    """The first shipped scenario with its rulebook and typology."""
    return load_scenario(find_scenario(FIRST_SCENARIO))


@pytest.fixture(autouse=True)
def _session_records_in_a_temporary_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test writes session records into the user's own data folder."""
    monkeypatch.setenv("SALESIM_DATA_DIR", str(tmp_path_factory.mktemp("sessions")))
