"""Kind ``sos``: a quantum (Tsirelson-type) bound η ≥ ⟨B⟩ proven by a sum of squares.

The identity η·1 − B = Σ_i w_i P_i† P_i (``sos.terms``, weights w_i ≥ 0) or
η·1 − B = Σ_jk G_jk m_j† m_k with G ⪰ 0 (``sos.gram``, exact LDLᵀ) is checked in the free
algebra of ±1 observables: A_x² = 1 and operators of different parties commute.

data:
  field        optional number field of the coefficients
  scenario     binary-outcome scenario
  functional   Bell functional (notation ``conventions.form``) — or ``operator``: an expression
               in A0, A1, B0, … for B
  bound        η
  sos          {"terms": [{"weight": w, "polynomial": "A0 - ..."}]}  or
               {"gram": {"basis": ["1", "A0", "A0*B1", ...], "matrix": [[...]]}}
  relation     "upper" (η ≥ quantum maximum) or "max" (also attained: needs ``attained_by``)
  attained_by  {"state": [ψ entries], "observables": [[A_0, A_1, …], [B_0, …]]} (real matrices)
expected.counterexample (refuted): {"state": ..., "observables": ..., "value": v} with v > η.
"""
from __future__ import annotations

from ..core.linalg import psd_decide
from ..quantum.ncpoly import NCPoly, bell_operator, parse_operator
from ..quantum.strategy import StrategyError, check_observable, expectation
from . import Outcome, checker


def _operator(cert, reader, sc):
    if "operator" in cert.data:
        text = reader.get("data.operator", str)
        with reader.context("data.operator"):
            return parse_operator(text, sc.parties, sc.inputs, lambda q: reader.value("data.operator", q),
                                  reader.names())
    F = reader.functional(scenario=sc)
    with reader.context("data.functional"):
        return bell_operator(F)


def _poly(reader, where, text, sc):
    if not isinstance(text, str):
        raise reader.fail(where, "must be an operator expression string")
    with reader.context(where):
        return parse_operator(text, sc.parties, sc.inputs, lambda q: reader.value(where, q), reader.names())


def sos_sum(reader, sc) -> NCPoly:
    """Σ_i w_i P_i† P_i or Σ_jk G_jk m_j† m_k, after checking w_i ≥ 0 or G ⪰ 0."""
    sos = reader.get("data.sos", dict)
    total = NCPoly(sc.parties)
    if "terms" in sos:
        terms = reader.get("data.sos.terms", list)
        for i, t in enumerate(terms):
            where = f"data.sos.terms[{i}]"
            if not isinstance(t, dict):
                raise reader.fail(where, "must be an object {weight, polynomial}")
            w = reader.value(f"{where}.weight", t.get("weight"))
            if w < 0:
                raise reader.fail(f"{where}.weight", "negative weight in a sum of squares")
            P = _poly(reader, f"{where}.polynomial", t.get("polynomial"), sc)
            total = total + P.adjoint() * P * w
        return total
    gram = reader.get("data.sos.gram", dict)
    basis = gram.get("basis")
    matrix = gram.get("matrix")
    if not isinstance(basis, list) or not isinstance(matrix, list):
        raise reader.fail("data.sos.gram", "needs 'basis' (list) and 'matrix' (list of rows)")
    n = len(basis)
    if len(matrix) != n or any(not isinstance(r, list) or len(r) != n for r in matrix):
        raise reader.fail("data.sos.gram.matrix", f"must be {n}x{n} to match the basis")
    mons = [_poly(reader, f"data.sos.gram.basis[{i}]", b, sc) for i, b in enumerate(basis)]
    G = [[reader.value(f"data.sos.gram.matrix[{i}][{j}]", matrix[i][j]) for j in range(n)] for i in range(n)]
    with reader.context("data.sos.gram.matrix"):
        res = psd_decide(G)
    if not res.psd:
        raise reader.fail("data.sos.gram.matrix", "Gram matrix is not positive semidefinite (exact LDL^T)")
    for i in range(n):
        left = mons[i].adjoint()
        for j in range(n):
            if G[i][j] != 0:
                total = total + left * mons[j] * G[i][j]
    return total


def _strategy_value(reader, where, spec, B, sc):
    if not isinstance(spec, dict):
        raise reader.fail(where, "must be an object {state, observables}")
    obs_raw = spec.get("observables")
    if not isinstance(obs_raw, list) or len(obs_raw) != sc.parties:
        raise reader.fail(f"{where}.observables", f"needs one list of observables per party ({sc.parties})")
    observables = []
    for i, lst in enumerate(obs_raw):
        if not isinstance(lst, list) or len(lst) != sc.inputs[i]:
            raise reader.fail(f"{where}.observables[{i}]", f"needs {sc.inputs[i]} observables")
        party = []
        for x, M in enumerate(lst):
            w = f"{where}.observables[{i}][{x}]"
            if not isinstance(M, list) or not M or any(not isinstance(r, list) for r in M):
                raise reader.fail(w, "must be a matrix (list of rows)")
            O = [[reader.value(w, v) for v in row] for row in M]
            with reader.context(w):
                check_observable(O, f"observable {x} of party {i}")
            party.append(O)
        if len({len(O) for O in party}) != 1:
            raise reader.fail(f"{where}.observables[{i}]", "observables of one party differ in dimension")
        observables.append(party)
    state = spec.get("state")
    dim = 1
    for party in observables:
        dim *= len(party[0])
    if not isinstance(state, list) or len(state) != dim:
        raise reader.fail(f"{where}.state", f"must list {dim} amplitudes")
    psi = [reader.value(f"{where}.state[{k}]", v) for k, v in enumerate(state)]
    if sum((v * v for v in psi), 0) != 1:
        raise reader.fail(f"{where}.state", "state is not normalized")
    try:
        return expectation(B, psi, observables)
    except StrategyError as e:
        raise reader.fail(where, str(e)) from None


@checker("sos")
def decide(cert, reader) -> Outcome:
    sc = reader.scenario()
    if any(o != 2 for o in sc.outputs):
        raise reader.fail("data.scenario", "SOS certificates in ±1 observables need binary outcomes")
    B = _operator(cert, reader, sc)
    eta = reader.value("data.bound")
    relation = reader.get("data.relation", str)
    if relation not in ("max", "upper"):
        raise reader.fail("data.relation", f"unknown relation {relation!r} (max or upper)")
    if cert.verdict == "refuted":
        cx = cert.expected["counterexample"]
        v = _strategy_value(reader, "expected.counterexample", cx, B, sc)
        if reader.value("expected.counterexample.value", cx.get("value")) != v:
            raise reader.fail("expected.counterexample.value", "does not match the strategy's exact value")
        return Outcome("refuted" if v > eta else "verified", "strategy value exceeds the claimed bound")
    residual = (NCPoly.scalar(sc.parties, eta) - B) - sos_sum(reader, sc)
    if residual.terms:
        raise reader.fail("data.sos", f"identity eta*1 - B = SOS fails; residual has {len(residual.terms)} terms, "
                                      f"e.g. {residual.to_text()[:80]}")
    detail = "eta*1 - B is an exact sum of squares"
    if relation == "max":
        v = _strategy_value(reader, "data.attained_by", reader.get("data.attained_by"), B, sc)
        if v != eta:
            raise reader.fail("data.attained_by", "strategy does not attain the bound exactly")
        detail += "; attained exactly by the stated strategy"
    return Outcome("verified", detail)
