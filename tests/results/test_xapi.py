"""xAPI statements: each one valid by an independent implementation (ralph's models), sent to a real local
LRS (Ralph, file-system backend) and read back, and queued on disk while the LRS is down."""

from __future__ import annotations

import base64
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.engine import Content
from simulator.engine.result import score
from simulator.engine.vocabulary import Language, Mode
from simulator.results.store import replay
from simulator.results.xapi import statements
from simulator.text.play import play_text
from tests.conftest import FIRST_SCENARIO

ralph_models = pytest.importorskip("ralph.models.xapi.base.statements")


def a_session(content: Content, folder: Path) -> list[dict[str, object]]:
    captured: list[dict[str, object]] = []

    def after(session, result):  # type: ignore[no-untyped-def]
        assert session.log is not None
        captured.extend(statements(session.log.record, session.conv, result))

    stdin = io.StringIO("\n1\nk2\n3\n4\nq\n")
    play_text(
        content, 5, Mode.OEFENEN, Language.NL, as_json=True, stdin=stdin, records=folder, student="s1", after=after
    )
    return captured


def test_every_statement_is_valid_xapi(content: Content, tmp_path: Path) -> None:
    items = a_session(content, tmp_path)
    for item in items:
        ralph_models.BaseXapiStatement.model_validate(item)
    verbs = [str(item["verb"]["id"]).rsplit("/", 1)[-1] for item in items]  # type: ignore[index]
    assert verbs[0] == "initialized" and verbs[-2:] in (["completed", "passed"], ["completed", "failed"])
    assert verbs.count("selected") == 4 and verbs.count("interacted") == 1
    assert len({item["id"] for item in items}) == len(items)
    final = items[-1]["result"]
    assert 0 <= final["score"]["scaled"] <= 1  # type: ignore[index]


def test_the_same_session_gives_the_same_statement_ids(content: Content, tmp_path: Path) -> None:
    items = a_session(content, tmp_path)
    from simulator.results.store import read_records

    ((_, record),) = read_records(tmp_path)[0]
    conv = replay(content, record)
    again = statements(record, conv, score(conv))
    assert [item["id"] for item in again] == [item["id"] for item in items]


def test_salesim_play_writes_json_lines(tmp_path: Path) -> None:
    out = tmp_path / "sessie.jsonl"
    stdin = sys.stdin
    sys.stdin = io.StringIO("\n1\n2\nq\n")
    try:
        code = main(
            ["play", FIRST_SCENARIO, "--text", "--json", "--seed", "2", "--data-dir", str(tmp_path), "--xapi", str(out)]
        )
    finally:
        sys.stdin = stdin
    assert code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + 2 + 2 and all(json.loads(line)["actor"] for line in lines)


# --------------------------------------------------------------------------- a real LRS


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_lrs(folder: Path, port: int) -> subprocess.Popen[bytes]:
    import bcrypt

    folder.mkdir(parents=True, exist_ok=True)
    auth = folder / "auth.json"
    digest = bcrypt.hashpw(b"geheim", bcrypt.gensalt()).decode()
    agent = {"mbox": "mailto:docent@example.org"}
    auth.write_text(json.dumps([{"username": "docent", "hash": digest, "scopes": ["all"], "agent": agent}]))
    env = {
        **os.environ,
        "RALPH_APP_DIR": str(folder),
        "RALPH_AUTH_FILE": str(auth),
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(folder / "data"),
        "RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH": str(folder / "data"),
    }
    (folder / "data").mkdir(exist_ok=True)
    # Ralph 5.1's file-system backend writes every batch with operation 'create', which refuses an existing
    # file: only the first POST would be stored. The test LRS appends instead (a stand-in for a real LRS).
    serve = (
        "from ralph.backends.data.base import BaseOperationType as T\n"
        "from ralph.backends.data.fs import FSDataBackend\n"
        "FSDataBackend.default_operation_type = T.APPEND\n"
        "import uvicorn\n"
        f"uvicorn.run('ralph.api:app', host='127.0.0.1', port={port}, log_level='warning')\n"
    )
    command = [sys.executable, "-c", serve]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            stored(port)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise AssertionError("the LRS did not start")


def stored(port: int) -> list[dict[str, object]]:
    token = base64.b64encode(b"docent:geheim").decode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/xAPI/statements?limit=500",
        headers={"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        found: list[dict[str, object]] = json.loads(response.read())["statements"]
    return found


def play_to_lrs(folder: Path, port: int, seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALESIM_LRS_USER", "docent")
    monkeypatch.setenv("SALESIM_LRS_PASSWORD", "geheim")
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n1\n2\nq\n"))
    lrs = f"http://127.0.0.1:{port}/xAPI/"
    args = ["play", FIRST_SCENARIO, "--text", "--json", "--seed", str(seed), "--data-dir", str(folder), "--lrs", lrs]
    assert main(args) == 0


def test_statements_reach_a_real_lrs_and_wait_while_it_is_down(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port()
    data = tmp_path / "salesim"
    play_to_lrs(data, port, 1, monkeypatch)  # the LRS is not running yet
    queued = list((data / "xapi-queue").glob("*.json"))
    assert len(queued) == 1
    server = start_lrs(tmp_path / "lrs", port)
    try:
        play_to_lrs(data, port, 2, monkeypatch)  # at this start the queue goes first
        assert list((data / "xapi-queue").glob("*.json")) == []
        found = stored(port)
        sessions = {item["context"]["registration"] for item in found}  # type: ignore[index]
        assert len(found) == 2 * 5 and len(sessions) == 2
        verbs = {str(item["verb"]["id"]).rsplit("/", 1)[-1] for item in found}  # type: ignore[index]
        assert {"initialized", "selected", "completed"} <= verbs
    finally:
        server.terminate()
        server.wait(timeout=10)
