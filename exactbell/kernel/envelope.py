"""Reading a certificate as hostile input: strict JSON, bounded, every key accounted for.

A certificate (schema version 2) is a JSON object with exactly these top-level keys::

    exactbell   2 (an integer; booleans are not numbers)
    id, claim, paper, kind, location, summary   strings (summary is free text, display only)
    expected    "verified" | "refuted" | "numeric-only"  -- what the kernel's verdict must be
    conventions {name: text}  -- the ones a kind relies on are read by it, the rest are display
    parameters  {name: "p/q" | "(lo, hi]" ...}  (optional; see :mod:`exactbell.kernel.params`)
    data        the witness, read by the kind through :class:`Obj`

Reading refuses: special files, more than ``FILE_BYTES`` bytes (counted while reading),
non-UTF-8, duplicate keys, JSON floats, NaN and Infinity, integers of more than ``INT_DIGITS``
digits, nesting deeper than ``JSON_DEPTH``, arrays longer than ``LIST_LENGTH``, control and
bidirectional-override characters, lone surrogates (escapes with no UTF-8 form) and non-ASCII digits
in any string. A kind reads ``data`` through :class:`Obj`, which records every key it takes; a key no
code read is an error (:meth:`Obj.close`).
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


class CertificateError(Exception):
    """Bad certificate: one line naming the file, the field and the problem."""

    def __init__(self, path, field: str, problem: str):
        self.path, self.field, self.problem = str(path), field, problem
        super().__init__(f"{self.path}: {field}: {problem}")


def read_bytes(path: Path, cap: int | None = None) -> bytes:
    """The bytes of a regular file, at most ``cap`` of them; the size is counted, not trusted."""
    cap = limits.FILE_BYTES if cap is None else cap
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
            if total > cap:
                raise CertificateError(path, "<file>", f"larger than the limit of {cap} bytes")
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
    return s


def parse_json(text: str, path) -> object:
    """Strict JSON: see the module docstring for what is refused."""
    depth = 0
    for m in _STRUCTURE.finditer(text):
        c = m.group()
        if c in "[{":
            depth += 1
            if depth > limits.JSON_DEPTH:
                raise CertificateError(path, "<file>", f"JSON nested deeper than {limits.JSON_DEPTH}")
        elif c in "]}":
            depth -= 1

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
            raise self.fail(where, f"expected an object, got {_type(raw)}")
        self.raw, self.used, self.children = raw, set(), []

    def fail(self, where: str, problem: str) -> CertificateError:
        return CertificateError(self.path, where, problem)

    def at(self, key) -> str:
        return f"{self.where}.{key}" if self.where else str(key)

    def has(self, key: str) -> bool:
        return key in self.raw

    def get(self, key: str, types=None, default=_MISSING):
        """The raw value at ``key`` (consumed); ``types`` restricts its JSON type."""
        if key not in self.raw:
            if default is not _MISSING:
                return default
            raise self.fail(self.at(key), "required field is missing")
        self.used.add(key)
        v = self.raw[key]
        if types is not None and (not isinstance(v, types) or (isinstance(v, bool) and bool not in _tuple(types))):
            raise self.fail(self.at(key), f"expected {_names(types)}, got {_type(v)}")
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
        out = []
        for k in self.raw:
            out.append((k, self.obj(k) if wrap and isinstance(self.raw[k], dict) else self.get(k)))
        return out

    def close(self) -> None:
        """Every key must have been read, here and in every child object that was opened."""
        extra = [k for k in self.raw if k not in self.used]
        if extra:
            raise self.fail(self.at(extra[0]), "unknown key (no code reads it)")
        for c in self.children:
            c.close()


def _tuple(types):
    return types if isinstance(types, tuple) else (types,)


_JSON_NAMES = {bool: "boolean", int: "integer", str: "string", list: "list", dict: "object", type(None): "null"}


def _names(types) -> str:
    return "/".join(_JSON_NAMES.get(t, t.__name__) for t in _tuple(types))


def _type(v) -> str:
    return _names(type(v))


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

    def error(self, field: str, problem: str) -> CertificateError:
        return CertificateError(self.path, field, problem)


def load(path) -> Certificate:
    """Read and validate the envelope; ``data`` is left to the kind."""
    path = Path(path)
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CertificateError(path, "<file>", "not UTF-8 text") from None
    top = Obj(parse_json(text, path), "", path)
    version = top.raw.get("exactbell")
    if top.get("exactbell", int) != SCHEMA_VERSION:
        raise CertificateError(path, "exactbell", f"unknown schema version {version!r} (this is version {SCHEMA_VERSION})")
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
    extra = [k for k in top.raw if k not in TOP_LEVEL]
    if extra:
        raise CertificateError(path, extra[0], "unknown top-level field")
    return Certificate(path, fields["id"], fields["claim"], fields["paper"], fields["kind"], fields["location"],
                       fields["summary"], expected, conventions, parameters, data)
