"""Extract UI text from the code, write the English catalogue and compile it.

Run after changing any user-facing string:  python tools/i18n.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "assets" / "locale"
KEYWORDS = {"_": None, "N_": None}
sys.path.insert(0, str(ROOT / "tools"))


def extracted_ids() -> list[str]:
    """Every message id marked in the package, in order of first appearance."""
    seen: dict[str, None] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "simulator"), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        if isinstance(message, str):
            seen.setdefault(message, None)
    return list(seen)


def english_catalogue() -> Catalog:
    """The English catalogue for the extracted ids."""
    from en_catalogue import EN

    catalog = Catalog(locale="en", domain="salesim", project="Salesim", charset="utf-8")
    for message in extracted_ids():
        catalog.add(message, EN.get(message, ""))
    return catalog


def main() -> int:
    catalog = english_catalogue()
    missing = [m.id for m in catalog if m.id and not m.string]
    target = LOCALE / "en" / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    with open(target / "salesim.po", "wb") as po:
        write_po(po, catalog, omit_header=False, sort_output=False, width=0)
    with open(target / "salesim.mo", "wb") as mo:
        write_mo(mo, catalog)
    for message in missing:
        print(f"untranslated: {message!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
