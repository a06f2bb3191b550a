"""Exact dense linear algebra (lists of rows) over any exact field: Q, real number fields, K(i)."""
from dataclasses import dataclass
from fractions import Fraction
from itertools import product
from math import prod


@dataclass
class PSDResult:
    psd: bool
    pivots: list  # the diagonal D of M = L D L†, in elimination order (pivot index, value)
    witness: list | None = None  # v with v† M v < 0 when not PSD
    witness_value: object = None


def psd_decide(M, conj=lambda z: z, sign=lambda d: (d > 0) - (d < 0), one=Fraction(1)) -> PSDResult:
    """Decide M ⪰ 0 by symmetric elimination M = L D L†: PSD iff no pivot is negative and a zero pivot has a zero
    row; else an exact witness v with v† M v < 0. ``sign``: the sign of a (real) diagonal entry."""
    n, zero = len(M), one - one
    if any(len(row) != n for row in M):
        raise ValueError("matrix is not square")
    if (bad := next(((i, j) for i in range(n) for j in range(i, n) if M[i][j] != conj(M[j][i])), None)):
        raise ValueError(f"matrix is not symmetric/Hermitian at {bad}")
    S, T, pivots = [list(row) for row in M], identity(n, one), []  # invariant: S = T M T†
    for k in range(n):
        d = S[k][k]
        s = sign(d)
        if s < 0:
            return PSDResult(False, pivots, [conj(t) for t in T[k]], d)
        if s == 0 and (j := next((j for j in range(k + 1, n) if S[k][j] != 0), None)) is not None:
            # S_kk = 0 ≠ b = S_kj: w = t e_k + e_j, t = −(S_jj + 1) b / (2|b|²), has w†Sw = −1; v = T† w
            b = S[k][j]
            t = -(S[j][j] + one) * b / (2 * (b * conj(b)))
            v = [conj(T[k][i]) * t + conj(T[j][i]) for i in range(n)]
            return PSDResult(False, [], v, -one)
        pivots.append((k, d))
        for i in range(k + 1, n) if s else ():
            if S[i][k] != 0:
                f = S[i][k] / d
                for j in range(k + 1, n):
                    if S[k][j] != 0:
                        S[i][j] = S[i][j] - f * S[k][j]
                T[i] = [t - f * u for t, u in zip(T[i], T[k])]
        for i in range(k + 1, n):
            S[i][k] = S[k][i] = zero
    return PSDResult(True, pivots)


def rank(M) -> int:
    """Rank over the field of the entries (Gaussian elimination)."""
    A, r = [list(row) for row in M], 0
    for c in range(len(A[0]) if A else 0):
        piv = next((i for i in range(r, len(A)) if A[i][c] != 0), None)
        if piv is not None:
            A[r], A[piv] = A[piv], A[r]
            for i in range(r + 1, len(A)):
                if A[i][c] != 0:
                    f = A[i][c] / A[r][c]
                    A[i] = [x - f * y for x, y in zip(A[i], A[r])]
            r += 1
    return r


def is_matrix(raw, n, m=None) -> bool:
    """``raw`` (hostile JSON) is a list of n lists of m entries each (m = n when omitted)."""
    return isinstance(raw, list) and len(raw) == n and all(
        isinstance(r, list) and len(r) == (n if m is None else m) for r in raw)


def identity(n, one=Fraction(1)):
    return [[one if i == j else one - one for j in range(n)] for i in range(n)]


def add(X, Y):
    return [[a + b if b else a for a, b in zip(r, s)] for r, s in zip(X, Y)]


def scale(c, X):
    return [[c * a if a else a for a in r] for r in X]


def mul(X, Y):
    zero, cols = X[0][0] - X[0][0], list(zip(*Y))
    return [[sum((a * b for a, b in zip(r, c) if a and b), zero) for c in cols] for r in X]


def adjoint(X, conj=lambda z: z):
    return [[conj(X[i][j]) for i in range(len(X))] for j in range(len(X[0]))]


def trace(X):
    return sum((X[i][i] for i in range(1, len(X))), X[0][0])


def kron(X, Y):
    """X ⊗ Y, the first factor most significant."""
    p, q = len(Y), len(Y[0])
    return [[X[i // p][j // q] * Y[i % p][j % q] for j in range(len(X[0]) * q)] for i in range(len(X) * p)]


def partial_trace(M, dims, traced):
    """Tr over the subsystems ``traced`` of M on ⊗_k C^{dims[k]} (first subsystem most significant)."""
    kept = [k for k in range(len(dims)) if k not in traced]
    keys = [(tuple(ds[k] for k in traced), sum(ds[k] * prod(dims[j] for j in kept if j > k) for k in kept))
            for ds in product(*(range(d) for d in dims))]
    n = prod(dims[k] for k in kept)
    out = [[M[0][0] - M[0][0]] * n for _ in range(n)]
    for (tr, kr), row in zip(keys, M, strict=True):
        for (tc, kc), v in zip(keys, row, strict=True):
            if tr == tc:
                out[kr][kc] = out[kr][kc] + v
    return out
