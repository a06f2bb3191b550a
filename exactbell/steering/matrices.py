"""Exact dense matrices over Q(i) / K(i) (lists of rows of :class:`~exactbell.kernel.gaussian.Gaussian`).

Float-free (imported by the trusted checkers). Tensor convention: ``kron(A, B)`` has row index
i_A·dim_B + i_B, i.e. the first factor (Alice) is the most significant — the usual Kronecker order.
"""
from __future__ import annotations

from ..kernel.gaussian import Gaussian, conj, herm_psd, parse_gaussian

ZERO = Gaussian(0, 0)
ONE = Gaussian(1, 0)


class MatrixError(ValueError):
    """Wrong shape, non-Hermitian where Hermitian is required, ..."""


def zeros(n, m=None):
    return [[ZERO for _ in range(n if m is None else m)] for _ in range(n)]


def identity(n):
    return [[ONE if i == j else ZERO for j in range(n)] for i in range(n)]


def shape(M):
    return (len(M), len(M[0]) if M else 0)


def is_square(M, n=None) -> bool:
    return isinstance(M, list) and (n is None or len(M) == n) and all(
        isinstance(r, list) and len(r) == len(M) for r in M)


def add(X, Y):
    return [[a + b for a, b in zip(r, s)] for r, s in zip(X, Y)]


def sub(X, Y):
    return [[a - b for a, b in zip(r, s)] for r, s in zip(X, Y)]


def scale(c, X):
    return [[c * a for a in r] for r in X]


def matmul(X, Y):
    m = len(Y[0])
    out = []
    for r in X:
        row = []
        for j in range(m):
            s = ZERO
            for k, a in enumerate(r):
                if a:
                    b = Y[k][j]
                    if b:
                        s = s + a * b
            row.append(s)
        out.append(row)
    return out


def adjoint(X):
    return [[conj(X[i][j]) for i in range(len(X))] for j in range(len(X[0]))]


def transpose(X):
    return [[X[i][j] for i in range(len(X))] for j in range(len(X[0]))]


def conjugate(X):
    return [[conj(a) for a in r] for r in X]


def trace(X):
    s = ZERO
    for i in range(len(X)):
        s = s + X[i][i]
    return s


def kron(X, Y):
    p, q = len(Y), len(Y[0])
    return [[X[i // p][j // q] * Y[i % p][j % q] for j in range(len(X[0]) * q)] for i in range(len(X) * p)]


def is_hermitian(X) -> bool:
    n = len(X)
    return all(X[i][j] == conj(X[j][i]) for i in range(n) for j in range(i, n))


def partial_trace_A(R, dA, dB):
    """tr_A R for R on C^dA ⊗ C^dB."""
    return [[sum((R[a * dB + i][a * dB + j] for a in range(dA)), ZERO) for j in range(dB)] for i in range(dB)]


def partial_trace_B(R, dA, dB):
    return [[sum((R[i * dB + b][j * dB + b] for b in range(dB)), ZERO) for j in range(dA)] for i in range(dA)]


def steer(R, M, dA, dB):
    """tr_A[(M ⊗ 1) R] without forming M ⊗ 1: entry (i,j) = Σ_{a,a'} M[a][a'] R[a'dB+i][a dB+j]."""
    out = zeros(dB)
    for a in range(dA):
        for a2 in range(dA):
            m = M[a][a2]
            if not m:
                continue
            for i in range(dB):
                for j in range(dB):
                    r = R[a2 * dB + i][a * dB + j]
                    if r:
                        out[i][j] = out[i][j] + m * r
    return out


def quad(X, v):
    """v† X v."""
    Xv = [sum((X[i][j] * v[j] for j in range(len(v))), ZERO) for i in range(len(X))]
    return sum((conj(v[i]) * Xv[i] for i in range(len(v))), ZERO)


def matvec(X, v):
    return [sum((X[i][j] * v[j] for j in range(len(v))), ZERO) for i in range(len(X))]


def psd(X, field=None):
    """Exact PSD test of a Hermitian matrix (shared LDLᵀ). Raises MatrixError if not Hermitian."""
    try:
        return herm_psd(X, field)
    except ValueError as e:
        raise MatrixError(str(e)) from None


def parse_matrix(raw, field=None, n=None, m=None, what="matrix"):
    """A matrix from JSON: a list of rows of complex scalars (see parse_gaussian)."""
    if not isinstance(raw, list) or not raw or any(not isinstance(r, list) for r in raw):
        raise MatrixError(f"{what} must be a non-empty list of rows")
    rows = len(raw)
    cols = len(raw[0])
    if any(len(r) != cols for r in raw):
        raise MatrixError(f"{what} has rows of different lengths")
    if n is not None and rows != n:
        raise MatrixError(f"{what} has {rows} rows, expected {n}")
    if m is not None and cols != m:
        raise MatrixError(f"{what} has {cols} columns, expected {m}")
    return [[parse_gaussian(v, field) for v in r] for r in raw]


def matrix_text(X):
    return [[z.to_text() if isinstance(z, Gaussian) else Gaussian.lift(z).to_text() for z in r] for r in X]


def lift_matrix(X):
    return [[Gaussian.lift(z) for z in r] for r in X]


# Pauli matrices (exact); index 0,1,2 = X,Y,Z (the paper's σ_1, σ_2, σ_3)
PAULI = (
    [[ZERO, ONE], [ONE, ZERO]],
    [[ZERO, Gaussian(0, -1)], [Gaussian(0, 1), ZERO]],
    [[ONE, ZERO], [ZERO, -ONE]],
)
