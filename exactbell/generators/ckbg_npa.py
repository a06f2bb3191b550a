"""NPA upper bounds for CGLMP with d outcomes (C002-19), numeric only (untrusted).

Moment-matrix form with projectors (outcome d−1 eliminated), two parties, two inputs each. Levels
"1" (1, E_a|x, F_b|y) and "1+AB" (plus all E_a|x F_b|y). The relaxation is real: a word and its adjoint
share one moment (the real part of a complex moment matrix is feasible for a real functional).
``exactbell.sdp.npa`` covers ±1 observables only, hence this small separate builder.
"""
from __future__ import annotations

import time
from fractions import Fraction

F = Fraction


def _reduce(word):
    """Projector word: adjacent letters with the same input merge (same outcome) or vanish (different)."""
    out = []
    for x, a in word:
        if out and out[-1][0] == x:
            if out[-1][1] == a:
                continue
            return None
        out.append((x, a))
    return tuple(out)


def basis(d: int, level: str) -> list:
    A = [((x, a),) for x in range(2) for a in range(d - 1)]
    one = ()
    out = [(one, one)] + [(w, one) for w in A] + [(one, w) for w in A]
    if level == "1+AB":
        out += [(u, w) for u in A for w in A]
    elif level != "1":
        raise ValueError("level must be 1 or 1+AB")
    return out


def moment_structure(d: int, level: str):
    """(n, keys, entries): entries[(i, j)] = key index (i <= j), None for a zero entry."""
    S = basis(d, level)
    keys, entries = {}, {}
    for i, (ai, bi) in enumerate(S):
        for j in range(i, len(S)):
            aj, bj = S[j]
            wa, wb = _reduce(tuple(reversed(ai)) + aj), _reduce(tuple(reversed(bi)) + bj)
            if wa is None or wb is None:
                entries[(i, j)] = None
                continue
            k = min((wa, wb), (tuple(reversed(wa)), tuple(reversed(wb))))
            entries[(i, j)] = keys.setdefault(k, len(keys))
    return len(S), keys, entries


def cglmp_moment_functional(d: int) -> tuple:
    """CGLMP I_d = Σ_k coef_k p_k + const as a linear map on moments <E_a|x F_b|y>, <E_a|x>, <F_b|y>, 1:
    returns ({key: coefficient}, constant)."""
    from ..relaxations import functionals as fn
    coef, const = fn.cglmp(d)
    lin, cst = {}, F(const)

    def add(k, v):
        lin[k] = lin.get(k, 0) + v

    for idx, c in coef.items():
        if not c:
            continue
        ctx, o = divmod(idx, d * d)
        x, y = divmod(ctx, 2)
        a, b = divmod(o, d)
        # E_{d-1} = 1 − Σ E_a: expand p(a,b|x,y) = <E_a F_b>
        ea = [((x, a),)] if a < d - 1 else [()] + [((x, a2),) for a2 in range(d - 1)]
        sa = [1] if a < d - 1 else [1] + [-1] * (d - 1)
        fb = [((y, b),)] if b < d - 1 else [()] + [((y, b2),) for b2 in range(d - 1)]
        sb = [1] if b < d - 1 else [1] + [-1] * (d - 1)
        for wa, s1 in zip(ea, sa):
            for wb, s2 in zip(fb, sb):
                if wa == () and wb == ():
                    cst += c * s1 * s2
                else:
                    add((wa, wb), c * s1 * s2)
    return lin, cst


