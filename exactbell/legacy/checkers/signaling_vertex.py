"""Kind ``signaling-vertex``: a behaviour of Eq. (9) (Sengupta–Wooltorton) and its ε values.

data:
  model        a named channel model (see :data:`exactbell.polytopes.signaling.MODELS`); the
               symbolic parameters must range over the model's domain (``DOMAINS``)
  fidelities   {"p": …, "q": …, "r": …, "s": …}: must agree with the model
  alice        truth table f_A[x][ỹ];  bob: truth table f_B[x̃][y]
  behaviour    the claimed 4×4 matrix (``conventions.form`` = "sw-4x4"), entries rational
               functions of the symbolic parameters
  epsilon      {"A->B": ε^{A→B}, "B->A": ε^{B→A}}: the largest NS scalar products, proven to be
               the maximum on the parameters' whole range by exact root isolation
"""
from __future__ import annotations

from ...kernel import upoly
from ...kernel.functional import from_sw_matrix
from ...kernel.poly import RationalFunction
from ...polytopes.signaling import DOMAINS, MODELS, ns_products_a_to_b, ns_products_b_to_a, vertex
from . import Outcome, checker


def _table(reader, where):
    t = reader.get(where, list)
    if len(t) != 2 or any(not isinstance(r, list) or len(r) != 2 or any(v not in (0, 1) or isinstance(v, bool)
                                                                          for v in r) for r in t):
        raise reader.fail(where, "must be a 2x2 truth table of 0/1 outputs")
    return t


def _dominates(reader, where, f: RationalFunction, g: RationalFunction) -> None:
    """Prove f ≥ g on the range of the single symbolic parameter (or exactly if there is none)."""
    d = f - g
    if not reader.symbols:
        if not d.evaluate({}) >= 0:
            raise reader.fail(where, "is not the largest scalar product")
        return
    if len(reader.symbols) != 1:
        raise reader.fail(where, "maximum over several symbolic parameters is not supported here")
    (name, (lo, hi)), = reader.symbols.items()
    num = d.num.univariate_coefficients(name)
    den = d.den.univariate_coefficients(name)
    den_signs = {s for _, s in upoly.sign_cells(den, lo, hi)}
    if len(den_signs) != 1 or 0 in den_signs:
        raise reader.fail(where, f"denominator vanishes or changes sign on [{lo}, {hi}]")
    sign = den_signs.pop()
    ok, x = upoly.nonnegative_on([c * sign for c in num], lo, hi)
    if not ok:
        raise reader.fail(where, f"is not the largest scalar product at {name} = {x}")


@checker("signaling-vertex")
def decide(cert, reader) -> Outcome:
    if cert.conventions.get("form") != "sw-4x4":
        raise reader.fail("conventions.form", "signaling-vertex behaviours are written in the sw-4x4 form")
    model = reader.get("data.model", str)
    if model not in MODELS:
        raise reader.fail("data.model", f"unknown channel model {model!r} (known: {', '.join(MODELS)})")
    for name, (lo, hi) in reader.symbols.items():
        if name not in DOMAINS[model] or (lo, hi) != tuple(reader.rational(f"parameters.{name}", v)
                                                            for v in DOMAINS[model][name]):
            raise reader.fail(f"parameters.{name}", f"range must be the model's domain {DOMAINS[model].get(name)}")
    fid_raw = reader.get("data.fidelities", dict)
    fid = {}
    for k in "pqrs":
        fid[k] = reader.symbolic(f"data.fidelities.{k}", fid_raw.get(k))
        if fid[k] != reader.symbolic(f"data.fidelities.{k}", MODELS[model][k]):
            raise reader.fail(f"data.fidelities.{k}", f"does not match model {model} ({k} = {MODELS[model][k]})")
    P = vertex(_table(reader, "data.alice"), _table(reader, "data.bob"), *(fid[k] for k in "pqrs"))
    matrix = reader.get("data.behaviour", list)
    if len(matrix) != 4 or any(not isinstance(r, list) or len(r) != 4 for r in matrix):
        raise reader.fail("data.behaviour", "must be a 4x4 matrix")
    claimed = from_sw_matrix(matrix)
    for k, (c, v) in enumerate(zip(claimed, P.values)):
        if reader.symbolic("data.behaviour", c) != v:
            i, j = divmod(k, 4)
            raise reader.fail("data.behaviour", f"entry for p(ab|xy) index {k} differs from Eq. (9): {v.to_text()}")
    eps = reader.get("data.epsilon", dict)
    for key, products in (("A->B", ns_products_a_to_b(P)), ("B->A", ns_products_b_to_a(P))):
        where = f"data.epsilon.{key}"
        e = reader.symbolic(where, eps.get(key))
        if not any(e == v for v in products):
            raise reader.fail(where, f"is none of the scalar products {[v.to_text() for v in products]}")
        for v in products:
            _dominates(reader, where, e, v)
    return Outcome("verified", "behaviour follows from Eq. (9); epsilon values are the maximal NS scalar products")
