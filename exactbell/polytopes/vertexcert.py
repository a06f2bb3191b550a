"""Producer of extreme-point certificates (untrusted: uses cdd.gmp and scipy, output re-checked)."""
from __future__ import annotations

from fractions import Fraction

import flint
import numpy as np
from scipy.optimize import linprog

from ..kernel.numbers import format_rational
from .cddfacets import extreme_points
from .models import Model


def _fq(x):
    x = Fraction(x)
    return flint.fmpq(x.numerator, x.denominator)


def separating_functional(points, i) -> list[int]:
    v = np.array([float(x) for x in points[i]])
    others = [j for j in range(len(points)) if j != i]
    W = np.array([[float(x) for x in points[j]] for j in others])
    n = len(v)
    # maximise t: c.(w - v) + t <= 0, -1 <= c <= 1, t <= 1
    A = np.hstack([W - v, np.ones((len(others), 1))])
    res = linprog(np.r_[np.zeros(n), -1.0], A_ub=A, b_ub=np.zeros(len(others)),
                  bounds=[(-1, 1)] * n + [(None, 1)], method="highs")
    if res.status != 0 or -res.fun <= 1e-9:
        raise ValueError("not separable")
    c = res.x[:n]
    for K in (10, 100, 1000, 10**4, 10**5, 10**6):
        ci = [int(round(x * K)) for x in c]
        vi = sum(a * b for a, b in zip(ci, points[i]))
        if all(sum(a * b for a, b in zip(ci, points[j])) < vi for j in others):
            return ci
    raise ValueError("rationalisation failed")


def convex_combination(points, i, candidates) -> list[tuple[int, Fraction]]:
    v = np.array([float(x) for x in points[i]])
    cand = [j for j in candidates if j != i]
    W = np.array([[float(x) for x in points[j]] for j in cand]).T
    A_eq = np.vstack([W, np.ones((1, len(cand)))])
    b_eq = np.r_[v, 1.0]
    res = linprog(np.zeros(len(cand)), A_eq=A_eq, b_eq=b_eq, bounds=[(0, None)] * len(cand), method="highs")
    if res.status != 0:
        raise ValueError("no combination found")
    S = [cand[k] for k, x in enumerate(res.x) if x > 1e-9]
    # exact solve on the support (pick an independent subset of columns first)
    rows = len(v) + 1
    cols = []
    for j in S:
        M = flint.fmpq_mat(rows, len(cols) + 1, [_fq(x) for r in range(rows) for x in
                                               [([*points[c], 1][r]) for c in cols + [j]]])
        if M.rank() == len(cols) + 1:
            cols.append(j)
    M = flint.fmpq_mat(rows, len(cols), [_fq([*points[c], 1][r]) for r in range(rows) for c in cols])
    rhs = [*points[i], 1]
    # normal equations (exact; columns independent)
    Mt = M.transpose()
    sol = (Mt * M).solve(Mt * flint.fmpq_mat(rows, 1, [_fq(x) for x in rhs]))
    lam = [Fraction(int(sol[k, 0].p), int(sol[k, 0].q)) for k in range(len(cols))]
    acc = [sum((l * points[c][t] for l, c in zip(lam, cols)), Fraction(0)) for t in range(len(v))]
    if any(l <= 0 for l in lam) or sum(lam) != 1 or tuple(acc) != tuple(points[i]):
        raise ValueError("exact combination failed")
    return list(zip(cols, lam))


def vertex_certificate_data(model: Model) -> dict:
    ps = model.pointset
    ext = set(extreme_points(ps))
    extreme, redundant = [], []
    for i in range(len(model.points)):
        lab = list(model.labels[i][0])
        if i in ext:
            c = separating_functional(model.points, i)
            vi = sum(a * b for a, b in zip(c, model.points[i]))
            gap = min(vi - sum(a * b for a, b in zip(c, w)) for j, w in enumerate(model.points) if j != i)
            total = sum(sum(a * b for a, b in zip(c, w)) for w in model.points)
            extreme.append({"label": lab, "functional": c, "margin": format_rational(gap),
                            "total": format_rational(total)})
        else:
            comb = convex_combination(model.points, i, sorted(ext))
            redundant.append({"label": lab, "combination": [[list(model.labels[j][0]), format_rational(l)]
                                                            for j, l in comb]})
    return {"labels": sum(len(x) for x in model.labels), "distinct": len(model.points), "extreme": extreme,
            "redundant": redundant}
