"""Exact polytope combinatorics on a finite point set (trusted: float-free, solver-free).

A polytope is given by its generating points ``V`` (rational vectors). Every computation works
with the *homogenised integer rows* ``[1, v]`` scaled to primitive integer vectors: scaling a row
by a positive number changes neither the sign nor the zero set of an affine function on that
point, nor the ratio of two affine functions on it, which is all that is used here.

An affine functional h (a vector of length n+1) is identified with its *value vector* on the
points. A face is a set of point indices; a facet of conv(W) is a face of affine rank one less.

* :func:`affine_rank`, :func:`facet_test` — the trusted facet test (validity on every point,
  exact saturation count, affine rank of the tight points = dim − 1).
* :func:`face_facets` — all facets of conv(W) by exact gift wrapping (recursive over ridges,
  with a simplex shortcut and memoisation). This is what lets a checker re-verify an adjacency
  decomposition without any double-description code.
* :func:`rotate` — the neighbouring facet across a ridge.
* :class:`PermGroup` — a permutation group on point indices: closure, orbits, canonical sets.
"""
from __future__ import annotations

import math
from fractions import Fraction

import flint

from ..kernel.polytope import PointSet as KernelPointSet
from ..kernel.polytope import primitive  # noqa: F401


class PolytopeError(ValueError):
    """Inconsistent polytope data (empty point set, mismatched dimensions, …)."""


# ---------------------------------------------------------------------------------------------
# integer rows

