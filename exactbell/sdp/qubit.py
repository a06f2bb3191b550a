"""Numeric search for good qubit strategies, returned with exact rational entries.

Observables are real planar qubit observables cos(a)σ_Z + sin(a)σ_X; angles are rationalized
through the rational parametrization of the circle (c, s) = ((1−t²)/(1+t²), 2t/(1+t²)), so every
observable is an exact ±1 observable. The state is the top eigenvector of the Bell operator,
rationalized entrywise and used unnormalized (``normalization: divide``). The exact value of
the rational strategy is a rigorous lower bound on the quantum maximum.
"""
from __future__ import annotations

from fractions import Fraction

import numpy as np

from ..kernel.ncpoly import NCPoly
from ..quantum.strategy import expectation_complex


def _obs(a):
    return np.array([[np.cos(a), np.sin(a)], [np.sin(a), -np.cos(a)]])


def _bell_matrix(B: NCPoly, observables):
    dims = [2] * len(observables)
    total = np.zeros((2 ** len(dims), 2 ** len(dims)))
    for mono, c in B.terms.items():
        op = np.eye(1)
        for party, word in enumerate(mono):
            M = np.eye(2)
            for x in word:
                M = M @ observables[party][x]
            op = np.kron(op, M)
        total += float(c) * op
    return total


def _exact_circle(a: float, D: int):
    t = Fraction(np.tan(a / 2)).limit_denominator(D) if abs(np.cos(a / 2)) > 1e-12 else None
    if t is None:
        return Fraction(-1), Fraction(0)
    return (1 - t * t) / (1 + t * t), 2 * t / (1 + t * t)


def search(B: NCPoly, inputs, restarts: int = 20, seed: int = 0):
    """Best numeric qubit angles (list per party) and value."""
    from scipy.optimize import minimize

    rng = np.random.default_rng(seed)
    sizes = list(inputs)
    nvar = sum(sizes)

    def unpack(v):
        out, k = [], 0
        for m in sizes:
            out.append([_obs(v[k + x]) for x in range(m)])
            k += m
        return out

    def f(v):
        return -np.linalg.eigvalsh(_bell_matrix(B, unpack(v)))[-1]

    best = None
    for _ in range(restarts):
        r = minimize(f, rng.uniform(0, 2 * np.pi, nvar), method="BFGS")
        if best is None or r.fun < best.fun:
            best = r
    angles, k = [], 0
    for m in sizes:
        angles.append(list(best.x[k:k + m]))
        k += m
    return angles, -best.fun


def exact_strategy(B: NCPoly, angles, D: int | None = None, target: float | None = None):
    """Rational observables near ``angles``, rational (unnormalized) top eigenvector, exact value.

    Without ``D`` the smallest denominator bound 10^k (k ≤ 7) whose exact value is within 1e-9 of
    the best one is used, to keep the certificate short."""
    if D is None:
        best = exact_strategy(B, angles, 10**7)
        for k in range(1, 7):
            cand = exact_strategy(B, angles, 10**k)
            if float(best[2] - cand[2]) <= 1e-9:
                return cand
        return best
    observables = []
    for party in angles:
        obs = []
        for a in party:
            c, s = _exact_circle(a, D)
            obs.append([[c, s], [s, -c]])
        observables.append(obs)
    M = _bell_matrix(B, [[np.array([[float(v) for v in row] for row in O]) for O in p] for p in observables])
    w, V = np.linalg.eigh(M)
    v = V[:, -1]
    v = v / np.abs(v).max()
    psi = [Fraction(x).limit_denominator(D) for x in v]
    value = expectation_complex(B, psi, observables, normalize=True)
    return psi, observables, value
