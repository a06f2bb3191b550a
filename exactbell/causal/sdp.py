"""Numeric layer (untrusted): the block-reduced ICO SDPs of Liu–Chiribella, and exact rounding.

* :func:`solve_single_trigger` — SDP (23) for a single-trigger correlation in label-block form:
  minimise Σ_x Tr W_x / Π m_i  s.t.  W_x ⪰ Ω_x,  W ∈ Span(Choi(NoSig)).  The multipliers of the
  PSD constraints are (up to normalisation) an optimal process matrix S.
* :func:`solve_decomposition` — SDP (28): α = Σ_ξ α^ξ with α^ξ single-trigger for trigger ξ
  (coefficients free, may be negative), one dual W^ξ per trigger.
* :func:`exact_dual` / :func:`exact_process` — floats → rationals (``exactbell.numeric``-style
  dyadic rounding) → exact projection onto the linear constraints → rational shift/mix until the
  exact LDLᵀ test passes. Bipartite only.
"""
from __future__ import annotations

import time
from fractions import Fraction
from itertools import product
from math import prod

import numpy as np

from ..kernel.linalg import psd_decide
from . import exact as ex


def _np_block(M: dict, n: int) -> np.ndarray:
    A = np.zeros((n, n))
    for (r, c), v in M.items():
        A[r, c] = float(v)
    return A


def _dyadic(x: float, bits: int) -> Fraction:
    return Fraction(round(float(x) * (1 << bits)), 1 << bits)


def _ns_constraints(cp, W: dict, scenario):
    """Block form of the bipartite NS-span conditions as cvxpy equalities."""
    (n1, n2), (m1, m2) = scenario.inputs, scenario.outputs
    cons = []
    for x2 in range(n2):  # party A: Σ_{x1} Tr_{copy1} W_{x1 x2} = I_in1/m1 ⊗ Tr_{in1}(…)
        G = sum(cp.partial_trace(W[(x1, x2)], [m1, m1, m2, m2], axis=1) for x1 in range(n1))
        R = cp.partial_trace(G, [m1, m2, m2], axis=0)
        cons.append(G == cp.kron(np.eye(m1) / m1, R))
    for x1 in range(n1):  # party B
        H = sum(cp.partial_trace(W[(x1, x2)], [m1, m1, m2, m2], axis=3) for x2 in range(n2))
        R = cp.partial_trace(H, [m1, m1, m2], axis=2)
        cons.append(H == cp.kron(R, np.eye(m2) / m2))
    return cons


def _sym(cp, A):
    return (A + A.T) / 2


def solve_single_trigger(scenario, alpha: dict, trigger, solver="CLARABEL"):
    """Numeric ICO value of a single-trigger correlation; returns dict with W, S blocks (floats)."""
    import cvxpy as cp

    if scenario.parties != 2:
        raise ex.CausalError("the SDP is implemented for two parties")
    bad = ex.single_trigger_problem(scenario, alpha, trigger)
    if bad:
        raise ex.CausalError(bad)
    n = ex.block_space(scenario).size
    Om = {x: _np_block(B, n) for x, B in ex.omega_blocks(scenario, alpha, trigger).items()}
    W = {x: cp.Variable((n, n), symmetric=True) for x in scenario.contexts}
    psd = {x: (W[x] - Om[x] >> 0) for x in scenario.contexts}
    cons = list(psd.values()) + _ns_constraints(cp, W, scenario)
    obj = cp.Minimize(sum(cp.trace(W[x]) for x in scenario.contexts) / prod(scenario.outputs))
    prob = cp.Problem(obj, cons)
    t0 = time.perf_counter()
    prob.solve(solver=solver)
    dt = time.perf_counter() - t0
    S = {x: np.array(psd[x].dual_value) for x in scenario.contexts}
    return {"value": prob.value, "W": {x: W[x].value for x in W}, "S": S, "seconds": dt,
            "status": prob.status, "block_dim": n, "blocks": len(W),
            "equalities": sum(c.size for c in cons[len(psd):])}


def piece_parametrisation(scenario, xi):
    """Free scalars of a single-trigger piece with trigger ξ: one per (x, a_T), T = {i : x_i = ξ_i}."""
    out = []
    for x in scenario.contexts:
        T = [i for i in range(scenario.parties) if x[i] == xi[i]]
        for aT in product(*[range(scenario.outputs[i]) for i in T]):
            out.append((x, tuple(T), aT))
    return out


