"""The debrief as one self-contained HTML file: from the command line and from the debrief screen."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

from simulator.cli import main
from simulator.engine import Content, Conversation
from simulator.engine.result import score
from simulator.engine.vocabulary import Language, Mode
from simulator.i18n import translator
from simulator.messages import CHECK_NAMES
from simulator.results.export import debrief_html
from simulator.text.play import play_text
from tests.playbook import play, strong


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.seen: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)
        if tag not in ("br", "meta", "path", "rect", "line", "circle", "polyline"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("path", "rect", "line", "circle", "polyline"):
            return
        assert self.open and self.open[-1] == tag, (self.open[-5:], tag)
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_html_has_everything_of_the_debrief_and_nothing_from_outside(content: Content) -> None:
    conv = Conversation(content, seed=3)
    play(conv, strong)
    result = score(conv)
    page = debrief_html(conv, result, translator("nl").gettext, student="Sam")
    parser = Tags()
    parser.feed(page)
    assert parser.open == [], "every element is closed"
    text = " ".join(parser.text)
    assert "Cijfer: " in text and "Sam" in text
    assert all(translator("nl").gettext(CHECK_NAMES[check.id]) in text for check in result.checks)
    assert "svg" in parser.seen and "polyline" in parser.seen
    assert conv.turns[-1].reply.text[:40] in text
    assert "http" not in page.replace("http://www.w3.org", "") and "<script" not in page and "src=" not in page


def test_salesim_export_writes_a_stored_session(content: Content, tmp_path: Path) -> None:
    play_text(content, 5, Mode.OEFENEN, Language.EN, as_json=True, stdin=io.StringIO("\n1\n2\nq\n"), records=tmp_path)
    out = tmp_path / "debrief.html"
    assert main(["export", "--data-dir", str(tmp_path), "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "lang='en'" in page and "RUBRIC" in page
    assert main(["export", "nothing", "--data-dir", str(tmp_path), "--html", str(out)]) == 1
