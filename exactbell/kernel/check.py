"""Deciding one certificate file: envelope, kind, unread keys, expected verdict, pin. :func:`check_file` never
raises for bad input: a bad file is an ``error`` row, one line naming the file, the field and the problem."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from .envelope import CertificateError, load
from .expr import SPENT
from .kinds import discover
from .params import Context
from .pins import pin_for


@dataclass
class Result:
    id: str
    claim: str
    paper: str
    kind: str
    expected: str
    verdict: str  # verified | refuted | numeric-only | error
    passed: bool
    seconds: float
    detail: str
    path: str
    location: str = ""
    statement: str = ""  # the decided statement ("" when nothing was decided)
    summary: str = ""  # the certificate's free text, for display only
    pin: str = ""  # pinned | unpinned | differs | missing
    bracket: tuple | None = None


def decide(cert):
    """The kind's decision for a loaded certificate; every key of ``data`` must have been read."""
    kinds = discover()
    if cert.kind not in kinds:
        raise CertificateError(cert.path, "kind", f"unknown kind {cert.kind!r} (known: {', '.join(sorted(kinds))})")
    spent, SPENT[0] = SPENT[0], 0  # a composite's premises are metered on their own
    try:
        decision = kinds[cert.kind](cert, Context.of(cert), cert.data)
    finally:
        SPENT[0] = spent
    cert.data.close()
    return decision


def check_file(path) -> Result:
    t0 = time.perf_counter()
    path = str(path)
    row = dict(id=Path(path).stem, claim="", paper="", kind="", expected="", path=path)
    try:
        cert = load(path)
        row.update(id=cert.id, claim=cert.claim, paper=cert.paper, kind=cert.kind, expected=cert.expected,
                   location=cert.location, summary=cert.summary)
        d = decide(cert)
        pin_file, pins = pin_for(path)
    except Exception as e:  # bad input, or a kernel bug: an error row, never a pass nor a stopped run
        detail = str(e) if isinstance(e, CertificateError) else next(
            (f"{path}: data: {p}" for t, p in ((RecursionError, "nesting too deep"),
                                               (MemoryError, "memory limit exceeded")) if isinstance(e, t)),
            f"{path}: <kernel>: internal error {type(e).__name__}: {e}")
        detail = detail.replace("\r", "\\r").replace("\n", "\\n")  # one line, whatever the path or message
        return Result(**row, verdict="error", passed=False, seconds=time.perf_counter() - t0, detail=detail)
    passed, detail = d.verdict == cert.expected, d.detail
    if not passed:
        detail = f"{path}: expected {cert.expected}, the kernel decides {d.verdict}: {d.statement}"
    pin = "unpinned"
    if passed and pins is not None:
        want = pins.get(cert.id)
        if want is None:
            pin, passed, detail = "missing", False, f"{path}: id: no pin for {cert.id!r} in {pin_file}"
        elif (want["statement"], want["verdict"]) != (d.statement, d.verdict):
            pin, passed = "differs", False
            detail = (f"{path}: decided statement differs from its pin in {pin_file}: decided "
                      f"{d.verdict}: {d.statement!r}; pinned {want['verdict']}: {want['statement']!r}")
        else:
            pin = "pinned"
    return Result(**row, verdict=d.verdict, passed=passed, seconds=time.perf_counter() - t0, detail=detail,
                  statement=d.statement, pin=pin, bracket=d.bracket)


def certificate_files(paths) -> list[Path]:
    """Files and folders (recursively, ``*.json``) in a stable order."""
    out = []
    for p in map(Path, paths):
        out += sorted(q for q in p.rglob("*.json") if not q.name.startswith(".")) if p.is_dir() else [p]
    return out
