"""Univariate polynomials over Q as coefficient lists, lowest degree first.

Exact Sturm sequences give root counts on intervals; this is what isolates real algebraic
numbers and proves sign conditions of one-parameter rational functions.
"""
from __future__ import annotations

from fractions import Fraction
from itertools import zip_longest

Poly1 = list  # list[Fraction], index = degree


def trim(a: Poly1) -> Poly1:
    a = list(a)
    while a and a[-1] == 0:
        a.pop()
    return a


def degree(a: Poly1) -> int:
    return len(trim(a)) - 1


def add(a: Poly1, b: Poly1) -> Poly1:
    return trim([x + y for x, y in zip_longest(a, b, fillvalue=0)])


def scale(a: Poly1, c) -> Poly1:
    return trim([c * x for x in a])


def mul(a: Poly1, b: Poly1) -> Poly1:
    if not a or not b:
        return []
    out = [Fraction(0)] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                out[i + j] += x * y
    return trim(out)


def divmod_(a: Poly1, b: Poly1) -> tuple[Poly1, Poly1]:
    b = trim(b)
    if not b:
        raise ZeroDivisionError("polynomial division by zero")
    r = [Fraction(x) for x in trim(a)]
    q = [Fraction(0)] * max(len(r) - len(b) + 1, 0)
    lead = Fraction(b[-1])
    while len(r) >= len(b) and r:
        c = r[-1] / lead
        k = len(r) - len(b)
        q[k] = c
        for i, y in enumerate(b):
            r[k + i] -= c * y
        r = trim(r)
    return trim(q), r


def derivative(a: Poly1) -> Poly1:
    return trim([i * a[i] for i in range(1, len(a))])


def evaluate(a: Poly1, x):
    acc = 0
    for c in reversed(a):
        acc = acc * x + c
    return acc


def gcd(a: Poly1, b: Poly1) -> Poly1:
    a, b = trim(a), trim(b)
    while b:
        a, b = b, divmod_(a, b)[1]
    return scale(a, 1 / Fraction(a[-1])) if a else []


def _sign_changes(seq, x) -> int:
    signs = [v > 0 for v in (evaluate(p, x) for p in seq) if v != 0]
    return sum(1 for s, t in zip(signs, signs[1:]) if s != t)


def count_roots(a: Poly1, lo: Fraction, hi: Fraction) -> int:
    """Number of distinct real roots of ``a`` in the half-open interval (lo, hi] (Sturm)."""
    seq = [trim(a), derivative(a)]  # the Sturm sequence: p_{k+1} = -(p_{k-1} mod p_k)
    if len(seq[0]) <= 1:
        return 0
    while seq[-1]:
        seq.append(scale(divmod_(seq[-2], seq[-1])[1], -1))
    return _sign_changes(seq[:-1], lo) - _sign_changes(seq[:-1], hi)


def isolate_real_roots(a: Poly1, lo: Fraction | None = None, hi: Fraction | None = None) -> list[tuple[Fraction, Fraction]]:
    """Sorted disjoint intervals (l, h], each holding exactly one distinct real root of ``a``.

    Bisection never splits at a root (it moves the split point), so a root may only sit at
    the right end ``h`` of its interval.
    """
    a = trim(a)
    if len(a) <= 1:
        return []
    sq = divmod_(a, gcd(a, derivative(a)))[0]  # square-free part: same roots, simple
    if lo is None or hi is None:  # Cauchy: all real roots lie in (-B, B)
        hi = 1 + max(abs(Fraction(c) / sq[-1]) for c in sq[:-1])
        lo = -hi
    out, stack = [], [(Fraction(lo), Fraction(hi))]
    while stack:
        l, h = stack.pop()
        n = count_roots(sq, l, h)
        if n == 1:
            out.append((l, h))
        elif n > 1:
            k = 2
            m = (l + h) / 2
            while evaluate(sq, m) == 0:
                k += 1
                m = l + (h - l) / k
            stack += [(l, m), (m, h)]
    return sorted(out)


def sign_cells(a: Poly1, lo: Fraction, hi: Fraction) -> list[tuple[Fraction, int]]:
    """Exact sign pattern of ``a`` on the closed interval [lo, hi].

    Returns rational sample points with their signs: the two ends, and one point strictly
    inside every open cell between consecutive distinct roots. The sign of ``a`` is constant
    on each cell, so these samples decide any sign condition on [lo, hi].
    """
    lo, hi = Fraction(lo), Fraction(hi)
    a = trim(a)

    def sgn(x):
        v = evaluate(a, x)
        return (v > 0) - (v < 0)

    ends = [(lo, sgn(lo)), (hi, sgn(hi))]
    if len(a) <= 1 or lo >= hi:
        return ends
    sq = divmod_(a, gcd(a, derivative(a)))[0]
    boxes = [list(b) for b in isolate_real_roots(sq, lo, hi) if not (b[1] == hi and evaluate(sq, hi) == 0)]

    def bisect(b):
        m = (b[0] + b[1]) / 2
        if evaluate(sq, m) == 0:
            b[0] = b[1] = m
        elif count_roots(sq, b[0], m) == 1:
            b[1] = m
        else:
            b[0] = m

    # refine until lo < box_0 < box_1 < ... < hi with strict gaps
    changed = True
    while changed:
        changed = False
        rights = [lo] + [b[1] for b in boxes]
        lefts = [b[0] for b in boxes] + [hi]
        for i, b in enumerate(boxes):
            if b[0] != b[1] and (b[0] <= rights[i] or b[1] >= lefts[i + 1]):
                bisect(b)
                changed = True
    gaps = [lo] + [x for b in boxes for x in b] + [hi]
    mids = [(left + right) / 2 for left, right in zip(gaps[::2], gaps[1::2])]
    return [ends[0]] + [(m, sgn(m)) for m in mids] + [ends[1]]


def nonnegative_on(a: Poly1, lo: Fraction, hi: Fraction) -> tuple[bool, Fraction | None]:
    """(True, None) if a ≥ 0 on [lo, hi]; else (False, x) with a(x) < 0 at an exact rational x."""
    return next(((False, x) for x, s in sign_cells(a, lo, hi) if s < 0), (True, None))