def npa_cglmp(d: int, level: str = "1+AB", solver: str = "SCS", eps: float = 1e-7) -> dict:
    import cvxpy as cp
    import numpy as np
    import scipy.sparse as sp

    t0 = time.perf_counter()
    n, keys, entries = moment_structure(d, level)
    lin, cst = cglmp_moment_functional(d)
    ident = keys[((), ())]
    rows, cols, vals = [], [], []
    for (i, j), k in entries.items():
        if k is None:
            continue
        rows.append(i * n + j)
        cols.append(k)
        vals.append(1.0)
        if i != j:
            rows.append(j * n + i)
            cols.append(k)
            vals.append(1.0)
    T = sp.csr_matrix((vals, (rows, cols)), shape=(n * n, len(keys)))
    y = cp.Variable(len(keys))
    G = cp.reshape(T @ y, (n, n), order="C")
    c = np.zeros(len(keys))
    for k, v in lin.items():
        if k not in keys:
            raise RuntimeError(f"moment {k} not in the level-{level} matrix")
        c[keys[k]] += float(v)
    prob = cp.Problem(cp.Maximize(c @ y + float(cst)), [y[ident] == 1, G >> 0])
    t1 = time.perf_counter()
    if solver == "SCS":
        prob.solve(solver="SCS", eps=eps, max_iters=200000)
    else:
        prob.solve(solver=solver)
    return {"d": d, "level": level, "size": n, "moments": len(keys), "bound": prob.value, "status": prob.status,
            "solver": solver, "build_seconds": t1 - t0, "solve_seconds": time.perf_counter() - t1}


# --------------------------------------------------------------------------------------------
# symmetry-reduced level 1+AB (full projectors, Z_d outcome shifts, Fourier blocks)
# --------------------------------------------------------------------------------------------