class PointSet(KernelPointSet):
    """Points with homogenised primitive integer rows (the kernel's), plus producer face tools."""

    def __init__(self, points):
        pts = [tuple(Fraction(x) for x in v) for v in points]
        if not pts:
            raise PolytopeError("empty point set")
        if any(len(v) != len(pts[0]) for v in pts):
            raise PolytopeError("points of different dimensions")
        super().__init__(pts)
        self._all = frozenset(range(self.size))

    # -- linear algebra ---------------------------------------------------------------------
    def matrix(self, idx) -> flint.fmpz_mat:
        idx = sorted(idx)
        return flint.fmpz_mat(len(idx), self.n + 1, [x for i in idx for x in self.rows[i]])

    def affine_dim(self, idx=None) -> int:
        return self.rank(self._all if idx is None else idx) - 1

    def nullspace(self, idx) -> list[tuple]:
        """Integer basis of {h : <row_i, h> = 0 for i in idx}."""
        if not idx:
            return [tuple(1 if j == i else 0 for j in range(self.n + 1)) for i in range(self.n + 1)]
        X, k = self.matrix(idx).nullspace()
        return [tuple(int(X[i, j]) for i in range(self.n + 1)) for j in range(k)]

    def values(self, h, idx=None) -> dict:
        idx = self._all if idx is None else idx
        return {i: sum(a * b for a, b in zip(self.rows[i], h)) for i in idx}

    # -- functionals of faces ---------------------------------------------------------------
    def supporting(self, W, G):
        """Value vector (dict on W) of the affine functional ≥ 0 on W vanishing exactly on G.

        Returns None if G is not a face of conv(W) of codimension one (no such functional exists
        or it changes sign)."""
        rW, rG = self.rank(W), self.rank(G)
        if rG != rW - 1:
            return None
        for h in self.nullspace(G):
            vals = self.values(h, W)
            if any(vals[i] for i in W):
                signs = {(v > 0) - (v < 0) for i, v in vals.items() if i not in G}
                if 0 in signs or len(signs) != 1:
                    return None
                s = signs.pop()
                return {i: s * v for i, v in vals.items()}
        return None

    # -- facets of conv(W) ------------------------------------------------------------------
    def face_facets(self, W, memo=None) -> list[frozenset]:
        """All facets of conv(W) (as point-index sets), by exact gift wrapping."""
        W = frozenset(W)
        memo = {} if memo is None else memo
        if W in memo:
            return memo[W]
        r = self.rank(W)
        if r <= 1:
            out = []  # a point (or nothing) has no facets in its own affine hull
        elif len(W) == r:  # a simplex: drop one vertex at a time
            out = [W - {w} for w in sorted(W)]
        elif r == 2:  # a segment: its two end points
            out = self._segment_ends(W)
        else:
            out = self._gift_wrap(W, memo)
        memo[W] = out
        return out

    def _segment_ends(self, W):
        W = sorted(W)
        a = W[0]
        b = next(i for i in W if self.rank([a, i]) == 2)
        for h in self.nullspace([a]):
            vals = self.values(h, W)
            if vals[b]:
                lo = min(vals.values())
                hi = max(vals.values())
                return [frozenset(i for i in W if vals[i] == lo), frozenset(i for i in W if vals[i] == hi)]
        raise PolytopeError("degenerate segment")

    def first_facet(self, W, direction=None, rnd=None) -> frozenset:
        """Some facet of conv(W): minimise a coordinate (or the given direction), then tilt until
        codimension one."""
        W = frozenset(W)
        rW = self.rank(W)
        F = None
        if direction is not None:
            h = (0,) + tuple(direction)
            vals = self.values(h, W)
            scaled = {i: Fraction(vals[i], self.rows[i][0]) for i in W}
            lo = min(scaled.values())
            if lo != max(scaled.values()):
                F = frozenset(i for i in W if scaled[i] == lo)
                f = {i: vals[i] * lo.denominator - lo.numerator * self.rows[i][0] for i in W}  # scaled: integers
        for j in range(1, self.n + 1):
            if F is not None:
                break
            col = {i: Fraction(self.rows[i][j], self.rows[i][0]) for i in W}
            lo = min(col.values())
            if lo != max(col.values()):
                F = frozenset(i for i in W if col[i] == lo)
                f = {i: self.rows[i][j] * lo.denominator - lo.numerator * self.rows[i][0] for i in W}  # scaled: integers
                break
        if F is None:
            raise PolytopeError("conv(W) is a single point")
        Wl = sorted(W)
        MW = self.matrix(Wl)  # values of a functional h on W: one integer matrix product
        pos = {i: t for t, i in enumerate(Wl)}
        while True:
            X, k = self.matrix(F).nullspace()  # columns 0..k-1: an integer basis, rank(F) = n + 1 - k
            if self.n + 1 - k >= rW - 1:
                break
            pick = [None] + list(range(k))  # None: a random mix of the basis (first tried)
            if rnd is not None and k > 1:
                cs = [rnd.randint(-9, 9) for _ in range(k)]  # one coefficient per basis vector
                cs += [0] * (self.n + 1 - k)
            else:
                pick = pick[1:]
            basis = (X * flint.fmpz_mat(self.n + 1, 1, cs if j is None else [int(t == j) for t in range(self.n + 1)])
                     for j in pick)
            off = [i for i in Wl if i not in F]  # f > 0 there
            g = None
            for h in basis:
                col = MW * h
                vals = {i: int(col[pos[i], 0]) for i in Wl}
                # not proportional to f on W (cross-multiplied: integers only)
                if any(vals[i] * f[off[0]] != vals[off[0]] * f[i] for i in off):
                    g = vals
                    break
            if g is None:
                raise PolytopeError("cannot tilt a face (inconsistent ranks)")
            p, q = -g[off[0]], f[off[0]]  # lambda = p/q = max(-g_i / f_i) off F, q > 0
            for i in off:
                if -g[i] * q > p * f[i]:
                    p, q = -g[i], f[i]
            new = {i: g[i] * q + p * f[i] for i in W}  # q·(g + lambda f): the same zero set
            d = math.gcd(*new.values())
            f = {i: v // d for i, v in new.items()} if d > 1 else new
            F = frozenset(i for i in W if f[i] == 0)
        return F

    def rotate(self, W, G, R, f=None) -> frozenset:
        """The facet of conv(W) other than G that contains the ridge R (a facet of conv(G))."""
        f = f if f is not None else self.supporting(W, G)
        if f is None:
            raise PolytopeError("G is not a facet of conv(W)")
        g = None
        for h in self.nullspace(R):
            vals = self.values(h, W)
            if any(vals[i] for i in G if i not in R):
                s = next((v > 0) - (v < 0) for i, v in vals.items() if i in G and i not in R and v)
                g = {i: s * v for i, v in vals.items()}
                break
        if g is None:
            raise PolytopeError("R is not a ridge of G")
        lam = max(Fraction(-g[i], f[i]) for i in W if i not in G)
        return frozenset(i for i in W if g[i] * 1 + lam * f[i] == 0)

    def _gift_wrap(self, W, memo) -> list[frozenset]:
        start = self.first_facet(W)
        seen = {start}
        queue = [start]
        while queue:
            G = queue.pop()
            f = self.supporting(W, G)
            for R in self.face_facets(G, memo):
                N = self.rotate(W, G, R, f)
                if N not in seen:
                    seen.add(N)
                    queue.append(N)
        return sorted(seen, key=lambda s: sorted(s))


# ---------------------------------------------------------------------------------------------
# the trusted facet test of one inequality

def facet_test(points: PointSet, coeffs, bound, sense: str = "<=") -> dict:
    """Test ``<coeffs, v> (sense) bound`` on every point.

    Returns {valid, violations: [(index, amount)], tight: [indices], tight_count, rank (affine
    rank of tight points), dim (affine dim of all points), facet, max, min}."""
    vals = [sum((Fraction(c) * x for c, x in zip(coeffs, v)), Fraction(0)) for v in points.points]
    bound = Fraction(bound)
    if sense == "<=":
        slack = [bound - x for x in vals]
    elif sense == ">=":
        slack = [x - bound for x in vals]
    else:
        raise PolytopeError(f"unknown sense {sense!r}")
    tight = [i for i, s in enumerate(slack) if s == 0]
    violations = [(i, -s) for i, s in enumerate(slack) if s < 0]
    dim = points.affine_dim()
    rank = points.rank(tight) - 1 if tight else -1
    valid = not violations
    implicit = valid and len(tight) == points.size
    return {"valid": valid, "violations": violations, "tight": tight, "tight_count": len(tight), "rank": rank,
            "dim": dim, "facet": valid and not implicit and rank == dim - 1, "max": max(vals), "min": min(vals),
            "values": vals}


# ---------------------------------------------------------------------------------------------
# permutation groups on point indices

def compose(a, b) -> tuple:
    """(a∘b)(i) = a[b[i]]."""
    return tuple(a[i] for i in b)


class PermGroup:
    """A finite permutation group on range(n), by closure of generators (small groups only)."""

    def __init__(self, n: int, generators, limit: int = 100000, closed: bool = False):
        """``closed=True``: ``generators`` is already the whole group (e.g. the image of a group
        under a homomorphism); the closure is then skipped."""
        self.n = n
        ident = tuple(range(n))
        gens = [tuple(g) for g in generators]
        for g in gens:
            if sorted(g) != list(range(n)):
                raise PolytopeError("a generator is not a permutation of the point indices")
        if closed:
            self.elements = sorted(set(gens) | {ident})
            self.generators = gens
            return
        elems = {ident}
        frontier = [ident]
        while frontier:
            nxt = []
            for e in frontier:
                for g in gens:
                    c = compose(g, e)
                    if c not in elems:
                        elems.add(c)
                        nxt.append(c)
                        if len(elems) > limit:
                            raise PolytopeError("group too large")
            frontier = nxt
        self.elements = sorted(elems)
        self.generators = gens

    @property
    def order(self) -> int:
        return len(self.elements)

    def image(self, g, S) -> tuple:
        return tuple(sorted(g[i] for i in S))

    def canonical(self, S) -> tuple:
        """Lexicographically least image of the index set S (as a sorted tuple)."""
        return min(self.image(g, S) for g in self.elements)

    def orbit(self, S) -> set:
        return {self.image(g, S) for g in self.elements}


# ---------------------------------------------------------------------------------------------
# completeness of a facet list: the trusted criterion lives in the kernel

from ..kernel.polytope import bits, members, ridges_among, verify_complete  # noqa: E402,F401


def maximal_faces(faces) -> list:
    """The inclusion-maximal members of a collection of bit masks (duplicates merged)."""
    out: list = []
    for I in sorted(set(faces), key=int.bit_count, reverse=True):
        if not any(I & J == I for J in out):
            out.append(I)
    return out
