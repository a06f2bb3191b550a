"""Small exact linear algebra over any field of Python scalars (Fraction, AlgebraicNumber):
row reduction, null spaces, least-norm solutions. (PSD decisions use core.linalg.psd_decide.)"""
from __future__ import annotations

from fractions import Fraction

from ..kernel import upoly


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
    """x of least Euclidean norm (in every real embedding) with A x = r exactly, or None if
    inconsistent. Over a totally real number field K = Q(α) the system is solved as a Q-linear one
    in the power basis (multiplication by a ∈ K is a d×d rational matrix), minimizing the trace form
    Σ_j Tr(x_j²) = Σ_σ Σ_j σ(x_j)²: its minimizer is, embedding by embedding, the real least-norm
    solution (x = Aᵀ(AAᵀ)⁻¹r over K), computed in python-flint's fmpq_mat. Other fields: over K."""
    from flint import fmpq, fmpq_mat

    field = getattr(one, "field", None)
    deg = field.degree if field is not None else 1
    powers = [one]
    for _ in range(deg - 1):
        powers.append(powers[-1] * field.gen())

    def coords(x) -> list:
        c = list(x.c) if field is not None else [Fraction(x)]
        return c + [Fraction(0)] * (deg - len(c))

    if field is not None and upoly.count_roots(field.minpoly, -_root_bound(field), _root_bound(field)) != deg:
        return _least_norm_generic(A, r, one)  # not totally real: the trace form is not positive
    # W_kl = Tr(α^{k+l}) (the trace of multiplication by α^{k+l}); W⁻¹ weights the least-norm formula
    traces = [sum((coords(powers[k] * powers[l] * powers[i])[i] for i in range(deg)), Fraction(0))
              for k in range(deg) for l in range(deg)]
    W = fmpq_mat(deg, deg, [fmpq(t.numerator, t.denominator) for t in traces])
    Winv = W.inv()

    m, n = len(A), len(A[0]) if A else 0
    big, rhs = fmpq_mat(m * deg, n * deg), fmpq_mat(m * deg, 1)
    for i in range(m):
        for l, c in enumerate(coords(r[i])):
            rhs[i * deg + l, 0] = fmpq(c.numerator, c.denominator)
        for j in range(n):
            if A[i][j] != 0:
                for k in range(deg):
                    for l, c in enumerate(coords(A[i][j] * powers[k])):
                        if c:
                            big[i * deg + l, j * deg + k] = fmpq(c.numerator, c.denominator)
    R, rank = big.transpose().rref()
    rows = [next(c for c in range(R.ncols()) if R[k, c] != 0) for k in range(rank)]  # independent rows of big
    if not rows:
        x = fmpq_mat(n * deg, 1)
    else:
        As = fmpq_mat(len(rows), n * deg, [big[i, j] for i in rows for j in range(n * deg)])
        rs = fmpq_mat(len(rows), 1, [rhs[i, 0] for i in rows])
        Wb = fmpq_mat(n * deg, n * deg)
        for j in range(n):
            for k in range(deg):
                for l in range(deg):
                    Wb[j * deg + k, j * deg + l] = Winv[k, l]
        AW = As * Wb
        x = AW.transpose() * (AW * As.transpose()).solve(rs)
    if big * x != rhs:
        return None
    zero = one - one

    def value(j):
        return sum((powers[k] * Fraction(int(x[j * deg + k, 0].p), int(x[j * deg + k, 0].q)) for k in range(deg)
                    if x[j * deg + k, 0] != 0), zero)
    return [value(j) for j in range(n)]


def _least_norm_generic(A, r, one=Fraction(1)):
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



def _root_bound(field) -> Fraction:
    """Cauchy's bound: every root of the monic minimal polynomial has |z| < 1 + max |c_i|."""
    return 1 + max(abs(c) for c in field.minpoly[:-1])


def matmul(X, Y, zero=Fraction(0)):
    return [[sum((X[i][k] * Y[k][j] for k in range(len(Y)) if X[i][k] != 0), zero) for j in range(len(Y[0]))]
            for i in range(len(X))]


def transpose(X):
    return [list(c) for c in zip(*X)]
