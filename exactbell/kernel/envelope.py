"""Reading a certificate (schema 2, docs/format.md) as hostile input: a regular file under a byte cap, strict
UTF-8 JSON (no duplicate keys, floats, NaN, huge integers, deep nesting, long lists, control, bidirectional or
surrogate characters, non-ASCII digits), and :class:`Obj`, which rejects every key no code read.
"""
from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from . import limits

SCHEMA_VERSION = 2
PAPERS = ("sengupta-wooltorton", "liu-chiribella", "chaves-kueng-brask-gross", "sainz-hoban-skrzypczyk-aolita",
          "wooltorton-brown-colbeck", "user")
VERDICTS = ("verified", "refuted", "numeric-only")
TOP_LEVEL = ("exactbell", "id", "claim", "paper", "kind", "location", "summary", "expected", "conventions",
             "parameters", "data")
_BAD_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_FOREIGN_DIGIT = re.compile(r"(?![0-9])\d")  # e.g. U+09EA (Bengali four), which reads as 8
_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)
_DEPTH = {"[": 1, "{": 1, "]": -1, "}": -1}


class CertificateError(Exception):
    """Bad certificate: one line naming the file, the field and the problem."""

    def __init__(self, path, field: str, problem: str):
        self.path, self.field, self.problem = str(path), field, problem
        super().__init__(f"{self.path}: {field}: {problem}")


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file, at most ``limits.FILE_BYTES`` of them; the size is counted, not trusted."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as e:
        raise CertificateError(path, "<file>", f"cannot open: {e.strerror}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise CertificateError(path, "<file>", "not a regular file")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            total += len(chunk)
            if total > limits.FILE_BYTES:
                raise CertificateError(path, "<file>", f"larger than the limit of {limits.FILE_BYTES} bytes")
            chunks.append(chunk)
    except OSError as e:
        raise CertificateError(path, "<file>", f"cannot read: {e.strerror}") from None
    finally:
        os.close(fd)


def _check_text(path, where, s: str) -> str:
    for bad, what in ((_BAD_CHARS, "control or invisible character U+{:04X} in text"),
                      (_FOREIGN_DIGIT, "non-ASCII digit U+{:04X} in text (write 0-9)")):
        if m := bad.search(s):
            raise CertificateError(path, where, what.format(ord(m.group())))


def parse_json(text: str, path) -> object:
    """Strict JSON (see the module docstring); the depth is counted before parsing."""
    depth = 0
    for m in _STRUCTURE.finditer(text):
        depth += _DEPTH.get(m.group(), 0)
        if depth > limits.JSON_DEPTH:
            raise CertificateError(path, "<file>", f"JSON nested deeper than {limits.JSON_DEPTH}")

    def pairs(items):
        out = {}
        for k, v in items:
            _check_text(path, "<key>", k)
            if k in out:
                raise CertificateError(path, k, "duplicate key")
            out[k] = v
        return out

    def reject_float(s):
        raise CertificateError(path, "<number>", f"float literal {s} where an exact number is required (write \"p/q\")")

    def bounded_int(s):
        if len(s.lstrip("-")) > limits.INT_DIGITS:
            raise CertificateError(path, "<number>", f"integer literal of more than {limits.INT_DIGITS} digits")
        return int(s)

    try:
        obj = json.loads(text, object_pairs_hook=pairs, parse_float=reject_float, parse_int=bounded_int,
                         parse_constant=reject_float)
    except json.JSONDecodeError as e:
        raise CertificateError(path, f"line {e.lineno} col {e.colno}", f"malformed JSON: {e.msg}") from None
    _check_tree(obj, path)
    return obj


def _check_tree(obj, path) -> None:
    stack = [(obj, "<root>")]
    while stack:
        o, where = stack.pop()
        if isinstance(o, str):
            _check_text(path, where, o)
        elif isinstance(o, list):
            if len(o) > limits.LIST_LENGTH:
                raise CertificateError(path, where, f"list longer than {limits.LIST_LENGTH}")
            stack.extend((v, f"{where}[{i}]") for i, v in enumerate(o))
        elif isinstance(o, dict):
            stack.extend((v, k if where == "<root>" else f"{where}.{k}") for k, v in o.items())


_MISSING = object()


class Obj:
    """A JSON object of the certificate, read key by key; :meth:`close` rejects keys nobody read."""

    def __init__(self, raw, where: str, path):
        self.path, self.where = path, where
        if not isinstance(raw, dict):
            raise self.fail(where, f"expected an object, got {_names(type(raw))}")
        self.raw, self.used, self.children = raw, set(), []

    def fail(self, where: str, problem: str) -> CertificateError:
        return CertificateError(self.path, where, problem)

    def at(self, key) -> str:
        return f"{self.where}.{key}" if self.where else str(key)

    def has(self, key: str) -> bool:
        return key in self.raw

    def get(self, key: str, types=None, default=_MISSING):
        """The raw value at ``key`` (consumed); ``types`` restricts its JSON type (a boolean is not an integer)."""
        if key not in self.raw:
            if default is not _MISSING:
                return default
            raise self.fail(self.at(key), "required field is missing")
        self.used.add(key)
        v, types = self.raw[key], types if types is None or isinstance(types, tuple) else (types,)
        if types is not None and (not isinstance(v, types) or (isinstance(v, bool) and bool not in types)):
            raise self.fail(self.at(key), f"expected {_names(types)}, got {_names(type(v))}")
        return v

    def obj(self, key: str, default=_MISSING) -> Obj:
        if key not in self.raw and default is not _MISSING:
            return default
        child = Obj(self.get(key), self.at(key), self.path)
        self.children.append(child)
        return child

    def list(self, key: str, length: int | None = None, default=_MISSING) -> list:
        v = self.get(key, list, default)
        if length is not None and v is not default and len(v) != length:
            raise self.fail(self.at(key), f"expected {length} entries, got {len(v)}")
        return v

    def objs(self, key: str, length: int | None = None) -> list[Obj]:
        """A list of objects, each read key by key (and closed with this one)."""
        out = [Obj(v, f"{self.at(key)}[{i}]", self.path) for i, v in enumerate(self.list(key, length))]
        self.children += out
        return out

    def text(self, key: str, choices=None, default=_MISSING) -> str:
        v = self.get(key, str, default)
        if choices is not None and v is not default and v not in choices:
            raise self.fail(self.at(key), f"{v!r} is not one of {', '.join(map(str, choices))}")
        return v

    def int(self, key: str, lo: int = 0, hi: int = 10**6, default=_MISSING) -> int:
        v = self.get(key, int, default)
        if v is not default and not lo <= v <= hi:
            raise self.fail(self.at(key), f"{v} is not an integer in [{lo}, {hi}]")
        return v

    def flag(self, key: str, default=_MISSING) -> bool:
        return self.get(key, bool, default)

    def items(self, wrap=True):
        """All (key, value) pairs, consumed; values that are objects come wrapped."""
        return [(k, self.obj(k) if wrap and isinstance(v, dict) else self.get(k)) for k, v in self.raw.items()]

    def close(self) -> None:
        """Every key must have been read, here and in every child object that was opened."""
        if extra := [k for k in self.raw if k not in self.used]:
            raise self.fail(self.at(extra[0]), "unknown key (no code reads it)")
        for c in self.children:
            c.close()


_JSON_NAMES = {bool: "boolean", int: "integer", str: "string", list: "list", dict: "object", type(None): "null"}


def _names(types) -> str:
    return "/".join(_JSON_NAMES.get(t, t.__name__) for t in (types if isinstance(types, tuple) else (types,)))


@dataclass
class Certificate:
    path: Path
    id: str
    claim: str
    paper: str
    kind: str
    location: str
    summary: str
    expected: str
    conventions: Obj
    parameters: Obj
    data: Obj


def load(path) -> Certificate:
    """Read and validate the envelope; ``data`` is left to the kind."""
    path = Path(path)
    try:
        text = read_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        raise CertificateError(path, "<file>", "not UTF-8 text") from None
    top = Obj(parse_json(text, path), "", path)
    if (version := top.get("exactbell", int)) != SCHEMA_VERSION:
        raise CertificateError(path, "exactbell",
                               f"unknown schema version {version} (this is version {SCHEMA_VERSION})")
    fields = {}
    for key in ("id", "claim", "paper", "kind", "location", "summary"):
        v = top.text(key)
        cap = limits.TEXT_CHARS if key in ("location", "summary") else limits.ID_CHARS
        if not v.strip() or len(v) > cap:
            raise CertificateError(path, key, f"must be a non-empty string of at most {cap} characters")
        fields[key] = v
    if fields["paper"] not in PAPERS:
        raise CertificateError(path, "paper", f"unknown paper key {fields['paper']!r} (known: {', '.join(PAPERS)})")
    expected = top.text("expected", VERDICTS)
    conventions = top.obj("conventions")
    for k, v in conventions.raw.items():
        if not isinstance(v, str) or len(v) > limits.TEXT_CHARS:
            raise CertificateError(path, f"conventions.{k}", "must be a string of at most "
                                   f"{limits.TEXT_CHARS} characters")
    parameters = top.obj("parameters", default=None) or Obj({}, "parameters", path)
    data = top.obj("data")
    if extra := [k for k in top.raw if k not in TOP_LEVEL]:
        raise CertificateError(path, extra[0], "unknown top-level field")
    return Certificate(path, **fields, expected=expected, conventions=conventions, parameters=parameters, data=data)
