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


# ---------------------------------------------------------------------------------------------
# Complex entries over a real field (Q, Q(α)): states and observables with entries in K(i).

class Complex:
    """a + b·i with a, b in an exact real field (Fraction or AlgebraicNumber)."""

    __slots__ = ("re", "im")

    def __init__(self, re, im=0):
        self.re, self.im = re, im

    @staticmethod
    def lift(x):
        return x if isinstance(x, Complex) else Complex(x, 0 * x)

    def __add__(self, o):
        o = Complex.lift(o)
        return Complex(self.re + o.re, self.im + o.im)

    __radd__ = __add__

    def __neg__(self):
        return Complex(-self.re, -self.im)

    def __sub__(self, o):
        return self + (-Complex.lift(o))

    def __rsub__(self, o):
        return Complex.lift(o) - self

    def __mul__(self, o):
        o = Complex.lift(o)
        return Complex(self.re * o.re - self.im * o.im, self.re * o.im + self.im * o.re)

    __rmul__ = __mul__

    def conjugate(self):
        return Complex(self.re, -self.im)

    def norm2(self):
        return self.re * self.re + self.im * self.im

    def __truediv__(self, o):
        o = Complex.lift(o)
        n = o.norm2()
        if n == 0:
            raise ZeroDivisionError("division by zero")
        p = self * o.conjugate()
        return Complex(p.re / n, p.im / n)

    def __rtruediv__(self, o):
        return Complex.lift(o) / self

    def __pow__(self, n: int):
        if not isinstance(n, int) or n < 0:
            return NotImplemented
        out = Complex(self.re * 0 + 1, self.re * 0)
        for _ in range(n):
            out = out * self
        return out

    def __eq__(self, o):
        if isinstance(o, Complex):
            return self.re == o.re and self.im == o.im
        return self.im == 0 and self.re == o

    __hash__ = None

    def is_real(self) -> bool:
        return self.im == 0

    def __repr__(self):
        return f"Complex({self.re!r}, {self.im!r})"


def conj(z):
    """Complex conjugate of an exact scalar (real scalars are their own conjugate; also kernel Gaussians)."""
    return z.conjugate() if isinstance(z, Complex) else z.conj() if hasattr(z, "conj") and hasattr(z, "im") else z


def real_part(z):
    return z.re if isinstance(z, Complex) or (hasattr(z, "re") and hasattr(z, "im")) else z


def adjoint_matrix(X):
    return [[conj(X[j][i]) for j in range(len(X))] for i in range(len(X[0]))]


def check_hermitian_observable(O, name: str):
    """O must be square, Hermitian (O = O†) and square to the identity; entries real or Complex."""
    n = len(O)
    if any(len(row) != n for row in O):
        raise StrategyError(f"{name} is not square")
    if any(O[i][j] != conj(O[j][i]) for i in range(n) for j in range(n)):
        raise StrategyError(f"{name} is not Hermitian")
    if matmul(O, O) != identity(n):
        raise StrategyError(f"{name} does not square to the identity")


def expectation_complex(poly, psi, observables, normalize: bool = False):
    """⟨ψ| B |ψ⟩ (divided by ⟨ψ|ψ⟩ when ``normalize``) for Hermitian B; the result must be real."""
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
        total = total + c * sum((conj(psi[i]) * v[i] for i in range(len(psi))), 0)
    norm = sum((conj(z) * z for z in psi), 0)
    norm = real_part(norm)
    if isinstance(total, Complex):
        if total.im != 0:
            raise StrategyError("the Bell operator has a non-real expectation (is it Hermitian?)")
        total = total.re
    if normalize:
        if norm == 0:
            raise StrategyError("the state is zero")
        return total / norm
    if norm != 1:
        raise StrategyError("state is not normalized")
    return total


def pauli(one=Fraction(1)):
    """σ_X, σ_Y, σ_Z with exact entries (σ_Y complex)."""
    z = one - one
    X = [[z, one], [one, z]]
    Y = [[Complex(z, z), Complex(z, -one)], [Complex(z, one), Complex(z, z)]]
    Z = [[one, z], [z, -one]]
    return X, Y, Z


def planar_observable(c, s, plane: str = "XZ"):
    """cos·σ_1 + sin·σ_2 for the plane "XZ" (c σ_Z + s σ_X, real), "ZX" (c σ_Z + s σ_X as well,
    alias) or "XY" (c σ_X + s σ_Y, complex). ``c² + s² = 1`` is the caller's duty (checked later)."""
    z = c - c
    if plane in ("XZ", "ZX"):
        return [[c, s], [s, -c]]
    if plane == "XY":
        return [[Complex(z, z), Complex(c, -s)], [Complex(c, s), Complex(z, z)]]
    raise ValueError(f"unknown plane {plane!r}")
