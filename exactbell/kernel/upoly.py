"""Univariate polynomials over Q as coefficient lists (Fractions, lowest degree first) computed with python-flint's
fmpq_poly; exact Sturm sequences count, isolate and separate their real roots on rational intervals."""
from __future__ import annotations

from fractions import Fraction

from flint import fmpq, fmpq_poly


def to_fmpq(x) -> fmpq:
    x = Fraction(x)
    return fmpq(x.numerator, x.denominator)


def to_fraction(c) -> Fraction:
    """An fmpq as a Fraction."""
    return Fraction(int(c.p), int(c.q))


def flint(a) -> fmpq_poly:
    """A coefficient list (or an fmpq_poly) as an fmpq_poly."""
    return a if isinstance(a, fmpq_poly) else fmpq_poly([to_fmpq(x) for x in a])


def trim(a) -> list:
    """The trimmed coefficient list of an fmpq_poly (or of a list)."""
    return [to_fraction(c) for c in flint(a).coeffs()]


def add(a, b): return trim(flint(a) + flint(b))  # noqa: E704
def scale(a, c): return trim(flint(a) * to_fmpq(c))  # noqa: E704
def mul(a, b): return trim(flint(a) * flint(b))  # noqa: E704


def evaluate(a, x):
    """a(x) by Horner's rule, for any exact x (a rational or an element of a number field)."""
    acc = 0
    for c in reversed(trim(a) if isinstance(a, fmpq_poly) else a):
        acc = acc * x + c
    return acc


def _sign(p: fmpq_poly, x) -> int:
    v = p(to_fmpq(x))
    return (v > 0) - (v < 0)


def sturm(p: fmpq_poly) -> list:
    """The Sturm sequence p, p', ..., p_{k+1} = -(p_{k-1} mod p_k) / c_k, up to the last nonzero term; c_k > 0 the
    content (signs, hence sign changes, are unchanged; the coefficients stay small: a primitive PRS)."""
    seq = [p, p.derivative()]
    while seq[-1] != 0:
        r = -(seq[-2] % seq[-1])
        seq.append(fmpq_poly(r.numer()) / fmpq(abs(int(r.numer().content()))) if r != 0 else r)
    return seq[:-1]


def _count(seq, lo, hi) -> int:
    changes = []
    for x in (lo, hi):
        signs = [s for s in (_sign(p, x) for p in seq) if s]
        changes.append(sum(s != t for s, t in zip(signs, signs[1:])))
    return changes[0] - changes[1]


def count_roots(a, lo: Fraction, hi: Fraction) -> int:
    """Number of distinct real roots of ``a`` in the half-open interval (lo, hi] (Sturm)."""
    p = flint(a)
    return _count(sturm(p), lo, hi) if p.degree() > 0 else 0


def isolate_real_roots(a, lo: Fraction, hi: Fraction) -> list[tuple]:
    """Sorted disjoint intervals (l, h], each with one distinct root of ``a`` (bisection avoids roots: one may be h)."""
    if flint(a).degree() < 1:
        return []
    sq = flint(a) / flint(a).gcd(flint(a).derivative())  # the same roots, each simple
    seq = sturm(sq)
    out, stack = [], [(Fraction(lo), Fraction(hi))]
    while stack:
        l, h = stack.pop()
        n = _count(seq, l, h)
        if n == 1:
            out.append((l, h))
        elif n > 1:
            k, m = 2, (l + h) / 2
            while _sign(sq, m) == 0:
                k += 1
                m = l + (h - l) / k
            stack += [(l, m), (m, h)]
    return sorted(out)


def sign_cells(a, lo: Fraction, hi: Fraction) -> list[tuple[Fraction, int]]:
    """(x, sign of a(x)) at lo, hi and a rational point of each open cell between the roots in [lo, hi]."""
    lo, hi, p = Fraction(lo), Fraction(hi), flint(a)
    if p.degree() < 1 or lo >= hi:
        return [(lo, _sign(p, lo)), (hi, _sign(p, hi))]
    rational, records = roots_between([p], lo, hi)
    samples = separate(records + [[x, x, None] for x in {lo, hi} | rational])
    return [(x, _sign(p, x)) for x in [lo] + samples + [hi]]


def roots_between(polys, lo: Fraction, hi: Fraction) -> tuple[set, list]:
    """(rational roots in (lo, hi), [l, h, Sturm sequence] for the others) of the irreducible factors."""
    rational, records = set(), []
    for f in sorted({tuple(trim(g / g.leading_coefficient())) for p in polys for g, _e in flint(p).factor()[1]}):
        if len(f) == 2 and lo < -f[0] / f[1] < hi:
            rational.add(-f[0] / f[1])
        elif len(f) > 2:
            seq = sturm(flint(f))
            records += [[l, h, seq] for l, h in isolate_real_roots(f, lo, hi)]
    return rational, records


def separate(pts: list) -> list:
    """Bisect records [l, h, seq] (the root in (l, h] of seq[0]; seq None: the point l = h) until they are
    disjoint with gaps; the midpoints of the gaps (one point of each open cell)."""
    while True:
        pts.sort(key=lambda r: r[0])
        clash = [r for i, r in enumerate(pts) if r[2] is not None and (
            (i > 0 and pts[i - 1][1] >= r[0]) or (i + 1 < len(pts) and r[1] >= pts[i + 1][0]))]
        if not clash:
            return [(a[1] + b[0]) / 2 for a, b in zip(pts, pts[1:])]
        for r in clash:
            m = (r[0] + r[1]) / 2
            if _sign(r[2][0], m) == 0:
                r[:] = [m, m, None]
            else:
                r[:2] = [r[0], m] if _count(r[2], r[0], m) == 1 else [m, r[1]]


def nonnegative_on(a, lo: Fraction, hi: Fraction) -> tuple[bool, Fraction | None]:
    """(True, None) if a ≥ 0 on [lo, hi]; else (False, x) with a(x) < 0 at an exact rational x."""
    return next(((False, x) for x, s in sign_cells(a, lo, hi) if s < 0), (True, None))
