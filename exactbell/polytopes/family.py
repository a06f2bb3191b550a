"""Parametric facet families F(p) of the signaling polytopes, decided for ALL p in an interval.

Float-free (checkers import it). For a one-parameter family, every entry of F(p), the bound and
the vertices V(p) are rational functions of p. Over a common denominator D(p) (sign-constant on
the open interval), the slack of each vertex, D·(bound − ⟨F, V⟩), is a polynomial; its sign on the
whole interval is decided by exact real-root isolation (:func:`exactbell.kernel.upoly.sign_cells`).

Facetness: the identically tight labels T (slack ≡ 0) are found exactly; their affine rank at a
rational sample p0 equals dim − 1, which proves the generic rank. The rank can only drop at the
real roots of one maximal minor of T (a nonzero polynomial, obtained by exact interpolation) or
where every slack vanishes; those roots in the open interval are returned as *exceptional* points
(isolating intervals), outside of which F(p) is a facet.
"""
from __future__ import annotations

from fractions import Fraction

import flint

from ..kernel import upoly
from ..kernel.poly import Poly, RationalFunction
from .exact import PointSet
from .models import TABLES, signaling_points


def _u(poly: Poly, var: str | None) -> list:
    if var is None:
        c = poly.constant_value()
        if c is None:
            raise ValueError(f"unexpected parameter in {poly.to_text()}")
        return upoly.trim([c])
    return upoly.trim(poly.univariate_coefficients(var))


