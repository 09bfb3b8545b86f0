"""``python -m simulator`` runs the ``salesim`` command."""

from simulator.cli import main

raise SystemExit(main())