def solve_decomposition(scenario, alpha: dict, solver="CLARABEL"):
    """SDP (28): min Σ_ξ Tr W^ξ / Π m  s.t.  W^ξ ⪰ Ω(α^ξ), W^ξ ∈ Span(NoSig), Σ_ξ α^ξ = α."""
    import cvxpy as cp

    n = ex.block_space(scenario).size
    one = Fraction(1)
    pieces = {}
    cons = []
    total = {}  # (a, x) -> cvxpy expression Σ_ξ β^ξ_{a,x}
    objective = 0
    nscal = 0
    for xi in scenario.contexts:
        params = piece_parametrisation(scenario, xi)
        beta = cp.Variable(len(params))
        nscal += len(params)
        W = {x: cp.Variable((n, n), symmetric=True) for x in scenario.contexts}
        Om = {x: 0 for x in scenario.contexts}
        for k, (x, T, aT) in enumerate(params):
            # operator of the unit piece: coefficient 1 on all a with a_T = aT at context x
            unit = {(a, y): (one if (y == x and tuple(a[i] for i in T) == aT) else 0 * one)
                    for a, y in scenario.entries()}
            B = ex.omega_blocks(scenario, unit, xi)[x]
            Om[x] = Om[x] + beta[k] * _np_block(B, n)
            for a in scenario.outcomes:
                if tuple(a[i] for i in T) == aT:
                    total[(a, x)] = total.get((a, x), 0) + beta[k]
        psd = {x: (W[x] - Om[x] >> 0) for x in scenario.contexts}
        cons += list(psd.values()) + _ns_constraints(cp, W, scenario)
        objective = objective + sum(cp.trace(W[x]) for x in scenario.contexts) / prod(scenario.outputs)
        pieces[xi] = (params, beta, W, psd)
    eqs = [total[(a, x)] == float(alpha[(a, x)]) for a, x in scenario.entries()]
    prob = cp.Problem(cp.Minimize(objective), cons + eqs)
    t0 = time.perf_counter()
    prob.solve(solver=solver)
    dt = time.perf_counter() - t0
    return {"value": prob.value, "seconds": dt, "status": prob.status, "scalars": nscal, "block_dim": n,
            "blocks": len(scenario.contexts) ** 2, "equalities": len(eqs),
            "pieces": {xi: {"params": p, "beta": b.value, "W": {x: w.value for x, w in W.items()}}
                       for xi, (p, b, W, _) in pieces.items()}}


# ----------------------------------------------------------------------------------------------
# exact restoration
# ----------------------------------------------------------------------------------------------
def _to_blocks(full: dict, scenario) -> dict:
    dims, layout = ex.canonical_layout(scenario)
    space = ex.Space(dims)
    bsp = ex.block_space(scenario)
    N = scenario.parties
    out = {x: {} for x in scenario.contexts}
    for (R, C), v in full.items():
        dr, dc = space.digits[R], space.digits[C]
        x = tuple(dr[3 * i + 2] for i in range(N))
        if x != tuple(dc[3 * i + 2] for i in range(N)):
            raise ex.CausalError("operator is not block diagonal in the labels")
        r = bsp.index([d for i in range(N) for d in (dr[3 * i], dr[3 * i + 1])])
        c = bsp.index([d for i in range(N) for d in (dc[3 * i], dc[3 * i + 1])])
        out[x][(r, c)] = v
    return out


def project_ns(scenario, blocks: dict) -> dict:
    """Exact orthogonal projection Π_NS = Π_B ∘ Π_A, Π_X(W) = W − _{X_O}W + _{X_I X_O}W."""
    full, space, layout = ex.assemble(scenario, blocks)
    for inp, outs in layout:
        full = ex.combine([(1, full), (-1, ex.depolarize(full, space, outs)),
                           (1, ex.depolarize(full, space, (inp,) + tuple(outs)))])
    return _to_blocks(full, scenario)


def project_process(scenario, blocks: dict) -> dict:
    """Exact L_V projection followed by the trace fix Tr S = Π m_i n_i."""
    full, space, layout = ex.assemble(scenario, blocks)
    full = ex.lv_projection(full, space, layout)
    target = prod(m * n for m, n in zip(scenario.outputs, scenario.inputs))
    fix = (target - ex.trace(full, space)) / space.size
    for r in range(space.size):
        full[(r, r)] = full.get((r, r), 0) + fix
    return _to_blocks({k: v for k, v in full.items() if v != 0}, scenario)


