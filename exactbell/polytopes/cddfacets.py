"""Exact H-representations with pycddlib's GMP module (untrusted producer side).

The points are first written in affine coordinates of their hull (a subset of the original
coordinates on which the homogenised rows have full rank), so cdd works on a full-dimensional
polytope; facets are lifted back as value vectors on the points and then as inequalities in the
original coordinates. Equalities of the affine hull are reported separately.
"""
from __future__ import annotations

from fractions import Fraction

import cdd.gmp as cg

from .exact import PointSet, primitive


def hull_equations(ps: PointSet) -> list[tuple]:
    """Integer vectors h = (h0, h1..hn) with h0 + <h, v> = 0 on every point (a basis)."""
    return ps.nullspace(range(ps.size))


def coordinate_basis(ps: PointSet) -> list[int]:
    """Coordinates j (0-based, in the original n) such that (1, v_J) has full affine rank."""
    import flint

    M = flint.fmpq_mat(ps.size, ps.n + 1, [flint.fmpq(x.numerator, x.denominator) for v in ps.points for x in ((Fraction(1),) + v)])
    R, rank = M.rref()
    cols = []
    r = 0
    for j in range(ps.n + 1):
        if r < rank and R[r, j] != 0:
            cols.append(j)
            r += 1
    return [j - 1 for j in cols if j > 0]


def facets_cdd(ps: PointSet) -> list[frozenset]:
    """All facets of conv(points) as tight index sets (cdd.gmp double description)."""
    J = coordinate_basis(ps)
    rows = [[Fraction(1)] + [v[j] for j in J] for v in ps.points]
    mat = cg.matrix_from_array(rows, rep_type=cg.RepType.GENERATOR)
    poly = cg.polyhedron_from_matrix(mat)
    ineq = cg.copy_inequalities(poly)
    lin = set(ineq.lin_set)
    out = set()
    for k, row in enumerate(ineq.array):
        if k in lin:
            continue
        b, a = Fraction(row[0]), [Fraction(x) for x in row[1:]]
        vals = [b + sum(c * v[j] for c, j in zip(a, J)) for v in ps.points]
        if all(x == 0 for x in vals):
            continue
        out.add(frozenset(i for i, x in enumerate(vals) if x == 0))
    return sorted(out, key=lambda s: sorted(s))


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
