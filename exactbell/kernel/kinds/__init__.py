"""The generic kinds, one module each: ``decide(cert, ctx, data) -> Decision`` reads its witness from ``data``
(every key), builds what it relies on, decides exactly, never searches, and renders the statement it decided.
Where ``data.paper`` states the paper's value, the verdict says whether the paper agrees (docs/format.md).
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
    """(statement with the paper's value, verdict): ``holds``, whether the paper agrees (no paper text: verified)."""
    if paper_text is None:
        return statement, "verified"
    return f"{statement} (paper: {paper_text})", "verified" if holds else "refuted"
