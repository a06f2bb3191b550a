"""Polytopes given by exact points (tuples of ``flint.fmpq_poly`` in one parameter; faces: bit masks of
point indices): the Sengupta–Wooltorton channel models, their relabeling group, affine ranks and the
completeness criterion of a facet list."""
from __future__ import annotations

from fractions import Fraction
from itertools import combinations, permutations, product
from math import gcd, lcm

import flint

from . import upoly
from .scenario import Scenario
from .upoly import to_fmpq, to_fraction

# -- Sengupta–Wooltorton Eq. (9): coordinate 4i+j = P[i][j] = p(ab|xy), i = 2x+a, j = 2y+b (Eq. (5)) ------
TABLES = [((k >> 3 & 1, k >> 2 & 1), (k >> 1 & 1, k & 1)) for k in range(16)]  # k = 8t00 + 4t01 + 2t10 + t11
MIX = ((0, 0), (0, 1), (1, 0), (1, 1))  # Eq. (11): (p,1),(r,1) / (p,1),(1,r) / (1,p),(r,1) / (1,p),(1,r)
SW = Scenario((2, 2), (2, 2))
SW_INDEX = [4 * (2 * x + a) + 2 * y + b for (a, b), (x, y) in SW.entries()]  # canonical -> Eq. (5) index
SIGN = (1, -1, -1, 1)  # E_xy = Σ_ab (-1)^(a+b) p(ab|xy): the sign at outcome index 2a + b


def sw_point(ta, tb, p, q, r, s) -> tuple:
    """Eq. (9): Alice sees (x, ỹ), Bob (x̃, y); P(x̃=0|0) = p, P(x̃=1|1) = q, P(ỹ=0|0) = r, P(ỹ=1|1) = s."""
    cx, cy, zero = ((p, 1 - p), (1 - q, q)), ((r, 1 - r), (1 - s, s)), p - p  # scalars: fmpq_poly or Poly
    return tuple(sum((cy[y][t] for t in (0, 1) if ta[x][t] == a), zero) *
                 sum((cx[x][t] for t in (0, 1) if tb[t][y] == b), zero) for x, a, y, b in product((0, 1), repeat=4))


def sw_model(name: str, fids: list) -> list:
    """[(label, point)]: ``signaling`` S_(p,q),(r,s) (labels (kA, kB)) or ``signaling-mix``
    S_(p,1)*,(r,1)* of Eq. (11) (fidelities p, r; labels (channel, kA, kB))."""
    one, p, r = flint.fmpq_poly([1]), fids[0], fids[-1]
    side = lambda f, c: (f, one) if c == 0 else (one, f)  # noqa: E731 (fidelities of one direction)
    mix = [((c,), side(p, ca) + side(r, cb)) for c, (ca, cb) in enumerate(MIX)]
    chans = [((), fids)] if name == "signaling" else mix
    return [(lab + (ka, kb), sw_point(ta, tb, *f)) for lab, f in chans
            for ka, ta in enumerate(TABLES) for kb, tb in enumerate(TABLES)]


def scenario_relabelings(sc: Scenario, swap: bool = True) -> list:
    """The relabelings of the inputs, the outputs per input and (``swap``) the parties of equal shape, as sorted
    permutations π of the canonical coordinates p(a...|x...) (the image w of v has w[π[k]] = v[k])."""
    shapes, n = list(zip(sc.inputs, sc.outputs)), sc.parties
    own = [list(product(permutations(range(m)), product(permutations(range(o)), repeat=m))) for m, o in shapes]
    sigmas = [s for s in permutations(range(n)) if all(shapes[i] == shapes[j] for i, j in enumerate(s))]
    return sorted({tuple(sc.index(tuple(rel[i][1][x[i]][a[i]] for i in inv), tuple(rel[i][0][x[i]] for i in inv))
                         for a, x in sc.entries())  # party inv[j] (input x -> s(x), output a -> t_x(a)) at j
                   for sigma in (sigmas if swap else [tuple(range(n))])
                   for inv in [sorted(range(n), key=sigma.__getitem__)] for rel in product(*own)})


def relabelings() -> list:
    """The 128 relabelings of (2,2;2,2) (:func:`scenario_relabelings`) on the Eq. (5) coordinates, sorted."""
    return sorted(tuple(SW_INDEX[pi[SW_INDEX.index(m)]] for m in range(16)) for pi in scenario_relabelings(SW))