def _lcm(a, b):
    return upoly.trim(upoly.flint(upoly.mul(a, b)) // upoly.flint(a).gcd(upoly.flint(b)))


def _fq(x: Fraction):
    x = Fraction(x)
    return flint.fmpq(x.numerator, x.denominator)


def _fr(c) -> Fraction:
    return Fraction(int(c.p), int(c.q))


def to_flint(a: list) -> flint.fmpq_poly:
    return flint.fmpq_poly([_fq(c) for c in a])


def from_flint(a: flint.fmpq_poly) -> list:
    return upoly.trim([_fr(c) for c in a.coeffs()])


class SignalingFamily:
    """Vertices of S_(p,q),(r,s) with fidelities given as polynomials in (at most) one variable."""

    def __init__(self, fidelities: list, var: str | None):
        self.var = var
        self.labels = [(ka, kb) for ka in range(len(TABLES)) for kb in range(len(TABLES))]
        pts = signaling_points(*fidelities)
        self.vertices = {lab: [to_flint(_u(Poly.lift(x), var)) for x in v] for lab, v in pts}
        self._cache: dict = {}

    def points_at(self, x, labels=None) -> list:
        if x not in self._cache:
            if self.var is None:
                self._cache[x] = {lab: tuple(_fr(c(0)) for c in V) for lab, V in self.vertices.items()}
            else:
                fx = _fq(x)
                self._cache[x] = {lab: tuple(_fr(c(fx)) for c in V) for lab, V in self.vertices.items()}
            if len(self._cache) > 64:
                self._cache.pop(next(iter(self._cache)))
        table = self._cache[x]
        labels = self.labels if labels is None else labels
        return [table[tuple(lab)] for lab in labels]


class MixFamily(SignalingFamily):
    """Vertices of S_(p,1)*,(r,1)* (Eq. (11)): labels (channel, kA, kB), channel = 0..3 in the order
    (p,1),(r,1) / (p,1),(1,r) / (1,p),(r,1) / (1,p),(1,r)."""

    def __init__(self, p, r, var: str | None):
        from .models import MIX_CHANNELS

        self.var = var
        one = Poly.const(1)
        self.labels, self.vertices, self._cache = [], {}, {}
        for c, (ca, cb) in enumerate(MIX_CHANNELS.values()):
            fx = (p, one) if ca == 0 else (one, p)
            fy = (r, one) if cb == 0 else (one, r)
            for (ka, kb), v in signaling_points(*fx, *fy):
                lab = (c, ka, kb)
                self.labels.append(lab)
                self.vertices[lab] = [to_flint(_u(Poly.lift(x), var)) for x in v]


def common_form(entries: list, bound, var):
    """(numerators N_k, N_b, D): entries = N_k / D, bound = N_b / D with D = lcm of denominators."""
    rfs = [RationalFunction.lift(e) for e in entries] + [RationalFunction.lift(bound)]
    nums = [_u(f.num, var) for f in rfs]
    dens = [_u(f.den, var) for f in rfs]
    D = [Fraction(1)]
    for d in dens:
        D = _lcm(D, d)
    out = [upoly.mul(n, upoly.flint(D) // upoly.flint(d)) for n, d in zip(nums, dens)]
    return out[:-1], out[-1], D


def interval_sign(D, lo, hi) -> int | None:
    """The sign of polynomial D on the open interval (lo, hi), or None if it vanishes there."""
    D = upoly.trim(D)
    if not D:
        return None
    if len(D) > 1:
        roots = [r for r in upoly.isolate_real_roots(D, lo, hi) if not (r[1] == hi and upoly.evaluate(D, hi) == 0)]
        if roots:
            return None
    v = upoly.evaluate(D, (Fraction(lo) + Fraction(hi)) / 2)
    return (v > 0) - (v < 0)


def interpolate(xs, ys) -> list:
    """The polynomial of degree < len(xs) through the points (exact Lagrange)."""
    out: list = []
    for i, (xi, yi) in enumerate(zip(xs, ys)):
        if yi == 0:
            continue
        term = [Fraction(yi)]
        denom = Fraction(1)
        for j, xj in enumerate(xs):
            if j != i:
                term = upoly.mul(term, [-Fraction(xj), Fraction(1)])
                denom *= xi - xj
        out = upoly.add(out, upoly.scale(term, 1 / denom))
    return out


def rank_minor(fam: SignalingFamily, labels, x0) -> tuple[int, list]:
    """(rank r of the homogenised tight rows at x0, a nonzero r×r minor as a polynomial in p)."""
    pts = fam.points_at(x0, labels)
    rows = [[Fraction(1)] + list(v) for v in pts]
    if not rows:
        return 0, [Fraction(1)]
    n = len(rows[0])
    M = flint.fmpq_mat(len(rows), n, [_fq(x) for r in rows for x in r])
    r = M.rank()
    # greedy independent rows, then independent columns
    sel, cur = [], 0
    for i in range(len(rows)):
        T = flint.fmpq_mat(len(sel) + 1, n, [_fq(x) for k in sel + [i] for x in rows[k]])
        if T.rank() > cur:
            sel.append(i)
            cur += 1
        if cur == r:
            break
    cols, cur = [], 0
    for j in range(n):
        T = flint.fmpq_mat(r, len(cols) + 1, [_fq(rows[i][k]) for i in sel for k in cols + [j]])
        if T.rank() > cur:
            cols.append(j)
            cur += 1
        if cur == r:
            break
    if fam.var is None:
        return r, [Fraction(1)]
    sel_labels = [labels[i] for i in sel]
    one = flint.fmpq_poly([1])
    A = [[([one] + fam.vertices[tuple(lab)])[k] for k in cols] for lab in sel_labels]
    return r, from_flint(bareiss_det(A))


def bareiss_det(A) -> flint.fmpq_poly:
    """Determinant of a square matrix of polynomials (fraction-free Bareiss elimination)."""
    A = [list(row) for row in A]
    n = len(A)
    sign, prev = 1, flint.fmpq_poly([1])
    for k in range(n - 1):
        if A[k][k] == 0:
            piv = next((i for i in range(k + 1, n) if A[i][k] != 0), None)
            if piv is None:
                return flint.fmpq_poly([])
            A[k], A[piv] = A[piv], A[k]
            sign = -sign
        for i in range(k + 1, n):
            for j in range(k + 1, n):
                num = A[i][j] * A[k][k] - A[i][k] * A[k][j]
                q, rem = divmod(num, prev)
                if rem != 0:
                    raise ArithmeticError("Bareiss division not exact")
                A[i][j] = q
        prev = A[k][k]
    return A[n - 1][n - 1] * sign if n else flint.fmpq_poly([1])


def analyse(fam: SignalingFamily, entries: list, bound, sense: str, lo=None, hi=None, x0=None) -> dict:
    """Decide one inequality of the family. ``entries``: 16 RationalFunctions (row by row)."""
    var = fam.var
    N, Nb, D = common_form(entries, bound, var)
    if var is not None:
        sD = interval_sign(D, lo, hi)
        if sD is None:
            return {"status": "undefined", "reason": "a denominator vanishes inside the interval"}
    else:
        sD = 1 if D[0] > 0 else -1
    sgn = sD if sense == "<=" else -sD
    fN = [to_flint(n) for n in N]
    fB = to_flint(Nb)
    slacks = {}
    for lab in fam.labels:
        acc = fB
        for n_k, v_k in zip(fN, fam.vertices[lab]):
            if n_k and v_k:
                acc = acc - n_k * v_k
        slacks[lab] = acc if sgn > 0 else -acc
    distinct = {}
    for lab in fam.labels:
        key = str(slacks[lab])
        if key not in distinct:
            distinct[key] = from_flint(slacks[lab])
        slacks[lab] = distinct[key]
    tight = [lab for lab in fam.labels if not slacks[lab]]
    if x0 is not None or var is None:
        at = Fraction(x0) if var is not None else None
        tight_now = [lab for lab in fam.labels if (upoly.evaluate(slacks[lab], at) if var else (slacks[lab][0] if slacks[lab] else 0)) == 0]
    else:
        tight_now = tight
    violation = None
    seen = set()
    for lab in fam.labels:
        s = slacks[lab]
        key = tuple(s)
        if key in seen:
            continue
        seen.add(key)
        if var is None:
            if s and s[0] < 0:
                violation = {"vertex": list(lab), "at": None, "amount": -s[0] / abs(D[0])}
                break
        else:
            ok, x = upoly.nonnegative_on(s, lo, hi)
            if not ok:
                # report a point strictly inside the open interval
                if x in (lo, hi):
                    for y, sg in upoly.sign_cells(s, lo, hi)[1:-1]:
                        if sg < 0:
                            x = y
                            break
                if x in (lo, hi):
                    continue  # negative only at an endpoint excluded from the open interval
                amount = -upoly.evaluate(s, x) / abs(upoly.evaluate(D, x))
                violation = {"vertex": list(lab), "at": x, "amount": amount}
                break
    x_s = x0 if var is not None else None
    dim = PointSet(fam.points_at(x_s)).affine_dim()
    r, minor = rank_minor(fam, tight, x_s)
    at = Fraction(x0) if var is not None else None
    d_at = upoly.evaluate(D, at) if var is not None else D[0]
    total = sum((upoly.evaluate(slacks[lab], at) if var is not None else (slacks[lab][0] if slacks[lab] else 0)
                 for lab in fam.labels), Fraction(0))
    out = {"tight": tight, "tight_at_sample": tight_now, "slack_sum": total / abs(d_at), "rank": r - 1, "dim": dim, "violation": violation}
    if violation is not None:
        out["status"] = "invalid"
        return out
    if len(tight) == len(fam.labels):
        out["status"] = "implicit-equality"
        return out
    out["status"] = "facet" if r - 1 == dim - 1 else "valid-not-facet"
    if var is not None and out["status"] == "facet":
        g: list = []
        for lab in fam.labels:
            if slacks[lab]:
                g = upoly.trim(upoly.flint(g).gcd(upoly.flint(slacks[lab]))) if g else slacks[lab]
        bad = upoly.mul(minor, g if g else [Fraction(1)])
        roots = upoly.isolate_real_roots(bad, lo, hi) if len(upoly.trim(bad)) > 1 else []
        out["exceptional"] = [(a, b) for a, b in roots if not (b == hi and upoly.evaluate(bad, hi) == 0)]
    return out
