"""Sending xAPI statements to a learning record store, with an offline queue on disk.

The LRS endpoint comes from ``--lrs URL`` (or ``$SALESIM_LRS_URL``); the credentials only from the
environment (``SALESIM_LRS_USER``, ``SALESIM_LRS_PASSWORD``), never from the command line or a file.
Statements that cannot be sent are kept in the data folder's ``xapi-queue/`` and sent at the next start.
"""

from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.results.store import atomic_write

URL_ENV, USER_ENV, PASSWORD_ENV = "SALESIM_LRS_URL", "SALESIM_LRS_USER", "SALESIM_LRS_PASSWORD"


class LrsError(RuntimeError):
    """The LRS could not be reached or refused the statements."""


@dataclass(frozen=True)
class Lrs:
    """An LRS endpoint (e.g. ``http://127.0.0.1:8100/xAPI/``) and its basic-auth credentials."""

    endpoint: str
    user: str
    password: str
    timeout: float = 10.0

    @classmethod
    def from_environment(cls, url: str | None) -> Lrs | None:
        """The LRS for ``url`` (or ``$SALESIM_LRS_URL``), with credentials from the environment."""
        endpoint = url or os.environ.get(URL_ENV)
        if not endpoint:
            return None
        return cls(endpoint, os.environ.get(USER_ENV, ""), os.environ.get(PASSWORD_ENV, ""))

    @property
    def statements_url(self) -> str:
        """The statements resource of the endpoint."""
        base = self.endpoint.rstrip("/")
        return base if base.endswith("/statements") else f"{base}/statements"

    def send(self, statements: list[dict[str, Any]]) -> None:
        """POST the statements; raise :class:`LrsError` on any failure."""
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        request = urllib.request.Request(
            self.statements_url,
            data=json.dumps(statements).encode(),
            method="POST",
            headers={
                "Content-Type": "application/json",
                "X-Experience-API-Version": "1.0.3",
                "Authorization": f"Basic {token}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                if response.status >= 300:
                    raise LrsError(f"{self.statements_url}: HTTP {response.status}")
        except urllib.error.HTTPError as error:
            if error.code == 409:  # already stored (same statement ids): nothing is lost
                return
            raise LrsError(f"{self.statements_url}: HTTP {error.code} {error.reason}") from error
        except (urllib.error.URLError, OSError) as error:
            raise LrsError(f"{self.statements_url}: {error}") from error


def queue_dir(data: Path) -> Path:
    """Where statements wait when the LRS cannot be reached."""
    return data / "xapi-queue"


def deliver(lrs: Lrs, statements: list[dict[str, Any]], queue: Path, name: str) -> str | None:
    """Send statements, or queue them under ``name``; return a message when they were queued."""
    try:
        lrs.send(statements)
        return None
    except LrsError as error:
        atomic_write(queue / f"{name}.json", json.dumps(statements))
        return f"{error}; {len(statements)} statements queued in {queue}"


def flush(lrs: Lrs, queue: Path) -> tuple[int, list[str]]:
    """Send what is queued (oldest first); return how many batches went, and a message per batch that did not."""
    sent, problems = 0, []
    for path in sorted(queue.glob("*.json")) if queue.is_dir() else []:
        try:
            lrs.send(json.loads(path.read_text(encoding="utf-8")))
        except (LrsError, ValueError) as error:
            problems.append(f"{path.name}: {error}")
            continue
        path.unlink()
        sent += 1
    return sent, problems
