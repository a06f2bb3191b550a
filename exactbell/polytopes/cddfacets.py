"""Exact H-representations with pycddlib's GMP module or Normaliz (untrusted producer side).

The points are first written in affine coordinates of their hull (a subset of the original
coordinates on which the homogenised rows have full rank), so cdd works on a full-dimensional
polytope; facets are lifted back as value vectors on the points and then as inequalities in the
original coordinates. Equalities of the affine hull are reported separately.

:func:`facets_with` is the engine's choice for the faces of the adjacency decomposition:
Normaliz's support hyperplanes (PyNormaliz, exact integer arithmetic; Bruns, Ichim, Römer, Sieg,
Söger, "The Normaliz project", normaliz.uos.de) of the cone over the homogenised points, 3–4.5
times faster than cdd.gmp on recorded faces of local polytopes (measured in bench/polytopes_anchor.py's
setting); cdd.gmp when PyNormaliz is not installed. :func:`facets_cdd` stays the independent
baseline the tests compare with.
"""
from __future__ import annotations

from fractions import Fraction
from functools import partial
from math import lcm

import cdd.gmp as cg
import numpy as np

from .exact import PointSet, primitive


def hull_equations(ps: PointSet) -> list[tuple]:
    """Integer vectors h = (h0, h1..hn) with h0 + <h, v> = 0 on every point (a basis)."""
    return ps.nullspace(range(ps.size))


def coordinate_basis(ps: PointSet, idx=None) -> list[int]:
    """Coordinates j (0-based, in the original n) such that (1, v_J) over the points ``idx`` (default
    all) has the affine rank of those points: pivots of the homogenised integer rows (a positive
    scaling of a row moves no pivot)."""
    R, _den, rank = ps.matrix(range(ps.size) if idx is None else idx).rref()
    cols = []
    r = 0
    for j in range(ps.n + 1):
        if r < rank and R[r, j] != 0:
            cols.append(j)
            r += 1
    return [j - 1 for j in cols if j > 0]


def facets_cdd(ps: PointSet, idx=None) -> list[frozenset]:
    """All facets of conv(points idx) (default all points) as tight index sets of ps, from the exact
    incidence that cdd.gmp's double description reports (no inequality is read back: an output
    row tight on every point is an equation of the hull, one tight on none is the trivial row)."""
    facets, _ = facets_cdd_with(ps, idx, functionals=False)
    return facets


def facets_cdd_with(ps: PointSet, idx=None, functionals: bool = True) -> tuple[list[frozenset], list]:
    """(facets of conv(points idx) as in :func:`facets_cdd`, and per facet a function giving an
    integer functional h on the homogenised rows of ps: ``<ps.rows[i], h>`` is 0 on the facet's
    points and > 0 on the other points of idx — cdd.gmp's exact inequality, scaled to integers, built
    only when called). The facets are sorted."""
    idx = list(range(ps.size)) if idx is None else sorted(idx)
    J = coordinate_basis(ps, idx)
    rows = [[1] + [ps.points[i][j] for j in J] for i in idx]
    mat = cg.matrix_from_array(rows, rep_type=cg.RepType.GENERATOR)
    poly = cg.polyhedron_from_matrix(mat)
    ineq = cg.copy_inequalities(poly).array if functionals else None
    out = {}
    for k, inc in enumerate(cg.copy_incidence(poly)):
        if 0 < len(inc) < len(idx):
            out.setdefault(frozenset(idx[t] for t in inc), k)
    facets = sorted(out, key=sorted)
    if not functionals:
        return facets, []
    return facets, [partial(_integer_functional, ineq[out[F]], J, ps.n) for F in facets]


def facets_with(ps: PointSet, idx=None) -> tuple[list[frozenset], list]:
    """As :func:`facets_cdd_with` (sorted facets of conv(points idx), and per facet a function giving
    its integer functional on the homogenised rows of ps), from Normaliz when installed."""
    try:
        import PyNormaliz  # noqa: F401
    except ImportError:  # pragma: no cover - the search extra installs it
        return facets_cdd_with(ps, idx)
    idx = list(range(ps.size)) if idx is None else sorted(idx)
    J = coordinate_basis(ps, idx)
    if len(idx) <= len(J) + 1:  # a simplex: drop one point
        facets = sorted((frozenset(idx[:k] + idx[k + 1:]) for k in range(len(idx))), key=sorted)
        return (facets, [partial(_simplex_functional, ps, idx, F) for F in facets]) if len(idx) > 1 else ([], [])
    H, Z = _normaliz_incidence(ps, idx, J)
    idxa = np.array(idx)
    cnt = Z.sum(axis=1)
    out = {}
    for k in np.nonzero((cnt > 0) & (cnt < len(idx)))[0].tolist():
        out.setdefault(frozenset(idxa[Z[k]].tolist()), k)
    facets = sorted(out, key=sorted)
    return facets, [partial(_lift, H[out[F]], J, ps.n) for F in facets]


