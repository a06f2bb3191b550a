"""Small exact linear algebra over any field of Python scalars (Fraction, AlgebraicNumber):
row reduction, null spaces, least-norm solutions. (PSD decisions use core.linalg.psd_decide.)"""
from __future__ import annotations

from fractions import Fraction


def rref(A, one=Fraction(1)):
    """Reduced row echelon form (copy) and the pivot columns."""
    R = [list(row) for row in A]
    rows = len(R)
    cols = len(R[0]) if R else 0
    pivots, r = [], 0
    for c in range(cols):
        p = next((i for i in range(r, rows) if R[i][c] != 0), None)
        if p is None:
            continue
        R[r], R[p] = R[p], R[r]
        inv = one / R[r][c]
        R[r] = [v * inv if v != 0 else v for v in R[r]]
        for i in range(rows):
            if i != r and R[i][c] != 0:
                f = R[i][c]
                R[i] = [a - f * b if b != 0 else a for a, b in zip(R[i], R[r])]
        pivots.append(c)
        r += 1
        if r == rows:
            break
    return R, pivots


def nullspace(A, one=Fraction(1)) -> list[list]:
    """A basis of {x : A x = 0} (list of vectors)."""
    cols = len(A[0])
    R, pivots = rref(A, one)
    zero = one - one
    free = [c for c in range(cols) if c not in pivots]
    basis = []
    for f in free:
        x = [zero] * cols
        x[f] = one
        for i, p in enumerate(pivots):
            x[p] = -R[i][f]
        basis.append(x)
    return basis


def independent_rows(A, one=Fraction(1)) -> list[int]:
    """Indices of a maximal set of linearly independent rows (greedy, in order)."""
    T = [list(col) for col in zip(*A)]  # columns of A^T are rows of A
    _, pivots = rref(T, one)
    return pivots


def solve_square(M, b, one=Fraction(1)):
    n = len(M)
    aug = [list(M[i]) + [b[i]] for i in range(n)]
    R, pivots = rref(aug, one)
    if pivots != list(range(n)):
        raise ZeroDivisionError("singular system")
    return [R[i][n] for i in range(n)]


def least_norm_solution(A, r, one=Fraction(1)):
    """x of least Euclidean norm with A x = r exactly, or None if inconsistent."""
    rows = independent_rows(A, one)
    As = [A[i] for i in rows]
    rs = [r[i] for i in rows]
    zero = one - one
    n = len(A[0])
    if not As:
        return [zero] * n if all(v == 0 for v in r) else None
    M = [[sum((a * b for a, b in zip(As[i], As[j]) if a != 0 and b != 0), zero) for j in range(len(As))]
         for i in range(len(As))]
    z = solve_square(M, rs, one)
    x = [sum((As[i][k] * z[i] for i in range(len(As)) if As[i][k] != 0), zero) for k in range(n)]
    for i in range(len(A)):
        if sum((a * b for a, b in zip(A[i], x) if a != 0), zero) != r[i]:
            return None
    return x


def matmul(X, Y, zero=Fraction(0)):
    return [[sum((X[i][k] * Y[k][j] for k in range(len(Y)) if X[i][k] != 0), zero) for j in range(len(Y[0]))]
            for i in range(len(X))]


def transpose(X):
    return [list(c) for c in zip(*X)]
