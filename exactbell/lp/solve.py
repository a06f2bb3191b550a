"""Numeric LP solving (scipy HiGHS) and exact reconstruction of primal, dual and Farkas vectors.

Untrusted: produces candidates only. Every returned vector has been verified exactly with
:mod:`exactbell.lp.exact`; if reconstruction fails, :class:`ReconstructionError` is raised.

Reconstruction strategy (both for primal and dual):
1. round every float to the nearest rational with denominator ≤ K for growing K
   (1, 2, 3, 4, 6, 8, 12, …, 10^6) and test exactly;
2. otherwise solve the *active* linear system exactly (flint ``fmpq_mat.rref``): for the primal,
   the support columns against the equality rows and the active inequality rows; for the dual,
   the dual support against the tight columns; free unknowns are fixed at their rounded values.
"""
from __future__ import annotations

import time
from fractions import Fraction

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix

from . import exact
from .exact import LP

TOL = 1e-9
DENOMS = (1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 30, 32, 48, 60, 64, 120, 240, 360, 720, 1600, 2520, 5040,
          10**4, 10**5, 10**6)


class ReconstructionError(RuntimeError):
    pass


def _rat(v: float, K: int) -> Fraction:
    if abs(v) < TOL:
        return Fraction(0)
    return Fraction(float(v)).limit_denominator(K)


def scipy_form(lp: LP, t: Fraction = Fraction(0)):
    rhs = lp.rhs(t)
    eq = [i for i in range(lp.nrows) if lp.senses[i] == "="]
    ge = [i for i in range(lp.nrows) if lp.senses[i] == ">="]

    def mat(idx, sign):
        data, ri, ci = [], [], []
        for r, i in enumerate(idx):
            for j, v in lp.rows[i].items():
                data.append(sign * float(v))
                ri.append(r)
                ci.append(j)
        return csr_matrix((data, (ri, ci)), shape=(len(idx), lp.ncols))

    c = np.zeros(lp.ncols)
    for j, v in lp.objective.items():
        c[j] = float(v)
    bounds = [(0, None) if nn else (None, None) for nn in lp.nonneg]
    return dict(c=c, A_eq=mat(eq, 1) if eq else None, b_eq=np.array([float(rhs[i]) for i in eq]) if eq else None,
                A_ub=mat(ge, -1) if ge else None, b_ub=np.array([-float(rhs[i]) for i in ge]) if ge else None,
                bounds=bounds), eq, ge


def solve(lp: LP, t: Fraction = Fraction(0), method: str = "highs-ds"):
    """Numeric solve. Returns (status, value, x, y) with y indexed by LP row in our sign convention."""
    kw, eq, ge = scipy_form(lp, t)
    res = linprog(method=method, **kw)
    if res.status == 2:
        return "infeasible", None, None, None
    if res.status == 3:
        return "unbounded", None, None, None
    if res.status != 0:
        raise RuntimeError(f"HiGHS failed: {res.message}")
    y = np.zeros(lp.nrows)
    if eq:
        y[eq] = res.eqlin.marginals
    if ge:
        y[ge] = -res.ineqlin.marginals
    return "optimal", res.fun, res.x, y


