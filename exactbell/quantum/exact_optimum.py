"""An exact optimal qubit strategy from a numeric one, when the optimum is attained in Q(2cos(2π/M)).

The numeric optimum of :func:`exactbell.sdp.qubit.search` (planar observables cos(a)Z + sin(a)X,
state the top eigenvector) is put in a gauge (each party's first angle 0: a real rotation of the
party, which shifts all its angles alike), its angles are snapped to multiples of 2π/M
(M = 4, 8, 12, 16, 24), and the observables become exact in K = Q(2cos(2π/M)) (:class:`kernel.trig.Trig`).
The top eigenvalue λ of the exact Bell matrix is recognized in K (a rational, or an integer
relation of λ with 1, g, …, g^{n−1} found by PSLQ) and confirmed by an exact eigenvector over K:
then λ is the exact value of an exact strategy, a lower bound to be matched by an SOS at λ.
"""
from __future__ import annotations

from fractions import Fraction
from functools import reduce

from ..kernel.ncpoly import NCPoly
from ..kernel.trig import Trig, angle
from ..sdp import exact
from .strategy import identity, kron, matmul

MODULI = (4, 8, 12, 16, 24)


def _gauge(angles: list) -> list:
    import math

    return [[(a - party[0]) % (2 * math.pi) for a in party] for party in angles]


def snap(angles: list, tol: float = 2e-3):
    """Every (M, [[j]]) with each angle ≈ 2πj/M after the gauge (a larger M gives a larger field,
    which may be needed to hold the eigenvalue: CHSH's angles are multiples of π/2, its 2√2 is in Q(√2))."""
    import math

    g = _gauge(angles)
    for M in MODULI:
        r = [[a * M / (2 * math.pi) for a in party] for party in g]
        if all(abs(v - round(v)) < tol for party in r for v in party):
            yield M, [[round(v) % M for v in party] for party in r]


def bell_matrix(B: NCPoly, observables, one):
    dims = [len(obs[0]) for obs in observables]
    n = 1
    for d in dims:
        n *= d
    total = [[one * 0 for _ in range(n)] for _ in range(n)]
    for mono, c in B.terms.items():
        ops = []
        for party, word in enumerate(mono):
            ops.append(reduce(matmul, [observables[party][x] for x in word], identity(dims[party])))
        op = reduce(kron, ops)
        total = [[t + c * o for t, o in zip(tr, orow)] for tr, orow in zip(total, op)]
    return total


def _mp(x, dps: int):
    import mpmath

    if hasattr(x, "enclosure"):
        lo, hi = x.enclosure()
        while hi - lo > Fraction(1, 10**dps):
            x.field.refine()
            lo, hi = x.enclosure()
        x = (lo + hi) / 2
    return mpmath.mpf(Fraction(x).numerator) / Fraction(x).denominator


def recognize(lam, field, dps: int = 60):
    """λ (mpmath number) as an element of ``field`` (None: Q) with small coefficients, or None."""
    import mpmath

    if field is None:
        q = Fraction(str(mpmath.nstr(lam, 40))).limit_denominator(10**6)
        return q if abs(mpmath.mpf(q.numerator) / q.denominator - lam) < mpmath.mpf(10) ** (-dps // 2) else None
    with mpmath.workdps(dps):
        g = _mp(field.gen(), dps)
        rel = mpmath.pslq([lam] + [g**k for k in range(field.degree)], maxcoeff=10**8, maxsteps=10**5)
    if rel is None or rel[0] == 0:
        return None
    return field.element([Fraction(-c, rel[0]) for c in rel[1:]])


def qubit_optimum(B: NCPoly, angles: list, dps: int = 60):
    """(λ, ψ, observables, field) exact, or None when the optimum is not found in Q(2cos(2π/M))."""
    for M, js in snap(angles):
        found = _in_field(B, M, js, dps)
        if found is not None:
            return found
    return None


def _in_field(B: NCPoly, M: int, js: list, dps: int):
    import mpmath

    trig = Trig(M, "g")
    one = trig.field.element([1]) if trig.field is not None else Fraction(1)
    obs = []
    for party in js:
        ops = []
        for j in party:
            c, s = (one * v for v in (trig.cos(angle(Fraction(2 * j, M))), trig.sin(angle(Fraction(2 * j, M)))))
            ops.append([[c, s], [s, -c]])
        obs.append(ops)
    Bm = bell_matrix(B, obs, one)
    with mpmath.workdps(dps):
        A = mpmath.matrix([[_mp(v, dps) for v in row] for row in Bm])
        lam = max(mpmath.eigsy(A, eigvals_only=True))
        eta = recognize(lam, trig.field, dps)
    if eta is None:
        return None
    eta = one * eta
    shifted = [[v - (eta if i == j else 0) for j, v in enumerate(row)] for i, row in enumerate(Bm)]
    kernel = exact.nullspace(shifted, one)
    if not kernel:
        return None
    return eta, kernel[0], obs, trig.field
