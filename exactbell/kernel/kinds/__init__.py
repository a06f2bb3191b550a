"""The kinds: one module each, a few generic ones, registered with :func:`kind`.

A kind is ``decide(cert, ctx, data) -> Decision``. It reads its witness from ``data`` (an
:class:`~exactbell.kernel.envelope.Obj`; every key must be read), builds every object it relies
on from a declarative spec, decides with exact arithmetic and renders the statement it decided
from the data it decided. It never searches: no solver, no enumeration beyond the stated one.

The verdict concerns the paper: a kind decides what is true; where the certificate states the
paper's printed value or claim (``data.paper``), the verdict is ``verified`` when the two agree
and ``refuted`` when they do not, and the statement shows both.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass

KINDS: dict = {}


@dataclass(frozen=True)
class Decision:
    statement: str  # canonical, deterministic: what was decided
    verdict: str  # verified | refuted | numeric-only
    detail: str = ""  # one line on how it was decided
    bracket: tuple | None = None  # exact [lower, upper] as text, where the claim is an interval


def kind(name: str):
    """Register ``decide`` as the kind ``name``."""

    def register(fn):
        if name in KINDS:
            raise RuntimeError(f"two modules register kind {name!r}")
        KINDS[name] = fn
        return fn

    return register


def discover() -> dict:
    for mod in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{mod.name}")
    return KINDS


def against_paper(statement: str, holds: bool | None, paper_text: str | None) -> tuple[str, str]:
    """(statement with the paper's value, verdict): ``holds`` says whether the paper's claim agrees
    with what was decided (None: no paper value stated)."""
    if paper_text is None:
        return statement, "verified"
    return f"{statement} (paper: {paper_text})", "verified" if holds else "refuted"