def _exact_solve(rows_idx, cols_idx, coef, rhs, guess):
    """Solve Σ_j coef(i, j) v_j = rhs_i (i ∈ rows_idx, j ∈ cols_idx) exactly; free unknowns = guess."""
    import flint

    m, n = len(rows_idx), len(cols_idx)
    if n == 0:
        return {}
    if m * n > 4_000_000:
        raise ReconstructionError(f"active system {m}x{n} too large for a dense exact solve")
    M = flint.fmpq_mat(m, n + 1)
    for r, i in enumerate(rows_idx):
        for k, j in enumerate(cols_idx):
            v = coef(i, j)
            if v:
                M[r, k] = flint.fmpq(v.numerator, v.denominator)
        b = rhs[r]
        M[r, n] = flint.fmpq(b.numerator, b.denominator)
    R, rank = M.rref()
    pivots = []
    for r in range(rank):
        k = next(k for k in range(n + 1) if R[r, k] != 0)
        if k == n:
            raise ReconstructionError("active system is inconsistent")
        pivots.append(k)
    free = [k for k in range(n) if k not in set(pivots)]
    sol = {k: guess[k] for k in free}
    for r, k in enumerate(pivots):
        val = R[r, n]
        for f in free:
            if R[r, f] != 0:
                val -= R[r, f] * flint.fmpq(sol[f].numerator, sol[f].denominator)
        sol[k] = Fraction(int(val.p), int(val.q))
    return {cols_idx[k]: sol[k] for k in range(n)}


def _aux_columns(lp: LP, cols) -> list:
    """Columns with positive cost occurring only in '>=' rows with positive coefficients: at an
    optimum they equal the largest lower bound their rows impose (ℓ1 / ℓ∞ epigraph variables)."""
    out = []
    for j in range(lp.ncols):
        if lp.objective.get(j, 0) > 0 and lp.nonneg[j] and cols[j] and all(
                lp.senses[i] == ">=" and a > 0 for i, a in cols[j].items()):
            out.append(j)
    return out


def _lift(lp: LP, cand: dict, aux: list, cols, rhs) -> dict:
    cand = {j: v for j, v in cand.items() if j not in set(aux)}
    for j in aux:
        best = Fraction(0)
        for i, a in cols[j].items():
            s = sum((v * cand[k] for k, v in lp.rows[i].items() if k != j and k in cand), Fraction(0))
            best = max(best, (rhs[i] - s) / a)
        if best:
            cand[j] = best
    return cand


def canonicalize_primal(lp: LP, x: dict) -> dict:
    """Move the weight of every column onto the first column identical to it (same coefficients,
    cost and sign): an exact, value-preserving rewrite."""
    if not x:
        return x
    cols = lp.columns()
    first, out = {}, {}
    for j in range(lp.ncols):
        key = (tuple(sorted(cols[j].items())), lp.objective.get(j, 0), lp.nonneg[j])
        first.setdefault(key, j)
        if j in x:
            k = first[key]
            out[k] = out.get(k, Fraction(0)) + x[j]
    return {j: v for j, v in out.items() if v}


def reconstruct_primal(lp: LP, x, t=Fraction(0), value: float | None = None, target=None) -> dict:
    """Exact primal point: rounding (epigraph columns recomputed exactly), else an exact solve.
    With ``target`` its objective must equal it exactly; else be within 1e-7 of ``value``."""
    cols = lp.columns()
    aux = _aux_columns(lp, cols)
    rhs = lp.rhs(t)

    def ok(cand):
        if exact.primal_violation(lp, cand, t) is not None:
            return False
        v = exact.objective_value(lp, cand)
        if target is not None:
            return v == target
        return value is None or abs(float(v) - value) < 1e-7

    for K in DENOMS:
        cand = {j: _rat(v, K) for j, v in enumerate(x)}
        cand = _lift(lp, {j: v for j, v in cand.items() if v}, aux, cols, rhs)
        if ok(cand):
            return cand
    support = [j for j, v in enumerate(x) if (v > TOL or (not lp.nonneg[j] and abs(v) > TOL)) and j not in set(aux)]
    xs = np.asarray(x)
    active = []
    auxset = set(aux)
    for i, row in enumerate(lp.rows):
        if lp.senses[i] == "=":
            active.append(i)
        elif not any(j in auxset for j in row):
            s = sum(float(v) * xs[j] for j, v in row.items())
            if abs(s - float(rhs[i])) < 1e-7:
                active.append(i)
    guess = [_rat(x[j], 10**6) for j in support]
    sol = _exact_solve(active, support, lambda i, j: lp.rows[i].get(j, 0), [rhs[i] for i in active], guess)
    cand = _lift(lp, {j: v for j, v in sol.items() if v}, aux, cols, rhs)
    why = exact.primal_violation(lp, cand, t)
    if why:
        raise ReconstructionError(f"primal reconstruction failed: {why}")
    if not ok(cand):
        raise ReconstructionError(f"primal objective {exact.objective_value(lp, cand)} is not the target {target}")
    return cand