def npa_cglmp_symmetric(d: int, solver: str = "SCS", eps: float = 1e-8) -> dict:
    """Level 1+AB with all d projectors per input, restricted to moment matrices invariant under the joint
    outcome shift (a, b) -> (a+1, b+1) (a symmetry of I_d, so averaging loses nothing). The invariant matrix is
    block-diagonalised by the Fourier transform over Z_d: d Hermitian blocks of size 4 + 4d (+1 for k = 0)
    instead of one (1 + 4d + 4d²) matrix."""
    import math

    import cvxpy as cp
    import numpy as np
    import scipy.sparse as sp

    t0 = time.perf_counter()

    def shift(word, m):
        return tuple((x, (a + m) % d) for x, a in word)

    def key(wa, wb):
        best = None
        for ua, ub in ((wa, wb), (tuple(reversed(wa)), tuple(reversed(wb)))):
            for m in range(d):
                c = (shift(ua, m), shift(ub, m))
                if best is None or c < best:
                    best = c
        return best

    keys = {}

    def moment(wa, wb):
        wa, wb = _reduce(wa), _reduce(wb)
        if wa is None or wb is None:
            return None
        return keys.setdefault(key(wa, wb), len(keys))

    # basis elements: (orbit, position) -> (wordA, wordB)
    orbits = [("E", x) for x in range(2)] + [("F", y) for y in range(2)] + \
             [("EF", x, y, c) for x in range(2) for y in range(2) for c in range(d)]

    def element(orb, r):
        if orb[0] == "E":
            return (((orb[1], r),), ())
        if orb[0] == "F":
            return ((), ((orb[1], r),))
        _, x, y, c = orb
        return (((x, r),), ((y, (r + c) % d),))

    one = ((), ())

    def gamma(e1, e2):
        return moment(tuple(reversed(e1[0])) + e2[0], tuple(reversed(e1[1])) + e2[1])

    ident = moment((), ())
    # Fourier blocks as sparse linear maps y -> real embedding entries
    blocks = []
    for k in range(d):
        size = len(orbits) + (1 if k == 0 else 0)
        re_t, im_t = {}, {}  # (i, j) -> {yidx: coef}
        labels = ([None] if k == 0 else []) + orbits
        for i, O in enumerate(labels):
            for j, P in enumerate(labels):
                re, im = {}, {}
                if O is None and P is None:
                    re = {ident: 1.0}
                elif O is None or P is None:
                    Q = P if O is None else O
                    idx = gamma(one, element(Q, 0))
                    if idx is not None:
                        re = {idx: math.sqrt(d)}
                else:
                    for m in range(d):
                        idx = gamma(element(O, 0), element(P, m))
                        if idx is None:
                            continue
                        re[idx] = re.get(idx, 0.0) + math.cos(2 * math.pi * k * m / d)
                        im[idx] = im.get(idx, 0.0) + math.sin(2 * math.pi * k * m / d)
                re_t[(i, j)], im_t[(i, j)] = re, im
        blocks.append((size, re_t, im_t))
    # projector completeness: Σ_a E_a|x = 1 (row-wise in the moment matrix), same for F and inside EF
    basis = [one] + [element(O, r) for O in orbits for r in range(d)]
    rows = set()

    def add_rows(summands, minus):
        for e2 in basis:
            acc = {}
            for s in summands:
                idx = gamma(s, e2)
                if idx is not None:
                    acc[idx] = acc.get(idx, 0) + 1
            idx = gamma(minus, e2)
            if idx is not None:
                acc[idx] = acc.get(idx, 0) - 1
            acc = tuple(sorted((i, v) for i, v in acc.items() if v))
            if acc:
                rows.add(acc)

    for x in range(2):
        add_rows([(((x, a),), ()) for a in range(d)], one)
        add_rows([((), ((x, a),)) for a in range(d)], one)
    for x in range(2):
        for y in range(2):
            for b in range(d):
                add_rows([(((x, a),), ((y, b),)) for a in range(d)], ((), ((y, b),)))
            for a in range(d):
                add_rows([(((x, a),), ((y, b),)) for b in range(d)], (((x, a),), ()))
    nvar = len(keys)
    y = cp.Variable(nvar)
    cons = [y[ident] == 1]
    rl = list(rows)
    if rl:
        ri, ci, vv = [], [], []
        for r, row in enumerate(rl):
            for i, v in row:
                ri.append(r)
                ci.append(i)
                vv.append(float(v))
        C = sp.csr_matrix((vv, (ri, ci)), shape=(len(rl), nvar))
        if solver != "SCS":  # interior point: keep an independent subset of the equality rows
            import scipy.linalg as sla
            Cd = C.toarray()
            _, R, piv = sla.qr(Cd.T, mode="economic", pivoting=True)
            rank = int((np.abs(np.diag(R)) > 1e-9 * max(1.0, abs(R[0, 0]))).sum())
            C = sp.csr_matrix(Cd[np.sort(piv[:rank])])
        cons.append(C @ y == 0)
    for size, re_t, im_t in blocks:
        n2 = 2 * size
        ri, ci, vv = [], [], []
        for (i, j), re in re_t.items():
            for idx, v in re.items():
                for (a, b) in ((i, j), (i + size, j + size)):
                    ri.append(a * n2 + b)
                    ci.append(idx)
                    vv.append(v)
            for idx, v in im_t[(i, j)].items():
                ri.append((i + size) * n2 + j)  # [[Re, -Im], [Im, Re]]
                ci.append(idx)
                vv.append(v)
                ri.append(i * n2 + j + size)
                ci.append(idx)
                vv.append(-v)
        T = sp.csr_matrix((vv, (ri, ci)), shape=(n2 * n2, nvar))
        Mb = cp.reshape(T @ y, (n2, n2), order="C")
        cons.append((Mb + Mb.T) / 2 >> 0)
    from ..relaxations import functionals as fn
    coef, const = fn.cglmp(d)
    c = np.zeros(nvar)
    for idx_, v in coef.items():
        if not v:
            continue
        ctx, o = divmod(idx_, d * d)
        x, yy = divmod(ctx, 2)
        a, b = divmod(o, d)
        c[moment(((x, a),), ((yy, b),))] += float(v)
    prob = cp.Problem(cp.Maximize(c @ y + float(const)), cons)
    t1 = time.perf_counter()
    if solver == "SCS":
        prob.solve(solver="SCS", eps=eps, max_iters=500000)
    else:
        prob.solve(solver=solver)
    return {"d": d, "level": "1+AB", "size": 1 + 4 * d + 4 * d * d, "blocks": [b[0] for b in blocks],
            "moments": nvar, "constraints": len(rl), "bound": prob.value, "status": prob.status, "solver": solver,
            "build_seconds": t1 - t0, "solve_seconds": time.perf_counter() - t1}
