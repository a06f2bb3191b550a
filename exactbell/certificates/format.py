"""The certificate envelope (schema version 1): loading, validation, atomic writing.

A certificate is a JSON object (see ``schema.json`` beside this file and docs in README)::

    {"exactbell": 1, "id": "...", "claim": "C004-01", "paper": "<key>", "location": "...",
     "statement": "...", "kind": "<kind>", "expected": {"verdict": "verified" | "refuted" |
     "numeric-only", ...}, "conventions": {...}, "parameters": {...}, "data": {...}}

Certificate files are untrusted input. JSON floats, NaN and Infinity are rejected while parsing
(with the path of the offending field); every number is a string "p/q" or an integer.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SCHEMA_VERSION = 1
PAPERS = {
    "sengupta-wooltorton": "000_cb6ca0d9d73d2b22.txt",
    "liu-chiribella": "001_9340caeb216fe198.txt",
    "chaves-kueng-brask-gross": "002_85f309f25f4348cf.txt",
    "sainz-hoban-skrzypczyk-aolita": "003_377879e70ecc1f26.txt",
    "wooltorton-brown-colbeck": "004_a0cbac757052ac39.txt",
    "user": "",  # a user's own claims (e.g. certificates written by `exactbell bound quantum`)
}
VERDICTS = ("verified", "refuted", "numeric-only")
REQUIRED = ("exactbell", "id", "claim", "paper", "location", "statement", "kind", "expected", "conventions", "data")
MAX_FILE_BYTES = 64 * 1024 * 1024


class CertificateError(Exception):
    """Bad certificate: one line naming the file, the field and the problem."""

    def __init__(self, path, field_: str, problem: str):
        self.path, self.field, self.problem = str(path), field_, problem
        super().__init__(f"{self.path}: {field_}: {problem}")


class _FloatLiteral(str):
    """Marker for a JSON float literal, found and reported after parsing with its path."""


def _reject_constant(name):
    return _FloatLiteral(name)


def _find_floats(obj, path="") -> str | None:
    if isinstance(obj, _FloatLiteral):
        return path or "<root>"
    if isinstance(obj, dict):
        for k, v in obj.items():
            p = _find_floats(v, f"{path}.{k}" if path else str(k))
            if p:
                return p
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            p = _find_floats(v, f"{path}[{i}]")
            if p:
                return p
    return None


def parse_json_exact(text: str, path="<string>"):
    """json.loads that refuses floats/NaN/Infinity, naming the field where one occurs."""
    try:
        obj = json.loads(text, parse_float=_FloatLiteral, parse_constant=_reject_constant)
    except json.JSONDecodeError as e:
        raise CertificateError(path, f"line {e.lineno} col {e.colno}", f"malformed JSON: {e.msg}") from None
    where = _find_floats(obj)
    if where:
        bad = _lookup(obj, where)
        raise CertificateError(path, where, f"float literal {bad} where an exact number is required (write \"p/q\")")
    return obj


def _lookup(obj, dotted):
    import re

    for part in re.findall(r"[^.\[\]]+|\[\d+\]", dotted):
        obj = obj[int(part[1:-1])] if part.startswith("[") else obj[part]
    return obj


@dataclass
class Certificate:
    path: Path
    raw: dict
    id: str
    claim: str
    paper: str
    location: str
    statement: str
    kind: str
    expected: dict
    conventions: dict
    data: dict
    parameters: dict = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        return self.expected["verdict"]

    def error(self, field_: str, problem: str) -> CertificateError:
        return CertificateError(self.path, field_, problem)


def validate_envelope(obj, path) -> Certificate:
    if not isinstance(obj, dict):
        raise CertificateError(path, "<root>", "certificate must be a JSON object")
    missing = [k for k in REQUIRED if k not in obj]
    if missing:
        raise CertificateError(path, missing[0], "required field is missing")
    extra = sorted(set(obj) - set(REQUIRED) - {"parameters"})
    if extra:
        raise CertificateError(path, extra[0], "unknown top-level field")
    if obj["exactbell"] != SCHEMA_VERSION:
        raise CertificateError(path, "exactbell", f"unknown schema version {obj['exactbell']!r} (this is version {SCHEMA_VERSION})")
    for key in ("id", "claim", "paper", "location", "statement", "kind"):
        if not isinstance(obj[key], str) or not obj[key].strip():
            raise CertificateError(path, key, "must be a non-empty string")
    if obj["paper"] not in PAPERS:
        raise CertificateError(path, "paper", f"unknown paper key {obj['paper']!r} (known: {', '.join(PAPERS)})")
    exp = obj["expected"]
    if not isinstance(exp, dict) or exp.get("verdict") not in VERDICTS:
        raise CertificateError(path, "expected.verdict", f"must be one of {', '.join(VERDICTS)}")
    if exp["verdict"] == "refuted" and "counterexample" not in exp:
        raise CertificateError(path, "expected.counterexample", "a refuted claim must carry its exact counterexample")
    if exp["verdict"] == "numeric-only" and "tolerance" not in exp:
        raise CertificateError(path, "expected.tolerance", "a numeric-only claim must state its tolerance")
    for key in ("conventions", "data"):
        if not isinstance(obj[key], dict):
            raise CertificateError(path, key, "must be a JSON object")
    params = obj.get("parameters", {})
    if not isinstance(params, dict):
        raise CertificateError(path, "parameters", "must be a JSON object")
    return Certificate(Path(path), obj, obj["id"], obj["claim"], obj["paper"], obj["location"], obj["statement"],
                       obj["kind"], exp, obj["conventions"], obj["data"], params)


def load_certificate(path) -> Certificate:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CertificateError(path, "<file>", f"larger than {MAX_FILE_BYTES} bytes")
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise CertificateError(path, "<file>", f"cannot read: {e.strerror}") from None
    except UnicodeDecodeError:
        raise CertificateError(path, "<file>", "not UTF-8 text") from None
    return validate_envelope(parse_json_exact(text, path), path)


def _compact(obj, indent: int) -> str:
    """JSON with one key per line, but lists of scalars (and short nested lists) on one line."""
    flat = json.dumps(obj, ensure_ascii=False)
    if not isinstance(obj, (dict, list)) or (isinstance(obj, list) and len(flat) <= 100):
        return flat
    pad, inner = " " * indent, " " * (indent + 1)
    if isinstance(obj, list):
        return "[\n" + ",\n".join(inner + _compact(v, indent + 1) for v in obj) + "\n" + pad + "]"
    if not obj:
        return "{}"
    items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {_compact(v, indent + 1)}" for k, v in obj.items()]
    return "{\n" + ",\n".join(items) + "\n" + pad + "}"


def dump_certificate(obj: dict) -> str:
    return _compact(obj, 0) + "\n"


def write_atomic(path, text: str | bytes) -> None:
    """Write text (or bytes) via a temporary file in the same folder and rename: never a half-written file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600 files; give the usual permissions
        with (os.fdopen(fd, "wb") if isinstance(text, bytes) else os.fdopen(fd, "w", encoding="utf-8")) as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def envelope2(id_: str, claim: str, paper: str, location: str, summary: str, kind: str, expected: str,
              conventions: dict, data: dict, parameters: dict | None = None) -> dict:
    """A schema-2 (kernel) certificate dict in the canonical key order; ``expected`` is the verdict
    the kernel must reach, ``summary`` free text for display (see exactbell.kernel.envelope)."""
    obj = {"exactbell": 2, "id": id_, "claim": claim, "paper": paper, "kind": kind, "location": location,
           "summary": summary, "expected": expected, "conventions": conventions}
    if parameters:
        obj["parameters"] = parameters
    obj["data"] = data
    return obj


def envelope(id_: str, claim: str, paper: str, location: str, statement: str, kind: str,
             expected: dict, conventions: dict, data: dict, parameters: dict | None = None) -> dict:
    """Assemble a certificate dict in the canonical key order (used by generators)."""
    obj = {"exactbell": SCHEMA_VERSION, "id": id_, "claim": claim, "paper": paper, "location": location,
           "statement": statement, "kind": kind, "expected": expected, "conventions": conventions}
    if parameters:
        obj["parameters"] = parameters
    obj["data"] = data
    return obj
