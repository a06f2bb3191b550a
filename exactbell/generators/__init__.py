"""The generator side: code that *produces* certificates (solvers, enumerations, searches).

Each module registers functions with :func:`generator`; ``exactbell prove`` runs them and writes
``proofs/<paper>/<id>.json`` atomically. Nothing here is trusted: every file written is then
re-decided by :mod:`exactbell.checkers`.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..certificates.format import dump_certificate, write_atomic


@dataclass
class Generator:
    id: str
    paper: str
    claim: str
    make: Callable[[], dict]
    slow: bool = False  # skipped by ``prove`` unless named or --all


GENERATORS: dict[str, Generator] = {}
_DISCOVERED = False


def generator(id_: str, paper: str, claim: str, slow: bool = False):
    def register(fn):
        if id_ in GENERATORS:
            raise RuntimeError(f"duplicate generator id {id_!r}")
        GENERATORS[id_] = Generator(id_, paper, claim, fn, slow)
        return fn

    return register


def discover() -> dict[str, Generator]:
    global _DISCOVERED
    if not _DISCOVERED:
        for mod in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{mod.name}")
        _DISCOVERED = True
    return GENERATORS


def select(targets: list[str], include_slow: bool = False) -> list[Generator]:
    """Generators whose id, claim id or id prefix matches a target (slow ones included), or
    whose paper key matches (slow ones only with ``include_slow``); no targets: every fast one."""
    gens = discover()
    out = []
    for g in gens.values():
        named = any(t in (g.id, g.claim) or g.id.startswith(t + ".") for t in targets)
        by_paper = not targets or g.paper in targets
        if named or (by_paper and (include_slow or not g.slow)):
            out.append(g)
    return out


def file_name(id_: str) -> str:
    return re.sub(r"[^A-Za-z0-9._=-]+", "_", id_) + ".json"


def write(gen: Generator, root: Path) -> Path:
    cert = gen.make()
    if cert["id"] != gen.id or cert["paper"] != gen.paper:
        raise RuntimeError(f"generator {gen.id} produced a certificate for {cert['id']}/{cert['paper']}")
    path = Path(root) / gen.paper / file_name(gen.id)
    write_atomic(path, dump_certificate(cert))
    return path
