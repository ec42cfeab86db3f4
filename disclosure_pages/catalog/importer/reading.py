"""From raw bytes to one JSON object per line, or a line error: a bad line never raises.

Every line of an import file is untrusted. Python's ``json`` accepts text that cannot be
stored (a lone surrogate ``"\\ud800"``, a NUL ``"\\u0000"``) and raises RecursionError on
deep nesting; a single line can be gigabytes long. Each of these becomes a
:class:`Problem` here, so the checks that follow only ever see a dict of storable values.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from django.utils.translation import gettext as _

from .records import MAX_LINE_BYTES, Problem, shown

# Characters no database column takes: NUL (PostgreSQL refuses it) and UTF-16 surrogates
# (not encodable as UTF-8; they only arrive as \ud800-style escapes).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_SKIP_CHUNK = 1 << 16
_BOM = "\ufeff"


class LineStream(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


class _TooLong:
    """Stands for a line over :data:`MAX_LINE_BYTES`; only its size was kept."""

    def __init__(self, size: int) -> None:
        self.size = size


def _bounded_lines(source: Iterable[bytes | str] | LineStream, limit: int) -> Iterator[bytes | str | _TooLong]:
    """The lines of ``source``; a file's over-long line is skipped in chunks, never held whole."""
    if not hasattr(source, "readline"):
        for raw in source:  # type: ignore[union-attr]
            if len(raw) * 4 <= limit:  # no character takes more than four bytes
                yield raw
                continue
            data = raw if isinstance(raw, bytes) else raw.encode("utf-8", "surrogatepass")
            size = len(data) - data.endswith(b"\n")
            yield raw if size <= limit else _TooLong(size)
        return
    while raw := source.readline(limit + 2):
        if raw.endswith(b"\n") and len(raw) - 1 <= limit:
            yield raw
            continue
        size = len(raw) - raw.endswith(b"\n")
        while not raw.endswith(b"\n"):
            raw = source.readline(_SKIP_CHUNK)
            if not raw:
                break
            size += len(raw) - raw.endswith(b"\n")
        yield raw if size <= limit else _TooLong(size)


def read_lines(
    lines: Iterable[bytes | str] | LineStream, *, max_bytes: int = MAX_LINE_BYTES
) -> Iterator[tuple[int, str | Problem]]:
    """(line number, text) for each non-blank line, or a Problem for an unreadable one."""
    for number, raw in enumerate(_bounded_lines(lines, max_bytes), start=1):
        if isinstance(raw, _TooLong):
            message = _("行过长：%(size)d 字节，最多 %(limit)d 字节 (line too long: %(size)d bytes)")
            yield number, Problem(number, "json", message % {"size": raw.size, "limit": max_bytes})
            continue
        if isinstance(raw, bytes):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                message = _("不是 UTF-8 编码 (not UTF-8: %(reason)s at byte %(start)d)")
                yield number, Problem(number, "json", message % {"reason": exc.reason, "start": exc.start})
                continue
        else:
            text = raw
        if number == 1:
            text = text.removeprefix(_BOM)
        if text.strip():
            yield number, text


def parse_line(number: int, text: str) -> dict[str, Any] | Problem:
    """The line's JSON object, or why it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        message = _("JSON 格式错误 (invalid JSON): %(error)s, column %(column)d")
        return Problem(number, "json", message % {"error": exc.msg, "column": exc.colno})
    except RecursionError:
        return Problem(number, "json", _("JSON 嵌套过深 (nested too deeply)"))
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        return Problem(number, "json", _("JSON 无法读取 (unreadable JSON): %(error)s") % {"error": shown(str(exc))})
    if not isinstance(data, dict):
        message = _("每行应为一个 JSON 对象，实为 %(type)s (not an object)")
        return Problem(number, "json", message % {"type": type(data).__name__})
    return data


def unstorable_values(number: int, data: dict[str, Any]) -> list[Problem]:
    """A problem for each top-level field holding, at any depth, a NUL or a lone surrogate.

    Walked with a stack, not recursion: the parser accepts nesting deeper than Python's
    recursion limit allows a recursive walk to follow.
    """
    problems = []
    for key, value in data.items():
        stack: list[Any] = [key, value]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                found = _UNSTORABLE.search(item)
                if found:
                    problems.append(Problem(number, field_label(key), _unstorable_message(found.group())))
                    break
            elif isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
    return problems


def _unstorable_message(char: str) -> str:
    if char == "\x00":
        return _("含有 NUL 字符 U+0000，无法保存 (contains a NUL character)")
    message = _("含有孤立的代理项 U+%(code)04X，不是有效的 Unicode 文字 (lone surrogate: not valid Unicode)")
    return message % {"code": ord(char)}


def field_label(name: Any) -> str:
    """A field name as it may be printed: unstorable characters escaped, long names cut."""
    name = _UNSTORABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", str(name))
    return shown(name, 60)