def _round_blocks(blocks_np: dict, bits: int) -> dict:
    out = {}
    for x, A in blocks_np.items():
        A = (np.asarray(A) + np.asarray(A).T) / 2
        out[x] = {(r, c): _dyadic(A[r, c], bits) for r in range(A.shape[0]) for c in range(A.shape[1])
                  if round(A[r, c] * (1 << bits)) != 0}
    return out


def _lam_min(blocks: dict, n: int) -> float:
    return min(np.linalg.eigvalsh(_np_block(B, n))[0] for B in blocks.values())


def _psd_all(blocks: dict, n: int) -> bool:
    return all(psd_decide(ex.dense(B, n)).psd for B in blocks.values())


def exact_dual(scenario, alpha: dict, trigger, W_np: dict, bits=30, margin=1e-10, tries=6):
    """Rational dual W with W ∈ Span(NoSig) exactly and W − Ω ⪰ 0 (LDLᵀ); returns (slack, value)."""
    n = ex.block_space(scenario).size
    Om = ex.omega_blocks(scenario, alpha, trigger)
    W = project_ns(scenario, _round_blocks(W_np, bits))
    Z = {x: ex.combine([(1, W[x]), (-1, Om[x])]) for x in scenario.contexts}
    lam = _lam_min(Z, n)
    delta = max(0.0, -lam) + margin
    for _ in range(tries):
        d = Fraction(int(delta * 2 ** 40) + 1, 2 ** 40)
        Zd = {x: ex.combine([(1, Z[x]), (1, {(r, r): d for r in range(n)})]) for x in Z}
        if _psd_all(Zd, n):
            val = sum(ex.trace(ex.combine([(1, Zd[x]), (1, Om[x])]), None) for x in Zd) / prod(scenario.outputs)
            return Zd, val
        delta *= 4
    raise ex.CausalError("could not make the rounded dual exactly feasible")


def exact_process(scenario, alpha: dict, trigger, S_np: dict, bits=30, mix=1e-8, tries=6):
    """Rational valid process S (L_V, trace, LDLᵀ) near the numeric optimum; returns (blocks, value)."""
    n = ex.block_space(scenario).size
    tot = sum(np.trace(np.asarray(A)) for A in S_np.values())
    target = prod(m * nn for m, nn in zip(scenario.outputs, scenario.inputs))
    S = project_process(scenario, _round_blocks({x: np.asarray(A) * target / tot for x, A in S_np.items()}, bits))
    Om = ex.omega_blocks(scenario, alpha, trigger)
    ident = Fraction(target, n * len(S))  # the identity process restricted to each block
    t = mix
    for _ in range(tries):
        tq = Fraction(int(t * 2 ** 40) + 1, 2 ** 40)
        St = {x: ex.combine([(1 - tq, S[x]), (tq, {(r, r): ident for r in range(n)})]) for x in S}
        if _psd_all(St, n):
            val = sum(sum(v * Om[x].get(k, 0) for k, v in St[x].items()) for x in St)
            return St, val
        t *= 10
    raise ex.CausalError("could not make the rounded process exactly PSD")


def exact_decomposition(scenario, alpha: dict, sol: dict, bits=30, margin=1e-10):
    """Exact pieces α^ξ (rounded β, residual absorbed into the ξ = x piece at context x, so that
    Σ_ξ α^ξ = α holds exactly) and an exactly feasible dual per piece: [(ξ, α^ξ, slack, value)]."""
    zero = Fraction(0)
    pieces = {}
    for xi, p in sol["pieces"].items():
        tab = {k: zero for k in scenario.entries()}
        for (x, T, aT), b in zip(p["params"], p["beta"]):
            q = _dyadic(b, bits)
            for a in scenario.outcomes:
                if tuple(a[i] for i in T) == aT:
                    tab[(a, x)] += q
        pieces[xi] = tab
    for x in scenario.contexts:
        for a in scenario.outcomes:
            others = sum(pieces[xi][(a, x)] for xi in pieces if xi != x)
            pieces[x][(a, x)] = alpha[(a, x)] - others
    out = []
    for xi, tab in pieces.items():
        if all(v == 0 for v in tab.values()):
            continue
        Z, val = exact_dual(scenario, tab, xi, sol["pieces"][xi]["W"], bits=bits, margin=margin)
        out.append((xi, tab, Z, val))
    return out


# ----------------------------------------------------------------------------------------------
# facial reduction: an exact dual with a prescribed value (e.g. = causal bound)
# ----------------------------------------------------------------------------------------------
def _selector(support, n):
    V = np.zeros((n, len(support)))
    for k, s in enumerate(support):
        V[s, k] = 1
    return V


