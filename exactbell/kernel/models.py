"""The model library: scenarios and Bell functionals built from declarative specs.

Every convention a model relies on is read from ``conventions`` and required (no defaults):
``form`` (``probability`` | ``sw-4x4`` | ``correlator`` | ``collins-gisin``), ``order`` for the
probability form, ``marginals`` for terms that leave inputs open. See
:mod:`exactbell.kernel.functional` for the notations (Sengupta–Wooltorton Eq. (5) for ``sw-4x4``).
"""
from __future__ import annotations

import hashlib
from math import prod

from . import limits
from .envelope import Obj
from .functional import FORMS, MARGINAL_CONVENTIONS, BellFunctional, functional_from_spec
from .params import Context, scalar_text
from .scenario import Scenario, ScenarioError


def read_scenario(ctx: Context, data: Obj, key: str = "scenario") -> Scenario:
    """``{"inputs": [m_1, ...], "outputs": [o_1, ...]}``, at most ``limits.STRATEGIES`` local
    deterministic strategies."""
    spec = data.obj(key)
    ins, outs = spec.list("inputs"), spec.list("outputs")
    try:
        sc = Scenario(tuple(ins), tuple(outs))
    except ScenarioError as e:
        raise ctx.fail(spec.where, str(e)) from None
    if strategies(sc) > limits.STRATEGIES:
        raise ctx.fail(spec.where, f"{strategies(sc)} deterministic strategies exceed the limit {limits.STRATEGIES}")
    return sc


def strategies(sc: Scenario) -> int:
    return prod(o**m for m, o in zip(sc.inputs, sc.outputs))


def scenario_text(sc: Scenario) -> str:
    """(m_A,m_B;o_A,o_B): inputs, then outputs, per party."""
    return f"({','.join(map(str, sc.inputs))};{','.join(map(str, sc.outputs))})"


def read_functional(ctx: Context, data: Obj, sc: Scenario, key: str = "functional") -> tuple[BellFunctional, str]:
    """(F, canonical text of F) from its spec in the notation named by ``conventions.form``."""
    conv = ctx.cert.conventions
    form = conv.text("form", FORMS)
    spec = data.obj(key)
    conventions = {"form": form}
    if form in ("correlator", "collins-gisin"):
        conventions["marginals"] = conv.text("marginals", MARGINAL_CONVENTIONS)
        raw = {"terms": dict(spec.obj("terms").items(wrap=False))}
        shown = " + ".join(f"({v})*{k}" for k, v in sorted(raw["terms"].items()))
    elif form == "sw-4x4":
        raw = {"matrix": spec.list("matrix", 4)}
        shown = "[" + "; ".join(" ".join(map(str, r)) if isinstance(r, list) else "?" for r in raw["matrix"]) + "]"
    else:
        conventions["order"] = conv.text("order")
        raw = {"coefficients": spec.list("coefficients", sc.size)}
        shown = "[" + ", ".join(map(str, raw["coefficients"])) + "]"
    try:
        F = functional_from_spec(sc, raw, conventions, lambda c: ctx.value(spec, "<coefficient>", raw=c))
    except ScenarioError as e:
        raise ctx.fail(spec.where, str(e)) from None
    return F, functional_text(F, form, shown)


def functional_text(F: BellFunctional, form: str, shown: str) -> str:
    """The functional as written (short) or by the digest of its canonical coefficients."""
    if len(shown) <= 160:
        return f"{shown} ({form})"
    digest = hashlib.sha256(",".join(scalar_text(c) for c in F.coefficients).encode()).hexdigest()[:12]
    return f"F#{digest} ({form}, sha256 of the canonical coefficients)"
