"""UI text: every marked string has an English translation and the compiled catalogue is current."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

from babel.messages.mofile import read_mo

from simulator.i18n import translator

ROOT = Path(__file__).resolve().parents[1]


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("salesim_i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_ui_string_has_an_english_translation() -> None:
    catalog = _tool().english_catalogue()
    missing = [m.id for m in catalog if m.id and not m.string]
    assert not missing, f"add to tools/en_catalogue.py, then run python tools/i18n.py: {missing}"


def test_the_compiled_catalogue_is_up_to_date() -> None:
    expected = {m.id: m.string for m in _tool().english_catalogue() if m.id}
    with open(ROOT / "assets" / "locale" / "en" / "LC_MESSAGES" / "salesim.mo", "rb") as handle:
        shipped = {m.id: m.string for m in read_mo(io.BytesIO(handle.read())) if m.id}
    assert shipped == expected, "run python tools/i18n.py"


def test_translators_for_both_languages() -> None:
    assert translator("nl").gettext("Luisteren") == "Luisteren"
    assert translator("en").gettext("Luisteren") == "Listening"


def test_no_translation_call_hides_inside_an_f_string() -> None:
    """Babel cannot extract _('…') written inside an f-string, so such text would never be translated."""
    import ast

    offenders = []
    for source in (ROOT / "simulator").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for call in ast.walk(node):
                    if (
                        not isinstance(call, ast.Call)
                        or getattr(call.func, "id", getattr(call.func, "attr", "")) != "_"
                    ):
                        continue
                    if call.args and isinstance(call.args[0], ast.Constant):
                        offenders.append(f"{source.name}:{node.lineno}")
    assert not offenders
