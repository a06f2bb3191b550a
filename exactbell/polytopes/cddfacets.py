"""Exact H-representations with pycddlib's GMP module (untrusted producer side).

The points are first written in affine coordinates of their hull (a subset of the original
coordinates on which the homogenised rows have full rank), so cdd works on a full-dimensional
polytope; facets are lifted back as value vectors on the points and then as inequalities in the
original coordinates. Equalities of the affine hull are reported separately.
"""
from __future__ import annotations

from fractions import Fraction
from functools import partial
from math import lcm

import cdd.gmp as cg

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
    ``tight`` and valid on all points; returned as (a, b)."""
    vals = ps.supporting(range(ps.size), frozenset(tight))
    if vals is None:
        raise ValueError("not a facet")
    for h in ps.nullspace(tight):
        hv = ps.values(h)
        if any(hv.values()):
            s = 1 if next(v for v in hv.values() if v) > 0 else -1
            h0, a = s * h[0], [s * x for x in h[1:]]
            # h0 + <a, v> >= 0   <=>   <-a, v> <= h0
            vec = primitive([h0] + [-x for x in a])
            return tuple(vec[1:]), vec[0]
    raise ValueError("not a facet")


def extreme_points(ps: PointSet) -> list[int]:
    """Indices of points that are vertices of conv(points) (cdd.gmp redundancy removal)."""
    J = coordinate_basis(ps)
    rows = [[Fraction(1)] + [v[j] for j in J] for v in ps.points]
    mat = cg.matrix_from_array(rows, rep_type=cg.RepType.GENERATOR)
    red = set(cg.redundant_rows(mat))
    return [i for i in range(ps.size) if i not in red]
