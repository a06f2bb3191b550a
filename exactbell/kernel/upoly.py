"""Univariate polynomials over Q as coefficient lists (Fractions, lowest degree first), computed
with python-flint's fmpq_poly. Exact Sturm sequences give root counts on intervals; this is what
isolates real algebraic numbers and proves sign conditions of one-parameter rational functions.
"""
from __future__ import annotations

from fractions import Fraction

from flint import fmpq, fmpq_poly


def _q(x) -> fmpq:
    x = Fraction(x)
    return fmpq(x.numerator, x.denominator)


def flint(a) -> fmpq_poly:
    """A coefficient list (or an fmpq_poly) as an fmpq_poly."""
    return a if isinstance(a, fmpq_poly) else fmpq_poly([_q(x) for x in a])


def coeffs(p) -> list:
    """The trimmed coefficient list of an fmpq_poly (or of a list)."""
    return [Fraction(int(c.p), int(c.q)) for c in flint(p).coeffs()]


def trim(a): return coeffs(a)  # noqa: E704 - list arithmetic over fmpq_poly
def add(a, b): return coeffs(flint(a) + flint(b))  # noqa: E704
def scale(a, c): return coeffs(flint(a) * _q(c))  # noqa: E704
def mul(a, b): return coeffs(flint(a) * flint(b))  # noqa: E704
def derivative(a): return coeffs(flint(a).derivative())  # noqa: E704
def gcd(a, b): return coeffs(flint(a).gcd(flint(b)))  # noqa: E704 - monic, [] for two zeros


def divmod_(a, b) -> tuple:
    if flint(b) == 0:
        raise ZeroDivisionError("polynomial division by zero")
    return tuple(coeffs(p) for p in divmod(flint(a), flint(b)))


def evaluate(a, x):
    """a(x) by Horner's rule, for any exact x (a rational or an element of a number field)."""
    acc = 0
    for c in reversed(a):
        acc = acc * x + c
    return acc


def _sign(p: fmpq_poly, x) -> int:
    v = p(_q(x))
    return (v > 0) - (v < 0)


def _sturm(p: fmpq_poly) -> list:
    """The Sturm sequence p, p', ..., p_{k+1} = -(p_{k-1} mod p_k), up to the last nonzero term."""
    seq = [p, p.derivative()]
    while seq[-1] != 0:
        seq.append(-(seq[-2] % seq[-1]))
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
    return _count(_sturm(p), lo, hi) if p.degree() > 0 else 0


def _squarefree(a) -> fmpq_poly:
    """Same roots, each simple."""
    p = flint(a)
    return p / p.gcd(p.derivative())


def isolate_real_roots(a, lo: Fraction | None = None, hi: Fraction | None = None) -> list[tuple[Fraction, Fraction]]:
    """Sorted disjoint intervals (l, h], each holding exactly one distinct real root of ``a``.

    Bisection never splits at a root (it moves the split point), so a root may only sit at
    the right end ``h`` of its interval.
    """
    if flint(a).degree() < 1:
        return []
    sq = _squarefree(a)
    seq, c = _sturm(sq), coeffs(sq)
    if lo is None or hi is None:  # Cauchy: all real roots lie in (-B, B)
        hi = 1 + max(abs(x / c[-1]) for x in c[:-1])
        lo = -hi
    out, stack = [], [(Fraction(lo), Fraction(hi))]
    while stack:
        l, h = stack.pop()
        n = _count(seq, l, h)
        if n == 1:
            out.append((l, h))
        elif n > 1:
            k = 2
            m = (l + h) / 2
            while _sign(sq, m) == 0:
                k += 1
                m = l + (h - l) / k
            stack += [(l, m), (m, h)]
    return sorted(out)


def sign_cells(a, lo: Fraction, hi: Fraction) -> list[tuple[Fraction, int]]:
    """Exact sign pattern of ``a`` on the closed interval [lo, hi].

    Returns rational sample points with their signs: the two ends, and one point strictly
    inside every open cell between consecutive distinct roots. The sign of ``a`` is constant
    on each cell, so these samples decide any sign condition on [lo, hi].
    """
    lo, hi, p = Fraction(lo), Fraction(hi), flint(a)
    ends = [(lo, _sign(p, lo)), (hi, _sign(p, hi))]
    if p.degree() < 1 or lo >= hi:
        return ends
    sq = _squarefree(p)
    seq = _sturm(sq)
    boxes = [list(b) for b in isolate_real_roots(sq, lo, hi) if not (b[1] == hi and _sign(sq, hi) == 0)]

    def bisect(b):
        m = (b[0] + b[1]) / 2
        if _sign(sq, m) == 0:
            b[0] = b[1] = m
        elif _count(seq, b[0], m) == 1:
            b[1] = m
        else:
            b[0] = m

    changed = True
    while changed:  # refine until lo < box_0 < box_1 < ... < hi with strict gaps
        changed = False
        rights = [lo] + [b[1] for b in boxes]
        lefts = [b[0] for b in boxes] + [hi]
        for i, b in enumerate(boxes):
            if b[0] != b[1] and (b[0] <= rights[i] or b[1] >= lefts[i + 1]):
                bisect(b)
                changed = True
    gaps = [lo] + [x for b in boxes for x in b] + [hi]
    mids = [(left + right) / 2 for left, right in zip(gaps[::2], gaps[1::2])]
    return [ends[0]] + [(m, _sign(p, m)) for m in mids] + [ends[1]]


def nonnegative_on(a, lo: Fraction, hi: Fraction) -> tuple[bool, Fraction | None]:
    """(True, None) if a ≥ 0 on [lo, hi]; else (False, x) with a(x) < 0 at an exact rational x."""
    return next(((False, x) for x, s in sign_cells(a, lo, hi) if s < 0), (True, None))
