"""Thin launcher: ``python main.py`` does what ``salesim`` does."""

from simulator.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
