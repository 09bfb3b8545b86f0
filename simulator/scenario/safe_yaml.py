"""A safe, bounded YAML reader that remembers where every value came from.

Only plain data comes out (str, int, float, bool, None, list, dict); anything else in the file is a
:class:`~simulator.scenario.problems.ContentError` with a line and a column, never another exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from simulator.scenario.problems import KEY, ContentError, KeyPath, Position, PositionMap, Problem

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 200
MAX_ALIAS_NODES = 100_000

__all__ = ["KEY", "MAX_ALIAS_NODES", "MAX_BYTES", "MAX_DEPTH", "Position", "PositionMap", "load_yaml"]

_Loader: type[yaml.SafeLoader | yaml.CSafeLoader] = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_STD}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "value", "merge")}
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CONSTRUCT = SafeConstructor()
_BINARY = "this is a binary file, not a text file (it contains NUL bytes)"


class _Fail(Exception):
    """Internal: stop reading at ``position`` with ``message``."""

    def __init__(self, position: Position, message: str) -> None:
        super().__init__(message)
        self.position = position
        self.message = message


def load_yaml(text: str | bytes, path: str) -> tuple[object, PositionMap]:
    """Read one YAML document whose top is a mapping.

    Returns the plain data and a map from each key path (``("needs", 2, "hook")``) to the 1-based
    (line, col) of that value; ``path + (KEY,)`` holds the position of a mapping key.
    """
    try:
        source = _decode(text)
        _scan_events(source)
        root = _compose(source)
        builder = _Builder()
        data = builder.value(root, (), 0)
    except _Fail as fail:
        raise ContentError([Problem(path, *fail.position, fail.message)]) from None
    except RecursionError:
        raise ContentError([Problem(path, 1, 1, "nested too deeply to read")]) from None
    if builder.problems:
        raise ContentError([Problem(path, *pos, message) for pos, message in builder.problems])
    return data, builder.positions


# --------------------------------------------------------------------------- bytes and characters


def _decode(text: str | bytes) -> str:
    size = len(text) if isinstance(text, bytes) else len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise _Fail((1, 1), f"file too large ({size} bytes; at most {MAX_BYTES} bytes)")
    if isinstance(text, bytes):
        text = _utf8(text)
    if "\x00" in text:
        raise _Fail(_where(text, text.index("\x00")), _BINARY)
    text = text.removeprefix("\ufeff")
    bad = _NOT_PRINTABLE.search(text)
    if bad:
        raise _Fail(_where(text, bad.start()), f"character U+{ord(bad.group()):04X} is not allowed in YAML")
    return text


def _utf8(data: bytes) -> str:
    if b"\x00" in data:
        raise _Fail(_byte_position(data, data.index(b"\x00")), _BINARY)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Fail(_byte_position(data, exc.start), "not valid UTF-8 text (save the file as UTF-8)") from None


def _byte_position(data: bytes, index: int) -> Position:
    before = data[:index].decode("utf-8", "replace")
    return _where(before, len(before))


def _where(text: str, index: int) -> Position:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


# --------------------------------------------------------------------------- events: syntax and bounds


@dataclass
class _Frame:
    anchor: str | None
    size: int = 1


@dataclass
class _Scan:
    stack: list[_Frame] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)
    expanded: int = 0
    documents: int = 0


def _scan_events(source: str) -> None:
    """Check syntax, the number of documents, nesting depth and alias expansion before composing."""
    scan = _Scan()
    try:
        for event in yaml.parse(source, Loader=_Loader):
            _scan_event(scan, event)
    except yaml.YAMLError as exc:
        raise _yaml_fail(exc, source) from None
    if scan.documents == 0:
        raise _Fail((1, 1), "the file is empty; expected a mapping at the top")


def _scan_event(scan: _Scan, event: yaml.Event) -> None:
    if isinstance(event, yaml.DocumentStartEvent):
        scan.documents += 1
        if scan.documents > 1:
            raise _Fail(_mark(event.start_mark), "more than one document in the file (remove the second '---')")
    elif isinstance(event, yaml.CollectionStartEvent):
        if len(scan.stack) >= MAX_DEPTH:
            raise _Fail(_mark(event.start_mark), f"nested deeper than {MAX_DEPTH} levels")
        scan.stack.append(_Frame(event.anchor))
    elif isinstance(event, yaml.CollectionEndEvent):
        _close(scan, scan.stack.pop())
    elif isinstance(event, yaml.ScalarEvent):
        _close(scan, _Frame(event.anchor))
    elif isinstance(event, yaml.AliasEvent):
        _alias(scan, event)


def _close(scan: _Scan, frame: _Frame) -> None:
    if frame.anchor is not None:
        scan.sizes[frame.anchor] = frame.size
    if scan.stack:
        scan.stack[-1].size += frame.size


def _alias(scan: _Scan, event: yaml.AliasEvent) -> None:
    anchor = event.anchor or ""
    if any(frame.anchor == anchor for frame in scan.stack):
        raise _Fail(_mark(event.start_mark), f"alias '*{anchor}' refers to a mapping or list that contains it")
    if anchor not in scan.sizes:
        raise _Fail(_mark(event.start_mark), f"alias '*{anchor}' has no anchor '&{anchor}' before it")
    size = scan.sizes[anchor]
    scan.expanded += size
    if scan.expanded > MAX_ALIAS_NODES:
        raise _Fail(_mark(event.start_mark), "too many aliases / alias expansion too large")
    _close(scan, _Frame(None, size))


def _compose(source: str) -> Node:
    try:
        node: Node | None = yaml.compose(source, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise _yaml_fail(exc, source) from None
    if node is None or (isinstance(node, ScalarNode) and node.value == "" and node.tag == f"{_STD}null"):
        raise _Fail((1, 1), "the file is empty; expected a mapping at the top")
    if not isinstance(node, MappingNode):
        raise _Fail(_mark(node.start_mark), "expected a mapping at the top (lines of 'key: value')")
    return node


class _Mark(Protocol):
    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


def _mark(mark: _Mark | None) -> Position:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _yaml_fail(exc: yaml.YAMLError, source: str) -> _Fail:
    if isinstance(exc, yaml.MarkedYAMLError):
        position = _mark(exc.problem_mark or exc.context_mark)
        message = exc.problem or exc.context or "invalid YAML"
        if _is_tab(source, position) or "tab" in message:
            return _Fail(position, f"tab character: indent with spaces, not tabs ({message})")
        if exc.problem == "second occurrence" and exc.context:
            message = exc.context.removesuffix("; first occurrence")
        elif exc.problem and exc.context:
            where = f" at line {exc.context_mark.line + 1}" if exc.context_mark else ""
            message += f" ({exc.context}{where})"
        return _Fail(position, message)
    if isinstance(exc, yaml.reader.ReaderError):
        return _Fail(_where(source, min(exc.position, len(source))), exc.reason)
    return _Fail((1, 1), str(exc) or "invalid YAML")


def _is_tab(source: str, position: Position) -> bool:
    lines = source.split("\n")
    line, col = position
    return line <= len(lines) and col <= len(lines[line - 1]) and lines[line - 1][col - 1] == "\t"


# --------------------------------------------------------------------------- nodes to plain data


class _Builder:
    """Turns a composed node tree into plain data, recording positions and collecting problems."""

    def __init__(self) -> None:
        self.positions: PositionMap = {}
        self.problems: list[tuple[Position, str]] = []

    def value(self, node: Node, path: KeyPath, depth: int) -> object:
        if depth > MAX_DEPTH:
            raise _Fail(_mark(node.start_mark), f"nested deeper than {MAX_DEPTH} levels")
        self.positions.setdefault(path, _mark(node.start_mark))
        if isinstance(node, MappingNode):
            self._tag(node, f"{_STD}map")
            return self.mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            self._tag(node, f"{_STD}seq")
            return [self.value(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self.scalar(node)

    def _tag(self, node: Node, expected: str) -> bool:
        if node.tag == expected:
            return True
        shown = node.tag.replace(_STD, "!!")
        if node.tag.startswith(_STD) and not node.tag.startswith(f"{_STD}python"):
            self.problems.append((_mark(node.start_mark), f"tag '{shown}' is not supported here"))
        else:
            self.problems.append((_mark(node.start_mark), f"unsafe or unknown tag '{shown}'"))
        return False

    def scalar(self, node: Node) -> object:
        if node.tag not in _SCALAR_TAGS:
            self._tag(node, f"{_STD}str")
            return None
        name = node.tag.removeprefix(_STD)
        if name in ("str", "timestamp", "value", "merge"):
            return str(node.value)
        try:
            return getattr(_CONSTRUCT, f"construct_yaml_{name}")(node)
        except (ValueError, TypeError, KeyError, yaml.YAMLError):
            self.problems.append((_mark(node.start_mark), f"{node.value!r} is not a valid {name}"))
            return None

    def mapping(self, node: MappingNode, path: KeyPath, depth: int) -> dict[str | int, object]:
        result, merged_positions = self._merged(node, path, depth)
        own: dict[str | int, int] = {}
        for key_node, value_node in node.value:
            key = None if key_node.tag == f"{_STD}merge" else self.key(key_node)
            if key is None:
                continue
            position = _mark(key_node.start_mark)
            if key in own:
                self.problems.append((position, f"duplicate key '{key}' (first at line {own[key]})"))
                continue
            own[key] = position[0]
            self.positions[(*path, key, KEY)] = position
            result[key] = self.value(value_node, (*path, key), depth + 1)
        for where, position in merged_positions.items():
            if where[len(path)] not in own:
                self.positions.setdefault(where, position)
        return result

    def _merged(self, node: MappingNode, path: KeyPath, depth: int) -> tuple[dict[str | int, object], PositionMap]:
        """What the merge keys (``<<: *base``) of a mapping bring in, with their positions kept apart."""
        sources = [value for key, value in node.value if key.tag == f"{_STD}merge"]
        if not sources:
            return {}, {}
        outer, self.positions = self.positions, {}
        try:
            merged: dict[str | int, object] = {}
            for source in sources:
                merged.update(self.merge(source, path, depth))
            return merged, self.positions
        finally:
            self.positions = outer

    def merge(self, node: Node, path: KeyPath, depth: int) -> dict[str | int, object]:
        """The entries a merge key (``<<: *base``) brings in; the first source wins, own keys win over all."""
        sources = node.value if isinstance(node, SequenceNode) else [node]
        merged: dict[str | int, object] = {}
        for source in reversed(sources):
            if not isinstance(source, MappingNode):
                self.problems.append((_mark(source.start_mark), "'<<' must be followed by a mapping alias"))
                continue
            merged.update(self.mapping(source, path, depth + 1))
        return merged

    def key(self, node: Node) -> str | int | None:
        if not isinstance(node, ScalarNode):
            self.problems.append((_mark(node.start_mark), "a key must be a plain word or number"))
            return None
        if node.tag == f"{_STD}int":
            value = self.scalar(node)
            return value if isinstance(value, int) else None
        if node.tag in _SCALAR_TAGS:
            return str(node.value)
        self._tag(node, f"{_STD}str")
        return None