def solve_face(scenario, alpha: dict, trigger, supports: dict, value, solver="CLARABEL"):
    """max t s.t. W_x = V_x Q_x V_xᵀ + Ω_x ∈ Span(NoSig), Σ Tr W / Π m = value, Q_x ⪰ t I.

    ``supports[x]`` lists the block basis indices on which the slack may live (the face)."""
    import cvxpy as cp

    n = ex.block_space(scenario).size
    Om = {x: _np_block(B, n) for x, B in ex.omega_blocks(scenario, alpha, trigger).items()}
    Q = {x: cp.Variable((len(s), len(s)), symmetric=True) for x, s in supports.items() if s}
    t = cp.Variable()
    W = {x: (_selector(supports[x], n) @ Q[x] @ _selector(supports[x], n).T if x in Q else 0) + Om[x]
         for x in scenario.contexts}
    cons = _ns_constraints(cp, W, scenario)
    cons += [sum(cp.trace(W[x]) for x in scenario.contexts) / prod(scenario.outputs) == float(value), t <= 1]
    cons += [Q[x] - t * np.eye(Q[x].shape[0]) >> 0 for x in Q]
    prob = cp.Problem(cp.Maximize(t), cons)
    prob.solve(solver=solver)
    return prob.status, t.value, {x: Q[x].value for x in Q}


def exact_face_dual(scenario, alpha: dict, trigger, supports: dict, value, Q_np: dict, bits=40):
    """Round Q, project exactly onto the affine space {NS span, Σ Tr W/Π m = value}, check PSD.

    Returns the exact slack blocks (dicts) or raises CausalError."""
    import sympy

    n = ex.block_space(scenario).size
    Om = ex.omega_blocks(scenario, alpha, trigger)
    # unknowns: upper-triangular entries of each Q_x
    unknowns = [(x, i, j) for x, s in supports.items() for i in range(len(s)) for j in range(i, len(s))]

    def slack_of(vec):
        Z = {x: {} for x in scenario.contexts}
        for (x, i, j), v in zip(unknowns, vec):
            if v != 0:
                s = supports[x]
                Z[x][(s[i], s[j])] = v
                Z[x][(s[j], s[i])] = v
        return Z

    def residual(Z):
        W = {x: ex.combine([(1, Z[x]), (1, Om[x])]) for x in scenario.contexts}
        full, space, layout = ex.assemble(scenario, W)
        res = []
        keys = [(r, c) for r in range(space.size) for c in range(r, space.size)]
        for inp, outs in layout:
            D = ex.combine([(1, ex.depolarize(full, space, outs)), (-1, ex.depolarize(full, space, (inp,) + tuple(outs)))])
            res += [D.get(k, Fraction(0)) for k in keys]
        res.append(ex.trace(full, space) / prod(scenario.outputs) - value)
        return res

    zero = [Fraction(0)] * len(unknowns)
    r0 = residual(slack_of(zero))
    cols = []
    for k in range(len(unknowns)):
        e = list(zero)
        e[k] = Fraction(1)
        rk = residual(slack_of(e))
        cols.append([a - b for a, b in zip(rk, r0)])
    rows = [i for i in range(len(r0)) if any(c[i] != 0 for c in cols) or r0[i] != 0]
    A = sympy.Matrix([[sympy.Rational(c[i].numerator, c[i].denominator) for c in cols] for i in rows])
    b = sympy.Matrix([-sympy.Rational(r0[i].numerator, r0[i].denominator) for i in rows])
    q = []
    for (x, i, j) in unknowns:
        q.append(_dyadic(Q_np[x][i, j], bits))
    qv = sympy.Matrix([sympy.Rational(v.numerator, v.denominator) for v in q])
    # least-norm correction onto {A q = b}: q* = q + Aᵀ y, (A Aᵀ) y = b − A q (use independent rows)
    _, piv = A.T.rref()
    Ai = A.extract(list(piv), list(range(A.cols)))
    bi = b.extract(list(piv), [0])
    y = (Ai * Ai.T).LUsolve(bi - Ai * qv)
    qs = qv + Ai.T * y
    if A * qs != b:
        raise ex.CausalError("the face has no exact point with this value (inconsistent linear system)")
    Z = slack_of([Fraction(int(v.p), int(v.q)) for v in qs])
    for x in scenario.contexts:
        if not psd_decide(ex.dense(Z[x], n)).psd:
            raise ex.CausalError(f"the projected slack is not PSD in block {x}")
    return Z