def correlator_relabelings(mx: int, my: int, space: str = "correlator") -> list:
    """The relabelings of (mx,my;2,2) without party swap: (π, None) on p(ab|xy), or signed permutations (π, s)
    of the E_xy (w[π[k]] = s[k]·v[k], k = my·x + y), sorted."""
    perms = scenario_relabelings(Scenario((mx, my), (2, 2)), swap=False)
    if space != "correlator":
        return [(pi, None) for pi in perms]
    return sorted({(tuple(pi[4 * k] // 4 for k in range(mx * my)), tuple(SIGN[pi[4 * k] % 4] for k in range(mx * my)))
                   for pi in perms})


def key(point) -> tuple:
    return tuple(str(c) for c in point)


def symmetries(points: list, maps=None) -> list:
    """(map, point permutation) of each relabeling (default :func:`relabelings`) mapping the distinct points
    onto themselves as polynomials (for all parameter values)."""
    keys = [key(v) for v in points]
    neg = [key([-c for c in v]) for v in points] if maps else keys
    where = {k: i for i, k in enumerate(keys)}
    out = []
    for pi, sg in maps or [(pi, None) for pi in relabelings()]:
        inv = sorted(range(len(pi)), key=pi.__getitem__)  # w[pi[k]] = v[k]: w[j] = v[inv[j]]
        img = [where.get(tuple(k[i] if sg is None or sg[i] > 0 else n[i] for i in inv))
               for k, n in zip(keys, neg)]
        if None not in img:
            out.append(((pi, sg), tuple(img)))
    return out


def at(point, x) -> tuple:
    """The point at parameter value x (constant polynomials: x is ignored)."""
    return tuple(to_fraction(c(to_fmpq(x))) for c in point)


def primitive(vec) -> tuple:
    """The primitive integer vector positively proportional to a rational vector."""
    m = lcm(*[Fraction(x).denominator for x in vec])
    ints = [int(Fraction(x) * m) for x in vec]
    g = gcd(*ints)
    return tuple(v // g for v in ints) if g else tuple(ints)


def pivot_columns(R, r) -> list:
    """The pivot column of each of the first r rows of a row echelon form R."""
    return [next(j for j in range(R.ncols()) if R[i, j] != 0) for i in range(r)]


class PointSet:
    """Rational points as homogenised primitive integer rows [1, v]; subset ranks are taken on the pivot
    columns of all rows (the other columns are combinations of them, on any subset)."""

    def __init__(self, points):
        self.points = [tuple(Fraction(x) for x in v) for v in points]
        self.rows = self.short = [primitive((1,) + v) for v in self.points]
        self.size, self.n = len(self.rows), len(self.rows[0]) - 1
        cols = self.pivots(range(self.size))
        self.short = [[row[j] for j in cols] for row in self.rows]

    def pivots(self, idx) -> list:
        """Pivot columns of the rows ``short`` of the points idx."""
        R, _, r = flint.fmpz_mat([self.short[i] for i in idx]).rref()
        return pivot_columns(R, r)

    def rank(self, idx, cols=None) -> int:
        """Rank of the homogenised rows (affine rank + 1) on ``cols`` (pivots of a superset of idx) or all."""
        cols = range(len(self.short[0])) if cols is None else cols
        rows = [self.short[i][j] for i in idx for j in cols]
        return flint.fmpz_mat(len(rows) // len(cols), len(cols), rows).rank() if rows else 0


def rank_minor(points, idx, xs, x1) -> flint.fmpq_poly:
    """The maximal minor of the homogenised rows [1, v] of points[idx] on their pivot rows and columns at
    x1, as a polynomial: interpolated at the points xs (more than its degree; Vandermonde system)."""
    def rows(x):
        return flint.fmpq_mat([[1, *(c(to_fmpq(x)) for c in points[i])] for i in idx])

    M = rows(x1)
    sel, cols = pivot_columns(*M.transpose().rref()), pivot_columns(*M.rref())
    minors = [[flint.fmpq_mat([[t[i][j] for j in cols] for i in sel]).det()] for t in (rows(x).table() for x in xs)]
    V = flint.fmpq_mat([[to_fmpq(x) ** k for k in range(len(xs))] for x in xs])
    return flint.fmpq_poly(V.solve(flint.fmpq_mat(minors)).entries())


# -- polynomials in one parameter over a domain ---------------------------------------------------------
def roots_in(f, dom) -> int:
    """Number of distinct real roots of the nonzero polynomial f in the domain ``dom`` (params.Domain)."""
    if f.degree() < 1:
        return 0
    a = upoly.trim(f // f.gcd(f.derivative()))  # square-free: Sturm counts distinct roots
    zero = lambda x: upoly.evaluate(a, x) == 0  # noqa: E731
    ends = (zero(dom.lo) and dom.lo_closed) - (zero(dom.hi) and not dom.hi_closed)  # count_roots: on (lo, hi]
    return upoly.count_roots(a, dom.lo, dom.hi) + ends - sum(zero(x) for x in dom.excluded)


# -- groups of point permutations, on bit masks ----------------------------------------------------------
def bits(S) -> int:
    return sum(1 << i for i in set(S))


BYTE_BITS = [[j for j in range(8) if b >> j & 1] for b in range(256)]


def members(m: int) -> list:
    """The set bits of the mask m >= 0, increasing (bytes, then a table of each byte's bits)."""
    return [8 * i + j for i, b in enumerate(m.to_bytes((m.bit_length() + 7) // 8, "little")) if b for j in BYTE_BITS[b]]


class Group:
    """A permutation group given by ALL its elements (sorted), acting on bit masks."""

    def __init__(self, elements):
        self.elements = sorted(set(map(tuple, elements)))
        self.order, where = len(self.elements), {g: e for e, g in enumerate(self.elements)}
        self.inv = [where[tuple(sorted(range(len(g)), key=g.__getitem__))] for g in self.elements]
        self.rows = [[1 << j for j in g] for g in self.elements]

    def image(self, e: int, m: int) -> int:
        return sum(map(self.rows[e].__getitem__, members(m)))

    def images(self, m: int, elems=None) -> list:
        mem, rows = members(m), self.rows if elems is None else map(self.rows.__getitem__, elems)
        return [sum(map(row.__getitem__, mem)) for row in rows]

    def canonical_with(self, m: int):
        """(least image of the mask m, the first element giving it). A least image has the least top point, so
        only the elements with the least top point are applied in full."""
        mem = members(m)
        tops = [max(map(g.__getitem__, mem), default=0) for g in self.elements]
        t = min(tops)
        return min((sum(map(self.rows[e].__getitem__, mem)), e) for e, x in enumerate(tops) if x == t)


# -- completeness of a facet list (exact, recursive) ------------------------------------------------------
def small_facets(ps: PointSet, Q: int, r: int):
    """The facets of conv(Q) (homogeneous rank r) when |Q| ≤ r + 2, else None. Gale duality: F is a face iff 0
    is a positive combination of the Gale vectors g_q (rows of the dependencies) of Q \\ F; facets complement
    the minimal such sets (k = |Q| − r ≤ 2): a zero g_q; g_p, g_q opposite; 0 inside a triangle of g's."""
    if Q.bit_count() > r + 2:
        return None
    idx = members(Q)
    k, n, c = len(idx) - r, len(idx), len(ps.short[0])
    g = [()] * n
    if k:  # the dependencies of the homogenised points (as columns; pivot coordinates suffice)
        X, _ = flint.fmpz_mat(c, n, [ps.short[i][j] for j in range(c) for i in idx]).nullspace()
        g = [tuple(int(X[i, c]) for c in range(k)) for i in range(n)]
    cross = lambda i, j: g[i][0] * g[j][1] - g[i][1] * g[j][0] if k == 2 else 0
    out = [[i] for i in range(n) if not any(g[i])]
    live = [i for i in range(n) if any(g[i])]
    out += [[i, j] for i, j in combinations(live, 2) if cross(i, j) == 0 and sum(map(int.__mul__, g[i], g[j])) < 0]
    if k == 2:
        out += [t for t in combinations(live, 3) if (s := {(c > 0) - (c < 0) for c in (
            cross(t[0], t[1]), cross(t[1], t[2]), cross(t[2], t[0]))}) == {1} or s == {-1}]
    return frozenset(Q & ~bits(idx[i] for i in c) for c in out)


def incidence(faces) -> dict:
    """Point -> bit set (over positions in ``faces``) of the faces containing it."""
    col, size = {}, len(faces) // 8 + 1
    for i, F in enumerate(faces):
        for p in members(F):
            b = col[p] = col.get(p) or bytearray(size)
            b[i >> 3] |= 1 << (i & 7)
    return {p: int.from_bytes(b, "little") for p, b in col.items()}


def containing(col: dict, X: int, avoid: int = 0) -> int:
    """Bit set of the positions of the faces (incidences ``col``) containing X (X ≠ ∅) and no point of avoid."""
    c = -1
    for p in members(X):
        c &= col.get(p, 0)
    for p in members(avoid):
        c &= ~col.get(p, 0)
    return c


def ridges_among(F: int, faces, need: int, col=None) -> frozenset:
    """The inclusion-maximal intersections F ∩ G (G ≠ F listed) of at least ``need`` points (the facets of F
    if the list is complete). With ``col`` (incidences of ``faces``) only the G through one of some
    |F| − need + 1 points of F are met: any other G has fewer than ``need`` points of F."""
    if col and need > 0:  # the G through one of the |F| − need + 1 points of F in the fewest listed facets
        few, near = sorted(members(F), key=lambda p: col.get(p, 0).bit_count())[:max(0, F.bit_count() - need + 1)], 0
        for p in few:
            near |= col.get(p, 0)
        faces = [faces[j] for j in members(near)]
    meets = sorted({I for G in faces if (I := F & G).bit_count() >= need} - {F}, key=int.bit_count)
    col = incidence(meets) if len(meets) > 64 else None
    return frozenset(I for k, I in enumerate(meets) if (containing(col, I) == 1 << k if col else not any(
        I & J == I for J in meets[k + 1:])))  # (distinct, by size: only a later one can contain I)


class Faces:
    """Facet lists of faces of conv(points), memoised exactly (``("=", Q)``) or up to ``group`` (g(Q) has the
    facets g(F): keyed by the least image, memoised as ``("g", Q)``)."""

    def __init__(self, ps: PointSet, memo=None, ranks=None, group: Group | None = None):
        self.ps, self.group = ps, group
        self.memo = {} if memo is None else memo
        self.ranks = {} if ranks is None else ranks

    def rank(self, m: int, cols=None) -> int:
        if m not in self.ranks:
            self.ranks[m] = self.ps.rank(members(m), cols)
        return self.ranks[m]

    def key(self, m):
        if self.group is not None and ("g", m) not in self.memo:
            self.memo["g", m] = self.group.canonical_with(m)
        return (m, None) if self.group is None else self.memo["g", m]

    def mapped(self, e, fs, inverse=False):
        return fs if e is None else frozenset(self.group.image(self.group.inv[e] if inverse else e, F) for F in fs)

    def known(self, F: int, r: int):
        """The facets of the face F (rank r) if decided without search: few points, or settled before."""
        out = self.memo.get(("=", F))
        if out is None:
            out = small_facets(self.ps, F, r)
        if out is None:
            kF, eF = self.key(F)
            if kF in self.memo:
                out = self.memo["=", F] = self.mapped(eF, self.memo[kF], inverse=True)
        return out

    def complete(self, Q: int, fs: frozenset, stab=None):
        """(True, None) if ``fs`` (faces of conv(Q) of codimension one) are all the facets of conv(Q), else
        (False, reason). The facet–ridge graph is connected and each ridge lies in two facets, so the list is
        complete iff for each member F the F ∩ G (G listed) are all the facets of F. Members through one
        point v are skipped (a missing facet through v has a missing neighbour avoiding v); with ``stab``
        (elements of ``group`` fixing Q) the list must be a union of orbits and one member per orbit is
        examined. A member with :meth:`known` facets needs only each of them to be some F ∩ G."""
        r, nQ = self.rank(Q), Q.bit_count()
        direct = None if r <= 2 else small_facets(self.ps, Q, r)
        ok = (not fs if r <= 1 else len(fs) == 2 if r == 2 else fs == direct if direct is not None else bool(fs))
        if not ok:
            return False, f"face of {nQ} points, affine rank {r - 1}: incomplete facet list ({len(fs)} found)"
        if r <= 2 or direct is not None:  # decided without memo
            return True, None
        k, e = self.key(Q)
        img = self.mapped(e, fs)
        if k in self.memo:  # Q or an image of Q settled before (an exact entry ("=", Q) implies one)
            return (True, None) if self.memo[k] == img else (False, f"face of {nQ} points has another facet list")
        flist, reps, seen = sorted(fs), [], set()
        for R in flist if stab is not None else ():  # the orbits of the first unseen members cover fs
            if R not in seen:
                seen.update(self.group.images(R, stab))
                reps.append(R)
        if not seen <= fs:  # then fs is their union: invariant
            return False, "the ridge list is not invariant under the stabiliser of the facet"
        tested = flist if stab is None else reps  # ranks on the face's pivot columns, when fewer
        cols = self.ps.pivots(members(Q)) if r < len(self.ps.short[0]) - 2 and any(
            F not in self.ranks for F in tested) else None
        if any(self.rank(F, cols) != r - 1 for F in tested):
            return False, "a listed facet has the wrong rank"
        if stab is None:
            count = dict.fromkeys(members(Q), 0)
            for i in (i for F in flist for i in members(F & Q)):
                count[i] += 1
            v = max(count, key=lambda i: (count[i], -i))
            if count[v] == len(flist):
                return False, f"every listed facet of a face with {nQ} points contains one point"
            reps = [F for F in flist if not F >> v & 1]
        col = incidence(flist) if len(flist) > 256 else None  # point incidences of the listed facets, for many
        where = {F: j for j, F in enumerate(flist)} if col else None
        for F in reps:
            known = self.known(F, r - 1)
            if known is None:
                ok, why = self.complete(F, ridges_among(F, flist, r - 2, col))
                if not ok:
                    return False, why
                continue
            # each known facet X of F is F ∩ G for a listed G ≠ F: G ⊇ X and G has no point of F \ X
            if not (all(X & ~F == 0 and containing(col, X, F & ~X) & ~(1 << where[F]) for X in known) if col
                    else known <= {F & G for G in flist if G != F}):
                return False, f"a facet of a face of {F.bit_count()} points lies in no other listed facet"
        self.memo[k], self.memo["=", Q] = img, fs
        return True, None


def verify_complete(ps: PointSet, Q: int, facets, memo=None, ranks=None, group: Group | None = None, stab=None):
    """:meth:`Faces.complete` of ``facets`` (memoised up to the symmetries ``group``, if given)."""
    return Faces(ps, memo, ranks, group).complete(Q, frozenset(facets), stab)


# -- affine symmetries of a point set ------------------------------------------------------------------------
def projection_gram(points) -> list:
    """W = X (XᵀX)⁻¹ Xᵀ scaled to integers, X the centred points in pivot coordinates: a permutation π of the
    points is induced by an affine map iff W[πi][πj] = W[i][j] (π preserves col X: ΠX = XM, M invertible)."""
    n, N = len(points), len(points[0])
    L = n * lcm(*[Fraction(x).denominator for v in points for x in v])
    s = [sum(Fraction(v[j]) for v in points) for j in range(N)]
    X = flint.fmpz_mat(n, N, [int(Fraction(v[j]) * L - s[j] * L / n) for v in points for j in range(N)])
    R, _, r = X.rref()
    X = flint.fmpz_mat([[X[i, j] for j in pivot_columns(R, r)] for i in range(n)])
    S = X.transpose() * X
    adj = flint.fmpz_mat([[int(x * S.det()) for x in row] for row in S.inv().tolist()])
    return (X * adj * X.transpose()).tolist()


def affine_order_bound(points) -> int:
    """An upper bound on the order of the group G of affine maps permuting the distinct ``points`` (the
    automorphisms of W, :func:`projection_gram`): the colour refinement after individualising b_0 … b_{i−1}
    is invariant under their stabiliser, so |G| = ∏ |orbit of b_i| ≤ ∏ |cell of b_i|."""
    W = projection_gram(points)
    n, code = len(W), {}
    w = [[code.setdefault(x, len(code)) for x in row] for row in W]
    col, bound = [0] * n, 1
    while True:
        while True:  # refine to the stable colouring; colours named by sorted signatures (label-free)
            sig = [(col[v], tuple(sorted((n + 1) * x + col[u] for u, x in enumerate(w[v])))) for v in range(n)]
            names = {s: i for i, s in enumerate(sorted(set(sig)))}
            stable, col = len(names) == len(set(col)), [names[s] for s in sig]
            if stable:
                break
        big = [c for c in ([v for v in range(n) if col[v] == x] for x in set(col)) if len(c) > 1]
        if not big:
            return bound
        cell = min(big, key=lambda c: (len(c), c[0]))
        bound *= len(cell)
        col[cell[0]] = n  # individualised: a colour no other point has
