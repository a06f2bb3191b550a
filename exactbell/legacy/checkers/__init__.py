"""The trusted checker: decides certificates with exact arithmetic only.

Each certificate kind has one small module in this package that registers a function
``decide(cert, reader) -> Outcome`` with :func:`checker`. Modules are discovered
automatically, so a new kind is a new file. Checkers never call a solver, never accept a
float, never evaluate file text (parsing goes through :mod:`exactbell.kernel.expr`).

A certificate *passes* when the checker's own verdict equals the certificate's expected
verdict (and, for ``refuted``, the stated counterexample is confirmed exactly).
"""
from __future__ import annotations

import importlib
import pkgutil
import time
from dataclasses import dataclass
from pathlib import Path

from ...certificates.format import Certificate, CertificateError, load_certificate
from ...kernel.check import Result
from .reader import Reader

VERDICTS = ("verified", "refuted", "numeric-only")


@dataclass
class Outcome:
    verdict: str  # verified | refuted | numeric-only
    detail: str  # one line: what was established
    bracket: tuple | None = None  # optional exact interval [lower, upper] as text, for the claims table


CHECKERS: dict = {}
_DISCOVERED = False


def checker(kind: str):
    """Register ``decide(cert, reader) -> Outcome`` for certificates of ``kind``."""

    def register(fn):
        if kind in CHECKERS and CHECKERS[kind] is not fn:
            raise RuntimeError(f"two checkers for kind {kind!r}")
        CHECKERS[kind] = fn
        return fn

    return register


def discover() -> dict:
    global _DISCOVERED
    if not _DISCOVERED:
        for mod in pkgutil.iter_modules(__path__):
            if mod.name != "reader":
                importlib.import_module(f"{__name__}.{mod.name}")
        _DISCOVERED = True
    return CHECKERS


def decide(cert: Certificate) -> Outcome:
    kinds = discover()
    if cert.kind not in kinds:
        raise cert.error("kind", f"unknown certificate kind {cert.kind!r} (known: {', '.join(sorted(kinds))})")
    reader = Reader(cert)
    with reader.context("data"):
        outcome = kinds[cert.kind](cert, reader)
    if outcome.verdict not in VERDICTS:
        raise RuntimeError(f"checker for {cert.kind} returned verdict {outcome.verdict!r}")
    return outcome


def check_file(path) -> Result:
    """Load and decide one certificate file; never raises for bad input."""
    t0 = time.perf_counter()
    path = str(path)
    try:
        cert = load_certificate(path)
    except CertificateError as e:
        return Result(id=Path(path).stem, claim="", paper="", kind="legacy", expected="", verdict="error",
                      passed=False, seconds=time.perf_counter() - t0, detail=str(e), path=path, pin="legacy")
    try:
        out = decide(cert)
        passed = out.verdict == cert.verdict
        detail = out.detail if passed else f"expected {cert.verdict}, checker says {out.verdict}: {out.detail}"
        verdict, bracket = out.verdict, out.bracket
    except CertificateError as e:
        verdict, passed, detail, bracket = "error", False, str(e), None
    except RecursionError:
        verdict, passed, detail, bracket = "error", False, f"{path}: data: nesting too deep", None
    except Exception as e:  # a checker bug must never pass a certificate nor stop the run
        verdict, passed, detail, bracket = "error", False, f"{path}: <checker>: internal error {type(e).__name__}: {e}", None
    return Result(id=cert.id, claim=cert.claim, paper=cert.paper, kind=f"legacy:{cert.kind}", expected=cert.verdict,
                  verdict=verdict, passed=passed, seconds=time.perf_counter() - t0, detail=detail, path=path,
                  location=cert.location, summary=cert.statement, pin="legacy", bracket=bracket)


def certificate_files(paths) -> list[Path]:
    """Expand files and folders (recursively, ``*.json``) in a stable order."""
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(q for q in p.rglob("*.json") if not q.name.startswith("."))
        else:
            out.append(p)
    return out