def reconstruct_dual(lp: LP, y, target=None, homogeneous: bool = False, t=Fraction(0), value=None) -> dict:
    """Exact dual point; if ``target`` (an exact value) is given, its dual objective must equal it;
    with ``homogeneous`` (a Farkas vector) the dual objective must be positive."""
    def ok(cand):
        if exact.dual_violation(lp, cand, homogeneous) is not None:
            return False
        val = exact.dual_value(lp, cand, t)
        if value is not None and abs(float(val) - value) > 1e-7:
            return False
        return (target is None or val == target) and (not homogeneous or val > 0)

    for K in DENOMS:
        cand = {i: _rat(v, K) for i, v in enumerate(y)}
        cand = {i: v for i, v in cand.items() if v}
        if ok(cand):
            return cand
    support = [i for i, v in enumerate(y) if abs(v) > TOL]
    cols = lp.columns()
    aty = np.zeros(lp.ncols)
    for i in support:
        for j, a in lp.rows[i].items():
            aty[j] += float(a) * y[i]
    c = [Fraction(0) if homogeneous else lp.objective.get(j, Fraction(0)) for j in range(lp.ncols)]
    tight = [j for j in range(lp.ncols) if abs(aty[j] - float(c[j])) < 1e-7]
    guess = [_rat(y[i], 10**6) for i in support]
    sol = _exact_solve(tight, support, lambda j, i: cols[j].get(i, 0), [c[j] for j in tight], guess)
    cand = {i: v for i, v in sol.items() if v}
    why = exact.dual_violation(lp, cand, homogeneous)
    if why:
        raise ReconstructionError(f"dual reconstruction failed: {why}")
    if not ok(cand):
        raise ReconstructionError(f"dual value {exact.dual_value(lp, cand, t)} differs from target {target}")
    return cand


def certify(lp: LP, t: Fraction = Fraction(0), method: str | None = None) -> dict:
    """Solve and return exact {value, primal, dual, tight, seconds} (or Farkas if infeasible).
    Without ``method``, tries dual simplex, then interior point + crossover (a different vertex)."""
    if method is None:
        err = None
        for m in ("highs-ds", "highs-ipm"):
            try:
                return certify(lp, t, m)
            except ReconstructionError as e:
                err = e
        raise err
    t0 = time.perf_counter()
    status, val, x, y = solve(lp, t, method)
    t1 = time.perf_counter()
    if status == "infeasible":
        far = farkas(lp, t)
        return {"status": "infeasible", "farkas": far, "solve_seconds": t1 - t0,
                "reconstruct_seconds": time.perf_counter() - t1}
    if status != "optimal":
        raise RuntimeError(f"LP is {status}")
    try:
        yd = reconstruct_dual(lp, y, t=t, value=val)
        xp = reconstruct_primal(lp, x, t, target=exact.dual_value(lp, yd, t))
    except ReconstructionError:
        xp = reconstruct_primal(lp, x, t, val)
        yd = reconstruct_dual(lp, y, exact.objective_value(lp, xp), t=t)
    pv, dv = exact.objective_value(lp, xp), exact.dual_value(lp, yd, t)
    if pv != dv:
        raise ReconstructionError(f"exact primal {pv} and dual {dv} values differ (numeric {val})")
    xp = canonicalize_primal(lp, xp)
    yd = pin_dual(lp, yd)
    if exact.dual_violation(lp, yd) or exact.dual_value(lp, yd, t) != pv:
        raise ReconstructionError("pinning the dual broke feasibility or its value")
    return {"status": "optimal", "value": pv, "primal": xp, "dual": yd, "tight": exact.tight_columns(lp, yd),
            "solve_seconds": t1 - t0, "reconstruct_seconds": time.perf_counter() - t1}


