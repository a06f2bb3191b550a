"""Sengupta–Wooltorton vertex sets, symbolic in the channel parameters (exact, float-free).

Used by the ``sw-*`` checkers: the behaviours are the Eq. (9) points of
:mod:`exactbell.polytopes.signaling`, with fidelities given as polynomials in p, r.
"""
from __future__ import annotations

from fractions import Fraction

from ..kernel.poly import Poly, RationalFunction
from ..polytopes.signaling import MODELS, truth_tables, vertex

VERTEX_SETS = ("ns-deterministic",) + tuple(MODELS)


def fidelities(model: str, params: dict) -> tuple:
    """(p, q, r, s) as Poly/Fraction, with the model's parameters symbolic or fixed."""
    out = []
    for k in "pqrs":
        f = RationalFunction.parse(MODELS[model][k], list(params))
        num = f.num
        val = params_sub(num, params)
        out.append(val)
    return tuple(out)


def params_sub(poly: Poly, params: dict):
    fixed = {k: v for k, v in params.items() if v is not None}
    p = poly.substitute(fixed) if fixed else poly
    c = p.constant_value()
    return c if c is not None else p


def vertices(vertex_set: str, params: dict):
    """[(label, Behaviour)] for the named vertex set; params: name -> Fraction or None (symbolic)."""
    if vertex_set == "ns-deterministic":
        out = []
        for a in ((0, 0), (0, 1), (1, 0), (1, 1)):
            for b in ((0, 0), (0, 1), (1, 0), (1, 1)):
                fa = [[a[0], a[0]], [a[1], a[1]]]  # f_A(x, y~) = a_x
                fb = [[b[0], b[1]], [b[0], b[1]]]  # f_B(x~, y) = b_y
                half = Fraction(1, 2)
                out.append(((fa, fb), vertex(fa, fb, half, half, half, half)))
        return out
    if vertex_set not in MODELS:
        raise ValueError(f"unknown vertex set {vertex_set!r} (known: {', '.join(VERTEX_SETS)})")
    p, q, r, s = fidelities(vertex_set, params)
    tables = [tuple(tuple(row) for row in t) for t in truth_tables()]
    return [((fa, fb), vertex(fa, fb, p, q, r, s)) for fa in tables for fb in tables]


def distinct_values(F, verts) -> list:
    """Distinct values ⟨F, v⟩ (RationalFunction), in order of first appearance."""
    out: list = []
    for _, v in verts:
        val = RationalFunction.lift(F.value(v)) if not isinstance(F.value(v), RationalFunction) else F.value(v)
        if not any(val == w for w in out):
            out.append(val)
    return out
