"""Producer-side matrix helpers over Q(i) / K(i) (lists of rows of :class:`~exactbell.kernel.gaussian.Gaussian`).

The exact operations the kernel relies on (products, Kronecker products, partial traces, the steered state)
live in :mod:`exactbell.kernel.linalg` and :mod:`exactbell.kernel.steering` and are re-exported here under their
producer names; this module only adds what certificate *producers* need (shapes, transposes, JSON text, the Pauli matrices).
"""
from __future__ import annotations

from fractions import Fraction

from ..kernel.expr import ExprError, FieldAlgebra, parse
from ..kernel.gaussian import Gaussian, conj, herm_psd
from ..kernel.numbers import ExactnessError
from ..kernel import linalg
from ..kernel.linalg import add, kron, scale, trace  # noqa: F401
from ..kernel.linalg import mul as matmul  # noqa: F401
from ..kernel.gaussian import ONE, ZERO  # noqa: F401
from ..kernel.steering import steer  # noqa: F401


def parse_gaussian(value, field=None) -> Gaussian:
    """Read a complex scalar: an int, a "p/q" string, or an expression in ``i`` (and the generator of the
    optional real :class:`~exactbell.kernel.algebraic.NumberField` ``field``; ``i`` is reserved). Producer
    side: the kernel reads matrices with :func:`exactbell.kernel.gaussian.read_matrix`."""
    if isinstance(value, bool) or not isinstance(value, (int, Fraction, str)):
        raise ExactnessError(f"{type(value).__name__} {value!r} where an exact complex number is required")
    if field is not None:
        if field.generator == "i":
            raise ExprError("the field generator may not be called 'i' (reserved for the imaginary unit)")
        zero = field.element([])
        lift = lambda q: Gaussian(field.element([q]), zero)  # noqa: E731
        names = {"i": Gaussian(zero, field.element([1])), field.generator: Gaussian(field.gen(), zero)}
    else:
        lift = lambda q: Gaussian(Fraction(q), Fraction(0))  # noqa: E731
        names = {"i": Gaussian(0, 1)}
    v = parse(value, FieldAlgebra(names=names, lift=lift)) if isinstance(value, str) else value
    return v if isinstance(v, Gaussian) else lift(v)


def identity(n):
    return linalg.identity(n, ONE)


def zeros(n):
    return [[ZERO] * n for _ in range(n)]


def adjoint(X):
    return linalg.adjoint(X, conj)


class MatrixError(ValueError):
    """Wrong shape, non-Hermitian where Hermitian is required, ..."""


def shape(M):
    return (len(M), len(M[0]) if M else 0)


def is_square(M, n=None) -> bool:
    return isinstance(M, list) and (n is None or len(M) == n) and all(
        isinstance(r, list) and len(r) == len(M) for r in M)


def sub(X, Y):
    return [[a - b for a, b in zip(r, s)] for r, s in zip(X, Y)]


def transpose(X):
    return [[X[i][j] for i in range(len(X))] for j in range(len(X[0]))]


def is_hermitian(X) -> bool:
    n = len(X)
    return all(X[i][j] == conj(X[j][i]) for i in range(n) for j in range(i, n))


def matvec(X, v):
    return [sum((X[i][j] * v[j] for j in range(len(v))), ZERO) for i in range(len(X))]


def quad(X, v):
    """v† X v."""
    return sum((conj(a) * b for a, b in zip(v, matvec(X, v))), ZERO)


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
    rows, cols = len(raw), len(raw[0])
    if any(len(r) != cols for r in raw):
        raise MatrixError(f"{what} has rows of different lengths")
    if n is not None and rows != n:
        raise MatrixError(f"{what} has {rows} rows, expected {n}")
    if m is not None and cols != m:
        raise MatrixError(f"{what} has {cols} columns, expected {m}")
    return [[parse_gaussian(v, field) for v in r] for r in raw]


def matrix_text(X):
    """JSON text form (rows of strings), readable back by :func:`parse_matrix`."""
    return [[Gaussian.lift(z).to_text() for z in r] for r in X]


# Pauli matrices (exact); index 0,1,2 = X,Y,Z (the paper's σ_1, σ_2, σ_3)
PAULI = (
    [[ZERO, ONE], [ONE, ZERO]],
    [[ZERO, Gaussian(0, -1)], [Gaussian(0, 1), ZERO]],
    [[ONE, ZERO], [ZERO, -ONE]],
)