def farkas(lp: LP, t: Fraction = Fraction(0)) -> dict:
    """An exact Farkas vector y (homogeneous dual feasible, rhs·y > 0), from the LP
    max rhs·y s.t. homogeneous dual constraints, −1 ≤ y ≤ 1."""
    rhs = lp.rhs(t)
    m = lp.nrows
    c = -np.array([float(r) for r in rhs])
    # column j of A becomes row j of the constraint matrix on y (sparse)
    ub_idx = [j for j in range(lp.ncols) if lp.nonneg[j]]
    eq_idx = [j for j in range(lp.ncols) if not lp.nonneg[j]]
    pos_ub = {j: k for k, j in enumerate(ub_idx)}
    pos_eq = {j: k for k, j in enumerate(eq_idx)}
    du, ru, cu, de, re_, ce = [], [], [], [], [], []
    for i, row in enumerate(lp.rows):
        for j, a in row.items():
            if j in pos_ub:
                du.append(float(a)); ru.append(pos_ub[j]); cu.append(i)
            else:
                de.append(float(a)); re_.append(pos_eq[j]); ce.append(i)
    A_ub = csr_matrix((du, (ru, cu)), shape=(len(ub_idx), m)) if ub_idx else None
    A_eq = csr_matrix((de, (re_, ce)), shape=(len(eq_idx), m)) if eq_idx else None
    bounds = [(0, 1) if s == ">=" else (-1, 1) for s in lp.senses]
    res = linprog(c, A_ub=A_ub, b_ub=np.zeros(len(ub_idx)) if ub_idx else None,
                  A_eq=A_eq, b_eq=np.zeros(len(eq_idx)) if eq_idx else None,
                  bounds=bounds, method="highs-ds")
    if res.status != 0 or -res.fun <= TOL:
        raise ReconstructionError("no Farkas certificate found (is the LP really infeasible?)")
    y = pin_dual(lp, reconstruct_dual(lp, res.x, homogeneous=True, t=t), homogeneous=True)
    if exact.dual_value(lp, y, t) <= 0:
        raise ReconstructionError("reconstructed Farkas vector has rhs·y <= 0")
    return y


def pin_dual(lp: LP, y: dict, homogeneous: bool = False, max_rounds: int = 50) -> dict:
    """Move every dual entry that occurs in no tight column (and whose row has a zero right-hand
    side, so the dual objective is unchanged) towards zero until it vanishes or some column becomes
    tight: an exact ratio test that keeps dual feasibility. Makes every stored dual entry load-bearing."""
    y = dict(y)
    cols_c = [Fraction(0) if homogeneous else lp.objective.get(j, Fraction(0)) for j in range(lp.ncols)]
    for _ in range(max_rounds):
        aty = exact.dual_products(lp, y)
        tight = {j for j in range(lp.ncols) if aty[j] == cols_c[j] or not lp.nonneg[j]}
        loose = [i for i in y if not any(j in tight for j in lp.rows[i])]
        if not loose:
            return y
        for i in loose:
            if lp.rhs0[i] != 0 or lp.rhs1[i] != 0:
                continue
            aty = exact.dual_products(lp, y)
            sgn = 1 if y[i] > 0 else -1
            step = abs(y[i])
            for j, a in lp.rows[i].items():
                inc = -sgn * a  # change of (A^T y)_j per unit step
                if inc > 0 and lp.nonneg[j]:
                    step = min(step, (cols_c[j] - aty[j]) / inc)
            new = y[i] - sgn * step
            if new == 0:
                del y[i]
            else:
                y[i] = new
    return y
