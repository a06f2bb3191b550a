"""Exact finite-dimensional quantum strategies: a pure state and ±1-valued observables.

Entries are exact scalars of one field (rationals or a real number field). The value of a
Bell operator B = Σ c_m m is ⟨ψ| B |ψ⟩ with each monomial m = (word_A, word_B, …) mapped to
the tensor product of the products of the parties' observables.
"""
from __future__ import annotations

from fractions import Fraction


def matmul(X, Y):
    return [[sum((X[i][k] * Y[k][j] for k in range(len(Y)) if X[i][k] != 0), 0) for j in range(len(Y[0]))]
            for i in range(len(X))]


def identity(n):
    return [[Fraction(int(i == j)) for j in range(n)] for i in range(n)]


def kron(X, Y):
    return [[X[i // len(Y)][j // len(Y[0])] * Y[i % len(Y)][j % len(Y[0])] for j in range(len(X[0]) * len(Y[0]))]
            for i in range(len(X) * len(Y))]


def transpose(X):
    return [list(col) for col in zip(*X)]


class StrategyError(ValueError):
    pass


def check_observable(O, name: str):
    """O must be square, symmetric (real Hermitian) and square to the identity."""
    n = len(O)
    if any(len(row) != n for row in O):
        raise StrategyError(f"{name} is not square")
    if O != transpose(O):
        raise StrategyError(f"{name} is not symmetric (Hermitian)")
    if matmul(O, O) != identity(n):
        raise StrategyError(f"{name} does not square to the identity")


def expectation(poly, psi, observables):
    """⟨ψ| B |ψ⟩ for an NCPoly ``poly`` and observables[party][input] (validated)."""
    dims = [len(obs[0]) for obs in observables]
    total = 0
    for mono, c in poly.terms.items():
        op = None
        for party, word in enumerate(mono):
            M = identity(dims[party])
            for x in word:
                M = matmul(M, observables[party][x])
            op = M if op is None else kron(op, M)
        v = [sum((op[i][j] * psi[j] for j in range(len(psi)) if op[i][j] != 0), 0) for i in range(len(psi))]
        total = total + c * sum((psi[i] * v[i] for i in range(len(psi))), 0)
    return total