def facet_incidence(ps: PointSet, idx) -> np.ndarray:
    """The facets of conv(points idx) as distinct boolean rows over the sorted idx (Normaliz, as in
    :func:`facets_with`, or dropping one point of a simplex), without building index sets."""
    idx = sorted(idx)
    J = coordinate_basis(ps, idx)
    if len(idx) <= len(J) + 1:
        return ~np.eye(len(idx), dtype=bool) if len(idx) > 1 else np.zeros((0, len(idx)), dtype=bool)
    try:
        import PyNormaliz  # noqa: F401
    except ImportError:  # pragma: no cover - the search extra installs it
        loc = {i: t for t, i in enumerate(idx)}
        facets = facets_cdd(ps, idx)
        out = np.zeros((len(facets), len(idx)), dtype=bool)
        for k, F in enumerate(facets):
            out[k, [loc[i] for i in F]] = True
        return out
    _, Z = _normaliz_incidence(ps, idx, J)
    cnt = Z.sum(axis=1)
    return np.unique(Z[(cnt > 0) & (cnt < len(idx))], axis=0)


def _normaliz_incidence(ps: PointSet, idx, J) -> tuple[list, np.ndarray]:
    """Normaliz's support hyperplanes H (integer rows on (1, v_J)) of the cone over the points idx
    (sorted, not a simplex) and their zero pattern (len(H) × len(idx) booleans); each hyperplane is
    checked ≥ 0 on every point."""
    import PyNormaliz

    cols = [0] + [j + 1 for j in J]
    rows = [[ps.rows[i][j] for j in cols] for i in idx]  # positive multiples of (1, v_J): the same cone
    PyNormaliz.NmzSetNumberOfNormalizThreads(1)  # the classes run in parallel, not the faces
    cone = PyNormaliz.Cone(cone=rows)
    cone.Compute("SupportHyperplanes", "KeepOrder")  # KeepOrder: 1.6 s instead of 2.2 s on the positivity facet of 2,2,2:2,2,2
    H = cone.SupportHyperplanes()
    Ha = np.array(H, dtype=object)
    top = max(int(np.abs(Ha).max()), 1) * (len(J) + 1) * max(1, max(abs(x) for r in rows for x in r))
    if top < (1 << 62):
        vals = np.array(rows, dtype=np.int64) @ Ha.astype(np.int64).T
    else:
        vals = np.array([[sum(a * b for a, b in zip(r, h)) for h in H] for r in rows], dtype=object)
    if (vals < 0).any():  # a support hyperplane must be >= 0 on every generator
        raise ArithmeticError("Normaliz returned an invalid support hyperplane")
    return H, (vals == 0).T


def _lift(h, J, n) -> list[int]:
    """An integer row (h0, h_J) on (1, v_J) as a row on the homogenised columns (1, v), zero off J."""
    out = [0] * (n + 1)
    out[0] = int(h[0])
    for x, j in zip(h[1:], J):
        out[j + 1] = int(x)
    return out


def _simplex_functional(ps: PointSet, idx, F) -> list[int]:
    """The functional of the facet F of the simplex conv(idx): the nullspace row of F, signed > 0 on
    the dropped point."""
    extra = next(i for i in idx if i not in F)
    for h in ps.nullspace(sorted(F)):
        v = sum(a * b for a, b in zip(ps.rows[extra], h))
        if v:
            return [x if v > 0 else -x for x in h]
    raise ValueError("not a facet")


def _integer_functional(h, J, n) -> list[int]:
    """cdd's row (h0, h_J) of h0 + <h_J, v_J> >= 0 (Fractions) as an integer vector on the columns
    of the homogenised rows (1, v) (a positive multiple, zero off J)."""
    den = lcm(*(x.denominator for x in h))
    out = [0] * (n + 1)
    out[0] = h[0].numerator * (den // h[0].denominator)
    for x, j in zip(h[1:], J):
        out[j + 1] = x.numerator * (den // x.denominator)
    return out


def inequality_of(ps: PointSet, tight) -> tuple[tuple, int]:
    """A primitive integer inequality <a, v> <= b (in the original coordinates) tight exactly on
    ``tight`` and valid on all points; returned as (a, b). The first nullspace vector of the tight
    rows that is not zero on every point, signed ≥ 0 on the points (one integer matrix product)."""
    tight = frozenset(tight)
    X, k = ps.matrix(sorted(tight)).nullspace()
    if ps.n + 1 - k != ps.rank(range(ps.size)) - 1:
        raise ValueError("not a facet")
    V = ps.matrix(range(ps.size)) * X  # values of the basis functionals (columns) on the points
    for j in range(k):
        vals = [int(V[i, j]) for i in range(ps.size)]
        if any(vals):
            s = 1 if next(v for v in vals if v) > 0 else -1
            if any(s * v < 0 for v in vals) or {i for i, v in enumerate(vals) if v == 0} != tight:
                raise ValueError("not a facet")
            h = [s * int(X[t, j]) for t in range(ps.n + 1)]
            # h0 + <a, v> >= 0   <=>   <-a, v> <= h0
            vec = primitive([h[0]] + [-x for x in h[1:]])
            return tuple(vec[1:]), vec[0]
    raise ValueError("not a facet")


def extreme_points(ps: PointSet) -> list[int]:
    """Indices of points that are vertices of conv(points) (cdd.gmp redundancy removal)."""
    J = coordinate_basis(ps)
    rows = [[Fraction(1)] + [v[j] for j in J] for v in ps.points]
    mat = cg.matrix_from_array(rows, rep_type=cg.RepType.GENERATOR)
    red = set(cg.redundant_rows(mat))
    return [i for i in range(ps.size) if i not in red]
