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

from fractions import Fraction
from math import gcd, lcm

import flint
import numpy as np


class PolytopeError(ValueError):
    """Inconsistent polytope data (empty point set, mismatched dimensions, …)."""


# ---------------------------------------------------------------------------------------------
# integer rows

def primitive(vec) -> tuple:
    """The primitive integer vector positively proportional to a rational vector (0 stays 0)."""
    vec = [Fraction(x) for x in vec]
    m = lcm(*[x.denominator for x in vec]) if vec else 1
    ints = [int(x * m) for x in vec]
    g = 0
    for x in ints:
        g = gcd(g, x)
    return tuple(x // g for x in ints) if g else tuple(ints)


class PointSet:
    """Points with homogenised primitive integer rows, for exact face computations."""

    def __init__(self, points):
        pts = [tuple(Fraction(x) for x in v) for v in points]
        if not pts:
            raise PolytopeError("empty point set")
        n = len(pts[0])
        if any(len(v) != n for v in pts):
            raise PolytopeError("points of different dimensions")
        self.points = pts
        self.n = n
        self.rows = [primitive((1,) + v) for v in pts]
        self.size = len(pts)
        self._all = frozenset(range(self.size))

    # -- linear algebra ---------------------------------------------------------------------
    def matrix(self, idx) -> flint.fmpz_mat:
        idx = sorted(idx)
        return flint.fmpz_mat(len(idx), self.n + 1, [x for i in idx for x in self.rows[i]])

    def rank(self, idx) -> int:
        """Rank of the homogenised rows of ``idx`` (= affine rank + 1; 0 for the empty set)."""
        if not idx:
            return 0
        return self.matrix(idx).rank()

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
                f = {i: vals[i] - lo * self.rows[i][0] for i in W}
        for j in range(1, self.n + 1):
            if F is not None:
                break
            col = {i: Fraction(self.rows[i][j], self.rows[i][0]) for i in W}
            lo = min(col.values())
            if lo != max(col.values()):
                F = frozenset(i for i in W if col[i] == lo)
                f = {i: self.rows[i][j] - lo * self.rows[i][0] for i in W}  # scaled like values()
                break
        if F is None:
            raise PolytopeError("conv(W) is a single point")
        while self.rank(F) < rW - 1:
            g = None
            basis = self.nullspace(F)
            if rnd is not None and len(basis) > 1:
                cs = [rnd.randint(-9, 9) for _ in basis]  # one coefficient per basis vector
                mix = tuple(sum(c * b[t] for c, b in zip(cs, basis)) for t in range(self.n + 1))
                basis = [mix] + basis
            for h in basis:
                vals = self.values(h, W)
                # not proportional to f on W
                ratio = None
                prop = True
                for i in W:
                    if i in F:
                        continue
                    q = Fraction(vals[i]) / f[i]
                    if ratio is None:
                        ratio = q
                    elif q != ratio:
                        prop = False
                        break
                if not prop:
                    g = vals
                    break
            if g is None:
                raise PolytopeError("cannot tilt a face (inconsistent ranks)")
            lam = max(Fraction(-g[i]) / f[i] for i in W if i not in F)
            new = {i: g[i] + lam * f[i] for i in W}
            F = frozenset(i for i in W if new[i] == 0)
            f = new
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


class FastGroup:
    """The elements of a :class:`PermGroup` (in its sorted order) as an integer numpy array, for
    canonical forms of point sets over all elements at once (exact: integer permutations only)."""

    def __init__(self, group: PermGroup):
        self.elements = group.elements
        self.P = np.array(group.elements, dtype=np.int32)
        self.order, self.n = self.P.shape
        # inverse permutations, and the index of each element
        inv = np.empty_like(self.P)
        rows = np.arange(self.order)[:, None]
        inv[rows, self.P] = np.arange(self.n, dtype=np.int32)[None, :]
        self.Pinv = inv
        self.index = {g: k for k, g in enumerate(group.elements)}

    def images(self, T) -> np.ndarray:
        idx = np.fromiter(T, dtype=np.int32)
        return np.sort(self.P[:, idx], axis=1)

    def canonical_with(self, T):
        """(canonical sorted tuple, index of one element mapping T onto it)."""
        imgs = self.images(T)
        cand = np.arange(self.order)
        for k in range(imgs.shape[1]):
            col = imgs[cand, k]
            m = col.min()
            cand = cand[col == m]
            if len(cand) == 1:
                break
        e = int(cand[0])
        return tuple(int(x) for x in imgs[e]), e

    def canonical(self, T) -> tuple:
        return self.canonical_with(T)[0]

    def orbit_size(self, T) -> int:
        return int(np.unique(self.images(T), axis=0).shape[0])

    def stabiliser(self, T) -> np.ndarray:
        """Indices of the elements g with g(T) = T."""
        imgs = self.images(T)
        ref = np.array(sorted(T), dtype=np.int32)
        return np.nonzero((imgs == ref[None, :]).all(axis=1))[0]

    def least_in_coset(self, g: int, stab) -> int:
        """Least element index in the left coset g·Stab (all of them map T_j to the same set)."""
        best = None
        Pg = self.P[g]
        for s in stab:
            k = self.index[tuple(int(x) for x in Pg[self.P[s]])]
            best = k if best is None or k < best else best
        return best


# ---------------------------------------------------------------------------------------------
# completeness of a facet list, without any enumeration code

def bits(S) -> int:
    m = 0
    for i in S:
        m |= 1 << i
    return m


def members(m: int) -> list:
    """The indices of the set bits of m, ascending."""
    s = bin(m)[:1:-1]  # binary digits, least significant first
    out, i = [], s.find("1")
    while i >= 0:
        out.append(i)
        i = s.find("1", i + 1)
    return out


def verify_complete(ps: PointSet, Q, facets, memo=None, ranks=None, group: FastGroup | None = None):
    """Decide whether ``facets`` (faces of conv(Q) of codimension one, e.g. verified facets or
    intersections of faces) are *all* the facets of conv(Q).

    Criterion (exact, recursive): the facet–ridge graph of a polytope is connected, and every ridge
    lies in exactly two facets. So a non-empty list of facets is complete iff for each member F
    the ridges F ∩ G (G another member, rank(F ∩ G) = rank(Q) − 2) are all the facets of F —
    the same question one dimension lower, answered recursively; a simplex with r vertices has
    exactly r facets and a segment two. Faces are bit masks of point indices.

    Skipping (a Balinski-type criterion): members containing one chosen point v of conv(Q) need
    not be examined. The facets not containing v induce a connected subgraph of the facet–ridge
    graph (in the polar, the vertices off a face form a lower level set of a linear functional,
    connected by decreasing edges to the minimum face), so closure of the examined members gives
    every facet without v; and a missing facet H containing v has a ridge R without v, whose
    other facet H' does not contain v either (v ∈ H ∩ H' = R otherwise), so R would be missing from
    the examined member H'. v is chosen to lie on as many members as possible.

    The ridges of a member are found by :func:`ridges_among`.

    With ``group`` (symmetries of the whole point set), faces are memoised by their canonical
    form: a face g(Q) has exactly the facets g(F). When an examined member F is equivalent to a
    settled face, its facets are known, and it is enough that each is F ∩ G for another member G
    (a ridge of conv(Q) lies in exactly two facets, so G is F's neighbour across it).
    Returns (True, None) or (False, reason)."""
    memo = {} if memo is None else memo
    ranks = {} if ranks is None else ranks

    def rank(m):
        r = ranks.get(m)
        if r is None:
            r = ranks[m] = ps.rank(members(m))
        return r

    def key_of(Q):
        """(memo key of Q, index of an element g with g(Q) = key, or None for the identity)."""
        if group is None:
            return Q, None
        c, e = group.canonical_with(members(Q))
        return bits(c), e

    def mapped(e, fs, inverse=False):
        if e is None:
            return fs
        g = (group.Pinv if inverse else group.P)[e]
        return frozenset(bits(int(g[i]) for i in members(F)) for F in fs)

    def known_facets(F):
        """The facets of F if an equivalent face was settled already (else None)."""
        key, e = key_of(F)
        known = memo.get(key)
        return None if known is None else mapped(e, known, inverse=True)

    def rec(Q, fs):
        key, e = key_of(Q)
        img = mapped(e, fs)
        known = memo.get(key)
        if known is not None:
            return (True, None) if known == img else (False, f"face of {Q.bit_count()} points has another facet list")
        r = rank(Q)
        nQ = Q.bit_count()
        if r <= 1:
            ok = not fs
        elif nQ == r:
            ok = fs == frozenset(Q & ~(1 << w) for w in members(Q))
        elif r == 2:
            ok = len(fs) == 2
        else:
            ok = bool(fs)
        if not ok:
            return False, f"face with {nQ} points and affine rank {r - 1} has an incomplete facet list ({len(fs)} found)"
        if r > 2 and nQ > r:
            flist = list(fs)
            if any(rank(F) != r - 1 for F in flist):
                return False, "a listed facet has the wrong rank"
            v = _most_shared_point(Q, flist)
            if all(F >> v & 1 for F in flist):
                return False, f"every listed facet of a face with {nQ} points contains one point"
            for F in flist:
                if F >> v & 1:
                    continue
                settled = known_facets(F)
                if settled is not None:
                    # a facet R of F inside the proper face F ∩ G equals it
                    if settled <= {F & G for G in flist if G != F}:
                        continue
                    return False, f"a facet of a face with {F.bit_count()} points lies in no other listed facet"
                ok, why = rec(F, ridges_among(ps, F, flist, r - 2, ranks))
                if not ok:
                    return False, why
        memo[key] = img
        return True, None

    Qm = Q if isinstance(Q, int) else bits(Q)
    return rec(Qm, frozenset(f if isinstance(f, int) else bits(f) for f in facets))


def _most_shared_point(Q: int, faces) -> int:
    """A point of Q lying on the largest number of the given faces (the least such index)."""
    best, most = -1, -1
    for i in members(Q):
        b = 1 << i
        c = sum(1 for F in faces if F & b)
        if c > most:
            best, most = i, c
    return best


def ridges_among(ps: PointSet, F: int, faces, need: int, ranks: dict) -> frozenset:
    """The intersections F ∩ G (G ≠ F in ``faces``) of homogeneous rank ``need``. Only those with
    at least ``need`` points that are inclusion-maximal among them are ranked: a face strictly
    inside another proper face of F has a smaller rank. ``ranks`` caches ranks by bit mask."""
    out = set()
    for I in maximal_faces(I for I in {F & G for G in faces if G != F} if I.bit_count() >= need):
        rk = ranks.get(I)
        if rk is None:
            rk = ranks[I] = ps.rank(members(I))
        if rk == need:
            out.add(I)
    return frozenset(out)


def maximal_faces(faces) -> list:
    """The inclusion-maximal members of a collection of bit masks (duplicates merged)."""
    out: list = []
    for I in sorted(set(faces), key=int.bit_count, reverse=True):
        if not any(I & J == I for J in out):
            out.append(I)
    return out


def facet_complete_sym(ps, fb, ridges, stab, dim, memo, ranks, fast):
    """Are ``ridges`` (faces of the facet fb of affine rank dim − 2) all the facets of fb?
    Same criterion as verify_complete, but the ridge set must be invariant under ``stab`` (point
    permutations that are symmetries of the polytope fixing fb), and then only one ridge per orbit
    is examined: a symmetry maps the facets of a ridge F onto those of its image and preserves
    every rank, so the recursive test has the same outcome on F and on its images."""
    if not ridges:
        return False, "a facet without ridges"
    for g in stab:
        for R in ridges:
            if bits(g[i] for i in members(R)) not in ridges:
                return False, "the ridge list is not invariant under the stabiliser of the facet"
    seen, reps = set(), []
    for R in sorted(ridges):
        if R in seen:
            continue
        reps.append(R)
        for g in stab:
            seen.add(bits(g[i] for i in members(R)))
    need = dim - 2  # homogeneous rank of a face of a ridge
    for F in reps:
        ok, why = verify_complete(ps, F, ridges_among(ps, F, ridges, need, ranks), memo, ranks, fast)
        if not ok:
            return False, why
    return True, None
